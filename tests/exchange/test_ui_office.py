"""File > Office Details… driven with pytest-qt: a new office file names its districts in the window, the
Indicators tab then lists them as the office's own, and Edit > Undo takes the change back."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
    assert combo_texts(tab.area_combo)[:2] == ["Babergh", "Mid Suffolk"]
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
