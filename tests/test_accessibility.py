"""Every screen can be used by keyboard and understood by a screen reader.

For each screen (Today, every area of AREAS in the states a person meets, and the
dialogs) the test walks the Tab order as Qt does (the focus chain, keeping the
visible, enabled widgets that take focus by Tab and do not pass it on to a proxy) and
fails on:

- a control with no accessible name: neither ``accessibleName()`` nor the name Qt's
  accessibility layer exposes (``QAccessible`` ``Text.Name``, which for a button is its
  visible text);
- two controls of one screen with the same name (a screen reader user cannot tell them
  apart), unless listed in SAME_NAME_ALLOWED with a reason;
- a Tab step that jumps backwards on screen. Reading order is rows, then columns,
  top-left first. With each control's rectangle in window coordinates and a tolerance
  of TOLERANCE pixels, a step from A to B is backwards when B lies wholly above A and
  not wholly to its right (back up the same column, or up and to the left), or wholly
  to A's left and not wholly below it (back along the same row). Moving into a
  container, down to the next row or over to the top of the next column is fine.
  Known exceptions go in BACKWARDS_ALLOWED with a reason;
- a combo box that says only what it holds. On Linux Qt gives a combo box its current
  item as its name and ignores ``setAccessibleName``; screen readers learn what it is
  for from its label (a QLabel whose buddy it is, or its group box's title). Where no
  label is on screen, its accessible description must say what it is for;
- a visible label whose accessible name hides its words: a label's name replaces its
  text for a screen reader, so a name like "Saving status" on a label that says
  "Saved" must be its description instead (or the name must hold the words), and a
  description that only repeats the words makes a screen reader say them twice.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QWidget

from app.clock import ManualClock
from app.context import AreaContext
from app.practice.model import ExerciseKind
from app.shell.areas import AREAS
from app.shell.window import MainWindow
from app.vault import Settings, Vault
from app.widgets.tasks import ImmediateTaskRunner
from tests.conftest import PASSPHRASE

TOLERANCE = 4

# (screen, from name, to name): why the step is right although it goes back on screen.
BACKWARDS_ALLOWED: dict[tuple[str, str, str], str] = {}
# (area, name): why several controls of the area's screens share the name.
SAME_NAME_ALLOWED: dict[tuple[str, str], str] = {
    ("reflect", "New entry"): "the side's button and the empty page's do the same thing",
}


@dataclass(frozen=True)
class Stop:
    """One Tab stop: the widget, the name a screen reader speaks, where it sits."""

    widget: QWidget
    name: str
    rect: QRect

    def describe(self) -> str:
        r = self.rect
        kind = type(self.widget).__name__
        return f"{kind} {self.name!r} at ({r.x()}, {r.y()}) {r.width()}x{r.height()}"


def spoken_name(widget: QWidget) -> str:
    name = widget.accessibleName().strip()
    if not name:
        interface = QAccessible.queryAccessibleInterface(widget)
        if interface is not None and interface.isValid():
            name = interface.text(QAccessible.Text.Name).replace("&", "").strip()
    return name


def takes_tab(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


def tab_stops(root: QWidget) -> list[Stop]:
    """The Tab stops inside ``root``, in the order Tab visits them."""
    window = root.window()
    stops = []
    widget = root.nextInFocusChain()
    seen = set()
    while widget is not root and id(widget) not in seen:
        seen.add(id(widget))
        if root.isAncestorOf(widget) and takes_tab(widget):
            corner = widget.mapTo(window, widget.rect().topLeft())
            stops.append(Stop(widget, spoken_name(widget), QRect(corner, widget.size())))
        widget = widget.nextInFocusChain()
    return stops


def goes_backwards(a: QRect, b: QRect, tolerance: int = TOLERANCE) -> bool:
    above = b.y() + b.height() <= a.y() + tolerance
    left = b.x() + b.width() <= a.x() + tolerance
    right = b.x() >= a.x() + a.width() - tolerance
    below = b.y() >= a.y() + a.height() - tolerance
    return (above and not right) or (left and not below)


def problems(screen: str, root: QWidget) -> list[str]:
    stops = tab_stops(root)
    found = [f"{screen}: no accessible name: {s.describe()}" for s in stops if not s.name]
    names: dict[str, int] = {}
    for stop in stops:
        names[stop.name] = names.get(stop.name, 0) + 1
    area = screen.split("-")[0]
    for name, count in names.items():
        if name and count > 1 and (area, name) not in SAME_NAME_ALLOWED:
            found.append(f"{screen}: {count} controls are all called {name!r}")
    for a, b in pairwise(stops):
        if goes_backwards(a.rect, b.rect) and (screen, a.name, b.name) not in BACKWARDS_ALLOWED:
            found.append(f"{screen}: Tab goes back on screen from {a.describe()} to {b.describe()}")
    found += [f"{screen}: {s.describe()} has no label" for s in stops if unlabelled_combo(s)]
    found += [f"{screen}: {problem}" for problem in hidden_words(root)]
    return found


def unlabelled_combo(stop: Stop) -> bool:
    if not isinstance(stop.widget, QComboBox):
        return False
    interface = QAccessible.queryAccessibleInterface(stop.widget)
    labels = interface.relations(QAccessible.Relation.Label)
    return not labels and not interface.text(QAccessible.Text.Description)


def hidden_words(root: QWidget) -> list[str]:
    """Visible labels whose accessible name and description both leave out their words."""
    found = []
    for widget in root.findChildren(QLabel):
        document = QTextDocument()
        document.setHtml(widget.text())
        words = " ".join(document.toPlainText().split())
        name, description = widget.accessibleName(), widget.accessibleDescription()
        if not (widget.isVisible() and words):
            continue
        if " ".join(description.split()) == words and name in ("", words):
            found.append(f"the label {words[:40]!r} is read twice: its description repeats it")
        elif name and words not in " ".join(f"{name} {description}".split()):
            found.append(f"the label named {name!r} hides its words {words[:40]!r}")
    return found


# -- the rule itself -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("b", "backwards"),
    [
        (QRect(120, 0, 50, 20), False),  # next along the row
        (QRect(0, 40, 50, 20), False),  # start of the next row
        (QRect(10, 30, 20, 10), False),  # inside a container that came first
        (QRect(300, -200, 50, 20), False),  # top of the next column
        (QRect(0, 0, 50, 20), True),  # back along the row
        (QRect(100, -60, 50, 20), True),  # back up the same column
        (QRect(0, -60, 50, 20), True),  # up and to the left
    ],
)
def test_the_reading_order_rule(b, backwards):
    a = QRect(100, 0, 50, 20)
    assert goes_backwards(a, b) is backwards


# -- the screens -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def year_of_use(tmp_path_factory) -> Path:
    """A vault with a year of use in every area, made once and copied for each test, so
    lists, charts and goals have rows (filling it takes a second; copying it, nothing)."""
    from app.demo import fill

    made = tmp_path_factory.mktemp("year") / "tend.db"
    vault = Vault.create(made, PASSPHRASE)
    fill(vault, ManualClock().today())  # the same day as the clock fixture's
    vault.close()
    return made


@pytest.fixture
def window(qtbot, tmp_path, year_of_use, clock, requests):
    copy = tmp_path / year_of_use.name
    shutil.copy(year_of_use, copy)
    vault = Vault.open(copy, PASSPHRASE)
    context = AreaContext(
        vault=vault,
        settings=Settings(vault),
        clock=clock,
        tasks=ImmediateTaskRunner(),
        open_area=lambda key, **request: requests.append((key, request)),
    )
    made = MainWindow(context)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.close_quietly()  # before the vault closes under it
    vault.close()


def _reflect_entry(window: MainWindow, kind: str) -> QWidget:
    view = window.open_area("reflect")
    model = view.model
    for row in range(model.rowCount()):
        entry = model.entry_row(row)
        if entry is not None and entry.kind.value == kind:
            view.list.setCurrentIndex(model.index(row))
            return view
    raise AssertionError(f"the demo vault holds no {kind} entry")


def _reflect_filters(window: MainWindow) -> QWidget:
    view = window.open_area("reflect")
    view.filter_button.setChecked(True)
    return view


def _reflect_search(window: MainWindow) -> QWidget:
    view = window.open_area("reflect")
    view.search_field.setText("talk")
    view.run_search()
    return view


def _tab(key: str, index: int) -> Callable[[MainWindow], QWidget]:
    def show(window: MainWindow) -> QWidget:
        view = window.open_area(key)
        view.tabs.setCurrentIndex(index)
        return view

    return show


def _exercise(key: str) -> Callable[[MainWindow], QWidget]:
    def show(window: MainWindow) -> QWidget:
        view = window.open_area("practice")
        view.open_exercise(key)
        assert view.current_key() == key
        return view

    return show


def _summary_dates(window: MainWindow) -> QWidget:
    view = window.open_area("summary")
    today = window.context.clock.today()
    view.handle_request(first=today.replace(day=1), last=today)
    return view


def _breathe_running(window: MainWindow) -> QWidget:
    view = window.open_area("breathe")
    view.start()
    return view


def _breathe_finished(window: MainWindow) -> QWidget:
    view = window.open_area("breathe")
    view.setup.length.setCurrentIndex(view.setup.length.findData("1"))
    view.start()
    window.context.clock.advance(65)  # the frame timer notices and ends the session
    return view


SCREENS: dict[str, Callable[[MainWindow], QWidget]] = {
    "today": lambda window: window.today,
    **{spec.key: (lambda window, key=spec.key: window.open_area(key)) for spec in AREAS},
    "reflect-entry": lambda window: _reflect_entry(window, "check_in"),
    "reflect-setback": lambda window: _reflect_entry(window, "setback"),
    "reflect-filters": _reflect_filters,
    "reflect-search": _reflect_search,
    **{f"practice-{kind.value}": _exercise(kind.value) for kind in ExerciseKind},
    "practice-history": _exercise("history"),
    **{f"breathe-tab-{i}": _tab("breathe", i) for i in (1, 2)},
    **{f"progress-tab-{i}": _tab("progress", i) for i in (1, 2, 3)},
    "breathe-running": _breathe_running,
    "breathe-finished": _breathe_finished,
    "summary-dates": _summary_dates,
}
# What must be on screen before a screen is walked, where it comes a moment later.
READY: dict[str, Callable[[QWidget], bool]] = {
    "breathe-finished": lambda view: view.rating.isVisible(),
}


@pytest.mark.parametrize("screen", SCREENS)
def test_every_control_is_named_and_tab_follows_reading_order(qtbot, window, screen):
    root = SCREENS[screen](window)
    qtbot.waitUntil(root.isVisible)
    qtbot.waitUntil(lambda: READY.get(screen, QWidget.isVisible)(root))
    assert tab_stops(root), "a screen with nothing to reach by Tab"
    assert problems(screen, root) == []


def test_the_window_around_the_views_is_named(window):
    stops = [s for s in tab_stops(window) if not window.stack.isAncestorOf(s.widget)]
    assert [s.name for s in stops] == ["Areas"]


# -- the dialogs -----------------------------------------------------------------------


def _settings(context, paths) -> QDialog:
    from app.shell.settings_dialog import SettingsDialog

    return SettingsDialog(context.vault, context.settings, "system", lambda _: None, print)


def _about(context, paths) -> QDialog:
    from app.shell.about import AboutDialog

    return AboutDialog(paths, introduce=lambda: None)


def _unlock(context, paths) -> QDialog:
    from app.shell.unlock import UnlockDialog

    return UnlockDialog(paths.vault)


def _create(context, paths) -> QDialog:
    from app.shell.unlock import CreateDialog

    return CreateDialog(paths.data_dir / "new.db")


def _first_run(page: int) -> Callable:
    def build(context, paths) -> QDialog:
        from app.shell.first_run import FirstRunDialog

        dialog = FirstRunDialog(lambda *_a, **_k: None)
        dialog._go(page)
        return dialog

    return build


DIALOGS = {
    "settings": _settings,
    "about": _about,
    "unlock": _unlock,
    "create": _create,
    **{f"first-run-{page}": _first_run(page) for page in range(3)},
}


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_control_is_named_and_in_reading_order(qtbot, context, paths, name):
    dialog = DIALOGS[name](context, paths)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert tab_stops(dialog)
    assert problems(name, dialog) == []


# -- the keyboard ----------------------------------------------------------------------


def test_ctrl_and_a_digit_opens_today_and_each_area(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts need an active window
    keys = ["today", *(spec.key for spec in AREAS)]
    assert len(keys) == 6
    digits = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6]
    for digit, key in reversed(list(zip(digits, keys, strict=True))):
        focused = window.focusWidget() or window
        qtbot.keyClick(focused, digit, Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == key


def test_every_toolbar_action_answers_a_shortcut(qtbot, window):
    # Toolbar buttons take no focus, so a shortcut is the keyboard's only way to them.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    actions = [a for a in window.toolbar.actions() if a.text()]  # not the spacer
    assert {a.text() for a in actions} >= {"&Lock", "&Settings", "&About and privacy"}
    for action in actions:
        keys = action.shortcut()
        assert not keys.isEmpty(), action.text()
        combo = keys[0]
        with qtbot.waitSignal(action.triggered, timeout=1000):
            qtbot.keyClick(window.sidebar, combo.key(), combo.keyboardModifiers())
