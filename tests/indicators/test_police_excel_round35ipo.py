"""A police.uk file opened in Excel and saved again: Excel shows the Month 2025-03 as “Mar-25” (or, in a date
format, 01/03/2025) and saves it so. The refusal named the file, the line and the month, but not what had happened
or what to do ("has a Month that is not YYYY-MM (“Mar-25”) at line 2; nothing was imported.")."""

from __future__ import annotations

import csv
import io

import pytest

from safer_desk.cli import main
from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import fixture, import_in_window, snapshot

SAVED_IN_EXCEL = ("saved again in Excel, which shows a month such as 2025-03 as “Mar-25” and saves it that way. "
                  "Download the file again from data.police.uk and import it without saving it in Excel; nothing "
                  "was imported.")


def saved_in_excel(folder, month_as: str):
    """The real Suffolk March file as Excel saves it: a byte order mark, CR LF, and the Month as Excel shows it."""
    rows = list(csv.reader(io.StringIO(fixture("suffolk-2025", "2025-03-suffolk-street.csv").read_text("utf-8"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([rows[0], *([r[0], month_as, *r[2:]] for r in rows[1:])])
    path = folder / "2025-03-suffolk-street.csv"
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    return path


@pytest.mark.parametrize("month_as", ["Mar-25", "01/03/2025", "Mar 2025", "2025-03-01"])
def test_a_file_saved_in_excel_says_so_and_what_to_do(store, tmp_path, month_as):
    path = saved_in_excel(tmp_path, month_as)
    before = snapshot(store)
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [path])
    assert str(refused.value) == (f"2025-03-suffolk-street.csv has a Month that is not YYYY-MM (“{month_as}”) at "
                                  f"line 2: it was probably {SAVED_IN_EXCEL}")
    assert snapshot(store) == before


def test_a_month_nothing_like_excels_is_said_as_before(store, tmp_path):
    path = saved_in_excel(tmp_path, "2025-13")
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [path])
    assert str(refused.value) == ("2025-03-suffolk-street.csv has a Month that is not YYYY-MM (“2025-13”) at line "
                                  "2: every row of a data.police.uk street file has its month as YYYY-MM (2025-03 "
                                  "for March 2025), so another program changed the file. Download it again from "
                                  "data.police.uk; nothing was imported.")  # what to do: session 36


def test_the_command_line_and_the_window_say_it(demo_window, prompts, qtbot, tmp_path, capsys):
    path = saved_in_excel(tmp_path, "Mar-25")
    assert main(["import-police", str(tmp_path / "office.sqlite"), str(path)]) == 1
    err = capsys.readouterr().err
    assert "(“Mar-25”) at line 2: it was probably saved again in Excel" in err
    assert err.count("othing was imported") == 1
    infos, errors = import_in_window(demo_window, prompts, qtbot, path)
    assert infos == []
    assert errors[-1][0] == "Police data not imported"
    assert "at line 2: it was probably saved again in Excel" in errors[-1][1]
    assert "Download the file again from data.police.uk" in errors[-1][1]
