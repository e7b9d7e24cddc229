"""The Today page's prompt card: one question for the day, stable until tomorrow."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.context import AreaContext
from app.reflect.prompts import Prompt, load_library
from app.reflect.store import ReflectStore
from app.vault import VaultError
from app.widgets.forms import label


class PromptCard(QFrame):
    def __init__(self, context: AreaContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName("A prompt for today")
        self.context = context
        self.store = ReflectStore(context.vault, context.clock)
        self.library = load_library()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(label("A question for today", "cardTitle"))
        self.text = label("", "promptText")
        self.text.setAccessibleDescription("Today's prompt")
        self.set_title = label("", "hint")
        layout.addWidget(self.text)
        layout.addWidget(self.set_title)
        row = QHBoxLayout()
        self.write_button = QPushButton("Write about this")
        self.write_button.setAccessibleName("Write about this prompt")
        self.write_button.clicked.connect(self.write)
        self.another_button = QPushButton("Another prompt")
        self.another_button.setAccessibleName("Show another prompt")
        self.another_button.clicked.connect(self.another)
        row.addWidget(self.write_button)
        row.addWidget(self.another_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.prompt: Prompt | None = None
        self._show(lambda: self.store.prompt_of_the_day(self.library, context.clock.today()))

    def _show(self, choose) -> None:
        try:
            prompt = choose()
        except VaultError as problem:
            self.text.setText(str(problem))
            return
        self.prompt = prompt
        self.text.setText(prompt.text)
        prompt_set = self.library.get_set(prompt.set_id)
        self.set_title.setText(f"From “{prompt_set.title}”" if prompt_set else "")

    def another(self) -> None:
        self._show(lambda: self.store.another_prompt(self.library, self.context.clock.today()))

    def write(self) -> None:
        if self.prompt is not None:
            self.context.open_area("reflect", prompt_id=self.prompt.id)
