"""Round 37 (mfr): the register's search box and its Export… know where each project of a county file came from.

Round 36 gave the register a *Merged from* column in a county file (DESIGN §3: each row keeps where it came from).
Its own heading's filter found a project by the office that sent it, and so did the Reviews search; the register's
search box did not ("Mid Suffolk office" found nothing), and Export… wrote every column but that one, so the file a
county lead sent on said less than the window had shown.
"""

from __future__ import annotations

import csv
from types import SimpleNamespace

import pytest

from safer_desk.domain.ids import new_id
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services.projects import Project, add_projects, project_from_fields
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template

TYPED = "Typed in the county file"
ORIGINS = {"Babergh youth diversion": "Babergh office", "Mid Suffolk youth diversion": "Mid Suffolk office",
           "Babergh outreach": "Babergh office", "Mid Suffolk outreach": "Mid Suffolk office",
           "County-wide review of diversion": TYPED}
HOSTILE = '=HYPERLINK("http://example.invalid","Mid Suffolk")'  # an office name that reads as a formula


def _files(tmp_path, mid_name: str = "Mid Suffolk office"):
    """Babergh's and Mid Suffolk's exports merged into a county file, and a project typed in the county file. Each
    office numbered its outreach project 1, with a cost line."""
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", mid_name, districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        add_own_rows(babergh, "Babergh", review=False, fund=False)
        add_own_rows(mid, "Mid Suffolk", review=False, fund=False)
        for office, name in ((babergh, "Babergh"), (mid, "Mid Suffolk")):
            add_projects(office, [project_from_fields({"title": f"{name} outreach", "ref": "1", "cost": "£10,000"},
                                                      cost_lines=[("2025/26", "staff", "worker", "£10,000")])])
        merge(county, [export(babergh, tmp_path / "b.sqlite"), export(mid, tmp_path / "m.sqlite")])
        add_projects(county, [Project(id=new_id(), title="County-wide review of diversion", areas=("Countywide",))])
    finally:
        mid.close()
    return SimpleNamespace(county=county, babergh=babergh)


@pytest.fixture
def files(tmp_path):
    made = _files(tmp_path)
    yield made
    made.county.close()
    made.babergh.close()


def _kept(presenter: ProjectsPresenter, text: str) -> list[str]:
    keep = presenter.filter_predicate(text=text)
    return sorted(p.title for p in presenter.rows if keep is None or keep(p))


def test_the_search_finds_a_project_by_the_office_it_came_from(files):
    register = ProjectsPresenter(files.county)
    register.reload()
    assert _kept(register, "Mid Suffolk office") == ["Mid Suffolk outreach", "Mid Suffolk youth diversion"]
    assert _kept(register, "office") == ["Babergh outreach", "Babergh youth diversion", "Mid Suffolk outreach",
                                         "Mid Suffolk youth diversion"]
    assert _kept(register, "typed in the county") == ["County-wide review of diversion"]
    # a word of the title and a word of the office together, as the Reviews search finds them
    assert _kept(register, "diversion babergh office") == ["Babergh youth diversion"]
    # with the other filters still applied
    assert [p.title for p in register.rows if register.filter_predicate(area="Babergh", text="office")(p)] == [
        "Babergh youth diversion"]


def test_an_office_s_own_search_finds_nothing_by_an_office_s_name(files):
    register = ProjectsPresenter(files.babergh)
    register.reload()
    assert _kept(register, "Babergh office") == []
    assert _kept(register, "typed") == []
    assert _kept(register, "youth") == ["Babergh youth diversion"]
    assert _kept(register, "") == ["Babergh outreach", "Babergh youth diversion"]


def _open_register(window, store, qtbot):
    store.close()
    assert window.open_path(store.path)
    page = window.show_tab("projects").register
    qtbot.waitUntil(lambda: not page.loading and bool(page.model.rows), timeout=10000)
    return page


def _titles(page) -> list[str]:
    return sorted(page.project_at(r).title for r in range(page.proxy.rowCount()))


def test_the_register_s_search_box_finds_the_office_a_project_came_from(window, files, qtbot):
    page = _open_register(window, files.county, qtbot)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "Mid Suffolk office")
    qtbot.waitUntil(lambda: _titles(page) == ["Mid Suffolk outreach", "Mid Suffolk youth diversion"], timeout=5000)
    assert page.count.text() == "2 of 5 projects"
    page.search.clear()
    qtbot.keyClicks(page.search, "typed in the county")
    qtbot.waitUntil(lambda: _titles(page) == ["County-wide review of diversion"], timeout=5000)


def _csv(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _merged_from_cells(path) -> list:
    """The Projects sheet's *Merged from* cells (under its title, a blank line and the headings)."""
    import openpyxl

    sheet = openpyxl.load_workbook(path)["Projects"]
    rows = list(sheet.iter_rows())
    top = next(n for n, row in enumerate(rows) if row[0].value == "Ref")
    at = [c.value for c in rows[top]].index("Merged from")
    return [row[at] for row in rows[top + 1:]]


def test_the_register_s_export_writes_merged_from_as_the_window_shows_it(window, files, qtbot, tmp_path, prompts):
    page = _open_register(window, files.county, qtbot)
    target = tmp_path / "register.csv"
    prompts.file_names.append(str(target))
    page.export_register()
    rows = _csv(target)
    assert {r["Title"]: r["Merged from"] for r in rows} == ORIGINS
    header = list(rows[0])
    assert header.index("Merged from") == header.index("Areas covered") + 1  # beside the areas, as in the window
    # filtered by its own heading, the export holds those rows, and says which filter
    c = page.model.column_index("merged_from")
    page.view.filter_column(c, "mid suffolk")
    xlsx = tmp_path / "register.xlsx"
    prompts.file_names.append(str(xlsx))
    page.export_register()
    import openpyxl

    book = openpyxl.load_workbook(xlsx)
    assert book["Projects"]["A1"].value.endswith("2 of 5 projects (as filtered: Merged from “mid suffolk”)")
    assert [c.value for c in _merged_from_cells(xlsx)] == ["Mid Suffolk office"] * 2
    said = f"Saved 2 of 5 projects (as filtered: Merged from “mid suffolk”) to {xlsx}."
    assert prompts.infos[-1] == ("Export", said)
    # the cost lines of the two offices' projects numbered 1 say whose each is
    page.view.filter_column(c, "")
    prompts.file_names.append(str(xlsx))
    page.export_register()
    lines = [[c.value for c in row] for row in openpyxl.load_workbook(xlsx)["Cost lines"].iter_rows()]
    assert lines[0][:3] == ["Ref", "Title", "Merged from"]
    assert sorted(line[:3] for line in lines[1:]) == [["1", "Babergh outreach", "Babergh office"],
                                                     ["1", "Mid Suffolk outreach", "Mid Suffolk office"]]


def test_an_office_s_own_export_has_no_merged_from(window, files, qtbot, tmp_path, prompts):
    page = _open_register(window, files.babergh, qtbot)
    target = tmp_path / "register.csv"
    prompts.file_names.append(str(target))
    page.export_register()
    rows = _csv(target)
    assert sorted(r["Title"] for r in rows) == ["Babergh outreach", "Babergh youth diversion"]
    assert "Merged from" not in rows[0]


def test_an_office_name_that_reads_as_a_formula_is_written_as_text(tmp_path):
    made = _files(tmp_path, mid_name=HOSTILE)
    try:
        register = ProjectsPresenter(made.county)
        register.reload()
        register.export(tmp_path / "register.csv")
        rows = _csv(tmp_path / "register.csv")
        assert {r["Title"]: r["Merged from"] for r in rows}["Mid Suffolk youth diversion"] == "'" + HOSTILE
        register.export(tmp_path / "register.xlsx")
        cells = _merged_from_cells(tmp_path / "register.xlsx")
        assert {c.value for c in cells} == {"Babergh office", HOSTILE, TYPED}
        assert {c.data_type for c in cells} == {"s"}  # text, never a formula Excel would run
    finally:
        made.county.close()
        made.babergh.close()
