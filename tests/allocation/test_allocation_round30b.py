"""The Allocation calculator, round 30 (follow-ups).

1. Export… to .xlsx wrote the "% of the total" column as text ("9.08%"): Excel could not add it up or chart it.
2. With the legacy two-decimal rounding, the note said "£0.37 was added in steps of £1" when what moved was pence.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, Factor, PartnershipInput, allocate_by_formula
from safer_desk.exchange.tables import write_table
from safer_desk.services import allocation as service
from tests.allocation.seed import PAPER, options, partnerships


def _sheet_rows(path):
    import openpyxl

    sheet = openpyxl.load_workbook(path)["Allocation"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r[0] == "Partnership")
    return header, rows[rows.index(header) + 1:]


def _number_format(path, column: int) -> str:
    import openpyxl

    sheet = openpyxl.load_workbook(path)["Allocation"]
    return next(row[column].number_format for row in sheet.iter_rows() if isinstance(row[column].value, float))


def test_the_share_of_the_total_is_a_number_in_the_exported_workbook_that_excel_can_add_up(demo_window, prompts,
                                                                                            tmp_path):
    tab = demo_window.show_tab("allocation")
    target = tmp_path / "allocation.xlsx"
    prompts.file_names.append(str(target))
    tab.export_results()  # Export… on the results, as the officer does
    assert not prompts.errors
    header, rows = _sheet_rows(target)
    share = next(i for i, h in enumerate(header) if h.endswith("as % of the total"))
    by_name = {r[0]: r[share] for r in rows}
    assert all(isinstance(v, (int, float)) for v in by_name.values()), by_name  # was the text "9.08%"
    assert {n: round(Decimal(str(v)) * 100, 2) for n, v in by_name.items() if n != "Total"} == {
        n: Decimal(PAPER[n.removesuffix(" CSP").replace("Western", "West")][0]) for n in by_name if n != "Total"}
    assert by_name["Total"] == 1  # 100.00%, shown with Excel's percent format
    assert _number_format(target, share) == "0.00%"
    # the CSV reads as before: the text formats show the percentage as printed
    csv_target = tmp_path / "allocation.csv"
    prompts.file_names.append(str(csv_target))
    tab.export_results()
    assert "Western CSP,3,84231,121812,8335,30.99%,206043,223181,-17138" in csv_target.read_text(encoding="utf-8-sig")


def test_the_weighted_share_of_two_factors_is_a_number_in_the_workbook(tmp_path):
    factors = (Factor("crime", Fraction(1, 2), "Crime"), Factor("population", Fraction(1, 2), "Population"))
    rows = [PartnershipInput("Ipswich", 1, {"crime": 3, "population": 1}, 100_00),
            PartnershipInput("Babergh", 1, {"crime": 1, "population": 3}, 100_00)]
    result = service.calculate(rows, AllocationOptions(pot_pence=400_00, factors=factors))
    sheets = service.result_sheets(result, shares_as_numbers=True)  # as Export… writes a workbook
    header, rows = _sheet_rows(write_table(tmp_path / "allocation.xlsx", sheets))
    for heading in ("Crime as % of the total", "Population as % of the total", "Weighted share %"):
        column = header.index(heading)
        assert all(isinstance(r[column], (int, float)) for r in rows), (heading, [r[column] for r in rows])
    assert [r[header.index("Weighted share %")] for r in rows] == [0.5, 0.5, 1]


def _two_decimal_note(pot_pence: int) -> str:
    result = allocate_by_formula(partnerships(), options(previous_total_pence=None, retain=0, pot_pence=pot_pence))
    return next(n for n in result.notes if "two-decimal" in n)


def test_the_two_decimal_note_says_pence_moved_as_pence_not_as_steps_of_a_pound():
    note = _two_decimal_note(589_608_37)  # the paper's pot with 37p over: only the odd pence moved
    assert "steps of £1" not in note
    assert "37p" in note and "Ipswich" in note


def test_the_two_decimal_note_says_the_pounds_and_the_odd_pence_apart():
    note = _two_decimal_note(599_398_37)  # £1.37 moved: £1 by largest remainder, the odd 37p to one partnership
    assert "£1 in steps of £1" in note and "37p" in note


def test_the_papers_pot_still_needs_no_note_and_reproduces_the_paper():
    result = allocate_by_formula(partnerships(), options())
    assert not any("two-decimal" in n for n in result.notes)
    assert {r.name: r.variable_pence // 100 for r in result.rows} == {n: v[2] for n, v in PAPER.items()}
