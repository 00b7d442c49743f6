"""`safer-desk report office.sqlite somefolder` and `safer-desk screenshot somefolder office.sqlite` were refused as
"somefolder: the report must end in .pdf or .html" and "… OUT must end in .png" (session 61), as if the officer had
typed a wrong ending, when they had named a folder; `export` says so since session 60. Both now say it is a folder
and suggest a file name in it, as export does (exit 1, as export's).
"""

from __future__ import annotations

import pytest

from tests.cli_run import run


@pytest.mark.parametrize(("command", "suggested"), [
    (lambda office, folder: ["report", office, folder], "{stem}-board-report.pdf"),
    (lambda office, folder: ["screenshot", folder, office], "{stem}.png"),
])
def test_a_report_or_a_screenshot_into_a_folder_says_it_is_a_folder(demo_path, tmp_path, capsys, command, suggested):
    folder = tmp_path / "board papers"
    folder.mkdir()
    code, printed, err = run(capsys, *command(demo_path, folder))
    said = err.strip().splitlines()[-1]
    assert (code, printed) == (1, ""), err
    assert "must end in" not in said, said
    assert said.startswith("safer-desk: board papers is a folder: name the"), said
    assert str(folder / suggested.format(stem=demo_path.stem)) in said and said.endswith("Nothing was written."), said
    assert list(folder.iterdir()) == []


def test_a_wrong_ending_is_still_said_as_one(demo_path, tmp_path, capsys):
    code, _, err = run(capsys, "report", demo_path, tmp_path / "board.docx")
    assert code == 2 and "board.docx: the report must end in .pdf or .html" in err
