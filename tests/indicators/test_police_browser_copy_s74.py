"""Session 74 (hunt): an officer downloads Devon & Cornwall's January twice into Downloads (police.uk revised it
in between); the browser saves the second as "2020-01-devon-and-cornwall-street (1).csv". Importing the folder
counted the first download and said "the later one (2020-01-devon-and-cornwall-street.csv …) was counted, not the
earlier (… (1).csv)": a folder was read in name order, where " (1)" sorts before ".csv". A browser's numbered copy
is now read after the file it copies, so the newer download is the one counted, and said so."""

from __future__ import annotations

import shutil
import tempfile

import pytest

from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import fixture

COUNTS = "SELECT * FROM _police_counts ORDER BY 1, 2, 3, 4"
NAME = "2020-01-devon-and-cornwall-street"


@pytest.fixture(autouse=True)
def own_temp_folder(tmp_path, monkeypatch):
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def revised(source, target, drop_every: int) -> None:
    """The month as police.uk gave it later: some rows fewer (crimes reclassified or withdrawn)."""
    lines = source.read_bytes().splitlines(keepends=True)
    target.write_bytes(b"".join(line for i, line in enumerate(lines) if i == 0 or i % drop_every))


def test_a_browsers_numbered_copy_is_the_later_download(tmp_path, store):
    from safer_desk.storage.store import open_store

    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    first = fixture("devon-and-cornwall-2020-q1", "download-a") / f"{NAME}.csv"
    shutil.copy(first, downloads / f"{NAME}.csv")
    revised(first, downloads / f"{NAME} (1).csv", 50)
    result = import_police_files(store, [downloads])
    alone = open_store(tmp_path / "alone.sqlite", create=True)
    try:
        only = tmp_path / "only"
        only.mkdir()
        shutil.copy(downloads / f"{NAME} (1).csv", only / f"{NAME}.csv")
        import_police_files(alone, [only])
        expected = [tuple(r) for r in alone.rows(COUNTS)]
    finally:
        alone.close()
    assert [tuple(r) for r in store.rows(COUNTS)] == expected
    said = " ".join(result.summary_lines())
    assert f"the later one ({NAME} (1).csv" in said and f"not the earlier ({NAME}.csv" in said


def test_numbered_copies_are_read_in_their_numbers_order(tmp_path):
    from safer_desk.exchange.police_uk import street_files_in

    folder = tmp_path / "Downloads"
    folder.mkdir()
    source = fixture("devon-and-cornwall-2020-q1", "download-a") / f"{NAME}.csv"
    for name in (f"{NAME} (10).csv", f"{NAME} (2).csv", f"{NAME}.csv", f"{NAME} (1).csv",
                 "2020-02-devon-and-cornwall-street.csv"):
        shutil.copy(source, folder / name)
    with street_files_in([folder]) as found:
        assert [f.name for f in found.street] == [f"{NAME}.csv", f"{NAME} (1).csv", f"{NAME} (2).csv",
                                                  f"{NAME} (10).csv", "2020-02-devon-and-cornwall-street.csv"]
