"""A commissioning scenario's scale in the History of Changes, said as the Commissioning page shows it (round 32, hst).

The young offenders' pilot typed as "£70K" of its £105,000 (DESIGN 2.1) was saved as a scale of 2/3; the History
said "Changed the scale numerator of scenario project of Supported accommodation … from 1 to 2" (the denominator, 3,
unchanged and unsaid): a scale of 1 to 2 reads as the whole project doubled. An added scenario project read "scale
numerator 1; scale denominator 3".
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.presenters.history import history_lines
from safer_desk.services import projects as svc


def test_a_scale_typed_as_an_amount_reads_as_the_scale_it_saved(demo_store):
    log = ActionLog()
    page = CommissioningPresenter(demo_store, perform=log)
    page.set_projects(svc.load_projects(demo_store))
    page.load(page.scenarios()[0].id)
    pilot = next(p for p in svc.load_projects(demo_store) if p.title == "Supported accommodation for young offenders.")
    assert page.set_scale(pilot.id, "£70K"), page.message
    assert page.save(), page.message
    line = history_lines(demo_store, limit=1)[0]
    assert line.action == "Save scenario “Retained budget 2009/10: pilot and DV coordinators”"
    changes = [d for d in line.details if "scale" in d]
    assert changes == ["Changed the scale of scenario project of Supported accommodation for young offenders, "
                       "Retained budget 2009/10: pilot and DV coordinators from 1/3 to £70,000"], line.details
    log.undo()
    undone = history_lines(demo_store, limit=1)[0]
    assert undone.action.startswith("Undo save scenario")
    assert any(d.endswith("from £70,000 to 1/3") for d in undone.details), undone.details


def test_an_added_scenario_project_says_its_scale_as_one(demo_store):
    example = history_lines(demo_store)
    added = next(d for line in example for d in line.details if d.startswith("Added scenario project of Supported"))
    assert "scale 1/3" in added and "numerator" not in added and "denominator" not in added
