"""County exchange, round 51: an office started from File > New that names its county holds that county's districts
with no first day (not known); every office made from the example holds East and West Suffolk's 01/04/2019. The
two raised "District East Suffolk: first day blank from Ipswich office, 01/04/2019 from Babergh office" in either
order: a blank is not another day. The day known stands, or fills the blank."""

from __future__ import annotations

import pytest

from safer_desk.services.county import list_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.helpers import accept_key_args, cli_output


@pytest.fixture
def exports(tmp_path):
    example, new = tmp_path / "babergh.sqlite", tmp_path / "ipswich.sqlite"
    assert cli_output(["demo", str(example)])[0] == 0
    assert cli_output(["office", str(example), "--name", "Babergh office", "--clear", "--district", "Babergh",
                       "--county", "Suffolk"])[0] == 0
    open_store(new, create=True, office_name="Ipswich office").close()  # as File > New makes it
    assert cli_output(["office", str(new), "--name", "Ipswich office", "--district", "Ipswich",
                       "--county", "Suffolk"])[0] == 0
    out = {}
    for name, path in (("example", example), ("new", new)):
        out[name] = tmp_path / f"{name}-1.sqlite"
        code, _, err = cli_output(["export", str(path), str(out[name])])
        assert code == 0, err
    return out


def _first_day(store, name: str):
    return store.scalar("SELECT valid_from FROM districts WHERE name = ?", (name,))


@pytest.mark.parametrize("order", [("new", "example"), ("example", "new")], ids=["blank-first", "day-first"])
def test_a_districts_first_day_not_known_is_no_conflict_with_the_day_known(tmp_path, exports, order):
    county = tmp_path / "county.sqlite"
    for which in order:
        code, out, err = cli_output(["merge", str(county), str(exports[which]), *accept_key_args()])
        assert code == 0, err
    store = open_store(county, read_only=True)
    try:
        conflicts = [c.detail for c in list_conflicts(store)]
        assert not [c for c in conflicts if "first day" in c], conflicts
        assert _first_day(store, "East Suffolk") == "2019-04-01"
    finally:
        store.close()


def test_a_workbook_refused_never_points_at_the_offices_own_file_beside_it(tmp_path):
    # "choose Babergh.sqlite, beside it, instead" named the office's own file, which merge then refused.
    office = tmp_path / "Babergh.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    assert cli_output(["export", str(office), str(tmp_path / "Babergh.xlsx")])[0] == 0
    code, out, err = cli_output(["merge", str(tmp_path / "county.sqlite"), str(tmp_path / "Babergh.xlsx"),
                                 *accept_key_args()])
    assert code == 1
    assert "choose Babergh.sqlite" not in err and "Export for County" in err, err


def test_a_key_withdrawn_with_a_reason_of_spaces_keeps_none(tmp_path, exports):
    from safer_desk.services.county import registered_keys, withdraw_key

    county = tmp_path / "county.sqlite"
    assert cli_output(["merge", str(county), str(exports["example"]), *accept_key_args()])[0] == 0
    store = open_store(county)
    try:
        key = registered_keys(store)[0]
        withdraw_key(store, key.fingerprint, "   ")
        assert store.scalar("SELECT count(*) FROM _county_keys WHERE withdrawn_reason = '   '") == 0
    finally:
        store.close()
