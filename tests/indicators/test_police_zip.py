"""The data.police.uk download as it comes (issue 12): a .zip of month folders imports directly, window
and command line alike; a damaged, empty, unsafe or street-less zip is refused with a message."""

from __future__ import annotations

import tempfile
import zipfile

import pytest

from safer_desk.cli import main
from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files, vintages
from tests.conftest import shared_data
from tests.indicators.police_helpers import (cli_counts, download_zip, fixture, import_in_window, independent_counts,
                                             make_zip, non_zero, snapshot, street_file, suffolk_row)


@pytest.fixture(autouse=True)
def own_temp_folder(tmp_path, monkeypatch):
    """Unpacked files go to this test's own temporary folder, so leftovers can be looked for."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


def test_a_download_zip_imports_its_street_files_and_names_the_rest(tmp_path, capsys, own_temp_folder):
    archive = download_zip(tmp_path / "police-download.zip", fixture("suffolk-2025"),
                           fixture("thames-valley-2022-01"))
    target = tmp_path / "office.sqlite"
    assert main(["import-police", str(target), str(archive)]) == 0
    out = capsys.readouterr().out
    assert "from 4 files" in out
    assert ("Not imported: 2022-01/2022-01-thames-valley-outcomes.csv (in police-download.zip) is a police.uk "
            "outcomes file") in out
    assert "Not imported: 2022-01/2022-01-thames-valley-stop-and-search.csv (in police-download.zip) is a " \
           "police.uk stop-and-search file" in out
    assert non_zero(cli_counts(capsys, target)) == independent_counts(
        fixture("suffolk-2025"), fixture("thames-valley-2022-01", "2022-01-thames-valley-street.csv"))
    assert leftovers(own_temp_folder) == []


def test_a_zip_and_its_unpacked_folder_give_the_same_rows(tmp_path, store):
    archive = download_zip(tmp_path / "download.zip", fixture("suffolk-2025"))
    import_police_files(store, [archive])
    from_zip = vintages(store)
    key = "SELECT * FROM _police_counts ORDER BY 1, 2, 3, 4"
    counts_zip = [tuple(r) for r in store.rows(key)]
    from safer_desk.storage.store import open_store

    with open_store(tmp_path / "other.sqlite", create=True) as other:
        import_police_files(other, [fixture("suffolk-2025")])
        assert [tuple(r) for r in other.rows(key)] == counts_zip
        assert [v.__dict__ | {"imported_at": ""} for v in vintages(other)] == \
            [v.__dict__ | {"imported_at": ""} for v in from_zip]


def test_a_zip_of_loose_street_files_without_folders(tmp_path, store):
    archive = make_zip(tmp_path / "two.zip", {p.name: p for p in sorted(fixture("suffolk-2025").glob("*.csv"))[:2]})
    result = import_police_files(store, [archive])
    assert result.months == ["2025-01", "2025-02"]


def test_a_zip_beside_a_folder_and_a_file(tmp_path, store):
    archive = download_zip(tmp_path / "dc.zip", fixture("devon-and-cornwall-2020-q1", "download-a"))
    result = import_police_files(store, [archive, fixture("suffolk-2021-01"),
                                         fixture("suffolk-2025", "2025-01-suffolk-street.csv")])
    assert result.files == 5
    assert result.forces == ["Devon & Cornwall Police", "Suffolk Constabulary"]


def refused(tmp_path, capsys, archive, message, own_temp_folder):
    """The command line refuses the zip: exit 1, a message naming it, no traceback, nothing changed."""
    target = tmp_path / "office.sqlite"
    assert main(["import-police", str(target), str(fixture("suffolk-2025", "2025-01-suffolk-street.csv"))]) == 0
    from safer_desk.storage.store import open_store

    with open_store(target) as store:
        before = snapshot(store)
    capsys.readouterr()
    assert main(["import-police", str(target), str(archive)]) == 1
    err = capsys.readouterr().err
    assert archive.name in err and "Traceback" not in err
    assert message in err
    with open_store(target) as store:
        assert snapshot(store) == before
    new = tmp_path / "new.sqlite"
    assert main(["import-police", str(new), str(archive)]) == 1
    assert not new.exists()
    assert leftovers(own_temp_folder) == []
    return err


def test_an_empty_zip(tmp_path, capsys, own_temp_folder):
    archive = make_zip(tmp_path / "empty.zip", {})
    refused(tmp_path, capsys, archive, "empty.zip is an empty zip: it holds no files", own_temp_folder)


def test_a_zip_of_empty_folders(tmp_path, capsys, own_temp_folder):
    archive = tmp_path / "folders.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(zipfile.ZipInfo("2025-01/"), b"")
    refused(tmp_path, capsys, archive, "folders.zip is an empty zip", own_temp_folder)


def test_a_zip_with_no_street_files(tmp_path, capsys, own_temp_folder):
    folder = fixture("thames-valley-2022-01")
    archive = make_zip(tmp_path / "outcomes.zip", {
        "2022-01/2022-01-thames-valley-outcomes.csv": folder / "2022-01-thames-valley-outcomes.csv",
        "2022-01/2022-01-thames-valley-stop-and-search.csv": folder / "2022-01-thames-valley-stop-and-search.csv"})
    refused(tmp_path, capsys, archive, "outcomes.zip holds no police.uk street-level crime files", own_temp_folder)


@pytest.mark.parametrize("damage", ["cut short", "not a zip", "corrupt member"])
def test_a_damaged_zip(tmp_path, capsys, own_temp_folder, damage):
    good = download_zip(tmp_path / "good.zip", fixture("suffolk-2025"))
    data = good.read_bytes()
    archive = tmp_path / "damaged.zip"
    if damage == "cut short":
        archive.write_bytes(data[: len(data) // 2])
        message = "damaged.zip is damaged: it stops before the end every zip has, so it was cut short"
    elif damage == "not a zip":
        archive.write_bytes(b"this is not a zip at all\n" * 10)
        message = "damaged.zip is not a zip file, whatever its name says"
    else:
        # Flip bytes inside the first member's compressed data: the zip opens, unpacking fails its CRC.
        with zipfile.ZipFile(good) as zf:
            info = zf.infolist()[0]
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 20
        data = bytearray(data)
        for i in range(start, start + 40):
            data[i] ^= 0x5A
        archive.write_bytes(bytes(data))
        message = "damaged.zip is damaged"
    refused(tmp_path, capsys, archive, message, own_temp_folder)


@pytest.mark.parametrize("name", ["../2025-01-suffolk-street.csv", "2025-01/../../2025-01-suffolk-street.csv",
                                  "/tmp/2025-01-suffolk-street.csv", "C:/Users/x/2025-01-suffolk-street.csv",
                                  "..\\2025-01-suffolk-street.csv"])
def test_a_zip_with_a_path_leading_out_of_its_folder(tmp_path, capsys, own_temp_folder, name):
    archive = tmp_path / "unsafe.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("2025-02/2025-02-suffolk-street.csv",
                    fixture("suffolk-2025", "2025-02-suffolk-street.csv").read_bytes())
        zf.writestr(zipfile.ZipInfo(name), fixture("suffolk-2025", "2025-01-suffolk-street.csv").read_bytes())
    err = refused(tmp_path, capsys, archive, "holds a file whose path leads outside its folder", own_temp_folder)
    assert name in err
    assert not (tmp_path.parent / "2025-01-suffolk-street.csv").exists()


def test_a_ragged_street_file_inside_a_zip_names_the_member_and_line(tmp_path, capsys, own_temp_folder):
    archive = make_zip(tmp_path / "ragged.zip", {
        "2018-01/2018-01-bedfordshire-street.csv": fixture("ragged-samples", "2018-01-bedfordshire-street.csv")})
    err = refused(tmp_path, capsys, archive, "2018-01/2018-01-bedfordshire-street.csv (in ragged.zip) is damaged "
                  "or cut short at line 7", own_temp_folder)
    assert "11 columns where 12 were expected" in err


def test_non_utf8_bytes_inside_a_zip_name_the_member_and_line(tmp_path, capsys, own_temp_folder):
    text = fixture("suffolk-2025", "2025-01-suffolk-street.csv").read_bytes().replace(b"On or near", b"On or n\xe9ar", 1)
    archive = make_zip(tmp_path / "latin.zip", {"2025-01/2025-01-suffolk-street.csv": text})
    refused(tmp_path, capsys, archive, "2025-01/2025-01-suffolk-street.csv (in latin.zip) is not UTF-8 text: line 2 "
            "has a byte (0xE9)", own_temp_folder)


def test_non_utf8_header_inside_a_zip(tmp_path, capsys, own_temp_folder):
    archive = make_zip(tmp_path / "header.zip", {"2025-01/2025-01-suffolk-street.csv": "Crime ID,Month,Répo".encode(
        "latin-1")})
    refused(tmp_path, capsys, archive, "(in header.zip) is not UTF-8 text: line 1", own_temp_folder)


def test_a_refused_zip_in_the_service_changes_nothing(store, tmp_path, own_temp_folder):
    import_police_files(store, [fixture("suffolk-2025")])
    before = snapshot(store)
    good = street_file(tmp_path, "2025-04-suffolk-street.csv", [suffolk_row("2025-04")])
    archive = make_zip(tmp_path / "mixed.zip", {"2025-04/2025-04-suffolk-street.csv": good,
                                                "2025-05/2025-05-suffolk-street.csv": b"Crime ID,Month\nx,2025-05\n"})
    # Not a street file by its header, so only named as not imported; the good one imports.
    result = import_police_files(store, [archive])
    assert result.months == ["2025-04"]
    assert [name for name, _ in result.skipped] == ["2025-05/2025-05-suffolk-street.csv (in mixed.zip)"]
    before = snapshot(store)
    bad = make_zip(tmp_path / "bad.zip", {"2025-06/2025-06-suffolk-street.csv": fixture(
        "ragged-samples", "2018-01-avon-and-somerset-street.csv")})
    with pytest.raises(PoliceFileError, match="in bad.zip"):
        import_police_files(store, [fixture("suffolk-2021-01"), bad])
    assert snapshot(store) == before
    assert leftovers(own_temp_folder) == []


def test_the_window_imports_a_zip(demo_window, prompts, qtbot, tmp_path):
    archive = download_zip(tmp_path / "download.zip", fixture("suffolk-2021-01"), fixture("thames-valley-2022-01"))
    prompts.answers.append(True)  # Import Anyway: Thames Valley's file in the Suffolk example's (asked first, s73)
    import_in_window(demo_window, prompts, qtbot, archive)
    assert not prompts.errors
    title, text = prompts.infos[-1]
    assert title == "Police data imported"
    assert "from 2 files" in text
    assert "2022-01-thames-valley-outcomes.csv (in download.zip) is a police.uk outcomes file" in text


def test_the_window_refuses_a_damaged_zip(demo_window, prompts, qtbot, tmp_path):
    archive = tmp_path / "broken.zip"
    archive.write_bytes(b"PK\x03\x04 not really")
    store = demo_window.session.store
    before = store.scalar("SELECT count(*) FROM _police_counts")
    import_in_window(demo_window, prompts, qtbot, archive)
    title, text = prompts.errors[-1]
    # Said once: "…; nothing was imported." and no "Nothing was changed." after it (s61).
    assert "broken.zip is damaged: it stops before the end every zip has" in text
    assert text.endswith("; nothing was imported.")
    assert store.scalar("SELECT count(*) FROM _police_counts") == before


def test_the_full_suffolk_year_as_a_zip(tmp_path, store):
    folder = shared_data("police-uk", "suffolk-2025")
    archive = download_zip(tmp_path / "suffolk.zip", folder)
    result = import_police_files(store, [archive])
    assert result.rows == 48193
    assert {v.download_newest_month for v in result.vintages} == {"2025-12"}
