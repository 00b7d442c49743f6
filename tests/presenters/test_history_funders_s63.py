"""The History of Changes names a project's funders' shares by their funder (session 63, helper hist).

Homeshield Plus's funding sources saved as "OPCC: £10,000.50 / Council: Tbc / Health 2018/19: £5,000" read
"Added funding source of Homeshield Plus: …" and "Added funding source 2018/19: project …", and its undo
"Deleted funding source of Homeshield Plus" and "Deleted funding source 2018/19": a share said by its year alone
(which project's, which funder's?) or by its project alone, so no line told the two shares apart, and a search for
the funder found none of them. A share is now named by its funder and its project (and its year where it has one).
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.projects import ProjectsPresenter


def test_a_funder_s_share_added_and_its_undo_are_named_by_funder_project_and_year(demo_store):
    log = ActionLog()
    register = ProjectsPresenter(demo_store, perform=log, today=lambda: date(2026, 4, 1))
    register.reload()
    register.select(next(p.id for p in register.rows if p.title == "Homeshield Plus"))
    register.editor.set_value("funding_sources", "OPCC: £10,000.50\nCouncil: Tbc\nHealth 2018/19: £5,000")
    assert register.save() or register.save()
    details = history_lines(demo_store)[0].details
    assert "Changed the source of funding source OPCC of Homeshield Plus from “Suffolk County Council and Suffolk " \
           "PCT (twelve months, secured)” to “OPCC”" in details, details  # the detail says a long text whole (s65)
    assert any(d.startswith("Added funding source Council of Homeshield Plus: ") for d in details), details
    assert any(d.startswith("Added funding source Health of Homeshield Plus, 2018/19: ") for d in details), details
    log.undo()
    line = history_lines(demo_store)[0]
    # each with what it held after a colon (s65: a deleted row's values are said in the detail)
    assert any(d.startswith("Deleted funding source Council of Homeshield Plus: ") for d in line.details), line.details
    assert any(d.startswith("Deleted funding source Health of Homeshield Plus, 2018/19: ") for d in line.details), \
        line.details
    assert "health" in line.search_text
