"""The History of Changes says a rename as the old name and the new (session 63, helper hist2).

Each line named the record by what it is called now, then said its name changed "from" one name "to" another: CSP
funding 2018-2021 renamed Grant "A", B, then Grant C, undone and redone, read "Changed the name of funding award Grant
C from CSP funding 2018-2021 to Grant "A", B" (an award called Grant C renamed to something else?) and its undo
"… of funding award Grant C from Grant C to Grant "A", B", a name with a comma running into the words around it
("from Grant "A", B to …": one name or two?). A rename now names the record by its name before, and each name in
quotation marks: "Changed the name of funding award “CSP funding 2018-2021” to “Grant "A", B” (now Grant C)".
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.presenters.history import history_lines


def _rename(awards: AwardsPresenter, old: str, new: str) -> None:
    form = awards.edit_form(next(a.id for a in awards.rows() if a.name == old))
    form.set_value("name", new)
    assert form.save(), form.form_message


def test_a_rename_undone_and_redone_reads_as_the_old_name_and_the_new(demo_store):
    log = ActionLog()
    awards = AwardsPresenter(demo_store, perform=log)
    _rename(awards, "CSP funding 2018-2021", 'Grant "A", B')
    assert history_lines(demo_store)[0].summary == \
        'Changed the name of funding award “CSP funding 2018-2021” to “Grant "A", B”'
    _rename(awards, 'Grant "A", B', "Grant C")
    log.undo()
    log.undo()
    log.redo()
    summaries = [line.summary for line in history_lines(demo_store)[:5]]
    assert summaries == [
        'Changed the name of funding award “CSP funding 2018-2021” to “Grant "A", B”',  # the redo
        'Changed the name of funding award “Grant "A", B” to “CSP funding 2018-2021” (now Grant "A", B)',
        'Changed the name of funding award “Grant C” to “Grant "A", B”',
        'Changed the name of funding award “Grant "A", B” to “Grant C” (now Grant "A", B)',
        'Changed the name of funding award “CSP funding 2018-2021” to “Grant "A", B”'], summaries
    assert all("csp funding" in line.search_text for line in history_lines(demo_store)[:2])
