"""s68: Plymouth's police counts imported for January to March 2020, then Plymouth chosen in 2025/26 (a year with no
figures): its 2019/20 indicators are listed so this year's can be typed, All crime among them, yet the headline said
"All crime stays chosen from the area or year before: Plymouth has no figures of it for 2025/26 (its own 14
indicators are listed above it)": All crime is one of Plymouth's own (its 2019/20 count was 5,239). The words are
for an indicator listed only because it was chosen before; and All crime kept under East Sussex 2010/11 is the first
row, with nothing above it: they now say the area's own are listed with it (the framework's order is kept)."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from tests.indicators.test_indicator_kept_said_s61 import _switched

ALL_CRIME = "indicator:all-crime"
BURGLARY = "indicator:burglary"
PLYMOUTH = "district:plymouth"


def _plymouth_2019(store):
    """Plymouth's All crime and Burglary of January 2020, as a police import leaves them, in the example."""
    for indicator_id, value in ((ALL_CRIME, 5239), (BURGLARY, 297)):
        svc.save_values(store, indicator_id, PLYMOUTH, [svc.PeriodValue("2020-01", value)])


def test_an_indicator_of_the_area_s_latest_year_is_its_own_not_kept(demo_store):
    _plymouth_2019(demo_store)
    p = IndicatorsPresenter(demo_store)
    p.load(PLYMOUTH, FinancialYear(2025))
    assert {ALL_CRIME, BURGLARY} <= {r.indicator.id for r in p.rows}
    for indicator_id in (ALL_CRIME, BURGLARY):
        assert p.choose_indicator(indicator_id, lambda _t: True)
        assert p.view.ytd is None
        assert "stays chosen" not in p.headline()


def test_a_kept_indicator_first_in_the_list_is_not_said_to_be_below_the_others(demo_store):
    p = _switched(demo_store, ALL_CRIME)
    assert p.selected == ALL_CRIME and p.rows[0].indicator.id == ALL_CRIME and len(p.rows) == 8
    assert p.headline().endswith(
        "All crime stays chosen from the area or year before: East Sussex has no figures of it for 2010/11 (its own "
        "7 indicators are listed with it). Type its figures below, or choose another indicator.")
