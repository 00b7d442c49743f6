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
