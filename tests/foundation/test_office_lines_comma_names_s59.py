"""Session 59: `safer-desk office` printed "Districts named: Bath and North East Somerset, Bristol, City of".

Since "Bristol" is now held under the police.uk lookup's spelling, "Bristol, City of", a list joined with commas read
as three districts. A list holding a name with a comma in it is now joined with semicolons; others as before.
"""

from __future__ import annotations

from tests.cli_run import run


def test_a_list_with_a_name_holding_a_comma_is_joined_with_semicolons(store, capsys):
    path = store.path
    store.close()
    code, out, err = run(capsys, "office", path, "--district", "Bath and North East Somerset", "--district", "Bristol")
    assert code == 0, err
    assert "Districts named: Bath and North East Somerset; Bristol, City of" in out, out
    code, out, err = run(capsys, "office", path, "--district", "Newport", "--district", "Torfaen")
    assert code == 0 and "Districts named: Newport, Torfaen" in out, out
