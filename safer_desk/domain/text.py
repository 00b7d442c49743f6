"""Names as people type them: the papers' titles carry en dashes and curly quotes that no keyboard gives."""

from __future__ import annotations

import re

# Every dash and minus to a hyphen, curly and prime quotes to straight ones.
_PUNCTUATION = str.maketrans({
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
})
_SPACES = re.compile(r"\s+")


def typed_name_key(text: str) -> str:
    """What two names must share to be the same name as typed: any case, any dash or quote, any spacing."""
    return _SPACES.sub(" ", (text or "").translate(_PUNCTUATION)).strip().casefold()
