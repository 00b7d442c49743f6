"""Example costs data for the demo file (from the seed papers)."""

from __future__ import annotations

from safer_desk.storage.store import Store


def add_examples(store: Store) -> None:
    """Add this tab's examples to a fresh demo file."""
