"""Round 37 (pol): the grid's Source cell and the RAG word of a year that is over no longer say "yet".

Round 37 (ind) made a past year's headline say "No figures were recorded for 2011/12". Two places still said "yet"
of a year over by the day the view is looked at: a partnership's period that cannot be added up ("Not derived: no
figure yet for Beta", in the grid's Source row) and the RAG word of an indicator with a target and no figure
("○ No figure yet", in the summary's RAG column, the headline and the board report's table). Both now follow the
same rule (``YearView.year_over``): "no figure was recorded for Beta" and "○ No figure recorded" once the year is
over; a year still running keeps "yet".
"""

from __future__ import annotations

from datetime import date

from safer_desk.domain.indicators import Rag
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.area_comparison import AreaComparisonPresenter
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.indicators import PeriodValue

FY19, FY11 = FinancialYear(2019), FinancialYear(2011)
AB = "partnership:ab-csp"
IDVA = "IDVA service users reporting improved safety"


def _ab(store) -> str:
    """AB CSP from Alpha and Beta; Beta's May 2019 figure missing."""
    ref.add_district(store, "Alpha", county="Testshire")
    ref.add_district(store, "Beta", county="Testshire")
    ref.add_partnership(store, "AB CSP", districts=["Alpha", "Beta"])
    ind = svc.save_indicator(store, "Burglary")
    for district, n in (("Alpha", 10.0), ("Beta", 6.0)):
        area = svc.ensure_area(store, district, "district")
        svc.save_values(store, ind, area, [PeriodValue(m.iso, n) for m in FY19.months[:6]])
    svc.save_values(store, ind, "district:beta", [PeriodValue("2019-05", None)])
    return ind


def _source(store, ind, today: date) -> tuple[str, str]:
    cell = svc.entry_grid(store, ind, AB, FY19, today=today).row(svc.GRID_SOURCE).cells[1]
    return cell.text, cell.tooltip


def test_the_grid_says_a_past_years_missing_district_figure_was_not_recorded(store):
    ind = _ab(store)
    text, tip = _source(store, ind, date(2026, 1, 20))
    assert text == "Not derived: no figure was recorded for Beta"
    assert tip.endswith("this one cannot be: no figure was recorded for Beta.")


def test_the_grid_of_a_year_still_running_keeps_yet(store):
    ind = _ab(store)
    assert _source(store, ind, date(2019, 11, 5))[0] == "Not derived: no figure yet for Beta"
    assert _source(store, ind, date(2020, 3, 31))[0] == "Not derived: no figure yet for Beta"  # its last day
    assert _source(store, ind, date(2020, 4, 1))[0] == "Not derived: no figure was recorded for Beta"


def test_the_rag_word_of_a_past_year_says_no_figure_recorded(demo_store):
    """East Sussex 2012/13 in the example file: IDVA service users, a target and no figure."""
    for today, word in ((date(2026, 1, 20), "\u25cb No figure recorded"), (date(2012, 11, 5), "\u25cb No figure yet")):
        p = IndicatorsPresenter(demo_store, today=lambda today=today: today)
        p.load("county:east-sussex", FinancialYear(2012))
        row = next(r for r in p.rows if r.indicator.name == IDVA)
        assert row.view.rag is Rag.NO_FIGURE
        assert row.view.status_label() == word
        p.choose_indicator(row.indicator.id, lambda *a: True)
        assert p.headline().startswith(f"{IDVA} — RAG: {word}\n")


def test_the_domain_words_of_a_rag_for_a_year_over():
    assert Rag.NO_FIGURE.label_for(False) == Rag.NO_FIGURE.label == "\u25cb No figure yet"
    assert Rag.NO_FIGURE.label_for(True) == "\u25cb No figure recorded"
    assert all(r.word_for(True) == r.word for r in Rag if r is not Rag.NO_FIGURE)  # the other words stand


def test_compare_areas_says_a_past_year_has_no_figure_recorded(store):
    ind = _ab(store)
    svc.save_values(store, ind, "district:alpha", [PeriodValue(m.iso, None) for m in FY19.months[:6]])
    p = AreaComparisonPresenter(store)
    p.load(ind, FY19)
    rows = {r.area_id: r for r in p.rows}
    assert rows["district:alpha"].figure_text == "No figure recorded"  # 2019/20 is over
