"""Round 37 (xp2): a county file's register, exported and pasted (Projects > Paste rows…), says what its *Merged from*
column is. The preview listed it with the headings the register does not know ("Left out: … “Merged from” (headings
the register does not know)"), as if the lead had pasted someone else's sheet: it is the register's own column, where
each project of the county file came from, and is never pasted into a project."""

from __future__ import annotations

import csv

import pytest

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services.projects import Project, add_projects
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

SAID = "Merged from is where a county file's project came from; it is not pasted."


@pytest.fixture
def county_register(tmp_path):
    """The register of a county file holding Babergh office's project, exported as CSV (its rows)."""
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        add_projects(babergh, [Project(id="p-babergh", title="Babergh night safe", areas=("Babergh",))])
        merge(county, [export(babergh, tmp_path / "b.sqlite")])
        register = ProjectsPresenter(county)
        register.reload()
        path = register.export(tmp_path / "county register.csv")
    finally:
        babergh.close()
        county.close()
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert "Merged from" in rows[0]
    return rows


def test_pasting_a_county_register_says_what_merged_from_is(county_register, tmp_path, qtbot):
    from safer_desk.ui.projects.paste import PastePreviewDialog

    office = open_store(tmp_path / "office.sqlite", create=True, office_name="Ipswich office")
    try:
        presenter = ProjectsPresenter(office)
        presenter.reload()
        dialog = PastePreviewDialog(presenter.paste_preview(county_register))
        qtbot.addWidget(dialog)
        headings = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
        assert "Merged from" not in headings and "Title" in headings, headings
        said = dialog.problems.text()
        assert SAID in said and "“Merged from”" not in said, said
        assert dialog.add_button.isEnabled()
        dialog.add()
        assert [p.title for p in dialog.projects] == ["Babergh night safe"]
    finally:
        office.close()
