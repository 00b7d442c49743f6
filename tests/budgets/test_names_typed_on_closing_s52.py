"""A new plan's, section's or line's name typed on the Budgets tab and not added (round 52): closing the window or
opening another file dropped it without a word, no "*" in the title, where the Districts dialog and every form ask.
Now it marks the window and is asked about on closing: Save adds it (as its button does), Discard forgets it, Cancel
stays with it."""

from __future__ import annotations

from safer_desk.presenters.screens import UnsavedChoice


def plan_names(tab) -> list[str]:
    return [tab.plan_list.item(i).text() for i in range(tab.plan_list.count())]


def line_labels(tab) -> list[str]:
    return [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]


def test_a_line_typed_and_not_added_marks_the_window_and_is_asked_about(qtbot, demo_window, tab, prompts):
    assert not demo_window.isWindowModified()
    qtbot.keyClicks(tab.line_label, "Victim support worker")
    assert tab.has_unsaved_changes() and demo_window.isWindowModified()
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    assert demo_window.close() is False
    question = prompts.unsaved_questions[-1][1]
    assert "Victim support worker" in question and "line" in question, question
    assert tab.line_label.text() == "Victim support worker" and demo_window.current_tab_key() == "budgets"


def test_save_adds_the_line_typed_to_its_section(qtbot, demo_window, tab, prompts):
    section = tab.section_choice.currentText()
    qtbot.keyClicks(tab.line_label, "Victim support worker")
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    assert demo_window.may_close_file()
    assert "Victim support worker" in line_labels(tab) and tab.line_label.text() == ""
    assert section and not tab.has_unsaved_changes() and not demo_window.isWindowModified()


def test_save_makes_the_plan_typed_and_a_plan_without_years_keeps_the_window_open(qtbot, demo_window, tab, prompts):
    qtbot.keyClicks(tab.plan_name, "Babergh financial implications")
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    assert demo_window.may_close_file() is False  # no years: refused, said, and the name kept to finish
    assert tab.plan_name.text() == "Babergh financial implications"
    assert "Babergh financial implications" not in plan_names(tab)
    qtbot.keyClicks(tab.plan_years, "2025/26, 2026/27")
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    assert demo_window.may_close_file()
    assert "Babergh financial implications" in " ".join(plan_names(tab)) and tab.plan_name.text() == ""


def test_a_section_and_its_line_typed_are_added_together_the_line_into_the_new_section(qtbot, demo_window, tab,
                                                                                      prompts):
    qtbot.keyClicks(tab.section_name, "Training")
    qtbot.keyClicks(tab.line_label, "Frontline awareness sessions")
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    assert demo_window.may_close_file()
    labels = line_labels(tab)
    assert "Training" in labels and labels.index("Frontline awareness sessions") > labels.index("Training")


def test_discard_forgets_what_was_typed_and_adds_nothing(qtbot, demo_window, tab, prompts):
    before = (plan_names(tab), line_labels(tab))
    qtbot.keyClicks(tab.plan_name, "Draft plan")
    qtbot.keyClicks(tab.section_name, "Training")
    prompts.unsaved_answers.append(UnsavedChoice.DISCARD)
    assert demo_window.may_close_file()
    assert len(prompts.unsaved_questions) == 1  # asked once, for all of them
    assert (plan_names(tab), line_labels(tab)) == before
    assert tab.plan_name.text() == tab.section_name.text() == "" and not demo_window.isWindowModified()


def test_spaces_alone_are_nothing_typed(qtbot, demo_window, tab):
    qtbot.keyClicks(tab.line_label, "   ")
    assert not tab.has_unsaved_changes() and not demo_window.isWindowModified()


def test_ctrl_s_adds_the_line_typed(qtbot, demo_window, tab):
    qtbot.keyClicks(tab.line_label, "Victim support worker")
    assert demo_window.save_current()
    assert "Victim support worker" in line_labels(tab) and not demo_window.isWindowModified()
    assert demo_window.statusBar().currentMessage() == "Saved."
