"""Round 32 (rv4): offices whose names differ only in capitals or spaces ("Babergh office" and "BABERGH OFFICE", a
file made again) are told apart by their files, as offices of one name are: "signed with the key of Example office
… not registered for EXAMPLE OFFICE" reads as one office refused its own key."""

from __future__ import annotations

from tests.exchange.helpers import cli_output, officer_keys
from tests.exchange.test_key_two_offices_round32cty import DEMO_NAME, _refusals


def test_offices_named_alike_but_for_capitals_are_told_apart_by_their_files(tmp_path):
    paths = []
    for x, name in (("A", DEMO_NAME), ("B", "  " + DEMO_NAME.upper().replace(" ", "  "))):
        office = tmp_path / f"{x}.sqlite"
        assert cli_output(["demo", str(office)])[0] == 0
        assert cli_output(["office", str(office), "--name", name])[0] == 0
        assert cli_output(["export", str(office), str(tmp_path / f"ex{x}.sqlite")])[0] == 0
        paths.append(str(tmp_path / f"ex{x}.sqlite"))
    code, _, err = cli_output(["merge", str(tmp_path / "county.sqlite"), *paths, "--accept-key", officer_keys()[0]])
    assert code == 1
    why = _refusals(err)["exB.sqlite"]
    assert "signed with the key of another office of that name, whose file exA.sqlite is in this same merge" in why
    assert "not registered for the office of exB.sqlite" in why, why
    assert "merging exB.sqlite on its own with --accept-key" in why, why
