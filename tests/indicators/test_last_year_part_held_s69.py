"""Last year holding some of the same periods but not all (police.uk missing a month, a month never typed): the
year-to-date is not compared, and the Change cell's tooltip said "No figures for the same period last year to compare
with." while April and June of last year were in the grid beside it. It says which periods last year holds, as the
board report's note does."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY = FinancialYear(2025)


def _burglary(store, last: dict[str, int]):
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Burglary", unit="count", polarity="lower")
    svc.save_values(store, ind, area, [PeriodValue(p, v) for p, v in
                                       [("2025-04", 10), ("2025-05", 10), ("2025-06", 10), *last.items()]],
                    require_red_comments=False)
    return svc.year_view(store, ind, area, FY)


def test_the_change_says_which_of_the_same_periods_last_year_holds(store):
    view = _burglary(store, {"2024-04": 10, "2024-06": 10})
    assert view.change is None
    assert view.change_sentence() == ("No figures for the same period last year to compare with (2024/25's are for "
                                      "Apr-24, Jun-24 only).")


def test_none_held_last_year_is_said_so(store):
    view = _burglary(store, {})
    assert view.change_sentence() == ("No figures for the same period last year to compare with (none is held for "
                                      "2024/25).")


def test_the_summary_tooltip_and_the_board_report_say_the_same(store):
    from safer_desk.presenters.indicators import IndicatorsPresenter
    from safer_desk.services.report_sections.indicators import board_report_sections

    view = _burglary(store, {"2024-04": 10, "2024-06": 10})
    presenter = IndicatorsPresenter(store)
    presenter.load(view.area_id, FY)
    [row] = presenter.rows
    from safer_desk.ui.indicators.models import summary_columns
    change = next(c for c in summary_columns() if c.key == "change")
    assert change.tooltip(row) == view.change_sentence()
    note = board_report_sections(store, year=FY, area_id=view.area_id)[0].tables[0].note
    assert "(2024/25's are for Apr-24, Jun-24 only)" in note


def test_with_no_figure_this_year_the_change_says_so_not_that_last_year_has_none(store):
    from datetime import date

    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Burglary", unit="count", polarity="lower")
    svc.save_values(store, ind, area, [PeriodValue(p, 5) for p in svc.year_periods("monthly", FY.previous())],
                    require_red_comments=False)
    svc.set_target(store, ind, area, FY, kind="annual", value=50)
    view = svc.year_view(store, ind, area, FY, today=date(2025, 12, 1))
    assert view.change_sentence() == "No figures yet for 2025/26: nothing to compare with 2024/25."
