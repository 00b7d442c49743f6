"""The board report as PDF through Qt's own QPdfWriter, QTextDocument and QPainter (no external tool).

Page 1 is the title page (title, area, year, date, contents); the sections follow, each from a new page,
laid out by QTextDocument and painted page by page under a running header and a "Page n of N" footer.
Charts are the same SVG as in the HTML report, rasterised at print resolution by QSvgRenderer.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter,
                           QPdfWriter, QPen, QTextDocument)
from PySide6.QtSvg import QSvgRenderer

from safer_desk import faults
from safer_desk.exchange.files import atomic_path
from safer_desk.exchange.report_html import chart_svg
from safer_desk.storage.safe_write import write_chunks

DPI = 96  # layout units: CSS pixels, so the HTML flavour of the tables sizes the same way
CHART_W, CHART_H = 680, 290  # three charts to an A4 page
CHART_SCALE = 3  # rasterise charts at 288 dpi
HEADER_H, FOOTER_H = 28.0, 28.0
FONT_FAMILIES = ["Segoe UI", "Arial", "DejaVu Sans", "Liberation Sans"]
_app = None


def ensure_gui_app() -> None:
    """Fonts and painting need a QGuiApplication; the command line makes an offscreen one (no window)."""
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        # A QApplication, not a bare QGuiApplication: a window (or a test) opened later in the same process
        # needs one for its widgets, and Qt aborts the process if it finds only a QGuiApplication.
        _app = QApplication([sys.argv[0]])


def _align(align, i: int) -> str:
    a = align[i] if i < len(align) else "l"
    return {"r": "right", "c": "center"}.get(a, "left")


def _measure(table, size: float, device) -> tuple[list[float], list[float]]:
    """For each column: the width of its longest word, and of its longest cell (at this type size)."""
    def metrics(bold: bool) -> QFontMetricsF:
        return QFontMetricsF(_font(size, bold), device) if device is not None else QFontMetricsF(_font(size, bold))

    plain, bold = metrics(False), metrics(True)
    words, lines = [], []
    for c, header in enumerate(table.header):
        # (text, metrics it is set in): the header and the total row are bold.
        cells = [(str(r[c]), plain) for r in table.rows if c < len(r) and r[c] is not None]
        if table.total_row and c < len(table.total_row) and table.total_row[c] is not None:
            cells.append((str(table.total_row[c]), bold))
        words.append(max([bold.horizontalAdvance(w) for w in str(header).split()] +
                         [m.horizontalAdvance(w) for t, m in cells for w in t.split()] + [8.0]))
        lines.append(max([bold.horizontalAdvance(str(header)) / 2] + [m.horizontalAdvance(t) for t, m in cells]))
    return words, lines


def _table_points(table) -> float:
    """Smaller type for wide tables, so ten columns still fit A4 portrait without breaking words."""
    columns = len(table.header)
    return 7.5 if columns >= 9 else 8.0 if columns >= 7 else 9.0


def table_layout(table, width: float, device=None) -> tuple[float, list[float]]:
    """The type size and percentage column widths for a table (QTextDocument's own layout starves wordy columns).

    Every column gets room for its longest word, so no word is broken (wide tables get smaller type until
    their words fit, down to 6 pt); the room left is shared in proportion to what each column would need
    to keep its cells on one line (capped at 40% of the width).
    """
    padding = 10.0
    size = _table_points(table)
    while True:
        words, lines = _measure(table, size, device)
        least = [w + padding for w in words]
        if sum(least) <= width or size <= 6.0:
            break
        size -= 0.5
    wanted = [max(w, min(line, width * 0.4)) + padding for w, line in zip(words, lines)]
    spare = width - sum(least)
    if spare <= 0:
        widths = least
    elif sum(wanted) <= width:
        widths = wanted  # everything fits on one line: widen in proportion (the table spans the page)
    else:
        more = [w - m for w, m in zip(wanted, least)]
        grow = sum(more)
        widths = [m + (spare * x / grow if grow else spare / len(least)) for m, x in zip(least, more)]
    total = sum(widths)
    return size, [100 * w / total for w in widths]


def _table(table, width: float, device=None) -> str:
    parts = [f'<h3>{escape(table.title)}</h3>' if table.title else ""]
    size, widths = table_layout(table, width, device)
    parts.append(f'<table width="100%" border="1" cellspacing="0" cellpadding="3" '
                 f'style="border-collapse: collapse; border-color: #999999; font-size: {size:g}pt;">'
                 "<thead><tr>")
    parts += [f'<th bgcolor="#e8eef5" width="{widths[i]:.1f}%" align="{_align(table.align, i)}">{escape(h)}</th>'
              for i, h in enumerate(table.header)]
    parts.append("</tr></thead>")
    for row in table.rows:
        parts.append("<tr>" + "".join(f'<td align="{_align(table.align, i)}">{escape(str(v))}</td>'
                                      for i, v in enumerate(row)) + "</tr>")
    if table.total_row:
        parts.append("<tr>" + "".join(f'<td align="{_align(table.align, i)}"><b>{escape(str(v))}</b></td>'
                                      for i, v in enumerate(table.total_row)) + "</tr>")
    parts.append("</table>")
    if table.note:
        parts.append(f'<p style="font-size: 8pt; color: #333333;">{escape(table.note)}</p>')
    return "".join(parts)


def render_chart_image(chart, width: int = CHART_W, height: int = CHART_H, scale: int = CHART_SCALE) -> QImage:
    """A ReportChart drawn from its SVG into an image (white background) at scale times the layout size."""
    ensure_gui_app()
    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    # The title is drawn in the picture: a caption paragraph could be left at the foot of one page with
    # its chart on the next (QTextDocument has no keep-with-next).
    renderer = QSvgRenderer(QByteArray(chart_svg(chart, width, height, show_title=True).encode("utf-8")))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, width * scale, height * scale))
    finally:
        painter.end()
    return image


def body_document(document, width: float, device=None) -> QTextDocument:
    """The sections as one QTextDocument (each section from a new page), with chart images as resources.

    Laid out for the paint device it will be drawn on (the PDF writer), whatever the screen's scaling.
    """
    doc = QTextDocument()
    if device is not None:
        doc.documentLayout().setPaintDevice(device)
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(9.5)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet("h2 { font-size: 15pt; color: #0b3d6b; } h3 { font-size: 11pt; } "
                             "th { font-weight: bold; } p { margin-bottom: 4px; }")
    parts = []
    n = 0
    for i, section in enumerate(document.sections):
        style = ' style="page-break-before: always;"' if i else ""
        parts.append(f"<h2{style}>{i + 1}. {escape(section.title)}</h2>")
        parts += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
        parts += [_table(t, width, device) for t in section.tables]
        for chart in section.charts:
            name = f"chart{n}.png"
            n += 1
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), render_chart_image(chart))
            w = min(width, CHART_W)
            h = CHART_H * w / CHART_W
            parts.append(f'<p><img src="{name}" width="{w:.0f}" height="{h:.0f}"></p>')
            if chart.note:
                parts.append(f'<p style="font-size: 8pt; color: #333333;">{escape(chart.note)}</p>')
    doc.setHtml("".join(parts))
    return doc


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _title_page(painter: QPainter, document, page: QRectF) -> None:
    y = page.top() + page.height() * 0.22
    painter.setPen(QColor("#0b3d6b"))
    painter.setFont(_font(24, bold=True))
    rect = painter.boundingRect(QRectF(page.left(), y, page.width(), 200), int(Qt.TextFlag.TextWordWrap),
                                document.title)
    painter.drawText(rect, int(Qt.TextFlag.TextWordWrap), document.title)
    y = rect.bottom() + 18
    painter.setPen(QPen(QColor("#0072B2"), 3))
    painter.drawLine(QPointF(page.left(), y), QPointF(page.right(), y))
    y += 24
    painter.setPen(QColor("#111111"))
    painter.setFont(_font(15))
    lines = [document.area_label, f"Financial year {document.year_label}"]
    if document.meeting_date:
        lines.append(f"Date of meeting: {document.meeting_date}")
    for line in lines:
        painter.drawText(QPointF(page.left(), y + QFontMetricsF(painter.font()).ascent()), line)
        y += QFontMetricsF(painter.font()).height() + 6
    y += 12
    painter.setFont(_font(11))
    painter.setPen(QColor("#333333"))
    painter.drawText(QPointF(page.left(), y + QFontMetricsF(painter.font()).ascent()),
                     f"Prepared by {document.office_name} on {document.prepared_on}")
    y += 60
    painter.setFont(_font(13, bold=True))
    painter.setPen(QColor("#111111"))
    painter.drawText(QPointF(page.left(), y), "Contents")
    y += 10
    painter.setFont(_font(11))
    metrics = QFontMetricsF(painter.font())
    for i, section in enumerate(document.sections, start=1):
        y += metrics.height() + 4
        painter.drawText(QPointF(page.left() + 6, y), f"{i}.  {section.title}")


def _header_footer(painter: QPainter, document, page: QRectF, number: int, total: int) -> None:
    painter.save()
    painter.setFont(_font(8))
    painter.setPen(QColor("#555555"))
    metrics = QFontMetricsF(painter.font())
    top = page.top() + metrics.ascent()
    painter.drawText(QPointF(page.left(), top), f"{document.title} — {document.subtitle}")
    right = document.prepared_on
    painter.drawText(QPointF(page.right() - metrics.horizontalAdvance(right), top), right)
    painter.setPen(QPen(QColor("#cccccc"), 1))
    painter.drawLine(QPointF(page.left(), page.top() + HEADER_H - 8), QPointF(page.right(), page.top() + HEADER_H - 8))
    painter.drawLine(QPointF(page.left(), page.bottom() - FOOTER_H + 8),
                     QPointF(page.right(), page.bottom() - FOOTER_H + 8))
    painter.setPen(QColor("#555555"))
    text = f"Page {number} of {total}"
    painter.drawText(QPointF(page.center().x() - metrics.horizontalAdvance(text) / 2, page.bottom() - 4), text)
    painter.restore()


class PdfWriteError(OSError):
    """Qt's PDF writer failed, or what it made does not read back as a whole PDF; nothing was replaced."""

    describes_itself = True  # its message is the cause (safe_write keeps it rather than a generic one)

    def __str__(self) -> str:
        return self.strerror or super().__str__()


def render_pdf(document) -> tuple[bytes, int]:
    """The report as the bytes of an A4 PDF, made in memory, and its number of pages."""
    ensure_gui_app()
    buffer = QBuffer()
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise PdfWriteError(errno.EIO, "Qt could not open a buffer in memory for the PDF")
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(f"{document.title} — {document.subtitle}")
    writer.setCreator("Safer Desk")
    page = QRectF(writer.pageLayout().paintRectPixels(DPI))
    page.moveTo(0, 0)
    body_h = page.height() - HEADER_H - FOOTER_H
    doc = body_document(document, page.width(), writer)
    doc.setPageSize(QSizeF(page.width(), body_h))
    body_pages = doc.pageCount()
    total = body_pages + 1
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfWriteError(errno.EIO, "Qt's PDF writer could not start the report")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        _title_page(painter, document, page)
        for p in range(body_pages):
            if not writer.newPage():
                raise PdfWriteError(errno.EIO, f"Qt's PDF writer could not start page {p + 2}")
            _header_footer(painter, document, page, p + 2, total)
            painter.save()
            painter.translate(0, HEADER_H - p * body_h)
            doc.drawContents(painter, QRectF(0, p * body_h, page.width(), body_h))
            painter.restore()
    finally:
        finished = painter.end()
    if not finished:
        raise PdfWriteError(errno.EIO, "Qt's PDF writer could not finish the report")
    data = bytes(buffer.data())
    buffer.close()
    check_pdf(data, total)
    return data, total


def check_pdf(data: bytes, pages: int) -> None:
    """A whole PDF: it starts with %PDF-, ends with %%EOF and has the pages it should."""
    if not data.startswith(b"%PDF-"):
        raise PdfWriteError(errno.EIO, "the PDF does not read back: it does not start as a PDF")
    if not data.rstrip().endswith(b"%%EOF"):
        raise PdfWriteError(errno.EIO, "the PDF does not read back: it is cut short (no end-of-file marker)")
    found = pdf_page_count(data)
    if found != pages:
        raise PdfWriteError(errno.EIO, f"the PDF does not read back: it has {found} pages instead of {pages}")


def pdf_page_count(data: bytes) -> int:
    """Pages in a PDF as Qt writes it (one "/Type /Page" object per page; "/Pages" is the tree)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def write_pdf(document, target: Path | str) -> int:
    """Write the report as an A4 PDF at target (atomically, checked); returns the number of pages.

    The PDF is made and checked in memory, written to a temporary file beside target, flushed to the
    disk, read back and checked again, and only then moved over target: a full disk or a failed writer
    raises an OSError saying why, and any earlier report at target is left as it was.
    """
    target = Path(target)
    data, total = render_pdf(document)
    faults.boundary("report-pdf:after-render")
    with atomic_path(target, label="report-pdf", what=f"The report {target.name}") as tmp:
        fd = os.open(str(tmp), os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
        try:
            write_chunks(fd, [data])
        finally:
            os.close(fd)
        check_pdf(tmp.read_bytes(), total)  # what is on the disk, not only what was in memory
    return total
