"""What the kit's table answers for each role Qt asks a cell or a heading about, through the sort proxy as a view asks.

Qt asks each cell in view for nine roles at every paint; the kit answers the few it uses (``CELL_ROLES``,
``HEADING_ROLES``) and None, at once, for every other. These pin each role's answer, so the quick None can never
swallow a role the kit answers, nor a role Qt asks come back with something.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from safer_desk.presenters.formats import Unit
from safer_desk.ui.kit.tables import (CELL_ROLES, COPY_BESIDE_ROLE, COPY_ROLE, HEADING_ROLES, RAW_ROLE, ROW_ROLE,
                                      Column, RowTableModel, SortProxy, money_column)

# The Mid Suffolk review of £7,525.58 (seed 002): two councils' shares and a refusal.
SHARES = [
    {"name": "Mid Suffolk District Council", "owed": 250_853, "change": 12},
    {"name": "Suffolk County Council", "owed": 250_853, "change": -3},
    {"name": "Suffolk Constabulary", "owed": 0, "change": 0},
]
ROLE = Qt.ItemDataRole


def total(shown):
    return {"name": "Total", "owed": sum(r["owed"] for r in shown), "change": sum(r["change"] for r in shown)}


def proxy() -> SortProxy:
    columns = [Column("name", "Partner", tooltip=lambda row: f"{row['name']} owes its share"),
               money_column("owed", "Outstanding"),
               Column("change", "Change", unit=Unit.COUNT, align=Qt.AlignmentFlag.AlignRight,
                      copy_beside=(("Change (words)", lambda row: "up" if row["change"] > 0 else "not up"),))]
    sort = SortProxy()
    sort.setSourceModel(RowTableModel(columns, SHARES, totals=total))
    return sort


def test_a_cell_answers_its_text_alignment_tip_and_copies_and_nothing_else():
    table = proxy()
    cell, figure, total_cell = table.index(0, 0), table.index(1, 1), table.index(3, 1)

    assert cell.data(ROLE.DisplayRole) == "Mid Suffolk District Council"
    assert cell.data(ROLE.AccessibleTextRole) == "Mid Suffolk District Council"
    assert cell.data(ROLE.ToolTipRole) == "Mid Suffolk District Council owes its share"
    assert figure.data(ROLE.DisplayRole) == "£2,508.53"
    assert Qt.AlignmentFlag(figure.data(ROLE.TextAlignmentRole)) & Qt.AlignmentFlag.AlignRight
    assert figure.data(RAW_ROLE) == 250_853
    assert figure.data(COPY_ROLE) == "2508.53"
    assert figure.data(ROW_ROLE) == SHARES[1]
    assert table.index(0, 2).data(COPY_BESIDE_ROLE) == ["up"]
    assert figure.data(ROLE.FontRole) is None  # only the totals line is bold
    assert total_cell.data(ROLE.DisplayRole) == "£5,017.06"
    assert isinstance(total_cell.data(ROLE.FontRole), QFont) and total_cell.data(ROLE.FontRole).bold()

    for role in ROLE:  # Decoration, colours, check state, size, status tip, edit...: none given
        if int(role) not in CELL_ROLES:
            assert cell.data(role) is None, role.name
            assert total_cell.data(role) is None, role.name
    assert table.index(0, 0).data(ROLE.UserRole + 40) is None


def test_an_index_past_the_rows_or_without_a_totals_line_answers_none():
    columns = [Column("name", "Partner")]
    model = RowTableModel(columns, SHARES)  # no totals line
    assert model.rowCount() == 3
    assert model.data(model.createIndex(3, 0), ROLE.DisplayRole) is None
    assert model.data(model.createIndex(-1, 0), ROLE.DisplayRole) is None
    assert model.data(model.index(2, 0), ROLE.DisplayRole) == "Suffolk Constabulary"


def test_a_heading_answers_its_words_and_copied_headings_and_nothing_else():
    table = proxy()
    table.set_column_filter(0, "suffolk")

    assert table.headerData(1, Qt.Orientation.Horizontal, ROLE.DisplayRole) == "Outstanding"
    assert table.headerData(0, Qt.Orientation.Horizontal, ROLE.DisplayRole) == "Partner ▾ “suffolk”"
    assert table.headerData(2, Qt.Orientation.Horizontal, COPY_BESIDE_ROLE) == ["Change (words)"]
    assert table.headerData(0, Qt.Orientation.Vertical, ROLE.DisplayRole) == "1"
    assert table.headerData(table.rowCount() - 1, Qt.Orientation.Vertical, ROLE.DisplayRole) == ""  # the totals
    for role in ROLE:
        if int(role) not in HEADING_ROLES:
            assert table.headerData(1, Qt.Orientation.Horizontal, role) is None, role.name
