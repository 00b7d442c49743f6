"""s74: File > Board Report… checked "this file holds nothing of 2015/16" against the saved figures before asking
about figures typed and not saved: an officer whose file held 2016/17 and who had typed a 2015/16 figure into the
Indicators grid was told the year was missing and never asked to save it. Typing is now asked about first (Save,
then the year holds a figure); Cancel there writes nothing and keeps the typing."""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.ui.exchange.report_dialog import ReportDialog
from tests.indicators.test_tab_unsaved import stored, type_in_cell

NEXT = FinancialYear(2015)  # the year before the only one the file holds


@pytest.fixture
def demo_window(window, tmp_path, qtbot):
    """A file holding one figure, of May 2016 (2016/17), for Plymouth's All crime."""
    from safer_desk.services import indicators as svc
    from safer_desk.services.reference import add_district
    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    add_district(store, "Plymouth")
    indicator = svc.save_indicator(store, "All crime")
    svc.save_values(store, indicator, "district:plymouth", [svc.PeriodValue("2016-05", 1000)])
    store.close()
    assert window.open_path(path)
    return window


def _typed_next_year(demo_window, qtbot):
    from safer_desk.services.report import year_not_held_words

    assert year_not_held_words(demo_window.session.store, NEXT)  # as saved, the year is not held
    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    assert tab.select_year(NEXT)
    tab.select_indicator("All crime")
    demo_window.activateWindow()
    qtbot.waitUntil(demo_window.isActiveWindow)
    type_in_cell(tab, qtbot, NEXT.label, 0, "1480")  # April 2015
    assert tab.presenter.has_unsaved_changes()
    return tab


def _dialog(demo_window, qtbot, target):
    dialog = ReportDialog(demo_window.session, demo_window, ready=demo_window.may_close_file)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(target))
    dialog.year_combo.setCurrentText(NEXT.label)
    assert dialog.year_combo.currentText() == NEXT.label
    return dialog


def test_a_figure_typed_for_the_year_is_asked_about_first_and_saved_it_is_held(demo_window, qtbot, prompts,
                                                                             tmp_path):
    tab = _typed_next_year(demo_window, qtbot)
    target = tmp_path / "board report.html"
    dialog = _dialog(demo_window, qtbot, target)
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    dialog.accept()
    assert len(prompts.unsaved_questions) == 1, prompts.errors
    assert stored(demo_window.session.store, "2015-04", "indicator:all-crime") == 1480
    assert not tab.presenter.has_unsaved_changes()
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=120_000)
    assert not prompts.errors, prompts.errors
    assert target.is_file()


def test_cancel_to_the_question_keeps_the_typing_and_writes_nothing(demo_window, qtbot, prompts, tmp_path):
    tab = _typed_next_year(demo_window, qtbot)
    target = tmp_path / "board report.html"
    dialog = _dialog(demo_window, qtbot, target)
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    dialog.accept()
    assert len(prompts.unsaved_questions) == 1 and prompts.errors == []
    assert tab.presenter.has_unsaved_changes() and dialog.task is None and not target.exists()


def test_discarded_the_year_is_still_said_missing(demo_window, qtbot, prompts, tmp_path):
    tab = _typed_next_year(demo_window, qtbot)
    target = tmp_path / "board report.html"
    dialog = _dialog(demo_window, qtbot, target)
    prompts.unsaved_answers[:] = [UnsavedChoice.DISCARD]
    dialog.accept()
    assert len(prompts.unsaved_questions) == 1 and not tab.presenter.has_unsaved_changes()
    assert len(prompts.errors) == 1 and f"holds nothing of {NEXT.label}" in prompts.errors[0][1]
    assert dialog.task is None and not target.exists()
