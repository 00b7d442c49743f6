"""Session 72: `safer-desk screenshot OUT.png FILE` onto a full disk printed Qt's own "libpng error: Write Error"
on stderr before Safer Desk's message: Qt wrote the picture to the disk itself. The picture is now made in memory
and written through Safer Desk's checked atomic write, so the only words are Safer Desk's, and nothing is left."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

posix_only = pytest.mark.skipif(os.name == "nt", reason="RLIMIT_FSIZE: the disk filling up, simulated on POSIX")
LIMIT = 40 * 1024  # the picture of the window is larger; the file it draws is only read


def _limited():
    """A file may grow to LIMIT bytes, as on a disk with that much room: a write past it is refused (EFBIG), as
    ENOSPC refuses it on a full disk."""
    import resource
    import signal

    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _screenshot(out, file, tmp_path, *, limited: bool) -> subprocess.CompletedProcess:
    env = {**os.environ, "SAFER_DESK_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    return subprocess.run([sys.executable, "-m", "safer_desk", "screenshot", str(out), str(file)], env=env,
                          capture_output=True, text=True, timeout=120, preexec_fn=_limited if limited else None)


@posix_only
def test_a_picture_the_disk_refuses_is_said_only_in_safer_desks_words(demo_path, tmp_path):
    out = tmp_path / "pictures" / "window.png"
    out.parent.mkdir()
    result = _screenshot(out, demo_path, tmp_path, limited=True)
    assert result.returncode == 1, result.stderr
    assert "libpng" not in result.stderr and "Write Error" not in result.stderr, result.stderr
    assert "window.png" in result.stderr and "too large for that disk" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert list(out.parent.iterdir()) == []  # neither the picture nor a part of it is left


@posix_only
def test_a_picture_with_room_is_whole(demo_path, tmp_path):
    out = tmp_path / "window.png"
    result = _screenshot(out, demo_path, tmp_path, limited=False)
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and data.endswith(b"IEND\xaeB`\x82") and len(data) > LIMIT
