"""About Tend and your privacy: short, kind and plain."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__
from app.paths import Paths


def about_html(paths: Paths) -> str:
    vault = escape(str(paths.vault))
    config = escape(str(paths.config))
    return f"""
<h2>About {APP_NAME} and your privacy</h2>
<p>{APP_NAME} {__version__} is a private place to look inward, practise kinder words,
calm your body and see how far you have come.</p>

<h3>Where your words live</h3>
<p>Everything you write is kept in one encrypted file on this computer:<br>
<code>{vault}</code><br>
It is locked with your passphrase, which only you know. A small settings file beside it
(<code>{config}</code>) holds only the window's size and the colour scheme, never
anything you wrote.</p>

<h3>Nothing leaves this computer</h3>
<p>{APP_NAME} never connects to the internet. There is no account, no cloud and no
tracking. Printing and saving a summary write only where you choose.</p>

<h3>{APP_NAME} is not therapy</h3>
<p>It can help you notice, practise and prepare, but it cannot replace a person who
listens. If things feel stuck or heavy, a couples counsellor or therapist can help you
both; your doctor can point you to one.</p>

<h3>If you feel unsafe at home</h3>
<p>You deserve to be safe. If you are in danger, call your local emergency number.
Domestic abuse helplines listen in confidence, for example the National Domestic
Violence Hotline in the US (1-800-799-7233) or the National Domestic Abuse Helpline in
the UK (0808 2000 247); elsewhere, findahelpline.com lists services near you.
If someone may read this computer, remember that you can lock {APP_NAME} at any time
with Ctrl+L.</p>
"""


class AboutDialog(QDialog):
    def __init__(
        self,
        paths: Paths,
        parent: QWidget | None = None,
        introduce: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.resize(560, 560)
        layout = QVBoxLayout(self)
        self.text = QTextBrowser()
        self.text.setAccessibleName("About Tend and your privacy")
        self.text.setOpenLinks(False)  # nothing in here may reach the network
        self.text.setHtml(about_html(paths))
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox()
        buttons.rejected.connect(self.reject)
        if introduce is not None:
            again = buttons.addButton(
                "Show the &introduction", QDialogButtonBox.ButtonRole.ActionRole
            )
            again.clicked.connect(lambda: (self.accept(), introduce()))
        # Made after the introduction's button, which sits left of it: Tab follows the eye.
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(buttons)
