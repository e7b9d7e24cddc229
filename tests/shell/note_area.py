"""A minimal area used by the shell tests: one text box that saves on flush()."""

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


NOTE_AREA = AreaSpec("note", "Notes", "today.svg", "tests.shell.note_area:NoteView")
