"""The edge of a tolerance band is inside it, against a target to date pro-rated from an annual figure too.

"Amber within 5%": 350 burglaries by July against 1,000 a year (333⅓ by July, the annual target spread evenly) are
exactly 5% worse, so amber, as the paper reads it. The target to date is held as a float (333.3333333333333),
and the figure read 5.0000000001% worse: red, needing a comment, in the grid, the summary and the board report.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, strategies as st

from safer_desk.domain import indicators as dom
from safer_desk.domain.indicators import Rag
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.storage.store import open_store

FY = FinancialYear(2024)
MONTHS = ["2024-04", "2024-05", "2024-06", "2024-07"]


@given(annual=st.integers(1, 20_000), periods=st.sampled_from((4, 12)), data=st.data(),
       polarity=st.sampled_from(("lower", "higher")), tolerance=st.sampled_from((2.5, 5, 10, 20)))
def test_a_whole_figure_at_a_pro_rated_target_s_tolerance_edge_is_amber(annual, periods, data, polarity, tolerance):
    k = data.draw(st.integers(1, periods))
    exact = Fraction(annual * k, periods)  # the target to date, exactly
    band = Fraction(str(tolerance))
    edge = exact * (100 + (band if polarity == "lower" else -band)) / 100
    target = dom.even_trajectory(annual, periods)[k - 1]
    if edge.denominator == 1:  # a count on the edge: amber, one worse red
        assert dom.rag_status(float(edge), target, polarity, tolerance) is Rag.AMBER
        assert dom.rag_status(float(edge + (1 if polarity == "lower" else -1)), target, polarity, tolerance) is Rag.RED
    if exact.denominator == 1:
        assert dom.rag_status(float(exact), target, polarity, tolerance) is Rag.GREEN


@given(a=st.floats(0, 10_000), b=st.floats(0, 10_000), target=st.floats(0.01, 10_000),
       polarity=st.sampled_from(("lower", "higher")), tolerance=st.sampled_from((0, 1, 5, 10)),
       kind=st.sampled_from(dom.TOLERANCE_KINDS))
def test_rag_never_gets_better_as_the_figure_gets_worse(a, b, target, polarity, tolerance, kind):
    order = {Rag.GREEN: 0, Rag.AMBER: 1, Rag.RED: 2}
    better, worse = sorted((a, b)) if polarity == "lower" else sorted((a, b), reverse=True)
    assert order[dom.rag_status(better, target, polarity, tolerance, kind)] <= \
        order[dom.rag_status(worse, target, polarity, tolerance, kind)]


def _burglary(store, figures: list[int]) -> tuple[str, str]:
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Burglary", unit="count", polarity="lower", tolerance_pct=5)
    svc.set_target(store, ind, area, FY, kind="annual", value=1000)
    svc.save_values(store, ind, area, [svc.PeriodValue(p, v) for p, v in zip(MONTHS, figures)],
                    require_red_comments=False)
    return ind, area


def test_every_place_says_amber_at_the_edge_and_red_beyond(store):
    from safer_desk.presenters.indicators import IndicatorsPresenter
    from safer_desk.services.report_sections.indicators import board_report_sections

    ind, area = _burglary(store, [80, 90, 90, 90])  # 350 by Jul-24, against 333⅓
    view = svc.year_view(store, ind, area, FY)
    assert view.cumulative[3] == 350 and view.rag is Rag.AMBER
    assert view.headline().endswith("): amber.")
    grid = svc.entry_grid(store, ind, area, FY)
    assert grid.row(svc.GRID_RAG).cells[3].text == "\u25c6 Amber"
    assert not any(c.needs_comment for c in grid.row(svc.GRID_COMMENT).cells)
    presenter = IndicatorsPresenter(store)
    presenter.load(area, FY)
    assert presenter.summary_sheet().rows[0][0] == "Amber"
    table = board_report_sections(store, year=FY, area_id=area)[0].tables[0]
    assert table.rows[0][0] == "\u25c6 Amber"
    # One more burglary is beyond the 5%: red.
    svc.save_values(store, ind, area, [svc.PeriodValue("2024-07", 91)], require_red_comments=False)
    assert svc.year_view(store, ind, area, FY).rag is Rag.RED


def test_the_grid_shows_amber_when_the_figures_typed_reach_the_edge(window, tmp_path):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        ind, area = _burglary(store, [])
    finally:
        store.close()
    assert window.open_path(path)
    tab = window.show_tab("indicators")
    tab.select_area(area)
    tab.select_year(FY)
    tab.select_indicator("Burglary")
    for col, typed in enumerate(["80", "90", "90", "90"]):
        tab.grid.edit_text(svc.GRID_VALUE, col, typed)
    assert tab.save_figures(), tab.grid_messages.text()
    rag = tab.grid.keys.index(svc.GRID_RAG)
    assert tab.grid.item(rag, 3).text() == "\u25c6 Amber"
    assert "): amber." in tab.headline.text()
