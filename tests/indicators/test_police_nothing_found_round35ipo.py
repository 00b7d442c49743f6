"""A folder chosen in Import Police Data Folder… that holds no street file (an empty folder, the wrong folder, the
street files saved again as .xlsx): it said "There are no police.uk street-level crime files to import." alone,
naming neither the folder nor what was in it, nor what to choose instead."""

from __future__ import annotations

import pytest

from safer_desk.cli import main
from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import fixture, import_in_window, snapshot

CHOOSE = ("Choose the *-street.csv files of a data.police.uk download, the folder they are in, or the download's "
          ".zip; nothing was imported.")


def test_an_empty_folder_is_named_with_what_to_choose(store, tmp_path):
    folder = tmp_path / "police"
    folder.mkdir()
    before = snapshot(store)
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [folder])
    assert str(refused.value) == f"There are no police.uk street-level crime files to import: police is empty. {CHOOSE}"
    assert snapshot(store) == before


def test_a_folder_of_other_files_names_them(store, tmp_path):
    folder = tmp_path / "police"
    (folder / "old").mkdir(parents=True)
    for name in ("2025-03-suffolk-street.xlsx", "notes.docx", "old/2025-02-suffolk-street.xlsx", "readme.txt"):
        (folder / name).write_bytes(b"PK\x03\x04 not read")
    (folder / ".DS_Store").write_bytes(b"\x00")  # a Mac's: never named
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [folder])
    assert str(refused.value) == (
        "There are no police.uk street-level crime files to import: police holds 4 other files, not read "
        "(2025-03-suffolk-street.xlsx, notes.docx, old/2025-02-suffolk-street.xlsx and 1 more). " + CHOOSE)


def test_a_folder_of_outcomes_says_why_and_what_to_choose(tmp_path, capsys):
    folder = tmp_path / "outcomes"
    folder.mkdir()
    (folder / "2018-01-bedfordshire-outcomes.csv").write_bytes(
        fixture("ragged-samples", "2018-01-bedfordshire-outcomes.csv").read_bytes())
    assert main(["import-police", str(tmp_path / "office.sqlite"), str(folder)]) == 1
    assert capsys.readouterr().err.strip() == (
        "safer-desk: there are no police.uk street-level crime files to import: 2018-01-bedfordshire-outcomes.csv is "
        "a police.uk outcomes file (what later happened to crimes), not street-level crime: only the *-street.csv "
        f"files are counted. {CHOOSE}")


def test_the_window_says_it(demo_window, prompts, qtbot, tmp_path):
    folder = tmp_path / "police"
    folder.mkdir()
    (folder / "2025-03-suffolk-street.xlsx").write_bytes(b"PK\x03\x04 not read")
    infos, errors = import_in_window(demo_window, prompts, qtbot, folder, folder=True)
    assert infos == []
    assert errors == [("Police data not imported", "There are no police.uk street-level crime files to import: "
                       "police holds 1 other file, not read (2025-03-suffolk-street.xlsx). "
                       f"{CHOOSE}")]  # it says nothing was imported: never "\n\nNothing was changed." after it too


def test_a_refusal_that_does_not_say_so_still_says_nothing_was_changed():
    """s61: the window's refusal added "Nothing was changed." to one that ends "…; nothing was imported."; one that
    does not say it (a disk error) still gets it."""
    from safer_desk.presenters.indicators import not_imported_text

    assert not_imported_text("Download it again; nothing was imported.") == "Download it again; nothing was imported."
    assert not_imported_text("disk I/O error") == "disk I/O error\n\nNothing was changed."
