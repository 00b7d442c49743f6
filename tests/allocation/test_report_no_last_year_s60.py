"""The board report's allocation of a pot with no figures for last year (a first year's pot, s60)."""

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.report import build_report


def test_an_allocation_with_no_last_year_is_not_printed_against_last_year(demo_store):
    """Found by a coordinator: a first year's pot, no partnership with a figure for last year, printed empty Last
    year and Variance columns and a chart "Allocation 2020/21 against 2019/20" whose 2019/20 had no bar at all, as if
    last year's figures had been lost. The table and the chart now show this year alone."""
    partnerships = [PartnershipInput(n, 1, {"basis": b}, None)
                    for n, b in [("Babergh CSP", 10), ("Ipswich CSP", 30), ("East Suffolk CSP", 25)]]
    service.set_adopted(demo_store, service.save_scenario(
        demo_store, "New pot", "2020/21", partnerships, AllocationOptions(pot_pence=100_000_00,
                                                                          fixed_share=Fraction(1, 3))))
    section = next(s for s in build_report(demo_store, year="2020/21").sections if s.title == "Allocation 2020/21")
    table, = section.tables
    assert table.header == ["Partnership", "Fixed units", "Fixed fee", "Variable fee", "Basis",
                            "Basis as % of the total", "This year"]
    assert table.rows[0] == ["Babergh CSP", "1", "£11,111", "£10,257", "10", "15.38%", "£21,368"]
    assert table.total_row == ["Totals", "3", "£33,333", "£66,667", "65", "100.00%", "£100,000"]
    chart, = section.charts
    assert chart.title == "Allocation 2020/21" and [s.name for s in chart.series] == ["2020/21"]


def test_an_allocation_with_last_year_for_one_partnership_keeps_the_comparison(demo_store):
    partnerships = [PartnershipInput("Babergh CSP", 1, {"basis": 10}, 20_000_00),
                    PartnershipInput("Ipswich CSP", 1, {"basis": 30}, None)]
    service.save_scenario(demo_store, "Half known", "2020/21", partnerships, AllocationOptions(pot_pence=50_000_00))
    section = next(s for s in build_report(demo_store, year="2020/21").sections if s.title == "Allocation 2020/21")
    assert section.tables[0].header[-3:] == ["This year", "Last year", "Variance"]
    assert section.charts[0].title == "Allocation 2020/21 against 2019/20" and len(section.charts[0].series) == 2
