"""A figure sheet's line repeating a good row with the same figure, in the window's Import Figures (round 52): the
command line imports it once and says so as a note (round 51), but the window listed it as Refused and counted it
among the refused rows, so an officer read "1 refused" of a sheet with nothing wrong in it."""

from __future__ import annotations

from tests.indicators.test_import_figures_round25 import _csv


def test_a_repeated_line_is_shown_as_repeated_not_refused(demo_window, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    path = _csv(tmp_path, "indicator,area,period,value\n"
                          "Burglary,Babergh,2025-01,99\n"
                          "Burglary,Babergh,2025-01,99\n"  # the same line again: imported once
                          "Burglary,Babergh,2025-02,abc\n")  # refused
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(path)
    rows = {r["line"]: r for r in dialog.model.rows}
    assert [rows[n]["status"] for n in (2, 3, 4)] == ["OK", "Repeated", "Refused"]
    assert rows[3]["why"].endswith("is also on line 2, the same figure (imported once).")
    summary = dialog.summary.text()
    assert "1 refused (listed with the reason)" in summary and "1 repeated (imported once)" in summary, summary
    dialog.close()


def test_a_sheet_whose_only_fault_is_a_repeat_says_none_refused(demo_window, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    path = _csv(tmp_path, "indicator,area,period,value\nBurglary,Babergh,2025-01,99\nBurglary,Babergh,2025-01,99\n")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(path)
    summary = dialog.summary.text()
    assert "; 0 refused (listed with the reason); 1 repeated (imported once)." in summary, summary
    assert dialog.import_button.isEnabled()
    dialog.close()
