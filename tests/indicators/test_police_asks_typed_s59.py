"""Import Police Data… with figures typed in the grid and not saved asks Save / Discard / Cancel first, as Import
Figures… does (session 59). It imported without a word: the typed 99 stayed in the grid over the 2 the import
brought for Babergh's Burglary in Jan-25 (while the sentence counted the 2), and Save Figures then wrote 99 over the
police.uk count as a typed figure, which the import itself never does without asking."""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.screens import UnsavedChoice
from tests.indicators.police_helpers import street_file, suffolk_row
from tests.indicators.test_tab_unsaved import click_indicator, type_in_cell

JAN_25 = 9  # Apr-24 … Jan-25 across the grid


def burglary(store):
    return store.one("SELECT value, source FROM indicator_values WHERE indicator_id = 'indicator:burglary' AND "
                     "area_id = 'district:babergh' AND period = '2025-01'")


@pytest.fixture
def typed(demo_window, qtbot):
    """Babergh's Burglary for Jan-25 typed as 99 and not saved."""
    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:babergh")
    tab.select_year(FinancialYear(2024))
    click_indicator(tab, qtbot, "Burglary")
    type_in_cell(tab, qtbot, "2024/25", JAN_25, "99")
    assert tab.presenter.has_unsaved_changes()
    return tab


def import_two_burglaries(window, tmp_path, monkeypatch) -> bool:
    """File > Import Police Data… choosing a Jan-25 file of two burglaries; True when the import began."""
    from safer_desk.ui import prompts
    from safer_desk.ui.workers import running_tasks

    path = street_file(tmp_path, "2025-01-suffolk-street.csv",
                       [suffolk_row(crime_id="a"), suffolk_row(crime_id="b")])
    monkeypatch.setattr(prompts, "open_file_names", lambda *a, **k: [str(path)])
    window.import_police_actions[0].trigger()
    return bool(running_tasks())


def test_cancel_keeps_what_was_typed_and_imports_nothing(demo_window, typed, prompts, tmp_path,
                                                         monkeypatch):
    store = demo_window.session.store
    before = tuple(burglary(store))
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    assert not import_two_burglaries(demo_window, tmp_path, monkeypatch)
    assert prompts.unsaved_questions == [
        ("Unsaved figures", "Figures of Burglary for Babergh, 2024/25 have unsaved changes in Jan-25.")]
    assert typed.presenter.has_unsaved_changes() and typed.grid.item(0, JAN_25).text() == "99"
    assert tuple(burglary(store)) == before and prompts.infos == []


def test_discard_then_the_grid_shows_the_imported_count(demo_window, typed, qtbot, prompts, tmp_path,
                                                         monkeypatch):
    store = demo_window.session.store
    prompts.unsaved_answers[:] = [UnsavedChoice.DISCARD]
    assert import_two_burglaries(demo_window, tmp_path, monkeypatch)
    qtbot.waitUntil(lambda: bool(prompts.infos or prompts.errors), timeout=30000)
    assert not prompts.errors
    qtbot.waitUntil(lambda: typed.grid.item(0, JAN_25).text() == "2", timeout=10000)
    assert not typed.presenter.has_unsaved_changes()
    assert tuple(burglary(store)) == (2, "police.uk")


def test_save_first_then_the_import_asks_about_the_saved_figure(demo_window, typed, qtbot, prompts, tmp_path,
                                                         monkeypatch):
    store = demo_window.session.store
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    prompts.answers[:] = [False]  # "Keep typed figures"
    assert import_two_burglaries(demo_window, tmp_path, monkeypatch)
    assert tuple(burglary(store)) == (99, "typed")  # saved before the import began
    qtbot.waitUntil(lambda: bool(prompts.questions), timeout=30000)
    assert prompts.questions[-1][0] == "Typed figures kept"
    assert "Burglary, Babergh, Jan-25: typed 99, police.uk 2" in prompts.questions[-1][1]
    assert tuple(burglary(store)) == (99, "typed")


def test_a_figure_still_being_typed_is_asked_about_too(demo_window, qtbot, prompts, tmp_path, monkeypatch):
    """The cell's editor still open on "99" (Enter not pressed) when File > Import Police Data… is chosen: the
    import went ahead, the editor closed and the 99 went without a word. It is put in the grid first, as Enter
    would, and asked about."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:babergh")
    tab.select_year(FinancialYear(2024))
    click_indicator(tab, qtbot, "Burglary")
    rect = tab.grid.visualItemRect(tab.grid.item(0, JAN_25))
    qtbot.mouseClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert editor is not tab.grid and tab.grid.isAncestorOf(editor), "the cell did not open for typing"
    editor.selectAll()
    qtbot.keyClicks(editor, "99")
    before = tuple(burglary(demo_window.session.store))
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    assert not import_two_burglaries(demo_window, tmp_path, monkeypatch)
    assert [q for _, q in prompts.unsaved_questions] == [
        "Figures of Burglary for Babergh, 2024/25 have unsaved changes in Jan-25."]
    assert tab.grid.item(0, JAN_25).text() == "99" and tab.presenter.has_unsaved_changes()
    assert tuple(burglary(demo_window.session.store)) == before
