"""S63 (cnty): the fund page's Export… names each month as the page and the county workbook do ("Apr 2018").

Costs > Pooled funds shows its Per month table as "Apr 2018", "May 2018" ("never 'Apr-18', which reads as a date"),
the county workbook's Fund spend sheet formats its months "mmm yyyy", and the export's own Figures sheet says
"Jun 2018"; but the export's Per month and Forecast sheets said "Apr-18", so one workbook named one month two ways
and neither sheet read as the page it copies. Both sheets now say "Apr 2018", and so does the note of a month that
holds spend merged from others (as the page's tooltip says it). The board report keeps the papers' "Apr-18"; the
command line's CSV keeps ISO months (DESIGN §4).
"""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import Month
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


def _sheet(store, name: str, today: date = date(2018, 7, 20)):
    p = FundsPresenter(store, perform=ActionLog(), today=lambda: today)
    p.reload(select=funds.fund_by_name(store, PILOT).id)
    return next(s for s in p.report_sheets() if s.name == name)


def test_per_month_and_forecast_name_months_as_the_page(demo_store):
    assert [r[0] for r in _sheet(demo_store, "Per month").rows] == ["Apr 2018", "May 2018", "Jun 2018", "Total"]
    forecast = [r[0] for r in _sheet(demo_store, "Forecast").rows]
    assert forecast[:3] == ["Apr 2018", "May 2018", "Jun 2018"] and "Apr 2020" in forecast
    figures = {r[0]: r[2] for r in _sheet(demo_store, "Figures").rows}
    assert figures["burn_rate_as_at_month"] == "Jun 2018"  # as it always said


def test_a_merged_months_note_names_months_as_the_page(demo_store, tmp_path):
    from safer_desk.services.county import export_for_county
    from safer_desk.storage.store import open_store
    from tests.costs.test_funds_round22 import sanctuary_fund

    sanctuary_fund(demo_store)
    export = open_store(export_for_county(demo_store, tmp_path / "export.sqlite").path, read_only=True)
    try:
        p = FundsPresenter(export, perform=ActionLog(), today=lambda: date(2018, 7, 20))
        p.reload(select=funds.fund_by_name(export, "Sanctuary Fund").id)
        sheet = next(s for s in p.report_sheets() if s.name == "Per month")
        assert sheet.rows[0][0] == "May 2018*"
        assert sheet.title.startswith("* May 2018 also holds spend of Jun 2018")
        # the board report keeps the papers' words
        assert p.data.figures.merged_words(Month(2018, 5)).startswith("May-18 also holds spend of Jun-18")
    finally:
        export.close()
