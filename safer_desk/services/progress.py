"""How long work reports progress and learns it was cancelled, without knowing about Qt."""

from __future__ import annotations

from typing import Callable, Protocol


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
