"""Round 37 (ind): a new district's figure for all of the quarter (or year) it began part-way through.

Hypothetically East Suffolk began on 1 June 2019 (Waveney and Suffolk Coastal to 31 May), part-way through Q1
2019/20. Its officer types East Suffolk's figure for the whole of Q1 2019/20: the new council's first quarterly
return, which covers its whole area for the whole quarter, as police.uk counts are filed under today's district
(DESIGN §2.4). An officer expects it kept as East Suffolk's and next year's Q1 compared with it (round 36: the
quarter is otherwise blank, the predecessors' figures stopping on 31 May). It was kept without a word, though its
April and May were Suffolk Coastal's and Waveney's time, and no partnership or county total counts any figure for
that quarter (their districts changed within it): the grid now asks once at Save, as it asks about a figure for a
quarter before the district began, and Import Figures queries the row, saying both; Save again keeps it.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.exchange.files import Sheet, write_xlsx
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.indicators_import import apply_values, preview_values

Y19, Y20 = FinancialYear(2019), FinancialYear(2020)
EAST = "district:east-suffolk"
TODAY = date(2019, 7, 10)
ASKED = ("East Suffolk began on 01/06/2019, part-way through Q1 2019/20: a figure here is kept as East Suffolk's "
         "for all of Q1 2019/20, 01/04/2019 to 31/05/2019 included, when its area was Suffolk Coastal's and "
         "Waveney's, and next year's Q1 2020/21 is compared with it; partnership and county totals leave Q1 2019/20 "
         "blank (their districts changed within it). Is it the figure for all of Q1 2019/20?")


@pytest.fixture
def june(store):
    """East Suffolk from 1 June 2019, a quarterly and an annual count; the predecessors' quarters to Q4 2018/19."""
    ref.add_district(store, "East Suffolk", county="Suffolk", valid_from="2019-06-01")
    for name in ("Waveney", "Suffolk Coastal"):
        ref.add_district(store, name, county="Suffolk", successor="East Suffolk", valid_to="2019-05-31")
    quarterly = svc.save_indicator(store, "Hate incidents", polarity="higher", frequency="quarterly")
    annual = svc.save_indicator(store, "Arson", frequency="annual")
    return store, quarterly, annual


def test_the_service_says_what_a_figure_for_the_quarter_it_began_in_is(june):
    store, _, _ = june
    assert svc.part_way_question(store, EAST, "2019-Q1") == ASKED
    assert svc.part_way_question(store, EAST, "2019/20").startswith(
        "East Suffolk began on 01/06/2019, part-way through 2019/20: a figure here is kept as East Suffolk's for all "
        "of 2019/20, 01/04/2019 to 31/05/2019 included, when its area was Suffolk Coastal's and Waveney's, and next "
        "year's 2020/21 is compared with it;")
    # Wholly its own, or wholly before it began (outside_dates asks about that one), or another district: nothing.
    for area, period in ((EAST, "2019-Q2"), (EAST, "2019-06"), (EAST, "2018-Q4"), ("district:waveney", "2018-Q4")):
        assert svc.part_way_question(store, area, period) == ""


def test_the_grid_asks_once_then_keeps_it_as_east_suffolk_s_and_next_year_compares_with_it(june):
    store, quarterly, _ = june
    p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    p.load(EAST, Y19)
    assert p.choose_indicator(quarterly, lambda *a: True)
    p.figures.set_text(svc.GRID_VALUE, 0, "480")
    assert not p.figures.save()
    assert p.figures.messages() == [f"Q1 2019/20, 2019/20: {ASKED} Save again to keep it."]
    assert store.scalar("SELECT count(*) FROM indicator_values") == 0
    assert p.figures.save()
    assert svc.year_view(store, quarterly, EAST, Y19).values[0] == 480.0
    svc.save_values(store, quarterly, EAST, [PeriodValue("2020-Q1", 500.0)])
    later = svc.year_view(store, quarterly, EAST, Y20)
    assert later.values_last[0] == 480.0 and later.change is not None and later.change.difference == 20


def test_a_figure_for_a_quarter_wholly_its_own_is_not_asked_about(june):
    store, quarterly, _ = june
    p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: date(2019, 10, 10))
    p.load(EAST, Y19)
    assert p.choose_indicator(quarterly, lambda *a: True)
    p.figures.set_text(svc.GRID_VALUE, 1, "470")
    assert p.figures.save()


def test_import_figures_queries_the_row_saying_the_same(june, tmp_path):
    store, quarterly, _ = june
    sheet = tmp_path / "figures.xlsx"
    write_xlsx(sheet, [Sheet("Figures", ["Indicator", "Area", "Period", "Value"], [
        ["Hate incidents", "East Suffolk", "2019/20 Q1", 480],
        ["Hate incidents", "East Suffolk", "2019/20 Q2", 470],
    ])])
    preview = preview_values(store, sheet, today=date(2019, 11, 10))
    assert preview.queried == {2: ASKED}
    assert apply_values(store, preview) == 2  # kept, as the grid keeps it once asked
