"""Export Chart… of an indicator with a long name (session 68): "“Safe from Harm” service users reporting reduced
risk from anti-social behaviour, Plymouth: 2016/17 against 2015/16" was drawn on one line across the 800-pixel
picture written at 1366x768, cut at both edges ("Safe from Harm” … against 2015/1"), so the board paper's figure
named neither the indicator's start nor the years. A title wider than the picture goes on over lines of whole
words, as the board report's charts do."""

from __future__ import annotations

from PySide6.QtGui import QImage

from safer_desk.domain.periods import FinancialYear
from tests.window_sizes import resize_window

LONG = "“Safe from Harm” service users reporting reduced risk from anti-social behaviour"


def dark_rows(image: QImage, x0: int, x1: int, y1: int) -> list[int]:
    """The rows above y1 with a dark pixel between x0 and x1 (text)."""
    return [y for y in range(y1) if any(image.pixelColor(x, y).lightness() < 200 for x in range(x0, x1))]


def test_a_long_title_is_whole_in_the_exported_picture(demo_window, prompts, tmp_path, qtbot):
    resize_window(demo_window, (1366, 768))
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    tab.select_indicator(LONG)
    title = tab.chart.data.title
    assert title.startswith(LONG) and title.endswith("2016/17 against 2015/16")
    written = tmp_path / "chart.png"
    prompts.file_names.append(str(written))
    tab.export_chart()
    assert prompts.errors == []
    image = QImage(str(written))
    assert image.width() == 800
    edge = int(tab.chart.PAD)
    assert dark_rows(image, 0, edge, 60) == []  # nothing drawn in the margins: no word cut at an edge
    assert dark_rows(image, image.width() - edge, image.width(), 60) == []
    rows = dark_rows(image, edge, image.width() - edge, 60)
    lines = sum(1 for a, b in zip([-2] + rows, rows) if b != a + 1)
    assert lines == 2, rows


def test_export_chart_offers_the_charts_own_name(demo_window, monkeypatch):
    """Export Chart… offered "indicator-chart.png" for every chart: a board paper's three charts exported one after
    another were each offered the first's name (replace it, or type a name each time). It offers the chart's title
    as a file name: "All crime, Plymouth - 2016-17 against 2015-16 by month.png" (no colon or slash, which Windows
    refuses)."""
    from safer_desk.ui import prompts

    offered = []
    monkeypatch.setattr(prompts, "save_file_name", lambda parent, caption, filters, suggested="", **kw:
                        offered.append(suggested) or "")
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    for name in ("All crime", "Burglary"):
        tab.select_indicator(name)
        tab.export_chart()
    assert offered == [f"{name}, Plymouth - 2016-17 against 2015-16 by month.png" for name in ("All crime", "Burglary")]
