"""History's area names, a paper's total line under another label, the register export's status (round 29).

Found by using the example file as a district officer and a county lead would:
- View > History of Changes said "population of Suffolk, 2019/20" and "area Suffolk" beside an action named
  "Record population of Suffolk (county) for 2019/20", and could not tell Cornwall the county from Cornwall the
  unitary district, which the Indicators tab and the board report name "Cornwall (county)" and "Cornwall (district)".
- a paper's total row under another label ("Suffolk total", "Total for Suffolk", "All CSPs total", "Total costs")
  was taken as a partnership, a budget line or a project, and counted every row above it twice.
- Projects > Export… wrote Status "proposed" where the register shows "Proposed".
"""

import csv
from dataclasses import replace
from itertools import cycle

import openpyxl
import pytest

from safer_desk.cli import main
from safer_desk.domain.allocation import total_line_message
from safer_desk.domain.periods import FinancialYear
from safer_desk.domain.projects import STATUS_LABELS, STATUSES
from safer_desk.domain.text import looks_like_total_line
from safer_desk.presenters.history import history_lines
from safer_desk.services import budgets
from safer_desk.services import indicators as ind
from safer_desk.services import projects as svc
from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store


# -- History names areas as the screens do ---------------------------------------------------------------
def test_a_countys_population_reads_with_its_kind_as_the_action_names_it(demo_path, capsys):
    for number in ("761,350", "761,400"):
        assert main(["population", str(demo_path), "Suffolk (county)", "2019/20", number, "--source", "ONS"]) == 0
    capsys.readouterr()
    store = open_store(demo_path, read_only=True)
    try:
        changed, recorded = history_lines(store, limit=2)
    finally:
        store.close()
    assert recorded.action == "Record population of Suffolk (county) for 2019/20"
    assert recorded.details == ("Added population of Suffolk (county), 2019/20: area Suffolk (county); year 2019/20; "
                                "population 761,350; source ONS",)
    assert changed.action == "Change population of Suffolk (county) for 2019/20"
    assert changed.summary == "Changed the population of Suffolk (county), 2019/20 from 761,350 to 761,400"


def test_a_baseline_names_a_county_as_the_indicators_tab_does(demo_store):
    demo = "\n".join(d for line in history_lines(demo_store, limit=500) for d in line.details)
    assert "area Suffolk (county); value 88.75%" in demo  # a baseline
    assert "area East Sussex; source" in demo  # a budget's area: no screen says its kind, no other East Sussex
    assert "area Babergh;" in demo or "area Plymouth;" in demo  # a district stays plain
    assert "area Suffolk;" not in demo


def test_cornwall_the_county_and_cornwall_the_district_are_told_apart(tmp_path):
    store = open_store(tmp_path / "cornwall.sqlite", create=True)
    try:
        ref.set_office_scope(store, districts=["Cornwall"], county="Cornwall")
        ind.set_population(store, "county:cornwall", FinancialYear(2019), 570_000, source="ONS")
        population, office = history_lines(store, limit=2)
        assert any(d.startswith("Added population of Cornwall (county), 2019/20: area Cornwall (county)")
                   for d in population.details)
        assert any(d.startswith("Added office area Cornwall (county): ") for d in office.details)
        assert any(d.startswith("Added office area Cornwall (district): ") for d in office.details)
        budgets.create_plan(store, "Cornwall plan", columns=["2019/20"], area_id="county:cornwall")
        assert "area Cornwall (county)" in history_lines(store, limit=1)[0].details[0]
    finally:
        store.close()


# -- a paper's total line under another label ----------------------------------------------------------
@pytest.mark.parametrize("label", [
    "Total", "TOTAL", "Totals", "Grand total", "Sub-total:", "Suffolk total", "Total for Suffolk", "All CSPs total",
    "All CSPs totals", "Total: all partnerships", "Total - Suffolk", "Total of all districts", "Column total",
    # as the seed papers print them (000, 002, 004)
    "Total costs", "Total Costs", "Total budget", "Total Expenditure",
    "Total PRG for Suffolk", "Total funding", "Total allocation"])
def test_a_total_line_under_another_label_is_known(label):
    assert looks_like_total_line(label)
    assert total_line_message(label) is not None


def _real_names(store) -> list[str]:
    return [r[0] for r in store.rows(
        "SELECT title FROM projects UNION SELECT label FROM budget_lines UNION SELECT name FROM budget_sections "
        "UNION SELECT name FROM partnerships UNION SELECT name FROM districts UNION SELECT name FROM organisations "
        "UNION SELECT name FROM funds UNION SELECT name FROM indicators UNION SELECT name FROM budget_plans")]


def test_real_names_are_not_taken_for_total_lines(demo_store):
    names = _real_names(demo_store) + ["Total Place pilot", "Totally Safe Project", "Grand Union Housing",
                                       "Total Respect", "Total-Safe Homes", "Subtotal Solutions Ltd", "All crime",
                                       "Totality", "Total cost of staff"]  # a budget line about a total
    assert len(names) > 80
    assert [n for n in names if looks_like_total_line(n)] == []


def test_a_budget_line_named_as_a_total_under_another_label_is_refused(store):
    plan = budgets.create_plan(store, "Test plan", columns=["2009/10"])
    section = budgets.add_section(store, plan, "Allocations")
    with pytest.raises(budgets.BudgetError, match="looks like a total line"):
        budgets.add_line(store, section, "Suffolk total")
    budgets.add_line(store, section, "Total Place pilot")


# -- the register's export says each status as the register shows it -------------------------------------
def test_the_register_export_writes_each_status_as_shown_and_pastes_back(demo_store, tmp_path):
    projects = [replace(p, status=status) for p, status in zip(svc.load_projects(demo_store), cycle(STATUSES))]
    shown = [STATUS_LABELS[p.status] for p in projects]
    assert shown[:3] == ["Proposed", "Shortlisted", "Commissioned"]
    svc.export_register(demo_store, tmp_path / "r.csv", projects)
    with (tmp_path / "r.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    status = rows[0].index("Status")
    assert [r[status] for r in rows[1:]] == shown
    svc.export_register(demo_store, tmp_path / "r.xlsx", projects)
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Projects"]
    assert [c.value for c in ws[3]][status] == "Status"
    assert [ws.cell(4 + i, status + 1).value for i in range(len(projects))] == shown
    pasted = svc.projects_from_reading(svc.read_paste(rows))
    assert [p.status for p in pasted] == [p.status for p in projects]
