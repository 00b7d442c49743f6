"""Budgets services: a new file's tables, the seed plans in the example file, entering seed 002 §6 the way a
screen would (one call per user action), undo, links to what actually happened."""

import pytest

from safer_desk.domain.budgets import BudgetError
from safer_desk.services import budgets as svc
from safer_desk.services.demo_data import budgets as demo

COLUMNS = {
    "budget_plans": ["id", "name", "owner", "area_id", "source", "unit", "total_label", "show_total_column",
                     "show_changes", "notes", "created_at", "updated_at"],
    "budget_columns": ["id", "plan_id", "position", "label", "financial_year"],
    "budget_sections": ["id", "plan_id", "position", "name", "kind", "sign", "total_label", "show_subtotal", "notes"],
    "budget_lines": ["id", "section_id", "position", "label", "notes"],
    "budget_cells": ["id", "line_id", "column_id", "status", "amount_pence", "text", "note", "per_district_pence",
                     "stated_change"],
    "budget_stated_totals": ["id", "plan_id", "section_id", "column_id", "status", "amount_pence", "text", "note",
                             "per_district_pence", "stated_change"],
    "budget_line_links": ["id", "line_id", "project_id", "fund_id", "case_id", "measure", "organisation_id",
                          "funder"],
}


def test_a_blank_file_migrates_to_exactly_these_budget_tables(store):
    for table, columns in COLUMNS.items():
        assert [r[1] for r in store.rows(f"PRAGMA table_info({table})")] == columns, table
    sql = {r["name"]: r["sql"] for r in store.rows("SELECT name, sql FROM sqlite_master WHERE name LIKE 'budget%' "
                                                   "AND type = 'table'")}
    assert set(sql) == set(COLUMNS) and all(s.rstrip().endswith("STRICT") for s in sql.values())
    assert ("safer_desk.budgets", "create_budget_plans") in {
        (r[0], r[1]) for r in store.rows("SELECT migration_set, name FROM _sqlite_migrations")}


def test_a_cell_must_be_a_known_kind(store):
    plan = svc.create_plan(store, "P", columns=["2017/18"])
    line = svc.add_line(store, svc.add_section(store, plan, "S"), "L")
    col = svc.column_id(store, plan, "2017/18")
    import sqlite3

    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.conn.execute("INSERT INTO budget_cells(id, line_id, column_id, status, amount_pence) "
                               "VALUES ('x', ?, ?, 'tbc', 5)", (line, col))


def mtfp_view(store):
    return svc.plan_view(store, svc.plan_id_by_name(store, demo.MTFP))


def test_example_mtfp_totals_and_its_flag(demo_store):
    view = mtfp_view(demo_store)
    rows = {(r.kind, r.label): r for r in view.rows}
    expenditure = rows[("subtotal", "Total Expenditure")]
    assert [c.pence for c in expenditure.cells] == [92_450_000, 84_530_000, 83_420_000, 83_420_000]
    base = rows[("total", "Community Safety Base Budget")]
    assert [c.pence for c in base.cells] == [88_340_000, 64_140_000, 65_200_000, 64_800_000]
    assert [c.text for c in base.cells] == ["£883,400", "£641,400", "£652,000", "£648,000"]
    printed = rows[("stated-total", "Community Safety Base Budget (as printed)")]
    assert not printed.flagged and [c.status for c in printed.cells] == ["stated"] * 4
    daat = rows[("subtotal", "Drugs and alcohol subtotal")]
    daat_printed = rows[("stated", "Drugs and alcohol subtotal (as printed)")]
    assert daat.cells[1].pence == 21_210_000 and daat_printed.cells[1].pence == 9_720_000
    assert daat_printed.cells[1].status == "stated-differs" and daat_printed.cells[1].flagged
    assert [c.flagged for c in daat_printed.cells] == [False, True, False, False]
    assert view.warnings == ("Drugs and alcohol subtotal, 2012/13: the paper states £97,200 but the lines add up "
                             "to £212,100 (a difference of £114,900).",)
    # year on year: total expenditure falls by £79,200 (8.6%) into 2012/13
    assert expenditure.cells[1].change.describe() == "-£79,200 (-8.6%)"
    assert [p.flags for p in svc.list_plans(demo_store) if p.name == demo.MTFP] == [1]


def test_example_revenue_budget_flags_the_printed_fall_that_is_a_rise(demo_store):
    view = svc.plan_view(demo_store, svc.plan_id_by_name(demo_store, demo.REVENUE))
    assert view.plan.unit == "thousand"
    total = next(r for r in view.rows if r.kind == "total")
    assert [c.text for c in total.cells] == ["1,460", "1,201", "738", "714", "710"]
    assert len(view.warnings) == 1 and "878 to 884 is +0.7%" in view.warnings[0]
    # every other printed change agrees with its figures: (45.5), (69.4), (36.1), -, (17.7), (38.6) …
    assert sum(1 for c in view.totals.checks if c.kind == "change" and c.agrees) == 11


def test_entering_the_002_table_one_action_at_a_time(store):
    """Seed 002 §6 as a Budgets screen would enter it: a plan, a section, three lines, nine cells."""
    plan = svc.create_plan(store, "WSCSP financial implications", columns=["2017/18", "2018/19", "2019/20"],
                           total_label="Net Effect", show_total_column=True)
    section = svc.add_section(store, plan, "Revenue/Capital/Expenditure/Income Item", show_subtotal=False)
    typed = {
        "Domestic Homicide Reviews (DHRs)": ("£7525.58 (Cost to be reimbursed from WSCSP key statutory partners)",
                                             "TBC", "N/K"),
        "Target Hardening for High Risk DV Victims": ("£0", "£4,000 (£2,000 per District)", "N/K"),
        "E-CINS/Athena Partnership Platform": ("£5,000 (£2,500 per District)", "£5,000 (£2,500 per District)",
                                               "N/K"),
    }
    for label, cells in typed.items():
        line = svc.add_line(store, section, label)
        for year, text in zip(("2017/18", "18/19", "2019-20"), cells):
            assert svc.set_cell(store, line, year, text) is None
    view = svc.plan_view(store, plan)
    lines = [r for r in view.rows if r.kind == "line"]
    assert [[c.text for c in r.cells] for r in lines] == [
        ["£7,525.58", "TBC", "N/K"], ["£0", "£4,000 (£2,000 per district)", "N/K"],
        ["£5,000 (£2,500 per district)", "£5,000 (£2,500 per district)", "N/K"]]
    assert [c.status for c in lines[0].cells] == ["amount", "tbc", "nk"]
    assert lines[0].cells[0].note == "Cost to be reimbursed from WSCSP key statutory partners"
    assert [r.across.text for r in lines] == ["£7,525.58 + TBC + N/K", "£4,000 + N/K", "£10,000 + N/K"]
    net = next(r for r in view.rows if r.kind == "total")
    assert [c.text for c in net.cells] == ["£12,525.58", "£9,000 + TBC", "N/K"]
    assert [c.status for c in net.cells] == ["total", "total-incomplete", "total-incomplete"]
    assert view.warnings == ()
    rows = svc.budget_csv_rows(store, "wscsp financial implications")
    assert ["WSCSP financial implications", "Revenue/Capital/Expenditure/Income Item",
            "Domestic Homicide Reviews (DHRs)", "2018/19", "", "tbc", ""] in rows
    assert ["WSCSP financial implications", "", "Net Effect", "2018/19", "9000", "total-incomplete", ""] in rows
    assert ["WSCSP financial implications", "Revenue/Capital/Expenditure/Income Item",
            "Target Hardening for High Risk DV Victims", "2018/19", "4000", "amount", "2000"] in rows


def test_bad_input_names_the_line_and_column_and_changes_nothing(store):
    plan = svc.create_plan(store, "Plan", columns=["2017/18"])
    line = svc.add_line(store, svc.add_section(store, plan, "Costs"), "Venue")
    before = svc.snapshot_plan(store, plan)
    with pytest.raises(BudgetError, match="Venue, 2017/18: .*£3.250"):
        svc.set_cell(store, line, "2017/18", "£3.250")
    with pytest.raises(BudgetError, match="no column “2020/21”"):
        svc.set_cell(store, line, "2020/21", "£1")
    with pytest.raises(BudgetError, match="already a plan"):
        svc.create_plan(store, "plan", columns=["2017/18"])
    with pytest.raises(BudgetError, match="financial year"):
        svc.create_plan(store, "Other", columns=["Next year"])
    with pytest.raises(BudgetError, match="no fund"):
        svc.link_line(store, line, fund="Nope")
    with pytest.raises(BudgetError, match="total row"):
        svc.update_line(store, line, label="Sub-total")
    assert svc.snapshot_plan(store, plan) == before
    with pytest.raises(BudgetError, match="total row"):
        svc.add_line(store, svc.add_section(store, plan, "More"), "Total")


def test_do_and_undo_pairs(store):
    plan = svc.create_plan(store, "Plan", columns=["2017/18", "2018/19"])
    section = svc.add_section(store, plan, "Costs")
    a = svc.add_line(store, section, "A")
    c = svc.add_line(store, section, "C")
    b = svc.add_line(store, section, "B", position=1)
    assert [r.label for r in svc.plan_view(store, plan).rows if r.kind == "line"] == ["A", "B", "C"]
    assert svc.move_line(store, c, 0) == 2
    assert [r.label for r in svc.plan_view(store, plan).rows if r.kind == "line"] == ["C", "A", "B"]
    svc.set_cell(store, a, "2017/18", "£100")
    previous = svc.set_cell(store, a, "2017/18", "TBC")
    assert previous.amount_pence == 10_000
    svc.set_cell(store, a, "2017/18", previous)  # undo
    assert svc.load_plan(store, plan).sections[0].lines[1].cells[svc.column_id(store, plan, "2017/18")] == previous
    before = svc.remove_line(store, b)
    assert [r.label for r in svc.plan_view(store, plan).rows if r.kind == "line"] == ["C", "A"]
    svc.restore_plan(store, before)
    assert [r.label for r in svc.plan_view(store, plan).rows if r.kind == "line"] == ["C", "A", "B"]
    snap = svc.remove_column(store, svc.column_id(store, plan, "2017/18"))
    assert [c.label for c in svc.load_plan(store, plan).columns] == ["2018/19"]
    svc.restore_plan(store, snap)
    assert svc.snapshot_plan(store, plan) == snap
    deleted = svc.delete_plan(store, plan)
    assert svc.list_plans(store) == []
    svc.restore_plan(store, deleted)
    assert [p.name for p in svc.list_plans(store)] == ["Plan"]
    # every change is in the audit trail
    assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'budget_cells'") >= 3


def test_an_amount_typed_again_keeps_the_papers_note_and_printed_change(store):
    """Found looking for the indicators' lost comment elsewhere: typing a cell's amount again (the grid shows only
    the amount to edit) threw away its note ("Cost to be reimbursed from WSCSP key statutory partners") and the
    change the paper printed, neither of which was shown or touched."""
    plan = svc.create_plan(store, "Plan", columns=["2017/18"])
    line = svc.add_line(store, svc.add_section(store, plan, "Costs"), "Domestic Homicide Reviews (DHRs)")
    svc.set_cell(store, line, "2017/18", "£7525.58 (Cost to be reimbursed from WSCSP key statutory partners)",
                 stated_change="1.7")
    column = svc.column_id(store, plan, "2017/18")

    def cell():
        return svc.load_plan(store, plan).sections[0].lines[0].cells[column]

    previous = svc.set_cell(store, line, "2017/18", "£7,600")
    assert (cell().amount_pence, cell().note, cell().stated_change) == (760_000, previous.note, "1.7")
    assert previous.note == "Cost to be reimbursed from WSCSP key statutory partners"
    svc.set_cell(store, line, "2017/18", "TBC")
    assert (cell().status, cell().note) == ("tbc", previous.note)
    svc.set_cell(store, line, "2017/18", "£7,700 (Agreed at the board)")  # a note typed with it replaces it
    assert cell().note == "Agreed at the board"
    svc.set_cell(store, line, "2017/18", previous)  # undo puts back exactly what was there
    assert cell() == previous


def test_a_note_taken_out_of_the_text_that_shows_it_is_removed(store):
    """The grid now edits a cell with its note ("£7,700 (Agreed at the board)"): before, the note could not be
    removed at all, as an amount typed without one kept the old note."""
    plan = svc.create_plan(store, "Plan", columns=["2017/18"])
    line = svc.add_line(store, svc.add_section(store, plan, "Costs"), "Target hardening")
    svc.set_cell(store, line, "2017/18", "£4,000 (£2,000 per District) (Agreed at the board)", stated_change="1.7")
    column = svc.column_id(store, plan, "2017/18")

    def cell():
        return svc.load_plan(store, plan).sections[0].lines[0].cells[column]

    assert cell().edit_text() == "£4,000 (£2,000 per district) (Agreed at the board)"
    svc.set_cell(store, line, "2017/18", "£4,000 (£2,000 per district)", note_in_text=True)
    assert (cell().note, cell().per_district_pence, cell().stated_change) == ("", 200_000, "1.7")
    assert cell().edit_text() == "£4,000 (£2,000 per district)"


def test_stated_totals_are_kept_beside_the_computed_ones(store):
    plan = svc.create_plan(store, "Plan", columns=["2012/13"], total_label="Base budget")
    section = svc.add_section(store, plan, "Drugs", kind="other", total_label="Subtotal")
    for label, amount in (("DIP", "114,900"), ("MARAC", "0"), ("Pooled", "64,200"), ("Other LAs", "33,000")):
        svc.set_cell(store, svc.add_line(store, section, label), "2012/13", amount)
    assert svc.set_stated_total(store, plan, "2012/13", "97,200", section_id=section) is None
    view = svc.plan_view(store, plan)
    assert view.warnings == ("Subtotal, 2012/13: the paper states £97,200 but the lines add up to £212,100 "
                             "(a difference of £114,900).",)
    assert not any(r.kind == "total" for r in view.rows)  # a section outside the total: no plan total
    previous = svc.clear_stated_total(store, plan, "2012/13", section_id=section)
    assert previous.amount_pence == 9_720_000 and svc.plan_view(store, plan).warnings == ()


def test_linked_lines_show_what_actually_happened(demo_store):
    view = svc.plan_view(demo_store, svc.plan_id_by_name(demo_store, demo.IMPLICATIONS))
    dhr = next(r for r in view.rows if r.label == "Domestic Homicide Reviews (DHRs)")
    assert [link.describe() for link in dhr.links] == ["Review WSCSP-DHR-2017-01: cost"]
    assert [a.pence for a in dhr.actuals] == [752_558, None, None]  # the review's cost, invoiced in 2017/18
    hardening = next(r for r in view.rows if r.label == "Target Hardening for High Risk DV Victims")
    assert [a.pence for a in hardening.actuals] == [None, 400_000, None]  # Babergh's and Mid Suffolk's £2,000
    assert hardening.cells[1].pence == 400_000
    # its spend beside its contributions would add money out to money in (£6,417, a figure of neither: S71)
    with pytest.raises(BudgetError, match="already counts contributions"):
        svc.link_line(demo_store, hardening.line_id, fund="Suffolk Target Hardening Pilot")
    for each in hardening.links:
        svc.unlink_line(demo_store, each.id)
    link = svc.link_line(demo_store, hardening.line_id, fund="Suffolk Target Hardening Pilot")  # its spend alone
    spend = next(r for r in svc.plan_view(demo_store, view.plan.id).rows if r.line_id == hardening.line_id)
    assert spend.actuals[1].pence == 241_700
    svc.unlink_line(demo_store, link)
    with pytest.raises(BudgetError, match="contributions"):
        svc.link_line(demo_store, hardening.line_id, review="WSCSP-DHR-2017-01", organisation="Babergh District Council")


def test_every_plan_of_the_example_comes_from_a_paper(demo_store):
    names = [p.name for p in svc.list_plans(demo_store)]
    assert names == sorted([demo.MTFP, demo.REVENUE, demo.UNIT_COSTS, demo.IMPLICATIONS], key=str.casefold)
    assert all("seed 00" in p.source for p in svc.list_plans(demo_store))
    from safer_desk.services.illustrative import illustrative_rows

    assert illustrative_rows(demo_store, "budget_cells") == {}


def test_a_flag_is_on_the_line_it_is_about_when_two_sections_have_a_line_of_that_name(store):
    """Babergh's "Target hardening" £6,000 (£2,000 per District) divides; Mid Suffolk's £5,000 (£2,000 per
    District) does not. Both rows showed the ⚠, and the warning did not say which section it meant."""
    plan = svc.create_plan(store, "Two districts plan", columns=["2017/18", "2018/19"])
    lines = {}
    for name in ("Babergh", "Mid Suffolk"):
        section = svc.add_section(store, plan, name)
        lines[name] = svc.add_line(store, section, "Target hardening")
        svc.add_line(store, section, "Staff")
    assert svc.set_cell(store, lines["Babergh"], "2018/19", "£6,000 (£2,000 per District)") is None
    assert svc.set_cell(store, lines["Mid Suffolk"], "2018/19", "£5,000 (£2,000 per District)") is None
    view = svc.plan_view(store, plan)
    flagged = {(r.line_id, c.flag != "") for r in view.rows if r.kind == "line" for c in r.cells[1:2]}
    assert {lid for lid, f in flagged if f} == {lines["Mid Suffolk"]}
    assert len(view.warnings) == 1 and view.warnings[0].startswith("Target hardening (Mid Suffolk), 2018/19: ")
