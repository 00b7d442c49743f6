"""Budgets domain: cells as the papers write them, totals, stated totals kept and flagged (seeds 002, 004)."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain.budgets import (BudgetError, Cell, Column, Figure, Line, Plan, Section, add_cells,
                                       check_stated_change, format_change, parse_cell, parse_change, plan_totals,
                                       year_on_year)

YEARS = ("2011/12", "2012/13", "2013/14", "2014/15")


def pounds(*values):
    return [v * 100 for v in values]


def mtfp() -> Plan:
    """Seed 004 Appendix 1, exactly as printed."""
    columns = tuple(Column(y, y, y) for y in YEARS)

    def line(label, *amounts):
        return Line(label, label, {y: Cell.amount(p) for y, p in zip(YEARS, pounds(*amounts))})

    def stated(*amounts):
        return {y: Cell.amount(p) for y, p in zip(YEARS, pounds(*amounts))}

    sections = (
        Section("cs", "Community Safety", "expenditure", 1, (
            line("Employees", 327_800, 384_300, 393_200, 393_200), line("Transport", 5_000, 5_000, 5_000, 5_000),
            line("Supplies and Services", 35_800, 21_300, 21_300, 21_300),
            line("Third Party Payments", 527_000, 406_000, 386_000, 386_000),
            line("Support Services", 28_900, 28_700, 28_700, 28_700)),
            "Total Expenditure", stated=stated(924_500, 845_300, 834_200, 834_200)),
        Section("inc", "Income and grants", "income", -1, (
            line("LAA Reward Grant", 20_000, 25_000, 25_000, 0),
            line("Underspend Brought Forward", 21_100, 125_500, 0, 0))),
        Section("sav", "Savings", "savings", -1, (line("Savings to be identified", 0, 53_400, 157_200, 186_200),)),
        Section("daat", "Drugs and alcohol", "other", 0, (
            line("Drugs Intervention Programme", 124_900, 114_900, 0, 0), line("MARAC Support", 15_000, 0, 0, 0),
            line("DAAT – Pooled Treatment", 144_000, 64_200, 28_500, 0),
            line("DAAT – Other Local Authorities", 33_000, 33_000, 33_000, 33_000)),
            "Drugs and alcohol subtotal", stated=stated(316_900, 97_200, 61_500, 33_000)),
    )
    return Plan("mtfp", "MTFP", columns, sections, total_label="Community Safety Base Budget",
                stated_totals=stated(883_400, 641_400, 652_000, 648_000))


def test_the_mtfp_adds_up_as_the_paper_prints_except_the_2012_13_subtotal():
    totals = plan_totals(mtfp())
    assert [totals.sections["cs"][y].pence for y in YEARS] == pounds(924_500, 845_300, 834_200, 834_200)
    # base budget = expenditure less grants, underspend and savings to be identified
    assert [totals.plan_total[y].pence for y in YEARS] == pounds(883_400, 641_400, 652_000, 648_000)
    assert [totals.sections["daat"][y].pence for y in YEARS] == pounds(316_900, 212_100, 61_500, 33_000)
    [flag] = totals.flags
    assert (flag.where, flag.column, flag.kind) == ("Drugs and alcohol subtotal", "2012/13", "total")
    assert flag.message == ("Drugs and alcohol subtotal, 2012/13: the paper states £97,200 but the lines add up to "
                            "£212,100 (a difference of £114,900).")
    assert totals.warnings() == [flag.message]
    agreed = [c for c in totals.checks if c.agrees]
    assert len(agreed) == 4 + 3 + 4  # expenditure, the other drugs-and-alcohol years, the base budget


@pytest.mark.parametrize("text, status, pence, per_district, note", [
    ("£4,000 (£2,000 per District)", "amount", 400_000, 200_000, ""),
    ("£5,000 (£2,500 per District)", "amount", 500_000, 250_000, ""),
    ("£7525.58 (Cost to be reimbursed from WSCSP key statutory partners)", "amount", 752_558, None,
     "Cost to be reimbursed from WSCSP key statutory partners"),
    ("TBC", "tbc", None, None, ""), ("N/K", "nk", None, None, ""), ("Tbc", "tbc", None, None, ""),
    ("nil", "nil", 0, None, ""), ("-", "nil", 0, None, ""), ("£0", "amount", 0, None, ""),
    ("(6,957)", "amount", -695_700, None, ""), ("327,800", "amount", 32_780_000, None, ""),
    # a split and a note: the split was read as part of a note ("£2,000 per District) (Agreed at the board")
    ("£4,000 (£2,000 per District) (Agreed at the board)", "amount", 400_000, 200_000, "Agreed at the board"),
    ("£4,000 (Agreed at the board) (£2,000 per District)", "amount", 400_000, 200_000, "Agreed at the board"),
    ("TBC (awaiting the PCC's letter)", "tbc", None, None, "awaiting the PCC's letter"),
    ("£100 (see note (a) of the paper)", "amount", 10_000, None, "see note (a) of the paper"),
])
def test_cells_as_the_papers_write_them(text, status, pence, per_district, note):
    cell = parse_cell(text)
    assert (cell.status, cell.amount_pence, cell.per_district_pence, cell.note, cell.text) == (
        status, pence, per_district, note, text)


def test_a_split_per_district_says_how_many_districts():
    cell = parse_cell("£4,000 (£2,000 per District)")
    assert cell.districts == 2 and cell.describe() == "£4,000 (£2,000 per district)" and not cell.split_problem
    odd = parse_cell("£5,000 (£2,000 per district)")
    assert odd.districts is None and odd.split_problem == "£5,000 is not a whole number of £2,000 district shares."


def test_thousands_tables_and_unreadable_cells():
    assert parse_cell("1,460", unit="thousand").amount_pence == 146_000_000
    assert parse_cell("884", unit="thousand").describe("thousand") == "884"
    with pytest.raises(BudgetError, match="£3,250"):
        parse_cell("£3.250")  # a thousands separator typed as a point is queried, never read as £3.25
    with pytest.raises(BudgetError, match="empty"):
        parse_cell("  ")
    with pytest.raises(BudgetError):
        Cell("tbc", 100)


@pytest.mark.parametrize("typed, pence, shown", [
    ("£30K", 3_000_000, "30"),  # was read as 30K thousands: £30 million
    ("£1.5m", 150_000_000, "1,500"),  # was £1.5 billion
    ("2.5k", 250_000, "2.5"),
    ("(£30K)", -3_000_000, "-30"),
    ("£30K (£15K per district)", 3_000_000, "30 (15 per district)"),
    ("30", 3_000_000, "30"),  # a plain figure is in the table's thousands, as printed
])
def test_an_amount_typed_with_its_scale_in_a_thousands_table_means_what_it_says(typed, pence, shown):
    cell = parse_cell(typed, unit="thousand")
    assert cell.amount_pence == pence and cell.describe("thousand") == shown


@pytest.mark.parametrize("text", ["Inf", "-Infinity", "NaN", "1e999999999", "1E-999999999", "0x1A", "1_0"])
def test_a_printed_change_is_written_as_a_paper_prints_one_or_refused(text):
    # "Inf" escaped as an OverflowError (the window's "Something went wrong"), and "1e999999999" would have made a
    # number with a billion digits before anything was said.
    with pytest.raises(BudgetError, match="not a percentage change"):
        parse_change(text)


def test_printed_changes_and_year_on_year():
    assert parse_change("(27.5)") == Fraction(-275, 10) and parse_change("1.7") == Fraction(17, 10)
    assert parse_change("-") == 0 and parse_change("") is None
    with pytest.raises(BudgetError):
        parse_change("lots")
    change = year_on_year(Figure(92_450_000, 1), Figure(84_530_000, 1))
    assert change.change_pence == -7_920_000 and format_change(change.percent) == "-8.6%"
    assert format_change(change.percent, paper=True) == "(8.6)"
    assert year_on_year(Figure(100, 1), Figure(0, 0, tbc=1)) is None  # not known: no change claimed
    # seed 004's revenue table: 878 to 884 (£'000) is printed (0.7) but is an increase of 0.7%
    up = check_stated_change(Figure(87_800_000, 1), Figure(88_400_000, 1), "(0.7)", where="A Budget Net",
                             column="2011/12 Budget", unit="thousand")
    assert up.flagged and "878 to 884 is +0.7%" in up.message
    down = check_stated_change(Figure(88_400_000, 1), Figure(64_100_000, 1), "(27.5)", where="A", column="x")
    assert down.agrees


def test_tbc_and_nk_make_a_total_incomplete_and_say_so():
    figure = add_cells([parse_cell("£5,000"), parse_cell("£4,000"), parse_cell("TBC")])
    assert (figure.pence, figure.complete, figure.describe()) == (900_000, False, "£9,000 + TBC")
    assert add_cells([parse_cell("N/K")]).describe() == "N/K"
    assert add_cells([]).empty


cells = st.one_of(st.integers(-10**9, 10**9).map(Cell.amount), st.sampled_from([Cell("tbc"), Cell("nk"), Cell("nil")]))


@given(st.lists(st.lists(cells, min_size=1, max_size=4), min_size=1, max_size=5), st.sampled_from([-1, 0, 1]))
def test_totals_always_add_up(rows, sign):
    columns = tuple(Column(str(i), f"C{i}", "") for i in range(4))
    lines = tuple(Line(str(n), f"L{n}", {str(i): c for i, c in enumerate(row)}) for n, row in enumerate(rows))
    plan = Plan("p", "P", columns, (Section("s", "S", "other", sign, lines),))
    totals = plan_totals(plan)
    for i in range(4):
        column_cells = [row[i] for row in rows if i < len(row)]
        known = sum(c.pence for c in column_cells if c.known)
        assert totals.sections["s"][str(i)].pence == known
        assert totals.plan_total[str(i)].pence == sign * known
        assert totals.sections["s"][str(i)].complete == all(c.known for c in column_cells)
    # the order of the lines never changes a total
    reversed_plan = Plan("p", "P", columns, (Section("s", "S", "other", sign, lines[::-1]),))
    assert plan_totals(reversed_plan).sections == totals.sections


@pytest.mark.parametrize("typed, first", [
    ("four thousand", "“four thousand” is not an amount of money."),  # "4000 per district": test_split_alone_s59
    ("lots", "“lots” is not an amount of money."),  # "N/A": test_cell_refusals_say_what_to_type_s61
    ("£1,000.505", "“£1,000.505” has more than two decimal places; amounts are in pounds and pence."),
])
def test_a_cell_not_read_says_so_once_and_what_a_cell_can_be(typed, first):
    # It said "“4000 per district”: “4000 per district” is not an amount of money (try a form like £1,234.56)."
    with pytest.raises(BudgetError) as caught:
        parse_cell(typed)
    assert str(caught.value) == (f"{first} A cell is an amount (£4,000), TBC, N/K or nil, and may have a note in "
                                 "brackets after it, as in £4,000 (£2,000 per District).")
