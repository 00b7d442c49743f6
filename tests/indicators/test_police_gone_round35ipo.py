"""A street file that goes while it is imported (deleted, moved, a USB stick or network drive taken away): it was
"2025-03-suffolk-street.csv cannot be read (No such file or directory); nothing was imported.", saying nothing of
what had happened or what to do."""

from __future__ import annotations

import shutil

import pytest

from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import fixture, snapshot


def test_a_file_that_goes_during_the_import_says_what_to_do(store, tmp_path):
    folder = tmp_path / "download"
    folder.mkdir()
    for month in ("2025-02", "2025-03"):
        shutil.copy(fixture("suffolk-2025", f"{month}-suffolk-street.csv"), folder)
    before = snapshot(store)

    def progress(done, total, message):  # the files are found, not yet read: one goes now
        if done == 0:
            (folder / "2025-03-suffolk-street.csv").unlink(missing_ok=True)

    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [folder], progress=progress)
    said = str(refused.value)
    assert said.startswith("2025-03-suffolk-street.csv cannot be read (")  # the system's words: Windows has its own
    assert said.endswith("): it was moved or deleted while it was imported, or the drive it is on went away. Put it "
                         "back (or choose it where it is now) and import again; nothing was imported.")
    assert snapshot(store) == before
