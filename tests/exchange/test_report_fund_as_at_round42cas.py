"""The county overview's "Pooled-fund spend per district" is as at the report's day, as each fund's burn-down is.

A board paper as at 31/03/2025 gave each fund's spend per district as at that day in the costs section, but the
county overview's table counted the spend recorded after it too, and listed a fund that had not begun by then: two
figures for one fund on one paper.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.services import funds
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

TODAY = date(2026, 12, 2)  # every spend below is before it: as at no day, all of it counts
TITLE = "Pooled-fund spend per district"


@pytest.fixture(scope="module")
def county_path(tmp_path_factory):
    """A Suffolk county file with one office's three funds (and police counts) merged in (three victims to a
    district and month, so the small-number rule keeps every row's district):
    - Suffolk target hardening (from 01/04/2024): Babergh 06/2024 and 06/2025, Ipswich 09/2024, £100 a victim;
    - Quiet fund (from 01/04/2024): begun by 31/03/2025 but nothing spent until 07/2025 (Babergh);
    - Later fund (from 01/04/2025): not begun by 31/03/2025; Ipswich 06/2025."""
    from safer_desk.services import reference as ref

    folder = tmp_path_factory.mktemp("county")
    # With January 2025's police counts, for an indicator table: the overview is there as at a day before any spend.
    office = office_from(template(folder, months=["2025-01"]), folder / "office.sqlite", "Babergh and Ipswich office",
                         districts=["Babergh", "Ipswich"])
    try:
        funds.add_default_catalogue(office)
        spend = {("Suffolk target hardening", "01/04/2024"): [("Babergh", "2024-06-03"), ("Ipswich", "2024-09-03"),
                                                              ("Babergh", "2025-06-03")],
                 ("Quiet fund", "01/04/2024"): [("Babergh", "2025-07-03")],
                 ("Later fund", "01/04/2025"): [("Ipswich", "2025-06-03")]}
        n = 0
        for (name, starts_on), lines in spend.items():
            fund = funds.add_fund(office, name=name, starts_on=starts_on, ends_on="31/03/2026", risk_levels="high")
            for district, day in lines:
                for _ in range(3):
                    n += 1
                    referral = funds.add_referral(office, fund, reference=f"R{n}", district=district, referred_on=day,
                                                  risk_level="high", at_marac="yes", idva_assigned="yes",
                                                  perpetrator_resident="no")
                    funds.add_spend_line(office, referral, spent_on=day, item="Door chain", amount="100")
        exported = export(office, folder / "office-export.sqlite")
    finally:
        office.close()
    path = folder / "county.sqlite"
    county = open_store(path, create=True, office_name="Suffolk county team")
    try:
        ref.set_office_scope(county, county="Suffolk")
        merge(county, [exported])
    finally:
        county.close()
    return path


def _report(path, **choices):
    from safer_desk.services.report import build_report

    county = open_store(path)
    try:
        return build_report(county, area="Suffolk", today=TODAY, **choices)
    finally:
        county.close()


def _overview(report):
    return next(s for s in report.sections if s.title == "County overview")


def _county_rows(report) -> set[tuple[str, str, str, str]]:
    """(fund, district, victims, spend) of the county overview's table."""
    table = next((t for t in _overview(report).tables if t.title == TITLE), None)
    return set() if table is None else {(fund, district, n, spend) for district, fund, n, spend in table.rows}


def _costs_rows(report) -> set[tuple[str, str, str, str]]:
    """(fund, district, victims, spend) of each fund's burn-down "Spend per district"."""
    out = set()
    for section in report.sections:
        if section.title.endswith(": burn-down"):
            fund = section.title.removesuffix(": burn-down")
            for table in section.tables:
                if table.title == "Spend per district":
                    out |= {(fund, district, n, spend) for district, n, spend in table.rows}
    return out


def _burn_downs(report) -> set[str]:
    return {s.title.removesuffix(": burn-down") for s in report.sections if s.title.endswith(": burn-down")}


@pytest.mark.parametrize("choices", [{"as_at": date(2025, 3, 31)}, {"year": "2024/25"}],
                         ids=["as-at-all-years", "year-end"])
def test_county_table_as_at_a_day_is_each_funds_burn_down_on_that_day(county_path, choices):
    """As at 31/03/2025 (asked for, or the end of 2024/25 the report defaults to), the county table gives what the
    funds' burn-downs give: the spend of 2024 only, and neither the fund not begun nor the one with nothing spent yet
    as a row; the table's note says the day, and that the quiet fund had spent nothing by then."""
    report = _report(county_path, **choices)
    expected = {("Suffolk target hardening", "Babergh", "3", "£300"),
                ("Suffolk target hardening", "Ipswich", "3", "£300")}
    assert _costs_rows(report) == expected
    assert _county_rows(report) == expected
    assert "Later fund" not in _burn_downs(report)
    table = next(t for t in _overview(report).tables if t.title == TITLE)
    assert table.total_row == ["Total", "", "6", "£600"]
    assert "31/03/2025" in table.note
    assert "Nothing spent by 31/03/2025 in Quiet fund." in table.note
    assert "Later fund" not in table.note
    assert "Later fund" not in " ".join(_overview(report).paragraphs)
    # With no review, the overview's figures as at the day are the funds': for the title page to name them.
    assert _overview(report).as_at == "funds"
    assert report.as_at_line.startswith("Pooled funds: figures as at 31/03/2025")


def test_county_words_as_at_a_day_before_any_spend_name_only_the_funds_begun(county_path):
    """As at 31/05/2025 in 2025/26: the target hardening fund's 2024 spend, and the two other funds begun by then
    with nothing spent by then (not "yet": by the day the figures are as at)."""
    report = _report(county_path, year="2025/26", as_at=date(2025, 5, 31))
    table = next(t for t in _overview(report).tables if t.title == TITLE)
    assert _county_rows(report) == _costs_rows(report) == {
        ("Suffolk target hardening", "Babergh", "3", "£300"), ("Suffolk target hardening", "Ipswich", "3", "£300")}
    assert "Nothing spent by 31/05/2025 in Later fund and Quiet fund." in table.note


def test_county_words_as_at_a_day_with_no_fund_begun(county_path):
    """As at 31/03/2024, before any fund began: no table, and the words say no fund had begun by then rather than
    naming funds that had not."""
    report = _report(county_path, as_at=date(2024, 3, 31))
    overview = _overview(report)
    assert not _county_rows(report) and not _costs_rows(report)
    words = " ".join(overview.paragraphs)
    assert "no pooled fund begun by 31/03/2024" in words
    assert "Quiet fund" not in words and "target hardening" not in words


def test_county_words_as_at_a_day_when_nothing_was_spent_by_then(county_path):
    """As at 31/05/2024 (the two funds of 2024 begun, neither spent by then): the words say nothing was spent by
    that day in them, not "yet"."""
    report = _report(county_path, as_at=date(2024, 5, 31))
    words = " ".join(_overview(report).paragraphs)
    assert not _county_rows(report)
    assert ("nothing spent by 31/05/2024 in Quiet fund and Suffolk target hardening, the pooled funds begun by "
            "then") in words


def test_county_table_as_at_no_day_counts_everything_recorded(county_path):
    """Not as at a day: every spend counted, every fund listed, as the burn-downs give them, and no day said."""
    report = _report(county_path)
    expected = {("Suffolk target hardening", "Babergh", "6", "£600"),
                ("Suffolk target hardening", "Ipswich", "3", "£300"),
                ("Quiet fund", "Babergh", "3", "£300"), ("Later fund", "Ipswich", "3", "£300")}
    assert _costs_rows(report) == _county_rows(report) == expected
    table = next(t for t in _overview(report).tables if t.title == TITLE)
    assert table.total_row == ["Total", "", "15", "£1,500"]
    assert table.note == ""


def test_workbook_fund_spend_sheet_is_as_at_its_day_as_the_funds_sheet(county_path, tmp_path):
    """The county workbook has no as-at day but its own (the day it is written): its Funds sheet gives each fund's
    spend as at that day, and its Fund spend sheet (per district and month) should add up to the same, not count
    spend dated after it too. Written on 31/03/2025, the target hardening fund had spent £600 (June 2025's £300
    dated after it), and the other two funds nothing."""
    import shutil

    from safer_desk.services.county import export_for_county
    from safer_desk.services.county_workbook import workbook_views

    copy = shutil.copyfile(county_path, tmp_path / "county.sqlite")  # its export number is not the other tests'
    county = open_store(copy)
    try:
        staged = export_for_county(county, tmp_path / "county-export.sqlite").path  # what the workbook's views read
    finally:
        county.close()
    store = open_store(staged, read_only=True)
    try:
        sheets = {s.name: s for s in workbook_views(store, today=date(2025, 3, 31))}
    finally:
        store.close()
    spent = {row[0]: row[5] for block in sheets["Funds"].blocks for row in block.rows}
    per_fund: dict[str, int] = {}
    for block in sheets["Fund spend"].blocks:
        for row in block.rows:
            per_fund[row[0]] = per_fund.get(row[0], 0) + row[5]
    assert spent == {"Suffolk target hardening": 60_000, "Quiet fund": 0, "Later fund": 0}
    assert per_fund == {"Suffolk target hardening": 60_000}
