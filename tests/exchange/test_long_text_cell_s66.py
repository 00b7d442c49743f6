"""Round s66: a text longer than an Excel cell holds (32,767 characters) in a workbook.

A project's notes pasted from a bid document (40,000 characters) were cut off at 32,767 by the workbook writer,
mid-word and unsaid: the county lead reading the register's workbook took the cut text for the whole. The cell now
ends at a word with a line saying the text was cut and where the whole of it is; shorter text is as it was.
"""

from __future__ import annotations

import openpyxl

from safer_desk.exchange.files import Sheet, write_xlsx

LONG = " ".join(f"word{n}" for n in range(7000))  # 47,889 characters
CUT = "… [cut: an Excel cell holds 32,767 characters; the whole text is in Safer Desk]"


def test_a_text_too_long_for_a_cell_says_it_was_cut(tmp_path):
    ws = openpyxl.load_workbook(write_xlsx(tmp_path / "a.xlsx", [Sheet("Notes", ["Ref", "Notes"],
                                                                        [["1", LONG], ["2", "short"]])]))["Notes"]
    cell = ws["B2"].value
    assert len(cell) <= 32_767 and cell.endswith(CUT)
    kept = cell.removesuffix(CUT).rstrip()
    assert LONG.startswith(kept) and LONG[len(kept)] == " "  # ends at a whole word
    assert ws["B3"].value == "short"


def test_the_county_workbook_s_long_text_says_it_was_cut(tmp_path):
    from safer_desk.exchange.county_workbook import Block, Column, WorkbookSheet, write_workbook

    sheet = WorkbookSheet("Register", "Register", "Each project.", [Column("Ref"), Column("Notes")],
                          [Block([["1", LONG]])])
    ws = openpyxl.load_workbook(write_workbook(tmp_path / "county.xlsx", {"tables": "[]"}, [sheet]))["Register"]
    (cell,) = [c.value for row in ws.iter_rows() for c in row
               if isinstance(c.value, str) and c.value.startswith("word0")]
    assert len(cell) <= 32_767 and cell.endswith(CUT)
