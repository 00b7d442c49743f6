"""Named step boundaries where a test can kill the program, as a power cut or a killed process would.

Every write of a new file (export, workbook, report, backup, new file, ``demo --force``) and every
migration passes ``boundary("…")`` between its steps. When the environment variable
``SAFER_DESK_FAULT`` names that boundary, the process ends there and then with ``os._exit``: no
``finally`` block, no ``atexit`` handler and no buffered write runs, exactly as if the power went. The
tests in ``tests/safety`` run the command line in a subprocess once per boundary and check that no
readable copy of victim data is left anywhere, that the old file is intact, and that the next start
removes what the killed run left behind.

``SAFER_DESK_FAULT=migration:after-step#3`` kills at the third pass of a boundary that is passed
several times. Unset (always, for users) a boundary costs one dictionary look-up.
"""

from __future__ import annotations

import os

FAULT_ENV = "SAFER_DESK_FAULT"
FAULT_EXIT_CODE = 86  # what a killed run exits with, so a test can tell the kill from a failure

# Every boundary, in the order the steps happen. A boundary not listed here is a programming error.
BOUNDARIES: tuple[str, ...] = (
    # safer-desk export OUT.sqlite (exchange.county_export.write_county_export)
    "export:after-copy",  # the office file copied into memory, not yet minimised
    "export:after-minimise",  # victim-level rows, audit trail and internal tables gone (still in memory)
    "export:temp-written",  # the minimised copy written to the temporary file beside the target
    "export:before-replace",  # the temporary file flushed to disk, not yet moved into place
    "export:after-replace",
    # safer-desk export OUT.xlsx (the workbook, written from the minimised export held in memory)
    "workbook:after-export",
    "workbook:temp-written",
    "workbook:before-replace",
    "workbook:after-replace",
    # safer-desk report OUT.pdf / OUT.html
    "report-pdf:after-render",  # the PDF made in memory and checked
    "report-pdf:temp-written",
    "report-pdf:before-replace",
    "report-pdf:after-replace",
    "report-html:temp-written",
    "report-html:before-replace",
    "report-html:after-replace",
    # CSV files (exchange.files.write_csv)
    "csv:temp-written",
    "csv:before-replace",
    "csv:after-replace",
    # a backup (before an upgrade, File > Back Up Now, File > Save a Copy)
    "backup:temp-written",  # the copy made in the temporary file
    "backup:before-replace",  # flushed to disk, not yet moved into place
    "backup:after-replace",  # in place, older backups of the same file not yet rotated
    # a new file (File > New, a command that creates FILE)
    "new-file:after-create",  # the temporary file exists, no steps applied
    "new-file:after-migrations",  # every first step applied
    "new-file:temp-written",
    "new-file:before-replace",  # flushed to disk, not yet moved into place
    "new-file:after-replace",
    # opening an older file (a backup first, then each step in its own transaction)
    "migration:after-backup",
    "migration:after-step",  # passed after each step commits: add #N for the N-th
    "migration:before-finish",  # every step applied, the audit triggers and version not yet written
    # safer-desk demo OUT --force
    "demo:after-create",
    "demo:after-fill",
    "demo:temp-written",
    "demo:before-replace",
    "demo:after-replace",
)
_KNOWN = frozenset(BOUNDARIES)
_passes: dict[str, int] = {}


class UnknownBoundary(ValueError):
    pass


def boundary(name: str) -> None:
    """Mark a step boundary; end the process here if SAFER_DESK_FAULT names it (tests only)."""
    if name not in _KNOWN:
        raise UnknownBoundary(f"{name} is not a known fault boundary (add it to safer_desk.faults.BOUNDARIES)")
    wanted = os.environ.get(FAULT_ENV)
    if not wanted:
        return
    target, _, nth = wanted.partition("#")
    if target != name:
        return
    _passes[name] = _passes.get(name, 0) + 1
    if nth and _passes[name] != int(nth):
        return
    os._exit(FAULT_EXIT_CODE)
