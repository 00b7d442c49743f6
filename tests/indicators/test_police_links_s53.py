"""A folder holding only a link to another folder is not called empty (session 53).

Seen: `import-police f.sqlite loop`, loop holding only a link to its parent folder: "There are no police.uk
street-level crime files to import: loop is empty." The folder is not empty; linked folders are not followed
(a link may lead back to the folder chosen, or anywhere), and the refusal now says so and what to choose.
"""

from __future__ import annotations

import os

import pytest

from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import snapshot


def link(target, name) -> None:
    try:
        os.symlink(target, name, target_is_directory=True)
    except (OSError, NotImplementedError):  # Windows without the right to make links
        pytest.skip("this computer does not let this user make links")


def test_a_folder_of_links_to_folders_says_they_are_not_followed(store, tmp_path):
    folder = tmp_path / "loop"
    folder.mkdir()
    link(tmp_path, folder / "up")
    before = snapshot(store)
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [folder])
    words = str(refused.value)
    assert "loop holds only 1 link to another folder (up), which is not followed: choose the folder linked to." \
        in words, words
    assert "is empty" not in words
    assert snapshot(store) == before


def test_a_link_that_leads_nowhere_leaves_the_folder_empty(store, tmp_path):
    folder = tmp_path / "police"
    folder.mkdir()
    link(tmp_path / "gone", folder / "old")
    with pytest.raises(PoliceFileError, match="police is empty"):
        import_police_files(store, [folder])
