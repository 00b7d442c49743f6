"""Import Figures… and `safer-desk import-figures`: what a row is asked about reads as sentences (session 68).

A percentage typed as 0.85 (a sheet's 85% in a cell not formatted as a percentage) that also came out red with no
comment showed, in the window's "Why refused, or what to check", "… or format the cell as a percentage Level Two
“ist” incidents satisfaction, Plymouth, Nov-16 is red against its target with no comment …": two sentences run into
one; so did 0.85 for a month not begun ("… as a percentage Feb-17 has not begun yet"). On the command line, when
such a row stopped the import, its line ended without a full stop and the red row with no comment, which the
window's summary counts and marks Needs comment, was not said at all.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc

RED_AND_UNDER_ONE = ("indicator,area,period,value\n"
                     "Level Two “ist” incidents satisfaction,Plymouth,2016-11,0.85\n")


@pytest.fixture
def office(tmp_path):
    """Mid Suffolk with a percentage, Satisfaction, higher is better, targeted at 80% for 2016/17."""
    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        area = svc.ensure_area(store, "Mid Suffolk", "district")
        svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
        ind = svc.get_indicator(store, "Satisfaction").id
        svc.set_target(store, ind, area, FinancialYear(2016), kind="annual", value=80, profile="even")
    finally:
        store.close()
    return path


def test_two_questions_of_one_row_are_two_sentences(office, tmp_path):
    from safer_desk.services.indicators_import import preview_values
    from safer_desk.storage.store import open_store

    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\nSatisfaction,Mid Suffolk,2017-02,0.85\n", encoding="utf-8")
    store = open_store(office)
    try:
        preview = preview_values(store, sheet, today=date(2016, 12, 1))
    finally:
        store.close()
    asked = preview.queried[2]
    assert "format the cell as a percentage. Feb-17 has not begun yet" in asked, asked


def test_the_window_says_what_to_check_and_the_missing_comment_as_sentences(demo_window, qtbot, prompts, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    sheet = tmp_path / "figures.csv"
    sheet.write_text(RED_AND_UNDER_ONE, encoding="utf-8")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    qtbot.addWidget(dialog)
    assert dialog.load(sheet)
    (row,) = dialog.model.rows
    assert row["status"] == "Check"
    assert "format the cell as a percentage. Level Two “ist” incidents satisfaction, Plymouth, Nov-16 is red" \
        in row["why"], row["why"]


def test_the_command_line_stopping_says_the_row_to_check_and_its_missing_comment(office, tmp_path, capsys):
    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\nSatisfaction,Mid Suffolk,2016-05,0.85\n", encoding="utf-8")
    assert main(["import-figures", str(office), str(sheet)]) == 1
    err = capsys.readouterr().err
    assert "Line 2 (check): 0.85% is less than 1%: if the sheet holds 85% as 0.85 (a cell not formatted as a " \
           "percentage), give it as 85, or format the cell as a percentage.\n" in err, err
    assert "Line 2 (needs a comment): Satisfaction, Mid Suffolk, May-16 is red against its target with no comment " \
           "saying why" in err, err
