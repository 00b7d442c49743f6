"""The tab's chart of a first year's pot, no partnership with a figure for last year (s60)."""

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.services import allocation as service


def test_a_pot_with_no_last_year_is_charted_without_a_last_year_legend(qtbot, demo_window):
    """Found by a coordinator: a first year's pot was charted with "2019/20 (right bar)" in the legend and no right
    bar anywhere, as if last year's figures had been lost (the board report now leaves it out too). With a figure
    for one partnership the legend names both years again."""
    demo_window.resize(1093, 582)
    demo_window.show()
    tab = demo_window.show_tab("allocation")
    rows = [PartnershipInput(n, 1, {"basis": b}, None) for n, b in [("Babergh CSP", 10), ("Ipswich CSP", 30)]]
    first_year = service.save_scenario(tab.store, "New pot", "2020/21", rows,
                                       AllocationOptions(pot_pence=100_000_00, fixed_share=Fraction(1, 3)))
    tab._fill_scenarios(first_year)
    tab.open_selected_scenario()
    assert tab.chart.plot.legend_names() == ["2020/21"]
    assert tab.chart.summary == "2020/21: Babergh CSP £33,333; Ipswich CSP £66,667."
    tab.inputs_model.setData(tab.inputs_model.index(0, 3), "£20,000")
    assert tab.presenter.state.partnerships[0].previous_pence == 20_000_00
    assert tab.chart.plot.legend_names() == ["2020/21 (left bar)", "2019/20 (right bar)"]
