"""A district's board report and the Suffolk Target Hardening Pilot (seed 002): Ipswich's 2018/19 report printed
"Spend per district: Ipswich 4 £580; Other districts 11 £1,837", and under it "a district of fewer than 3 victims is
not named, its victims and spend are under “Not given by district (small numbers)”", a row the table did not have:
the 8 victims (£1,322) of the districts of one or two had been summed into "Other districts" with Waveney's 3. The
paragraph above says £1,322 is "held only under “Not given by district (small numbers)”" too. That row is now kept
as it is, beside "Other districts" (the districts named elsewhere in the fund), so the words point at a row there
is."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.exchange.report_html import render_html
from safer_desk.services.funds import OTHER_DISTRICTS
from safer_desk.services.report import build_report

TODAY = date(2026, 12, 7)
FUND = "Suffolk Target Hardening Pilot"


def _by_district(store, area):
    doc = build_report(store, year="2018/19", today=TODAY, area=area)
    section = next(s for s in doc.sections if s.title == f"{FUND}: burn-down")
    return section, next(t for t in section.tables if t.title == "Spend per district")


@pytest.mark.parametrize("area, rows", [
    ("Ipswich", [["Ipswich", "4", "£580"], ["Other districts", "3", "£515"], [OTHER_DISTRICTS, "8", "£1,322"]]),
    ("Mid Suffolk", [["Other districts", "7", "£1,095"], [OTHER_DISTRICTS, "8", "£1,322"]]),
    ("Western Suffolk CSP", [["Other districts", "7", "£1,095"], [OTHER_DISTRICTS, "8", "£1,322"]]),
])
def test_the_row_the_suppression_note_names_is_in_a_districts_table(demo_store, area, rows):
    section, table = _by_district(demo_store, area)
    assert table.rows == rows
    assert table.total_row == ["Total (whole fund)", "15", "£2,417"]  # still adds up to the fund, to the penny
    assert f"under “{OTHER_DISTRICTS}”" in table.note
    assert f"£1,322 of the fund's spend is held only under “{OTHER_DISTRICTS}”" in section.paragraphs[0]


def test_the_web_page_of_ipswichs_report_has_the_row_its_words_name(demo_store):
    html = render_html(build_report(demo_store, year="2018/19", today=TODAY, area="Ipswich"))
    assert f"<td>{OTHER_DISTRICTS}</td><td class=\"r\">8</td>" in html
