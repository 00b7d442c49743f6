"""A new officer's first review on a new file, walked under Xvfb: Costs > New case… opened with District,
Partnership conducting it and Lead authority each an empty list, saying nothing of why or where they come from. The
guide ("Whose file it is") says a new file has none until they are added (the districts in File > Office Details…,
partnerships and partners under View > Districts, Partnerships and Partners…); the empty list now says so."""

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import reference


def case_form(store):
    p = DhrPresenter(store, perform=ActionLog(), today=lambda: date(2026, 12, 7))
    p.reload()
    return p, {f.key: f for f in p.new_case_form().fields}


def test_a_new_files_empty_lists_say_where_their_names_come_from(store):
    _, fields = case_form(store)
    assert fields["district"].choices == (("", "(none yet: name the office's districts in File > Office Details…)"),)
    where = "(none yet: add one in View > Districts, Partnerships and Partners…)"
    assert fields["partnership"].choices == (("", where),)
    assert fields["lead_organisation"].choices == (("", where),)


def test_once_there_are_names_the_blank_choice_is_blank_again(store, demo_store):
    reference.add_district(store, "Babergh")
    _, fields = case_form(store)
    assert fields["district"].choices == (("", ""), ("Babergh", "Babergh"))
    _, fields = case_form(demo_store)
    assert all(fields[k].choices[0] == ("", "") and len(fields[k].choices) > 1
               for k in ("district", "partnership", "lead_organisation"))


def test_a_review_saved_with_the_lists_empty_keeps_them_blank(store):
    p, _ = case_form(store)
    form = p.editor
    form.set_value("reference", "BMS-DHR-2026-01")
    assert form.save()
    case = p.selected_case
    assert case.reference == "BMS-DHR-2026-01" and not case.district and not case.partnership


def test_a_list_with_no_case_chosen_says_to_choose_one(store):
    """Reopened, a new file's only review (no cost yet) was listed with none chosen and the panes below it empty,
    saying nothing: the line over them now says to choose a case."""
    p, _ = case_form(store)
    p.editor.set_value("reference", "BMS-DHR-2026-01")
    assert p.editor.save()
    again, _ = case_form(store)
    assert again.selected_case is None and again.rows
    assert again.case_line() == "Choose a case in the list to see its stages, costs, shares and payments below."
    again.select(again.rows[0].id)
    assert again.case_line() == "" or again.case_line().startswith("BMS-DHR-2026-01")
