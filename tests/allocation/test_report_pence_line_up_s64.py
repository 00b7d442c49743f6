"""Session 64 (alloc): the board report's allocation table printed last year's "£100,000" over "£112,345.67" and
"£623,456.70" (figures typed from a spreadsheet with pence), so the column's figures did not line up at the pound,
where the report's cost tables print "£0.00" beside "£684.14", its top-slice "£2,900,692.00" over "£145,034.60" and
the county overview the same allocation's "£100,000.00". A table with pence in any of its money, its totals included,
now prints them for all its money, as they do; a table of whole pounds (the seed paper's) stays in whole pounds."""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.report import build_report


def section_of(store, year):
    return next(s for s in build_report(store, year=year).sections if s.title == f"Allocation {year}")


def test_a_last_year_with_pence_prints_pence_down_its_column(demo_store):
    partnerships = [PartnershipInput("Babergh CSP", 1, {"basis": Fraction(1)}, 10_000_000),
                    PartnershipInput("Ipswich CSP", 1, {"basis": Fraction(1)}, 11_234_567)]
    options = AllocationOptions(pot_pence=21_000_000, damping=Fraction(1, 20))
    service.set_adopted(demo_store, service.save_scenario(demo_store, "Damped", "2020/21", partnerships, options))
    table, = section_of(demo_store, "2020/21").tables
    h = table.header
    column = [row[h.index("Last year")] for row in table.rows] + [table.total_row[h.index("Last year")]]
    assert column == ["£100,000.00", "£112,345.67", "£212,345.67"]
    variance = [row[h.index("Variance")] for row in table.rows] + [table.total_row[h.index("Variance")]]
    assert variance == ["+£3,271.00", "-£5,616.67", "-£2,345.67"]  # signed as the tab signs a change
    this_year = [row[h.index("This year")] for row in table.rows] + [table.total_row[h.index("This year")]]
    assert this_year == ["£103,271.00", "£106,729.00", "£210,000.00"]
    assert [row[h.index("Damping")] for row in table.rows] == ["-£1,729.00", "+£1,729.00"]


def test_the_seed_paper_stays_in_whole_pounds(demo_store):
    table, = section_of(demo_store, "2009/10").tables
    assert table.rows[0][1:4] == ["1", "£28,077", "£35,691"] and table.total_row[-3:] == ["£589,608", "£655,120",
                                                                                          "-£65,512"]
