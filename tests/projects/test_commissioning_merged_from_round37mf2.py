"""Round 37 (mf2): Projects > Commissioning says which office each project of a county file came from.

Round 36 gave the register a *Merged from* column in a county file (DESIGN §3: each row keeps where it came from).
Commissioning did not: two offices that each numbered an "Outreach worker" 1 gave two rows alike in the table to
tick, in Compare, in What fits?'s suggestion, in the page's messages ("Outreach worker: no cost is stated") and in
the scenario's export and PDF. An office's own file shows and writes nothing new.
"""

from __future__ import annotations

import csv
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.exchange.tables import write_table
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import projects_commissioning as com
from safer_desk.services.projects import add_projects, load_projects, project_from_fields
from safer_desk.services.provenance import NOT_A_COUNTY_FILE, PROJECTS, RowOrigins, row_origins
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

TYPED = "Typed in the county file"
BOTH = "Both outreach workers"
ONE = "Babergh's worker only"


def _outreach(store, cost: str) -> None:
    fields = {"title": "Outreach worker", "ref": "1", "cost": cost, "laa_outcome": "yes"}
    add_projects(store, [project_from_fields(fields, cost_lines=[("2025/26", "staff", "worker", cost)])])


def _files(tmp_path):
    """Babergh's and Mid Suffolk's exports merged into a county file; each office numbered its "Outreach worker"
    1. The county typed a review of its own and saved two scenarios."""
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        _outreach(babergh, "£10,000")
        _outreach(mid, "£12,000")
        merge(county, [export(babergh, tmp_path / "b.sqlite"), export(mid, tmp_path / "m.sqlite")])
        add_projects(county, [project_from_fields({"title": "County-wide review", "ref": "2", "cost": "£2,000",
                                                   "laa_outcome": "yes"})])
        projects = load_projects(county)
        by_cost = {p.planning_pence: p.id for p in projects}
        ids = SimpleNamespace(babergh=by_cost[1_000_000], mid=by_cost[1_200_000])
        com.save_scenario(county, com.new_scenario(BOTH, 3_000_000, [com.ScenarioItem(ids.babergh),
                                                                      com.ScenarioItem(ids.mid)]))
        com.save_scenario(county, com.new_scenario(ONE, 3_000_000, [com.ScenarioItem(ids.babergh)]))
    finally:
        mid.close()
    return SimpleNamespace(county=county, babergh=babergh, ids=ids)


@pytest.fixture
def files(tmp_path):
    made = _files(tmp_path)
    yield made
    made.county.close()
    made.babergh.close()


def _presenter(store) -> CommissioningPresenter:
    presenter = CommissioningPresenter(store)
    presenter.set_projects(load_projects(store), row_origins(store, PROJECTS))
    return presenter


def _saved(store, name: str) -> com.Scenario:
    return next(s for s in com.list_scenarios(store) if s.name == name)


def _csv(path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


# -- without a window ----------------------------------------------------------------------------------------------

def test_the_scenario_s_export_and_pdf_say_which_office_each_project_came_from(files, tmp_path):
    p = _presenter(files.county)
    result = com.evaluate_saved(files.county, _saved(files.county, BOTH), p.projects)
    write_table(tmp_path / "s.csv", com.scenario_sheets(result, p.origins))
    rows = _csv(tmp_path / "s.csv")
    header = rows[0]
    assert header[:3] == ["Ref", "Project / Initiative", "Merged from"]  # beside the title, as the paper reads
    assert sorted((r[1], r[2]) for r in rows[1:3]) == [("Outreach worker", "Babergh office"),
                                                       ("Outreach worker", "Mid Suffolk office")]
    committed = header.index("Committed")
    # the total and the fund under it are no project's: nothing said of where they came from
    assert [(r[1], r[2], r[committed]) for r in rows[-3:]] == [("Total committed", "", "22000"), ("Fund", "", "30000"),
                                                             ("Remaining", "", "8000")]
    write_table(tmp_path / "s.xlsx", com.scenario_sheets(result, p.origins))
    import openpyxl

    sheet = openpyxl.load_workbook(tmp_path / "s.xlsx")[BOTH]
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    top = next(n for n, row in enumerate(cells) if row[0] == "Ref")
    at = cells[top].index("Committed (£)")
    assert sorted((row[2], row[at]) for row in cells[top + 1:top + 3]) == [("Babergh office", 10000),
                                                                           ("Mid Suffolk office", 12000)]
    assert sheet.cell(top + 2, at + 1).number_format != "General"  # Committed is still written as money
    html = com.scenario_html(result, origins=p.origins)
    assert "<th>Merged from</th>" in html and "Mid Suffolk office" in html


def test_compare_and_what_fits_say_which_office(files):
    p = _presenter(files.county)
    a, b = (com.evaluate_saved(files.county, _saved(files.county, name), p.projects) for name in (BOTH, ONE))
    rows = com.compare(a, b, p.origins)
    assert sorted((r.title, r.merged_from, r.a_pence, r.b_pence) for r in rows[:2]) == [
        ("Outreach worker", "Babergh office", 1_000_000, 1_000_000),
        ("Outreach worker", "Mid Suffolk office", 1_200_000, None)]
    assert {r.merged_from for r in rows[2:]} == {""}  # Total committed, Fund, Remaining
    p.set_fund("£12,000")
    said = p.suggestion_text(p.suggest())
    # the office said where another project reads the same, not of every project (a list of offices' names)
    assert said.endswith(": 1. Outreach worker (merged from Babergh office), 2. County-wide review.")


def test_what_the_page_says_of_a_project_another_reads_as_names_its_office(files):
    """The page's messages name a project by its title: "Outreach worker: no cost is stated" could be either
    office's. Where another project reads the same, the office is said; not where the title is the register's only."""
    p = CommissioningPresenter(files.county)
    babergh, mid, review = (project_from_fields({"title": "Outreach worker", "ref": "1"}),
                            project_from_fields({"title": "Outreach worker", "ref": "1", "cost": "£5,000 - £6,000"}),
                            project_from_fields({"title": "County-wide review", "cost": "£1,000 - £2,000"}))
    origins = RowOrigins({babergh.id: "Babergh office", mid.id: "Mid Suffolk office"}, True, TYPED)
    p.set_projects([babergh, mid, review], origins)
    p.set_fund("£10,000")
    p.tick(babergh.id)
    said = "Outreach worker (merged from Babergh office): no cost is stated, so it cannot be committed yet."
    assert p.message == said
    p.tick(mid.id)
    p.tick(review.id)
    result = p.result()
    assert "Outreach worker (merged from Babergh office): no cost is stated, so it adds nothing to the commitment." \
        in result.problems
    assert "Outreach worker (merged from Mid Suffolk office): counts the upper end of £5,000 - £6,000." in result.notes
    assert "County-wide review: counts the upper end of £1,000 - £2,000." in result.notes  # no other reads so
    assert not p.set_scale(mid.id, "£9,000")  # more than the whole cost: asked about
    assert p.message.startswith("Outreach worker (merged from Mid Suffolk office): £9,000 of £6,000")
    # an office's own file: titles as they always were
    p.set_projects([babergh, mid, review], NOT_A_COUNTY_FILE)
    assert "Outreach worker: no cost is stated, so it adds nothing to the commitment." in p.result().problems


def test_an_office_s_own_scenario_says_nothing_of_offices(files, tmp_path):
    office = files.babergh
    p = _presenter(office)
    worker = p.projects[0].id
    com.save_scenario(office, com.new_scenario("Worker", 1_000_000, [com.ScenarioItem(worker)]))
    result = com.evaluate_saved(office, com.list_scenarios(office)[0], p.projects)
    write_table(tmp_path / "s.csv", com.scenario_sheets(result, p.origins))
    header = _csv(tmp_path / "s.csv")[0]
    assert header[:2] == ["Ref", "Project / Initiative"] and "Merged from" not in header
    assert "Merged from" not in com.scenario_html(result, origins=p.origins)
    assert com.scenario_sheets(result, p.origins) == com.scenario_sheets(result)  # as it always was
    assert {r.merged_from for r in com.compare(result, result, p.origins)} == {""}
    p.set_fund("£10,000")
    assert p.suggestion_text(p.suggest()).endswith(": 1. Outreach worker.")


# -- in the window -------------------------------------------------------------------------------------------------

def _open_commissioning(window, store, qtbot):
    store.close()
    assert window.open_path(store.path)
    tab = window.show_tab("projects")
    qtbot.waitUntil(lambda: not tab.register.loading and bool(tab.register.model.rows), timeout=10000)
    return tab.show_commissioning()


def _shown(page, key: str) -> list[tuple[str, str]]:
    c, title = page.model.column_index(key), page.model.column_index("title")
    return [(page.proxy.index(r, title).data(), page.proxy.index(r, c).data()) for r in range(page.proxy.rowCount())]


def test_the_table_to_tick_shows_sorts_filters_and_copies_merged_from(window, files, qtbot):
    page = _open_commissioning(window, files.county, qtbot)
    c = page.model.column_index("merged_from")
    assert page.model.columns[c].header == "Merged from"
    assert not page.view.isColumnHidden(c)
    assert sorted(_shown(page, "merged_from")) == [("County-wide review", TYPED),
                                                   ("Outreach worker", "Babergh office"),
                                                   ("Outreach worker", "Mid Suffolk office")]
    assert page.model.columns[c - 1].key == "title"  # beside the title, as the export writes it
    page.view.sortByColumn(c, Qt.SortOrder.DescendingOrder)
    assert [o for _, o in _shown(page, "merged_from")] == [TYPED, "Mid Suffolk office", "Babergh office"]
    page.view.filter_column(c, "mid suffolk")
    assert _shown(page, "merged_from") == [("Outreach worker", "Mid Suffolk office")]
    page.view.filter_column(c, "")
    page.view.selectAll()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = [line.split("\t") for line in QApplication.clipboard().text().splitlines()]
    at = copied[0].index("Merged from")
    assert sorted(line[at] for line in copied[1:]) == ["Babergh office", "Mid Suffolk office", TYPED]


def test_compare_what_fits_and_export_in_the_window(window, files, qtbot, tmp_path, prompts):
    page = _open_commissioning(window, files.county, qtbot)
    page.compare_a.setCurrentIndex(page.compare_a.findText(BOTH))
    page.compare_b.setCurrentIndex(page.compare_b.findText(ONE))
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    view, model = page.comparison_view, page.comparison
    c = model.column_index("merged_from")
    assert not view.isColumnHidden(c)
    assert sorted((model.index(r, 0).data(), model.index(r, c).data()) for r in range(2)) == [
        ("Outreach worker", "Babergh office"), ("Outreach worker", "Mid Suffolk office")]
    page.fund.clear()
    qtbot.keyClicks(page.fund, "£12,000")
    qtbot.mouseClick(page.fits_button, Qt.MouseButton.LeftButton)
    assert "1. Outreach worker (merged from Babergh office)" in page.suggestion_label.text()
    page.load_scenario(_saved(page.session.store, BOTH).id)
    target = tmp_path / "scenario.csv"
    prompts.file_names.append(str(target))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    rows = _csv(target)
    assert sorted(r[2] for r in rows[1:3]) == ["Babergh office", "Mid Suffolk office"]


def test_an_office_s_own_commissioning_page_hides_the_column(window, files, qtbot, tmp_path, prompts):
    office = files.babergh
    com.save_scenario(office, com.new_scenario("Worker", 1_000_000, [com.ScenarioItem(load_projects(office)[0].id)]))
    com.save_scenario(office, com.new_scenario("Nothing", 1_000_000, []))
    page = _open_commissioning(window, office, qtbot)
    assert page.view.isColumnHidden(page.model.column_index("merged_from"))
    page.view.selectAll()
    assert "Merged from" not in page.view.copy_text()
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    assert page.comparison_view.isColumnHidden(page.comparison.column_index("merged_from"))
    target = tmp_path / "scenario.csv"
    prompts.file_names.append(str(target))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert "Merged from" not in _csv(target)[0]
