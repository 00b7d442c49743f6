"""S62 (files): the county workbook's Budgets sheet says which office each plan came from.

The Register, Reviews and Funds sheets of a workbook written from a county file end with a *Merged from* column; the
Budgets sheet had none, so two offices' plans on the board's papers could not be told apart by whose they were. Each
plan's rows now end with it too; an office's own workbook has no such column.
"""

from __future__ import annotations

from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.helpers import merge_accepting
from tests.exchange.test_plans_at_the_county_s52 import office_plan


def _budgets(path) -> tuple[list, list[list]]:
    import openpyxl

    rows = [list(r) for r in openpyxl.load_workbook(path, read_only=True)["Budgets"].iter_rows(values_only=True)]
    header = next(r for r in rows if r and r[0] == "Section")
    return header, rows


def test_each_plan_on_the_county_workbook_s_budgets_sheet_names_the_office_it_came_from(tmp_path):
    sent = [office_plan(tmp_path, "Babergh office", "A", plan="Babergh plan 2017/18 – 2019/20"),
            office_plan(tmp_path, "Mid Suffolk office", "B", plan="Mid Suffolk plan 2017/18 – 2019/20")]
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge_accepting(county, sent)
        export_for_county(county, tmp_path / "county.xlsx")
    finally:
        county.close()
    header, rows = _budgets(tmp_path / "county.xlsx")
    # after the sheet's own columns, where it stood before a linked line's actuals were added after it (S71)
    assert header[header.index("Note") + 1] == "Merged from" and header[-3:] == ["Linked to", "Actual (£)",
                                                                                  "Difference (£)"]
    at = header.index("Merged from")
    lines = [r for r in rows if r and r[1] == "Domestic Homicide Reviews (DHRs)"]
    assert sorted({r[at] for r in lines}) == ["Babergh office", "Mid Suffolk office"]
    by_plan, plan = {}, None
    for r in rows:
        if r and r[0] and r[1] is None and str(r[0]).endswith("2019/20"):
            plan = r[0]
        elif r and plan and r[at] not in (None, "Merged from"):
            by_plan.setdefault(plan, set()).add(r[at])
    assert by_plan == {"Babergh plan 2017/18 – 2019/20": {"Babergh office"},
                       "Mid Suffolk plan 2017/18 – 2019/20": {"Mid Suffolk office"}}


def test_an_office_s_own_workbook_has_no_merged_from_on_its_budgets_sheet(tmp_path):
    office_plan(tmp_path, "Babergh office", "A")
    store = open_store(tmp_path / "Babergh office.sqlite")
    try:
        export_for_county(store, tmp_path / "babergh.xlsx")
    finally:
        store.close()
    header, _ = _budgets(tmp_path / "babergh.xlsx")
    assert "Merged from" not in header
