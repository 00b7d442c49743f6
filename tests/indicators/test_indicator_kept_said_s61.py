"""s61: Burglary chosen under Suffolk stayed listed, and chosen, after switching Area to East Sussex 2010/11, a row of
blanks at the foot of East Sussex's own indicators with "No figures were recorded for 2010/11", as if East Sussex had
none that year. It is kept on purpose (flipping areas keeps the indicator in view, and it is how a figure of it is
typed for an area without one), and the words now say so."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorsPresenter

BURGLARY = "indicator:burglary"


def _switched(store, indicator_id: str = BURGLARY):
    """The indicator chosen under Suffolk 2025/26, then Area East Sussex and Year 2010/11."""
    p = IndicatorsPresenter(store)
    p.load("county:suffolk", FinancialYear(2025))
    assert p.choose_indicator(indicator_id, lambda _t: True)
    assert p.choose_area("county:east-sussex", lambda _t: True)
    assert p.choose_year(FinancialYear(2010), lambda _t: True)
    return p


def test_the_indicator_kept_from_the_area_before_says_why_it_is_blank(demo_store):
    p = _switched(demo_store)
    names = [r.indicator.name for r in p.rows]
    assert p.selected == BURGLARY and names[-1] == "Burglary" and len(names) == 8
    assert p.headline().endswith(
        "Burglary stays chosen from the area or year before: East Sussex has no figures of it for 2010/11 (its own "
        "7 indicators are listed with it). Type its figures below, or choose another indicator.")


def test_an_indicator_of_the_area_s_own_says_nothing_of_it(demo_store):
    p = _switched(demo_store)
    assert p.choose_indicator(p.rows[0].indicator.id, lambda _t: True)
    assert "stays chosen" not in p.headline()
    q = IndicatorsPresenter(demo_store)
    q.load("county:suffolk", FinancialYear(2025))
    assert q.choose_indicator(BURGLARY, lambda _t: True) and "stays chosen" not in q.headline()
