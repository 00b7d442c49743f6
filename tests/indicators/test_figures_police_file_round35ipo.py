"""A data.police.uk street file chosen in Import Figures… (or given to import-figures) instead of Import Police
Data…: it said "needs the columns indicator, area, period and value …; it has no indicator, area, period column",
as if the officer should add columns to the police's file, rather than which command reads it."""

from __future__ import annotations

from safer_desk.cli import main
from tests.indicators.police_helpers import fixture

POLICE_FILE = ("2025-03-suffolk-street.csv is a data.police.uk street-level crime file, not a sheet of figures: "
               "import it with File > Import Police Data… (on the command line, safer-desk import-police), which "
               "counts its crimes by month, district and crime type.")


def test_import_figures_names_the_command_that_reads_a_police_file(demo_path, capsys):
    path = fixture("suffolk-2025", "2025-03-suffolk-street.csv")
    assert main(["import-figures", str(demo_path), str(path)]) == 1
    assert capsys.readouterr().err.strip() == f"safer-desk: {POLICE_FILE} Nothing was imported."


def test_the_window_says_it_too(demo_window, prompts):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    try:
        assert not dialog.load(fixture("suffolk-2025", "2025-03-suffolk-street.csv"))
        assert prompts.errors == [("Figures not imported", POLICE_FILE)]
    finally:
        dialog.close()
