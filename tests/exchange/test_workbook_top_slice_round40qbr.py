"""Round 40 (qbr): the county workbook gives the saved top-slices, as the board report and the Allocation tab do.

The board report of the example has "Top-slice: Performance Reward Grant 2009-10" (£2,900,692: £1,450,346 to the
LSPs, £145,034.60 retained, £145,034.60 for each of nine partners, £174,041.52 and £116,027.68 at ±20%), but the
workbook for people without the application (`safer-desk export FILE OUT.xlsx`) had none of these figures: a reader
could not check the report's table against it. A Top-slices sheet, after Allocation, gives each saved top-slice's
lines as the report's table does, and how the odd pence fall where the partners' part does not split equally.
"""

from __future__ import annotations

import shutil
from fractions import Fraction

import openpyxl

from safer_desk.services import allocation
from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store

PRG = [("Total", 2900692), ("LSP share", 1450346), ("SSP share", 1450346), ("Retained (10%)", 145034.6),
       ("Each of 9 partners (equal share)", 145034.6), ("Each plus 20%", 174041.52), ("Each less 20%", 116027.68)]


def _export(demo_master, tmp_path, *, odd: bool = False):
    path = tmp_path / "example.sqlite"
    shutil.copyfile(demo_master, path)
    store = open_store(path)
    try:
        if odd:
            allocation.save_top_slice(store, "Small grant", "2012/13", 10005, slices=(("LSP share", Fraction(1, 2)),),
                                      remainder_label="SSP share", retained=Fraction(1, 10), partners=7,
                                      scenario=Fraction(1, 5))
        export_for_county(store, tmp_path / "example.xlsx")
    finally:
        store.close()
    return openpyxl.load_workbook(tmp_path / "example.xlsx")


def test_the_workbook_has_the_reports_top_slice_to_the_penny(demo_master, tmp_path):
    book = _export(demo_master, tmp_path)
    assert book.sheetnames.index("Top-slices") == book.sheetnames.index("Allocation") + 1
    rows = [r for r in book["Top-slices"].iter_rows(values_only=True) if any(c is not None for c in r)]
    at = next(i for i, r in enumerate(rows) if r[0] == "2009/10: Performance Reward Grant 2009-10")
    assert rows[at + 1][:2] == ("Line", "Amount (£)")
    assert [tuple(r[:2]) for r in rows[at + 2:at + 2 + len(PRG)]] == PRG
    listed = [r[0] for r in book["Contents"].iter_rows(values_only=True)]
    assert "Top-slices" in listed


def test_a_top_slice_that_does_not_split_equally_says_how_the_odd_pence_fall(demo_master, tmp_path):
    book = _export(demo_master, tmp_path, odd=True)
    words = " ".join(str(c) for r in book["Top-slices"].iter_rows(values_only=True) for c in r if isinstance(c, str))
    assert "£45.02 does not split into 7 equal shares to the penny: exactly, 6 get £6.43 and 1 gets £6.44" in words
