"""The Projects tab, round 26: found keeping the register from the board papers in the real window."""

import pytest
from PySide6.QtGui import QGuiApplication

from safer_desk.presenters.funders import shares_summary
from safer_desk.services import projects as svc


@pytest.fixture
def page(demo_window):
    demo_window.show()
    return demo_window.show_tab("projects").register


def select(page, ref):
    page.clear_filters()
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.project_at(r).ref == ref))
    assert page.editor.project.ref == ref


def in_file(demo_window, ref):
    return next(p for p in svc.load_projects(demo_window.session.store) if p.ref == ref)


def retitle_strive_then_paste(page):
    select(page, "6")
    title = page.editor.widgets["title"]
    title.selectAll()
    title.insert("Suffolk Strive (young people)")
    QGuiApplication.clipboard().setText("Title\tCost\nNight bus\t£54,372 - £62,372\n")
    page.paste_rows()


def test_paste_rows_asks_about_the_edits_in_the_editor_first(demo_window, page, prompts):
    """Strive's title typed over, then Paste rows and Add: the editor showed the pasted project and the new title was
    gone, unsaved and unasked (the paste re-selects what it added). Asked once Add is pressed (session 73: asked
    before the preview, Discard then Cancel there lost the title and pasted nothing)."""
    prompts.unsaved_answers.append("save")
    retitle_strive_then_paste(page)
    assert prompts.unsaved_questions == []
    page.paste_dialog.add()
    assert prompts.unsaved_questions == [("Unsaved changes", "Project Suffolk Strive has unsaved changes to Title.")]
    assert in_file(demo_window, "6").title == "Suffolk Strive (young people)"
    assert page.editor.project.title == "Night bus" and page.editor.project.cost_text == "£54,372 - £62,372"
    assert [p.title for p in page.selected_projects()] == ["Night bus"]


def test_paste_rows_cancelled_at_the_question_keeps_the_edit_and_pastes_nothing(demo_window, page, prompts):
    prompts.unsaved_answers.append("cancel")
    retitle_strive_then_paste(page)
    page.paste_dialog.add()
    assert page.paste_dialog.isVisible()  # the rows still there to add, or to cancel
    assert page.editor.presenter.value("title") == "Suffolk Strive (young people)" and page.presenter.editor.is_dirty
    assert page.count.text() == "23 of 23 projects"


def accept_recre8_suggestion(page):
    select(page, "7")
    page.editor.widgets["notes"].setPlainText("Recre8 to report to the board in June.")
    lines = page.editor.cost_lines
    lines.table.selectRow(next(r for r in range(lines.table.rowCount()) if lines.table.item(r, 3).text() == "£3.250"))
    lines._accept_selected()


def test_use_suggested_figure_asks_about_the_other_edits_first(demo_window, page, prompts):
    """A note typed for Recre8, then "Use suggested figure" on its £3.250 line: the line was saved as £3,250 and the
    editor read the project again, so the typed note was gone without a question."""
    prompts.unsaved_answers.append("save")
    accept_recre8_suggestion(page)
    assert prompts.unsaved_questions == [("Unsaved changes", "Project Suffolk Recre8 has unsaved changes to Notes.")]
    recre8 = in_file(demo_window, "7")
    assert recre8.notes == "Recre8 to report to the board in June."
    assert [line.amount.text for line in recre8.cost_lines if "3" in line.amount.text and "250" in line.amount.text] \
        == ["£3,250"]
    assert recre8.reconciliation.agrees and not page.editor.warning.isVisible()
    assert page.editor.presenter.value("notes") == "Recre8 to report to the board in June."


def test_use_suggested_figure_cancelled_keeps_the_note_and_the_query(demo_window, page, prompts):
    prompts.unsaved_answers.append("cancel")
    accept_recre8_suggestion(page)
    assert page.editor.presenter.value("notes") == "Recre8 to report to the board in June."
    assert not in_file(demo_window, "7").reconciliation.agrees


def test_a_share_above_a_minimum_cost_is_not_said_to_be_more_than_the_cost(page):
    """InnKeeper costs "Minimum £50,000" (the paper gives no upper figure): a £60,000 share was read back as "of
    £50,000 (120.0%)" with "⚠ The shares add up to £60,000, more than the cost £50,000", and a £40,000 share left
    "Other funders: £10,000" as if the cost were exactly £50,000."""
    page.clear_filters()
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.project_at(r).cost_text
                             == "Minimum £50,000"))
    sources = page.editor.widgets["funding_sources"]
    sources.setPlainText("OPCC (2009/10): £60,000")
    assert page.editor.funders.text() == "OPCC (2009/10): £60,000 of at least £50,000"
    sources.setPlainText("OPCC (2009/10): £40,000")
    assert page.editor.funders.text() == ("OPCC (2009/10): £40,000 of at least £50,000\n"
                                          "Other funders for 2009/10: at least £10,000.")


def test_a_share_above_a_single_cost_or_the_top_of_a_range_is_still_queried():
    assert shares_summary("OPCC (2009/10): £60,000", "£50,000").endswith(
        "⚠ The shares for 2009/10 add up to £60,000, more than the cost £50,000.")
    assert shares_summary("OPCC (2009/10): £63,000", "£54,372 - £62,372").endswith(
        "⚠ The shares for 2009/10 add up to £63,000, more than the cost £62,372.")


def test_use_suggested_figure_after_discard_reads_the_line_chosen_not_the_one_now_in_its_place(demo_window, page,
                                                                                                prompts):
    """Two queried lines; the first removed in the grid (unsaved), the second chosen and "Use suggested figure", then
    Discard at the question: the file's lines came back and the row number chosen now named the first line, which
    was read as £1,500 instead of the £3,250 line chosen."""
    select(page, "7")
    lines = page.editor.cost_lines
    page.presenter.editor.set_cost_lines([("2009/10", "Revenue", "Room hire", "£1.500"), *lines._lines()])
    page.editor.save()
    assert in_file(demo_window, "7").cost_lines[0].amount.text == "£1.500"
    lines.table.selectRow(0)
    lines.remove_lines()
    lines.table.selectRow(next(r for r in range(lines.table.rowCount()) if lines.table.item(r, 3).text() == "£3.250"))
    prompts.unsaved_answers.append("discard")
    lines._accept_selected()
    amounts = [line.amount.text for line in in_file(demo_window, "7").cost_lines]
    assert amounts[0] == "£1.500" and "£3,250" in amounts and "£3.250" not in amounts
