"""Round 29 (t29r): this round's new windows on a council laptop (1366x768, and at 150% about 910x480), by keyboard
and screen reader: View > Populations… and its form, Baseline and Benchmarks…, the Split window of a billed review
and its Bill again grid, and View > Funders' Awards….

1. The population form's Alt+S went to Source (labelled "&Source"), never to Save: Alt+S after typing a population
   only moved the cursor. The field is "So&urce"; Alt+S saves.
2. After a population was changed (Enter on its row, Enter in the form), added, or its change undone, the list chose
   no row: Enter and Del did nothing until the row was found again with the arrows. The row changed (or added) is
   chosen again.
3. The Funders' Awards dialog was narrower than its columns (1072 wide in a 936 table at 1366x768, 862 at 150%):
   Conditions, and at 150% Revenue / capital, were off to the right behind a sideways scroll.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.window_sizes import columns_out_of_view, resize_window, widget_in_window

AT_150 = (910, 480)  # 1366x768 at 150%; the window's least height is 500
SIZES = [(1366, 740), AT_150]
SIZE_IDS = ["1366x768", "1366x768@150%"]


def populations_dialog(window, qtbot):
    from safer_desk.ui.indicators.populations import PopulationsDialog

    tab = window.show_tab("indicators")
    dialog = PopulationsDialog(window.session, window, area_id=tab.presenter.area_id, year=tab.presenter.year)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    assert QTest.qWaitForWindowActive(dialog)
    return dialog


def form_of(dialog, qtbot):
    qtbot.waitUntil(lambda: dialog.dialog is not None and dialog.dialog.isVisible())
    form = dialog.dialog
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    return form


def alt(key) -> None:
    """Alt and a letter, to the widget in focus, as the keyboard sends it."""
    QTest.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)


def test_alt_s_saves_a_population_and_alt_u_goes_to_its_source(demo_window, qtbot, prompts):
    dialog = populations_dialog(demo_window, qtbot)
    before = len(dialog.model.rows)
    dialog.add_button.click()
    form = form_of(dialog, qtbot)
    alt(Qt.Key.Key_Y)
    year = form.view.widgets["year"]
    assert year.hasFocus()
    year.selectAll()
    QTest.keyClicks(year, "2030/31")
    alt(Qt.Key.Key_P)
    QTest.keyClicks(QApplication.focusWidget(), "104,000")
    alt(Qt.Key.Key_U)
    assert form.view.widgets["source"].hasFocus()
    QTest.keyClicks(QApplication.focusWidget(), "ONS projection")
    alt(Qt.Key.Key_S)  # &Save, the one control on Alt+S
    qtbot.waitUntil(lambda: len(dialog.model.rows) == before + 1)
    assert ("2030/31", 104000, "ONS projection") in {(r.year, r.population, r.source) for r in dialog.model.rows}


def test_the_population_changed_added_or_undone_stays_chosen_for_enter_and_del(demo_window, qtbot, prompts):
    dialog = populations_dialog(demo_window, qtbot)
    view = dialog.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Down)
    chosen = dialog.selected()
    assert chosen is not None and view.currentIndex().row() == 1
    QTest.keyClick(view, Qt.Key.Key_Return)
    form = form_of(dialog, qtbot)
    population = form.view.widgets["population"]
    population.setFocus()
    population.selectAll()
    QTest.keyClicks(population, "123,456")
    QTest.keyClick(population, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(r.population == 123456 for r in dialog.model.rows))
    now = dialog.selected()
    assert now is not None and (now.area_id, now.year, now.population) == (chosen.area_id, chosen.year, 123456)
    assert dialog.edit_button.isEnabled() and dialog.delete_button.isEnabled()
    assert dialog.focusWidget() is view

    demo_window.session.undo_stack.undo()
    now = dialog.selected()
    assert now is not None and (now.area_id, now.year, now.population) == (chosen.area_id, chosen.year,
                                                                             chosen.population)

    dialog.add_button.click()
    form = form_of(dialog, qtbot)
    form.view.widgets["year"].setText("2031/32")
    form.view.widgets["year"].textEdited.emit("2031/32")
    population = form.view.widgets["population"]
    population.setFocus()
    QTest.keyClicks(population, "99,000")
    QTest.keyClick(population, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any(r.year == "2031/32" for r in dialog.model.rows))
    assert dialog.selected() is not None and dialog.selected().year == "2031/32"

    prompts.answers.append(True)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert all(r.year != "2031/32" for r in dialog.model.rows)
    assert dialog.selected() is not None  # the row now in its place: Del again goes on down the list
    demo_window.session.undo_stack.undo()
    assert dialog.selected() is not None and dialog.selected().year == "2031/32"


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_funders_awards_columns_are_in_view_without_a_sideways_scroll(demo_window, qtbot, size):
    from safer_desk.ui.projects.awards import AwardsDialog

    resize_window(demo_window, size)
    dialog = AwardsDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    QApplication.processEvents()
    assert dialog.width() <= size[0] and dialog.height() <= size[1]
    assert columns_out_of_view(dialog.view, ["Funder", "Award", "Amounts", "Revenue / capital", "Conditions"]) == []
    assert dialog.view.horizontalScrollBar().maximum() == 0


def new_dialogs(window, qtbot):
    """This round's new windows as the person opens them: View > Populations… and its form, Baseline and
    Benchmarks…, Indicator and Target… (its Measure), and a billed review's Split window and its Bill again grid."""
    from datetime import date

    from safer_desk.services import dhr
    from tests.costs.test_search_choice_round22 import reviews_page

    populations = populations_dialog(window, qtbot)
    yield "populations", populations, populations.view
    populations.add_button.click()
    yield "new population", populations.dialog, populations.dialog.view.widgets["source"]
    populations.dialog.reject()
    populations.close()
    tab = window.show_tab("indicators")
    tab.edit_framework()
    yield "baseline and benchmarks", tab._framework_dialog, tab._framework_dialog.form.save_button
    tab._framework_dialog.reject()
    tab.edit_indicator()
    yield "indicator and target", tab._indicator_dialog, tab._indicator_dialog.form.widgets["measure"]
    tab._indicator_dialog.reject()
    size = window.size()
    page = reviews_page(window, qtbot, date(2018, 9, 1))
    resize_window(window, (size.width(), size.height()))
    assert page.select_case(dhr.case_id_by_reference(page.store, "WSCSP-DHR-2017-01"))
    billed = page.split_dialog()
    qtbot.waitUntil(billed.isVisible)
    yield "billed split", billed, billed.bill_again_button
    billed.bill_again()
    qtbot.waitUntil(lambda: page.dialog is not billed and page.dialog.isVisible(), timeout=5000)
    yield "bill again", page.dialog, page.dialog.save_button


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_the_new_dialogs_fit_inside_the_window_with_their_buttons_in_view(demo_window, qtbot, prompts, size):
    resize_window(demo_window, size)
    wrong = {}
    for name, dialog, control in new_dialogs(demo_window, qtbot):
        QApplication.processEvents()
        if dialog.width() > size[0] or dialog.height() > size[1]:
            wrong[name] = (dialog.width(), dialog.height())
        elif not widget_in_window(control, dialog):
            wrong[name] = control.accessibleName() or control.text()
    assert wrong == {}



def test_the_award_changed_or_undone_stays_chosen_for_enter_and_del(demo_window, qtbot):
    """Funders' Awards lost its chosen row after a change or an undo, as Populations did (both are now one kind of
    window, ui.records.RecordsDialog): Enter and Del did nothing until the row was found again with the arrows."""
    from safer_desk.ui.projects.awards import AwardsDialog

    dialog = AwardsDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.selected() is None  # opened: nothing chosen yet
    view = dialog.view
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    chosen = dialog.selected()
    assert chosen is not None
    QTest.keyClick(view, Qt.Key.Key_Return)
    form = form_of(dialog, qtbot)
    notes = form.view.widgets["notes"]
    notes.setFocus()
    QTest.keyClicks(notes, "Checked with the funder")
    form.view.save_button.click()
    qtbot.waitUntil(lambda: demo_window.session.undo_stack.count() == 1)
    assert dialog.selected() is not None and dialog.selected().id == chosen.id
    assert dialog.edit_button.isEnabled()
    demo_window.session.undo_stack.undo()
    assert dialog.selected() is not None and dialog.selected().id == chosen.id
