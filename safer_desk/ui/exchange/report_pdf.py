"""The board report as PDF through Qt's own QPdfWriter, QTextDocument and QPainter (no external tool).

Page 1 is the title page (title, area, year, date, contents); the sections follow, each from a new page,
laid out by QTextDocument and painted page by page under a running header and a "Page n of N" footer.
Charts are the same SVG as in the HTML report, rasterised at print resolution by QSvgRenderer.
"""

from __future__ import annotations

import os
import sys
from html import escape
from pathlib import Path

from PySide6.QtCore import QByteArray, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (QColor, QFont, QFontMetricsF, QGuiApplication, QImage, QPageLayout, QPageSize, QPainter,
                           QPdfWriter, QPen, QTextDocument)
from PySide6.QtSvg import QSvgRenderer

from safer_desk.exchange.files import atomic_path
from safer_desk.exchange.report_html import chart_svg

DPI = 96  # layout units: CSS pixels, so the HTML flavour of the tables sizes the same way
CHART_W, CHART_H = 680, 320
CHART_SCALE = 3  # rasterise charts at 288 dpi
HEADER_H, FOOTER_H = 28.0, 28.0
FONT_FAMILIES = ["Segoe UI", "Arial", "DejaVu Sans", "Liberation Sans"]
_app = None


def ensure_gui_app() -> None:
    """Fonts and painting need a QGuiApplication; the command line makes an offscreen one (no window)."""
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([sys.argv[0]])


def _align(align, i: int) -> str:
    a = align[i] if i < len(align) else "l"
    return {"r": "right", "c": "center"}.get(a, "left")


def _table(table) -> str:
    parts = [f'<h3>{escape(table.title)}</h3>' if table.title else ""]
    parts.append('<table width="100%" border="1" cellspacing="0" cellpadding="4" '
                 'style="border-collapse: collapse; border-color: #999999;"><thead><tr>')
    parts += [f'<th bgcolor="#e8eef5" align="{_align(table.align, i)}">{escape(h)}</th>'
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
    renderer = QSvgRenderer(QByteArray(chart_svg(chart, width, height).encode("utf-8")))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, width * scale, height * scale))
    finally:
        painter.end()
    return image


def body_document(document, width: float) -> QTextDocument:
    """The sections as one QTextDocument (each section from a new page), with chart images as resources."""
    doc = QTextDocument()
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
        parts += [_table(t) for t in section.tables]
        for chart in section.charts:
            name = f"chart{n}.png"
            n += 1
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), render_chart_image(chart))
            w = min(width, CHART_W)
            h = CHART_H * w / CHART_W
            parts.append(f"<p><b>{escape(chart.title)}</b></p>")
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


def write_pdf(document, target: Path | str) -> int:
    """Write the report as an A4 PDF at target (atomically); returns the number of pages."""
    target = Path(target)
    ensure_gui_app()
    with atomic_path(target) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(DPI)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        writer.setTitle(f"{document.title} — {document.subtitle}")
        writer.setCreator("Safer Desk")
        page = QRectF(writer.pageLayout().paintRectPixels(DPI))
        page.moveTo(0, 0)
        body_h = page.height() - HEADER_H - FOOTER_H
        doc = body_document(document, page.width())
        doc.setPageSize(QSizeF(page.width(), body_h))
        body_pages = doc.pageCount()
        total = body_pages + 1
        painter = QPainter(writer)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            _title_page(painter, document, page)
            for p in range(body_pages):
                writer.newPage()
                _header_footer(painter, document, page, p + 2, total)
                painter.save()
                painter.translate(0, HEADER_H - p * body_h)
                doc.drawContents(painter, QRectF(0, p * body_h, page.width(), body_h))
                painter.restore()
        finally:
            painter.end()
    return total
