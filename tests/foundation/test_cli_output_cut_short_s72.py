"""Session 72: `safer-desk indicators FILE > figures.csv` onto a disk that filled up part-way (or a file size limit)
exited 0, saying nothing, with 61,440 bytes of a 103,254-byte CSV in figures.csv: Python's text output drops what the
file refuses part-way through a large write without raising, so neither the command nor a script calling it could
tell the CSV was cut short. It now says "the output could not be written … What the command printed is incomplete"
and exits 1, as it did when the disk refused the very first write."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

posix_only = pytest.mark.skipif(os.name == "nt", reason="RLIMIT_FSIZE: the disk filling up, simulated on POSIX")
LIMIT = 60 * 1024


def _limited():
    """A file may grow to LIMIT bytes, as on a disk with that much room: a write past it is cut short, the next
    refused (EFBIG), as ENOSPC does on a full disk."""
    import resource
    import signal

    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _printed(argv: list[str], out, tmp_path, *, limited: bool) -> subprocess.CompletedProcess:
    env = {**os.environ, "SAFER_DESK_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}
    with open(out, "wb") as fh:
        return subprocess.run([sys.executable, "-m", "safer_desk", *argv], stdout=fh, stderr=subprocess.PIPE,
                              text=True, env=env, timeout=120, preexec_fn=_limited if limited else None)


@posix_only
def test_a_csv_the_disk_cuts_short_is_said_and_exits_1(demo_path, tmp_path):
    whole = _printed(["indicators", str(demo_path)], tmp_path / "whole.csv", tmp_path, limited=False)
    assert whole.returncode == 0 and (tmp_path / "whole.csv").stat().st_size > LIMIT + 16384  # well past the room
    cut = _printed(["indicators", str(demo_path)], tmp_path / "cut.csv", tmp_path, limited=True)
    assert (tmp_path / "cut.csv").stat().st_size <= LIMIT
    assert cut.returncode == 1, cut.stderr
    assert "the output could not be written" in cut.stderr and "What the command printed is incomplete" in cut.stderr


@posix_only
def test_output_that_fits_is_whole_and_exits_0(demo_path, tmp_path):
    small = _printed(["projects", str(demo_path)], tmp_path / "projects.csv", tmp_path, limited=True)
    assert small.returncode == 0, small.stderr
    assert _printed(["projects", str(demo_path)], tmp_path / "whole.csv", tmp_path, limited=False).returncode == 0
    assert (tmp_path / "projects.csv").read_bytes() == (tmp_path / "whole.csv").read_bytes()
