"""A cell typed with two notes, each in its own brackets, as a paper's cell carries a note and a reference (session
65, helper bud).

"£4,000 (agreed) (see minutes)" kept one note with its brackets torn, "agreed) (see minutes", which the cell's
tooltip, the workbook and the board report then printed. A split and a note in two brackets are read as two things
("£4,000 (£2,000 per District) (agreed)"); two notes are now read as the cell's note, each kept as typed, "agreed; see
minutes", as a split's own note and a bracket's are joined.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.budgets import parse_cell


@pytest.mark.parametrize("typed, status, note", [
    ("£4,000 (agreed) (see minutes)", "amount", "agreed; see minutes"),
    ("TBC (awaiting the board) (see 6.3)", "tbc", "awaiting the board; see 6.3"),
    ("£4,000 (£2,000 per District, agreed) (see minutes)", "amount", "agreed; see minutes"),
])
def test_two_notes_are_the_cells_note_each_as_typed(typed, status, note):
    cell = parse_cell(typed)
    assert (cell.status, cell.note) == (status, note)
    assert ")" not in cell.note and "(" not in cell.note
    again = parse_cell(cell.edit_text())  # as the cell's editor opens on it, and Enter puts it back
    assert (again.amount_pence, again.per_district_pence, again.note) == (cell.amount_pence, cell.per_district_pence,
                                                                           note)


def test_a_note_with_brackets_of_its_own_is_kept_whole():
    assert parse_cell("£100 (see (a) and (b))").note == "see (a) and (b)"
