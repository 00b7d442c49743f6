"""Session 72: `safer-desk --demo` with the temporary folder's disk full (a small /tmp, a full C: drive) said only
"safer-desk: the file could not be written or read: the disk is full. Nothing was changed." The person named no file:
which one, and where? It now says it was the example's temporary copy, in which folder, and that their own file is
untouched, as the window's start page says it."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from tests.cli_run import run


@pytest.fixture
def full_temp(monkeypatch, tmp_path):
    """The temporary folder's disk full: writing the example's copy fails as ENOSPC does."""
    from safer_desk.services import example_copy

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(example_copy, "copies_folder", lambda: temp)
    monkeypatch.setattr("tempfile.tempdir", str(temp))

    def disk_full(src, dst, length=0):
        dst.write(src.read(4096))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfileobj", disk_full)
    return temp


@pytest.mark.parametrize("argv", [["--demo"], ["screenshot", "{out}", "--demo"]])
def test_demo_with_the_temporary_folder_full_says_what_could_not_be_written_where(full_temp, tmp_path, capsys,
                                                                                   monkeypatch, argv):
    import safer_desk.ui.app as app

    monkeypatch.setattr(app, "run_window", lambda *a, **k: pytest.fail("the window was opened"))
    argv = [a.format(out=tmp_path / "shot.png") for a in argv]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert "the file could not be written" not in err
    assert "safer-desk: the example could not be copied into the temporary folder" in err, err
    assert str(full_temp) in err and "the disk is full" in err and "Your own file is as it was" in err, err
    assert list(full_temp.iterdir()) == []  # its half copy and folder gone
    assert not Path(tmp_path / "shot.png").exists()
