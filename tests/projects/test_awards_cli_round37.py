"""`safer-desk awards --add ''` / `--delete ''`: an empty name is a name left out, said as such, not as options
given without --add."""

from __future__ import annotations

import pytest

from safer_desk.storage.store import open_store
from tests.cli_run import run


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    return path


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_name_to_add_is_said_to_need_a_name(office, capsys, name):
    code, out, err = run(capsys, "awards", office, "--add", name, "--funder", "OPCC", "--year", "2019/20=100")
    assert code == 2
    assert "--add: an award needs a name" in err
    assert "describe an award to --add" not in err
    assert out == ""


def test_an_empty_name_to_delete_names_no_award(office, capsys):
    code, _, err = run(capsys, "awards", office, "--delete", "")
    assert code == 2
    assert "--delete: give the name of the award to delete" in err


def test_an_empty_add_with_a_delete_is_still_one_or_the_other(office, capsys):
    code, _, err = run(capsys, "awards", office, "--add", "", "--delete", "X")
    assert code == 2
    assert "give --add or --delete, not both" in err
