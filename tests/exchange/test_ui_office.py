"""File > Office Details… driven with pytest-qt: a new office file names its districts in the window, the
Indicators tab then lists them as the office's own, and Edit > Undo takes the change back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.presenters.indicators import AreaGroup
from safer_desk.services import reference as ref


def combo_texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def tick(qtbot, widget, name: str) -> None:
    """Select the item called name and press Space, as a keyboard user ticks it."""
    item = next(widget.item(i) for i in range(widget.count()) if widget.item(i).text() == name)
    widget.setCurrentItem(item)
    widget.scrollToItem(item)
    qtbot.keyClick(widget, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked


def test_a_new_file_names_its_districts_in_the_window_and_undo_takes_them_back(window, qtbot, prompts, tmp_path):
    assert window.open_path(tmp_path / "new office.sqlite", create=True)
    from safer_desk.services.police_import import load_counts

    # The force's figures, as an import of its files brings them: none yet of the office's own areas.
    load_counts(window.session.store, [("Suffolk", "2025-01", "Babergh", "Burglary", 4),
                                       ("Suffolk", "2025-01", "Mid Suffolk", "Burglary", 2)])
    window.session.notify("indicators")
    tab = window.show_tab("indicators")
    assert combo_texts(tab.area_combo) == []
    assert "File > Office Details…" in tab.presenter.empty_message()

    assert "Office &Details…" in [a.text() for a in window.file_menu.actions()]
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    assert dialog.isVisible() and "Partnerships: none named" in dialog.summary.text()
    assert dialog.partnership_list.count() == 0 and dialog.district_list.count() > 300
    tick(qtbot, dialog.district_list, "Babergh")
    tick(qtbot, dialog.district_list, "Mid Suffolk")
    dialog.county_combo.setCurrentIndex(dialog.county_combo.findText("(none)"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and prompts.errors == []

    store = window.session.store
    assert [a.name for a in ref.office_scope(store).districts] == ["Babergh", "Mid Suffolk"]
    assert combo_texts(tab.area_combo)[:3] == ["Suffolk (county)", "Babergh", "Mid Suffolk"]  # their own county
    assert window.undo_action.text() == "&Undo set whose file this is"

    window.undo_action.trigger()
    assert not ref.office_scope(store).is_set
    # The area on screen stays listed (as one looked at), but no longer as one of the office's own.
    assert [c.group for c in tab.presenter.area_choices() if c.group is AreaGroup.OWN] == []


def test_a_read_only_file_shows_its_office_but_cannot_change_it(window, demo_path):
    assert window.open_path(demo_path, read_only=True)
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    assert "Safer Suffolk Partnership Board" in dialog.summary.text()
    assert not dialog.save_button.isEnabled()
    dialog.reject()


def shown(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_a_suffolk_officer_finds_districts_with_the_filter_and_what_is_ticked_stays_on_screen(
        window, qtbot, prompts, tmp_path):
    """A new file: choose the county (its districts come first), type in the filter, tick with the keyboard, and
    Save while the filter hides what is ticked: the file and the Indicators area list get exactly those."""
    assert window.open_path(tmp_path / "suffolk office.sqlite", create=True)
    from safer_desk.services.police_import import load_counts

    load_counts(window.session.store, [("Suffolk", "2025-01", name, "Burglary", n) for name, n in
                                       (("Babergh", 4), ("Mid Suffolk", 2), ("Ipswich", 9))])
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # keyboard focus moves only within the active window
    box, districts = dialog.district_filter, dialog.district_list
    assert shown(districts)[:2] == ["Adur", "Amber Valley"] and dialog.ticked_line.text() == "Ticked: none"

    dialog.county_combo.setFocus()
    qtbot.keyClicks(dialog.county_combo, "Suffolk")  # a closed combo box jumps to the name typed
    assert dialog.county_combo.currentText() == "Suffolk"
    assert shown(districts)[:6] == ["Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk",
                                    "Adur"]
    assert "then Suffolk's, then the rest" in dialog.district_heading.text()

    qtbot.keyClick(dialog.county_combo, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # the label's &Districts
    assert QApplication.focusWidget() is box
    qtbot.keyClicks(box, "suff")
    assert shown(districts) == ["East Suffolk", "Mid Suffolk", "West Suffolk"]
    assert dialog.filter_note.text() == f'3 of {len(dialog.picker.choices)} districts contain "suff".'
    qtbot.keyClick(box, Qt.Key.Key_Down)  # from the filter into the list, on its first name
    assert QApplication.focusWidget() is districts and districts.currentItem().text() == "East Suffolk"
    qtbot.keyClick(districts, Qt.Key.Key_Down)
    qtbot.keyClick(districts, Qt.Key.Key_Space)
    assert dialog.ticked_line.text() == "Ticked (1): Mid Suffolk"

    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # clears the filter; the dialog stays open
    assert dialog.isVisible() and box.text() == "" and not dialog.filter_note.isVisible()
    assert len(shown(districts)) == len(dialog.picker.choices)
    assert shown(districts)[:2] == ["Mid Suffolk", "Babergh"]  # ticked first, then the rest of Suffolk

    qtbot.keyClicks(box, "BAB")
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter goes into the list too: it does not press Save
    assert dialog.isVisible() and QApplication.focusWidget() is districts
    qtbot.keyClick(districts, Qt.Key.Key_Space)
    box.clear()
    qtbot.keyClicks(box, "ipsw")
    assert shown(districts) == ["Ipswich"]  # Babergh and Mid Suffolk are out of sight, but named:
    assert dialog.ticked_line.text() == "Ticked (2): Babergh, Mid Suffolk"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and prompts.errors == []

    store = window.session.store
    scope = ref.office_scope(store)
    assert [a.name for a in scope.districts] == ["Babergh", "Mid Suffolk"] and scope.county.name == "Suffolk"
    tab = window.show_tab("indicators")
    assert combo_texts(tab.area_combo)[:3] == ["Suffolk (county)", "Babergh", "Mid Suffolk"]
    assert [c.label for c in tab.presenter.area_choices() if c.group is AreaGroup.OWN] == [
        "Suffolk (county)", "Babergh", "Mid Suffolk"]
    assert "Ipswich" not in combo_texts(tab.area_combo)[:3]

    window.exchange_actions["office"].trigger()  # opened again: what the file says, ticked first
    again = window.office_dialog
    assert again.county_combo.currentText() == "Suffolk"
    assert shown(again.district_list)[:5] == ["Babergh", "Mid Suffolk", "East Suffolk", "Ipswich", "West Suffolk"]
    again.district_filter.setFocus()
    qtbot.keyClick(again.district_filter, Qt.Key.Key_Escape)  # an empty filter: Esc closes the dialog as before
    assert not again.isVisible()
    assert [a.name for a in ref.office_scope(store).districts] == ["Babergh", "Mid Suffolk"]


def test_the_dialog_fits_the_laptop_window_without_clipping(window, demo_path):
    assert window.open_path(demo_path)
    window.resize(1093, 582)
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    assert dialog.width() <= 1093 and dialog.height() <= 582
    hint = dialog.minimumSizeHint()
    assert hint.width() <= dialog.width() and hint.height() <= dialog.height()
    for label in (dialog.district_heading, dialog.ticked_line, dialog.summary):
        assert label.isVisible() and label.height() >= label.heightForWidth(label.width())
    dialog.reject()


# --- round 25: a county typed in lower case; a partnership that has ended ---------------------------------------

def test_a_county_typed_in_lower_case_is_offered_once_and_chosen(window, qtbot, tmp_path):
    """`safer-desk office FILE --county suffolk` on a new file keeps the county as typed: the dialog listed
    "Suffolk" and "suffolk" as two counties and chose the second; Save now keeps the districts' spelling."""
    assert window.open_path(tmp_path / "new office.sqlite", create=True)
    store = window.session.store
    ref.set_office_scope(store, county="suffolk")
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    assert [t for t in combo_texts(dialog.county_combo) if t.casefold() == "suffolk"] == ["Suffolk"]
    assert dialog.county_combo.currentText() == "Suffolk"
    assert "then Suffolk's, then the rest" in dialog.district_heading.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert ref.office_scope(store).county.name == "Suffolk"


def test_a_partnership_that_has_ended_says_so_and_is_listed_after_the_running_ones(window, demo_path, qtbot):
    """The example's Babergh CSP ended in 2010: ticked as the office's partnership it gives no district today, and
    the list did not say it had ended."""
    assert window.open_path(demo_path)
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    texts = shown(dialog.partnership_list)
    assert texts[:3] == ["Safer Plymouth", "Safer Suffolk Partnership Board", "Western Suffolk CSP"]
    assert "Babergh CSP (ended 31/03/2010)" in texts[3:]
    assert "Ipswich CSP (ended 31/03/2010)" in texts[3:]
    dialog.set_checked(dialog.partnership_list, "Babergh CSP")  # by its name, as before
    assert "partnership:babergh-csp" in dialog.checked_ids(dialog.partnership_list)
    before = ref.office_scope(window.session.store)
    dialog.reject()  # Cancel: nothing changes
    assert ref.office_scope(window.session.store) == before


def test_a_partnership_with_no_districts_says_so(window, tmp_path):
    """A new office adds its partnership (View > Districts, Partnerships and Partners…) before its districts: ticked
    in Office Details it gives the office no district, and the list now says why."""
    assert window.open_path(tmp_path / "new office.sqlite", create=True)
    ref.add_partnership(window.session.store, "Safer Babergh")
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    assert shown(dialog.partnership_list) == ["Safer Babergh (no districts)"]
    assert not dialog.no_partnerships.isVisible()
    dialog.reject()
