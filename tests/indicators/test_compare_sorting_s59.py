"""View > Compare Areas… sorted by a heading's click (session 59): "Change on last year" and "RAG" sorted by their
words, so a rise of 570 came before a rise of 95 ("an increase of 570" < "an increase of 95"), "no change" after every
increase, and "● Green" after "○ No target". They sort as the Indicators tab's summary does: by the change itself,
and red, amber, green, then the states without a judgement."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc

FY25 = FinancialYear(2025)
# district: (Apr-24, Apr-25, the year's target or None)
FIGURES = {"babergh": (20, 19, 12), "ipswich": (100, 80, 960), "mid-suffolk": (50, 50, None),
           "east-suffolk": (100, 195, 2280), "west-suffolk": (100, 670, None)}


def compare_dialog(store, qtbot):
    from safer_desk.ui.indicators.comparison import AreaComparisonDialog

    ind = svc.save_indicator(store, "Test incidents")
    for district, (last, this, target) in FIGURES.items():
        area = f"district:{district}"
        svc.save_values(store, ind, area, [svc.PeriodValue("2024-04", last), svc.PeriodValue("2025-04", this)],
                        require_red_comments=False)
        if target is not None:
            svc.set_target(store, ind, area, FY25, kind="annual", value=target)
    dialog = AreaComparisonDialog(store, indicator_id=ind, year=FY25)
    qtbot.addWidget(dialog)
    return dialog


def sorted_by(dialog, heading: str) -> list[tuple[str, str]]:
    headings = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(dialog.model.columnCount())]
    column = headings.index(heading)
    dialog.view.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
    proxy = dialog.proxy
    return [(proxy.index(r, 0).data(), proxy.index(r, column).data()) for r in range(proxy.rowCount())]


def test_change_on_last_year_sorts_by_the_change_not_its_words(demo_store, qtbot):
    rows = sorted_by(compare_dialog(demo_store, qtbot), "Change on last year")
    areas = [area for area, _ in rows]
    assert areas[:4] == ["Ipswich", "Babergh", "Mid Suffolk", "East Suffolk"], rows  # -20, -1, 0, +95
    assert areas.index("Western Suffolk CSP (derived)") < areas.index("West Suffolk"), rows  # +569 before +570
    assert rows[2][1] == "no change" and rows[0][1].startswith("a reduction of 20")


def test_rag_sorts_red_amber_green_then_no_target(demo_store, qtbot):
    rows = sorted_by(compare_dialog(demo_store, qtbot), "RAG")
    assert rows[:3] == [("Babergh", "\u25b2 Red"), ("East Suffolk", "\u25c6 Amber"), ("Ipswich", "\u25cf Green")], rows
    assert {rag for _, rag in rows[3:]} == {"\u25cb No target"}
