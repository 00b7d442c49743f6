"""Session 69: File > Board Report…'s year list began at 2008/09 whatever the file held, so the example's 2007/08
figures (Arson offences and Criminal damage offences to Dec-07, seed 000) could be reported by `safer-desk report
--year 2007/08` but not from the window. The list now reaches back to the first year the file holds."""

from __future__ import annotations

from safer_desk.ui.exchange.report_dialog import year_choices


def test_the_dialog_offers_the_first_year_the_example_holds(demo_window):
    demo_window.exchange_actions["report"].trigger()
    combo = demo_window.report_dialog.year_combo
    years = [combo.itemText(i) for i in range(combo.count())]
    assert years[0] == "All years" and years[-1] == "2007/08", years


def test_an_older_file_reaches_back_and_a_newer_one_keeps_2008_09():
    from safer_desk.domain.periods import FinancialYear

    assert year_choices(2026, first_held=FinancialYear(2003))[-1] == "2003/04"
    assert year_choices(2026, first_held=FinancialYear(2016))[-1] == "2008/09"
    assert year_choices(2026)[1:3] == ["2027/28", "2026/27"]
