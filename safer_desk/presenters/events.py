"""A tiny observer: presenters announce changes, widgets listen (no Qt signals below the ui)."""

from __future__ import annotations

from typing import Any, Callable


class Event:
    """Callbacks run in the order they were connected; ``emit`` passes its arguments on."""

    def __init__(self) -> None:
        self._handlers: list[Callable[..., Any]] = []

    def connect(self, handler: Callable[..., Any]) -> Callable[..., Any]:
        self._handlers.append(handler)
        return handler

    def disconnect(self, handler: Callable[..., Any]) -> None:
        if handler in self._handlers:
            self._handlers.remove(handler)

    def emit(self, *args: Any) -> None:
        for handler in list(self._handlers):
            handler(*args)
