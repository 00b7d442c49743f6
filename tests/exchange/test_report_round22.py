"""What the county lead prints (round 22): the board report of a county file and the county workbook.

- A district's report from the county file leaves out another district's pooled fund, even when the county holds
  only the export's summary rows and the small-number rule filed all of them under "Other districts".
- The workbook's counts show no stray decimal point ("32,948." in Excel for the format "#,##0.##").
- The example file's "Illustrative" note is printed for the example's fund only, never for another office's.
- A fund with money in but no spend draws its level over its period, not an empty chart scaled £0 to £1; a review
  not yet billed says so rather than a per-partner table of "Total £0".
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from safer_desk.services.report import report_areas
from safer_desk.services.report_sections.costs import board_report_sections
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template

TODAY = date(2026, 5, 1)


def burn_downs(store, area: str | None = None) -> dict:
    """The costs sections' fund burn-downs of a report for one area (None: all areas), by fund name."""
    areas = report_areas(store, area)
    return {s.title.removesuffix(": burn-down"): s for s in board_report_sections(store, areas=areas, today=TODAY)
            if s.title.endswith(": burn-down")}


def ipswich_fund_spent_in_ipswich(store, *, spend: bool = True) -> None:
    """The Ipswich office's sanctuary fund: two Ipswich victims a month for four months (the finding's repro), so
    each month and district describes fewer than three victims and its export files them all under "Other
    districts"."""
    from safer_desk.services import funds

    funds.add_default_catalogue(store)
    f = funds.add_fund(store, name="Ipswich Sanctuary Fund", starts_on="01/04/2025", ends_on="31/03/2026",
                       risk_levels="high")
    funds.add_contribution(store, f, organisation="Suffolk County Council", amount="£3,000", received_on="01/04/2025")
    if not spend:
        return
    item = funds.list_items(store)[0]["name"]
    for m in (4, 5, 6, 7):
        for k in range(2):
            r = funds.add_referral(store, f, reference=f"IPS-{m}-{k}", district="Ipswich",
                                   referred_on=f"02/{m:02d}/2025", risk_level="high", at_marac="yes",
                                   idva_assigned="yes", perpetrator_resident="no")
            funds.add_spend_line(store, r, spent_on=f"03/{m:02d}/2025", item=item, amount="100")


@pytest.fixture
def county_of_two(tmp_path):
    """Mid Suffolk's and Ipswich's exports (summaries only) merged into a county file; each office also has an
    unspent fund of its own ("… target hardening")."""
    base = template(tmp_path, police=False)
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    ips = office_from(base, tmp_path / "ips.sqlite", "Ipswich office", districts=["Ipswich"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        add_own_rows(mid, "Mid Suffolk", review=False)
        add_own_rows(ips, "Ipswich", review=False)
        ipswich_fund_spent_in_ipswich(ips)
        report = merge(county, [export(mid, tmp_path / "mid-export.sqlite"),
                                export(ips, tmp_path / "ips-export.sqlite")])
        assert report.refused == []
        yield county, ips
    finally:
        for store in (county, mid, ips):
            store.close()


# -- 1. another district's pooled fund -----------------------------------------------------------------------
def test_the_county_holds_the_ipswich_funds_spend_under_other_districts_only(county_of_two):
    county, _ = county_of_two
    fund_id = county.scalar("SELECT id FROM funds WHERE name = 'Ipswich Sanctuary Fund'")
    assert [r[0] for r in county.rows("SELECT district_id FROM fund_spend_summary WHERE fund_id = ?",
                                      (fund_id,))] == [None]


def test_a_districts_report_from_the_county_leaves_out_another_districts_fund(county_of_two):
    county, ips = county_of_two
    # The Ipswich office's own file leaves its fund out of Mid Suffolk's report: so must the county's.
    assert "Ipswich Sanctuary Fund" not in burn_downs(ips, "Mid Suffolk")
    mid = burn_downs(county, "Mid Suffolk")
    assert "Ipswich Sanctuary Fund" not in mid
    assert "Ipswich target hardening" not in mid  # unspent: Ipswich's, by the office it came from
    assert "Mid Suffolk target hardening" in mid
    ipswich = burn_downs(county, "Ipswich")
    assert {"Ipswich Sanctuary Fund", "Ipswich target hardening"} <= set(ipswich)
    assert "Mid Suffolk target hardening" not in ipswich
    everything = burn_downs(county)
    assert {"Ipswich Sanctuary Fund", "Ipswich target hardening", "Mid Suffolk target hardening"} <= set(everything)
    assert everything["Ipswich Sanctuary Fund"].paragraphs[0].startswith("Contributions £3,000; spent £800")
    # The county's own areas: Suffolk's report has every fund, as the county-wide report does.
    assert {"Ipswich Sanctuary Fund", "Mid Suffolk target hardening"} <= set(burn_downs(county, "Suffolk"))


def test_a_fund_the_county_typed_itself_is_the_county_offices_own(county_of_two):
    from safer_desk.services import funds

    county, _ = county_of_two
    funds.add_fund(county, name="County pilot", starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    assert "County pilot" in burn_downs(county)
    assert "County pilot" in burn_downs(county, "Mid Suffolk")  # the office's own business with no area


# -- 3. the workbook's number formats -------------------------------------------------------------------------
NUMBER_SHEETS = {"Indicator summary": ("This year", "Same periods last year", "Change", "Target to date"),
                 "Indicators by month": ("Figure", "Cumulative this year", "Cumulative target"),
                 "Allocation": ("Basis (crime or factor share)",)}


def excel_shows(value: float, number_format: str) -> str:
    """What Excel shows for the simple number formats "#,##0", "#,##0.0…" and "#,##0.##", with any unit after the
    figure ('#,##0.0"%"' shows 16.9 as "16.9%"): a format's decimal point is always printed, even with no digit after
    it (Excel, and SheetJS's ssf, show 32948 in "#,##0.##" as "32,948.")."""
    from decimal import ROUND_HALF_UP, Decimal

    match = re.fullmatch(r'#,##0(?:\.(0*)(#*))?(?:"([^"]*)")?', number_format)
    assert match, f"not a simple number format: {number_format!r}"
    unit = match.group(3) or ""
    if match.group(1) is None:
        return f"{Decimal(str(value)).quantize(Decimal(1), ROUND_HALF_UP):,f}{unit}"
    zeros, hashes = match.group(1), match.group(2)
    places = len(zeros) + len(hashes)
    text = f"{Decimal(str(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):,f}"
    whole, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0").ljust(len(zeros), "0")
    return f"{whole}.{fraction}{unit}"


def test_excel_shows_a_trailing_point_for_a_whole_number_in_the_old_format():
    assert excel_shows(32948, "#,##0.##") == "32,948."
    assert excel_shows(32948, "#,##0") == "32,948"
    assert excel_shows(88.75, "#,##0.00") == "88.75" and excel_shows(14.4, "#,##0.0") == "14.4"


@pytest.fixture(scope="module")
def example(tmp_path_factory, demo_master):
    """The example file's workbook (openpyxl) and its indicators by label (for their units)."""
    import shutil

    import openpyxl

    from safer_desk.services import indicators as svc
    from safer_desk.services.county import export_for_county

    folder = tmp_path_factory.mktemp("round22-workbook")
    shutil.copyfile(demo_master, folder / "example.sqlite")
    store = open_store(folder / "example.sqlite")
    try:
        export_for_county(store, folder / "example.xlsx")
        indicators = {i.label: i for i in svc.list_indicators(store)}
    finally:
        store.close()
    return openpyxl.load_workbook(folder / "example.xlsx"), indicators


def number_cells(book):
    """(sheet, column, cell) of every figure in the columns that hold counts and measures."""
    for sheet, titles in NUMBER_SHEETS.items():
        ws = book[sheet]
        columns: dict[int, str] = {}
        for row in ws.iter_rows():
            if any(c.value in titles for c in row):
                columns = {c.column: c.value for c in row if c.value in titles}
                continue
            for cell in row:
                if cell.column in columns and isinstance(cell.value, (int, float)) and not isinstance(cell.value,
                                                                                                       bool):
                    yield sheet, columns[cell.column], cell


def test_the_workbooks_counts_show_no_stray_decimal_point(example):
    book, _ = example
    cells = list(number_cells(book))
    assert {sheet for sheet, _, _ in cells} == set(NUMBER_SHEETS)
    whole = [(s, t, c) for s, t, c in cells if float(c.value).is_integer()]
    assert len(whole) > 100
    for sheet, title, cell in cells:
        shown = excel_shows(cell.value, cell.number_format)
        assert not re.search(r"\.(?!\d)", shown), (sheet, title, cell.coordinate, cell.value, cell.number_format,
                                                   shown)
    for sheet, title, cell in whole:  # with its unit, if any ("17%")
        # a whole percentage or rate beside figures with places reads with theirs ("28.0%" beside "14.4%", s76)
        assert re.fullmatch(r'#,##0(?:"[^"]*")?|#,##0\.0+"[^"]*"', cell.number_format), (
            sheet, title, cell.coordinate, cell.value, cell.number_format)
    # 32,948-sized counts read as the report prints them.
    big = next(c for s, t, c in whole if abs(c.value) >= 1000)
    assert excel_shows(big.value, big.number_format) == f"{int(big.value):,}"


def test_a_figure_with_decimals_keeps_the_places_the_report_shows_it_with(example):
    """Percentages and rates keep their decimals: a typed 88.75% shows 88.75, a computed ratio one place."""
    book, indicators = example
    ws = book["Indicators by month"]
    header = [c.value for c in next(r for r in ws.iter_rows() if r[0].value == "Area")]
    checked = 0
    for row in ws.iter_rows():
        label = row[header.index("Indicator")].value
        if label not in indicators:
            continue
        for title in ("Figure", "Cumulative this year"):
            cell = row[header.index(title)]
            if not isinstance(cell.value, float) or cell.value.is_integer():
                continue
            shown = indicators[label].format(cell.value)  # with its unit, as the tab shows it ("16.9%")
            assert excel_shows(cell.value, cell.number_format) == shown, (cell.coordinate, cell.value,
                                                                          cell.number_format, shown)
            checked += 1
    assert checked > 0


# -- 5. the example's "Illustrative" note --------------------------------------------------------------------
def notes_of(section) -> str:
    return " ".join(t.note for t in section.tables)


def test_the_examples_illustrative_note_is_for_the_examples_fund_only(tmp_path, demo_path):
    from safer_desk.services import funds

    base = template(tmp_path, police=False)
    ips = office_from(base, tmp_path / "ips.sqlite", "Ipswich office", districts=["Ipswich"])
    example = open_store(demo_path)
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        ipswich_fund_spent_in_ipswich(ips)
        # The example office's own real fund beside the example's: three victims in one month, typed for real.
        f = funds.add_fund(example, name="Babergh real fund", starts_on="01/04/2018", ends_on="31/03/2019",
                           risk_levels="high")
        funds.add_contribution(example, f, organisation="Suffolk County Council", amount="£1,000",
                               received_on="01/04/2018")
        item = funds.list_items(example)[0]["name"]
        for k in range(3):
            r = funds.add_referral(example, f, reference=f"BAB-REAL-{k}", district="Babergh",
                                   referred_on="02/05/2018", risk_level="high", at_marac="yes", idva_assigned="yes",
                                   perpetrator_resident="no")
            funds.add_spend_line(example, r, spent_on="03/05/2018", item=item, amount="50")
        report = merge(county, [export(ips, tmp_path / "ips-export.sqlite"),
                                export(example, tmp_path / "example-export.sqlite")])
        assert report.refused == []
        assert county.scalar("SELECT count(*) FROM fund_spend_lines") == 0  # summaries only
        sections = burn_downs(county)
        assert notes_of(sections["Suffolk Target Hardening Pilot"]).startswith("Illustrative: Example spend lines")
        assert "Illustrative" not in notes_of(sections["Ipswich Sanctuary Fund"])
        assert "illustrative" not in notes_of(sections["Babergh real fund"]).lower()
        # The example's own file says the same of each fund.
        own = burn_downs(example)
        assert notes_of(own["Suffolk Target Hardening Pilot"]).startswith("Illustrative: Example spend lines")
        assert "illustrative" not in notes_of(own["Babergh real fund"]).lower()
    finally:
        for store in (county, example, ips):
            store.close()


def test_the_export_of_the_example_keeps_its_illustrative_note(tmp_path, demo_path):
    """An export opened read-only holds no provenance: every row is its one office's, the marks included."""
    example = open_store(demo_path)
    try:
        path = export(example, tmp_path / "example-export.sqlite")
    finally:
        example.close()
    store = open_store(path, read_only=True)
    try:
        assert store.scalar("SELECT count(*) FROM fund_spend_lines") == 0
        note = notes_of(burn_downs(store)["Suffolk Target Hardening Pilot"])
        assert note.startswith("Illustrative: Example spend lines")
    finally:
        store.close()


# -- 6. a fund with no spend yet; a review not yet billed ----------------------------------------------------
@pytest.fixture
def partial(store):
    """A partly filled file (the tester's partial.py): a fund with £2,500 in and nothing spent, and a review with a
    £5,000 cost line not yet billed to anyone."""
    from safer_desk.services import dhr, funds
    from safer_desk.services import reference as ref

    ref.set_office_scope(store, districts=["Babergh"], county="Suffolk")
    ref.add_organisation(store, "Babergh District Council")
    ref.add_organisation(store, "Suffolk Constabulary")
    ref.add_partnership(store, "Babergh CSP", districts=["Babergh"],
                        members=[("Babergh District Council", True), ("Suffolk Constabulary", True)])
    f = funds.add_fund(store, name="Babergh Sanctuary", starts_on="01/04/2025", ends_on="31/03/2027",
                       risk_levels="high")
    funds.add_contribution(store, f, organisation="Babergh District Council", amount="£2,500",
                           received_on="01/04/2025")
    c = dhr.add_case(store, reference="BCSP-DHR-2025-01", kind="review", district="Babergh", partnership="Babergh CSP",
                     notified_on="01/06/2025")
    dhr.add_cost_line(store, c, category="Independent chair/author", amount="5000")
    return store


def test_a_fund_with_no_spend_draws_its_level_over_its_period(partial):
    section = burn_downs(partial)["Babergh Sanctuary"]
    assert "nothing spent yet" in section.paragraphs[0] and "No spend yet" in section.paragraphs[1]
    chart = section.charts[0]
    # The fund's period, April 2025 to March 2027, month by month, with the £2,500 it holds.
    assert chart.categories[0] == "Apr-25" and chart.categories[-1] == "Mar-27" and len(chart.categories) == 24
    level = next(s for s in chart.series if s.name == "Fund")
    assert level.values == [2500.0] * 24
    # Spend to date is £0 over the months gone by (TODAY is May 2026: April 2025 to April 2026), so the £ axis
    # runs from £0 to the fund's level.
    spend = next(s for s in chart.series if s.name == "Spend to date")
    assert spend.values == [0.0] * 13 + [None] * 11
    # No series the chart cannot draw (a legend entry for a line that is not there).
    assert all(any(v is not None for v in s.values) for s in chart.series), chart.series
    assert "No spend yet" in chart.note
    # No empty tables: a spend table of nothing but a £0 total says less than the paragraph does.
    assert all(t.rows for t in section.tables), [t.title for t in section.tables]


def test_a_fund_with_no_spend_renders_with_an_axis_to_its_level(partial, tmp_path):
    from safer_desk.exchange.report_html import chart_svg

    chart = burn_downs(partial)["Babergh Sanctuary"].charts[0]
    ticks = [float(t.replace(",", "")) for t in re.findall(r'text-anchor="end" fill="#333333">([^<]*)<',
                                                            chart_svg(chart))]
    assert ticks[0] == 0 and ticks[-1] >= 2500, ticks  # never £0 to £1, nor an axis that starts at the fund's level


def test_a_review_not_yet_billed_says_so_rather_than_a_total_of_nothing(partial):
    recovery = next(s for s in board_report_sections(partial, today=TODAY) if s.title.endswith("cost recovery"))
    per_case = recovery.tables[0]
    assert per_case.rows[0][0] == "BCSP-DHR-2025-01" and per_case.rows[0][-1] == "£5,000"
    assert [t.title for t in recovery.tables] == ["Cost recovery per case"]  # no per-partner table of £0
    assert any("Nothing has been billed to the partners yet" in p and "£5,000" in p for p in recovery.paragraphs)
