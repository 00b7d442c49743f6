"""Scenarios, drafts, top-slices, exports, the schema, the example data and the board report section."""

from fractions import Fraction

import pytest

from safer_desk.domain.allocation import AllocationError, AllocationOptions, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.demo_data.allocation import OPTION_2, suffolk_inputs, suffolk_options
from tests.allocation.seed import PAPER


def columns(store, table):
    return [r["name"] for r in store.rows(f"PRAGMA table_info({table})")]


def test_a_blank_file_has_the_allocation_tables(store):
    assert columns(store, "allocation_scenarios") == [
        "id", "name", "year", "saved_at", "notes", "pot_pence", "previous_total_pence", "retain", "fixed_share",
        "fixed_per_unit_pence", "rounding", "unit", "damping", "total_pence", "adopted"]
    assert columns(store, "allocation_scenario_factors") == ["id", "scenario_id", "position", "name", "label", "weight"]
    assert columns(store, "allocation_scenario_rows") == [
        "id", "scenario_id", "position", "partnership", "partnership_id", "fixed_units", "factor_values",
        "previous_pence", "fixed_pence", "variable_pence", "damping_pence", "total_pence"]
    assert columns(store, "allocation_top_slices") == [
        "id", "name", "year", "total_pence", "slices", "remainder_label", "retained", "partners", "scenario"]
    assert columns(store, "_allocation_draft") == ["key", "value"]
    strict = store.scalar("SELECT sql FROM sqlite_master WHERE name = 'allocation_scenario_rows'")
    assert strict.rstrip().endswith("STRICT")


def test_save_load_and_the_inputs_stay_frozen(store):
    scenario_id = service.save_scenario(store, "Option 2", "2009-10", suffolk_inputs(), suffolk_options())
    scenario = service.load_scenario(store, scenario_id)
    assert scenario.year == "2009/10"
    assert scenario.partnerships == tuple(suffolk_inputs())
    assert scenario.options == suffolk_options()
    assert scenario.saved_totals["Western CSP"] == (84_231_00, 121_812_00, 0, 206_043_00)
    summary = service.list_scenarios(store)[0]
    assert (summary.name, summary.total_pence, summary.partnerships) == ("Option 2", 589_608_00, 5)
    # the audit trail records who saved it
    assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'allocation_scenarios'") == 1


def test_a_scenario_name_is_unique_within_its_year_and_bad_input_saves_nothing(store):
    service.save_scenario(store, "Option 2", "2009/10", suffolk_inputs(), suffolk_options())
    with pytest.raises(service.ScenarioError, match="already"):
        service.save_scenario(store, "Option 2", "2009/10", suffolk_inputs(), suffolk_options())
    # "option 2" beside "Option 2" was two scenarios the list could not tell apart.
    with pytest.raises(service.ScenarioError, match="There is already a 2009/10 scenario called “Option 2”"):
        service.save_scenario(store, "option  2", "2009/10", suffolk_inputs(), suffolk_options())
    service.save_scenario(store, "Option 2", "2010/11", suffolk_inputs(), suffolk_options())
    with pytest.raises(service.ScenarioError, match="financial year"):
        service.save_scenario(store, "X", "next year", suffolk_inputs(), suffolk_options())
    with pytest.raises(AllocationError):
        service.save_scenario(store, "Broken", "2011/12", [PartnershipInput("A", 1, {"basis": 0})],
                              AllocationOptions(pot_pence=100))
    assert store.scalar("SELECT count(*) FROM allocation_scenarios") == 2
    assert store.scalar("SELECT count(*) FROM allocation_scenario_rows") == 10


def test_delete_and_restore_put_back_the_same_scenario(store):
    scenario_id = service.save_scenario(store, "Option 2", "2009/10", suffolk_inputs(), suffolk_options())
    service.set_adopted(store, scenario_id)
    rows = service.snapshot_scenario(store, scenario_id)
    removed = service.delete_scenario(store, scenario_id)
    assert service.list_scenarios(store) == []
    assert store.scalar("SELECT count(*) FROM allocation_scenario_rows") == 0
    service.put_back_rows(store, rows)
    assert service.load_scenario(store, scenario_id) == removed
    assert service.snapshot_scenario(store, scenario_id) == rows  # ids and all


def test_compare_two_scenarios_side_by_side(store):
    a = service.save_scenario(store, "Paper", "2009/10", suffolk_inputs(), suffolk_options())
    b = service.save_scenario(store, "Exact", "2009/10", suffolk_inputs(), suffolk_options("exact"))
    rows = service.compare_scenarios(service.load_scenario(store, a), service.load_scenario(store, b))
    by_name = {r.partnership: r for r in rows}
    assert by_name["Babergh CSP"].first_pence == 63_768_00 and by_name["Babergh CSP"].difference_pence == -1_00
    assert by_name["Ipswich CSP"].difference_pence == 4_00
    assert by_name["Total"].difference_pence == 0


def test_one_agreed_scenario_per_year(store):
    a = service.save_scenario(store, "Paper", "2009/10", suffolk_inputs(), suffolk_options())
    b = service.save_scenario(store, "Exact", "2009/10", suffolk_inputs(), suffolk_options("exact"))
    assert service.adopted_scenario(store).id == b  # latest saved until one is agreed
    service.set_adopted(store, a)
    assert service.set_adopted(store, b) == a
    assert [s.name for s in service.list_scenarios(store) if s.adopted] == ["Exact"]


def test_draft_round_trip(store):
    assert service.load_draft(store) is None
    service.save_draft(store, suffolk_inputs(), suffolk_options())
    assert service.load_draft(store) == (suffolk_inputs(), suffolk_options())
    assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = '_allocation_draft'") == 0


def test_export_xlsx_and_csv(tmp_path):
    import openpyxl

    from safer_desk.exchange.tables import UnsupportedFormat, write_table

    result = service.calculate(suffolk_inputs(), suffolk_options())
    xlsx = write_table(tmp_path / "allocation.xlsx", service.result_sheets(result, title="SSPB 2009/10"))
    sheet = openpyxl.load_workbook(xlsx)["Allocation"]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert values[0][:4] == ["Babergh CSP", 1, 28077, 35691]
    assert values[-1][0] == "Totals" and values[-1][-3:] == [589608, 655120, -65512]
    text = write_table(tmp_path / "allocation.csv", service.result_sheets(result)).read_text(encoding="utf-8-sig")
    assert "Western CSP,3,84231,121812,8335,30.99%,206043,223181,-17138" in text  # plain numbers for Excel
    with pytest.raises(UnsupportedFormat):
        write_table(tmp_path / "allocation.pdf", service.result_sheets(result))


def test_pasted_rows_are_read_like_the_csv():
    rows = [["Partnership", "Fixed units", "Basis", "Previous"], ["Babergh", "1", "2,442", "£70,725"], ["", "", ""]]
    [babergh] = service.read_input_rows(rows)
    assert babergh == PartnershipInput("Babergh", 1, {"basis": 2442}, 70_725_00)


def test_top_slice_saved_and_listed(store):
    service.save_top_slice(store, "PRG", "2009/10", 2_900_692_00, slices=[("LSP share", Fraction(1, 2))],
                           remainder_label="SSP share", retained=Fraction(1, 10), partners=9, scenario=Fraction(1, 5))
    [saved] = service.list_top_slices(store)
    result = saved.result()
    assert result.equal_share_pence == 145_034_60
    assert (result.scenario_more_pence, result.scenario_less_pence) == (174_041_52, 116_027_68)


def test_example_file_holds_the_suffolk_scenario_and_the_prg(demo_store):
    summaries = service.list_scenarios(demo_store, year="2009/10")
    agreed = next(s for s in summaries if s.adopted)
    assert agreed.name == OPTION_2
    scenario = service.load_scenario(demo_store, agreed.id)
    result = scenario.result()
    paper = dict(zip(["Babergh CSP", "Ipswich CSP", "Waveney CSP", "Suffolk Coastal CSP", "Western CSP"],
                     PAPER.values()))
    assert {r.name: r.total_pence for r in result.rows} == {k: v[3] * 100 for k, v in paper.items()}
    # the rows point at the reference partnerships
    linked = demo_store.scalar("SELECT count(*) FROM allocation_scenario_rows WHERE scenario_id = ? "
                               "AND partnership_id IS NOT NULL", (agreed.id,))
    assert linked == 5
    assert service.list_top_slices(demo_store)[0].name == "Performance Reward Grant 2009-10"


def test_board_report_section_is_the_paper_table(demo_store):
    from safer_desk.domain.periods import FinancialYear
    from safer_desk.services.report_sections.allocation import board_report_sections

    sections = board_report_sections(demo_store, year=FinancialYear(2009))
    allocation, prg = sections
    table = allocation.tables[0]
    assert table.rows[0] == ["Babergh CSP", "1", "£28,077", "£35,691", "2,442", "9.08%", "£63,768", "£70,725",
                             "-£6,957"]
    assert table.total_row == ["Totals", "7", "£196,539", "£393,069", "26,895", "100.00%", "£589,608", "£655,120",
                               "-£65,512"]
    chart = allocation.charts[0]
    assert chart.categories[-1] == "Western CSP"
    assert [s.values[-1] for s in chart.series] == [206043, 223181]
    assert "£145,034.60" in prg.paragraphs[0] and "£174,041.52" in prg.paragraphs[0]
    assert board_report_sections(demo_store, year=FinancialYear(2016)) == []


@pytest.mark.parametrize("line, where", [
    ("Babergh,1,2442,£70,725", "row 2"),  # an amount with a thousands comma, not in quotes
    ("Babergh,1,2,442,70725", "row 2"),  # a count with one: the basis would be read as 2
])
def test_a_value_split_by_an_unquoted_comma_is_refused_not_cut_short(tmp_path, line, where):
    # "£70,725" without quotes is two cells, "£70" and "725": read by position, the previous year would be £70.
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis,previous\n" + line + "\nForest Heath,1,1500,\n", encoding="utf-8")
    with pytest.raises(AllocationError) as caught:
        service.read_input_csv(path)
    message = str(caught.value)
    assert f"input.csv {where}" in message and "5 values" in message and "4 columns" in message
    assert "quotes" in message


def test_a_split_row_under_a_one_column_heading_counts_it_in_words(tmp_path):
    path = tmp_path / "input.csv"
    path.write_text("partnership\nBabergh,1\n", encoding="utf-8")
    with pytest.raises(AllocationError, match="the heading row names 1 column, so"):
        service.read_input_csv(path)


def test_trailing_empty_cells_and_quoted_commas_are_read(tmp_path):
    path = tmp_path / "input.csv"
    path.write_text('partnership,fixed_units,basis,previous\nBabergh,1,"2,442","£70,725",,\n', encoding="utf-8")
    assert service.read_input_csv(path) == [PartnershipInput("Babergh", 1, {"basis": 2442}, 70_725_00)]


def test_a_total_line_in_the_input_csv_is_refused(tmp_path):
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis\nBabergh,1,2442\nIpswich,1,7937\nTotal,2,10379\n", encoding="utf-8")
    with pytest.raises(AllocationError, match=r"input.csv row 4 \(Total\).*total line"):
        service.read_input_csv(path)


def test_a_title_above_the_input_headings_is_passed_over_and_rows_keep_their_numbers(tmp_path):
    path = tmp_path / "input.csv"
    path.write_text("Suffolk allocation 2009/10 (inputs)\n\npartnership,fixed_units,basis\nBabergh,1,2442\n"
                    "Ipswich,1,-5\n", encoding="utf-8")
    with pytest.raises(AllocationError, match="input.csv row 5 \\(Ipswich\\)"):
        service.read_input_csv(path)
    path.write_text("Suffolk allocation 2009/10 (inputs)\n\npartnership,fixed_units,basis\nBabergh,1,2442\n",
                    encoding="utf-8")
    assert service.read_input_csv(path) == [PartnershipInput("Babergh", 1, {"basis": 2442})]


def test_a_blank_fixed_units_cell_is_refused_not_read_as_none(tmp_path):
    # West's fixed_units left blank: read as 0 it lost its three fixed fees and got £121,817 instead of £206,043.
    path = tmp_path / "input.csv"
    path.write_text('partnership,fixed_units,basis\nBabergh,1,"2,442"\nWest,,"8,335"\n', encoding="utf-8")
    with pytest.raises(AllocationError) as caught:
        service.read_input_csv(path)
    assert str(caught.value) == ("input.csv row 3 (West): fixed units is missing "
                                 "(write 0 if the partnership really has none).")
    path.write_text('partnership,fixed_units,basis\nBabergh,1,"2,442"\nWest,0,"8,335"\n', encoding="utf-8")
    assert service.read_input_csv(path)[1] == PartnershipInput("West", 0, {"basis": 8335})
