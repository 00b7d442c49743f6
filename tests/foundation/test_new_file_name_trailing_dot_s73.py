"""Session 73: a new file's name typed with a dot (or a space) at its end, as a sentence ends or a shell's completion
stops ("safer-desk demo office.", File > New "Board papers ."), was made "office..sqlite" and "Board papers ..sqlite":
.sqlite was put after the dot. Windows itself drops a name's last dots and spaces ("office." is "office" there), so
the name meant is the one without them: office.sqlite."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli_run import run


@pytest.mark.parametrize(("typed", "made"), [("office.", "office.sqlite"), ("Board papers .", "Board papers.sqlite"),
                                             ("office. . ", "office.sqlite"),
                                             ("Babergh 2019.20", "Babergh 2019.20.sqlite"),
                                             ("office.sqlite", "office.sqlite")])
def test_the_new_files_name_is_the_one_meant(typed, made):
    from safer_desk.services.files import new_office_file_name

    assert new_office_file_name(Path("folder") / typed) == Path("folder") / made


def test_the_command_line_makes_office_sqlite_from_office_dot(capsys, tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    code, out, err = run(capsys, "demo", folder / "office.")
    assert code == 0, err
    assert sorted(p.name for p in folder.iterdir()) == ["office.sqlite"]
    assert "office.sqlite" in out + err
