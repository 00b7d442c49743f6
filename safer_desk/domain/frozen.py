"""A frozen value class written out by hand: what ``@dataclass(frozen=True)`` (and ``order=True``) give, without
Python compiling each class's generated methods as its module loads (2 to 5 M instructions a class before the
window's first screen on Python 3.11: docs/architecture.md, start-up).

A subclass sets ``__slots__`` to its own fields, names all of them in order in ``__match_args__`` (as the dataclass
did) and assigns them in ``__init__`` with ``object.__setattr__``; its ``__repr__`` and its fields' values in order
(``_fields()``) come from those names.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from operator import attrgetter
from typing import Any, Callable


def _values_of(names: tuple[str, ...]) -> Callable[[Any], tuple]:
    """The fields' values in order, read in C (``attrgetter``), as a tuple even for one field."""
    get = attrgetter(*names)
    if len(names) == 1:
        return lambda self: (get(self),)
    return lambda self: get(self)


class Frozen:
    """Equal only to a value of the same class with equal fields, hashed by them (unhashable when one is), refusing
    assignment and deletion as a frozen dataclass does, copied and pickled through its constructor."""

    __slots__ = ()
    __match_args__: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.__match_args__:  # not a base without fields (Ordered)
            cls._fields = _values_of(cls.__match_args__)  # type: ignore[method-assign]

    def _fields(self) -> tuple:
        return ()

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={value!r}" for name, value in zip(self.__match_args__, self._fields()))
        return f"{type(self).__qualname__}({shown})"

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
