"""A frozen value class written out by hand: what ``@dataclass(frozen=True)`` (and ``order=True``) give, without
Python compiling each class's generated methods as its module loads (2 to 5 M instructions a class before the
window's first screen on Python 3.11: docs/architecture.md, start-up).

A subclass sets ``__slots__`` to its fields, assigns them in ``__init__`` with ``object.__setattr__``, writes its own
``__repr__`` as the dataclass would, and gives its fields' values in order from ``_fields()``.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError


class Frozen:
    """Equal only to a value of the same class with equal fields, hashed by them (unhashable when one is), refusing
    assignment and deletion as a frozen dataclass does, copied and pickled through its constructor."""

    __slots__ = ()

    def _fields(self) -> tuple:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._fields() == other._fields()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._fields())

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple:
        return (type(self), self._fields())


class Ordered(Frozen):
    """Ordered as the tuple of its fields, against a value of the same class only (``order=True``)."""

    __slots__ = ()

    def __lt__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._fields() < other._fields()  # type: ignore[attr-defined]
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._fields() <= other._fields()  # type: ignore[attr-defined]
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._fields() > other._fields()  # type: ignore[attr-defined]
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._fields() >= other._fields()  # type: ignore[attr-defined]
        return NotImplemented
