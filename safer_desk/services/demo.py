"""The example file: reference data and each tab's examples, all taken from the seed board papers."""

from __future__ import annotations

from pathlib import Path

from safer_desk.services.demo_data import allocation, costs, indicators, projects, reference
from safer_desk.storage.locking import FileInUse, OfficeLock
from safer_desk.storage.store import Store, StoreError, create_file

# Each tab adds its own examples; order matters only where one tab uses another's rows.
CONTRIBUTORS = (reference.add_examples, projects.add_examples, allocation.add_examples,
                costs.add_examples, indicators.add_examples)

EXAMPLE_OFFICE = "Example office (seed papers)"


class DemoError(ValueError):
    pass


def build_demo(path: Path | str, *, overwrite: bool = False) -> Path:
    """Write the example data to a new file at path (refusing to overwrite unless asked).

    The file is built whole in a temporary file beside path and moved into place at the end, so a run
    killed half-way (or a full disk) leaves any old file at path exactly as it was.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise DemoError(f"{path} already exists; choose a new file name.")
    if path.is_dir():
        raise DemoError(f"{path} is a folder; choose a file name.")
    lock = OfficeLock(path)
    try:
        lock.acquire()  # never replace a file another window is writing to
    except FileInUse as exc:
        raise DemoError(f"{path.name} is open in another Safer Desk window; close it there first. ({exc})") from None
    try:
        create_file(path, EXAMPLE_OFFICE, fill=fill_demo, replace=overwrite, label="demo")
    except StoreError as exc:
        raise DemoError(str(exc)) from exc
    finally:
        lock.release()
    return path


def fill_demo(store: Store) -> None:
    for add in CONTRIBUTORS:
        add(store)
