"""Synthesise Tend's soft breathing cues into resources/sounds/ (standard library only).

Run from the project root:  python packaging/make_sounds.py [OUTPUT_DIR]

Each cue is a quiet sine tone with a touch of its octave for warmth, gliding
gently (up for breathing in, down for breathing out), shaped by a slow fade in
and a long fade out so it never clicks. The output is byte-for-byte repeatable,
so the committed files can be checked against this script.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

SAMPLE_RATE = 44_100
PEAK = 0.22  # of full scale, about -13 dBFS: a soft cue, far from clipping
OCTAVE_SHARE = 0.12  # a little of the octave above, for a rounder tone


@dataclass(frozen=True)
class Note:
    start_hz: float
    end_hz: float
    seconds: float
    loudness: float = 1.0  # relative to PEAK


@dataclass(frozen=True)
class Cue:
    filename: str
    notes: tuple[Note, ...]


CUES = (
    # A4 rising a fourth to D5: an opening, in-breath feeling.
    Cue("breathe-in.wav", (Note(220.0 * 2, 293.66 * 2, 0.6),)),
    # D5 falling to A4: letting go.
    Cue("breathe-out.wav", (Note(293.66 * 2, 220.0 * 2, 0.7),)),
    # A steady, quieter E5 for a pause.
    Cue("breathe-hold.wav", (Note(329.63 * 2, 329.63 * 2, 0.45, loudness=0.7),)),
    # The end of a session: two unhurried notes, A4 then E5.
    Cue("breathe-end.wav", (Note(440.0, 440.0, 0.45), Note(659.25, 659.25, 0.6, 0.8))),
)


def envelope(position: float, seconds: float) -> float:
    """Raised-cosine fade in over 60 ms and fade out over the last 45 %."""
    attack = min(0.06, seconds / 4)
    release = seconds * 0.45
    if position < attack:
        return 0.5 - 0.5 * math.cos(math.pi * position / attack)
    remaining = seconds - position
    if remaining < release:
        return 0.5 - 0.5 * math.cos(math.pi * max(0.0, remaining) / release)
    return 1.0


def render_note(note: Note) -> list[float]:
    count = round(note.seconds * SAMPLE_RATE)
    samples = []
    phase = 0.0
    for n in range(count):
        position = n / SAMPLE_RATE
        # Glide on a log scale, so the pitch moves evenly to the ear.
        frequency = note.start_hz * (note.end_hz / note.start_hz) ** (n / count)
        phase += 2 * math.pi * frequency / SAMPLE_RATE
        tone = (1 - OCTAVE_SHARE) * math.sin(phase) + OCTAVE_SHARE * math.sin(2 * phase)
        samples.append(PEAK * note.loudness * envelope(position, note.seconds) * tone)
    return samples


def render(cue: Cue) -> bytes:
    samples = [s for note in cue.notes for s in render_note(note)]
    return b"".join(struct.pack("<h", round(s * 32767)) for s in samples)


def write_cue(cue: Cue, folder: Path) -> Path:
    target = folder / cue.filename
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(render(cue))
    return target


def main(argv: list[str]) -> int:
    default = Path(__file__).resolve().parent.parent / "resources" / "sounds"
    folder = Path(argv[0]) if argv else default
    folder.mkdir(parents=True, exist_ok=True)
    for cue in CUES:
        written = write_cue(cue, folder)
        print(f"{written} ({written.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
