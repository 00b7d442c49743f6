"""A new file's first partnership, walked as the guide tells it (View > Districts, Partnerships and Partners…,
*Partnerships*: its name, its districts and statutory partners ticked, Add partnership). Under Xvfb on a new file the
two lists to tick were empty boxes, saying nothing, and Add partnership made a partnership of no district and no
partner without a word. Each empty list now says where its names come from; nothing in it can be ticked."""

from PySide6.QtCore import Qt

from safer_desk.services import reference


def _partnerships(window, qtbot):
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.pages.setCurrentWidget(dialog.partnerships)
    return dialog, dialog.partnerships


def _items(widget):
    return [widget.item(i) for i in range(widget.count())]


def test_a_new_files_empty_lists_say_where_their_names_come_from(new_file_window, qtbot):
    dialog, page = _partnerships(new_file_window, qtbot)
    (districts,), (partners,) = _items(page.district_list), _items(page.member_list)
    assert "File > Office Details…" in districts.text() and "Districts" in districts.text()
    assert "Partner organisations" in partners.text()
    for item in (districts, partners):
        assert not item.flags() & (Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        assert item.toolTip() == item.text()
    # Add partnership takes neither words for a district or a partner
    page.name_edit.setText("Babergh CSP")
    page.add()
    added = next(p for p in reference.list_partnerships(new_file_window.session.store) if p.name == "Babergh CSP")
    assert reference.partnership_districts(new_file_window.session.store, added.id) == []


def test_once_the_file_has_names_they_are_listed_to_tick(new_file_window, qtbot):
    store = new_file_window.session.store
    reference.add_district(store, "Babergh")
    reference.add_organisation(store, "Babergh District Council", "council")
    dialog, page = _partnerships(new_file_window, qtbot)
    page.reload()
    assert [i.text() for i in _items(page.district_list)] == ["Babergh"]
    assert [i.text() for i in _items(page.member_list)] == ["Babergh District Council"]
    assert all(i.flags() & Qt.ItemFlag.ItemIsUserCheckable for i in _items(page.district_list))
