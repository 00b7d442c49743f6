"""In a county file: East Suffolk's 2019/20 against 2018/19, when the area was Waveney's and Suffolk Coastal's.

The East Suffolk office typed its predecessors' 2018/19 figures and its own since; the county merges its export.
The county's Indicators tab, its board report and its Excel workbook compare East Suffolk with the predecessors'
figures summed, and say whose they are. The county overview's sentence about pooled funds with nothing spent reads
as English for a year and for all years.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

Y18, Y19 = FinancialYear(2018), FinancialYear(2019)
EAST = "district:east-suffolk"
NAMED = "2018/19: Suffolk Coastal and Waveney"


@pytest.fixture
def county(tmp_path):
    base = template(tmp_path, police=False)
    office = office_from(base, tmp_path / "east.sqlite", "East Suffolk office", districts=["East Suffolk"])
    try:
        count = svc.save_indicator(office, "Domestic abuse incidents", polarity="higher")
        for area, figure, year, months in (("district:waveney", 100.0, Y18, 12),
                                           ("district:suffolk-coastal", 50.0, Y18, 12), (EAST, 160.0, Y19, 8)):
            svc.save_values(office, count, area, [PeriodValue(m.iso, figure) for m in year.months[:months]],
                            require_red_comments=False)
        sent = export(office, tmp_path / "east-export.sqlite")
    finally:
        office.close()
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    assert not merge(store, [sent]).conflicts
    yield store, count
    store.close()


def test_the_county_file_compares_east_suffolk_with_its_predecessors(county):
    store, count = county
    v = svc.year_view(store, count, EAST, Y19)
    assert v.ytd_last is not None and v.ytd_last.value == 1200
    assert v.last_year_words() == NAMED


def test_the_county_report_and_workbook_say_east_suffolk_s_last_year(county):
    from safer_desk.services.county_workbook import indicator_summary_sheet
    from safer_desk.services.report import build_report

    store, _ = county
    doc = build_report(store, year="2019/20", area="East Suffolk", today=date(2019, 12, 10))
    section = next(s for s in doc.sections if s.title == "Indicators: East Suffolk")
    row = next(r for t in section.tables for r in t.rows if r[1] == "Domestic abuse incidents")
    assert row[4] == "1,200"
    assert any("its 2018/19 figures here (Last year, and the 2018/19 bars) are those of the districts it replaced, "
               "Suffolk Coastal and Waveney" in p for p in section.paragraphs)
    sheet = indicator_summary_sheet(store)
    col = [c.title for c in sheet.columns].index("Same periods last year")
    rows = [r for b in sheet.blocks for r in b.rows if r[0].startswith("East Suffolk") and r[1] == "2019/20"]
    assert rows and rows[0][col].value == 1200


def test_the_county_workbook_says_whose_last_year_it_is(county):
    from safer_desk.services.county_workbook import indicator_summary_sheet

    store, _ = county
    sheet = indicator_summary_sheet(store)
    areas = [r[0] for b in sheet.blocks for r in b.rows if r[0].startswith("East Suffolk") and r[1] == "2019/20"]
    assert areas == [f"East Suffolk (last year {NAMED})"]


# -- the county overview's words on pooled funds with nothing spent ------------------------------------------
def _overview_words(tmp_path, **kwargs) -> str:
    from safer_desk.services.report import build_report
    from tests.exchange.district_offices import district_exports

    exports = district_exports(tmp_path, ["Babergh", "Ipswich"])
    store = open_store(tmp_path / "suffolk.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert not merge(store, exports).conflicts
        doc = build_report(store, today=date(2025, 12, 1), **kwargs)
        return " ".join(next(s for s in doc.sections if s.title == "County overview").paragraphs)
    finally:
        store.close()


def test_the_overview_says_the_funds_with_nothing_spent_for_all_years_in_plain_words(tmp_path):
    said = _overview_words(tmp_path)
    assert "running in any year" not in said
    assert ("nothing spent yet in Babergh target hardening and Ipswich target hardening, the pooled funds the "
            "merged files hold.") in said


def test_the_overview_says_the_funds_with_nothing_spent_in_the_year(tmp_path):
    said = _overview_words(tmp_path, year="2025/26")
    assert ("nothing spent yet in Babergh target hardening and Ipswich target hardening, the pooled funds running "
            "in 2025/26.") in said


def test_the_overview_says_one_fund_with_nothing_spent_and_no_fund_for_all_years(tmp_path):
    from safer_desk.services.report import build_report
    from tests.exchange.district_offices import district_exports

    store = open_store(tmp_path / "suffolk.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert not merge(store, district_exports(tmp_path, ["Babergh"])).conflicts
        said = " ".join(next(s for s in build_report(store, today=date(2025, 12, 1)).sections
                             if s.title == "County overview").paragraphs)
        assert "nothing spent yet in Babergh target hardening, the only pooled fund the merged files hold." in said
    finally:
        store.close()
