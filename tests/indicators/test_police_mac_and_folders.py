"""Downloads as officers keep them: zipped again on a Mac (with its __MACOSX/._* resource forks), a download zip
inside a chosen folder, two month folders holding files of the same name; and a re-import that only replaces
the file records, which the History of Changes must still show."""

from __future__ import annotations

import shutil
import tempfile

import pytest

from safer_desk.cli import main
from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.presenters.history import history_lines
from safer_desk.services.police_import import import_police_files, vintages
from safer_desk.storage.store import open_store
from tests.indicators.police_helpers import (
    cli_counts,
    download_zip,
    fixture,
    import_in_window,
    independent_counts,
    make_zip,
    non_zero,
    snapshot,
)

# What a Mac writes beside each file it zips: an AppleDouble header (binary; 0xB0 is not UTF-8).
APPLE_DOUBLE = (b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        \x00\x02\x00\x00\x00\x09\x00\x00\x00\x32\x00\x00"
                b"\x0e\xb0\x00\x00\x00\x02\x00\x00\x0e\xe2\x00\x00\x01\x1e" + b"\x00" * 40 + b"ATTR\x00\x00")
COUNTS = "SELECT * FROM _police_counts ORDER BY 1, 2, 3, 4"


@pytest.fixture(autouse=True)
def own_temp_folder(tmp_path, monkeypatch):
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def mac_zip(target, folder):
    """The download folder compressed in the Finder: each file, and its resource fork under __MACOSX."""
    members: dict = {}
    for path in sorted(folder.glob("*.csv")):
        members[f"police/{path.name[:7]}/{path.name}"] = path
        members[f"__MACOSX/police/{path.name[:7]}/._{path.name}"] = APPLE_DOUBLE
    members["police/.DS_Store"] = b"\x00\x00\x00\x01Bud1\x00\x00\x10\x00"
    members["__MACOSX/police/._.DS_Store"] = APPLE_DOUBLE
    return make_zip(target, members)


def imported(tmp_path, name, sources):
    with open_store(tmp_path / name, create=True) as store:
        result = import_police_files(store, sources)
        return result, [tuple(r) for r in store.rows(COUNTS)], [v.__dict__ | {"imported_at": ""} for v in
                                                                  vintages(store)]


def test_a_zip_made_on_a_mac_imports_as_the_same_zip_without_its_resource_forks(tmp_path):
    plain = download_zip(tmp_path / "plain.zip", fixture("suffolk-2025"))
    mac = mac_zip(tmp_path / "police.zip", fixture("suffolk-2025"))
    result, counts, held = imported(tmp_path, "mac.sqlite", [mac])
    expected, expected_counts, expected_held = imported(tmp_path, "plain.sqlite", [plain])
    assert (counts, held) == (expected_counts, expected_held)
    assert result.summary_lines() == expected.summary_lines()  # nothing about ._ files or .DS_Store


def test_a_mac_zip_on_the_command_line(tmp_path, capsys, own_temp_folder):
    mac = mac_zip(tmp_path / "police.zip", fixture("suffolk-2025"))
    target = tmp_path / "office.sqlite"
    assert main(["import-police", str(target), str(mac)]) == 0
    assert "MACOSX" not in capsys.readouterr().out
    assert non_zero(cli_counts(capsys, target)) == independent_counts(fixture("suffolk-2025"))
    assert list(own_temp_folder.iterdir()) == []


def test_resource_forks_copied_into_a_folder_are_ignored(tmp_path):
    # A folder copied from a Mac to a USB stick (FAT) carries ._ files beside the real ones.
    folder = tmp_path / "police"
    shutil.copytree(fixture("suffolk-2025"), folder)
    for path in sorted(folder.glob("*.csv")):
        (folder / f"._{path.name}").write_bytes(APPLE_DOUBLE)
    (folder / "__MACOSX").mkdir()
    (folder / "__MACOSX" / "._2025-01-suffolk-street.csv").write_bytes(APPLE_DOUBLE)
    result, counts, _ = imported(tmp_path, "mac.sqlite", [folder])
    expected, expected_counts, _ = imported(tmp_path, "plain.sqlite", [fixture("suffolk-2025")])
    assert counts == expected_counts
    assert result.summary_lines() == expected.summary_lines()


def test_a_download_zip_inside_a_chosen_folder_is_imported(tmp_path):
    # It was silently left out: the folder's one loose file was imported and the zip's months were not.
    folder = tmp_path / "downloads"
    folder.mkdir()
    download_zip(folder / "police-2025.zip", fixture("suffolk-2025"))
    shutil.copy(fixture("suffolk-2021-01", "2021-01-suffolk-street.csv"), folder)
    result, counts, _ = imported(tmp_path, "folder.sqlite", [folder])
    _, expected_counts, _ = imported(tmp_path, "direct.sqlite",
                                     [fixture("suffolk-2021-01", "2021-01-suffolk-street.csv"),
                                      download_zip(tmp_path / "police-2025.zip", fixture("suffolk-2025"))])
    assert counts == expected_counts
    assert result.files == 4
    assert result.months == ["2021-01", "2025-01", "2025-02", "2025-03"]


def test_two_download_zips_in_a_folder_and_one_given_directly_keep_their_files_apart(tmp_path):
    folder = tmp_path / "downloads"
    (folder / "older").mkdir(parents=True)
    jan, feb, mar = (fixture("suffolk-2025", f"2025-0{m}-suffolk-street.csv") for m in (1, 2, 3))
    make_zip(folder / "a.zip", {f"2025-01/{jan.name}": jan})
    make_zip(folder / "older" / "b.zip", {f"2025-02/{feb.name}": feb})
    direct = make_zip(tmp_path / "c.zip", {f"2025-03/{mar.name}": mar})
    result, counts, _ = imported(tmp_path, "zips.sqlite", [folder, direct])
    _, expected_counts, _ = imported(tmp_path, "plain.sqlite", [fixture("suffolk-2025")])
    assert counts == expected_counts
    assert result.files == 3 and not result.repeated


def test_a_folder_holding_both_the_zip_and_what_it_unpacked_to_counts_each_month_once(tmp_path):
    folder = tmp_path / "Downloads"
    shutil.copytree(fixture("suffolk-2025"), folder / "police-2025")
    download_zip(folder / "police-2025.zip", fixture("suffolk-2025"))
    result, counts, _ = imported(tmp_path, "both.sqlite", [folder])
    expected, expected_counts, _ = imported(tmp_path, "plain.sqlite", [fixture("suffolk-2025")])
    assert counts == expected_counts
    assert result.rows == expected.rows and result.files == 3


def test_a_damaged_zip_inside_a_folder_is_refused_by_name(tmp_path, store):
    folder = tmp_path / "downloads"
    shutil.copytree(fixture("suffolk-2025"), folder)
    (folder / "sub").mkdir()
    (folder / "sub" / "police.zip").write_bytes(b"PK\x03\x04 not really a zip")
    before = snapshot(store)
    with pytest.raises(PoliceFileError, match=r"^sub/police.zip is damaged"):
        import_police_files(store, [folder])
    assert snapshot(store) == before


def test_files_of_the_same_name_in_two_folders_are_named_by_their_folder(tmp_path, store):
    # Two different downloads of Devon & Cornwall January 2020, each in its own folder: the summary said the
    # month "is in two different files" and named the same file name twice.
    folder = tmp_path / "downloads"
    for download in ("download-a", "download-b"):
        shutil.copytree(fixture("devon-and-cornwall-2020-q1", download), folder / download)
    result = import_police_files(store, [folder])
    _, expected_counts, _ = imported(tmp_path, "b.sqlite", [fixture("devon-and-cornwall-2020-q1", "download-b")])
    assert [tuple(r) for r in store.rows(COUNTS)] == expected_counts
    lines = result.summary_lines()
    assert ("Devon & Cornwall Police 2020-01 is in two different files: the later one "
            "(download-b/2020-01-devon-and-cornwall-street.csv, 200 rows) was counted, not the earlier "
            "(download-a/2020-01-devon-and-cornwall-street.csv, 200 rows).") in lines
    assert not any("same file" in line for line in lines)


def test_copies_of_one_file_in_two_folders_are_the_same_file_named_by_their_folders(tmp_path, store):
    folder = tmp_path / "downloads"
    jan = fixture("suffolk-2025", "2025-01-suffolk-street.csv")
    for copy in ("first", "second"):
        (folder / copy).mkdir(parents=True)
        shutil.copy(jan, folder / copy)
    result = import_police_files(store, [folder])
    assert result.files == 1 and result.rows == 109
    assert ("second/2025-01-suffolk-street.csv is the same file as first/2025-01-suffolk-street.csv: its 109 rows "
            "were counted once.") in result.summary_lines()


def test_files_of_the_same_name_given_from_two_folders_are_named_by_their_folder(tmp_path, store):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    jan = shutil.copy(fixture("suffolk-2025", "2025-01-suffolk-street.csv"), tmp_path / "a")
    feb = fixture("suffolk-2025", "2025-02-suffolk-street.csv")
    renamed = shutil.copy(feb, tmp_path / "b" / "2025-01-suffolk-street.csv")  # a month saved under a wrong name
    result = import_police_files(store, [jan, renamed])
    assert result.files == 2 and not result.repeated
    assert {r[0] for r in store.rows("SELECT month FROM _police_counts")} == {"2025-01", "2025-02"}


def test_a_file_in_a_folder_that_is_refused_is_named_with_its_folder(tmp_path, store):
    folder = tmp_path / "downloads"
    (folder / "2025-01").mkdir(parents=True)
    (folder / "2025-01" / "2025-01-suffolk-street.csv").write_bytes(b"Crime ID,Month\xb0\n")
    with pytest.raises(PoliceFileError, match=r"^2025-01/2025-01-suffolk-street.csv is not UTF-8 text: line 1"):
        import_police_files(store, [folder])


def test_a_re_import_that_replaces_only_the_file_records_is_in_the_audit_trail(store):
    # download-b is download-a with outcomes updated: the same counts, so no figure changes, but every
    # force-month's file record (its SHA-256, when imported) is replaced. The trail said nothing.
    import_police_files(store, [fixture("devon-and-cornwall-2020-q1", "download-a")])
    before = store.scalar("SELECT count(*) FROM audit_log")
    result = import_police_files(store, [fixture("devon-and-cornwall-2020-q1", "download-b")])
    assert len(result.replaced) == 3
    entries = store.rows("SELECT action, column_name, new_value FROM audit_log ORDER BY id")
    assert len(entries) == before + 1
    action, label, summary = entries[-1]
    assert (action, label) == ("batch", "Import police.uk data")
    assert '"_police_vintages": {"update": 3}' in summary
    newest = history_lines(store)[0]  # what the History of Changes window lists first
    assert newest.summary.startswith("Import police.uk data from download-b")
    # in words: not "Changed 3  police vintages" (the internal tables' names, with a gap where the name was)
    assert "Changed 3 police.uk file records" in newest.details, newest.details
    assert not [d for d in newest.details if "vintage" in d or "  " in d]


def test_the_very_same_import_again_changes_nothing_the_trail_included(store):
    import_police_files(store, [fixture("suffolk-2025")])
    before = snapshot(store)
    result = import_police_files(store, [fixture("suffolk-2025")])
    assert len(result.unchanged) == 3
    assert snapshot(store) == before


def test_the_window_imports_a_folder_holding_a_zip_made_on_a_mac(demo_window, prompts, qtbot, tmp_path):
    folder = tmp_path / "Downloads"
    folder.mkdir()
    mac_zip(folder / "police.zip", fixture("suffolk-2021-01"))
    import_in_window(demo_window, prompts, qtbot, folder, folder=True)
    assert not prompts.errors
    title, text = prompts.infos[-1]
    assert title == "Police data imported"
    assert text.startswith("Imported 210 rows from 1 file: 1 month (2021-01)")
    assert "MACOSX" not in text and "DS_Store" not in text
    assert demo_window.session.store.scalar("SELECT sum(count) FROM _police_counts WHERE month = '2021-01'") == 210


def test_a_download_zip_zipped_again_is_imported(tmp_path):
    # The download .zip compressed again (in the Finder, with its resource fork) to be e-mailed: it was refused as
    # holding "outcomes, stop-and-search or other files".
    inner = download_zip(tmp_path / "police-2025.zip", fixture("suffolk-2025"))
    outer = make_zip(tmp_path / "police-2025 2.zip", {"police-2025.zip": inner,
                                                      "__MACOSX/._police-2025.zip": APPLE_DOUBLE})
    result, counts, held = imported(tmp_path, "outer.sqlite", [outer])
    expected, expected_counts, expected_held = imported(tmp_path, "inner.sqlite", [inner])
    assert (counts, held) == (expected_counts, expected_held)
    assert result.summary_lines() == expected.summary_lines()


def test_a_zip_three_deep_is_refused_by_name(tmp_path, store):
    inner = download_zip(tmp_path / "police-2025.zip", fixture("suffolk-2025"))
    middle = make_zip(tmp_path / "middle.zip", {"police-2025.zip": inner})
    outer = make_zip(tmp_path / "outer.zip", {"middle.zip": middle})
    with pytest.raises(PoliceFileError, match=r"^outer.zip holds no police.uk street-level crime files"):
        import_police_files(store, [outer])
