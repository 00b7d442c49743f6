import os
import stat
import sys

import pytest

from safer_desk.exchange.files import Sheet, atomic_path, parse_tsv, to_tsv, write_csv, write_xlsx


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "register.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            tmp.write_text("half", encoding="utf-8")
            raise RuntimeError("disk full")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["register.csv"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_written_files_are_readable_by_others_like_any_new_file(tmp_path):
    out = write_csv(tmp_path / "a.csv", ["a"], [[1]])
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o644


def test_csv_opens_in_excel_with_pound_signs(tmp_path):
    out = write_csv(tmp_path / "a.csv", ["amount"], [["£1,234.56"]])
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "£1,234.56" in out.read_text(encoding="utf-8-sig")


def test_xlsx_money_is_pounds(tmp_path):
    from openpyxl import load_workbook

    out = write_xlsx(tmp_path / "a.xlsx", [Sheet("Ledger", ["partner", "billed"], [["A", 68415]], money_columns={1})])
    ws = load_workbook(out)["Ledger"]
    assert ws["B2"].value == 684.15 and "£" in ws["B2"].number_format


def test_tab_separated_round_trip_with_excel_quoting():
    rows = [["Title", "Note"], ["Suffolk ELEV8", "two\nlines"], ["Recre8", "£3.250"]]
    assert parse_tsv(to_tsv(rows)) == rows


def test_cells_pasted_into_a_grid_keep_their_rows_and_only_the_last_line_ending_goes():
    # Excel copies B2:B6 with B3 empty as this: the empty line is a cell, and each figure keeps its row.
    excel = "£70,725\r\n\r\n£113,832\r\n£86,775\r\n£223,181\r\n"
    assert parse_tsv(excel, keep_blank_rows=True) == [["£70,725"], [""], ["£113,832"], ["£86,775"], ["£223,181"]]
    assert parse_tsv("1,400\t\t1,611\r\n\t\t\r\n16\t17\t18\r\n", keep_blank_rows=True) == [
        ["1,400", "", "1,611"], ["", "", ""], ["16", "17", "18"]]
    assert parse_tsv("a\r\n\r\n", keep_blank_rows=True) == [["a"], [""]]  # the last cell copied was empty
    assert parse_tsv("\r\n", keep_blank_rows=True) == [[""]] and parse_tsv("", keep_blank_rows=True) == []
    assert parse_tsv('"two\nlines"\r\n\r\nx', keep_blank_rows=True) == [["two\nlines"], [""], ["x"]]
    # Records pasted as a list (the register): blank lines between them are passed over, as before.
    assert parse_tsv("Title\r\n\r\nNightsafe\r\n\t\r\n") == [["Title"], ["Nightsafe"]]
