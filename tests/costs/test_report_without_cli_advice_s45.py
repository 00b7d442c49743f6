"""The board paper told the board "(on the command line, --keyed-to gives it for one run)" in a pooled fund's
burn-down (session 45): advice for the officer who types commands, in a paper the board reads. The paper leaves it
out; the window's fund page and `safer-desk fund` still give it."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.funds import KEYED_TO_ON_THE_COMMAND_LINE
from safer_desk.services import funds
from safer_desk.services.report_sections.costs import board_report_sections

PILOT = "Suffolk Target Hardening Pilot"
LATER = date(2026, 12, 1)  # long after the pilot's period: months over with no spend keyed


def test_the_board_paper_has_no_command_line_advice(demo_store):
    burn = next(s for s in board_report_sections(demo_store, today=LATER) if s.title == f"{PILOT}: burn-down")
    text = " ".join(burn.paragraphs)
    assert "No spend is recorded after Jun-18" in text
    assert "record the date spend is keyed to in Fund settings…, and those months count as £0" in text
    assert "--keyed-to" not in text and "command line" not in text


def test_the_officer_still_has_it(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    sentence = funds.forecast_sentence(funds.fund_figures(demo_store, fund.id, today=LATER))
    assert f"Fund settings…{KEYED_TO_ON_THE_COMMAND_LINE}, and those months count" in sentence
