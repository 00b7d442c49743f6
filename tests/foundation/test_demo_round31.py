"""Round 31: every file `safer-desk demo` writes is an office of its own (a county tries Safer Desk with three)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output


def office_ids(path: Path) -> tuple[str, set[str]]:
    """The file's office id and the office ids its office areas are kept under."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        own = conn.execute("SELECT value FROM meta WHERE key = 'office_id'").fetchone()[0]
        return own, {r[0] for r in conn.execute("SELECT office_id FROM office_areas")}
    finally:
        conn.close()


def test_each_file_demo_writes_is_an_office_of_its_own(tmp_path):
    from safer_desk.services import reference
    from safer_desk.storage import audit_chain

    paths = [tmp_path / f"{n}.sqlite" for n in ("one", "two")]
    for path in paths:
        assert cli_output(["demo", str(path)])[0] == 0
    (first, first_areas), (second, second_areas) = office_ids(paths[0]), office_ids(paths[1])
    assert first != second and len(first) == len(second) == 32
    assert first_areas == {first} and second_areas == {second}  # the example's scope is each office's own
    for path in paths:
        with open_store(path) as store:
            assert [a.name for a in reference.office_areas(store)]  # its districts, as the example's were
            assert not audit_chain.verify_chain(store.conn).problems
            assert not store.rows("SELECT 1 FROM audit_log WHERE table_name = 'meta'")  # made, not changed


def test_three_demo_offices_renamed_and_exported_merge_into_a_new_county(tmp_path, monkeypatch):
    """Three districts each trying the example, renamed with `office --name` and exported by their own officer
    (each with a key of their own): the county merges all three, none refused, nothing in conflict."""
    from safer_desk.services.county import list_conflicts

    exports, accept = [], []
    for name in ("Babergh", "Ipswich", "Mid Suffolk"):
        monkeypatch.setenv("SAFER_DESK_HOME", str(tmp_path / f"{name} officer"))  # the district's own machine
        office, out = tmp_path / f"{name}.sqlite", tmp_path / f"{name}-export.sqlite"
        for argv in (["demo", str(office)], ["office", str(office), "--name", f"{name} CSP"],
                     ["export", str(office), str(out)]):
            code, _, err = cli_output(argv)
            assert code == 0, err
        exports.append(out)
        accept += ["--accept-key", cli_output(["key"])[1].splitlines()[0].strip()]
    monkeypatch.setenv("SAFER_DESK_HOME", str(tmp_path / "county lead"))
    county = tmp_path / "county.sqlite"
    code, out, err = cli_output(["merge", str(county), *map(str, exports), *accept])
    assert code == 0, err
    with open_store(county) as store:
        offices = store.rows("SELECT DISTINCT office_name FROM _county_imports ORDER BY office_name")
        assert [r[0] for r in offices] == ["Babergh CSP", "Ipswich CSP", "Mid Suffolk CSP"]
        assert list_conflicts(store) == []
