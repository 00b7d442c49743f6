"""Session 74 (hunt): Suffolk Constabulary's files from January 2025 imported, the year 2025/26 read in the window.
The grid shows 2024/25's January to March and their monthly change, but the table's Change is blank for every
indicator and the sentence under it said nothing of last year ("Apr-25 to Mar-26: 3,417 in total."), where the board
report's note says why. The sentence now says it too: no figures for the same period last year to compare with
(2024/25's are for Jan-25 to Mar-25 only). A first year (none held last year) and a year with a change read as
before."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY25 = FinancialYear(2025)
TODAY = date(2026, 4, 10)


def test_last_year_held_for_only_some_months_is_said_in_the_sentence(store):
    area = svc.ensure_area(store, "Babergh", "district")
    crime = svc.save_indicator(store, "All crime")
    svc.save_values(store, crime, area, [PeriodValue("2025-01", 298), PeriodValue("2025-02", 325),
                                         PeriodValue("2025-03", 384), PeriodValue("2025-04", 349),
                                         PeriodValue("2025-05", 288)])
    view = svc.year_view(store, crime, area, FY25, today=TODAY)
    assert view.change is None
    assert view.headline().startswith("Apr-25 to May-25: 637 in total; no figures for the same period last year to "
                                      "compare with (2024/25's are for Jan-25 to Mar-25 only).")
    # Beside the report's row (figure_shown), its note says it once for every indicator: not again here
    assert "same period last year" not in view.headline(figure_shown=True)
    # The year before, a first year: nothing held before it, nothing said
    first = svc.year_view(store, crime, area, FY25.previous(), today=TODAY)
    assert first.headline().startswith("Jan-25 to Mar-25 (no figures for Apr-24 to Dec-24): 1,007 in total.")
    assert "same period last year" not in first.headline()
    # With the same months last year, the change as before
    svc.save_values(store, crime, area, [PeriodValue("2024-04", 300), PeriodValue("2024-05", 300)])
    view = svc.year_view(store, crime, area, FY25, today=TODAY)
    assert view.headline().startswith("Apr-25 to May-25: 637 in total, an increase of 37 (6.2%) on the same period "
                                      "last year (worse).")
