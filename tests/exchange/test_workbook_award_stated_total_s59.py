"""Session 59: the county workbook's Awards sheet left out an award's stated total, and the flag when its years do
not add up to it.

DESIGN 2.5: a stated total the years disagree with is "kept and flagged". Funders' Awards and the board report show
it ("the years add up to £60,000 but the award is stated as £65,000"); the workbook a county lead reads without the
program gave the two years' £30,000 and nothing else, so the £5,000 the paper states was lost there.
"""

from __future__ import annotations

import shutil

from safer_desk.domain.commissioning import Award
from safer_desk.services.county import export_for_county
from safer_desk.services.funders import save_award
from safer_desk.storage.store import open_store
from tests.exchange.test_county_workbook import header_row, rows_of


def test_the_awards_sheet_gives_the_stated_total_and_flags_the_years_disagreeing(tmp_path, demo_master):
    import openpyxl

    copy = tmp_path / "example.sqlite"
    shutil.copyfile(demo_master, copy)
    store = open_store(copy)
    try:
        save_award(store, Award("", "Home Office", "Serious violence 2018-20", {"2018/19": 30_000_00,
                                                                                 "2019/20": 30_000_00},
                                total_pence=65_000_00, first_year="2018/19", last_year="2019/20"))
        export_for_county(store, tmp_path / "book.xlsx")
    finally:
        store.close()
    sheet = openpyxl.load_workbook(tmp_path / "book.xlsx")["Awards"]
    start = header_row(sheet, "Funder")
    heading = list(rows_of(sheet)[start - 1])
    stated, flag = heading.index("Stated total (£)"), heading.index("Flag")
    rows = [r for r in rows_of(sheet)[start:] if r[1] == "Serious violence 2018-20"]
    assert [(r[2], r[3]) for r in rows] == [("2018/19", 30_000), ("2019/20", 30_000)]
    assert rows[0][stated] == 65_000 and rows[1][stated] is None  # once, on the award's first row
    assert rows[0][flag] == ("Serious violence 2018-20: the years add up to £60,000 but the award is stated as "
                             "£65,000."), rows[0]
    # An award whose years are its whole (no total stated) has neither.
    plymouth = [r for r in rows_of(sheet)[start:] if r[1] == "PCC grant to Safer Plymouth 2017-19"]
    assert plymouth and all(r[stated] is None and not r[flag] for r in plymouth)
    # A total over years not split by year is its Amount already: not given twice.
    lines = next(r for r in rows_of(sheet)[start:] if r[1] == "County Lines and Urban Street Gangs 2018-2020")
    assert lines[3] == 500_000 and lines[stated] is None
