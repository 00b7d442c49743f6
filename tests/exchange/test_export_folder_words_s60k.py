"""`safer-desk export office.sqlite somefolder` was refused as "somefolder: the export must end in .sqlite or .xlsx"
(session 60, keys), as if the officer had typed a wrong ending, when they had named a folder: it now says it is a
folder and suggests a file name in it.
"""

from __future__ import annotations

import hashlib

from tests.cli_run import run


def test_an_export_into_a_folder_says_it_is_a_folder_and_suggests_a_name(demo_path, tmp_path, capsys):
    folder = tmp_path / "for-county"
    folder.mkdir()
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    code, printed, err = run(capsys, "export", demo_path, folder)
    said = err.strip().splitlines()[-1]
    assert (code, printed) == (1, ""), err
    assert "must end in" not in said, said
    assert said.startswith("safer-desk: for-county is a folder"), said
    assert str(folder / f"{demo_path.stem}-for-county.sqlite") in said and said.endswith("Nothing was written."), said
    assert list(folder.iterdir()) == [] and hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
