"""A CSV partly UTF-8 and partly Windows-1252 (session 70). Excel opens a UTF-8 CSV saved without its mark as
Windows-1252, showing "£5" as "Â£5"; saved again as "CSV (Comma delimited)" after a cell was typed with an accent
("café"), the file holds both. It is not UTF-8 as a whole, so Safer Desk read it all as Windows-1252 and saved
"Cost Â£5 Sir GÃ¢r" into the office's file as a figure's comment (and an allocation's partnership "Ynys MÃ´n" was
a name no partnership has). Such a file is refused, quoting the line, as it reads and as it was meant, and saying
how to save it; a whole Windows-1252 or UTF-8 file is read as before."""

from __future__ import annotations

import pytest

from safer_desk.exchange.files import NotCsvText, csv_text_of

HEAD = "indicator,area,period,value,comment\r\n"
UTF8_LINE = "All crime,Babergh,2025-01,301,Cost £5 Sir Gâr\r\n"
WINDOWS_LINE = "All crime,Babergh,2025-02,302,café\r\n"


def _half_and_half() -> bytes:
    return (HEAD + UTF8_LINE).encode("utf-8") + WINDOWS_LINE.encode("cp1252")


def test_a_file_half_utf8_is_refused_naming_the_line_as_read_and_as_meant():
    with pytest.raises(NotCsvText) as caught:
        csv_text_of(_half_and_half(), "figures.csv")
    said = str(caught.value)
    assert "figures.csv" in said and "line 2" in said
    assert "reads “Cost Â£5 Sir GÃ¢r” where “Cost £5 Sir Gâr” was meant" in said
    assert "CSV UTF-8 (Comma delimited)" in said


@pytest.mark.parametrize("text", [
    HEAD + UTF8_LINE + WINDOWS_LINE,
    HEAD + "Burglary,Ynys Môn,2025-01,4,“pilot” – Women’s Aid; £1,200 at the CAFÉ’S door; naïve ½ ¾ ©\r\n",
    HEAD + "Burglary,Sir Gâr,2025-01,4,SÃO PAULO ÂGE Ã  la\r\n",
])
@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-8-sig"])
def test_a_whole_windows_or_utf8_file_is_read_as_it_is(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        pytest.skip("not in this encoding")
    assert csv_text_of(data, "figures.csv") == text


def test_the_command_line_import_saves_no_mangled_comment(capsys, demo_path, tmp_path):
    from safer_desk.storage.store import open_store
    from tests.cli_run import run

    sheet = tmp_path / "figures.csv"
    sheet.write_bytes(_half_and_half())
    code, _, err = run(capsys, "import-figures", demo_path, sheet)
    assert code == 1 and "“Cost Â£5 Sir GÃ¢r”" in err and "Nothing was imported" in err and "Traceback" not in err
    store = open_store(demo_path, read_only=True)
    try:
        assert store.scalar("SELECT count(*) FROM indicator_values WHERE comment LIKE '%Â%'") == 0
    finally:
        store.close()


def test_an_allocation_input_half_utf8_is_refused(tmp_path):
    from safer_desk.services.allocation import read_input_csv

    path = tmp_path / "partnerships.csv"
    path.write_bytes("partnership,fixed_units,basis\r\nYnys Môn,1,100\r\n".encode("utf-8")
                     + "Sir Gâr,1,200\r\n".encode("cp1252"))
    with pytest.raises(ValueError) as caught:  # (AllocationError)
        read_input_csv(path)
    assert "“Ynys MÃ´n”" in str(caught.value) and "“Ynys Môn”" in str(caught.value)
