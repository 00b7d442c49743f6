"""Row identities that survive export and merge: random for user rows, derived for shared reference data."""

from __future__ import annotations

import re
import unicodedata
import uuid


def new_id() -> str:
    """A fresh identity for a user row (projects, cases, scenarios …)."""
    return uuid.uuid4().hex


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
