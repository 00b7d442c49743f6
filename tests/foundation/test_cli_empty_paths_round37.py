"""An empty file name given to a command (a script's unset variable: `safer-desk import-police "$FILE" "$DIR"`)
is a usage error naming the argument. Before, it was read as "." (the current folder): import-police read every
file in it, projects said '. is a folder', export said '.: the export must end in .sqlite'."""

from __future__ import annotations

import pytest

from tests.cli_run import run


@pytest.mark.parametrize("argv, named", [
    (["import-police", "{file}", ""], "CSV_FOLDER_OR_ZIP"),
    (["import-police", "", "{file}"], "FILE"),
    (["projects", ""], "FILE"),
    (["projects", "   "], "FILE"),
    (["export", "{file}", ""], "OUT.sqlite|OUT.xlsx"),
    (["report", "{file}", ""], "OUT.pdf|OUT.html"),
    (["merge", "{tmp}/county.sqlite", ""], "DISTRICT_FILE"),
    (["merge", "", "{file}"], "COUNTY_FILE"),
    (["import-figures", "{file}", ""], "SHEET_OR_CSV"),
    (["check", ""], "FILE"),
    (["demo", ""], "OUT.sqlite"),
])
def test_an_empty_file_name_is_a_usage_error(tmp_path, capsys, demo_path, argv, named):
    argv = [a.format(file=demo_path, tmp=tmp_path) for a in argv]
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = run(capsys, *argv)
    assert code == 2, err
    assert f"{named}: an empty name is not a file" in err
    assert err.startswith("usage: safer-desk " + argv[0])  # the command's own usage, as argparse says errors
    assert out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing made


def test_a_named_file_still_runs(capsys, demo_path):
    code, out, _ = run(capsys, "projects", demo_path)
    assert code == 0 and out.splitlines()[0].startswith("id,title,")
