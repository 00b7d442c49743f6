"""s62: File > Board Report… wrote a report for a year the file holds nothing of (next year, first in the list, or a
year before the office's records begin): a paper of nothing but the reviews still open, where `safer-desk report
--year` refuses the same year (s61). The dialog now says so, naming the years the file holds, before anything is
written, and keeps its choices to pick another year."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.ui.exchange.report_dialog import ReportDialog


def _dialog(demo_window, qtbot, target):
    dialog = ReportDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(target))
    return dialog


def test_a_year_the_file_holds_nothing_of_is_said_and_nothing_is_written(demo_window, qtbot, prompts, tmp_path):
    target = tmp_path / "board report.html"
    dialog = _dialog(demo_window, qtbot, target)
    next_year = FinancialYear(FinancialYear.of(date.today()).start_year + 1).label
    dialog.year_combo.setCurrentText(next_year)
    assert dialog.year_combo.currentText() == next_year  # offered, first after All years
    dialog.accept()
    assert len(prompts.errors) == 1 and not dialog.busy and dialog.task is None
    said = prompts.errors[0][1]
    assert said.startswith(f"The report was not written: This file holds nothing of {next_year}: its records and "
                           "figures are of ")
    assert said.endswith(f" to {FinancialYear.of(date.today()).label}. Choose another year, or All years.")
    assert not target.exists() and dialog.year_combo.currentText() == next_year  # to choose another


def test_a_year_it_holds_is_written(demo_window, qtbot, prompts, tmp_path):
    target = tmp_path / "board report.html"
    dialog = _dialog(demo_window, qtbot, target)
    dialog.year_combo.setCurrentText("2016/17")
    dialog.accept()
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=120_000)
    assert not prompts.errors, prompts.errors
    assert target.is_file()
