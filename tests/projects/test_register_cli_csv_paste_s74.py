"""s74: `safer-desk projects FILE` prints the register as CSV under its machine column names (cost_min, cost_max,
laa_outcome_qualifier, funders, id). Pasted into another file's register (Paste rows…), those columns were headings
the register did not know: each project's cost, the criteria's qualifiers ("(in some areas)") and the funders' shares
were lost unless mapped by hand, and cost_min / cost_max could not be mapped at all (the register has one Cost). The
paste now reads the command line's own CSV: every column it prints that the register holds comes back equal, for
each of the example's 23 projects; the file's own ids (and a county file's merged_from) are set aside and said so."""

from __future__ import annotations

import csv
import io
from datetime import date

from safer_desk.services import projects as svc
from safer_desk.storage.store import open_store
from tests.cli_run import run

TODAY = date(2026, 12, 7)
# the fields `safer-desk projects` prints that a project holds
PRINTED = ("ref", "title", "status", "funding_route", "cost", "funding_sources", *svc.CRITERIA_KEYS)


def _cli_rows(capsys, path):
    code, out, err = run(capsys, "projects", path)
    assert code == 0, err
    return list(csv.reader(io.StringIO(out)))


def test_the_command_lines_csv_pasted_into_another_file_keeps_every_field_it_prints(demo_path, tmp_path, capsys):
    rows = _cli_rows(capsys, demo_path)
    reading = svc.read_paste(rows)
    assert reading.heading_row is True
    assert reading.unknown_headings == ()
    new = open_store(tmp_path / "new.sqlite", create=True)
    try:
        svc.add_projects(new, svc.projects_from_reading(reading, today=TODAY))
        again = {p.ref: p for p in svc.load_projects(new)}
    finally:
        new.close()
    with open_store(demo_path) as old:
        before = svc.load_projects(old)
    assert len(before) == 23 and sorted(again) == sorted(p.ref for p in before)
    assert any(p.cost and p.cost.kind == "range" for p in before)
    assert any(p.cost and p.cost.kind == "minimum" for p in before)
    assert any(p.criterion(k).qualifier for p in before for k in svc.CRITERIA_KEYS)
    assert any(p.funding_sources for p in before)
    for p in before:
        want = {k: v for k, v in svc.project_fields(p).items() if k in PRINTED}
        got = {k: v for k, v in svc.project_fields(again[p.ref]).items() if k in PRINTED}
        assert got == want, p.ref
    # and printed again from the new file, the rows are the same but for the ids, which are the new file's own
    second = _cli_rows(capsys, tmp_path / "new.sqlite")
    assert second[0] == rows[0]
    assert sorted(r[1:] for r in second[1:]) == sorted(r[1:] for r in rows[1:])


def test_the_ids_of_the_file_printed_are_set_aside_and_said_so(demo_path, capsys):
    reading = svc.read_paste(_cli_rows(capsys, demo_path))
    assert "id" in reading.not_pasted
    assert "it is not pasted" in reading.not_pasted_note()


def test_paste_rows_shows_the_command_lines_csv_as_the_registers_columns(demo_path, tmp_path, qtbot, capsys):
    from safer_desk.presenters.projects import ProjectsPresenter
    from safer_desk.ui.projects.paste import PastePreviewDialog

    rows = _cli_rows(capsys, demo_path)
    office = open_store(tmp_path / "office.sqlite", create=True, office_name="Ipswich office")
    try:
        presenter = ProjectsPresenter(office)
        presenter.reload()
        dialog = PastePreviewDialog(presenter.paste_preview(rows))
        qtbot.addWidget(dialog)
        headings = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
        assert "Cost" in headings and not {"id", "cost_min", "cost_max", "funders"} & set(headings), headings
        said = dialog.problems.text()
        assert "id is each project's own number" in said and "cost_min" not in said, said
        dialog.add()
        pasted = {p.ref: p for p in dialog.projects}
        assert pasted["13"].cost_text == "£54,372 - £62,372" and pasted["3"].cost_text == "Minimum £50,000"
    finally:
        office.close()


def test_a_county_files_merged_from_column_is_set_aside_as_the_register_sets_its_own_aside():
    reading = svc.read_paste([["id", "title", "status", "cost_min", "cost_max", "merged_from"],
                              ["a1", "Babergh night safe", "proposed", "4000", "4000", "Babergh office"]])
    assert reading.not_pasted == ("id", "merged_from") and reading.unknown_headings == ()
    [project] = svc.projects_from_reading(reading, today=TODAY)
    assert (project.title, project.cost_text) == ("Babergh night safe", "£4,000")
