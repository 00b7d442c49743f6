"""Session 62 (alloc): the board report's allocation chart with twelve partnerships, its names readable.

Norfolk's and Suffolk's twelve partnerships (Oxfordshire's three factors) printed the chart's names on one line, each
centred under its bars and wider than them: "Babergh Ipswich East SuffolkMid NorfolkWest Suffolk …" ran together
into one unreadable line. Names that do not fit beside each other now take every other one a line lower (as the
tab's chart does), and a name too long even so is cut with "…" (the table above names it whole); a chart whose
names fit (seed 000's five) is drawn as before.
"""

from __future__ import annotations

from safer_desk.services.report import build_report
from tests.allocation.test_report_factors_table_s60 import three_factors  # noqa: F401 (a fixture)


def _labels(section):
    """The chart's category labels as the PDF draws them: (text, left, right, baseline), measured in its font."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QFontMetricsF, QPdfWriter

    from safer_desk.exchange.report_html import chart_svg
    from safer_desk.ui.exchange.report_pdf import CHART_H, CHART_W, DPI, report_font, split_chart_svg

    chart, = section.charts
    buffer = QBuffer()
    assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    _, words = split_chart_svg(chart_svg(chart, CHART_W, CHART_H, show_title=True))
    names = set(chart.categories)
    out = []
    for w in words:
        if w.anchor != "middle" or w.rotate:
            continue
        advance = QFontMetricsF(report_font(w.size * 72 / DPI, w.bold), writer).horizontalAdvance(w.text)
        out.append((w.text, w.x - advance / 2, w.x + advance / 2, w.y))
    return [label for label in out if label[0] in names or label[0].endswith("…")]


def _overlapping(labels):
    return [(a[0], b[0]) for i, a in enumerate(labels) for b in labels[i + 1:]
            if a[3] == b[3] and a[1] < b[2] + 2 and b[1] < a[2] + 2]


def test_twelve_partnerships_names_do_not_run_together(qapp, three_factors):  # noqa: F811
    section = next(s for s in build_report(three_factors, year="2019/20").sections if s.title == "Allocation 2019/20")
    labels = _labels(section)
    assert len(labels) == 12 and _overlapping(labels) == []
    assert len({y for *_, y in labels}) == 2  # every other name a line lower
    shown = [text for text, *_ in labels]
    assert shown[:3] == ["Babergh", "Ipswich", "East Suffolk"]
    assert any(text.startswith("Norwich") and text.endswith("…") for text in shown)


def test_seed_000s_five_names_stay_whole_on_one_line(qapp, demo_store):
    section = next(s for s in build_report(demo_store, year="2009/10").sections if s.title == "Allocation 2009/10")
    labels = _labels(section)
    assert [text for text, *_ in labels] == ["Babergh CSP", "Ipswich CSP", "Waveney CSP", "Suffolk Coastal CSP",
                                             "Western CSP"]
    assert len({y for *_, y in labels}) == 1 and _overlapping(labels) == []
