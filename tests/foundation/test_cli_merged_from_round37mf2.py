"""Round 37 (mf2): `safer-desk projects` and `dhr-ledger --by-case` say which office each row of a county file came
from, as the window and the county workbook do (DESIGN §3: each row keeps where it came from).

Two offices that each numbered an "Outreach worker" 1 printed two rows alike. A county file's output now ends with a
`merged_from` column; an office's own output is byte for byte as it was (scripts read it).
"""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

import pytest

from safer_desk.services.projects import add_projects, project_from_fields
from safer_desk.storage.store import open_store
from tests.cli_run import run
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template

TYPED = "Typed in the county file"
PROJECTS_HEADER = ("id,title,status,funding_route,cost_min,cost_max,laa_outcome,csp_priority,cross_cutting,"
                   "additional,innovative,ref,laa_outcome_qualifier,csp_priority_qualifier,cross_cutting_qualifier,"
                   "additional_qualifier,innovative_qualifier,funders")
BY_CASE_HEADER = ("case,cost,billed,refused,written_off,resplit,carried,net_billed,paid,outstanding,shortfall,unbilled,"
                  "refunded")


@pytest.fixture
def files(tmp_path):
    """Babergh's and Mid Suffolk's exports merged into a county file (each office with a project, a review billed and
    an "Outreach worker" numbered 1), and a project typed in the county file."""
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        for office, name in ((babergh, "Babergh"), (mid, "Mid Suffolk")):
            add_own_rows(office, name, fund=False)
            add_projects(office, [project_from_fields({"title": "Outreach worker", "ref": "1", "cost": "£10,000"})])
        merge(county, [export(babergh, tmp_path / "b.sqlite"), export(mid, tmp_path / "m.sqlite")])
        add_projects(county, [project_from_fields({"title": "County-wide review"})])
    finally:
        for store in (babergh, mid, county):
            store.close()
    return SimpleNamespace(county=tmp_path / "county.sqlite", babergh=tmp_path / "babergh.sqlite")


def _rows(out: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(out)))


def test_projects_of_a_county_file_end_with_merged_from(files, capsys):
    code, out, err = run(capsys, "projects", files.county)
    assert code == 0, err
    header, *rows = _rows(out)
    assert ",".join(header) == PROJECTS_HEADER + ",merged_from"  # after every column as before: scripts keep theirs
    assert sorted((r[1], r[11], r[-1]) for r in rows) == [
        ("Babergh youth diversion", "", "Babergh office"), ("County-wide review", "", TYPED),
        ("Mid Suffolk youth diversion", "", "Mid Suffolk office"), ("Outreach worker", "1", "Babergh office"),
        ("Outreach worker", "1", "Mid Suffolk office")]


def test_projects_of_an_office_s_own_file_are_as_they_were(files, capsys):
    code, out, _ = run(capsys, "projects", files.babergh)
    assert code == 0
    header, *rows = _rows(out)
    assert ",".join(header) == PROJECTS_HEADER
    assert all(len(r) == len(header) for r in rows) and len(rows) == 2
    assert "office" not in out


def test_the_reviews_of_a_county_file_end_with_merged_from(files, capsys):
    code, out, err = run(capsys, "dhr-ledger", "--by-case", files.county)
    assert code == 0, err
    header, *rows = _rows(out)
    assert ",".join(header) == BY_CASE_HEADER + ",merged_from"
    assert {r[0]: r[-1] for r in rows} == {"BABERGH-DHR-2025-01": "Babergh office",
                                           "MID-SUFFOLK-DHR-2025-01": "Mid Suffolk office",
                                           "Total": ""}  # the Total row is every office's: it names none
    # per partner, there is no one office to say: the ledger is as it was
    code, out, _ = run(capsys, "dhr-ledger", files.county)
    assert _rows(out)[0] == ["partner", "billed", "paid", "refused", "outstanding", "overdue", "net_billed",
                             "refunded"]


def test_the_reviews_of_an_office_s_own_file_are_as_they_were(files, capsys):
    code, out, _ = run(capsys, "dhr-ledger", "--by-case", files.babergh)
    assert code == 0
    header, *rows = _rows(out)
    assert ",".join(header) == BY_CASE_HEADER
    assert [r[0] for r in rows] == ["BABERGH-DHR-2025-01", "Total"] and {len(r) for r in rows} == {len(header)}


@pytest.mark.parametrize("argv", [["projects"], ["dhr-ledger"]])
def test_the_help_says_so(capsys, argv):
    code, out, _ = run(capsys, *argv, "--help")
    assert code == 0
    said = " ".join(out.split())
    assert "merged_from" in said and "county file" in said
