"""s74: the register exported as CSV (Export…, or the register's workbook) and pasted into another file came back with
every project's status dated the day of the paste ("Proposed since 07/12/2026" for the 2009 paper's proposals, whose
status the paper never dated): the Status date column was there, blank, and a blank was read as "today". A blank
Status date pasted now leaves the status undated, as it was; a dated one keeps its date; rows pasted with no Status
date column at all are still dated the day they are added. Every other field of every example project comes back as
it went."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date

from safer_desk.services import projects as svc
from safer_desk.storage.store import open_store

TODAY = date(2026, 12, 7)


def _csv_rows(store, path, projects=None):
    svc.export_register(store, path, projects)
    with path.open(encoding="utf-8-sig") as fh:
        return list(csv.reader(fh))


def _pasted_into_new_file(rows, path):
    new = open_store(path, create=True)
    try:
        svc.add_projects(new, svc.projects_from_reading(svc.read_paste(rows), today=TODAY))
        return {p.ref: p for p in svc.load_projects(new)}
    finally:
        new.close()


def test_every_field_of_the_register_comes_back_from_its_csv(demo_store, tmp_path):
    projects = svc.load_projects(demo_store)
    assert any(p.status_date is None for p in projects)  # the paper's statuses, undated
    dated = next(p for p in projects if p.status_date is None)
    projects = [replace(p, status_history=(svc.StatusChange(p.status, "2009-02-24"),)) if p is dated else p
                for p in projects]
    rows = _csv_rows(demo_store, tmp_path / "register.csv", projects)
    again = _pasted_into_new_file(rows, tmp_path / "new.sqlite")
    assert sorted(again) == sorted(p.ref for p in projects)
    for before in projects:
        after = again[before.ref]
        assert svc.project_fields(after) == svc.project_fields(before), before.ref
    assert again[dated.ref].status_date == "2009-02-24"
    # and exported again from the new file, the rows are the same, but for the warnings the cost lines gave
    warning = rows[0].index("Warning")
    second = _csv_rows(open_store(tmp_path / "new.sqlite"), tmp_path / "again.csv")
    assert sorted(r[:warning] for r in second) == sorted(r[:warning] for r in rows)


def test_rows_with_no_status_date_column_are_dated_the_day_they_are_added(tmp_path):
    again = _pasted_into_new_file([["Title", "Status"], ["Street pastors", "Proposed"]], tmp_path / "new.sqlite")
    assert [p.status_date for p in again.values()] == [TODAY.isoformat()]
