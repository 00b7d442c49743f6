"""Session 72: Paste rows… added projects as the step "Paste 2 projects" (and "Paste 1 project") in Edit > Undo and
the History, alike for any two pastes of a morning's bids. A paste now names what it added as a delete does: one by
its title, two or three by theirs, more counted."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.projects import ProjectsPresenter


def test_a_paste_names_the_projects_it_added(demo_store):
    log = ActionLog()
    p = ProjectsPresenter(demo_store, perform=log)
    p.reload()
    p.add_pasted(p.paste_preview([["Title", "Cost"], ["Nightsafe bus", "£4,000"]]).projects())
    p.add_pasted(p.paste_preview([["Title", "Cost"], ["Street pastors", "£8,000"], ["Youth diversion", "£9,000"]])
                 .projects())
    p.add_pasted(p.paste_preview([["Title"], ["A"], ["B"], ["C"], ["D"]]).projects())
    assert [a.text for a in log.done] == ["Paste project Nightsafe bus",
                                          "Paste 2 projects (Street pastors and Youth diversion)",
                                          "Paste 4 projects"]
    assert history_lines(demo_store)[1].action == "Paste 2 projects (Street pastors and Youth diversion)"
