"""Export… of a scenario wrote its table and summary but none of what the page and the board report say under it: a
share not known yet ("Awaiting confirmation": it adds nothing), capital beyond the award's capital share, which end
of a cost range is counted. The workbook sent round read as if all were counted and well (noticed by session 67's
Commissioning hunt); it now has a Notes sheet with them, in the page's words."""

from __future__ import annotations

import openpyxl

from safer_desk.domain.commissioning import Award
from safer_desk.exchange.tables import write_table
from safer_desk.services import projects_commissioning as service
from safer_desk.services.projects import project_from_fields

SSPB = Award("sspb", "Safer Suffolk Partnership Board", "SSPB 10% retained budget 2009/10", {"2009/10": 6551200},
             revenue_bp=6900, capital_bp=3100)


def result():
    hardening = project_from_fields({
        "title": "Target hardening", "cost": "£30,000", "capital": "£30,000", "revenue": "£0",
        "funding_sources": "Safer Suffolk Partnership Board (2009/10): £30,000"})
    awaiting = project_from_fields({"title": "Schools work", "cost": "Not stated",
                                    "funding_sources": "Safer Suffolk Partnership Board (2009/10): Awaiting "
                                                       "confirmation"})
    items = [service.ScenarioItem(p.id, service.Scale()) for p in (hardening, awaiting)]
    return service.evaluate([hardening, awaiting], 0, items, name="Retained", award=SSPB, award_year="2009/10",
                            awards=[SSPB])


def test_the_exported_workbook_says_what_the_page_says_under_the_table(tmp_path):
    r = result()
    said = [*r.problems, *r.notes]
    assert any("Awaiting confirmation" in s for s in said) and any("of capital" in s for s in said)
    write_table(tmp_path / "s.xlsx", service.scenario_sheets(r))
    book = openpyxl.load_workbook(tmp_path / "s.xlsx")
    notes = book["Notes"]
    assert [row[0] for row in notes.iter_rows(values_only=True) if row[0]][-len(said):] == said
    assert book["Summary"].cell(3, 2).value == 30000  # the table and summary as they were


def test_a_scenario_with_nothing_to_say_has_no_notes_sheet(tmp_path):
    plain = project_from_fields({"title": "Post", "cost": "£30,000"})
    r = service.evaluate([plain], 6551200, [service.ScenarioItem(plain.id, service.Scale())])
    assert not r.problems and not r.notes
    assert [s.name for s in service.scenario_sheets(r)] == ["Scenario", "Summary"]
