"""S61 (exch2): the Budgets section of a county board report says which office each plan came from.

The register, the reviews and each pooled fund's burn-down say "Merged from Babergh office"; the Budgets and plans
section did not, so a county lead reading two offices' plans could not tell whose each was. Each plan's table now
ends with the sentence a fund's page ends with; in an office's own file nothing is said.
"""

from __future__ import annotations

from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.helpers import merge_accepting
from tests.exchange.test_plans_at_the_county_s52 import office_plan


def _budget_tables(store):
    report = build_report(store, year=None)
    section = next(s for s in report.sections if s.title == "Budgets and plans")
    return {t.title: t for t in section.tables}


def test_each_plan_of_a_county_board_report_says_which_office_it_came_from(tmp_path):
    sent = [office_plan(tmp_path, "Babergh office", "A", plan="Babergh plan 2017/18 – 2019/20"),
            office_plan(tmp_path, "Mid Suffolk office", "B", plan="Mid Suffolk plan 2017/18 – 2019/20")]
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge_accepting(county, sent)
        tables = _budget_tables(county)
    finally:
        county.close()
    assert "Merged from Babergh office." in tables["Babergh plan 2017/18 – 2019/20"].note
    assert "Merged from Mid Suffolk office." in tables["Mid Suffolk plan 2017/18 – 2019/20"].note
    assert "Babergh" not in tables["Mid Suffolk plan 2017/18 – 2019/20"].note


def test_an_office_s_own_board_report_says_nothing_of_where_its_plan_came_from(tmp_path):
    office_plan(tmp_path, "Babergh office", "A")
    store = open_store(tmp_path / "Babergh office.sqlite")
    try:
        tables = _budget_tables(store)
    finally:
        store.close()
    assert tables and all("Merged from" not in t.note for t in tables.values())
