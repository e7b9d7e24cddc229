"""Paint one worksheet page: the title, the introduction, and boxes with writing lines."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from app.summary import html
from app.summary.worksheets import Box, Worksheet

LINE_GAP_PT = 24  # room for a line of handwriting
GUTTER_PT = 10
FOOTER_PT = 22


def _font(point_size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial"])
    font.setPointSizeF(point_size)
    # No "fi"/"fl" ligatures: a PDF search for "reflection" must find the word.
    font.setFeature(QFont.Tag.fromString("liga"), 0)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _wrapped(painter: QPainter, rect: QRectF, text: str, font: QFont, colour: str) -> float:
    """Draw wrapped text at the top of `rect`; returns the height it took."""
    painter.setFont(font)
    painter.setPen(QColor(colour))
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
    used = painter.boundingRect(rect, flags, text)
    painter.drawText(rect, flags, text)
    return used.height()


def _rows(boxes: tuple[Box, ...]) -> list[list[Box]]:
    """Full-width boxes alone; a left-column box and the right one after it share a row."""
    rows: list[list[Box]] = []
    for box in boxes:
        if box.column == 2 and rows and len(rows[-1]) == 1 and rows[-1][0].column == 1:
            rows[-1].append(box)
        else:
            rows.append([box])
    return rows


def paint(painter: QPainter, sheet: Worksheet, page: QRectF, scale: float) -> None:
    """`page` is the printable area in device pixels; `scale` is pixels per point."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    top = page.top()
    top += _wrapped(
        painter,
        QRectF(page.left(), top, page.width(), 60 * scale),
        sheet.title,
        _font(20, bold=True),
        html.ACCENT,
    )
    top += 6 * scale
    top += _wrapped(
        painter,
        QRectF(page.left(), top, page.width(), 120 * scale),
        sheet.intro,
        _font(10.5),
        html.INK,
    )
    top += 14 * scale
    bottom = page.bottom() - FOOTER_PT * scale
    if sheet.closing:
        closing_h = 26 * scale
        painter.setFont(_font(10, italic=True))
        painter.setPen(QColor(html.ACCENT))
        painter.drawText(
            QRectF(page.left(), bottom - closing_h, page.width(), closing_h),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
            sheet.closing,
        )
        bottom -= closing_h + 4 * scale
    rows = _rows(sheet.boxes)
    gutter = GUTTER_PT * scale
    free = bottom - top - gutter * (len(rows) - 1)
    weights = [max(b.weight for b in row) for row in rows]
    total = sum(weights)
    for row, weight in zip(rows, weights, strict=True):
        height = free * weight / total
        width = (page.width() - gutter * (len(row) - 1)) / len(row)
        for i, box in enumerate(row):
            rect = QRectF(page.left() + i * (width + gutter), top, width, height)
            _box(painter, box, rect, scale)
        top += height + gutter


def _box(painter: QPainter, box: Box, rect: QRectF, scale: float) -> None:
    painter.setPen(QPen(QColor(html.RULE), 1.0 * scale))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, 6 * scale, 6 * scale)
    pad = 9 * scale
    inner = rect.adjusted(pad, pad * 0.8, -pad, -pad)
    used = _wrapped(painter, inner, box.prompt, _font(10.5, bold=True), html.ACCENT)
    y = inner.top() + used
    if box.hint:
        y += _wrapped(
            painter,
            QRectF(inner.left(), y, inner.width(), inner.height()),
            box.hint,
            _font(8.5, italic=True),
            html.SOFT,
        )
    if box.ticks:
        _ticks(painter, box.ticks, QRectF(inner.left(), y + 6 * scale, inner.width(), 0), scale)
        return
    # Faint lines to write on, from below the prompt to the bottom of the box.
    painter.setPen(QPen(QColor("#dde7e4"), 0.7 * scale))
    line = y + LINE_GAP_PT * scale
    while line <= inner.bottom():
        painter.drawLine(int(inner.left()), int(line), int(inner.right()), int(line))
        line += LINE_GAP_PT * scale


def _ticks(painter: QPainter, items: tuple[str, ...], area: QRectF, scale: float) -> None:
    font = _font(10)
    metrics = QFontMetricsF(font, painter.device())
    side = 10 * scale
    y = area.top()
    for text in items:
        painter.setPen(QPen(QColor(html.SOFT), 0.9 * scale))
        painter.drawRoundedRect(
            QRectF(area.left(), y + 2 * scale, side, side), 2 * scale, 2 * scale
        )
        painter.setFont(font)
        painter.setPen(QColor(html.INK))
        painter.drawText(
            QRectF(area.left() + side + 8 * scale, y, area.width() - side - 8 * scale, 40 * scale),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            text,
        )
        y += max(metrics.height(), side) + 9 * scale
