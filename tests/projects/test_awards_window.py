"""View > Funders' Awards… in the real window: an award typed in, listed, offered to Commissioning, undone."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.costs.test_new_case_then_cost_line import button, field, type_into


def open_awards(window, qtbot):
    window.awards_action.trigger()
    dialog = window._awards_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def shown(dialog) -> list[tuple[str, ...]]:
    model, view = dialog.view.model(), dialog.view  # the columns in view (Merged from is hidden in an office's file)
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()) if not view.isColumnHidden(c))
            for r in range(model.rowCount())]


def test_an_award_typed_in_is_listed_offered_to_commissioning_and_undone(window, qtbot, tmp_path, prompts):
    assert window.open_path(tmp_path / "office.sqlite", create=True)
    window.show()
    awards = open_awards(window, qtbot)
    assert shown(awards) == [] and awards.summary.text().startswith("No awards yet.")
    assert not awards.edit_button.isEnabled() and not awards.delete_button.isEnabled()
    qtbot.mouseClick(button(awards, "Add Award"), Qt.MouseButton.LeftButton)
    form = awards.dialog
    qtbot.waitUntil(form.isVisible, timeout=5000)
    type_into(qtbot, field(form, "Funder"), "OPCC")
    type_into(qtbot, field(form, "Name"), "PCC grant 2017/18")
    type_into(qtbot, field(form, "Amounts by year"), "2017/18 £400,568")
    type_into(qtbot, field(form, "Revenue %"), "69")
    qtbot.mouseClick(button(form, "Save"), Qt.MouseButton.LeftButton)
    assert "give both percentages" in form.message_text() and form.isVisible()  # said beside the field
    type_into(qtbot, field(form, "Capital %"), "31")
    qtbot.mouseClick(button(form, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    assert shown(awards) == [("OPCC", "PCC grant 2017/18", "£400,568 for 2017/18", "69% revenue / 31% capital", "")]
    assert awards.summary.text().startswith("1 award.")

    tab = window.show_tab("projects")
    tab.pages.setCurrentWidget(tab._commissioning_holder)
    page = tab.commissioning
    qtbot.waitUntil(lambda: page.award.count() == 2, timeout=5000)
    assert page.award.itemText(1) == "OPCC: PCC grant 2017/18"

    assert window.session.undo_stack.undoText() == "Add award PCC grant 2017/18"
    window.undo()
    assert shown(awards) == []
    qtbot.waitUntil(lambda: page.award.count() == 1, timeout=5000)
    window.redo()
    assert [row[1] for row in shown(awards)] == ["PCC grant 2017/18"]


def test_the_examples_awards_are_listed_and_one_is_corrected_in_place(demo_window, qtbot):
    demo_window.show()
    awards = open_awards(demo_window, qtbot)
    rows = shown(awards)
    assert ("OPCC", "PCC grant to Safer Plymouth 2017-19", "£400,568 a year (2017/18, 2018/19)", "",
            rows[[r[1] for r in rows].index("PCC grant to Safer Plymouth 2017-19")][4]) in rows
    sspb = [r for r in rows if r[1] == "SSPB 10% retained budget 2009/10"][0]
    assert sspb[3] == "69% revenue / 31% capital"
    row = [r[1] for r in rows].index("PCC grant to Safer Plymouth 2017-19")
    awards.view.selectRow(row)
    qtbot.keyClick(awards.view, Qt.Key.Key_Return)  # Enter edits, as on every table
    form = awards.dialog
    qtbot.waitUntil(form.isVisible, timeout=5000)
    assert field(form, "Amounts by year").toPlainText() == "2017/18: £400,568\n2018/19: £400,568"
    type_into(qtbot, field(form, "Amounts by year"), "2017/18: £400,568")
    qtbot.keyClick(field(form, "Amounts by year"), Qt.Key.Key_Return)
    qtbot.keyClicks(field(form, "Amounts by year"), "2018/19: £380,000")
    qtbot.mouseClick(button(form, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5000)
    assert "£400,568 in 2017/18, £380,000 in 2018/19" in [r[2] for r in shown(awards)]


def test_undo_and_redo_after_the_dialog_was_closed_and_opened_again(window, qtbot, tmp_path, prompts):
    """Edit > Undo of an award added in a dialog since closed (and opened again, the first one deleted) crashed
    the program: the step refreshed the first dialog, which was gone."""
    assert window.open_path(tmp_path / "office.sqlite", create=True)
    window.show()
    first = open_awards(window, qtbot)
    first.add()
    type_into(qtbot, field(first.dialog, "Funder"), "OPCC")
    type_into(qtbot, field(first.dialog, "Name"), "PCC grant")
    qtbot.mouseClick(button(first.dialog, "Save"), Qt.MouseButton.LeftButton)
    first.close()
    with qtbot.waitSignal(first.destroyed, timeout=5000):  # opened again: the first dialog is deleted
        second = open_awards(window, qtbot)
    assert second is not first and [row[1] for row in shown(second)] == ["PCC grant"]
    window.undo()
    assert shown(second) == [] and prompts.errors == []
    second.close()
    window.redo()
    third = open_awards(window, qtbot)
    assert [row[1] for row in shown(third)] == ["PCC grant"] and prompts.errors == []


def test_no_two_things_in_the_award_dialogs_share_an_alt_letter(demo_window, qtbot):
    from tests.costs.test_costs_gui import dialog_letters

    def clashes(dialog) -> dict:
        seen: dict[str, list[str]] = {}
        for letter, text in dialog_letters(dialog):
            seen.setdefault(letter, []).append(text)
        return {k: v for k, v in seen.items() if len(v) > 1}

    demo_window.show()
    awards = open_awards(demo_window, qtbot)
    awards.view.selectRow(0)
    assert clashes(awards) == {}
    awards.edit_selected()
    qtbot.waitUntil(awards.dialog.isVisible, timeout=5000)
    assert clashes(awards.dialog) == {}
