"""The animated breathing guide: a soft circle that fills as you breathe in.

It draws whatever state it is given; the view reads the engine each frame and
hands the state over. With reduced motion the circle keeps its size and the
phase shows through words and a slow change of colour instead.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRadialGradient,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.breathe.engine import BreathState
from app.breathe.model import PhaseKind, SessionPlan

# Soft tones for each phase: sage in, sky while full, sand out, lavender while empty.
PHASE_COLOURS = {
    PhaseKind.INHALE: QColor("#6fa58f"),
    PhaseKind.HOLD: QColor("#7fa3c0"),
    PhaseKind.EXHALE: QColor("#c4a27a"),
    PhaseKind.REST: QColor("#9c97bd"),
}
SAGE = PHASE_COLOURS[PhaseKind.INHALE]
BLEND_SECONDS = 0.8  # how long the colour takes to drift to the next phase's tone
RESTING_SCALE = 0.45  # the size shown before a session and with reduced motion


def ease(progress: float) -> float:
    """Slow at both ends, like a breath: 0 -> 0, 1 -> 1."""
    return (1 - math.cos(math.pi * min(1.0, max(0.0, progress)))) / 2


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    t = min(1.0, max(0.0, amount))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


class BreathGuide(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Breathing guide")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(180, 180)
        self.reduced_motion = False
        # What is drawn, kept so tests and screen readers see what a person sees.
        self.label_text = "Ready when you are"
        self.countdown_text = ""
        self.hint_text = "Press Space or Start to begin"
        self.scale = RESTING_SCALE
        self.colour = SAGE

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    # -- what to show --------------------------------------------------------------

    def show_idle(self, title: str = "Ready when you are", hint: str = "") -> None:
        self._set(title, "", hint, RESTING_SCALE, SAGE)

    def show_state(self, plan: SessionPlan, state: BreathState, *, paused: bool = False) -> None:
        if state.finished:
            self._set("Well done", "", "", RESTING_SCALE, SAGE)
            return
        colour = self._colour_for(plan, state)
        if self.reduced_motion:
            scale = RESTING_SCALE
        else:
            start, end = plan.pattern.fullness_ranges[state.phase_index]
            scale = start + (end - start) * ease(state.progress)
        if paused:
            self._set("Paused", "", "Press Space or Resume to go on", scale, colour)
        else:
            self._set(state.phase.label, str(state.countdown), "", scale, colour)

    def _colour_for(self, plan: SessionPlan, state: BreathState) -> QColor:
        if not self.reduced_motion:
            return SAGE
        target = PHASE_COLOURS[state.phase.kind]
        into = state.phase.seconds - state.seconds_left
        if into >= BLEND_SECONDS:
            return target
        phases = plan.pattern.phases
        before = state.phase_index - 1
        while phases[before].tenths == 0:  # zero-length steps are skipped
            before -= 1
        return mix(PHASE_COLOURS[phases[before].kind], target, into / BLEND_SECONDS)

    def _set(self, label: str, countdown: str, hint: str, scale: float, colour: QColor) -> None:
        changed_words = label != self.label_text
        self.label_text, self.countdown_text, self.hint_text = label, countdown, hint
        self.scale, self.colour = scale, colour
        if changed_words:
            self.setAccessibleDescription(label)
        self.update()

    # -- drawing -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        centre = QPointF(self.width() / 2, self.height() / 2)
        outer = max(40.0, min(self.width(), self.height()) / 2 - 14)
        inner = outer * 0.36
        radius = inner + (outer - inner) * self.scale

        # The full size, faintly: where a complete breath in reaches.
        track = QColor(self.colour)
        track.setAlphaF(0.35)
        painter.setPen(QPen(track, 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, outer, outer)

        # A soft halo, then the body of the breath.
        halo = QColor(self.colour)
        for step, alpha in ((10.0, 0.06), (5.0, 0.10)):
            halo.setAlphaF(alpha)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(halo)
            painter.drawEllipse(centre, radius + step, radius + step)
        gradient = QRadialGradient(centre, radius)
        core, edge = QColor(self.colour), QColor(self.colour)
        core.setAlphaF(0.30)
        edge.setAlphaF(0.62)
        gradient.setColorAt(0.0, core)
        gradient.setColorAt(1.0, edge)
        painter.setBrush(gradient)
        painter.drawEllipse(centre, radius, radius)

        self._draw_words(painter, palette, centre, outer)
        painter.end()

    def _draw_words(self, painter: QPainter, palette: QPalette, centre: QPointF, outer: float):
        text = palette.color(QPalette.ColorRole.Text)
        soft = palette.color(QPalette.ColorRole.PlaceholderText)
        width = outer * 1.9
        base = QFont(self.font())
        size = max(12.0, outer / 9)

        label_font = QFont(base)
        label_font.setPointSizeF(size)
        label_font.setWeight(QFont.Weight.Normal)
        while (
            size > 10 and QFontMetricsF(label_font).horizontalAdvance(self.label_text) > width * 0.8
        ):
            size -= 1
            label_font.setPointSizeF(size)
        painter.setFont(label_font)
        painter.setPen(text)
        top = centre.y() - (size * 2.2 if self.countdown_text else size)
        painter.drawText(
            QRectF(centre.x() - width / 2, top, width, size * 2.2),
            Qt.AlignmentFlag.AlignCenter,
            self.label_text,
        )
        if self.countdown_text:
            count_font = QFont(base)
            count_font.setPointSizeF(size * 2.1)
            count_font.setWeight(QFont.Weight.Light)
            painter.setFont(count_font)
            painter.drawText(
                QRectF(centre.x() - width / 2, centre.y(), width, size * 3.2),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                self.countdown_text,
            )
        if self.hint_text:
            hint_font = QFont(base)
            hint_font.setPointSizeF(max(9.0, size * 0.62))
            painter.setFont(hint_font)
            painter.setPen(soft)
            painter.drawText(
                QRectF(centre.x() - width / 2, centre.y() + size * 1.4, width, size * 2.5),
                Qt.AlignmentFlag.AlignHCenter
                | Qt.AlignmentFlag.AlignTop
                | Qt.TextFlag.TextWordWrap,
                self.hint_text,
            )
