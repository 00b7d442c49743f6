"""Session 65 (hist): a project added reads its cost as the register says it, in the History of Changes.

Found by pasting two projects into the register (Paste rows…, "Nightsafe £4,000"), pressing Edit > Undo and Redo
and opening View > History of Changes: the detail read "Added project Nightsafe: status Proposed; cost kind amount;
lowest cost £4,000", the file's three cost columns word for word, where a change of the same cost reads "Changed the
cost of project Nightsafe from £4,000 to £5,000" and the register says "£4,000". A range read "cost kind range;
lowest cost £54,372; highest cost £62,372" and a minimum "cost kind minimum; lowest cost £50,000". A project added
(by Add, a paste, the undo of a delete) now says its cost once, as the register does.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.ids import new_id
from safer_desk.domain.money import parse_cost
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services.projects import Project


def register(store) -> tuple[ProjectsPresenter, ActionLog]:
    log = ActionLog()
    presenter = ProjectsPresenter(store, perform=log, today=lambda: date(2026, 4, 1))
    presenter.reload()
    return presenter, log


@pytest.mark.parametrize("typed, said", [("£4,000", "cost £4,000"), ("£54,372 - £62,372", "cost £54,372 - £62,372"),
                                         ("Minimum £50,000", "cost Minimum £50,000")])
def test_a_pasted_project_says_its_cost_as_the_register_does(demo_store, typed, said):
    presenter, log = register(demo_store)
    presenter.add_pasted([Project(id=new_id(), title="Nightsafe", cost=parse_cost(typed))])
    details = history_lines(demo_store)[0].details
    added = next(d for d in details if d.startswith("Added project Nightsafe"))
    assert said in added.split(": ", 1)[1].split("; "), added
    assert "cost kind" not in added and "lowest cost" not in added and "highest cost" not in added


def test_the_undo_of_a_delete_says_the_cost_it_brought_back(demo_store):
    presenter, log = register(demo_store)
    pasted = Project(id=new_id(), title="Nightsafe", cost=parse_cost("£54,372 - £62,372"))
    presenter.add_pasted([pasted])
    presenter.delete([pasted.id])
    log.undo()
    line = history_lines(demo_store)[0]
    assert line.action == "Undo delete project Nightsafe"
    added = next(d for d in line.details if d.startswith("Added project Nightsafe"))
    assert added == "Added project Nightsafe: status Proposed; cost £54,372 - £62,372", added
