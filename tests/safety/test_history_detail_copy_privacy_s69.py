"""The History of Changes' detail pane (session 69): it shows the chosen action's changes in full, a review's notes
and a referral's reference among them, and Ctrl+C there put that text on the clipboard unasked, while the table's
Copy and Export… leave it out unless the question is answered Include it. It now asks as they do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication

from tests.kit.test_history_window_round23 import opened_history
from tests.safety.test_history_copy_privacy import NOTE, changed_victim_level_detail


def detail_copied(qtbot, dialog) -> str:
    """Focus the detail pane, select all of it and press Ctrl+C, as to paste it into an e-mail."""
    dialog.detail.setFocus()
    dialog.detail.selectAll()
    QGuiApplication.clipboard().setText("(nothing copied)")
    qtbot.keyClick(dialog.detail, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    return QGuiApplication.clipboard().text()


def chosen(dialog, wanted) -> None:
    for r in range(dialog.proxy.rowCount()):
        dialog.view.selectRow(r)
        if wanted(dialog.selected_line()):
            return
    raise AssertionError("no such line")


def test_ctrl_c_in_the_detail_of_a_victim_level_action_asks_and_leaves_the_detail_out(demo_window, qtbot, prompts):
    changed_victim_level_detail(demo_window)
    dialog = opened_history(demo_window, qtbot)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.proxy.rowCount() > 0, timeout=5000)
    chosen(dialog, lambda line: any(NOTE in d for d in line.details))
    assert NOTE in dialog.detail.toPlainText()  # shown on screen, to the officer who may see it

    copied = detail_copied(qtbot, dialog)  # the question closed or answered Leave it out
    [(title, question)] = prompts.questions
    assert title == "Copy the history of changes" and "victim-level detail" in question
    assert "ZQX" not in copied and "(victim-level detail left out)" in copied
    assert dialog.selected_line().action in copied

    prompts.answers.append(True)  # Include it
    assert NOTE in detail_copied(qtbot, dialog)
    dialog.close()
    QCoreApplication.processEvents()


def test_ctrl_c_in_the_detail_of_an_ordinary_action_copies_the_selection_unasked(demo_window, qtbot, prompts):
    dialog = opened_history(demo_window, qtbot)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.proxy.rowCount() > 0, timeout=5000)
    chosen(dialog, lambda line: not line.victim_level)
    assert detail_copied(qtbot, dialog) == dialog.detail.toPlainText()
    assert prompts.questions == []
    dialog.close()
    QCoreApplication.processEvents()


def test_the_detail_pane_s_question_says_the_action_changed_the_detail(demo_window, qtbot, prompts):
    """The question read "The action copied target-hardening referrals or the reviews' notes." (the table's
    "1 of the actions copied changed …" without its verb): as if the action had copied referrals. It now says the
    action changed them, as the table's Copy says it of its lines."""
    changed_victim_level_detail(demo_window)
    dialog = opened_history(demo_window, qtbot)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.proxy.rowCount() > 0, timeout=5000)
    chosen(dialog, lambda line: any(NOTE in d for d in line.details))
    detail_copied(qtbot, dialog)
    [(_title, question)] = prompts.questions
    assert question.startswith("The action copied changed target-hardening referrals or the reviews' notes."), \
        question
    dialog.close()
    QCoreApplication.processEvents()


def test_selecting_with_the_mouse_asks_nothing_and_puts_no_victim_level_detail_on_the_selection(demo_window, qtbot,
                                                                                               prompts):
    """On Linux Qt fills the middle-click selection from createMimeDataFromSelection at every mouse selection (and a
    drag out of the pane takes its text from it too): asking there put the question up at each selection made to
    read. The selection and a drag ask nothing and leave the victim-level detail out; Ctrl+C and the menu's Copy ask."""
    changed_victim_level_detail(demo_window)
    dialog = opened_history(demo_window, qtbot)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.proxy.rowCount() > 0, timeout=5000)
    chosen(dialog, lambda line: any(NOTE in d for d in line.details))
    dialog.detail.selectAll()
    quiet = dialog.detail.createMimeDataFromSelection().text()  # what Qt calls for the selection and a drag
    assert prompts.questions == []
    assert "ZQX" not in quiet and "(victim-level detail left out)" in quiet

    menu = dialog.detail.copy_menu()
    copy = next(a for a in menu.actions() if a.objectName() == "edit-copy")
    QGuiApplication.clipboard().setText("(nothing copied)")
    prompts.answers.append(True)  # Include it
    copy.trigger()
    assert [title for title, _ in prompts.questions] == ["Copy the history of changes"]
    assert NOTE in QGuiApplication.clipboard().text()
    dialog.close()
    QCoreApplication.processEvents()
