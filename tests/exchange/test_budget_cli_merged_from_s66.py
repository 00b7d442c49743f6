"""Session 66: `safer-desk budget COUNTY_FILE` printed every merged office's plans with no word of whose each was,
where `projects` and `awards` end each row with merged_from (and the county workbook's Budgets sheet has *Merged
from*): a county lead scripting the plans could not tell Babergh's lines from Mid Suffolk's. And `budget FILE PLAN`
for a plan with no lines yet printed only the header, as if the plan had been read and found empty of figures by
mistake; it now says so on standard error."""

from __future__ import annotations

from safer_desk.services import budgets
from safer_desk.storage.store import create_file, open_store
from tests.exchange.helpers import cli_output, merge_accepting


def _office_plan(folder, office: str, plan: str, line: str, amount: str):
    from safer_desk.services.county import export_for_county

    path = folder / f"{office}.sqlite"
    create_file(path, office)
    store = open_store(path)
    try:
        plan_id = budgets.create_plan(store, plan, columns=["2025/26"])
        section = budgets.add_section(store, plan_id, "Expenditure")
        budgets.set_cell(store, budgets.add_line(store, section, line), "2025/26", amount)
        return export_for_county(store, folder / f"{office}-export.sqlite").path
    finally:
        store.close()


def test_budget_of_a_county_file_says_which_office_each_plan_came_from(tmp_path):
    sent = [_office_plan(tmp_path, "Babergh office", "Babergh CSP plan 2025/26", "Youth diversion", "£4,000"),
            _office_plan(tmp_path, "Mid Suffolk office", "Mid Suffolk CSP plan 2025/26", "Target hardening",
                         "£2,500")]
    county_path = tmp_path / "county.sqlite"
    county = open_store(county_path, create=True, office_name="Suffolk county team")
    try:
        merge_accepting(county, sent)
    finally:
        county.close()
    code, out, _ = cli_output(["budget", str(county_path)])
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "plan,section,line,year,amount,status,per_district,merged_from"
    assert "Babergh CSP plan 2025/26,Expenditure,Youth diversion,2025/26,4000,amount,,Babergh office" in lines
    assert "Mid Suffolk CSP plan 2025/26,Expenditure,Target hardening,2025/26,2500,amount,,Mid Suffolk office" in lines
    assert all(line.endswith(("Babergh office", "Mid Suffolk office")) for line in lines[1:]), lines


def test_budget_of_an_office_s_own_file_has_no_merged_from(tmp_path):
    path = tmp_path / "babergh.sqlite"
    create_file(path, "Babergh office")
    store = open_store(path)
    try:
        plan = budgets.create_plan(store, "Babergh CSP plan 2025/26", columns=["2025/26"])
        budgets.set_cell(store, budgets.add_line(store, budgets.add_section(store, plan, "Expenditure"), "Youth"),
                         "2025/26", "£4,000")
    finally:
        store.close()
    out = cli_output(["budget", str(path)])[1]
    assert out.splitlines()[0] == "plan,section,line,year,amount,status,per_district"


def test_budget_of_a_plan_with_no_lines_says_so(tmp_path):
    path = tmp_path / "babergh.sqlite"
    create_file(path, "Babergh office")
    store = open_store(path)
    try:
        budgets.create_plan(store, "Babergh CSP plan 2026/27", columns=["2026/27"])
    finally:
        store.close()
    code, out, err = cli_output(["budget", str(path), "Babergh CSP plan 2026/27"])
    assert code == 0
    assert out.splitlines() == ["plan,section,line,year,amount,status,per_district"]
    assert "safer-desk: note: Babergh CSP plan 2026/27 has no lines yet" in err, err
    # A file with no plans at all says that.
    empty = tmp_path / "empty.sqlite"
    create_file(empty, "Ipswich office")
    code, out, err = cli_output(["budget", str(empty)])
    assert code == 0 and out.splitlines() == ["plan,section,line,year,amount,status,per_district"]
    assert "safer-desk: note: empty.sqlite has no budgets or plans" in err, err
