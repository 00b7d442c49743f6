"""Ctrl+Z and Ctrl+Y in the windows opened from the main window whose changes are steps of its Edit > Undo.

The window's Undo and Redo have window shortcuts: their keys reached only the main window, so in View > Funders'
Awards…, File > Office Details…, File > Conflicts… or an award's form Ctrl+Z did nothing. Each is opened here from
the real window, changed through its widgets, and Ctrl+Z / Ctrl+Y / Ctrl+Shift+Z pressed with the focus in it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.costs.test_new_case_then_cost_line import button, field, type_into
from tests.exchange.test_county_conflicts import REFERENCE, scenario  # noqa: F401 (the fixture)

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
PCC = "PCC grant to Safer Plymouth 2017-19"


def activate(qtbot, dialog) -> None:
    """The dialog the active window, as when the officer works in it (window shortcuts reach the active window)."""
    dialog.raise_()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)


def award_names(dialog) -> list[str]:
    model = dialog.view.model()
    return sorted(model.index(r, 1).data() for r in range(model.rowCount()))


def stored_awards(window) -> list[str]:
    from safer_desk.services.funders import list_awards

    return sorted(a.name for a in list_awards(window.session.store))


def open_awards(window, qtbot):
    window.show()
    window.awards_action.trigger()
    dialog = window._awards_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    activate(qtbot, dialog)
    return dialog


def delete_pcc(dialog, qtbot, prompts) -> None:
    dialog.view.selectRow(next(r for r in range(dialog.proxy.rowCount()) if dialog.proxy.index(r, 1).data() == PCC))
    prompts.answers.append(True)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
    assert PCC not in award_names(dialog)


def award_form_after_a_delete(window, qtbot, prompts):
    """Funders' Awards with the PCC award deleted (a step to undo), and the first award's form opened by Enter and
    active: (the awards window, the form, the undo stack, its index after the delete)."""
    awards = open_awards(window, qtbot)
    delete_pcc(awards, qtbot, prompts)
    stack = window.session.undo_stack
    depth = stack.index()
    awards.view.selectRow(0)
    qtbot.keyClick(awards.view, Qt.Key.Key_Return)  # Enter edits
    form = awards.dialog
    qtbot.waitUntil(form.isVisible, timeout=5000)
    activate(qtbot, form)
    return awards, form, stack, depth


def test_ctrl_z_and_ctrl_y_in_the_awards_window_undo_and_redo_its_change(demo_window, qtbot, prompts):
    awards = open_awards(demo_window, qtbot)
    delete_pcc(awards, qtbot, prompts)
    qtbot.keyClick(awards.view, Qt.Key.Key_Z, CTRL)
    assert PCC in award_names(awards) and PCC in stored_awards(demo_window)
    assert QApplication.activeWindow() is awards  # still where the officer works: the next keys are its own
    qtbot.keyClick(awards.view, Qt.Key.Key_Y, CTRL)
    assert PCC not in award_names(awards) and PCC not in stored_awards(demo_window)
    qtbot.keyClick(awards.view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(awards.view, Qt.Key.Key_Z, CTRL | SHIFT)
    assert PCC not in award_names(awards) and PCC not in stored_awards(demo_window)
    assert awards.isVisible() and prompts.errors == []


def test_ctrl_z_in_an_award_form_undoes_the_typing_then_asks_before_it_undoes_the_file(demo_window, qtbot, prompts):
    awards, form, stack, depth = award_form_after_a_delete(demo_window, qtbot, prompts)
    name = field(form, "Name")
    before = name.text()
    type_into(qtbot, name, "Renamed")
    # In a field being typed in, Ctrl+Z undoes the typing, not the file's last change.
    qtbot.keyClick(name, Qt.Key.Key_Z, CTRL)
    assert name.text() == before and stack.index() == depth and form.isVisible()
    type_into(qtbot, name, "Renamed")
    # Elsewhere in the form, what is typed is asked about first (as on a tab): Cancel leaves it all as it was.
    save = button(form, "Save")
    save.setFocus()
    prompts.unsaved_answers.append("cancel")
    qtbot.keyClick(save, Qt.Key.Key_Z, CTRL)
    assert len(prompts.unsaved_questions) == 1 and form.isVisible() and name.text() == "Renamed"
    assert stack.index() == depth and PCC not in stored_awards(demo_window)
    # Discard: the form closes, the award deleted before it comes back, in the file and in the list.
    prompts.unsaved_answers.append("discard")
    qtbot.keyClick(save, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    assert stack.index() == depth - 1 and PCC in stored_awards(demo_window) and PCC in award_names(awards)
    assert "Renamed" not in stored_awards(demo_window)


def test_ctrl_z_in_an_award_form_with_save_answered_saves_and_undoes_nothing_more(demo_window, qtbot, prompts):
    awards, form, stack, depth = award_form_after_a_delete(demo_window, qtbot, prompts)
    type_into(qtbot, field(form, "Name"), "Renamed")
    button(form, "Save").setFocus()
    prompts.unsaved_answers.append("save")
    qtbot.keyClick(button(form, "Save"), Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    assert stack.index() == depth + 1 and "Renamed" in stored_awards(demo_window)  # the save is the next undo
    assert PCC not in stored_awards(demo_window)
    assert demo_window.statusBar().currentMessage() == "Saved. Undo again to undo it."


def test_ctrl_z_in_an_empty_form_with_nothing_to_undo_leaves_it_open(window, qtbot, tmp_path, prompts):
    assert window.open_path(tmp_path / "office.sqlite", create=True)
    awards = open_awards(window, qtbot)
    qtbot.mouseClick(button(awards, "Add Award"), Qt.MouseButton.LeftButton)
    form = awards.dialog
    qtbot.waitUntil(form.isVisible, timeout=5000)
    activate(qtbot, form)
    button(form, "Save").setFocus()
    qtbot.keyClick(button(form, "Save"), Qt.Key.Key_Z, CTRL)
    assert form.isVisible() and prompts.unsaved_questions == []


def open_office(window, qtbot):
    from safer_desk.ui.exchange.menu import open_office_dialog

    window.show()
    dialog = open_office_dialog(window)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    activate(qtbot, dialog)
    return dialog


def office_name(window) -> str:
    from safer_desk.presenters.office import OfficePresenter

    return OfficePresenter(window.session.store).name()


def test_ctrl_z_and_ctrl_y_in_office_details_undo_and_redo_its_last_save(demo_window, qtbot, prompts):
    first = office_name(demo_window)
    dialog = open_office(demo_window, qtbot)
    type_into(qtbot, dialog.name_box, "Babergh CSP office")
    qtbot.keyClick(dialog.name_box, Qt.Key.Key_Z, CTRL)  # the typing undone, in the box
    assert dialog.name_box.text() == first and dialog.isVisible()
    type_into(qtbot, dialog.name_box, "Babergh CSP office")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and office_name(demo_window) == "Babergh CSP office"
    # Opened again to look: Ctrl+Z there undoes the save (the form, nothing typed in it, closes: it showed the save).
    again = open_office(demo_window, qtbot)
    assert again.name_box.text() == "Babergh CSP office"
    qtbot.keyClick(again.county_combo, Qt.Key.Key_Z, CTRL)
    assert office_name(demo_window) == first and not again.isVisible() and prompts.unsaved_questions == []
    third = open_office(demo_window, qtbot)
    assert third.name_box.text() == first
    qtbot.keyClick(third.county_combo, Qt.Key.Key_Y, CTRL)
    assert office_name(demo_window) == "Babergh CSP office" and not third.isVisible()


def test_ctrl_z_in_the_conflicts_window_undoes_a_decision_and_shows_it_open_again(scenario, window, qtbot,  # noqa: F811
                                                                                 prompts):
    from safer_desk.services.county import list_conflicts
    from safer_desk.ui.exchange.menu import open_conflicts_dialog

    scenario.county.close()
    assert window.open_path(scenario.county.path)
    window.show()
    dialog = open_conflicts_dialog(window)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    activate(qtbot, dialog)
    shown = lambda: [dialog.model.row(i).detail for i in range(dialog.model.rowCount())]  # noqa: E731
    open_count = lambda: len(list_conflicts(window.session.store))  # noqa: E731
    assert REFERENCE in shown()
    before = open_count()
    dialog.view.setCurrentIndex(dialog.proxy.index(shown().index(REFERENCE), 1))
    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.keep_county_button, Qt.MouseButton.LeftButton)
    assert REFERENCE not in shown() and open_count() == before - 1
    qtbot.keyClick(dialog.view, Qt.Key.Key_Z, CTRL)
    assert REFERENCE in shown() and open_count() == before
    assert QApplication.activeWindow() is dialog
    qtbot.keyClick(dialog.view, Qt.Key.Key_Y, CTRL)
    assert REFERENCE not in shown() and open_count() == before - 1
    dialog.close()


def test_a_window_of_its_own_with_nothing_shared_is_left_alone(qtbot):
    """A dialog with no main window above it (a test's, a start-up's) gets no Undo of its own."""
    from PySide6.QtWidgets import QDialog

    from safer_desk.ui.kit.dialogs import share_undo

    dialog = QDialog()
    qtbot.addWidget(dialog)
    share_undo(dialog)
    assert dialog.actions() == []


def test_ctrl_z_in_a_costs_form_over_its_tab_closes_it_and_undoes_the_correction(demo_window, qtbot, prompts):
    """A form whose parent is a page of a tab (not a window of its own) finds the main window's Undo too."""
    from tests.costs.test_costs_gui import shown_column

    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds

    def open_referral():
        assert page.referrals.select_where(lambda r: r["reference"] == "TH-2018-008")
        page.referrals.view.setFocus()
        qtbot.keyClick(page.referrals.view, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
        activate(qtbot, page.dialog)
        return page.dialog

    dialog = open_referral()
    type_into(qtbot, field(dialog, "District"), "Mid Suffolk")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert "Babergh" not in shown_column(page.by_district, "District")
    again = open_referral()
    assert field(again, "District").currentText() == "Mid Suffolk"
    qtbot.keyClick(field(again, "District"), Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: "Babergh" in shown_column(page.by_district, "District"), timeout=10000)
    assert prompts.unsaved_questions == [] and prompts.errors == []


def test_ctrl_z_in_a_name_being_typed_in_the_reference_window_undoes_the_typing_only(demo_window, qtbot, prompts):
    demo_window.show()
    demo_window.show_reference()
    dialog = demo_window._reference_dialog
    activate(qtbot, dialog)
    page = dialog.districts
    stack = demo_window.session.undo_stack
    depth, rows = stack.index(), page.proxy.rowCount()
    page.name_edit.setFocus()
    qtbot.keyClicks(page.name_edit, "Ipswich North")
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Z, CTRL)
    assert page.name_edit.text() == "" and stack.index() == depth and page.proxy.rowCount() == rows
    qtbot.keyClick(page.name_edit, Qt.Key.Key_Z, CTRL | SHIFT)  # the typing redone, in the field
    assert page.name_edit.text() == "Ipswich North" and stack.index() == depth


def test_ctrl_z_and_ctrl_y_in_baseline_and_benchmarks_undo_and_redo_its_save(demo_window, qtbot, prompts):
    """Baseline and Benchmarks… (opened modal over the Indicators tab): its save undone from the form opened again."""
    from safer_desk.domain.indicators import Rag
    from tests.indicators.test_framework_round29 import ASSESSMENT, EAST_SUSSEX, FY12
    from tests.indicators.test_tab import type_in

    demo_window.show()
    tab = demo_window.show_tab("indicators")
    tab.select_area(EAST_SUSSEX)
    tab.select_year(FY12)
    tab.select_indicator(ASSESSMENT)
    qtbot.mouseClick(tab.framework_button, Qt.MouseButton.LeftButton)
    dialog = tab._framework_dialog
    activate(qtbot, dialog)
    type_in(qtbot, dialog.form.widgets["achieved"], "14/08/2012")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and tab.view.rag is Rag.GREEN
    qtbot.mouseClick(tab.framework_button, Qt.MouseButton.LeftButton)
    again = tab._framework_dialog
    activate(qtbot, again)
    again.form.save_button.setFocus()
    qtbot.keyClick(again.form.save_button, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=5000)
    assert tab.view.rag is Rag.RED and "overdue" in tab.headline.text()
    qtbot.mouseClick(tab.framework_button, Qt.MouseButton.LeftButton)
    third = tab._framework_dialog
    activate(qtbot, third)
    third.form.save_button.setFocus()
    qtbot.keyClick(third.form.save_button, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: not third.isVisible(), timeout=5000)
    assert tab.view.rag is Rag.GREEN and prompts.unsaved_questions == [] and prompts.errors == []


def test_ctrl_z_and_ctrl_y_in_the_populations_window_undo_and_redo_a_removal(demo_window, qtbot, prompts):
    from safer_desk.ui.indicators.menu import open_populations

    demo_window.show()
    dialog = open_populations(demo_window)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    activate(qtbot, dialog)
    rows = lambda: [(r.area_id, r.year) for r in dialog.model.rows]  # noqa: E731
    before = rows()
    assert before
    dialog.view.selectRow(0)
    gone = dialog.selected()
    prompts.answers.append(True)
    qtbot.keyClick(dialog.view, Qt.Key.Key_Delete)
    assert (gone.area_id, gone.year) not in rows()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Z, CTRL)
    assert sorted(rows()) == sorted(before) and QApplication.activeWindow() is dialog
    qtbot.keyClick(dialog.view, Qt.Key.Key_Y, CTRL)
    assert (gone.area_id, gone.year) not in rows() and prompts.errors == []
