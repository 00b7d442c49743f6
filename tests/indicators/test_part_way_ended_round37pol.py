"""Round 37 (pol): a district's figure for all of the quarter (or year) it ended part-way through.

Round 37 (ind) asks about a new district's figure for all of the quarter it began part-way through (East Suffolk
from 1 June 2019, Q1 2019/20). The districts it replaced ended part-way through the same quarter (Waveney and
Suffolk Coastal to 31 May 2019), and a figure typed for Waveney for all of Q1 2019/20 was kept without a word, though
its June was East Suffolk's time, and no partnership or county total counts any figure for that quarter (their
districts changed within it). The grid and Import Figures now ask once, in the same words' shape; Save again keeps it
as Waveney's, and Waveney's own 2019/20 compares it with its Q1 2018/19.
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

Y18, Y19 = FinancialYear(2018), FinancialYear(2019)
WAVENEY, EAST = "district:waveney", "district:east-suffolk"
TODAY = date(2019, 7, 10)
ASKED = ("Waveney ended on 31/05/2019, part-way through Q1 2019/20: a figure here is kept as Waveney's for all of Q1 "
         "2019/20, 01/06/2019 to 30/06/2019 included, when its area was East Suffolk's, and it is compared with "
         "Waveney's Q1 2018/19; partnership and county totals leave Q1 2019/20 blank (their districts changed within "
         "it). Is it the figure for all of Q1 2019/20?")


@pytest.fixture
def june(store):
    """East Suffolk from 1 June 2019 (Waveney and Suffolk Coastal to 31 May), a quarterly and an annual count."""
    ref.add_district(store, "East Suffolk", county="Suffolk", valid_from="2019-06-01")
    for name in ("Waveney", "Suffolk Coastal"):
        ref.add_district(store, name, county="Suffolk", successor="East Suffolk", valid_to="2019-05-31")
    quarterly = svc.save_indicator(store, "Hate incidents", polarity="higher", frequency="quarterly")
    annual = svc.save_indicator(store, "Arson", frequency="annual")
    return store, quarterly, annual


def test_the_service_says_what_a_figure_for_the_quarter_it_ended_in_is(june):
    store, _, _ = june
    assert svc.part_way_question(store, WAVENEY, "2019-Q1") == ASKED
    assert svc.part_way_question(store, WAVENEY, "2019/20").startswith(
        "Waveney ended on 31/05/2019, part-way through 2019/20: a figure here is kept as Waveney's for all of 2019/20, "
        "01/06/2019 to 31/03/2020 included, when its area was East Suffolk's, and it is compared with Waveney's "
        "2018/19;")
    # Wholly its own, or wholly after it ended (outside_dates asks about that one): nothing.
    for period in ("2018-Q4", "2019-05", "2019-06", "2019-Q2"):
        assert svc.part_way_question(store, WAVENEY, period) == "", period
    assert svc.outside_dates(store, WAVENEY, "2019-Q1") == ""  # asked here, not there: the quarter began in its time
    # The new district's question stands as it was.
    assert svc.part_way_question(store, EAST, "2019-Q1").startswith("East Suffolk began on 01/06/2019, part-way ")


def test_a_district_that_ended_with_no_successor_says_so(store):
    ref.add_district(store, "Old Town", county="Testshire", valid_to="2019-05-31")
    assert svc.part_way_question(store, "district:old-town", "2019-Q1").startswith(
        "Old Town ended on 31/05/2019, part-way through Q1 2019/20: a figure here is kept as Old Town's for all of Q1 "
        "2019/20, 01/06/2019 to 30/06/2019 included, after Old Town ended, and it is compared with Old Town's Q1 "
        "2018/19;")


def test_the_grid_asks_once_then_keeps_it_as_waveney_s_against_its_last_year(june):
    store, quarterly, _ = june
    svc.save_values(store, quarterly, WAVENEY, [PeriodValue("2018-Q1", 100.0)])
    p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: TODAY)
    p.load(WAVENEY, Y19)
    assert p.choose_indicator(quarterly, lambda *a: True)
    p.figures.set_text(svc.GRID_VALUE, 0, "110")
    assert not p.figures.save()
    assert p.figures.messages() == [f"Q1 2019/20, 2019/20: {ASKED} Save again to keep it."]
    assert store.scalar("SELECT count(*) FROM indicator_values WHERE period = '2019-Q1'") == 0
    assert p.figures.save()
    view = svc.year_view(store, quarterly, WAVENEY, Y19)
    assert view.values[0] == 110.0 and view.change is not None and view.change.difference == 10


def test_import_figures_queries_the_row_saying_the_same(june, tmp_path):
    store, quarterly, _ = june
    sheet = tmp_path / "figures.xlsx"
    write_xlsx(sheet, [Sheet("Figures", ["Indicator", "Area", "Period", "Value"], [
        ["Hate incidents", "Waveney", "2018/19 Q4", 95],
        ["Hate incidents", "Waveney", "2019/20 Q1", 110],
    ])])
    preview = preview_values(store, sheet, today=date(2019, 11, 10))
    assert preview.queried == {3: ASKED}
    assert apply_values(store, preview) == 2  # kept, as the grid keeps it once asked
