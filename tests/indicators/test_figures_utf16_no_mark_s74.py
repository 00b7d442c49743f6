"""Session 74 (ind3): a sheet of figures saved as UTF-16 by a program other than Excel (no byte-order mark: a
database's export, PowerShell's "Unicode", a mark lost in a copy) was refused as "not text a spreadsheet writes
(neither UTF-8 nor Windows-1252 …)", which says nothing the officer can act on. A NUL in every other byte where the
letters are plain tells it safely (UTF-8 and Windows-1252 text hold no NUL at all, so no file read before is read
otherwise), so it is now read as the same sheet with its mark is; UTF-32 and other bytes with NULs are still refused,
and one cut short in a letter says so."""

from __future__ import annotations

import pytest

from safer_desk.cli import main
from safer_desk.exchange.files import is_utf16, utf16_codec
from safer_desk.exchange.indicator_import import ValuesFileError, read_long_rows
from tests.indicators.test_cli_import_figures import _figures, office  # noqa: F401 - the fixture
from tests.indicators.test_figures_tab_text_s73 import GOOD, as_csv, as_excel_text


@pytest.mark.parametrize(("codec", "write"), [("utf-16-le", as_excel_text), ("utf-16-be", as_excel_text),
                                              ("utf-16-le", as_csv)], ids=["le-tabs", "be-tabs", "le-commas"])
def test_utf16_without_its_mark_is_imported_as_with_it(office, tmp_path, capsys, codec, write):  # noqa: F811
    sheet = tmp_path / "figures.txt"
    sheet.write_bytes(write(GOOD).encode(codec))
    assert sheet.read_bytes()[:2] not in (b"\xff\xfe", b"\xfe\xff")
    with_mark = tmp_path / "marked.txt"
    with_mark.write_bytes(write(GOOD).encode("utf-16"))
    assert [r.fields for r in read_long_rows(sheet)] == [r.fields for r in read_long_rows(with_mark)]
    capsys.readouterr()
    assert main(["import-figures", str(office), str(sheet)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith("4 rows imported from figures.txt")
    assert "Burglary,Mid Suffolk,2016-05,1234,Imported from figures.txt" in _figures(office, capsys)


def test_no_other_text_is_taken_for_utf16():
    plain = as_csv(GOOD)
    assert not is_utf16(plain.encode("utf-8")) and not is_utf16(plain.replace("ŵ", "w").encode("cp1252"))
    assert utf16_codec(plain.encode("utf-32-le")) is None and utf16_codec(plain.encode("utf-32")) is None
    assert utf16_codec(b"\x00\x01\x02\x03" * 100) is None  # bytes that are no text at all
    assert utf16_codec(plain.encode("utf-16-le")) == "utf-16-le" and utf16_codec(plain.encode("utf-16-be")) == \
        "utf-16-be"


def test_utf32_is_still_refused_and_utf16_cut_short_says_so(tmp_path):
    wide = tmp_path / "wide.csv"
    wide.write_bytes(as_csv(GOOD).encode("utf-32-le"))
    with pytest.raises(ValuesFileError, match="not text a spreadsheet writes"):
        read_long_rows(wide)
    cut = tmp_path / "cut.txt"
    cut.write_bytes(as_excel_text(GOOD).encode("utf-16-le")[:-1])
    with pytest.raises(ValuesFileError, match="cannot be read as UTF-16 text .*cut short"):
        read_long_rows(cut)
