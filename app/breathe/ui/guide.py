"""The animated breathing guide: a soft circle that fills as you breathe in.

It draws whatever state it is given; the stage reads the engine and hands the state
over. With reduced motion the circle keeps its size and the phase shows through words
and a slow change of colour instead; each new phase is then announced to screen
readers, as a person who cannot watch the circle still needs to know when to breathe.

Light on the machine: the circle is drawn from pictures made once per size and colour
(the faint track, and the body at its full size, scaled down each frame), it repaints
only its own square, and only when it has moved by half a pixel or its words or colour
changed. `next_change()` tells the stage how long it may sleep before that happens.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QRadialGradient,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.breathe.engine import BreathState
from app.breathe.model import PhaseKind, SessionPlan, format_seconds

# Soft tones for each phase: sage in, sky while full, sand out, lavender while empty.
PHASE_COLOURS = {
    PhaseKind.INHALE: QColor("#6fa58f"),
    PhaseKind.HOLD: QColor("#7fa3c0"),
    PhaseKind.EXHALE: QColor("#c4a27a"),
    PhaseKind.REST: QColor("#9c97bd"),
}
SAGE = PHASE_COLOURS[PhaseKind.INHALE]
BLEND_SECONDS = 0.8  # how long the colour takes to drift to the next phase's tone
# Between sessions the circle rests at the size a session starts and ends at (lungs
# empty), so starting, finishing and stopping never make it jump.
RESTING_SCALE = 0.0
INNER = 0.5  # the empty circle's radius, as a share of the full one: room for the words
MARGIN = 14.0  # between the full circle and the widget's edge, for the halo
HALO = ((10.0, 0.06), (5.0, 0.10))  # rings around the body: (how far out, how strong)
STEP_PX = 0.5  # the smallest change of size worth a new frame: the eye sees no less
READY = "Ready when you are"
WORDS_FILL = 0.84  # the words' widest line, as a share of the empty circle's diameter


def ease(progress: float) -> float:
    """Slow at both ends, like a breath: 0 -> 0, 1 -> 1."""
    return (1 - math.cos(math.pi * min(1.0, max(0.0, progress)))) / 2


def uneased(value: float) -> float:
    """The progress at which ease() reaches `value` (0 to 1)."""
    return math.acos(1 - 2 * min(1.0, max(0.0, value))) / math.pi


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    t = min(1.0, max(0.0, amount))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


class BreathGuide(QWidget):
    announced = Signal(str)  # words just sent to screen readers (with reduced motion)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Breathing guide")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(180, 180)
        # It paints its whole square itself, so Qt need not repaint what lies beneath.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.reduced_motion = False
        # What is drawn, kept so tests and screen readers see what a person sees.
        self.label_text = READY
        self.countdown_text = ""
        self.hint_text = "Press Space or Start to begin"
        self.scale = RESTING_SCALE
        self.colour = SAGE
        self._painted: tuple | None = None  # what the last paint showed
        self._painted_reach: QRect | None = None  # and where its body lay
        self._painted_radius: float | None = None  # and how large it was
        self._track: QImage | None = None  # the background and the faint full-size ring
        self._body: QImage | None = None  # the body at full size, in self._body_colour
        self._body_colour = QColor()
        self._fonts: tuple[QFont, QFont, QFont] | None = None  # label, countdown, hint
        self._words: QImage | None = None  # the words as last drawn, and what they said
        self._words_key: tuple | None = None

    def sizeHint(self) -> QSize:
        return QSize(420, 420)

    # -- geometry --------------------------------------------------------------------

    def outer_radius(self) -> float:
        """The full circle's radius: a whole breath in reaches it."""
        return max(40.0, min(self.width(), self.height()) / 2 - MARGIN)

    def radius(self, scale: float | None = None) -> float:
        outer = self.outer_radius()
        inner = outer * INNER
        return inner + (outer - inner) * (self.scale if scale is None else scale)

    def circle_rect(self) -> QRectF:
        """The body of the breath as drawn now."""
        r = self.radius()
        return QRectF(self.width() / 2 - r, self.height() / 2 - r, 2 * r, 2 * r)

    def square(self) -> QRect:
        """All the guide ever paints: the full circle with its halo."""
        reach = math.ceil(self.outer_radius() + MARGIN)
        centre_x, centre_y = self.width() // 2, self.height() // 2
        return QRect(centre_x - reach, centre_y - reach, 2 * reach, 2 * reach) & self.rect()

    def words_width(self) -> float:
        """The widest line of words as drawn: they always fit in the empty circle."""
        label_font, count_font, hint_font = self._font_set()
        widths = [self._lines_width(label_font, self.label_text)]
        if self.countdown_text:
            widths.append(QFontMetricsF(count_font).horizontalAdvance(self.countdown_text))
        if self.hint_text:
            widths.append(self._lines_width(hint_font, self.hint_text))
        return max(widths)

    def _words_limit(self) -> float:
        return 2 * self.outer_radius() * INNER * WORDS_FILL

    def _lines_width(self, font: QFont, text: str) -> float:
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        limit = QRectF(0, 0, self._words_limit(), 1000)
        balanced = _balanced(font, text, self._words_limit())
        return QFontMetricsF(font).boundingRect(limit, flags, balanced).width()

    # -- what to show ----------------------------------------------------------------

    def show_idle(self, title: str = READY, hint: str = "", *, keep_size: bool = False) -> None:
        """Between sessions; `keep_size` leaves the circle where a stopped session left it."""
        scale = self.scale if keep_size else RESTING_SCALE
        self._set(title, "", hint, scale, SAGE)

    def show_state(self, plan: SessionPlan, state: BreathState, *, paused: bool = False) -> None:
        if state.finished:
            self._set("Well done", "", "", RESTING_SCALE, SAGE)
            return
        colour = self._colour_for(plan, state)
        scale = RESTING_SCALE if self.reduced_motion else self._scale_for(plan, state)
        if paused:
            self._set("Paused", "", "Press Space or Resume to go on", scale, colour)
        else:
            spoken = f"{state.phase.label}, {format_seconds(state.phase.tenths)} seconds"
            self._set(state.phase.label, str(state.countdown), "", scale, colour, spoken)

    def _scale_for(self, plan: SessionPlan, state: BreathState) -> float:
        start, end = plan.pattern.fullness_ranges[state.phase_index]
        return start + (end - start) * ease(state.progress)

    def next_change(self, plan: SessionPlan, state: BreathState) -> float:
        """Seconds until this state would look different: a new phase, a new count, a
        visible step of size or colour. The stage sleeps that long between frames."""
        soonest = [state.seconds_left, state.seconds_left - (state.countdown - 1)]
        into = state.phase.seconds - state.seconds_left
        if self.reduced_motion:
            if into < BLEND_SECONDS:  # the colour is drifting: a step each tenth is plenty
                soonest.append(0.1)
            return min(soonest)
        start, end = plan.pattern.fullness_ranges[state.phase_index]
        span = (self.outer_radius() * (1 - INNER)) * abs(end - start)  # pixels this phase
        if span > 0:
            target = ease(state.progress) + STEP_PX / span
            if target < 1:
                soonest.append((uneased(target) - state.progress) * state.phase.seconds)
        return min(soonest)

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

    def _set(
        self, label: str, countdown: str, hint: str, scale: float, colour: QColor, spoken: str = ""
    ) -> None:
        changed_words = label != self.label_text
        self.label_text, self.countdown_text, self.hint_text = label, countdown, hint
        self.scale, self.colour = scale, colour
        if changed_words:
            self._fonts = None
            self.setAccessibleDescription(label)
            if self.reduced_motion:
                self._announce(spoken or label)
        moved = self._painted_radius is None or abs(self.radius() - self._painted_radius)
        # A hair under the step counts: the stage wakes exactly one step later.
        if self._looks() != self._painted or moved >= STEP_PX * 0.95:
            self.update(self._dirty())

    def _reach(self) -> QRect:
        """Where the body and its halo lie now."""
        reach = math.ceil(self.radius() + HALO[0][0] + 2)
        centre_x, centre_y = self.width() // 2, self.height() // 2
        return QRect(centre_x - reach, centre_y - reach, 2 * reach + 1, 2 * reach + 1)

    def _dirty(self) -> QRect:
        """What a new frame must repaint: where the body was and where it is now (all of
        the square when the words change, as a new label may be wider)."""
        if self._painted != self._looks() or self._painted_reach is None:
            return self.square()
        return (self._painted_reach | self._reach()) & self.square()

    def _looks(self) -> tuple:
        """What a person would see, but for the circle's size (which _set compares)."""
        words = (self.label_text, self.countdown_text, self.hint_text)
        return (words, self.colour.rgb(), self.width(), self.height())

    def _announce(self, words: str) -> None:
        """Tell screen readers the new phase, as they cannot see the colour change."""
        QAccessible.updateAccessibility(
            QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
        )
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, words))
        self.announced.emit(words)

    # -- drawing ---------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._track = self._body = self._fonts = None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        fresh = (QEvent.Type.PaletteChange, QEvent.Type.FontChange, QEvent.Type.StyleChange)
        if event.type() in fresh:
            self._track = self._fonts = None  # a new palette or font: draw afresh

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        square = self.square()
        if not square.contains(event.rect()):  # beside the square: plain background
            painter.fillRect(event.rect(), self.palette().color(QPalette.ColorRole.Window))
        painter.drawImage(square.topLeft(), self._track_image(square))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        body = self._body_image()
        centre = QPointF(self.width() / 2, self.height() / 2)
        # The body was drawn at the full size with its halo; shown smaller as you empty.
        share = self.radius() / self.outer_radius()
        half = body.deviceIndependentSize().width() / 2 * share
        painter.drawImage(QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half), body)
        words = self._words_image()
        size = words.deviceIndependentSize()
        painter.drawImage(
            QPointF(centre.x() - size.width() / 2, centre.y() - size.height() / 2), words
        )
        painter.end()
        self._painted, self._painted_reach = self._looks(), self._reach()
        self._painted_radius = self.radius()

    def _track_image(self, square: QRect) -> QImage:
        if self._track is None or self._track.deviceIndependentSize() != QSizeF(square.size()):
            # Opaque, in the screen's own format: copied, never blended, each frame.
            image = _image(QSizeF(square.size()), self.devicePixelRatioF(), alpha=False)
            image.fill(self.palette().color(QPalette.ColorRole.Window))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            outer = self.outer_radius()
            track = QColor(SAGE)
            track.setAlphaF(0.35)
            painter.setPen(QPen(track, 1.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(square.width() / 2, square.height() / 2), outer, outer)
            painter.end()
            self._track = image
        return self._track

    def _body_image(self) -> QImage:
        """The body at its full size, with its halo; made again for a new size or colour."""
        outer = self.outer_radius()
        side = math.ceil(2 * (outer + MARGIN))
        body = self._body
        fits = body is not None and body.deviceIndependentSize() == QSizeF(side, side)
        if fits and self._body_colour == self.colour:
            return body
        image = _image(QSizeF(side, side), self.devicePixelRatioF(), alpha=True)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        centre = QPointF(side / 2, side / 2)
        halo = QColor(self.colour)
        for step, alpha in HALO:
            halo.setAlphaF(alpha)
            painter.setBrush(halo)
            painter.drawEllipse(centre, outer + step, outer + step)
        gradient = QRadialGradient(centre, outer)
        core, edge = QColor(self.colour), QColor(self.colour)
        core.setAlphaF(0.30)
        edge.setAlphaF(0.62)
        gradient.setColorAt(0.0, core)
        gradient.setColorAt(1.0, edge)
        painter.setBrush(gradient)
        painter.drawEllipse(centre, outer, outer)
        painter.end()
        self._body, self._body_colour = image, QColor(self.colour)
        return image

    def _font_set(self) -> tuple[QFont, QFont, QFont]:
        """The label's, countdown's and hint's fonts: as large as fits the empty circle."""
        if self._fonts is None:
            limit = self._words_limit()
            size = max(10.0, self.outer_radius() / 9)
            label_font = QFont(self.font())
            label_font.setPointSizeF(size)
            # Shrink to fit on one line if it can; below 10 pt it wraps instead.
            while (
                size > 10 and QFontMetricsF(label_font).horizontalAdvance(self.label_text) > limit
            ):
                size -= 0.5
                label_font.setPointSizeF(size)
            count_font = QFont(self.font())
            count_font.setPointSizeF(size * 2.1)
            count_font.setWeight(QFont.Weight.Light)
            hint_font = QFont(self.font())
            hint_font.setPointSizeF(max(8.5, size * 0.62))
            self._fonts = (label_font, count_font, hint_font)
        return self._fonts

    def _words_image(self) -> QImage:
        """The words, drawn once each time they change (about once a second)."""
        palette = self.palette()
        key = (self._looks(), palette.cacheKey())
        if self._words is not None and self._words_key == key:
            return self._words
        label_font, count_font, hint_font = self._font_set()
        limit = self._words_limit()
        wrap = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        blocks = [
            (label_font, _balanced(label_font, self.label_text, limit), QPalette.ColorRole.Text)
        ]
        if self.countdown_text:
            blocks.append((count_font, self.countdown_text, QPalette.ColorRole.Text))
        if self.hint_text:
            hint = _balanced(hint_font, self.hint_text, limit)
            blocks.append((hint_font, hint, QPalette.ColorRole.PlaceholderText))
        heights = [
            QFontMetricsF(font).boundingRect(QRectF(0, 0, limit, 1000), wrap, text).height()
            for font, text, _ in blocks
        ]
        image = _image(QSizeF(limit, sum(heights) + 4), self.devicePixelRatioF(), alpha=True)
        painter = QPainter(image)
        top = 0.0
        for (font, text, role), height in zip(blocks, heights, strict=True):
            painter.setFont(font)
            painter.setPen(palette.color(role))
            painter.drawText(QRectF(0, top, limit, height), wrap, text)
            top += height
        painter.end()
        self._words, self._words_key = image, key
        return image


def _balanced(font: QFont, text: str, limit: float) -> str:
    """Words too wide for one line, broken into two lines of about the same width."""
    metrics = QFontMetricsF(font)
    words = text.split()
    if metrics.horizontalAdvance(text) <= limit or len(words) < 2:
        return text
    splits = ((" ".join(words[:cut]), " ".join(words[cut:])) for cut in range(1, len(words)))
    first, second = min(
        splits, key=lambda pair: max(metrics.horizontalAdvance(part) for part in pair)
    )
    return f"{first}\n{second}"


def _image(size: QSizeF, ratio: float, *, alpha: bool) -> QImage:
    """A picture to draw into at `size` in the widget's units, sharp on any display scale."""
    pixels = QSize(math.ceil(size.width() * ratio), math.ceil(size.height() * ratio))
    kind = QImage.Format.Format_ARGB32_Premultiplied if alpha else QImage.Format.Format_RGB32
    image = QImage(pixels, kind)
    image.setDevicePixelRatio(ratio)
    if alpha:
        image.fill(Qt.GlobalColor.transparent)
    return image
