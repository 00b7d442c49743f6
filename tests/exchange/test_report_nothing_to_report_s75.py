"""s75: `safer-desk report --year 2012/13` on the example (a year inside the years it holds, with nothing in it) wrote
a one-page report saying "No figures" and exited 0, while 2005/06 (before its first year) was refused with exit 1.
A paper with nothing in it is of no use to a board and a script's log showed a report written: the command now
refuses it (exit 1, the page's words on standard error, nothing written), and File > Board Report… says the same."""

from __future__ import annotations

from tests.cli_run import run
from safer_desk.ui.exchange.report_dialog import ReportDialog

NOTHING = ("This file has no projects, allocations, costs, budgets or indicator figures for all areas in 2012/13: its "
           "records and figures nearest to it are of 2011/12 and 2013/14.")  # the years to choose instead


def test_a_year_held_around_but_empty_is_refused_in_the_pages_words(capsys, demo_path, tmp_path):
    out = tmp_path / "board.html"
    code, printed, err = run(capsys, "report", demo_path, out, "--year", "2012/13")
    assert (code, printed) == (1, "")
    assert err.strip() == f"safer-desk: t{NOTHING[1:]} Nothing was written.", err  # as every error begins
    assert not out.exists()


def test_a_partnership_in_a_year_before_it_began_is_refused_naming_that_years_partnerships(capsys, demo_path,
                                                                                             tmp_path):
    out = tmp_path / "board.pdf"
    code, printed, err = run(capsys, "report", demo_path, out, "--year", "2009/10", "--area", "Western Suffolk CSP")
    assert (code, printed) == (1, "") and not out.exists()
    assert "Western Suffolk CSP covered no district in 2009/10" in err and "Western CSP" in err, err
    assert err.rstrip().endswith("Nothing was written."), err


def test_a_year_with_figures_is_still_written(capsys, demo_path, tmp_path):
    out = tmp_path / "board.html"
    code, printed, _ = run(capsys, "report", demo_path, out, "--year", "2013/14")  # a review's costs alone
    assert code == 0 and out.is_file() and "No figures" not in out.read_text(encoding="utf-8")


def test_the_window_refuses_it_in_the_same_words(demo_window, qtbot, prompts, tmp_path):
    target = tmp_path / "board report.html"
    dialog = ReportDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(target))
    dialog.year_combo.setCurrentText("2012/13")
    assert dialog.year_combo.currentText() == "2012/13"
    dialog.accept()
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=120_000)
    assert not prompts.infos, prompts.infos
    assert prompts.errors[-1][1] == f"The report was not written: {NOTHING} Choose another year or area."
    assert not target.exists() and not dialog.busy and dialog.year_combo.currentText() == "2012/13"  # to choose again


def test_a_new_files_report_is_still_written_saying_it_has_no_figures(window, qtbot, prompts, tmp_path):
    """A file holding nothing of any year (a new office's) has its report written, as session 61 settled and the
    command does (test_report_year_not_held_s61): only a file that holds figures, none of them in the year or area
    chosen, is refused."""
    from safer_desk.storage.store import open_store

    path = tmp_path / "new office.sqlite"
    open_store(path, create=True).close()
    assert window.open_path(path)
    target = tmp_path / "board.html"
    dialog = ReportDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(target))
    assert dialog.year_combo.currentText() == "All years"
    dialog.accept()
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=120_000)
    assert not prompts.errors, prompts.errors
    assert "has no projects" in target.read_text(encoding="utf-8")
