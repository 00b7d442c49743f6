"""The kit's small table of cells set one by one (a ``QTableWidget``) that copies as the kit's other tables do.

Qt's own Ctrl+C in a ``QTableWidget`` copies the current cell only ("£65,000" of a whole table selected), and the
window's Edit > Copy found no table to copy there. A ``SheetTable`` copies every selected cell, tab-separated with
its headings, each cell's ``COPY_ROLE`` where it has one (a plain number for Excel), else its text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget

from safer_desk.ui.kit.table_view import CopiesSelection, _source_copy


class SheetTable(CopiesSelection, QTableWidget):
    """``corner``: the heading over the row names, when the table shows them (a year, a partner)."""

    def __init__(self, rows: int, columns: int, parent=None, *, corner: str = ""):
        super().__init__(rows, columns, parent)
        self.corner = corner
        self.setTabKeyNavigation(False)  # Tab leaves the table, as the kit's other tables do (the arrows move within)

    def selected_cells_text(self, *, with_header: bool = True) -> str:
        """The rows and columns of the selected cells as tab-separated text Excel reads cell by cell (a cell inside
        them that is not selected is left empty)."""
        chosen = {(i.row(), i.column()) for i in self.selectedIndexes()}
        if not chosen:
            return ""
        model = self.model()
        rows = sorted({r for r, _ in chosen})
        columns = [c for c in sorted({c for _, c in chosen}) if not self.isColumnHidden(c)]
        named = not self.verticalHeader().isHidden()  # the row names are a column of the copy, as Excel's labels
        table = []
        if with_header:
            table.append([self.corner] * named + [model.headerData(c, Qt.Orientation.Horizontal) for c in columns])
        for r in rows:
            line = [model.headerData(r, Qt.Orientation.Vertical)] if named else []
            line += [_cell_copy(model.index(r, c)) if (r, c) in chosen else "" for c in columns]
            table.append(line)
        from safer_desk.exchange.files import to_tsv  # here: the file formats are not needed for the first screen

        return to_tsv(table)

    def copy_text(self, *, with_header: bool = True) -> str:
        return self.selected_cells_text(with_header=with_header)

    def keyPressEvent(self, event) -> None:
        if not (self.copy_key(event) or self.paste_key(event)):
            super().keyPressEvent(event)


def _cell_copy(index) -> str:
    """As the kit's tables copy a cell (``_source_copy``), shown text with an ASCII minus for Excel."""
    return _source_copy(index).replace("\u2212", "-")
