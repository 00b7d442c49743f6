"""Deciding conflicts by number (round 27).

1. Conflicts are numbered from 1 (as `safer-desk conflicts` lists them, "#1"). `--conflict 0` (or "#0", "00") was
   taken as well formed: `conflicts` refused it as "No open conflict matches '0'" (exit 1) after opening the file,
   and `merge … --keep district --conflict 0` merged the files first and then said so. A number no conflict can
   have is how the command is used: exit 2, naming --conflict, before any file is opened. A number that is well
   formed but not an open conflict of this file stays a refusal (exit 1), the file as it was.
2. A "number" in other digits ("²") passed the check (str.isdigit) and then stopped with a ValueError traceback.
3. Two district offices changing the same project and the same typed figure differently, merged, one conflict settled
   each way: the county holds the version chosen, once, and no conflict is left.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from safer_desk.services import indicators as ind
from safer_desk.services import projects as ps
from safer_desk.services.county import CountyError, check_conflict_selector, list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template
from tests.exchange.helpers import accept_key_args, cli_output

INDICATOR = "Referrals to domestic abuse services"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def change(store, cost: str, figure: float) -> None:
    p = ps.get_project(store, "p-shared")
    ps.save_project(store, ps.project_from_fields({**ps.project_fields(p), "cost": cost}, base=p))
    ind.save_values(store, ind.get_indicator(store, INDICATOR).id, "district:babergh",
                    [ind.PeriodValue("2025-04", figure)], require_red_comments=False)


@pytest.fixture
def two_exports(tmp_path) -> tuple[Path, Path]:
    """Babergh's and Mid Suffolk's exports, each with project p-shared's cost and Babergh's April 2025 referrals changed
    its own way."""
    from safer_desk.services.projects import Project, add_projects

    base = template(tmp_path, police=False)
    store = open_store(base)
    try:
        add_projects(store, [Project(id="p-shared", title="Western Suffolk youth work", areas=("Countywide",))])
        ind.save_indicator(store, INDICATOR)
    finally:
        store.close()
    sent = []
    for name, district, cost, figure in (("babergh", "Babergh", "£30,000", 1335.0),
                                         ("mid", "Mid Suffolk", "£40,000", 1340.0)):
        office = office_from(base, tmp_path / f"{name}.sqlite", f"{district} office", districts=[district])
        try:
            change(office, cost, figure)
            sent.append(export(office, tmp_path / f"{name}-export.sqlite"))
        finally:
            office.close()
    return sent[0], sent[1]


@pytest.fixture
def county_file(tmp_path, two_exports) -> Path:
    """The county file both exports were merged into: two conflicts open (the project, the figure)."""
    path = tmp_path / "county.sqlite"
    county = open_store(path, create=True, office_name="Suffolk county team")
    try:
        assert merge(county, list(two_exports)).refused == []
        assert len(list_conflicts(county)) == 2, [c.detail for c in list_conflicts(county)]
    finally:
        county.close()
    return path


@pytest.mark.parametrize("number", ["0", "#0", "00", "²"])
def test_a_conflict_number_no_conflict_can_have_is_a_usage_error_before_the_file_is_opened(county_file, capsys,
                                                                                          number):
    before = digest(county_file)
    code, out, err = cli_output(["conflicts", str(county_file), "--keep", "district", "--conflict", number])
    assert code == 2, err
    assert "error: argument --conflict" in err and "numbered from 1" in err, err
    assert "Traceback" not in err and out == ""
    assert digest(county_file) == before


def test_merge_with_conflict_zero_is_refused_before_anything_is_merged(tmp_path, two_exports):
    county = tmp_path / "new-county.sqlite"
    code, out, err = cli_output(["merge", str(county), str(two_exports[0]), *accept_key_args(),
                                 "--keep", "district", "--conflict", "0"])
    assert code == 2 and "error: argument --conflict" in err, err
    assert out == "" and not county.exists()


def test_the_service_refuses_a_number_no_conflict_can_have_in_words():
    for number in ("0", "#0", "²", 0):
        with pytest.raises(CountyError, match="numbered from 1"):
            check_conflict_selector(number)
    check_conflict_selector("7")
    check_conflict_selector("#12")


def test_a_well_formed_number_this_file_has_no_open_conflict_for_is_still_a_refusal(county_file):
    before = digest(county_file)
    code, out, err = cli_output(["conflicts", str(county_file), "--keep", "county", "--conflict", "99"])
    assert code == 1 and "no open conflict matches '99'" in err and "usage:" not in err, err
    assert digest(county_file) == before


def test_settling_one_conflict_each_way_leaves_the_chosen_figures_once(county_file):
    listed = cli_output(["conflicts", str(county_file)])[1]
    assert "#1 " in listed and "#2 " in listed and "#0" not in listed
    county = open_store(county_file)
    try:
        project = next(c for c in list_conflicts(county) if c.table == "projects")
        figure = next(c for c in list_conflicts(county) if c.table == "indicator_values")
        resolve_conflicts(county, "district", which=project.id)  # Mid Suffolk's £40,000
        resolve_conflicts(county, "county", which=str(figure.id))  # Babergh's 1,335, merged first
        assert list_conflicts(county) == []
        assert county.scalar("SELECT cost_min_pence FROM projects WHERE id = 'p-shared'") == 4_000_000
        assert county.scalar("SELECT value FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ?",
                           (ind.get_indicator(county, INDICATOR).id, "district:babergh", "2025-04")) == 1335.0
    finally:
        county.close()


def test_a_decision_refused_after_the_merge_says_the_files_were_merged(tmp_path, two_exports):
    """`merge … --keep district --conflict 5` merges first (the conflicts are found by the merge), then finds no
    conflict 5 among the files merged: exit 1, and the refusal says the merge itself went in and nothing was
    decided, not as if the county file were as it was."""
    county = tmp_path / "new-county.sqlite"
    code, out, err = cli_output(["merge", str(county), str(two_exports[0]), *accept_key_args(),
                                 "--keep", "district", "--conflict", "5"])
    assert code == 1 and "No open conflict matches '5'" in err, err
    assert "were merged" in err and "no conflict was decided" in err, err
    assert "babergh-export.sqlite (Babergh office): " in out and county.exists()


def test_a_refused_decision_writes_nothing_even_with_a_conflict_edited_at_the_county_since(county_file):
    """A conflict whose row was edited in the county file since the merge is told again before a decision; a decision
    refused for matching nothing (a number no conflict has) must leave that, and everything else, as it was."""
    from safer_desk.storage.schema.exchange import CONFLICTS_TABLE

    county = open_store(county_file)
    try:
        p = ps.get_project(county, "p-shared")
        ps.save_project(county, ps.project_from_fields({**ps.project_fields(p), "cost": "£35,000"}, base=p))
        edited = ps.project_fields(ps.get_project(county, "p-shared"))["cost"]
        before = ([tuple(r) for r in county.rows(f"SELECT * FROM {CONFLICTS_TABLE} ORDER BY id")],
                  county.scalar("SELECT count(*) FROM audit_log"), county.conn.total_changes)
        with pytest.raises(CountyError, match="No open conflict matches '99'"):
            resolve_conflicts(county, "district", which="99")
        after = ([tuple(r) for r in county.rows(f"SELECT * FROM {CONFLICTS_TABLE} ORDER BY id")],
                 county.scalar("SELECT count(*) FROM audit_log"), county.conn.total_changes)
        assert after == before
        decided = resolve_conflicts(county, "county", which="project")  # the county's own edit, told again, kept
        assert [c.group for c in decided] == ["project"]
        assert ps.project_fields(ps.get_project(county, "p-shared"))["cost"] == edited
    finally:
        county.close()
