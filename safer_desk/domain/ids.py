"""Row identities that survive export and merge: random for user rows, derived for shared reference data."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    import random

_seeded: random.Random | None = None  # set only while the example file is built (seeded_ids)


def new_id() -> str:
    """A fresh identity for a user row (projects, cases, scenarios …)."""
    import uuid  # here, not at the top: start-up reaches this module before the window shows

    if _seeded is not None:
        return uuid.UUID(int=_seeded.getrandbits(128), version=4).hex
    return uuid.uuid4().hex


@contextlib.contextmanager
def seeded_ids(seed: int) -> Iterator[None]:
    """Ids from a seeded source, so a build of the example file gives the same ids every time.

    Only for the example file (services.demo): real offices' rows must have random ids, or two
    offices' files would clash when the county merges them. Usable as a decorator too.
    """
    import random

    global _seeded
    previous, _seeded = _seeded, random.Random(seed)
    try:
        yield
    finally:
        _seeded = previous


def slug(text: str) -> str:
    """Lower-case words joined by hyphens: "Mid Suffolk" -> "mid-suffolk"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def reference_id(kind: str, name: str) -> str:
    """The same name gives the same id in every office's file, so merged reference data matches."""
    s = slug(name)
    if not s:
        raise ValueError(f"a {kind} needs a name")
    return f"{kind}:{s}"
