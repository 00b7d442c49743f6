"""Whose file this is, set by a county lead on the command line (s74).

Found by naming a county where a district is asked for, as a county lead setting up the county's file would
("--district Suffolk"): it was refused as "no district called “Suffolk” (did you mean Mid Suffolk?)", offering a
district of the county as the one meant (taken, the office became Mid Suffolk's alone), and "Kent" or "Devon" were
refused with no word that they are counties, named with --county.
"""

from safer_desk.storage.store import open_store
from tests.cli_run import run


def _new_file(tmp_path):
    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    return path


def test_a_county_named_as_a_district_is_said_to_be_a_county_with_the_option_to_name_it(tmp_path, capsys):
    path = _new_file(tmp_path)
    for county in ("Suffolk", "kent", "Devon", "East  Sussex"):
        code, out, err = run(capsys, "office", path, "--district", county)
        assert code == 1 and not out
        assert "did you mean Mid Suffolk" not in err
        shown = " ".join(county.split()).title()
        assert f"“{' '.join(county.split())}” is a county, not a district" in err, err
        assert f'--county "{shown}"' in err or f"--county {shown}" in err, err
    code, out, err = run(capsys, "office", path, "--district", "Suffolk")
    assert "Babergh, East Suffolk, Ipswich, Mid Suffolk and West Suffolk" in err, err  # its districts, to choose from
    code, out, _ = run(capsys, "office", path)
    assert code == 0 and "Districts named" not in out and "County: not named" in out  # nothing was changed
