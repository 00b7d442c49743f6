"""Session 47: Rename… and Delete under an empty plan list say what to do, as Plan settings… and Add year… do.

On a new file, Budgets' Rename… and Delete did nothing when clicked, without a word, while Plan settings…,
Add year… and Add section said "Choose or make a plan first." beside the grid."""

from PySide6.QtCore import Qt


def test_rename_and_delete_with_no_plan_say_to_choose_or_make_one(empty_tab, qtbot, prompts):
    tab = empty_tab
    for button in (tab.rename_plan_button, tab.delete_plan_button):
        tab.presenter.error = ""
        tab.message.setText("")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert tab.message.text() == "Choose or make a plan first.", button.text()
        assert tab.message.isVisibleTo(tab)
    assert not prompts.questions and not prompts.text_questions  # nothing asked about a plan that is not there
