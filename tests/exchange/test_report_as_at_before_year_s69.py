"""Session 69: `report --year 2018/19 --as-at 31/12/2017` (a day before the year begins) was taken without a word:
the title page said "figures as at 31/12/2017" for a 2018/19 paper and the Suffolk Target Hardening Pilot, a fund of
2018/19, silently dropped out of it (nothing of it had happened by then). A day before the report's year is refused
now, naming the year's first day, on the command line (a usage error, exit 2) and in File > Board Report… alike."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from tests.exchange.helpers import cli_output

WORDS = ("31/12/2017 is before 2018/19 begins (01/04/2018): figures as at it would hold nothing of the year. "
         "Choose 01/04/2018 or a later day.")


def test_the_rule_names_the_years_first_day():
    from safer_desk.services.report import as_at_before_year_words

    assert as_at_before_year_words(FinancialYear(2018), date(2017, 12, 31)) == WORDS
    assert as_at_before_year_words(FinancialYear(2018), date(2018, 4, 1)) == ""  # the year's first day is in it
    assert as_at_before_year_words(FinancialYear(2018), date(2019, 6, 30)) == ""  # after its end: later payments
    assert as_at_before_year_words(None, date(2001, 1, 1)) == ""  # all years: any day


def test_report_refuses_a_day_before_its_year(demo_path, tmp_path):
    out = tmp_path / "board.html"
    code, printed, err = cli_output(["report", str(demo_path), str(out), "--year", "2018/19",
                                     "--as-at", "31/12/2017"])
    assert code == 2 and printed == "" and not out.exists()
    assert f"--as-at: {WORDS}" in err
    code, _, err = cli_output(["report", str(demo_path), str(out), "--year", "2018/19", "--as-at", "01/04/2018"])
    assert code == 0, err
    assert "Suffolk Target Hardening Pilot" in out.read_text(encoding="utf-8")


def test_the_dialog_refuses_it_in_the_same_words(demo_window, qtbot, prompts, tmp_path):
    demo_window.exchange_actions["report"].trigger()
    dialog = demo_window.report_dialog
    target = tmp_path / "board.html"
    dialog.path_edit.setText(str(target))
    dialog.year_combo.setCurrentText("2018/19")
    qtbot.keyClicks(dialog.as_at.edit, "31/12/2017")
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not target.exists()
    assert prompts.errors[-1][1] == f"The report was not written: As at: {WORDS}"
