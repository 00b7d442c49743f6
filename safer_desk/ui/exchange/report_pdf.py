"""The board report as PDF through Qt's own QPdfWriter, QTextDocument and QPainter (no external tool).

Page 1 is the title page (title, area, year, date, contents with the page each section starts on); the
sections follow, each laid out by its own QTextDocument from a new page (a short one, by the web page's rule, that
fits whole in the room left on the page before follows there: place_sections) and painted page by page under a
running header and a "Page n of N" footer.

Charts are the same SVG as in the HTML report, drawn as vectors onto the PDF's own painter: QSvgRenderer
paints the shapes and QPainter writes the words in the report's fonts. A chart costs a few kilobytes instead
of a 288-dpi image, prints sharp at any size, and its words can be searched, copied and read aloud.

Every font has its ligatures switched off, so text copied or extracted from the PDF reads "Suffolk", not
"Suﬀolk" with the single "ﬀ" character a screen reader or a search stumbles on.

All of it may run on a worker thread (ui.workers.run_task): QPdfWriter, a QPainter on it, QTextDocument,
QSvgRenderer and fonts can be used off the GUI thread in Qt 6 (Qt's "Thread-Support in Qt Modules":
QTextDocument and QSvgRenderer are reentrant, and text can be rendered outside the GUI thread); nothing
here touches a widget, a QPixmap or a chart widget. The GUI application must exist (fonts need it).
"""

from __future__ import annotations

import errno
import os
import re
import sys
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QAbstractTextDocumentLayout, QColor, QFont, QFontMetricsF, QGuiApplication, QImage,
                           QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QPyTextObject, QTextBlockFormat,
                           QTextCharFormat, QTextCursor, QTextDocument, QTextFormat, QTextOption)
from PySide6.QtSvg import QSvgRenderer

from safer_desk import __version__, faults
from safer_desk.exchange.files import atomic_path
from safer_desk.exchange.report_html import LONG_WORD, chart_svg, short_section
from safer_desk.services.progress import CancelCheck, Progress, check_cancelled, never_cancelled, no_progress
from safer_desk.services.files import write_chunks

DPI = 96  # layout units: CSS pixels, so the HTML flavour of the tables sizes the same way
CHART_W, CHART_H = 680, 290  # three charts to an A4 page
HEADER_H, FOOTER_H = 28.0, 28.0
FONT_FAMILIES = ["Segoe UI", "Arial", "DejaVu Sans", "Liberation Sans"]
# Ligatures ("ﬀ", "ﬁ", "ﬂ") are drawn as one glyph mapped to one character, which is what a copy, a search
# or a screen reader then gets; standard and contextual ligatures off keeps every letter its own glyph.
NO_LIGATURES = ("liga", "clig")
# PDF/A-1b: every font embedded and an sRGB output intent, for the council's records (Qt writes it; the
# identification is Qt's claim, not one we have validated).
PDF_VERSION = QPdfWriter.PdfVersion.PdfVersion_A1b
# The report's language and "show the title, not the file name" (PDF/UA asks for both), which Qt cannot set.
CATALOG_ENTRIES = {"/Lang": "(en-GB)", "/ViewerPreferences": "<< /DisplayDocTitle true >>"}
PROGRESS_TOTAL = 1000  # render_pdf reports per mille of its own work
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


def progress_part(progress: Progress, start: int, end: int, total: int = PROGRESS_TOTAL) -> Progress:
    """A Progress whose reports (done of its own total) land between start and end of total on progress."""
    def report(done: int, of: int, message: str = "") -> None:
        progress(start + (end - start) * min(done, of) // max(of, 1), total, message)

    return report


def report_font(size: float, bold: bool = False) -> QFont:
    """The report's type at size points, ligatures off (any PDF whose text should copy cleanly can use it)."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(size)
    font.setBold(bold)
    for tag in NO_LIGATURES:
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _align(align, i: int) -> str:
    a = align[i] if i < len(align) else "l"
    return {"r": "right", "c": "center"}.get(a, "left")


def _word_width(metrics: QFontMetricsF, word: str) -> float:
    """The room a word needs on one line: the whole word, or the first LONG_WORD letters of a longer one (a URL, a
    title run together, which may wrap anywhere: room for all of it squeezed every other column until money broke
    mid-figure)."""
    return metrics.horizontalAdvance(word[:LONG_WORD])


def _words(text: str) -> list[str]:
    """The words a line may break between: a no-break space joins ("○ 1,130 †" of the county overview is one word,
    where str.split() took it for three and the column was given too little room to keep it on its line)."""
    return [w for w in _BREAKS.split(text) if w]


_BREAKS = re.compile(r"[^\S\u00a0\u202f]+")  # white space, but for the no-break spaces


def _measure(table, size: float, device) -> tuple[list[float], list[float]]:
    """For each column: the width of its longest word (of a long word, LONG_WORD letters of it), and of its longest
    cell (at this type size)."""
    def metrics(bold: bool) -> QFontMetricsF:
        font = report_font(size, bold)
        return QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)

    plain, bold = metrics(False), metrics(True)
    words, lines = [], []
    for c, header in enumerate(table.header):
        # (text, metrics it is set in): the header and the total row are bold.
        cells = [(str(r[c]), plain) for r in table.rows if c < len(r) and r[c] is not None]
        if table.total_row and c < len(table.total_row) and table.total_row[c] is not None:
            cells.append((str(table.total_row[c]), bold))
        words.append(max([_word_width(bold, w) for w in _words(str(header))] +
                         [_word_width(m, w) for t, m in cells for w in _words(t)] + [8.0]))
        lines.append(max([bold.horizontalAdvance(str(header)) / 2] + [m.horizontalAdvance(t) for t, m in cells]))
    return words, lines


def _table_points(table) -> float:
    """Smaller type for wide tables, so ten columns still fit A4 portrait without breaking words."""
    columns = len(table.header)
    return 7.5 if columns >= 9 else 8.0 if columns >= 7 else 9.0


def table_layout(table, width: float, device=None) -> tuple[float, list[float]]:
    """The type size and percentage column widths for a table (QTextDocument's own layout starves wordy columns).

    Every column gets room for its longest word, so no word is broken (wide tables get smaller type until
    their words fit, down to 6 pt, and then closer cells); the room left is shared in proportion to what each
    column would need to keep its cells on one line (capped at 40% of the width).
    """
    size, widths, _ = _table_layout(table, width, device)
    return size, widths


CELL_PADDING, TIGHT_CELL_PADDING = 3, 1  # HTML cellpadding: the usual, and for a table its words fit only so


def _table_layout(table, width: float, device=None) -> tuple[float, list[float], int]:
    """``table_layout`` and the cell padding it needs."""
    # A cell's padding and borders (10), and 2 more: Qt sets bold text a pixel wider than its metrics say and
    # rounds a column down to whole pixels, so a column of exactly its longest word broke it ("Scal" over "e").
    padding, cell_padding = 12.0, CELL_PADDING
    size = _table_points(table)
    while True:
        words, lines = _measure(table, size, device)
        least = [w + padding for w in words]
        if sum(least) <= width:
            break
        if size <= 6.0:
            if cell_padding == CELL_PADDING:  # the smallest type still too wide (15 columns of a scenario
                # against an award over two years broke "experimental?"): closer cells, 2 px a side less
                cell_padding, padding = TIGHT_CELL_PADDING, padding - 2 * (CELL_PADDING - TIGHT_CELL_PADDING)
                continue
            break
        size -= 0.5
    wanted = [max(w, min(line, width * 0.4)) + padding for w, line in zip(words, lines)]
    # A right-aligned heading of one word (a year, "Total") after another right-aligned column is given an em beside
    # it when the page has the room: a column holding only "N/K" had its heading's width alone, and the headings set
    # right against each other ran together ("2018/19 2019/20" at A4). The type size is not made smaller for it, nor
    # is a wordy table's room (the register's) given to the gap.
    headed = [max(m, room + padding) for m, room in zip(least, _heading_room(table, size, device))]
    if sum(headed) <= width:
        least, wanted = headed, [max(w, h) for w, h in zip(wanted, headed)]
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
    return size, [100 * w / total for w in widths], cell_padding


def _heading_room(table, size: float, device) -> list[float]:
    """For each column: the width of its heading and an em beside it, when it is one word set right against the
    right-aligned heading before it (0 otherwise: a heading of several words may wrap; a left or centred heading
    before it leaves room of its own)."""
    font = report_font(size, True)
    bold = QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)

    def right(i: int) -> bool:
        return _align(table.align, i) == "right"

    return [bold.horizontalAdvance(text) + bold.horizontalAdvance("M")
            if i > 0 and right(i) and right(i - 1) and len(_words(text)) == 1 else 0.0
            for i, text in enumerate(str(h) for h in table.header)]


NEW_PAGE = "page-break-before: always; "


def _part_starts(table, breaks=()) -> list[int]:
    """The first row of each part a table is split into (rows count from 0; the total row is len(rows))."""
    rows = len(table.rows) + (1 if table.total_row else 0)
    return [0] + sorted(b for b in set(breaks) if 0 < b < rows)


def _table(table, width: float, device=None, breaks=()) -> str:
    """The table as HTML; breaks: the rows that begin a new page (see _split_table_row).

    A row that begins a new page starts a new table there, under the same header and column widths; row 0
    moves the whole table, its title included.
    """
    size, widths, cell_padding = _table_layout(table, width, device)
    title_style = f' style="{NEW_PAGE}"' if 0 in breaks and table.title else ""
    parts = [f'<h3{title_style}>{escape(table.title)}</h3>' if table.title else ""]
    head = "<thead><tr>" + "".join(
        f'<th bgcolor="#e8eef5" width="{widths[i]:.1f}%" align="{_align(table.align, i)}">{escape(h)}</th>'
        for i, h in enumerate(table.header)) + "</tr></thead>"
    rows = ["<tr>" + "".join(f'<td align="{_align(table.align, i)}">{escape(str(v))}</td>'
                             for i, v in enumerate(row)) + "</tr>" for row in table.rows]
    if table.total_row:
        rows.append("<tr>" + "".join(f'<td align="{_align(table.align, i)}"><b>{escape(str(v))}</b></td>'
                                     for i, v in enumerate(table.total_row)) + "</tr>")
    starts = _part_starts(table, breaks)
    for n, (start, end) in enumerate(zip(starts, starts[1:] + [len(rows)])):
        new_page = NEW_PAGE if n > 0 or (0 in breaks and not table.title) else ""
        parts.append(f'<table width="100%" border="1" cellspacing="0" cellpadding="{cell_padding}" '
                     f'style="{new_page}border-collapse: collapse; border-color: #999999; font-size: {size:g}pt;">'
                     + head + "".join(rows[start:end]) + "</table>")
    if table.note:
        parts.append(f'<p style="font-size: 8pt; color: #333333;">{escape(table.note)}</p>')
    return "".join(parts)


@dataclass(frozen=True)
class ChartWord:
    """A <text> of a chart's SVG, written by QPainter rather than QSvgRenderer (which would ligate it)."""

    text: str
    x: float
    y: float
    anchor: str = "start"  # start, middle or end, as SVG's text-anchor
    size: float = 11.0  # in the SVG's units (CSS pixels)
    bold: bool = False
    colour: str = "#111111"
    rotate: tuple[float, float, float] | None = None  # degrees about (x, y), as SVG's rotate(a x y)


_TEXT = re.compile(r"<text\b([^>]*)>(.*?)</text>", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
_ROTATE = re.compile(r"rotate\(\s*([-\d.]+)[\s,]+([-\d.]+)[\s,]+([-\d.]+)\s*\)")


def split_chart_svg(svg: str) -> tuple[bytes, list[ChartWord]]:
    """chart_svg's drawing without its words (for QSvgRenderer), and the words (for QPainter).

    Only for the SVG that exchange.report_html.chart_svg writes: flat <text> elements with plain attributes.
    """
    root = _ATTRIBUTE.findall(svg[:svg.index(">")])
    default_size = float(dict(root).get("font-size", 11))
    words = []
    for attributes, content in _TEXT.findall(svg):
        a = dict(_ATTRIBUTE.findall(attributes))
        rotate = _ROTATE.search(a.get("transform", ""))
        words.append(ChartWord(unescape(content), float(a.get("x", 0)), float(a.get("y", 0)),
                               a.get("text-anchor", "start"), float(a.get("font-size", default_size)),
                               a.get("font-weight") == "bold", a.get("fill", "#111111"),
                               tuple(float(v) for v in rotate.groups()) if rotate else None))
    return _TEXT.sub("", svg).encode("utf-8"), words


def draw_chart(painter: QPainter, chart, rect: QRectF, width: int = CHART_W, height: int = CHART_H) -> None:
    """A ReportChart drawn as vectors into rect on painter (laid out at width × height, then scaled to rect).

    The title is drawn in the picture: a caption paragraph could be left at the foot of one page with its
    chart on the next (QTextDocument has no keep-with-next).
    """
    shapes, words = split_chart_svg(chart_svg(chart, width, height, show_title=True))
    renderer = QSvgRenderer(QByteArray(shapes))
    if not renderer.isValid():
        raise PdfWriteError(errno.EIO, f"the chart {chart.title!r} could not be drawn")
    renderer.render(painter, rect)
    painter.save()
    try:
        painter.translate(rect.topLeft())
        painter.scale(rect.width() / width, rect.height() / height)
        dpi = painter.device().logicalDpiY() or DPI
        for word in words:
            painter.save()
            font = report_font(word.size * 72 / dpi, word.bold)  # SVG sizes are CSS pixels
            painter.setFont(font)
            painter.setPen(QColor(word.colour))
            if word.rotate:
                angle, cx, cy = word.rotate
                painter.translate(cx, cy)
                painter.rotate(angle)
                painter.translate(-cx, -cy)
            advance = QFontMetricsF(font, painter.device()).horizontalAdvance(word.text)
            shift = {"middle": advance / 2, "end": advance}.get(word.anchor, 0.0)
            painter.drawText(QPointF(word.x - shift, word.y), word.text)
            painter.restore()
    finally:
        painter.restore()


def render_chart_image(chart, width: int = CHART_W, height: int = CHART_H, scale: int = 1) -> QImage:
    """A ReportChart as an image (white background) at scale times the layout size, for a picture of it."""
    ensure_gui_app()
    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        draw_chart(painter, chart, QRectF(0, 0, width * scale, height * scale), width, height)
    finally:
        painter.end()
    return image


CHART_OBJECT = QTextFormat.ObjectTypes.UserObject.value + 1  # a chart in a QTextDocument
CHART_INDEX = QTextFormat.Property.UserProperty.value + 1  # which of the section's charts
CHART_WIDTH, CHART_HEIGHT = CHART_INDEX + 1, CHART_INDEX + 2  # its size in the layout


class _ChartObjects(QPyTextObject):
    """Draws a section's charts where its QTextDocument placed them (Qt's text-object interface)."""

    def __init__(self, charts, parent=None):
        super().__init__(parent)
        self.charts = charts
        self.error: BaseException | None = None  # Qt would only print an exception raised in a callback
        self.page = QRectF()  # the page being drawn, in the document's coordinates (SectionLayout.draw_page)

    def intrinsicSize(self, doc, position, text_format):  # Qt's name
        return QSizeF(text_format.doubleProperty(CHART_WIDTH), text_format.doubleProperty(CHART_HEIGHT))

    def drawObject(self, painter, rect, doc, position, text_format):  # Qt's name
        rect = QRectF(rect)
        if self.page.isValid() and not self.page.top() - 1 <= rect.top() < self.page.bottom():
            return  # a chart of the page before or after, which Qt offers to draw clipped away
        try:
            draw_chart(painter, self.charts[text_format.intProperty(CHART_INDEX)], rect)
        except BaseException as exc:  # noqa: BLE001 - raised again by SectionLayout.draw_page, on its stack
            self.error = self.error or exc


@dataclass
class SectionLayout:
    """One section laid out on pages of the body's size (its own QTextDocument, starting a new page)."""

    document: QTextDocument
    charts: _ChartObjects
    pages: int
    page_height: float

    def draw_page(self, painter: QPainter, page: int, width: float) -> None:
        """Draw page (0-based) of the section with its top at the painter's origin."""
        clip = QRectF(0, page * self.page_height, width, self.page_height)
        self.charts.page = clip
        # What QTextDocument.drawContents does, but lines are looked for only above the page's bottom edge:
        # Qt counts a block that starts exactly on the next page as touching this one, and draws it (clipped
        # away, but in the PDF all the same).
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = clip.adjusted(0, 0, 0, -0.5)
        painter.save()
        try:
            painter.translate(0, -clip.top())
            painter.setClipRect(clip)
            self.document.documentLayout().draw(painter, context)
        finally:
            painter.restore()
            self.charts.page = QRectF()
        if self.charts.error is not None:
            raise self.charts.error

    @property
    def bottom(self) -> float:
        """How far down its last page the section's lines, tables and charts reach."""
        layout, lowest = self.document.documentLayout(), 0.0
        block = self.document.begin()
        while block.isValid():
            if block.text().strip():
                lowest = max(lowest, layout.blockBoundingRect(block).bottom())
            block = block.next()
        return lowest - (self.pages - 1) * self.page_height


SECTION_GAP = 30.0  # px between a section and a short one following it on its page


def place_sections(layouts: list[SectionLayout], height: float,
                   short: list[bool] | None = None) -> list[tuple[int, float]]:
    """Where each section begins, as (page of the body, 0-based, after the title page; its top on that page).

    A section begins a new page, but for a short one (short[i]: exchange.report_html.short_section, the rule the
    printed web page follows too; by default every section of one page) that fits whole in the room the section
    before it left on its last page: it follows there (the 2009/10 report's one-sentence Indicators section took
    page 10 alone). Whole, so no heading or table is split from what it heads."""
    places: list[tuple[int, float]] = []
    page, used = -1, height
    for i, layout in enumerate(layouts):
        tall = layout.bottom
        if places and layout.pages == 1 and (short is None or short[i]) and used + SECTION_GAP + tall <= height:
            places.append((page, used + SECTION_GAP))
            used += SECTION_GAP + tall
        else:
            places.append((page + 1, 0.0))
            page += layout.pages
            used = layout.bottom
    return places


def _section_html(section, number: int, width: float, device, breaks: dict[int, set[int]]) -> str:
    parts = [f"<h2>{number}. {escape(section.title)}</h2>"]
    parts += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
    parts += [_table(t, width, device, breaks.get(k, ())) for k, t in enumerate(section.tables)]
    w = min(width, CHART_W)
    h = CHART_H * w / CHART_W
    for k, chart in enumerate(section.charts):
        # A placeholder of the chart's size, turned into a chart object once the HTML is read. Its note is a line
        # of the same paragraph, so that _keep_paragraphs_whole keeps the two on one page ("Period ends Sep-19."
        # was a page of its own after the fund's burn-down chart).
        note = (f'<br/><span style="font-size: 8pt; color: #333333;">{escape(chart.note)}</span>'
                if chart.note else "")
        parts.append(f'<p><img src="chart:{k}" width="{w:.0f}" height="{h:.0f}">{note}</p>')
    return "".join(parts)


def layout_section(section, number: int, width: float, height: float, device=None,
                   cancelled: CancelCheck = never_cancelled, progress: Progress = no_progress,
                   ahead: bool = True) -> SectionLayout:
    """Lay a section out on pages of width × height (for the paint device it will be drawn on, if given).

    No paragraph and no table row is split by a page break (where it fits on one page): a row a break would split
    starts the next page under the table's header again, and the section is laid out again from its HTML.
    Each round finds the first row a break splits; with ahead (_breaks_ahead) it also works out from the rows'
    heights where the rest of that table's pages will break, and keeps those of them two more layouts prove to be
    what round after round would find: a county file's table of every district's projects (260 pages) took a
    round a page, each a full layout of the section (~90 minutes), and now takes a few.
    cancelled is asked before each layout; progress hears the table rows laid out so far after each round.
    """
    breaks: dict[int, set[int]] = {}  # table index -> rows that begin a new page
    rows = [len(t.rows) for t in section.tables]
    natural = None
    for _ in range(500):  # each round moves at least one more row on; a table has far fewer pages than that
        check_cancelled(cancelled)
        doc, charts = _section_document(section, number, width, height, device, breaks)
        split = _split_table_row(doc, height, section.tables, breaks)
        if split is None:
            first = _lone_first_row(doc, height, section.tables, breaks)
            if first is not None:
                # The table begins the next page, title and all: breaks worked out where it began are void.
                breaks[first] = {0}
                continue
            kept = _kept_row_apart(doc, height, section.tables, breaks)
            if kept is not None:
                breaks.setdefault(kept[0], set()).add(kept[1])  # it begins the next page, over the row it keeps
                continue
            lone = _lone_total_row(doc, height, section.tables, breaks)
            if lone is None:
                lone = _lone_note(doc, height, section.tables, breaks)
                if lone is None:
                    break
                breaks.setdefault(lone[0], set()).add(lone[1])  # its last row goes over with the note
                continue
            # The last row goes over with it: not a page of the header and "Total" alone (a break before the total
            # row itself, made to keep it whole, gives way to this one).
            breaks.setdefault(lone[0], set()).discard(lone[1] + 1)
            breaks[lone[0]].add(lone[1])
            continue
        breaks.setdefault(split[0], set()).add(split[1])
        if ahead:
            if natural is None:
                check_cancelled(cancelled)
                natural = _natural_rows(section, number, width, device)
            for later in _breaks_ahead(section, number, width, height, device, breaks, split, natural, cancelled):
                breaks[later[0]].add(later[1])
                split = later
        reached = min(sum(rows[:split[0]]) + split[1], sum(rows))
        progress(reached, sum(rows), f"row {reached:,} of {sum(rows):,}")
    return SectionLayout(doc, charts, doc.pageCount(), height)


def _natural_rows(section, number: int, width: float, device) -> dict[int, tuple[float, float, list[tuple]]]:
    """Each table's rows laid out on one endless page: where a page's first row begins (the top of its lines below
    the page's top, under the header), the room a cell keeps below its lines, and each row's (top of its lines,
    bottom of its first line, bottom of its lines), rows counted as _part_starts counts them.

    The last row begins a page of its own here, to measure where a page's first row begins.
    """
    lasts = {k: len(t.rows) - (0 if t.total_row else 1) for k, t in enumerate(section.tables)}
    lasts = {k: last for k, last in lasts.items() if last > 0}
    breaks = {k: {last} for k, last in lasts.items()}
    doc, _ = _section_document(section, number, width, NATURAL_HEIGHT, device, breaks)
    parts = [(k, start) for k, t in enumerate(section.tables) for start in _part_starts(t, breaks.get(k, ()))]
    layout = doc.documentLayout()
    order: dict[int, int] = {}  # a QTextTable's first position -> its place in parts
    rows: dict[tuple[int, int], list[float]] = {}  # (table, row) -> the three depths
    block = doc.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        part = order.setdefault(table.firstPosition(), len(order)) if table is not None else len(parts)
        if part < len(parts) and block.layout().lineCount():
            k, start = parts[part]
            row = table.cellAt(cursor).row()
            top = layout.blockBoundingRect(block).top()
            text = block.layout()
            first, last = text.lineAt(0), text.lineAt(text.lineCount() - 1)
            line = [top + first.y(), top + first.y() + first.height(), top + last.y() + last.height()]
            extent = rows.setdefault((k, start + row - 1 if row else -1 - start), line)  # headers: -1, -1 - last
            extent[:] = [min(extent[0], line[0]), min(extent[1], line[1]), max(extent[2], line[2])]
        block = block.next()
    natural = {}
    for k, last in lasts.items():
        if any((k, row) not in rows for row in [-1, -1 - last] + list(range(last + 1))):
            continue  # not laid out as expected: no guesses for this table
        top, first, bottom = rows[(k, last)]
        page_top = top - (rows[(k, -1 - last)][0] - rows[(k, -1)][0])  # where it would be under the first header
        before = rows[(k, last - 1)]
        gap = rows[(k, 0)][0] - rows[(k, -1)][2]  # between the header's lines and the first row's (one cell edge)
        moved = before[2] + gap - page_top
        below = gap - _table_layout(section.tables[k], width, device)[2]  # a cell's padding and border below
        natural[k] = (top % NATURAL_HEIGHT, below, [tuple(rows[(k, row)]) for row in range(last)]
                      + [(top + moved, first + moved, bottom + moved)])
    return natural


NATURAL_HEIGHT = 1e6  # px: a page for any table (a whole section of pages this tall puts Qt's layout out of true)


def _predict_breaks(first_top: float, below: float, rows: list[tuple[float, float, float]], start: int,
                    height: float) -> list[int]:
    """The rows after start (which begins a page) that would begin the pages after it.

    first_top, below and rows as _natural_rows gives them for one table (a line fits on a page with the room below
    it). A guess from the rows' heights, proved or not by _breaks_ahead; it stops at a row too tall for a page.
    """
    breaks, heading = [], start  # heading: the row at the top of the page
    for row in range(start + 1, len(rows)):
        top, first, bottom = rows[row]
        y = first_top + top - rows[heading][0]
        if bottom - top > height * 0.8:
            break
        if y + bottom - top + below > height:
            if y + first - top + below <= height:  # its first lines would fit: split, so it begins the next page
                breaks.append(row)
            heading = row  # otherwise Qt moves it whole to the next page, under the header again
    return breaks


def _breaks_ahead(section, number: int, width: float, height: float, device, breaks: dict[int, set[int]],
                  split: tuple[int, int], natural, cancelled: CancelCheck) -> list[tuple[int, int]]:
    """The breaks that follow split in its table, as the rounds of layout_section would find them one by one.

    Guessed from the rows' heights (_predict_breaks), then proved with two layouts: one without the odd guesses,
    one without the even ones. The part of a table from a page break on is laid out the same whatever came before
    it, so the first row split after guess n - 1 in a layout without guess n is the row the round after guess n - 1
    would find: the guesses are kept up to the first that is not, and then the row that is, when it is known.
    """
    k = split[0]
    first_top, below, rows = natural.get(k, (0.0, 0.0, []))
    chain = [split] + [(k, row) for row in _predict_breaks(first_top, below, rows, split[1], height)]
    found: dict[int, tuple[int, int] | None | bool] = {}  # n -> the next break after chain[n - 1] (False: unknown)
    for parity in ((1, 0) if len(chain) > 1 else ()):
        check_cancelled(cancelled)
        trial = {t: set(starts) for t, starts in breaks.items()}
        trial[k].update(chain[n][1] for n in range(1, len(chain)) if n % 2 != parity)
        doc, _ = _section_document(section, number, width, height, device, trial)
        splits = list(_splits(doc, height, section.tables, trial))
        for n in range(1, len(chain)):
            if n % 2 == parity:
                after = next((s for s in splits if s > chain[n - 1]), None)
                bound = chain[n + 1] if n + 1 < len(chain) else None  # the layout is as the rounds' only up to it
                found[n] = after if bound is None or (after is not None and after < bound) else False
    kept = []
    for n in range(1, len(chain)):
        if found[n] == chain[n]:
            kept.append(chain[n])
            continue
        if found[n]:
            kept.append(found[n])
        break
    return kept


def _section_document(section, number: int, width: float, height: float, device,
                      breaks: dict[int, set[int]]) -> tuple[QTextDocument, _ChartObjects]:
    doc = QTextDocument()
    if device is not None:
        doc.documentLayout().setPaintDevice(device)  # whatever the screen's scaling
    doc.setDefaultFont(report_font(9.5))
    doc.setDocumentMargin(0)
    # Space above blocks, none below: a block whose bottom margin reached into the next page would be drawn
    # there again (see _keep_paragraphs_whole). Qt collapses margins, so paragraphs are still 12 px apart.
    doc.setDefaultStyleSheet("h2 { font-size: 15pt; color: #0b3d6b; margin-bottom: 0px; } "
                             "h3 { font-size: 11pt; margin-bottom: 0px; } th { font-weight: bold; } "
                             "p { margin-bottom: 0px; }")
    doc.setHtml(_section_html(section, number, width, device, breaks))
    charts = _ChartObjects(section.charts, doc)
    doc.documentLayout().registerHandler(CHART_OBJECT, charts)
    text = doc.toRawText()
    cursor = QTextCursor(doc)
    for position in (i for i, c in enumerate(text) if c == "\ufffc"):
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        image = cursor.charFormat()
        name = image.toImageFormat().name() if image.isImageFormat() else ""
        if not name.startswith("chart:"):
            continue
        chart = QTextCharFormat()
        chart.setObjectType(CHART_OBJECT)
        chart.setProperty(CHART_INDEX, int(name.partition(":")[2]))
        chart.setProperty(CHART_WIDTH, float(image.toImageFormat().width()))
        chart.setProperty(CHART_HEIGHT, float(image.toImageFormat().height()))
        cursor.setCharFormat(chart)
    doc.setPageSize(QSizeF(width, height))
    _keep_paragraphs_whole(doc, height)
    return doc, charts


def _split_table_row(doc: QTextDocument, height: float, tables, breaks: dict[int, set[int]]
                     ) -> tuple[int, int] | None:
    """The first table row a page break splits (_splits), or None when none is."""
    return next(_splits(doc, height, tables, breaks), None)


def _splits(doc: QTextDocument, height: float, tables, breaks: dict[int, set[int]]):
    """The table rows a page break splits, in order, as (table index, row) to begin a new page.

    Qt splits a row at a page break line by line, and then draws a cell's last line before the break again,
    clipped, at the top of the next page (QTextLayout::draw starts one line above its clip): in the PDF that
    line's text is there twice. Rows are counted as _part_starts counts them; the header row of a table stands
    for the whole table (or the part of it) it heads. A row too tall for a page is left to Qt.
    """
    parts = [(k, start) for k, t in enumerate(tables) for start in _part_starts(t, breaks.get(k, ()))]
    layout = doc.documentLayout()
    order: dict[int, int] = {}  # a QTextTable's first position -> its place in parts (tables come in order)
    rows: dict[tuple[int, int], list[float]] = {}  # (part, table row) -> [top, bottom] of its lines, in order
    pages: dict[tuple[int, int], set[int]] = {}
    before = None  # the last block outside a table: a table's title, when the table follows it
    block = doc.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is None:
            before = block
        elif block.layout().lineCount():
            first = table.firstPosition() not in order
            key = (order.setdefault(table.firstPosition(), len(order)), table.cellAt(cursor).row())
            if first and before is not None and key[0] < len(parts) and parts[key[0]][1] == 0 \
                    and before.text() and before.text() == tables[parts[key[0]][0]].title:
                # The title on the page before its table (moved whole, too tall for the room left): the title
                # counts as the header's, so the table, title and all, begins the next page.
                lines = before.layout()
                if lines.lineCount():
                    last = lines.lineAt(lines.lineCount() - 1)
                    y = layout.blockBoundingRect(before).top() + last.y() + last.height() / 2
                    pages.setdefault(key, set()).add(int(y // height))
            top = layout.blockBoundingRect(block).top()
            text = block.layout()
            for i in range(text.lineCount()):
                line = text.lineAt(i)
                y = top + line.y()
                extent = rows.setdefault(key, [y, y + line.height()])
                extent[:] = [min(extent[0], y), max(extent[1], y + line.height())]
                pages.setdefault(key, set()).add(int((y + line.height() / 2) // height))
        block = block.next()
    for (part, row), extent in rows.items():
        if len(pages[(part, row)]) < 2 or part >= len(parts) or extent[1] - extent[0] > height * 0.8:
            continue
        k, start = parts[part]
        new_page = start if row == 0 else start + row - 1
        if new_page not in breaks.get(k, ()):
            yield k, new_page


def _row_pages(doc: QTextDocument, height: float, tables, breaks: dict[int, set[int]]) -> dict[tuple[int, int], int]:
    """The page each body row's first line is on, as (table index, row) -> page; rows counted as _part_starts
    counts them (the total row is len(rows))."""
    parts = [(k, start) for k, t in enumerate(tables) for start in _part_starts(t, breaks.get(k, ()))]
    layout = doc.documentLayout()
    order: dict[int, int] = {}  # a QTextTable's first position -> its place in parts (tables come in order)
    pages: dict[tuple[int, int], int] = {}
    block = doc.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is not None and block.layout().lineCount():
            part = order.setdefault(table.firstPosition(), len(order))
            row = table.cellAt(cursor).row()
            if row and part < len(parts):
                k, start = parts[part]
                line = block.layout().lineAt(0)
                y = layout.blockBoundingRect(block).top() + line.y() + line.height() / 2
                pages.setdefault((k, start + row - 1), int(y // height))
        block = block.next()
    return pages


def _lone_first_row(doc: QTextDocument, height: float, tables, breaks: dict[int, set[int]]) -> int | None:
    """A table whose title and header stand at a page's foot over its first row alone, the rest on the next page
    (the county overview's indicators per district: "All crime" at the foot of one page, the other fourteen on
    the next), as its index, to begin the next page whole; or None. A table already moved to a new page is left."""
    pages = _row_pages(doc, height, tables, breaks)
    for k, t in enumerate(tables):
        if 0 in breaks.get(k, ()) or (k, 0) not in pages or (k, 1) not in pages:
            continue
        if pages[(k, 0)] != pages[(k, 1)]:
            return k
    return None


def _kept_row_apart(doc: QTextDocument, height: float, tables, breaks: dict[int, set[int]]
                    ) -> tuple[int, int] | None:
    """A row kept with the next (``ReportTable.keep_with_next``: a plan's "Drugs and alcohol:" heading, a line over its
    "actual:" row) that ends a page the next row is not on, as (table index, that row, to begin the next page); or
    None. A row that already begins a page is left: the two cannot share one."""
    pages = _row_pages(doc, height, tables, breaks)
    for k, t in enumerate(tables):
        for row in t.keep_with_next:
            if row in breaks.get(k, ()) or row == 0:
                continue
            if (k, row) in pages and (k, row + 1) in pages and pages[(k, row)] != pages[(k, row + 1)]:
                return k, row
    return None


def _lone_total_row(doc: QTextDocument, height: float, tables, breaks: dict[int, set[int]]
                    ) -> tuple[int, int] | None:
    """A table whose total row begins a page its other rows are not on (the header again over "Total" alone, apart
    from the figures it adds up), as (table index, its last row before the total, to begin that page); or None.

    Rows are counted as _part_starts counts them. A table of one row, or whose last row already begins a page (the
    two cannot share one), is left as it is."""
    pages = _row_pages(doc, height, tables, breaks)
    for k, t in enumerate(tables):
        total, last = len(t.rows), len(t.rows) - 1
        if not t.total_row or last < 1 or last in breaks.get(k, ()):
            continue
        if (k, total) in pages and (k, last) in pages and pages[(k, total)] != pages[(k, last)]:
            return k, last
    return None


def _lone_note(doc: QTextDocument, height: float, tables, breaks: dict[int, set[int]]) -> tuple[int, int] | None:
    """A table whose note begins (or, kept whole by _keep_paragraphs_whole, is moved to) a page its last row is not on:
    the note at the top of the next page under the page's header, apart from the figures it explains ("Amounts in £.
    Source: … * Domestic Homicide Reviews (DHRs), 2017/18: Cost to be reimbursed …"). As (table index, the row to
    begin that page: its last row, or the one before a total row, which would stand alone over it otherwise); or None.
    A table whose row to move already begins a page is left: its note is taller than what room it could gain."""
    layout = doc.documentLayout()
    parts = [(k, start) for k, t in enumerate(tables) for start in _part_starts(t, breaks.get(k, ()))]
    order: dict[int, int] = {}  # a QTextTable's first position -> its place in parts
    last_page: dict[int, int] = {}  # table index -> the page its last row's lines end on
    after: int | None = None  # the table whose last part the blocks just read are in, until a paragraph follows it
    block = doc.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        lines = block.layout()
        if table is not None:
            part = order.setdefault(table.firstPosition(), len(order))
            k = parts[part][0] if part < len(parts) else None
            after = k if k is not None and (part + 1 == len(parts) or parts[part + 1][0] != k) else None
            if after is not None and lines.lineCount() and table.cellAt(cursor).row() == table.rows() - 1:
                line = lines.lineAt(lines.lineCount() - 1)
                y = layout.blockBoundingRect(block).top() + line.y() + line.height() / 2
                last_page[after] = max(last_page.get(after, 0), int(y // height))
        elif lines.lineCount() and block.text().strip():
            k, after = after, None
            if k is not None and tables[k].note and k in last_page:
                line = lines.lineAt(0)
                y = layout.blockBoundingRect(block).top() + line.y() + line.height() / 2
                row = max(len(tables[k].rows) - 1, 0)
                if int(y // height) != last_page[k] and row not in breaks.get(k, ()):
                    return k, row
        block = block.next()
    return None


def _keep_paragraphs_whole(doc: QTextDocument, height: float) -> None:
    """Start a paragraph that a page break would split on the next page (when it fits on one).

    Besides reading better, this keeps the PDF's text whole: Qt draws a split paragraph's last line before the
    break again on the next page (clipped away, but still text in the PDF), so a copy, a search or a screen
    reader would get that line twice. Table rows are kept whole by layout_section (_split_table_row): Qt
    splits them line by line.
    """
    layout = doc.documentLayout()
    for _ in range(200):  # each round moves at least one paragraph on; a report section has far fewer pages
        doc.pageCount()  # the whole layout, not the part Qt has done lazily so far
        moved = False
        block = doc.begin()
        while block.isValid():
            lines = block.layout().lineCount()
            if lines > 1 and QTextCursor(block).currentTable() is None:
                rect = layout.blockBoundingRect(block)
                first = rect.top() + block.layout().lineAt(0).y()
                last = rect.top() + block.layout().lineAt(lines - 1).y()
                if int(first // height) != int(last // height) and rect.height() < height * 0.9:
                    policy = QTextBlockFormat()
                    policy.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(block).mergeBlockFormat(policy)
                    moved = True
                    break  # what follows has moved: lay out again before looking further
            block = block.next()
        if not moved:
            return
        doc.markContentsDirty(0, doc.characterCount())


def _metrics(painter: QPainter) -> QFontMetricsF:
    """The painter's font measured for the device it paints on (the PDF), not for the screen."""
    return QFontMetricsF(painter.font(), painter.device())


def _draw_wrapped(painter: QPainter, text: str, page: QRectF, y: float) -> float:
    """Draw text from y across the page's width, wrapped at spaces (a word wider than the page anywhere, rather
    than off its edge: a title or a partnership name run together); returns the bottom of its last line."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    rect = painter.boundingRect(QRectF(page.left(), y, page.width(), page.height()), text, option)
    painter.drawText(QRectF(page.left(), y, page.width(), rect.height()), text, option)
    return y + rect.height()


def _title_page(painter: QPainter, document, page: QRectF, starts: list[int]) -> None:
    y = page.top() + page.height() * 0.22
    painter.setPen(QColor("#0b3d6b"))
    painter.setFont(report_font(24, bold=True))
    y = _draw_wrapped(painter, document.title, page, y) + 18
    painter.setPen(QPen(QColor("#0072B2"), 3))
    painter.drawLine(QPointF(page.left(), y), QPointF(page.right(), y))
    y += 24
    painter.setPen(QColor("#111111"))
    painter.setFont(report_font(15))
    for line in document.title_lines:  # the area, the year, the DHR and funds' as-at day, the meeting: as the web page
        y = _draw_wrapped(painter, line, page, y) + 6
    y += 12
    painter.setFont(report_font(11))
    painter.setPen(QColor("#333333"))
    y = _draw_wrapped(painter, document.prepared_line, page, y) - _metrics(painter).height() + 60
    painter.setFont(report_font(13, bold=True))
    painter.setPen(QColor("#111111"))
    painter.drawText(QPointF(page.left(), y), "Contents")
    y += 10
    painter.setFont(report_font(11))
    metrics = _metrics(painter)
    # A long title wraps left of the page numbers, not under them and off the page ("Suffolk Coastal 10 and W").
    widest = max((metrics.horizontalAdvance(str(start)) for start in starts), default=0)
    room = QRectF(page.left() + 6, page.top(), page.width() - 6 - widest - 3 * metrics.averageCharWidth(),
                  page.height())
    for i, (section, start) in enumerate(zip(document.sections, starts), start=1):
        top = y + metrics.descent() + metrics.leading() + 4  # y: the last line's baseline
        number = str(start)
        painter.drawText(QPointF(page.right() - metrics.horizontalAdvance(number), top + metrics.ascent()), number)
        y = _draw_wrapped(painter, f"{i}.  {section.title}", room, top) - metrics.descent()


def _header(painter: QPainter, document, page: QRectF) -> None:
    painter.save()
    painter.setFont(report_font(8))
    painter.setPen(QColor("#555555"))
    metrics = _metrics(painter)
    top = page.top() + metrics.ascent()
    right = document.prepared_on
    room = page.width() - metrics.horizontalAdvance(right) - 3 * metrics.averageCharWidth()  # never into the date
    # The title gives up room before the area and year: cut with it, no page after the first said what it was of.
    tail = f" — {document.subtitle}"
    title_room = room - metrics.horizontalAdvance(tail)
    if title_room >= metrics.horizontalAdvance(document.title[:12] + "…"):
        left = metrics.elidedText(document.title, Qt.TextElideMode.ElideRight, title_room) + tail
    else:  # an area named at such length that little title would be left: the line cut as one
        left = metrics.elidedText(document.title + tail, Qt.TextElideMode.ElideRight, room)
    painter.drawText(QPointF(page.left(), top), left)
    painter.drawText(QPointF(page.right() - metrics.horizontalAdvance(right), top), right)
    painter.setPen(QPen(QColor("#cccccc"), 1))
    painter.drawLine(QPointF(page.left(), page.top() + HEADER_H - 8), QPointF(page.right(), page.top() + HEADER_H - 8))
    painter.restore()


def _footer(painter: QPainter, page: QRectF, number: int, total: int) -> None:
    """Drawn after the page's body, so text in the order it is drawn reads header, body, page number."""
    painter.save()
    painter.setFont(report_font(8))
    metrics = _metrics(painter)
    painter.setPen(QPen(QColor("#cccccc"), 1))
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


def _writer(buffer: QBuffer, document) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setPdfVersion(PDF_VERSION)
    writer.setTitle(f"{document.title} — {document.subtitle}")
    writer.setCreator(f"Safer Desk {__version__}")
    if hasattr(writer, "setAuthor"):  # Qt 6.9
        writer.setAuthor(document.office_name)
    return writer


def render_pdf(document, *, progress: Progress = no_progress,
               cancelled: CancelCheck = never_cancelled) -> tuple[bytes, int]:
    """The report as the bytes of an A4 PDF, made in memory, and its number of pages.

    progress hears of each section laid out and each page drawn (per mille of the whole, PROGRESS_TOTAL);
    cancelled is asked between them, and raises Cancelled (services.progress) when it says so.
    """
    ensure_gui_app()
    buffer = QBuffer()
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise PdfWriteError(errno.EIO, "Qt could not open a buffer in memory for the PDF")
    writer = _writer(buffer, document)
    page = QRectF(writer.pageLayout().paintRectPixels(DPI))
    page.moveTo(0, 0)
    body_h = page.height() - HEADER_H - FOOTER_H
    laying_out = progress_part(progress, 0, 250)
    drawing = progress_part(progress, 250, PROGRESS_TOTAL)
    sections = []
    count = len(document.sections)
    for i, section in enumerate(document.sections):
        check_cancelled(cancelled)
        said = f"Laying out {section.title} ({i + 1} of {count})"
        laying_out(i, count, said)
        within = (lambda done, of, rows, i=i, said=said: laying_out(i * of + done, count * of, f"{said}: {rows}"))
        sections.append(layout_section(section, i + 1, page.width(), body_h, writer, cancelled, within))
    places = place_sections(sections, body_h, [short_section(s) for s in document.sections])
    starts = [at + 2 for at, _ in places]  # the title page is page 1
    total = 1 + max((at + layout.pages for (at, _), layout in zip(places, sections)), default=0)
    drawn: dict[int, list[tuple[SectionLayout, int, float]]] = {}  # page of the body -> what is drawn on it
    for (at, top), layout in zip(places, sections):
        for p in range(layout.pages):
            drawn.setdefault(at + p, []).append((layout, p, top if p == 0 else 0.0))
    check_cancelled(cancelled)
    painter = QPainter()
    if not painter.begin(writer):
        raise PdfWriteError(errno.EIO, "Qt's PDF writer could not start the report")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _title_page(painter, document, page, starts)
        for body in range(total - 1):
            number = body + 2
            check_cancelled(cancelled)
            drawing(number - 1, total, f"Drawing page {number} of {total}")
            if not writer.newPage():
                raise PdfWriteError(errno.EIO, f"Qt's PDF writer could not start page {number}")
            _header(painter, document, page)
            for layout, p, top in drawn.get(body, ()):
                painter.save()
                painter.translate(0, HEADER_H + top)
                try:
                    layout.draw_page(painter, p, page.width())
                finally:
                    painter.restore()
            _footer(painter, page, number, total)
    finally:
        finished = painter.end()
    if not finished:
        raise PdfWriteError(errno.EIO, "Qt's PDF writer could not finish the report")
    data = with_catalog_entries(bytes(buffer.data()), CATALOG_ENTRIES)
    buffer.close()
    check_pdf(data, total)
    drawing(total, total, f"Drew {total} pages")
    return data, total


def with_catalog_entries(data: bytes, entries: dict[str, str]) -> bytes:
    """The PDF with entries added to its catalog, as an incremental update (the bytes Qt wrote are kept whole).

    Qt's writer has no setting for the document's language or for showing the title rather than the file
    name, both of which screen readers use; PDF lets a later revision of the catalog add them. A PDF that is
    not laid out as Qt writes it (one classic cross-reference table, a catalog without nested dictionaries)
    is returned unchanged.
    """
    trailer_at = data.rfind(b"trailer")
    trailer = data[trailer_at:]
    root = re.search(rb"/Root\s+(\d+)\s+(\d+)\s+R", trailer)
    size = re.search(rb"/Size\s+(\d+)", trailer)
    previous = re.search(rb"startxref\s+(\d+)", trailer)
    if trailer_at < 0 or not (root and size and previous):
        return data
    number, generation = int(root.group(1)), int(root.group(2))
    catalog = re.search(rb"(?<![0-9])%d %d obj\s*<<(.*?)>>\s*endobj" % (number, generation), data, re.DOTALL)
    if catalog is None or b"<<" in catalog.group(1) or b"/Catalog" not in catalog.group(1):
        return data
    body = catalog.group(1).rstrip() + b"".join(f"\n{k} {v}".encode("ascii") for k, v in entries.items())
    # The trailer's other entries (the document information, the file's identifier) carry over.
    kept = b"".join(m.group(0) + b"\n" for m in (re.search(rb"/Info\s+\d+\s+\d+\s+R", trailer),
                                                 re.search(rb"/ID\s*\[[^\]]*\]", trailer)) if m)
    if not data.endswith(b"\n"):
        data += b"\n"
    offset = len(data)
    update = b"%d %d obj\n<<%s\n>>\nendobj\n" % (number, generation, body)
    xref_at = offset + len(update)
    update += (b"xref\n0 1\n0000000000 65535 f \n%d 1\n%010d %05d n \n" % (number, offset, generation)
               + b"trailer\n<<\n/Size %s\n/Root %d %d R\n%s/Prev %s\n>>\nstartxref\n%d\n%%%%EOF\n"
               % (size.group(1), number, generation, kept, previous.group(1), xref_at))
    return data + update


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


def write_pdf(document, target: Path | str, *, progress: Progress = no_progress,
              cancelled: CancelCheck = never_cancelled) -> int:
    """Write the report as an A4 PDF at target (atomically, checked); returns the number of pages.

    The PDF is made and checked in memory, written to a temporary file beside target, flushed to the
    disk, read back and checked again, and only then moved over target: a full disk or a failed writer
    raises an OSError saying why, and any earlier report at target is left as it was. Cancelled (asked
    until the moment the file is moved into place) leaves no file and no temporary file either.
    """
    target = Path(target)
    data, total = render_pdf(document, progress=progress, cancelled=cancelled)
    faults.boundary("report-pdf:after-render")
    check_cancelled(cancelled)
    with atomic_path(target, label="report-pdf", what=f"The report {target.name}") as tmp:
        fd = os.open(str(tmp), os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
        try:
            write_chunks(fd, [data])
        finally:
            os.close(fd)
        check_pdf(tmp.read_bytes(), total)  # what is on the disk, not only what was in memory
        check_cancelled(cancelled)  # raised inside: the temporary file is removed, target left as it was
    return total
