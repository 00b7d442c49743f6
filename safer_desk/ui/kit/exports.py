"""Export a table to the file a person chooses: the one dialog, the one writer, the one message shape.

``export_to_chosen_file`` asks for a name (.xlsx, .csv or .tsv; .xlsx when none is typed), calls ``write``
with the target (a presenter's export or ``exchange.tables.write_table``), says why when it failed and
nothing was written, and returns the path written (None when cancelled or refused).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from safer_desk.exchange.tables import UnsupportedFormat, table_file_filter, table_target
from safer_desk.ui import prompts


def export_to_chosen_file(parent, title: str, default_name: str, write: Callable[[Path], Any], *, failed: str,
                          refusals: tuple[type[BaseException], ...] = ()) -> Path | None:
    """``failed`` starts the message when writing fails ("The register was not saved"); ``refusals`` are the
    service's own errors to say the same way (OSError and an unsupported suffix always are)."""
    name = prompts.save_file_name(parent, title, table_file_filter(), default_name)
    if not name:
        return None
    target = table_target(name)
    try:
        written = write(target)
    except (UnsupportedFormat, OSError, *refusals) as exc:
        prompts.show_error(parent, "Export", f"{failed}: {exc}")
        return None
    return written if isinstance(written, Path) else target
