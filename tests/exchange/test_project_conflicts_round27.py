"""A project and its lists are one thing at the county (round 27).

Two district offices changing the same project's status differently (the project edit adds a status-history row,
position 0, in each) gave the county two conflicts: the project, and "Status change 0 of project …". Deciding only
the project's (`safer-desk conflicts COUNTY --keep district --conflict 1`, or the Conflicts window) left the county
saying the project was "completed" while its history said "live": no date for its current status. A project is now
compared and decided with its status history, officers, funding sources and cost lines, as a plan is with its lines
(county_conflicts.WHOLES): one conflict, and either decision leaves the project and its lists as one office had them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from safer_desk.services import projects as ps
from safer_desk.services.county import ConflictsPresenter, CountyError, list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template
from tests.exchange.helpers import cli_output

TITLE = "Western Suffolk youth work"
# (office, district, status, its date, cost lines, match funding) as each office types them in the project's form
EDITS = (("babergh", "Babergh", "live", "01/05/2025", [("2025/26", "Staff", "Youth worker", "£20,000")],
          "Babergh DC: £5,000"),
         ("mid", "Mid Suffolk", "completed", "01/06/2025", [("2025/26", "Staff", "Youth worker", "£25,000"),
                                                            ("2025/26", "Venue", "Hall hire", "£3,000")],
          "Mid Suffolk DC: £8,000"))


@pytest.fixture(autouse=True, params=["row by row", "in bulk"])
def merged(request, monkeypatch):
    """Each test twice: the few projects here merged row by row, as a small table is, and through the bulk path a
    register of hundreds takes (new projects in one statement, those the county holds compared with their lists)."""
    from safer_desk.exchange import county_merge

    if request.param == "in bulk":
        monkeypatch.setattr(county_merge, "BULK_ROWS", 0)
    return request.param


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def office_exports(folder: Path, names: tuple[str, ...] = ("babergh", "mid"), *, lists: bool = False) -> list[Path]:
    """Each office's export of project p-shared (from the same template) with its status changed its own way
    through the project's form (lists: its cost lines and match funding too). Each office's export of the project
    as the template has it, before the change, is <name>-first.sqlite."""
    base = template(folder, police=False)
    store = open_store(base)
    try:
        ps.add_projects(store, [ps.Project(id="p-shared", title=TITLE, areas=("Countywide",))])
    finally:
        store.close()
    edits = {e[0]: e for e in EDITS}
    edits["ipswich"] = ("ipswich", "Ipswich", "withdrawn", "01/07/2025", [], "")
    sent = []
    for name in names:
        _, district, status, on, lines, funding = edits[name]
        office = office_from(base, folder / f"{name}.sqlite", f"{district} office", districts=[district])
        try:
            export(office, folder / f"{name}-first.sqlite")
            p = ps.get_project(office, "p-shared")
            fields = {**ps.project_fields(p), "status": status, "status_date": on}
            if lists:
                fields["funding_sources"] = funding
            ps.save_project(office, ps.project_from_fields(fields, base=p, cost_lines=lines if lists else None))
            sent.append(export(office, folder / f"{name}-export.sqlite"))
        finally:
            office.close()
    return sent


def county_of(folder: Path, sent: list[Path]) -> Path:
    path = folder / "county.sqlite"
    county = open_store(path, create=True, office_name="Suffolk county team")
    try:
        assert merge(county, sent).refused == []
    finally:
        county.close()
    return path


def held(path: Path) -> dict:
    """The county's project as the register shows it, and its lists' rows as the file holds them."""
    county = open_store(path)
    try:
        p = ps.get_project(county, "p-shared")
        rows = {t: county.scalar(f"SELECT count(*) FROM {t} WHERE project_id = 'p-shared'")
                for t in ("project_status_history", "project_cost_lines", "project_funding_sources")}
        return {"status": p.status, "status_date": p.status_date, "history": [h.status for h in p.status_history],
                "lines": sum(c.amount.min_pence or 0 for c in p.cost_lines),
                "funding": sum(f.amount_pence or 0 for f in p.funding_sources), "rows": rows,
                "open": [(c.table, c.group) for c in list_conflicts(county)]}
    finally:
        county.close()


def test_two_offices_changing_a_project_s_status_is_one_conflict_naming_its_history(tmp_path):
    path = county_of(tmp_path, office_exports(tmp_path))
    county = open_store(path)
    try:
        (found,) = list_conflicts(county)
        assert (found.table, found.group) == ("projects", "project")
        assert found.detail == (f"Project '{TITLE}': status live, only in it “status live on 01/05/2025” "
                                "from Babergh office; status completed, only in it “status completed on "
                                "01/06/2025” from Mid Suffolk office")
        groups = ConflictsPresenter(county).groups()  # the Conflicts window lists the one conflict
        assert [(g, len(members)) for g, _, members in groups] == [("project", 1)]
    finally:
        county.close()
    listed = cli_output(["conflicts", str(path)])[1]
    assert "#1 " in listed and "#2" not in listed and "Status change" not in listed


@pytest.mark.parametrize("choice, status, on", [("district", "completed", "2025-06-01"),
                                                ("county", "live", "2025-05-01")])
def test_deciding_the_project_keeps_it_with_its_own_history_as_one_action(tmp_path, choice, status, on):
    path = county_of(tmp_path, office_exports(tmp_path))
    county = open_store(path)
    try:
        trail = county.scalar("SELECT max(id) FROM audit_log")
    finally:
        county.close()
    code, _, err = cli_output(["conflicts", str(path), "--keep", choice, "--conflict", "1"])
    assert code == 0, err
    assert held(path) == {"status": status, "status_date": on, "history": [status], "lines": 0, "funding": 0,
                          "rows": {"project_status_history": 1, "project_cost_lines": 0,
                                   "project_funding_sources": 0}, "open": []}
    county = open_store(path)
    try:  # the decision is one action of the audit trail
        actions = county.rows("SELECT DISTINCT action_id, action_label FROM audit_log WHERE id > ?", (trail,))
        assert len(actions) == 1 and actions[0][1].startswith("Keep "), actions
    finally:
        county.close()


def test_cost_lines_and_match_funding_are_decided_with_their_project_never_added_up_twice(tmp_path):
    path = county_of(tmp_path, office_exports(tmp_path, lists=True))
    county = open_store(path)
    try:
        (found,) = list_conflicts(county)
        assert found.table == "projects"
        assert "Hall hire" in found.detail and "Mid Suffolk DC" in found.detail
        resolve_conflicts(county, "district", which=found.id)
    finally:
        county.close()
    assert held(path) == {"status": "completed", "status_date": "2025-06-01", "history": ["completed"],
                          "lines": 2_800_000, "funding": 800_000,
                          "rows": {"project_status_history": 1, "project_cost_lines": 2,
                                   "project_funding_sources": 1}, "open": []}


def test_a_refused_decision_on_the_project_writes_nothing(tmp_path):
    """Three offices, three versions: keeping "the district's" of the whole group is refused, and the county keeps
    the project and its history as merged first."""
    path = county_of(tmp_path, office_exports(tmp_path, ("babergh", "mid", "ipswich")))
    before = held(path)
    assert before["open"] == [("projects", "project")] * 2 and before["history"] == ["live"]
    county = open_store(path)
    try:
        trail = county.scalar("SELECT count(*) FROM audit_log")
        with pytest.raises(CountyError, match="sent different versions"):
            resolve_conflicts(county, "district", which="project")
        assert county.scalar("SELECT count(*) FROM audit_log") == trail
    finally:
        county.close()
    assert held(path) == before


def test_after_both_decisions_and_the_files_merged_again_the_project_and_its_history_agree(tmp_path):
    """Both offices sent the project alike, then each changed its status: Babergh's kept, then Mid Suffolk's (its
    conflict read against Babergh's), and both files merged again raise nothing."""
    sent = office_exports(tmp_path)
    path = county_of(tmp_path, [tmp_path / "babergh-first.sqlite", tmp_path / "mid-first.sqlite"])
    county = open_store(path)
    try:
        assert merge(county, sent).refused == []
        babergh, mid = list_conflicts(county)
        assert (babergh.office_name, mid.office_name) == ("Babergh office", "Mid Suffolk office")
        resolve_conflicts(county, "district", which=babergh.id)
        (left,) = list_conflicts(county)
        assert left.detail.startswith(f"Project '{TITLE}': status live, only in it “status live on 01/05/2025” "
                                      "in the county file; status completed")
        resolve_conflicts(county, "district", which=left.id)
        assert merge(county, sent).conflicts == []
    finally:
        county.close()
    assert held(path) | {"open": []} == {"status": "completed", "status_date": "2025-06-01", "history": ["completed"],
                                         "lines": 0, "funding": 0, "open": [],
                                         "rows": {"project_status_history": 1, "project_cost_lines": 0,
                                                  "project_funding_sources": 0}}


def test_a_status_changed_at_the_county_stands_when_the_office_sends_its_project_unchanged(tmp_path):
    """The county lead's own change of status (dated in the project's history) is not a conflict with the office's
    next file, which sends the project as it was last merged."""
    (sent,) = office_exports(tmp_path, ("babergh",))
    path = county_of(tmp_path, [sent])
    county = open_store(path)
    try:
        p = ps.get_project(county, "p-shared")
        ps.save_project(county, ps.project_from_fields({**ps.project_fields(p), "status": "completed",
                                                        "status_date": "01/09/2025"}, base=p))
        office = open_store(tmp_path / "babergh.sqlite")
        try:
            ps.add_projects(office, [ps.Project(id="p-other", title="Babergh youth diversion", areas=("Babergh",))])
            again = export(office, tmp_path / "babergh-again.sqlite")
        finally:
            office.close()
        assert merge(county, [again]).conflicts == []
    finally:
        county.close()
    assert held(path)["history"] == ["live", "completed"] and held(path)["status_date"] == "2025-09-01"
