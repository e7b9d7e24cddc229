"""The areas the sidebar offers. An area appears here once its view exists.

Views are named by import path and loaded only after unlocking, so the unlock
dialog never pays for them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class AreaSpec:
    key: str
    title: str
    icon: str  # file under resources/icons/
    view: str  # "module:Class", built as Class(context)
    today_card: str = ""  # optional "module:Class" shown on the Today page
    # Optional "module:function" called as function(context, parent) -> QAction, added to
    # the window's toolbar so it is always in reach (e.g. Breathe's "I'm flooded").
    toolbar_action: str = ""

    def load_view(self) -> Any:
        return _load(self.view)

    def load_today_card(self) -> Any | None:
        return _load(self.today_card) if self.today_card else None

    def load_toolbar_action(self) -> Any | None:
        return _load(self.toolbar_action) if self.toolbar_action else None


def _load(target: str) -> Any:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


# In sidebar order: Reflect, Practise, Breathe, Progress, Summaries.
AREAS: tuple[AreaSpec, ...] = (
    AreaSpec(
        "reflect",
        "Reflect",
        "reflect.svg",
        "app.reflect.ui.view:ReflectView",
        today_card="app.reflect.ui.today_card:PromptCard",
    ),
    AreaSpec("practice", "Practise", "practice.svg", "app.practice.ui.view:PracticeView"),
    AreaSpec(
        "breathe",
        "Breathe",
        "breathe.svg",
        "app.breathe.ui.view:BreatheView",
        today_card="app.breathe.ui.today_card:BreathTodayCard",
        toolbar_action="app.breathe.ui.flooded:flooded_action",
    ),
    AreaSpec(
        "progress",
        "Progress",
        "progress.svg",
        "app.progress.ui.view:ProgressView",
        today_card="app.progress.ui.today_card:ProgressTodayCard",
    ),
    AreaSpec("summary", "Summaries", "summary.svg", "app.summary.ui.view:SummaryView"),
)
