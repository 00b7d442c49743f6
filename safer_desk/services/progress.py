"""How long work reports progress and learns it was cancelled, without knowing about Qt."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator, Protocol

if TYPE_CHECKING:
    from safer_desk.storage.store import Store


class Cancelled(Exception):
    """The user cancelled; whatever was under way has been rolled back."""


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str = "") -> None: ...


def no_progress(done: int, total: int, message: str = "") -> None:
    """A Progress that ignores reports (the command line and tests)."""


def never_cancelled() -> bool:
    return False


CancelCheck = Callable[[], bool]


def check_cancelled(cancelled: CancelCheck) -> None:
    if cancelled():
        raise Cancelled("Cancelled; nothing was changed.")


@contextmanager
def stopped_by(store: "Store", cancelled: CancelCheck) -> Iterator["Store"]:
    """Cancel stops a worker's SQLite work on ``store`` (a connection of the worker's own) at its next step, not at
    its end: the statement under way is interrupted, raised as Cancelled (an interrupted write is rolled back)."""
    store.conn.set_progress_handler(lambda: 1 if cancelled() else 0, 1000)
    try:
        yield store
    except sqlite3.OperationalError:
        if cancelled():
            raise Cancelled("Cancelled; nothing was changed.") from None
        raise
    finally:
        store.conn.set_progress_handler(None, 1000)
