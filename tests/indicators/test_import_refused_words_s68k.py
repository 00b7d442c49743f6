"""Import Figures…' "Why refused, or what to check" column (session 68). Its reasons ended without a full stop
("There is no district, partnership or county called “Atlantis”", "… leave one of them out, or correct the sheet")
beside others ending with one ("… which would be over 100%."), while `safer-desk import-figures` ends every line as
a sentence: the window now says each reason as the command line does. A refused row giving a numerator and
denominator (19 of 18 repeat cases at MARAC, over 100%) showed a blank Value cell, so the figure the reason speaks of
could not be seen beside it: the cell now shows what the sheet gives, "19/18", as a good row's shows it."""

from __future__ import annotations

import shutil

from safer_desk.cli import main
from tests.indicators.test_import_figures_round25 import _csv

SHEET = ("indicator,area,period,value,numerator,denominator\n"
         "Repeat cases at MARAC,Suffolk,2010/11-Q2,,19,18\n"  # over 100%: refused
         "Repeat cases at MARAC,Suffolk,2010/11-Q3,,abc,18\n"  # not a figure: refused
         "Repeat cases at MARAC,Suffolk,2010/11-Q4,50,3,8\n"  # 50 is not 3/8: refused
         "All crime,Atlantis,2025-01,4,,\n")  # no such area: refused


def _shown(demo_window, path) -> dict[int, dict[str, str]]:
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(path)
    keys = [c.key for c in dialog.model.columns]
    shown = {int(dialog.model.index(r, 0).data()): {k: dialog.model.index(r, c).data() for c, k in enumerate(keys)}
             for r in range(dialog.model.rowCount())}
    dialog.close()
    return shown


def test_each_reason_is_said_as_the_command_line_says_it(demo_window, demo_master, tmp_path, capsys):
    path = _csv(tmp_path, SHEET)
    shown = _shown(demo_window, path)
    assert shown[5]["why"] == "There is no district, partnership or county called “Atlantis”."
    assert shown[4]["why"].endswith("leave one of them out, or correct the sheet.")
    capsys.readouterr()
    copy = tmp_path / "copy.sqlite"  # the window holds its file open for writing
    shutil.copyfile(demo_master, copy)
    assert main(["import-figures", str(copy), str(path)]) == 1
    said = capsys.readouterr().err.splitlines()
    for line in (2, 3, 4, 5):
        assert f"Line {line}: {shown[line]['why']}" in said


def test_a_refused_rows_numerator_and_denominator_are_shown(demo_window, tmp_path):
    shown = _shown(demo_window, _csv(tmp_path, SHEET))
    assert (shown[2]["status"], shown[2]["value"]) == ("Refused", "19/18")
    assert shown[3]["value"] == "abc/18"
    assert shown[4]["value"] == "50 (3/8)"  # the value and the figures it is checked against, as the sheet gives them
    assert shown[5]["value"] == "4"


def test_a_refused_rates_count_given_alone_is_said_as_the_numerator(demo_store, tmp_path):
    """A rate's count given alone (over the area's population) showed as "19/", a figure cut short."""
    from safer_desk.services.indicators_import import preview_values

    path = _csv(tmp_path, "indicator,area,period,numerator,denominator\n"
                          "Alcohol-related hospital admissions,Atlantis,2010/11,19,\n"
                          "Alcohol-related hospital admissions,Atlantis,2011/12,,512100\n")
    read = preview_values(demo_store, path).read
    assert [read[2]["value"], read[3]["value"]] == ["19 (numerator)", "512100 (denominator)"]
    path = _csv(tmp_path, "indicator,area,period,value,numerator\nAll crime,Atlantis,2025-01,4,3\n", "more.csv")
    assert preview_values(demo_store, path).read[2]["value"] == "4 (numerator 3)"
