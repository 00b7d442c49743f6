"""SAFER_DESK_HOME set to a file (the own file itself, `set SAFER_DESK_HOME=H:\\Safer Desk\\safer-desk.sqlite`): the
first start said "Safer Desk could not make your own file in its data folder H:\\…\\safer-desk.sqlite: The folder
H:\\…\\safer-desk.sqlite is a file, not a folder.. Nothing was made or changed." (session 74)."""
import pytest

from safer_desk.paths import default_file
from safer_desk.services.files import open_office_file, own_file_not_made
from safer_desk.storage.store import StoreError


def test_a_data_folder_that_is_a_file_is_said_once_in_plain_words(demo_path, monkeypatch, private_home):
    monkeypatch.setenv("SAFER_DESK_HOME", str(demo_path))
    before = demo_path.read_bytes()
    with pytest.raises(StoreError) as refused:
        open_office_file(default_file(), create=True)
    said = own_file_not_made(default_file().parent, refused.value)
    assert f"in its data folder {demo_path}: that is a file, not a folder. Nothing was made" in said, said
    assert ".." not in said and said.count(str(demo_path)) == 1
    assert demo_path.read_bytes() == before
