"""Draw a summary or a worksheet onto pages: a printer, a preview, or a PDF in memory.

The summary is HTML laid out by a QTextDocument on the page device itself, so fonts and
line breaks match the paper. Pages are painted one by one with a footer of our own
(title, page n of N). Colours are the light theme's whatever the screen uses. A PDF is
rendered into memory; the caller decides where, if anywhere, the bytes go.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QLocale,
    QMarginsF,
    QPointF,
    QRectF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPalette,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from app.summary import html
from app.summary.model import Chart, Summary
from app.summary.period import document_title
from app.summary.worksheets import Worksheet

PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(20, 18, 20, 16)
PDF_DPI = 600
FOOTER_PT = 22  # room under the text for the footer line


_APP = None


def start_offscreen() -> None:
    """For the command line: a GUI application on the offscreen platform, which gives
    fonts and painting without a display or a window."""
    global _APP
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _APP = QGuiApplication(["tend", "-platform", "offscreen"])


def regional_paper() -> str:
    """Letter where the region measures in inches (the US), A4 everywhere else."""
    system = QLocale.system().measurementSystem()
    return "letter" if system == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


def page_layout(paper: str | None = None) -> QPageLayout:
    size = QPageSize(PAPERS[paper or regional_paper()])
    return QPageLayout(
        size, QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


def _base_font(point_size: float = 10.5) -> QFont:
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial"])
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(point_size)
    # No "fi"/"fl" ligatures: a PDF search for "reflection" must find the word.
    font.setFeature(QFont.Tag.fromString("liga"), 0)
    return font


# -- the chart ---------------------------------------------------------------------------


def chart_image(chart: Chart, width: int = 1880, height: int = 680) -> QImage:
    """Mood and closeness as two lines on a 1-5 scale, drawn large so print stays sharp."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = _base_font()
    font.setPixelSize(max(12, height // 20))
    painter.setFont(font)
    left, right, top, bottom = width * 0.07, width * 0.02, height * 0.05, height * 0.13
    plot = QRectF(left, top, width - left - right, height - top - bottom)
    # The scale: five soft lines, labelled 1 to 5.
    painter.setPen(QPen(QColor(html.RULE), max(1, height // 300)))
    for level in range(1, 6):
        y = _y(plot, level)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(QColor(html.SOFT))
        painter.drawText(
            QRectF(0, y - height * 0.04, left * 0.7, height * 0.08),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            str(level),
        )
        painter.setPen(QPen(QColor(html.RULE), max(1, height // 300)))
    points = chart.points
    n = len(points)

    def x_at(i: int) -> float:
        return plot.left() + (plot.width() * (i + 0.5) / n if n else 0)

    # Dates along the bottom: a handful, never crowded.
    painter.setPen(QColor(html.SOFT))
    step = max(1, round(n / 7))
    for i in range(0, n, step):
        painter.drawText(
            QRectF(x_at(i) - width * 0.06, plot.bottom() + height * 0.02, width * 0.12, bottom),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            html.short_day(points[i].day),
        )
    for values, colour in (
        ([p.mood for p in points], html.MOOD_COLOUR),
        ([p.closeness for p in points], html.CLOSENESS_COLOUR),
    ):
        _draw_line(painter, plot, values, x_at, QColor(colour), height)
    painter.end()
    return image


def _y(plot: QRectF, value: float) -> float:
    return plot.bottom() - (value - 1) / 4 * plot.height()


def _draw_line(painter, plot, values, x_at, colour: QColor, height: int) -> None:
    pen = QPen(colour, max(2, height / 130))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    path = QPainterPath()
    drawing = False
    for i, value in enumerate(values):
        if value is None:  # a gap where nothing was recorded, rather than a made-up line
            drawing = False
            continue
        point = QPointF(x_at(i), _y(plot, value))
        if drawing:
            path.lineTo(point)
        else:
            path.moveTo(point)
            drawing = True
    painter.drawPath(path)
    painter.setBrush(colour)
    radius = max(3.0, height / 110) if len(values) <= 45 else max(1.5, height / 260)
    for i, value in enumerate(values):
        if value is not None:
            painter.drawEllipse(QPointF(x_at(i), _y(plot, value)), radius, radius)
    painter.setBrush(Qt.BrushStyle.NoBrush)


# -- pages ---------------------------------------------------------------------------------


def summary_document(summary: Summary, device: QPagedPaintDevice) -> QTextDocument:
    """The summary laid out for `device`'s pages (leaving room for the footer)."""
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(_base_font())
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    rect = _body_rect(device)
    doc.setPageSize(rect.size())
    doc.setDocumentMargin(0)
    doc.addResource(
        QTextDocument.ResourceType.ImageResource,
        QUrl(html.CHART_URL),
        chart_image(summary.chart),
    )
    # The chart spans the text's width; an <img> width counts pixels at 96 per inch.
    doc.setHtml(html.summary_html(summary, chart_width=round(rect.width() / _dpi(device) * 96)))
    keep_with_next(doc)
    return doc


def _keeps(block: QTextBlock) -> bool:
    return block.blockFormat().headingLevel() > 0 or block.userState() == 1


def keep_with_next(doc: QTextDocument) -> None:
    """A heading, date line or label never ends a page alone: its run moves on instead."""
    layout = doc.documentLayout()
    height = doc.pageSize().height()
    run_start: QTextBlock | None = None
    block = doc.begin()
    while block.isValid():
        if _keeps(block):
            run_start = run_start or block
        elif run_start is not None:
            top = layout.blockBoundingRect(run_start).top()
            first_line = block.layout().lineAt(0) if block.layout().lineCount() else None
            line_h = first_line.height() if first_line is not None else 0
            end = layout.blockBoundingRect(block).top() + line_h
            if int(top // height) != int(end // height) and top % height > 0:
                fmt = run_start.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(run_start).setBlockFormat(fmt)
                # Qt re-lays only the changed block; everything after it moves too.
                start = run_start.position()
                doc.markContentsDirty(start, doc.characterCount() - start)
            run_start = None
        block = block.next()


def _dpi(device: QPagedPaintDevice) -> float:
    return device.logicalDpiY()


def _body_rect(device: QPagedPaintDevice) -> QRectF:
    full = QRectF(device.pageLayout().paintRectPixels(round(_dpi(device))))
    footer = FOOTER_PT * _dpi(device) / 72
    return QRectF(0, 0, full.width(), full.height() - footer)


def paint_summary(summary: Summary, device: QPagedPaintDevice) -> int:
    """Paint every page of the summary on `device`; returns the number of pages."""
    doc = summary_document(summary, device)
    body = _body_rect(device)
    pages = max(1, doc.pageCount())
    footer_title = f"Reflection summary · {summary.period}"
    painter = QPainter(device)
    try:
        ctx = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Text, QColor(html.INK))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(html.INK))
        ctx.palette = palette
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            ctx.clip = QRectF(0, page * body.height(), body.width(), body.height())
            painter.setClipRect(ctx.clip)
            doc.documentLayout().draw(painter, ctx)
            painter.restore()
            _footer(painter, device, footer_title, f"Page {page + 1} of {pages}")
    finally:
        painter.end()
    return pages


def _footer(painter: QPainter, device: QPagedPaintDevice, left: str, right: str) -> None:
    full = QRectF(device.pageLayout().paintRectPixels(round(_dpi(device))))
    scale = _dpi(device) / 72
    band = QRectF(0, full.height() - 12 * scale, full.width(), 12 * scale)
    painter.save()
    painter.setClipping(False)
    painter.setPen(QPen(QColor(html.RULE), 0.6 * scale))
    painter.drawLine(
        band.topLeft() - QPointF(0, 4 * scale), band.topRight() - QPointF(0, 4 * scale)
    )
    font = _base_font(8)
    painter.setFont(font)
    painter.setPen(QColor(html.SOFT))
    flags = Qt.AlignmentFlag.AlignVCenter
    painter.drawText(band, int(flags | Qt.AlignmentFlag.AlignLeft), left)
    painter.drawText(band, int(flags | Qt.AlignmentFlag.AlignRight), right)
    painter.restore()


def _pdf_writer(buffer: QBuffer, title: str, paper: str | None) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(title)  # no more than the kind of document and its period
    writer.setCreator("Tend")
    return writer


def summary_pdf(summary: Summary, paper: str | None = None) -> bytes:
    """The summary as PDF bytes, in memory only: nothing touches the disk here."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _pdf_writer(buffer, document_title(summary.span), paper)
    paint_summary(summary, writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data())


# -- worksheets ---------------------------------------------------------------------------


def worksheet_pdf(sheet: Worksheet, paper: str | None = None) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _pdf_writer(buffer, f"Tend worksheet: {sheet.title}", paper)
    paint_worksheet(sheet, writer)
    del writer
    buffer.close()
    return bytes(data.data())


def paint_worksheet(sheet: Worksheet, device: QPagedPaintDevice) -> None:
    """One page: the title, a few lines of introduction, and boxes to write in."""
    from app.summary.ui.worksheet_paint import paint

    painter = QPainter(device)
    try:
        size = device.pageLayout().paintRectPixels(round(_dpi(device))).size()
        paint(painter, sheet, QRectF(0, 0, size.width(), size.height()), _dpi(device) / 72)
        _footer(painter, device, "Tend worksheet · print as many as you like", "")
    finally:
        painter.end()
