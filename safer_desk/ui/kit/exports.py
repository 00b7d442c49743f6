"""Export a table to the file a person chooses: the one dialog, the one writer, the one message shape.

``export_to_chosen_file`` asks for a name (.xlsx, .csv or .tsv; .xlsx when none is typed), calls ``write``
with the target (a presenter's export or ``exchange.tables.write_table``), says why when it failed and
nothing was written, and returns the path written (None when cancelled or refused).

One rule for every table: an export or a copy holds the rows the table shows, in its order, and its totals line
totals those. When a search or a filter hides rows, ``Shown`` says so in the confirmation ("Saved 5 of 11 partners
(as filtered: search “council”)"), in the workbook's title and on the totals line ("Total of the 5 shown (of 11
partners)"), so a board paper never carries a part as if it were the whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

from safer_desk.domain.text import counted, shown_total_label
from safer_desk.exchange.tables import UnsupportedFormat, table_file_filter, table_target
from safer_desk.ui import prompts


def export_to_chosen_file(parent, title: str, default_name: str, write: Callable[[Path], Any], *, failed: str,
                          refusals: tuple[type[BaseException], ...] = (),
                          ready: Callable[[], bool] | None = None) -> Path | None:
    """``failed`` starts the message when writing fails ("The register was not saved"); ``refusals`` are the
    service's own errors to say the same way (OSError and an unsupported suffix always are). ``ready``: asked once
    the file is named, before anything is written (what is typed and not saved: Save, Discard or Cancel); False
    writes nothing. Asked before the file window, Discard then Cancel there lost the typing and exported nothing."""
    name = prompts.save_file_name(parent, title, table_file_filter(), default_name)
    if not name or (ready is not None and not ready()):
        return None
    target = table_target(name)
    try:
        written = write(target)
    except (UnsupportedFormat, OSError, *refusals) as exc:
        prompts.show_error(parent, "Export", f"{failed}: {exc}")
        return None
    return written if isinstance(written, Path) else target


@dataclass(frozen=True)
class Shown:
    """How many of a table's rows an export or a copy holds, of how many, and what filtered the rest out."""

    shown: int
    total: int
    noun: str
    plural: str | None = None
    filters: str = ""

    @property
    def hidden(self) -> bool:
        return self.shown < self.total

    def __str__(self) -> str:
        """"11 partners"; "5 of 11 partners (as filtered: search “council”)" when a filter hides some."""
        if not self.hidden:
            return counted(self.total, self.noun, self.plural)
        why = f"as filtered: {self.filters}" if self.filters else "as filtered"
        return f"{self.shown:,} of {counted(self.total, self.noun, self.plural)} ({why})"

    @property
    def title(self) -> str:
        """What a file's title says of a table with no totals line: as ``str``, but "None shown (of 23 projects, as
        filtered: search “x”)" when a filter hides every row, worded as the table's empty grid says it."""
        if self.shown > 0 or not self.total:
            return str(self)
        why = f", as filtered: {self.filters}" if self.filters else ", as filtered"
        return f"{self.total_label[:-1]}{why})"

    def saved_to(self, target: Path | str, *, totals_line: bool = False) -> str:
        """The confirmation of an export: "Saved 5 of 11 partners (as filtered: …) to X."; when a filter hides every
        row, first the words the empty grid and Copy say ("None shown (of 23 projects, as filtered: search “x”)"), then
        that the file holds the headings only: a CSV cannot say it in a line, which would paste back as a row. A table
        written with its ``totals_line`` (the DHR ledger's) holds that line, worded as the grid's: said so."""
        if self.shown > 0 or not self.total:
            return f"Saved {self} to {target}."
        rows = self.plural or self.noun + "s"
        holds = f"no {self.noun}, only its totals line saying so" if totals_line else \
            f"the headings only, no {self.noun}"
        return f"{self.title}: {target} holds {holds}. Clear the search and filters to export the {rows}."

    @property
    def total_label(self) -> str:
        """The totals line's label: "Total", or "Total of the 5 shown (of 11 partners)" when a filter hides some, or
        "None shown (of 11 partners)" when it hides all: worded as the window's totals line is, by one function."""
        return shown_total_label(self.shown, self.total, self.noun, self.plural)


def shown_rows(proxy, noun: str, *, search: str = "", chosen: Sequence[str] = (), plural: str | None = None) -> Shown:
    """What a kit table (its ``SortProxy``) shows of its rows: ``search`` is the text in the table's search box,
    ``chosen`` the other filters as their widgets say them ("Proposed"); the column filters chosen from its headings
    are named with their headings."""
    model = proxy.sourceModel()
    filters = [f"search “{search.strip()}”"] if search.strip() else []
    filters += [c for c in chosen if c]
    filters += [f"{column.header} “{proxy.column_filter(c)}”" for c, column in enumerate(model.columns)
                if proxy.column_filter(c)]
    return Shown(len(proxy.source_rows()), len(model.rows), noun, plural, "; ".join(filters))
