"""An amount typed on Commissioning, more than a project's cost after the cost was lowered, is said without "()".

Seen: a project costed £100 when £150 was typed against it (its cost since lowered) was said as "A: £150 is
committed as typed, more than the £100 it now counts ()." — a single cost has no words of which figure is
counted, and the empty brackets were printed all the same. It now says "… it now counts (its cost)."
"""

from __future__ import annotations

from safer_desk.domain.scales import Scale
from safer_desk.services.projects import project_from_fields
from safer_desk.services.projects_commissioning import ScenarioItem, evaluate


def test_an_amount_typed_over_a_single_cost_names_the_cost_not_empty_brackets():
    project = project_from_fields({"title": "Street pastors", "cost": "£100", "status": "proposed"})
    result = evaluate([project], 20_00, [ScenarioItem(project.id, Scale(amount_pence=150_00))])
    assert result.problems == (
        "Street pastors: £150 is committed as typed, more than the £100 it now counts (its cost).",)
    assert result.summary() == "Fund £20; committed £150; OVER-COMMITTED by £130"


def test_against_a_range_it_still_says_which_end():
    project = project_from_fields({"title": "Street pastors", "cost": "£80 - £100", "status": "proposed"})
    result = evaluate([project], 20_00, [ScenarioItem(project.id, Scale(amount_pence=150_00))])
    assert "more than the £100 it now counts (the upper end of £80 - £100)." in result.problems[0]
