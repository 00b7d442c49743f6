"""The example file: reference data and each tab's examples, all taken from the seed board papers."""

from __future__ import annotations

from pathlib import Path

from safer_desk.services.demo_data import allocation, budgets, costs, indicators, projects, reference
from safer_desk.storage.store import Store, open_store

# Each tab adds its own examples; order matters only where one tab uses another's rows.
CONTRIBUTORS = (reference.add_examples, projects.add_examples, allocation.add_examples,
                costs.add_examples, indicators.add_examples, budgets.add_examples)


class DemoError(ValueError):
    pass


def build_demo(path: Path | str, *, overwrite: bool = False) -> Path:
    """Write the example data to a new file at path (refusing to overwrite unless asked)."""
    path = Path(path)
    if path.exists():
        if not overwrite:
            raise DemoError(f"{path} already exists; choose a new file name.")
        path.unlink()
    tmp = path.with_name(path.name + ".building")
    for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
        leftover.unlink(missing_ok=True)
    store = open_store(tmp, create=True, office_name="Example office (seed papers)")
    try:
        fill_demo(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        store.close()
    tmp.replace(path)
    return path


def fill_demo(store: Store) -> None:
    for add in CONTRIBUTORS:
        add(store)
