"""States as enums that carry the words people see, so display text is never used as a state.

A member's value is what the file stores ("commissioned"); its ``label`` is what the
window shows ("Commissioned"). Stored values never change when a label does.
"""

from __future__ import annotations

from enum import Enum


class LabelledEnum(str, Enum):
    """A str-valued enum whose members carry a label: ``Member = ("stored", "Shown")``."""

    label: str

    def __new__(cls, value: str, label: str | None = None):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label if label is not None else value.replace("_", " ").capitalize()
        return member

    def __str__(self) -> str:
        return self.value

    @classmethod
    def parse(cls, text: str | None):
        """The member whose stored value or label is ``text`` (any case); ValueError otherwise."""
        wanted = (text or "").strip().casefold()
        for member in cls:
            if wanted in (member.value.casefold(), member.label.casefold()):
                return member
        names = ", ".join(m.label for m in cls)
        raise ValueError(f"“{(text or '').strip()}” is not one of: {names}.")

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(stored value, label) pairs in declaration order, for a choice field or a filter."""
        return [(m.value, m.label) for m in cls]

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(m.value for m in cls)
