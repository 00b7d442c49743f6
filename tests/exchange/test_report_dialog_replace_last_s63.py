"""s63: File > Board Report… over last month's report asked "board report.html is already in …: Replace it?" and,
once Replace was clicked, refused the choices anyway (a year the file holds nothing of, an As at day to come): the
officer agreed to lose a file for nothing written. The choices are checked first; Replace is asked only of a report
that would then be written, as Save a Copy… and Export for County… refuse before asking."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from tests.exchange.test_report_dialog_year_not_held_s62 import _dialog


def test_a_refused_year_is_said_before_replace_is_asked(demo_window, qtbot, prompts, tmp_path):
    target = tmp_path / "board report.html"
    target.write_text("last month's report", encoding="utf-8")
    dialog = _dialog(demo_window, qtbot, target)
    dialog.year_combo.setCurrentText(FinancialYear(FinancialYear.of(date.today()).start_year + 1).label)
    prompts.answers.append(True)  # Replace, were it asked
    dialog.accept()
    assert prompts.questions == [] and len(prompts.errors) == 1
    assert prompts.errors[0][1].startswith("The report was not written: This file holds nothing of ")
    assert target.read_text(encoding="utf-8") == "last month's report" and dialog.task is None


def test_an_as_at_day_to_come_is_said_before_replace_is_asked(demo_window, qtbot, prompts, tmp_path):
    target = tmp_path / "board report.html"
    target.write_text("last month's report", encoding="utf-8")
    dialog = _dialog(demo_window, qtbot, target)
    dialog.as_at.setText("31/12/2099")
    prompts.answers.append(True)
    dialog.accept()
    assert prompts.questions == [] and len(prompts.errors) == 1
    assert prompts.errors[0][1].startswith("The report was not written: As at: ")
    assert dialog.task is None


def test_good_choices_still_ask_before_replacing(demo_window, qtbot, prompts, tmp_path):
    target = tmp_path / "board report.html"
    target.write_text("last month's report", encoding="utf-8")
    dialog = _dialog(demo_window, qtbot, target)
    dialog.year_combo.setCurrentText("2016/17")
    dialog.accept()  # Cancel (no answer given)
    assert len(prompts.questions) == 1 and "Replace it?" in prompts.questions[0][1]
    assert target.read_text(encoding="utf-8") == "last month's report" and dialog.task is None and not prompts.errors
