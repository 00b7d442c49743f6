"""A police.uk download (.zip) that cannot be unpacked because the temporary folder's disk is full says where and
what to do (session 75).

With the system's temporary folder on a small, full disk, `safer-desk import-police office.sqlite suffolk.zip` said
"suffolk.zip could not be unpacked into the temporary folder (No space left on device); nothing was imported.": not
which folder (the office's file was on another disk, with room), Python's words for the cause, and nothing to do.
It now names the folder, says the disk is full, and to free space there or unpack the zip into a folder with room
and import that folder. The office's file is as it was."""

from __future__ import annotations

import errno
import shutil
import tempfile
import zipfile

import safer_desk.exchange.police_uk as police_uk
from tests.exchange.helpers import cli_output
from tests.indicators.test_police_group_typed_s49 import december
from tests.safety.helpers import sha256


def _zipped(tmp_path):
    street = december(tmp_path)
    archive = tmp_path / "suffolk.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(street, f"2024-12/{street.name}")
    return archive


def test_a_full_temporary_folder_is_said_with_where_and_what_to_do(demo_path, tmp_path, monkeypatch):
    archive = _zipped(tmp_path)

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(police_uk.shutil, "copyfileobj", disk_full)
    before = sha256(demo_path)
    code, out, err = cli_output(["import-police", str(demo_path), str(archive)])
    monkeypatch.setattr(police_uk.shutil, "copyfileobj", shutil.copyfileobj)
    assert (code, out) == (1, "")
    assert err == (f"safer-desk: suffolk.zip could not be unpacked into the temporary folder {tempfile.gettempdir()}: "
                   "the disk is full. Free some space on that disk, or unpack the zip yourself (in Windows, "
                   "right-click it and choose Extract All…) into a folder with room and import that folder; nothing "
                   "was imported.\n"), err
    assert sha256(demo_path) == before


def test_a_zip_that_cannot_be_read_is_not_said_as_not_unpacked(demo_path, tmp_path, monkeypatch):
    """Reading the zip itself failing (a USB stick pulled out, a network share gone) is no full temporary folder."""
    archive = _zipped(tmp_path)

    def gone(*_args, **_kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(zipfile.ZipFile, "open", gone)
    before = sha256(demo_path)
    code, _out, err = cli_output(["import-police", str(demo_path), str(archive)])
    monkeypatch.undo()
    assert code == 1
    assert err.startswith("safer-desk: suffolk.zip could not be read: ") and "temporary folder" not in err, err
    assert err.endswith("import it from there; nothing was imported.\n"), err
    assert sha256(demo_path) == before
