"""Round 31 (t31g): keyboard follow-ups in the window's dialogs.

1. View > Districts, Partnerships and Partners: Alt+A was both the "P&artner organisations" tab and each page's
   "&Add …" button; the dialog opened with focus on its tab bar, so Enter pressed Add ("A district needs a name.");
   after the table Tab went to Add and Remove before the fields to fill in; and Remove selected with several rows
   made one undo step per row (Undo brought back one) and, one refused, left the rows before it removed.
2. View > History of Changes opened in its Area list, where Enter (as in the search box or the table) pressed
   Export… and opened a save window. It opens in the table, the newest action chosen; Enter exports nothing.
3. File > Signing Keys: Enter on a key's row pressed Withdraw Key…, whose question answers Withdraw to Enter: Enter,
   Enter withdrew an office's key with no reason. Enter withdraws only from the Reason box (or on the button).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from safer_desk.services import reference as ref
from tests.kit.test_laptop_keyboard_round31 import active, opened, tab_order


def reference_dialog(window, qtbot):
    window.show()
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.waitUntil(dialog.isVisible)
    return active(dialog, qtbot)


def mnemonic(text: str) -> str:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else ""


def test_reference_dialog_alt_letters_are_each_used_once(demo_window, qtbot):
    dialog = reference_dialog(demo_window, qtbot)
    tabs = [mnemonic(dialog.pages.tabText(i)) for i in range(dialog.pages.count())]
    for page in (dialog.districts, dialog.partnerships, dialog.organisations):
        page_letters = [mnemonic(b.text()) for b in (page.add_button, page.remove_button)]
        assert not set(tabs) & set(page_letters), (tabs, page_letters)


def test_reference_dialog_opens_in_the_table_and_enter_adds_nothing(demo_window, qtbot, prompts):
    dialog = reference_dialog(demo_window, qtbot)
    before = len(ref.list_districts(demo_window.session.store))
    assert QApplication.focusWidget() is dialog.districts.view
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert prompts.errors == []
    assert len(ref.list_districts(demo_window.session.store)) == before


def test_reference_pages_tab_from_the_table_to_the_fields_then_the_buttons(demo_window, qtbot):
    dialog = reference_dialog(demo_window, qtbot)
    page = dialog.districts
    page.view.setFocus()
    assert tab_order(dialog, 5) == [page.view, page.name_edit, page.code_edit, page.county_edit, page.from_edit]
    dialog.pages.setCurrentWidget(dialog.organisations)
    page = dialog.organisations
    page.view.setFocus()
    assert tab_order(dialog, 4) == [page.view, page.name_edit, page.kind_combo, page.add_button]
    dialog.pages.setCurrentWidget(dialog.partnerships)
    page = dialog.partnerships
    page.view.setFocus()  # nothing chosen: End membership and Add member are off, and Tab passes them
    assert tab_order(dialog, 9) == [page.view, page.members_view, page.name_edit, page.kind_combo, page.district_list,
                                    page.member_list, page.from_edit, page.to_edit, page.add_button]


def select_named(page, names: set[str]) -> None:
    from PySide6.QtCore import QItemSelectionModel

    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    page.view.selectionModel().clearSelection()
    for r in range(page.proxy.rowCount()):
        if page.model.row(page.proxy.mapToSource(page.proxy.index(r, 0)).row()).name in names:
            page.view.selectionModel().select(page.proxy.index(r, 0), flags)
    assert {row.name for row in page.selected()} == names


def district_names(window) -> set[str]:
    return {d.name for d in ref.list_districts(window.session.store)}


def test_remove_selected_is_one_undoable_step_all_or_nothing(demo_window, qtbot, prompts):
    store, stack = demo_window.session.store, demo_window.session.undo_stack
    for name in ("Aardvark Vale", "Zebra Heath"):
        ref.add_district(store, name)
    dialog = reference_dialog(demo_window, qtbot)
    dialog.refresh()
    page, before = dialog.districts, district_names(demo_window)
    steps = stack.count()
    # Babergh is used (its partnership, its figures): it refuses all three, and none is removed
    select_named(page, {"Aardvark Vale", "Babergh", "Zebra Heath"})
    page.remove_button.click()
    assert [title for title, _ in prompts.errors] == ["Remove district"]
    assert "Babergh cannot be removed" in prompts.errors[0][1]
    assert district_names(demo_window) == before
    assert stack.count() == steps
    select_named(page, {"Aardvark Vale", "Zebra Heath"})
    page.remove_button.click()
    assert district_names(demo_window) == before - {"Aardvark Vale", "Zebra Heath"}
    assert stack.count() == steps + 1
    assert "Aardvark Vale" in stack.undoText() and "Zebra Heath" in stack.undoText()
    from safer_desk.ui.kit.undo import redo_step, undo_step

    undo_step(stack)
    assert district_names(demo_window) == before
    redo_step(stack)
    assert district_names(demo_window) == before - {"Aardvark Vale", "Zebra Heath"}


def test_remove_selected_removes_a_district_with_the_one_it_became(demo_window, qtbot, prompts):
    """Chosen together, a district and the one it became are removed in whichever order the table shows them."""
    store = demo_window.session.store
    ref.add_district(store, "Aardvark Vale")
    ref.add_district(store, "Zebra Heath", successor="Aardvark Vale", valid_to="31/03/2019")
    dialog = reference_dialog(demo_window, qtbot)
    dialog.refresh()
    before = district_names(demo_window)
    select_named(dialog.districts, {"Aardvark Vale", "Zebra Heath"})
    dialog.districts.remove_button.click()
    assert prompts.errors == []
    assert district_names(demo_window) == before - {"Aardvark Vale", "Zebra Heath"}
    from safer_desk.ui.kit.undo import undo_step

    undo_step(demo_window.session.undo_stack)
    assert district_names(demo_window) == before


def test_reference_enter_adds_from_each_form_and_nothing_from_a_table(demo_window, qtbot, prompts):
    dialog = reference_dialog(demo_window, qtbot)
    store = demo_window.session.store
    dialog.pages.setCurrentWidget(dialog.organisations)
    page = dialog.organisations
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Return)
    assert prompts.errors == []
    page.name_edit.setFocus()
    QTest.keyClicks(page.name_edit, "Suffolk Mind")
    QTest.keyClick(page.name_edit, Qt.Key.Key_Return)
    assert "Suffolk Mind" in {o.name for o in ref.list_organisations(store)}
    assert dialog.isVisible() and prompts.errors == []
    page.add_button.setFocus()  # Enter on a button in focus presses it
    QTest.keyClick(page.add_button, Qt.Key.Key_Return)
    assert [title.strip() for title, _ in prompts.errors] == ["Add organisation"]


def test_history_opens_in_its_table_and_enter_exports_nothing(demo_window, qtbot, prompts, tmp_path):
    demo_window.show()
    demo_window.show_history()
    dialog = demo_window._history_dialog
    qtbot.waitUntil(dialog.isVisible)
    active(dialog, qtbot)
    assert QApplication.focusWidget() is dialog.view
    target = tmp_path / "history.xlsx"
    for widget in (dialog.view, dialog.area_combo, dialog.search, dialog.since.edit):
        prompts.file_names[:] = [str(target)]
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_Return)
        assert prompts.file_names == [str(target)], widget.accessibleName()  # no save window was asked for
    assert not target.exists() and prompts.infos == [] and dialog.isVisible()
    dialog.export_button.setFocus()  # Enter on Export… in focus still exports
    QTest.keyClick(dialog.export_button, Qt.Key.Key_Return)
    assert target.exists()


def test_enter_on_a_signing_key_withdraws_nothing_and_enter_in_the_reason_withdraws(window, qtbot, prompts, tmp_path):
    from safer_desk.services.county import registered_keys
    from tests.exchange.test_project_conflicts_round27 import county_of, office_exports

    assert window.open_path(county_of(tmp_path, office_exports(tmp_path)))
    store = window.session.store
    dialog = opened(window, qtbot, "keys", "keys_dialog")
    assert all(key.active for key in registered_keys(store))
    dialog.view.setFocus()
    dialog.view.selectRow(0)
    QTest.keyClick(dialog.view, Qt.Key.Key_Return)
    assert prompts.questions == []
    assert all(key.active for key in registered_keys(store))
    prompts.answers[:] = [True]
    dialog.reason_edit.setFocus()
    QTest.keyClicks(dialog.reason_edit, "laptop lost")
    QTest.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    assert [title for title, _ in prompts.questions] == ["Withdraw Key"]
    assert {key.withdrawn_reason for key in registered_keys(store) if not key.active} == {"laptop lost"}


def test_paste_preview_tabs_to_add_before_cancel_and_alt_r_reaches_the_columns(demo_window, qtbot):
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QDialogButtonBox

    demo_window.show()
    page = demo_window.show_tab("projects").register
    QGuiApplication.clipboard().setText("Title\tCost\nNightsafe\t£4,000\n")
    page.paste_rows()
    dialog = page.paste_dialog
    qtbot.waitUntil(dialog.isVisible)
    active(dialog, qtbot)
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert dialog.add_button.isEnabled()
    dialog.table.setFocus()
    assert tab_order(dialog, 3) == [dialog.table, dialog.add_button, cancel]
    QTest.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.mapping[0]


def test_office_details_saves_with_alt_s(demo_window, qtbot, prompts):
    dialog = opened(demo_window, qtbot, "office", "office_dialog")
    assert mnemonic(dialog.save_button.text()) == "s"
    dialog.name_box.setFocus()
    dialog.name_box.selectAll()
    QTest.keyClicks(dialog.name_box, "Babergh and Mid Suffolk office")
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert prompts.errors == []
    assert demo_window.session.store.office_name == "Babergh and Mid Suffolk office"
