"""Print to PDF left out what the Commissioning page and the board report say under a scenario's table about how it
was counted: that a ticked project needs more capital than the award's capital share (seed 000: 69% revenue / 31%
capital of £65,512), which end of a cost range is counted, that each project counts the funder's share, not its
whole cost. The PDF printed for the board read as if all were well (noticed by session 67's Commissioning hunt)."""

from __future__ import annotations

import html

from safer_desk.domain.commissioning import Award
from safer_desk.services import projects_commissioning as service
from safer_desk.services.projects import project_from_fields

SSPB = Award("sspb", "Safer Suffolk Partnership Board", "SSPB 10% retained budget 2009/10", {"2009/10": 6551200},
             revenue_bp=6900, capital_bp=3100)


def test_the_printed_scenario_says_what_the_page_says_under_its_table():
    target_hardening = project_from_fields({
        "title": "Target hardening", "cost": "£30,000", "capital": "£30,000", "revenue": "£0",
        "funding_sources": "Safer Suffolk Partnership Board (2009/10): £30,000"})
    sexual_exploitation = project_from_fields({"title": "Off-street premises", "cost": "£54,372 - £62,372"})
    items = [service.ScenarioItem(p.id, service.Scale()) for p in (target_hardening, sexual_exploitation)]
    result = service.evaluate([target_hardening, sexual_exploitation], 0, items, award=SSPB, award_year="2009/10",
                              awards=[SSPB])
    capital = [n for n in result.notes if "of capital" in n]
    assert capital == ["The ticked projects need £30,000 of capital: £9,691.28 more than the award's capital share."]
    printed = service.scenario_html(result)
    for said in (*result.notes, *result.problems):
        assert html.escape(said) in printed
