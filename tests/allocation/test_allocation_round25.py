"""The Allocation tab, round 25: a county coordinator's scenario in the real window and on the command line."""

import csv
import io

import pytest
from PySide6.QtGui import QGuiApplication

from safer_desk.cli import main
from tests.allocation.test_cli import SEED_CSV


@pytest.fixture
def tab(demo_window):
    demo_window.show()
    return demo_window.show_tab("allocation")


def run(capsys, *argv):
    code = main(["allocate", *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out, out.err


# -- copying to Excel keeps every decimal of a factor ------------------------------------------------------------

def test_inputs_copied_to_excel_and_pasted_back_keep_every_decimal(qtbot, tab, prompts):
    # A measure with decimals (non-crime demand hours, a rate) was copied as six significant figures: 10,234.75
    # went to Excel as 10234.8 and 123,456.789 as 123457, and pasted back the partnerships' shares changed.
    tab.edit_input(0, "factor:basis", "10234.75")
    tab.edit_input(1, "factor:basis", "123456.789")
    before = tab.state.partnerships
    tab.inputs_view.selectAll()
    text = tab.inputs_view.selected_rows_text()
    assert "\t10234.75\t" in text and "\t123456.789\t" in text
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 0))
    tab.paste_inputs(text)
    assert tab.state.partnerships == before and not prompts.errors


def test_the_results_copied_for_excel_show_the_factor_values_as_typed(tab):
    tab.edit_input(0, "factor:basis", "10234.75")
    tab.copy_results()
    rows = list(csv.reader(io.StringIO(QGuiApplication.clipboard().text()), delimiter="\t"))
    column = rows[0].index("BCS comparator offences 2007-08")
    assert rows[1][column] == "10234.75"
    assert rows[-1][0] == "Total" and rows[-1][column] == "34687.75"  # 10,234.75 + 7,937 + 4,857 + 3,324 + 8,335


def test_the_command_prints_a_factor_value_as_typed(capsys, tmp_path):
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis\nA,1,0.0000001\nB,1,1\n", encoding="utf-8")
    code, out, _err = run(capsys, path, "--pot", "1000")
    assert code == 0
    assert next(csv.DictReader(io.StringIO(out)))["basis"] == "0.0000001"  # not 1E-7


# -- fixed units typed with a comma out of place -----------------------------------------------------------------

def test_fixed_units_typed_1_comma_5_are_refused_not_read_as_15(tab, prompts):
    # "1,5" (a decimal comma, or a slip) was read as 15 units: fifteen fixed fees for one partnership, unsaid.
    before = tab.state
    assert not tab.edit_input(0, "fixed_units", "1,5")
    assert tab.state == before
    assert prompts.errors and "1,5" in prompts.errors[-1][1] and "whole number" in prompts.errors[-1][1]
    assert tab.edit_input(0, "fixed_units", "1,000")  # thousands in their places are still a count
    assert tab.state.partnerships[0].fixed_units == 1000


@pytest.mark.parametrize("units", ["1,5", "1_0"])
def test_the_command_refuses_fixed_units_with_a_separator_out_of_place(capsys, tmp_path, units):
    path = tmp_path / "input.csv"
    path.write_text(f'partnership,fixed_units,basis\nA,"{units}",5\nB,1,5\n', encoding="utf-8")
    code, out, err = run(capsys, path, "--pot", "1000", "--fixed-share", "1/2")
    assert code == 1 and out == ""
    assert "row 2 (A)" in err and units in err and "whole number" in err


def test_the_command_still_says_negative_fixed_units_are_negative(capsys, tmp_path):
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis\nA,-1,5\nB,1,5\n", encoding="utf-8")
    code, _out, err = run(capsys, path, "--pot", "1000")
    assert code == 1 and "negative" in err


# -- exit codes --------------------------------------------------------------------------------------------------

def test_previous_total_without_retain_is_a_usage_error(capsys):
    # DESIGN.md §4: `--previous-total AMOUNT --retain PERCENT` go together; leaving --retain out is how the command
    # is used (exit 2, as --pot with --previous-total), not a bad input file (exit 1).
    code, out, err = run(capsys, SEED_CSV, "--previous-total", "655120")
    assert code == 2 and out == ""
    assert "--previous-total needs --retain" in err


# -- one partnership under two spellings -------------------------------------------------------------------------

def test_the_command_refuses_one_partnership_spelt_with_a_dash_and_a_hyphen(capsys, tmp_path):
    # Pasted from a paper with an en dash beside the typed hyphen (or a double space), one partnership was two:
    # each took a full share of the pot, unsaid.
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis\nMid Suffolk - Babergh,1,5\nIpswich,1,5\n"
                    "Mid Suffolk \u2013 Babergh,1,5\n", encoding="utf-8")
    code, out, err = run(capsys, path, "--pot", "900")
    assert code == 1 and out == ""
    assert "listed twice" in err and "Mid Suffolk - Babergh" in err


def test_a_name_typed_as_another_partnership_with_other_spacing_is_refused(tab, prompts):
    before = tab.state
    assert not tab.edit_input(0, "name", "Ipswich  csp")
    assert tab.state == before
    assert "already a partnership called Ipswich CSP" in prompts.errors[-1][1]


def test_a_paste_listing_a_partnership_twice_under_another_dash_is_refused(tab, prompts):
    tab.edit_input(0, "name", "Mid Suffolk - Babergh")
    before = tab.state
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(4, 0))
    tab.paste_inputs("Mid Suffolk \u2013 Babergh\t1\t2442\t70725\n")
    assert tab.state == before and tab.result is not None
    assert "twice" in prompts.errors[-1][1]


# -- a pasted heading that names another column ------------------------------------------------------------------

def test_a_paste_whose_headings_name_other_columns_is_refused(tab, prompts):
    # Copied from a sheet with no units column, the headed crime counts landed on Fixed units (2,442 fixed fees for
    # Babergh) and last year's figures on the crime counts; the heading row that said so was skipped unread.
    before = tab.state
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 0))
    tab.paste_inputs("Partnership\tBCS comparator offences 2007-08\tLast year\r\nBabergh CSP\t2442\t70725\r\n")
    assert tab.state == before
    assert "headed “BCS comparator offences 2007-08” would land on the Fixed units column" in prompts.errors[-1][1]


def test_a_paste_with_the_tables_own_headings_still_goes_in(tab, prompts):
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 0))
    tab.paste_inputs("Partnership\tFixed units\tBCS comparator offences 2007-08\tLast year\r\n"
                     "Babergh CSP\t2\t2442\t70725\r\n")
    assert not prompts.errors
    assert tab.state.partnerships[0].fixed_units == 2
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 2))  # one column at its own heading
    tab.paste_inputs("BCS comparator offences 2007-08\r\n2500\r\n")
    assert not prompts.errors and tab.state.partnerships[0].values["basis"] == 2500


# -- the workbook ------------------------------------------------------------------------------------------------

def test_a_new_partnerships_last_year_is_an_empty_cell_in_the_workbook_not_text(tmp_path):
    # Written as "" the cells were text: a formula on them in Excel (this year less last year) gave #VALUE!.
    import openpyxl

    from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
    from safer_desk.exchange.tables import write_table
    from safer_desk.services import allocation as service

    result = service.calculate([PartnershipInput("Ipswich", 1, {"basis": 3}, 100_00),
                                PartnershipInput("East Suffolk", 1, {"basis": 1})], AllocationOptions(pot_pence=400_00))
    path = write_table(tmp_path / "allocation.xlsx", service.result_sheets(result))
    sheet = openpyxl.load_workbook(path)["Allocation"]
    rows = [[c for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r[0].value == "Partnership")
    new = next(r for r in rows if r[0].value == "East Suffolk")
    for heading in ("Last year (£)", "Variance (£)"):
        cell = new[[c.value for c in header].index(heading)]
        assert cell.value is None and cell.data_type != "s", heading
    csv_text = write_table(tmp_path / "allocation.csv", service.result_sheets(result)).read_text(encoding="utf-8-sig")
    assert "East Suffolk,1,0,100,1,25.00%,100,," in csv_text  # the text formats still show an empty cell


def test_a_paste_with_an_extra_column_pushing_last_year_off_the_table_is_refused(tab, prompts):
    # Two factors copied into a table of one: the population went in as last year's allocations and last year's
    # figures fell off the end, unsaid.
    before = tab.state
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 0))
    tab.paste_inputs("Partnership\tFixed units\tBCS comparator offences 2007-08\tPopulation\tLast year\r\n"
                     "Babergh CSP\t1\t2442\t87740\t70725\r\n")
    assert tab.state == before
    assert "headed “Last year” would land past the table's last column" in prompts.errors[-1][1]


def test_the_weighted_share_of_two_factors_sorts_by_its_size_not_as_text():
    """With two factors the Weighted share column held the text "9.08", so sorting it put 12.50 before 9.08."""
    from fractions import Fraction

    from safer_desk.domain.allocation import AllocationOptions, Factor, PartnershipInput, allocate_by_formula
    from safer_desk.ui.allocation.models import result_columns, result_rows
    from safer_desk.ui.kit.tables import sort_key

    factors = (Factor("crime"), Factor("population"))
    rows = [PartnershipInput(name, values={"crime": Fraction(c), "population": Fraction(p)})
            for name, c, p in (("A", 908, 908), ("B", 1250, 1250), ("C", 7842, 7842))]
    result = allocate_by_formula(rows, AllocationOptions(pot_pence=10_000_00, factors=factors))
    column = next(c for c in result_columns(result) if c.key == "share")
    shares = sorted(result_rows(result), key=lambda r: sort_key(column.get(r)))
    assert [r["name"] for r in shares] == ["A", "B", "C"]
    assert column.show(column.get(shares[0])) == "9.08%"


@pytest.mark.parametrize("weight, shown", [((333, 10), "33.3"), ((1, 2), "0.5"), ((2, 1), "2"), ((1, 3), "1/3"),
                                           ((7, 40), "0.175")])
def test_a_factors_weight_is_shown_as_typed_not_as_a_fraction_of_tens(weight, shown):
    """A weight typed 33.3 was shown back in the factors table and the comparison note as "333/10"."""
    from fractions import Fraction

    from safer_desk.domain.allocation import format_weight, parse_weight

    assert format_weight(Fraction(*weight)) == shown
    assert parse_weight(shown) == Fraction(*weight)  # typed back as shown: the same weight


def test_cells_pasted_past_the_tables_last_column_are_refused_not_dropped():
    """Pasting Crime, Population and Last year over a table of one factor: the last column fell off the end without a
    word (the paste went in with last year's figures lost)."""
    from safer_desk.domain.allocation import AllocationError
    from safer_desk.services import allocation_workbench as bench
    from safer_desk.services.demo_data.allocation import suffolk_inputs, suffolk_options

    state = bench.WorkState(tuple(suffolk_inputs()), suffolk_options())
    width = len(state.input_columns())
    with pytest.raises(AllocationError, match="past the table's last column"):
        bench.with_pasted(state, 0, width - 1, [["£70,725", "£1,000"]])
    # Empty cells past the end (a selection one column too wide) are nothing to lose.
    assert bench.with_pasted(state, 0, width - 1, [["£70,725", "", " "]]).partnerships[0].previous_pence == 70_725_00
