"""Session 71: a linked line's actuals at the command line and in the county workbook.

The Budgets tab and the board report show what a line's project, funder's share, fund or review actually shows
each year beside the paper's figure, but `safer-desk budget` and the county workbook's Budgets sheet gave the
paper's figures only: seed 002's DHR line, £7,525.58 planned for 2017/18, with a further £1,000 invoiced for the
review, read £8,525.58 in the window and nothing but £7,525.58 for a county lead. `budget --actuals` now adds
linked_to, actual and difference after the other columns (the default columns stay as they are) and the sheet
gains Linked to, Actual (£) and Difference (£) after its own, from the one service the window uses.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import openpyxl

from safer_desk.cli import main
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.services import dhr
from safer_desk.services.county import export_for_county
from safer_desk.services.demo_data import budgets as demo
from safer_desk.services.projects import add_projects, get_project, project_from_fields, save_project
from safer_desk.services.report_sections.budgets import plan_table
from safer_desk.storage.store import open_store
from tests.budgets.test_link_dialog_round42tsv import LINE, MID, files  # noqa: F401 (the fixture)

DHR = "Domestic Homicide Reviews (DHRs)"
HARDENING = "Target Hardening for High Risk DV Victims"
DOCUMENTED = ["plan", "section", "line", "year", "amount", "status", "per_district"]


def run(capsys, *argv):
    code = main(list(map(str, argv)))
    out = capsys.readouterr()
    return code, out.out, out.err


def _overspent(path):
    """Seed 002's reviewed DHR with £1,000 more invoiced in 2017/18, £500 in 2018/19 (TBC in the paper) and £250 not
    dated yet."""
    store = open_store(path)
    try:
        case = store.scalar("SELECT id FROM dhr_cases WHERE reference = 'WSCSP-DHR-2017-01'")
        dhr.add_cost_line(store, case, category="Administration", amount="1000", invoiced_on="2017-09-01")
        dhr.add_cost_line(store, case, category="Administration", amount="500", invoiced_on="2018-05-01")
        dhr.add_cost_line(store, case, category="Administration", amount="250")
    finally:
        store.close()


def test_budget_actuals_appends_the_linked_figures_and_keeps_the_documented_columns(demo_path, capsys):
    _overspent(demo_path)
    code, plain, _ = run(capsys, "budget", demo_path, demo.IMPLICATIONS)
    assert code == 0
    code, out, err = run(capsys, "budget", demo_path, demo.IMPLICATIONS, "--actuals")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == DOCUMENTED + ["linked_to", "actual", "difference"]
    # the documented columns, row for row, as without the option
    assert [r[:len(DOCUMENTED)] for r in rows[1:]] == list(csv.reader(io.StringIO(plain)))[1:]
    by = {(r["line"], r["year"]): r for r in csv.DictReader(io.StringIO(out))}
    first = by[(DHR, "2017/18")]
    assert (first["amount"], first["linked_to"], first["actual"], first["difference"]) == (
        "7525.58", "Review WSCSP-DHR-2017-01: cost", "8525.58", "1000")  # the overspend the window shows
    assert (by[(DHR, "2018/19")]["status"], by[(DHR, "2018/19")]["actual"], by[(DHR, "2018/19")]["difference"]) == (
        "tbc", "500", "")  # against TBC there is no difference to give
    assert by[(HARDENING, "2018/19")]["actual"] == "4000" and by[(HARDENING, "2018/19")]["difference"] == "0"
    assert by[("E-CINS/Athena Partnership Platform", "2017/18")]["linked_to"] == ""
    assert by[("Net Effect", "2017/18")]["actual"] == ""
    # the undated £250, said as the window and the board report say it
    assert "safer-desk: note: Western Suffolk CSP financial implications 2017/18 – 2019/20: Domestic Homicide " \
           "Reviews (DHRs), actual: Review WSCSP-DHR-2017-01: £250 of its costs (1 cost line) has no invoice " \
           "date" in err


def test_the_actuals_are_the_windows_and_the_board_reports(demo_path, capsys):
    _overspent(demo_path)
    code, out, _ = run(capsys, "budget", demo_path, "--actuals")
    assert code == 0
    cli = {(r["line"], r["year"]): r["actual"] for r in csv.DictReader(io.StringIO(out))
           if r["plan"] == demo.IMPLICATIONS and r["line"] in (DHR, HARDENING)}
    store = open_store(demo_path)
    try:
        presenter = BudgetsPresenter(store)
        presenter.reload()
        plan = svc.plan_id_by_name(store, demo.IMPLICATIONS)
        presenter.select(plan)
        window = {(r.label, year): c.actual for r in presenter.rows if r.label in (DHR, HARDENING)
                  for year, c in zip(demo.IMPLICATION_YEARS, r.cells)}
        report = plan_table(svc.plan_view(store, plan))
    finally:
        store.close()
    assert window[(DHR, "2017/18")] == "£8,525.58" and cli[(DHR, "2017/18")] == "8525.58"
    # 2017/18, before the target-hardening fund began: "— (not started)" in the window, no figure on the command line
    assert window.pop((HARDENING, "2017/18")) == "— (not started)" and cli.pop((HARDENING, "2017/18")) == ""
    assert {k: v.replace("£", "").replace(",", "") for k, v in window.items()} == cli
    (actual_row,) = [r for r in report.rows if r[0].startswith("    actual: Review")]
    assert actual_row[1:4] == ["£8,525.58", "£500.00", ""]  # the table has pence (s73)


def test_a_share_taken_out_of_its_project_is_said_and_a_blank_year_with_an_actual_listed(store, capsys):
    (project,) = add_projects(store, [project_from_fields({
        "title": "IDVA service", "ref": "4", "cost": "£60,000", "laa_outcome": "yes", "start_date": "01/04/2017",
        "funding_sources": "OPCC (2017/18): £20,000\nOPCC (2018/19): £3,000\nHome Office (2017/18): £37,000"})])
    plan = svc.create_plan(store, "Community safety budget", columns=["2017/18", "2018/19"])
    line = svc.add_line(store, svc.add_section(store, plan, "Expenditure"), "OPCC contribution to the IDVA service")
    svc.set_cell(store, line, "2017/18", "18,000")
    svc.link_line(store, line, project=project, measure="share", funder="OPCC")
    code, out, err = run(capsys, "budget", store.path, "--actuals")
    assert code == 0 and "actual:" not in err
    rows = {r["year"]: r for r in csv.DictReader(io.StringIO(out)) if r["line"].startswith("OPCC")}
    assert (rows["2017/18"]["actual"], rows["2017/18"]["difference"]) == ("20000", "2000")
    # 2018/19 is blank in the paper, but £3,000 of the OPCC's money went in: listed, not left out
    assert (rows["2018/19"]["status"], rows["2018/19"]["amount"], rows["2018/19"]["actual"],
            rows["2018/19"]["difference"]) == ("blank", "", "3000", "")
    code, out, _ = run(capsys, "budget", store.path)
    assert [r["year"] for r in csv.DictReader(io.StringIO(out)) if r["line"].startswith("OPCC")] == ["2017/18"]

    p = get_project(store, project)
    save_project(store, replace(p, funding_sources=tuple(
        replace(s, source="Police and Crime Commissioner") if s.source == "OPCC" else s for s in p.funding_sources)))
    code, out, err = run(capsys, "budget", store.path, "Community safety budget", "--actuals")
    assert code == 0
    rows = {r["year"]: r for r in csv.DictReader(io.StringIO(out)) if r["line"].startswith("OPCC")}
    assert (rows["2017/18"]["actual"], rows["2017/18"]["difference"]) == ("", "")
    note = next(r.actuals_note for r in svc.plan_view(store, plan).rows if r.links)
    assert f"safer-desk: note: Community safety budget: OPCC contribution to the IDVA service, actual: {note}" in err
    assert "the project has no share from OPCC any more" in note


def test_budget_actuals_exit_codes(demo_path, capsys):
    code, out, err = run(capsys, "budget", demo_path, "Nope", "--actuals")
    assert code == 1 and out == "" and demo.MTFP in err
    try:
        code = main(["budget", str(demo_path), "--actual-figures"])
    except SystemExit as exc:
        code = exc.code
    assert code == 2


def test_the_county_workbook_gains_the_actuals_after_its_columns(demo_path, tmp_path):
    _overspent(demo_path)
    store = open_store(demo_path)
    try:
        export_for_county(store, tmp_path / "county.xlsx")
    finally:
        store.close()
    ws = openpyxl.load_workbook(tmp_path / "county.xlsx")["Budgets"]
    header = next(r for r in ws.iter_rows() if r[0].value == "Section")
    assert [c.value for c in header] == ["Section", "Line", "Year", "Amount (£)", "Total (£)", "As the paper states it",
                                         "In the plan total", "Note", "Linked to", "Actual (£)", "Difference (£)"]
    at = {c.value: c.column - 1 for c in header}
    rows = {(r[1].value, r[2].value): r for r in ws.iter_rows(min_row=header[0].row + 1) if r[1].value == DHR}
    first = rows[(DHR, "2017/18")]
    assert (first[at["Amount (£)"]].value, first[at["Actual (£)"]].value, first[at["Difference (£)"]].value) == (
        7525.58, 8525.58, 1000)
    assert first[at["Actual (£)"]].number_format.startswith("£")
    assert first[at["Linked to"]].value == "Review WSCSP-DHR-2017-01: cost"
    assert (rows[(DHR, "2018/19")][at["Actual (£)"]].value, rows[(DHR, "2018/19")][at["Difference (£)"]].value) == (
        500, None)
    text = " ".join(str(c.value) for r in ws.iter_rows() for c in r if c.value)
    assert "Domestic Homicide Reviews (DHRs), actual: Review WSCSP-DHR-2017-01: £250 of its costs" in text


def test_the_county_workbook_names_a_linked_project_with_its_office_as_the_window_does(files, tmp_path):  # noqa: F811
    """Two offices' "1. Sanctuary scheme" in a county file: the window and `budget --actuals` say which office's the
    line counts; the workbook, read from the export (which keeps no note of where a row came from), said "Project 1.
    Sanctuary scheme: cost" of either."""
    county = open_store(files.county)
    try:
        line = next(r.line_id for r in svc.plan_view(county, files.plan).rows if r.kind == "line")
        svc.link_line(county, line, project=files.mid_id)
        svc.set_cell(county, line, "2025/26", "£11,000")
        (window,) = [link.describe() for r in svc.plan_view(county, files.plan).rows for link in r.links]
        export_for_county(county, tmp_path / "county.xlsx")
    finally:
        county.close()
    assert window == f"Project {MID}: cost"
    ws = openpyxl.load_workbook(tmp_path / "county.xlsx")["Budgets"]
    header = next(r for r in ws.iter_rows() if r[0].value == "Section")
    at = {c.value: c.column - 1 for c in header}
    (row,) = [r for r in ws.iter_rows(min_row=header[0].row + 1) if r[1].value == LINE]
    assert row[at["Linked to"]].value == window
    text = " ".join(str(c.value) for r in ws.iter_rows() for c in r if c.value)
    assert f"{LINE}, actual: Project {MID}: cost: £12,000 of it is in no year" in text


def test_a_plan_in_thousands_exported_says_its_actual_in_pounds_as_its_figures(demo_store):
    """Export… of seed 004's revenue budget (£'000) gives its figures in pounds ("Figures in pounds" in its title:
    884000 for the paper's 884); a linked line's note said "2011/12 Budget: actually 1" of £1,000 invoiced, read
    beside the pounds as £1."""
    plan = svc.plan_id_by_name(demo_store, demo.REVENUE)
    line = next(r.line_id for r in svc.plan_view(demo_store, plan).rows if r.kind == "line")
    case = demo_store.scalar("SELECT id FROM dhr_cases WHERE reference = 'WSCSP-DHR-2017-01'")
    svc.link_line(demo_store, line, review=case)
    dhr.add_cost_line(demo_store, case, category="Administration", amount="1000", invoiced_on="2011-09-01")
    p = BudgetsPresenter(demo_store)
    p.reload()
    p.select(plan)
    sheet = p.plan_sheet()
    assert "Figures in pounds" in sheet.title
    notes = next(r for r in sheet.rows if r[0] == "A Budget Net")[-1]
    assert "2011/12 Budget: actually £1,000" in notes and "actually 1;" not in notes, notes


def test_the_grid_says_the_difference_the_command_line_gives(demo_path, window, capsys):
    """The cell's tooltip said "Actually …: £8,525.58" beside the paper's £7,525.58, leaving the officer to work out
    the £1,000 overspend that `budget --actuals` now prints as its difference: it says it too."""
    from PySide6.QtCore import Qt

    _overspent(demo_path)
    assert main(["budget", str(demo_path), demo.IMPLICATIONS, "--actuals"]) == 0
    cli = {(r["line"], r["year"]): r["difference"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert window.open_path(demo_path)
    tab = window.show_tab("budgets")
    tab.presenter.select(svc.plan_id_by_name(window.session.store, demo.IMPLICATIONS))
    m = tab.model
    row = next(r for r in range(m.rowCount()) if m.row(r).label == DHR)
    tips = [m.index(row, c).data(Qt.ItemDataRole.ToolTipRole) or "" for c in m.year_columns]
    assert cli[(DHR, "2017/18")] == "1000"
    assert "Actually (what the line is linked to shows): £8,525.58, £1,000 more than the paper's £7,525.58" in tips[0]
    assert "£500" in tips[1] and "than the paper's" not in tips[1]  # against TBC, no difference is worked out
    hardening = next(r for r in range(m.rowCount()) if m.row(r).label == HARDENING)
    tip = m.index(hardening, m.year_columns[1]).data(Qt.ItemDataRole.ToolTipRole)
    assert "Actually (what the line is linked to shows): £4,000" in tip.splitlines()  # as planned: no more said
