"""A minimal area used by the shell tests: one text box that saves on flush()."""

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from app.shell.areas import AreaSpec


class NoteView(QWidget):
    def __init__(self, context) -> None:
        super().__init__()
        self.context = context
        self.editor = QPlainTextEdit(context.settings.get("note", ""))
        self.editor.setAccessibleName("Note")
        QVBoxLayout(self).addWidget(self.editor)
        self.requests: list[dict] = []

    def flush(self) -> None:
        self.context.settings.set("note", self.editor.toPlainText())

    def handle_request(self, **request) -> None:
        self.requests.append(request)


def jot_action(context, parent) -> QAction:
    """A toolbar action that opens the note area with a request."""
    action = QAction("Jot", parent)
    action.triggered.connect(lambda: context.open_area("note", purpose="jot"))
    return action


NOTE_AREA = AreaSpec(
    "note",
    "Notes",
    "today.svg",
    "tests.shell.note_area:NoteView",
    toolbar_action="tests.shell.note_area:jot_action",
)
