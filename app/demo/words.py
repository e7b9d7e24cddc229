"""The words of the sample year: every sentence written for Tend's demo, kind and varied.

Nothing here is anyone's real story. Pools are combined at random (seeded), so a year
of entries reads like a person, not a template.
"""

from __future__ import annotations

TAGS = (
    "home", "work", "weekend", "evenings", "family", "money", "walks", "cooking",
    "sleep", "friends", "holidays", "chores", "health", "music", "garden", "travel",
)  # fmt: skip

CALM_FEELINGS = ("calm", "settled", "content", "relieved", "grounded", "at ease", "peaceful")
WARM_FEELINGS = ("grateful", "warm", "close", "tender", "hopeful", "glad", "touched", "playful")
HARD_FEELINGS = (
    "hurt", "frustrated", "lonely", "tired", "anxious", "disappointed", "distant",
    "overwhelmed", "unseen", "tense", "let down", "drained",
)  # fmt: skip

REFLECTION_TITLES = (
    "What sits with me tonight", "Noticing my reactions", "A slower morning",
    "Thinking about how we talk", "Why the small things matter", "Tired, but honest",
    "What I want us to feel", "After the visit", "Listening better", "Old habits",
    "A quieter week", "What I carry from work",
)  # fmt: skip
REFLECTION_LINES = (
    "I noticed that I get short with you when I am hungry, not when something is wrong between us.",
    "Today I caught myself about to sigh loudly, and chose to ask a question instead.",
    "I keep thinking about how you laughed at breakfast. I want more mornings like that.",
    "Work took most of me today, and I could feel how little was left for us by evening.",
    "I realised I expect you to guess what I need, and that is not fair to either of us.",
    "When I slow down before answering, our conversations go somewhere better.",
    "I am learning that being right matters much less to me than feeling close.",
    "We were both quiet tonight, but it felt like a comfortable quiet for once.",
    "I want to tell you more often what I admire in you, not only what I need.",
    "Something in me relaxed when you asked how my day really was.",
    "I noticed my shoulders tighten when the subject of money came up, before either of us spoke.",
    "I am proud of how we handled the plans for the weekend: no one gave in, we just agreed.",
    "Writing this, I can see the argument was about being tired, not about the dishes.",
    "I would like to be more patient with myself while I learn to be more patient with you.",
    "It helps to remember that we are on the same side, even when we disagree.",
)
CHECK_IN_TITLES = ("Daily check-in", "Check-in", "Today, briefly", "How I am", "End of the day")
CHECK_IN_LINES = (
    "Slept badly, but the walk at lunch helped. Feeling more like myself tonight.",
    "A busy day. We only spoke at dinner, and it was kind.",
    "Feeling steady. Nothing big happened, and that is fine.",
    "A bit low this morning; better after we talked in the car.",
    "Good energy today. I made tea for both of us without being asked.",
    "Tense at work, and I noticed I brought some of it home. I said so, and that helped.",
    "Quiet and content. We watched something silly and laughed.",
    "Tired and a little tearful. I asked for a hug and got one.",
    "I felt heard today when I talked about my sister.",
    "Restless, not sure why. Breathing for five minutes took the edge off.",
    "A warm day. We cooked together and nobody was in a hurry.",
    "Honestly a hard day, but I did not take it out on anyone.",
)
GRATITUDE_TITLES = (
    "Small kindness", "Thank you for this", "Something I noticed", "Grateful tonight",
    "What you did without being asked", "A good moment",
)  # fmt: skip
GRATITUDE_LINES = (
    "You left the porch light on for me when I was late.",
    "You remembered the name of my colleague and asked how her surgery went.",
    "You made space for me to talk without trying to fix anything.",
    "You took the early school run so I could sleep a little longer.",
    "The way you waved from the window as I left made my morning.",
    "You apologised first, even though we were both a little wrong.",
    "You fixed the bike without me having to ask twice.",
    "You sent me a photo of the sunset because you knew I would like it.",
    "You stayed calm when I was flustered about the bills.",
    "You noticed I was quiet and simply sat beside me.",
    "You laughed at my terrible joke as if it were the best one all week.",
    "You told your mother, kindly and clearly, that we would decide together.",
)
MOMENT_TITLES = (
    "Our walk by the river", "Pancakes on Sunday", "Dancing in the kitchen",
    "The long drive", "Planting the tomatoes", "A night of old photos",
    "Rain on the tent", "Our favourite café", "The new recipe",
)  # fmt: skip
MOMENT_LINES = (
    "We walked further than we meant to and talked about where we want to be in five years.",
    "We tried the recipe from your grandmother's notebook and it almost worked.",
    "We put on the old playlist and danced badly while the pasta boiled.",
    "We looked through photos from our first year and could not stop smiling.",
    "We sat in the garden until it got dark, saying very little and feeling close.",
    "We planned the trip together, and for once nobody felt rushed.",
    "We played cards and let the phones stay in the other room all evening.",
    "We got caught in the rain and laughed all the way home.",
)
BOUNDARY_TITLES = (
    "What I need on weeknights",
    "Asking for quiet",
    "About my phone",
    "Space to think",
)
BOUNDARY_LINES = (
    "I need half an hour after work before we talk about plans. I can say that kindly and early.",
    "I would like us to agree that big money decisions wait until we have both slept on them.",
    "I need to say no to some family visits without it meaning I love them less.",
    "I want to keep Sunday mornings slow, and I can offer Saturday for errands instead.",
)
LETTER_TITLES = ("A letter I will not send", "To you, from the hard week", "Forgiving, slowly")
LETTER_LINES = (
    "Dear you, I am still a little hurt about the birthday, and I am also ready to let it go.",
    "I wish I had said sooner how lonely that winter was. I do not blame you; I just "
    "want you to know.",
    "I forgive you for the words in the car, and I forgive myself for mine.",
)

SETBACK_TITLES = (
    "The argument about dinner", "Raised voices", "When I went quiet", "Over the bills again",
    "The phone at the table", "The weekend plans", "Late again",
)  # fmt: skip
SETBACK_HAPPENED = (
    "We argued about who forgot to pay the bill, and both of us raised our voices.",
    "I went silent for the whole evening after a comment about my family.",
    "I answered a simple question with sarcasm and saw it land hard.",
    "We were both exhausted and it turned into a list of everything the other does wrong.",
    "I defended myself instead of listening when you said you felt left out.",
    "Plans for the weekend turned into an argument about whose needs always come last.",
    "I came home late without texting and we both said things we did not mean.",
)
SETBACK_LEARNED = (
    "When I am flooded, I need to say so and take twenty minutes before I try again.",
    "Starting with how I feel works better than starting with what you did.",
    "Most of my sharpness comes from being tired; I can name that instead of acting it out.",
    "Owning my part, even a small part, softens the whole conversation.",
    "A short message when I am running late saves us a whole evening.",
    "Underneath the complaint was a wish to feel like a team.",
    "Going quiet protects me, but it leaves you alone. I can say I will come back.",
)
SETBACK_NEXT = (
    "Ask for a pause before my voice rises, and name when we will come back to it.",
    "Try a gentle start-up: what I noticed, how I felt, what I need.",
    "Check in about the week on Sunday evening, before things pile up.",
    "Say thank you for the small things, out loud, every day this week.",
)
REPAIR_HOW = (
    "We went for a walk the next morning and both said sorry.",
    "I wrote a note and left it by the kettle; we talked that evening.",
    "A long hug in the kitchen, then a calm talk about what happened.",
    "We sat down with tea and took turns listening without interrupting.",
    "You reached for my hand and I squeezed back. We talked it through after dinner.",
)

# Practice attempts: early ones tend to be sharper, later ones gentler.
HARSH_LINES = (
    "You never listen when I talk about my day.",
    "You always leave the dishes for me, as usual.",
    "Oh great, another brilliant idea from you.",
    "It's not my fault, you're the one who forgot to tell me.",
    "Whatever. Do what you want, I'm done talking.",
    "You are so selfish with your time.",
    "Why do you always have to be late?",
    "That's ridiculous, you obviously don't care.",
)
GENTLE_LINES = (
    "When I saw the dishes still in the sink, I felt tired, because I need us to "
    "share the evening jobs. Would you be willing to do them tonight?",
    "I felt lonely at dinner when the phones came out. Could we keep dinner phone-free this week?",
    "I'm feeling overwhelmed and I need a twenty minute break. I'll come back and we "
    "can finish this.",
    "I'm sorry I snapped earlier. I was stressed about work, and it wasn't about you.",
    "When plans change at the last minute I feel unsettled, because I need some "
    "predictability. Could we agree on Fridays?",
    "I can see why that upset you. Tell me more about what it was like for you.",
    "It sounds like you felt left out of the decision, and that makes sense to me.",
    "Can we start over? I'd like to hear you properly this time.",
    "I was worried when you didn't text. Would you send me a quick message next time you're late?",
    "I really appreciate how you handled my mother today. It meant a lot.",
    "I'm sorry I forgot your birthday dinner. I can see it hurt, and I'd like to "
    "plan a new evening together.",
    "When I'm anxious, I pull away, and I'm practising staying close instead.",
)

GOALS = (
    ("shared_experience", "Take the night train to the coast together",
     "We keep saying one day. I want one day to be on the calendar."),
    ("learn_together", "Learn to cook three dishes from your family",
     "Food was how your family said I love you. I want to learn that language."),
    ("habit", "A phone-free dinner four nights a week",
     "Our best talks happen when nothing is buzzing between us."),
    ("help_others", "Volunteer at the food bank once a month",
     "Doing something good side by side makes us feel like a team."),
    ("personal", "Walk alone for twenty minutes after work",
     "I come home kinder when I have had a little time to land."),
    ("habit", "A Sunday evening check-in about the week",
     "Small things stay small when we talk about them early."),
)  # fmt: skip
CHECK_IN_NOTES = (
    "Went well, and we both enjoyed it.",
    "Shorter than planned, but we did it.",
    "Missed last week; back on track today.",
    "This one felt easy for the first time.",
    "We laughed a lot.",
    "Hard to start, glad we did.",
    "",
    "",
)

PASSPHRASE_WORDS = (
    "amber", "birch", "candle", "dune", "ember", "fern", "garnet", "harbour", "ivy",
    "juniper", "kettle", "lantern", "meadow", "nutmeg", "orchard", "pebble", "quilt",
    "river", "saffron", "thistle", "umber", "willow", "yarrow", "zephyr",
)  # fmt: skip
