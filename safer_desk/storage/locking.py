"""One writer per file: an operating-system lock on a small file beside it (works on Windows too).

The lock is released by the operating system when the process dies, so a crash never
leaves a file locked for ever. A second window, in this process or another, is told
the file is in use and can open it read-only.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime
from pathlib import Path

from filelock import FileLock, Timeout


class FileInUse(Exception):
    pass


def lock_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + ".lock")


def _holder_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + ".lock-holder")


class OfficeLock:
    """Exclusive lock for writing one Safer Desk file."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = FileLock(str(lock_path(self.path)), timeout=0, is_singleton=False)

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise FileInUse(self._in_use_message()) from None
        try:
            _holder_path(self.path).write_text(
                json.dumps({"host": socket.gethostname(), "pid": os.getpid(),
                            "since": datetime.now().isoformat(timespec="seconds")}),
                encoding="utf-8",
            )
        except OSError:
            pass  # the note of who holds the lock is a courtesy; the lock itself is what counts

    def _in_use_message(self) -> str:
        who = ""
        try:
            info = json.loads(_holder_path(self.path).read_text(encoding="utf-8"))
            who = f" (by process {info.get('pid')} on {info.get('host')} since {info.get('since')})"
        except (OSError, ValueError):
            pass
        return (f"{self.path.name} is already open for writing in another Safer Desk window{who}. "
                "It can be opened read-only.")

    def release(self) -> None:
        if self._lock.is_locked:
            try:
                _holder_path(self.path).unlink(missing_ok=True)
            except OSError:
                pass
            self._lock.release()
