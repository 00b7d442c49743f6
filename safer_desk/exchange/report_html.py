"""The board report as one self-contained HTML file: a title page, then each section's text, tables and charts.

Charts are inline SVG drawn from the section's ReportChart data (no scripts, no files beside it), so the
report can be emailed or printed from any browser. Series differ by line style and marker as well as colour,
and each chart is followed by its figures as a table, so nothing is said by colour alone.

This is the report's accessible form (the PDF has no structure tags; see docs/guide/exchange.md): its
language is declared, the title page is a header with the contents as links, the sections are a main
landmark with one heading each, every table is named by its heading and has column headers, and every chart
is an image named by its title (role="img", aria-label and <title>) with its figures in a named table.
"""

from __future__ import annotations

import math
import re
from html import escape
from pathlib import Path
from typing import Sequence

from safer_desk.exchange.files import write_bytes_atomically

# Colour-blind-safe palette (Okabe-Ito), with dash patterns and markers so series differ without colour too.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
DASHES = ["6,4", "2,3", "8,3,2,3", "4,4"]  # for "dashed" series, in turn
MARKERS = ["circle", "square", "triangle", "diamond", "circle", "square", "triangle", "diamond"]
ZERO_MARK_PX = 3  # a bar of 0: a mark this high on the baseline, told apart from a period with no figure (no bar)
# Generous widths of the drawn title's characters (13px bold, as wide as DejaVu Sans Bold, the widest of the fonts it
# is printed in), so that a wrapped line never runs off the drawing: one width for all (8) ran a title in capitals
# ("… MADE TO FEEL UNSAFE") or a name with no spaces past the printed chart's edge.
TITLE_CHAR_PX = 9.5
TITLE_WIDE_PX = {**dict.fromkeys("MWmw@%", 15.0), **dict.fromkeys(" .,:;'!|ijlt()[]-/", 6.0)}
TITLE_CAPITAL_PX = 11.5
# More columns than fit across A4 portrait at the report's type size (the DHR cases' 11, the allocation's 9 were
# cut off at the right edge when printed): a section with such a table prints on landscape pages.
WIDE_COLUMNS = 8

CSS = """
@page { size: A4; margin: 18mm 15mm 20mm 15mm; }
body { font-family: "Segoe UI", Arial, "DejaVu Sans", sans-serif; font-size: 10.5pt; color: #111; margin: 0 auto;
       max-width: 190mm; line-height: 1.35; }
.title-page { min-height: 240mm; display: flex; flex-direction: column; justify-content: center;
              page-break-after: always; break-after: page; }
.title-page h1 { font-size: 26pt; margin: 0 0 8mm 0; }
.title-page .subtitle { font-size: 16pt; margin: 0 0 4mm 0; }
.title-page .meta { color: #333; }
.contents ol { padding-left: 6mm; }
section { page-break-before: always; break-before: page; }
section.follows { page-break-before: auto; break-before: auto; page-break-inside: avoid; break-inside: avoid;
                  margin-top: 10mm; }
@page wide { size: A4 landscape; }
section.wide { page: wide; }
svg { max-width: 100%; height: auto; }
h2 { font-size: 16pt; border-bottom: 2px solid #0072B2; padding-bottom: 2mm; }
h3 { font-size: 12pt; margin-top: 6mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm 0; font-size: 9.5pt; }
th, td { border: 1px solid #999; padding: 1.2mm 2mm; vertical-align: top; }
th { background: #e8eef5; text-align: left; }
td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
td.c, th.c { text-align: center; }
tr.total td { font-weight: bold; border-top: 2px solid #333; }
tr.total { page-break-before: avoid; break-before: avoid; }
tr.keep { page-break-after: avoid; break-after: avoid; }
h2, h3 { page-break-after: avoid; break-after: avoid; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
.note { font-size: 9pt; color: #333; page-break-before: avoid; break-before: avoid; }
h1, h2, h3, p, li, figcaption { overflow-wrap: anywhere; }
.long { overflow-wrap: anywhere; }
figure { margin: 3mm 0 5mm 0; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
details { font-size: 9pt; margin-top: 1mm; }
footer { margin-top: 10mm; font-size: 8.5pt; color: #555; border-top: 1px solid #ccc; padding-top: 2mm; }
@media print { details { display: none; } body { max-width: none; }
               section.wide th, section.wide td { padding: 1.2mm 1.2mm; } }
"""


def _cell_class(align: Sequence[str], i: int) -> str:
    a = align[i] if i < len(align) else "l"
    return f' class="{a}"' if a in ("r", "c") else ""


LONG_WORD = 20  # a word longer than this (a URL, a title run together) may wrap anywhere; money and words never


def _cell(value) -> str:
    """A cell's text, its long words marked to wrap anywhere: the rule on the word alone keeps the other columns'
    words whole (on the whole cell, a browser could narrow every column to a letter and break money mid-figure)."""
    parts = re.split(rf"(\S{{{LONG_WORD + 1},}})", str(value))  # the long words at the odd places
    return "".join(f'<span class="long">{escape(p)}</span>' if i % 2 else escape(p) for i, p in enumerate(parts))


def table_html(table, ident: str = "") -> str:
    """A table under its title; with ident, the title is the table's accessible name (aria-labelledby)."""
    if table.title and ident:
        parts = [f'<h3 id="{ident}">{escape(table.title)}</h3>', f'<table aria-labelledby="{ident}">']
    else:
        parts = [f"<h3>{escape(table.title)}</h3>" if table.title else "", "<table>"]
    # A header with nothing to say (the seed paper's unheaded reference column) is an empty corner cell, as the charts'
    # data tables have: an empty <th> names a column with nothing, which a screen reader announces as such.
    parts.append("<thead><tr>" + "".join(f"<th{_cell_class(table.align, i)} scope=\"col\">{escape(h)}</th>"
                                         if str(h).strip() else "<td></td>"
                                         for i, h in enumerate(table.header)) + "</tr></thead><tbody>")
    keep = set(table.keep_with_next)
    for n, row in enumerate(table.rows):
        parts.append(('<tr class="keep">' if n in keep else "<tr>")
                     + "".join(f"<td{_cell_class(table.align, i)}>{_cell(v)}</td>" for i, v in enumerate(row))
                     + "</tr>")
    if table.total_row:
        parts.append('<tr class="total">' + "".join(f"<td{_cell_class(table.align, i)}>{_cell(v)}</td>"
                                                    for i, v in enumerate(table.total_row)) + "</tr>")
    parts.append("</tbody></table>")
    if table.note:
        parts.append(f'<p class="note">{escape(table.note)}</p>')
    return "".join(parts)


def nice_ticks(low: float, high: float, count: int = 5, *, whole: bool = False) -> list[float]:
    """Round tick values covering low..high (steps of 1, 2 or 5 times a power of ten; whole steps if asked)."""
    if high < low:
        low, high = high, low
    if high - low < 1e-9 * max(1.0, abs(low), abs(high)):  # flat (or nearly): show a unit of room
        high = low + max(1.0, abs(low) * 0.1)
    raw = (high - low) / max(1, count)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    if whole and not float(step).is_integer():  # counts: never a tick at 0.2 of a crime
        step = 1 if step < 1 else 5 if step == 2.5 else math.ceil(step)
    start = math.floor(low / step) * step
    count = max(1, math.ceil((high - start) / step - 1e-9))
    return [start + i * step for i in range(count + 1)]


def format_tick(value: float, step: float) -> str:
    if step >= 1 and float(value).is_integer():
        return f"{int(value):,}"
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 1
    return f"{value:,.{decimals}f}"


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 3:.1f}" y="{y - 3:.1f}" width="6" height="6" fill="{colour}"/>'
    if kind == "triangle":
        return f'<polygon points="{x:.1f},{y - 4:.1f} {x - 4:.1f},{y + 3:.1f} {x + 4:.1f},{y + 3:.1f}" fill="{colour}"/>'
    if kind == "diamond":
        return f'<polygon points="{x:.1f},{y - 4:.1f} {x + 4:.1f},{y:.1f} {x:.1f},{y + 4:.1f} {x - 4:.1f},{y:.1f}" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>'


def _dash(series, k: int) -> str:
    """Lines and steps are solid; dashed series take the dash patterns in turn."""
    if series[k].style != "dashed":
        return ""
    n = sum(1 for s in series[:k] if s.style == "dashed")
    return f' stroke-dasharray="{DASHES[n % len(DASHES)]}"'


def _title_px(text: str) -> float:
    return sum(TITLE_WIDE_PX.get(c) or (TITLE_CAPITAL_PX if c.isupper() else TITLE_CHAR_PX) for c in text)


def wrap_title(title: str, room_px: float) -> list[str]:
    """A chart's title in lines each no wider than room_px (at the generous widths above): broken at spaces, and a
    word wider than a line (a name with no spaces) broken where it reaches the edge."""
    lines: list[str] = []
    line = ""
    for word in title.split():
        joined = f"{line} {word}" if line else word
        if _title_px(joined) <= room_px:
            line = joined
            continue
        if line:
            lines.append(line)
        line = ""
        while _title_px(word) > room_px:
            cut = max(1, next(i for i in range(1, len(word) + 1) if _title_px(word[:i]) > room_px) - 1)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    return lines + ([line] if line else [])


LABEL_LINE_PX = 14  # a second line of category labels (every other one, where they do not fit side by side)
LABEL_GAP_PX = 6  # the least room between two labels on one line
# Generous widths of an 11px label's characters (DejaVu Sans, the widest of the fonts it is printed in).
LABEL_NARROW_PX = {**dict.fromkeys("fijlrtIJ .,:;'!|()[]-/", 4.5), **dict.fromkeys("mwMW@%&…", 11.0)}


def _label_px(text: str) -> float:
    return sum(LABEL_NARROW_PX.get(c) or (8.7 if c.isupper() else 7.0) for c in text)


def _cut_label(text: str, room_px: float) -> str:
    """The label cut with "…" to fit room_px (the table beside the chart names it whole)."""
    if _label_px(text) <= room_px:
        return text
    while text and _label_px(text.rstrip() + "…") > room_px:
        text = text[:-1]
    return text.rstrip() + "…"


def category_labels(categories, plot_w: float, left: float, right: float) -> tuple[list[tuple[int, str]], bool]:
    """The category labels drawn under the plot, as (category index, text), and whether every other one is a line
    lower: a label is centred under its slot and may be wider than it, so twelve partnerships' names ran together
    on one line ("East SuffolkMid Norfolk…"). Staggered, a label has two slots' room, less the gap, and no more
    than reaches the drawing's edge; a longer one is cut. On one line when they all fit as they are."""
    n = max(1, len(categories))
    every = max(1, math.ceil(n / 14))
    shown = [(i, str(label)) for i, label in enumerate(categories) if i % every == 0]
    room = plot_w / n * every  # between two shown labels' centres
    widths = [_label_px(text) for _, text in shown]
    if all((a + b) / 2 + LABEL_GAP_PX <= room for a, b in zip(widths, widths[1:])):
        return shown, False
    total = left + plot_w + right
    labels = []
    for i, text in shown:
        centre = left + plot_w / n * (i + 0.5)
        edge = 2 * min(centre, total - centre) - 2
        labels.append((i, _cut_label(text, min(2 * room - LABEL_GAP_PX, edge))))
    return labels, True


def chart_svg(chart, width: int = 720, height: int = 330, *, show_title: bool = False) -> str:
    """A ReportChart as an SVG drawing: bars grouped per category, lines (solid, dashed, step) over them.

    The title is drawn only when asked (the HTML and PDF reports caption the chart with real text).
    """
    left, right = 70, 20
    shown, staggered = category_labels(chart.categories, width - left - right, left, right)
    # A long title (an indicator named in full, "… misuse was a factor: 2009/10 against 2008/09") wraps over
    # lines above the plot rather than running off the drawing's right edge.
    title_lines = (wrap_title(chart.title, width - left - right) or [""]) if show_title else []
    top = 34 + 16 * (len(title_lines) - 1) if show_title else 14
    legend_rows = math.ceil(len(chart.series) / 3) if chart.series else 0
    bottom = 46 + 18 * legend_rows + (LABEL_LINE_PX if staggered else 0)
    plot_w, plot_h = width - left - right, height - top - bottom
    values = [v for s in chart.series for v in s.values if v is not None]
    has_bars = any(s.style == "bar" for s in chart.series)
    low = min(values + ([0] if has_bars or not values else []), default=0)
    high = max(values + ([0] if has_bars else []), default=1)
    if values and not has_bars and low > 0 and (high - low) < high * 0.5:
        pass  # lines only, all well above zero: let the axis start near the data
    elif low > 0:
        low = 0
    ticks = nice_ticks(low, high, whole=bool(values) and all(float(v).is_integer() for v in values))
    y0, y1 = ticks[0], ticks[-1]
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1
    n = max(1, len(chart.categories))
    slot = plot_w / n

    def x_at(i: int) -> float:
        return left + slot * (i + 0.5)

    def y_at(v: float) -> float:
        return top + plot_h - (v - y0) / (y1 - y0) * plot_h

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(chart.title)}" '
           'font-family="Arial, DejaVu Sans, sans-serif" font-size="11">',
           f"<title>{escape(chart.title)}</title>",
           f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>']
    out.extend(f'<text x="{left}" y="{18 + 16 * i}" font-size="13" font-weight="bold" fill="#111111">'
               f"{escape(line)}</text>" for i, line in enumerate(title_lines))
    for t in ticks:
        y = y_at(t)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="#dddddd" stroke-width="1"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#333333">{escape(format_tick(t, step))}</text>')
    out.append(f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#333333" stroke-width="1"/>')
    zero_y = y_at(0) if y0 <= 0 <= y1 else top + plot_h
    out.append(f'<line x1="{left}" y1="{zero_y:.1f}" x2="{left + plot_w}" y2="{zero_y:.1f}" stroke="#333333" stroke-width="1"/>')
    if chart.y_label:
        out.append(f'<text x="14" y="{top + plot_h / 2:.1f}" text-anchor="middle" fill="#333333" '
                   f'transform="rotate(-90 14 {top + plot_h / 2:.1f})">{escape(chart.y_label)}</text>')
    for k, (i, label) in enumerate(shown):
        y = top + plot_h + 16 + (LABEL_LINE_PX if staggered and k % 2 else 0)
        out.append(f'<text x="{x_at(i):.1f}" y="{y}" text-anchor="middle" fill="#333333">{escape(label)}</text>')
    bars = [s for s in chart.series if s.style == "bar"]
    bar_w = slot * 0.8 / max(1, len(bars))
    for k, s in enumerate(chart.series):
        colour = PALETTE[k % len(PALETTE)]
        if s.style == "bar":
            b = bars.index(s)
            for i, v in enumerate(s.values[:n]):
                if v is None:
                    continue
                x = left + slot * i + slot * 0.1 + bar_w * b
                y_top, y_bottom = sorted((y_at(v), zero_y))
                if v == 0:  # a mark on the baseline, as the window's chart draws it: a period with no figure has none
                    y_top, y_bottom = zero_y - ZERO_MARK_PX, zero_y
                elif y_bottom - y_top < ZERO_MARK_PX:  # a figure too small for a pixel (0.0001 beside 100): as high
                    if v > 0:                          # as a 0's mark, away from the zero line, as in the window
                        y_top = y_bottom - ZERO_MARK_PX
                    else:
                        y_bottom = y_top + ZERO_MARK_PX
                out.append(f'<rect x="{x:.1f}" y="{y_top:.1f}" width="{bar_w * 0.92:.1f}" '
                           f'height="{max(0.5, y_bottom - y_top):.1f}" fill="{colour}"/>')
            continue
        dash_attr = _dash(chart.series, k)
        runs: list[list[tuple[float, float]]] = [[]]
        for i, v in enumerate(s.values[:n]):
            if v is None:
                runs.append([])
            else:
                runs[-1].append((x_at(i), y_at(v)))
        for run in runs:
            if not run:
                continue
            if s.style == "step":
                points = []
                for j, (x, y) in enumerate(run):
                    if j:
                        points.append((x, run[j - 1][1]))
                    points.append((x, y))
            else:
                points = run
            out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2"{dash_attr} points="'
                       + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
            # Markers tell the series apart without colour; on long series every few points is enough.
            every_nth = max(1, math.ceil(n / 12))
            out.extend(_marker(MARKERS[k % len(MARKERS)], x, y, colour)
                       for j, (x, y) in enumerate(run) if (round((x - left) / slot - 0.5) + k) % every_nth == 0)
    # Legend: a swatch drawn in the series' own style, then its name.
    for k, s in enumerate(chart.series):
        colour = PALETTE[k % len(PALETTE)]
        lx = left + (k % 3) * (plot_w / 3)
        ly = top + plot_h + 34 + 18 * (k // 3) + (LABEL_LINE_PX if staggered else 0)
        if s.style == "bar":
            out.append(f'<rect x="{lx:.1f}" y="{ly - 9:.1f}" width="14" height="10" fill="{colour}"/>')
        else:
            dash_attr = _dash(chart.series, k)
            out.append(f'<line x1="{lx:.1f}" y1="{ly - 4:.1f}" x2="{lx + 22:.1f}" y2="{ly - 4:.1f}" stroke="{colour}" '
                       f'stroke-width="2"{dash_attr}/>')
            out.append(_marker(MARKERS[k % len(MARKERS)], lx + 11, ly - 4, colour))
        out.append(f'<text x="{lx + 28:.1f}" y="{ly:.1f}" fill="#111111">{escape(s.name)}</text>')
    out.append("</svg>")
    return "".join(out)


def chart_figures_table(chart) -> str:
    """The chart's numbers as a table (for screen readers and anyone checking the figures)."""
    # The corner cell is an empty data cell, not an empty header (which a screen reader would announce).
    rows = [f'<table aria-label="Figures: {escape(chart.title)}"><thead><tr><td></td>' + "".join(
        f'<th class="r" scope="col">{escape(s.name)}</th>' for s in chart.series) + "</tr></thead><tbody>"]
    for i, category in enumerate(chart.categories):
        cells = []
        for s in chart.series:
            v = s.values[i] if i < len(s.values) else None
            if v is not None and i < len(s.texts):
                cells.append(s.texts[i])  # as the section's tables show it (88.2%, not 88.24)
            else:
                cells.append("" if v is None else (f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"))
        rows.append(f"<tr><th scope=\"row\">{escape(str(category))}</th>"
                    + "".join(f'<td class="r">{escape(c)}</td>' for c in cells) + "</tr>")
    rows.append("</tbody></table>")
    return "".join(rows)


# A section this short (no chart, a few lines and table rows) prints on from the one before it, kept whole (the
# 2009/10 report's one-sentence Indicators section took a page alone). The PDF takes the same rule (place_sections)
# and measures whether it fits; a printed web page is laid out by the browser, which knows no rule but this one.
SHORT_ROWS, SHORT_WORDS = 10, 700  # table rows (headers and totals too), and characters of paragraphs and notes


def short_section(section) -> bool:
    """Whether a section is short enough to follow the one before it on its page, in the web page and the PDF
    alike, when it fits there whole: no chart, no wide table, at most SHORT_ROWS table rows and SHORT_WORDS
    characters of words."""
    rows = sum(1 + len(t.rows) + bool(t.total_row) for t in section.tables)
    words = sum(len(p) for p in section.paragraphs) + sum(len(t.note) + len(t.title) for t in section.tables)
    return bool(not section.charts and rows <= SHORT_ROWS and words <= SHORT_WORDS
                and not any(len(t.header) > WIDE_COLUMNS for t in section.tables))


def follows(section, number: int | None) -> bool:
    """Whether a section may print on the page the one before it ends on (when it fits, whole)."""
    return bool(number and number > 1 and short_section(section))


def section_html(section, number: int | None = None) -> str:
    heading = f"{number}. {section.title}" if number else section.title
    kinds = ["wide"] if any(len(t.header) > WIDE_COLUMNS for t in section.tables) else []
    kinds += ["follows"] if follows(section, number) else []
    wide = f' class="{" ".join(kinds)}"' if kinds else ""
    parts = [f'<section id="section-{number}"{wide}>' if number else f"<section{wide}>", f"<h2>{escape(heading)}</h2>"]
    parts += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
    parts += [table_html(t, f"table-{number}-{k}" if number else "") for k, t in enumerate(section.tables, start=1)]
    for chart in section.charts:
        parts.append(f"<figure><figcaption>{escape(chart.title)}</figcaption>{chart_svg(chart)}")
        if chart.note:
            parts.append(f'<p class="note">{escape(chart.note)}</p>')
        parts.append(f"<details><summary>Figures in this chart</summary>{chart_figures_table(chart)}</details>"
                     "</figure>")
    parts.append("</section>")
    return "".join(parts)


def render_html(document) -> str:
    """The whole report as a self-contained HTML page (a ReportDocument from services.report)."""
    contents = "".join(f'<li><a href="#section-{i}">{escape(s.title)}</a></li>'
                       for i, s in enumerate(document.sections, start=1))
    return (
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{escape(document.title)} — {escape(document.subtitle)}</title><style>{CSS}</style></head><body>"
        "<header class=\"title-page\">"
        f"<h1>{escape(document.title)}</h1>"
        # The PDF's title page prints the same lines (ReportDocument.title_lines).
        f"<p class=\"subtitle\">{'<br>'.join(escape(line) for line in document.title_lines)}</p>"
        + f"<p class=\"meta\">{escape(document.prepared_line)}</p>"
        "<nav class=\"contents\" aria-labelledby=\"contents\"><h2 id=\"contents\">Contents</h2>"
        f"<ol>{contents}</ol></nav>"
        "</header><main>"
        + "".join(section_html(s, i) for i, s in enumerate(document.sections, start=1))
        + f"</main><footer>{escape(document.title)} · {escape(document.subtitle)} · prepared {escape(document.prepared_on)}"
        " with Safer Desk</footer></body></html>\n"
    )


def write_html(document, target: Path | str) -> Path:
    """Write the report's HTML to target atomically (checked, flushed to the disk, then moved into place)."""
    target = Path(target)
    return write_bytes_atomically(target, render_html(document).encode("utf-8"), label="report-html",
                                  what=f"The report {target.name}")
