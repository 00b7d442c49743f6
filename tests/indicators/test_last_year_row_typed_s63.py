"""Session 63: figures typed or pasted on last year's row of the grid are sent to last year, not to this year's row.

Viewing 2016/17, the officer has the 2015/16 figures from last year's paper and types (or pastes) them on the
2015/16 row beside this year's. The grid refused, saying the row "is worked out, not typed" and to "paste on the
2016/17 row": followed, last year's figures were saved as this year's. The cell was named "Dec-16, 2015/16",
though it holds Dec-15's figure. It now names the month the cell holds and says to choose last year in Year (for a
district formed since, whose last year is its predecessors' figures, to choose each of them in Area).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.demo_data import reference
from safer_desk.services.indicators import PeriodValue

FY16 = FinancialYear(2016)
HATE = "Police recorded hate crime"


def _tab(demo_window):
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FY16) and tab.select_indicator(HATE)
    tab.grid.setFocus()
    tab.grid.setCurrentCell(tab.grid.keys.index("last_year"), 8)  # Dec-15: blank, last year's paper has it
    return tab


def _row(tab, key: str) -> list[str]:
    r = tab.grid.keys.index(key)
    return [tab.grid.item(r, c).text() for c in range(tab.grid.columnCount())]


def test_typing_on_last_year_s_row_says_to_choose_last_year(demo_window, qtbot):
    tab = _tab(demo_window)
    before = _row(tab, "value"), _row(tab, "last_year")
    qtbot.keyClicks(tab.grid, "5")
    assert (_row(tab, "value"), _row(tab, "last_year")) == before and not tab.presenter.figures.is_dirty
    assert tab.grid_messages.text() == (
        "Dec-15 is a figure of 2015/16, shown beside this year's: to type it, choose 2015/16 in Year (a figure "
        "typed on the 2016/17 row is 2016/17's).")


def test_pasting_on_last_year_s_row_says_to_choose_last_year_not_this_year_s_row(demo_window):
    tab = _tab(demo_window)
    QApplication.clipboard().setText("20\t21\t22\t23\r\n")
    assert not tab.paste_rows()
    assert not tab.presenter.figures.is_dirty
    said = tab.grid_messages.text()
    assert said == ("Nothing was pasted: the 2015/16 row shows the figures of 2015/16 beside this year's. To paste "
                    "them, choose 2015/16 in Year and paste on its row (on the 2016/17 row they would be saved as "
                    "2016/17's)."), said


def test_a_district_formed_since_names_the_districts_whose_figures_last_year_are(store):
    """East Suffolk's 2018/19 is Waveney's and Suffolk Coastal's figures added up: typed in their own areas."""
    from safer_desk.presenters.indicators import IndicatorsPresenter

    reference.add_examples(store)
    count = svc.save_indicator(store, "Domestic abuse incidents")
    y18, y19 = FinancialYear(2018), FinancialYear(2019)
    for area, figure in (("district:waveney", 100.0), ("district:suffolk-coastal", 50.0)):
        svc.save_values(store, count, area, [PeriodValue(m.iso, figure) for m in y18.months])
    svc.save_values(store, count, "district:east-suffolk", [PeriodValue(m.iso, 160.0) for m in y19.months[:8]])
    presenter = IndicatorsPresenter(store, today=lambda: date(2019, 12, 10))
    presenter.load("district:east-suffolk", y19)
    assert presenter.choose_indicator(count, lambda *a: True)
    figures = presenter.figures
    figures.refuse_typing(svc.GRID_LAST_YEAR, 0)
    assert figures.form_message == (
        "Apr-18 is Suffolk Coastal's and Waveney's figures added up: to type theirs, choose each in Area and "
        "2018/19 in Year.")
    assert figures.paste(svc.GRID_LAST_YEAR, 0, [["1", "2"]]) == 0
    assert figures.form_message == (
        "Nothing was pasted: the 2018/19: Suffolk Coastal and Waveney row shows Suffolk Coastal's and Waveney's "
        "figures added up. To paste theirs, choose each in Area and 2018/19 in Year.")
