"""s75: an export stopped by a signing key that cannot be read (not a damaged key: a folder where the key file goes,
a file where the keys folder goes) said what was wrong ("cannot be read: there is a folder of that name") but not what
to do about it, nor, on the command line, that nothing was written (a damaged key's refusal says both)."""

from __future__ import annotations

import pytest

from safer_desk.services.county import CountyError, export_for_county
from tests.cli_run import run


def _key_folder_taken(home):
    """The key file's name taken by a folder (a sync tool's conflict copy, something unzipped there)."""
    (home / "keys" / "officer-signing-key.pem").mkdir(parents=True)


def _keys_folder_taken(home):
    """The keys folder's name taken by a file."""
    home.mkdir(exist_ok=True)
    (home / "keys").write_bytes(b"")


@pytest.mark.parametrize("break_key, what, move", [
    (_key_folder_taken, "there is a folder of that name", "move that folder"),
    (_keys_folder_taken, "part of the path is not a folder", "move that file")])
def test_a_key_that_cannot_be_read_says_what_to_do_and_that_nothing_was_written(district, tmp_path, break_key,
                                                                                  what, move):
    break_key(tmp_path / "home")
    target = tmp_path / "export.sqlite"
    with pytest.raises(CountyError) as refused:
        export_for_county(district, target)
    message = str(refused.value)
    assert what in message and move in message.casefold(), message
    assert "confirm" in message and "by phone" in message, message  # a new key is a new key to the county
    assert "not written" in message, message
    assert not target.exists() and district.meta("export_sequence") is None


def test_the_command_line_says_a_key_folder_in_the_way_and_writes_nothing(district, tmp_path, capsys):
    _key_folder_taken(tmp_path / "home")
    path = district.path
    district.close()
    target = tmp_path / "export.sqlite"
    code, out, err = run(capsys, "export", path, target)
    assert code == 1 and out == "", (code, out, err)
    assert "there is a folder of that name" in err and "move that folder" in err.casefold(), err
    assert "Nothing was written" in err or "not written" in err, err
    assert not target.exists()
