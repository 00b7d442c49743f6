"""The History of Changes window's From and To, as an officer types them: a day that does not exist ("31/02/2026")
left every line shown under "15 actions", as though the history had been filtered to it, and a From after the To (the
two typed the wrong way round) showed "0 of 15 actions" with nothing said of why. The count now says so."""

from __future__ import annotations

from safer_desk.presenters.history import HistoryPresenter


def _history(window, qtbot):
    window.history_action.trigger()
    dialog = window._history_dialog
    qtbot.addWidget(dialog)
    return dialog


def test_a_date_that_does_not_exist_is_said_not_to_filter(demo_window, qtbot):
    dialog = _history(demo_window, qtbot)
    total = dialog.proxy.rowCount()
    qtbot.keyClicks(dialog.since.edit, "31/02/2026")
    assert dialog.proxy.rowCount() == total
    said = "From “31/02/2026” is not a date (type it as 01/04/2026): the lines are not filtered by it."
    assert dialog.count_label.text() == f"{total} actions. {said}"


def test_a_from_after_the_to_is_said(demo_window, qtbot):
    dialog = _history(demo_window, qtbot)
    qtbot.keyClicks(dialog.since.edit, "1/1/2026")
    qtbot.keyClicks(dialog.until.edit, "1/1/2025")
    assert dialog.proxy.rowCount() == 0
    assert dialog.count_label.text().endswith(". From 01/01/2026 is after To 01/01/2025: no day is in between.")
    dialog.until.edit.clear()
    qtbot.keyClicks(dialog.until.edit, "31/12/2100")
    assert dialog.proxy.rowCount() > 0 and "From" not in dialog.count_label.text()


def test_the_presenter_says_nothing_of_dates_it_reads(demo_store):
    assert HistoryPresenter.dates_note("01/04/2026", "") == ""
    assert HistoryPresenter.dates_note("", "1 Apr 2026") == ""
    assert HistoryPresenter.dates_note("1/4/26", "1/4/26") == ""
    assert HistoryPresenter.dates_note("", "") == ""
    assert "To “31/13/2026” is not a date" in HistoryPresenter.dates_note("", "31/13/2026")
