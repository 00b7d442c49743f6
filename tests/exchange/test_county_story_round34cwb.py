"""Round 34 (cwb): the county lead's board paper tells one story — the county workbook, the board report and the
districts' own files give the same figures for the same year and areas.

West Suffolk was made from Forest Heath and St Edmundsbury on 1 April 2019 (East Suffolk from Waveney and Suffolk
Coastal). West Suffolk's office keeps the 2018/19 figures of the two districts it took over: the board report for
2018/19 shows them, district by district, and the county's 2018/19 figure is made from them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from safer_desk.domain.periods import FinancialYear
from tests.exchange.district_offices import export, merge, office_from, template
from tests.exchange.helpers import cli_output

# Hate crime a month, typed by each office: (office district, [(area, year, a month)]).
TYPED = {
    "West Suffolk": [("forest-heath", 2018, 10), ("st-edmundsbury", 2018, 20), ("west-suffolk", 2019, 33)],
    "East Suffolk": [("waveney", 2018, 40), ("suffolk-coastal", 2018, 50), ("east-suffolk", 2019, 91)],
    "Babergh": [("babergh", 2018, 5), ("babergh", 2019, 6)],
    "Ipswich": [("ipswich", 2018, 100), ("ipswich", 2019, 101)],
    "Mid Suffolk": [("mid-suffolk", 2018, 7), ("mid-suffolk", 2019, 8)],
}
DISTRICT_YEAR = {(area, year): 12 * month for rows in TYPED.values() for area, year, month in rows}
COUNTY_2018 = sum(v for (_, year), v in DISTRICT_YEAR.items() if year == 2018)  # 2,784


@pytest.fixture(scope="module")
def county(tmp_path_factory) -> Path:
    """The five Suffolk offices' exports merged into a county file named Suffolk county team."""
    from safer_desk.services import indicators as ind
    from safer_desk.services.reference import set_office_name
    from safer_desk.storage.store import open_store

    folder = tmp_path_factory.mktemp("story")
    base = template(folder, police=False)
    exports = []
    for district, rows in TYPED.items():
        slug = district.lower().replace(" ", "-")
        office = office_from(base, folder / f"{slug}.sqlite", f"{district} office", districts=[district])
        try:
            indicator = ind.save_indicator(office, "Hate crime")
            for area, year, month in rows:
                ind.save_values(office, indicator, f"district:{area}",
                                [ind.PeriodValue(m.iso, float(month)) for m in FinancialYear(year).months],
                                require_red_comments=False)
            exports.append(export(office, folder / f"{slug}-export.sqlite"))
        finally:
            office.close()
    path = folder / "county.sqlite"
    store = open_store(path, create=True)
    try:
        assert not merge(store, exports).refused
        set_office_name(store, "Suffolk county team")
    finally:
        store.close()
    return path


def _summary_rows(book_path: Path) -> dict[tuple[str, str], float]:
    """The workbook's Indicator summary: (area, year) -> This year, for Hate crime."""
    import openpyxl

    ws = openpyxl.load_workbook(book_path, read_only=True)["Indicator summary"]
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r and r[0] == "Area")
    return {(r[0], r[1]): r[4] for r in rows[head + 1:] if r and r[0] and r[0] != "Total" and r[2] == "Hate crime"}


def test_the_workbook_gives_a_merged_district_s_figures_of_the_years_before_the_merger(county, tmp_path):
    """The workbook left out Forest Heath's and St Edmundsbury's 2018/19 figures (and Waveney's and Suffolk
    Coastal's): its districts' 2018/19 figures added up to 1,344 of a county figure of 2,784, where the board report
    of 2018/19 gives each of them and they add up to the county's."""
    from safer_desk.services.report import build_report

    book = tmp_path / "county.xlsx"
    code, _, err = cli_output(["export", str(county), str(book)])
    assert code == 0, err
    shown = _summary_rows(book)
    assert shown[("Suffolk (derived)", "2018/19")] == COUNTY_2018
    districts_2018 = {area: v for (area, year), v in shown.items() if year == "2018/19" and "(derived)" not in area}
    assert districts_2018 == {"Babergh": 60, "Forest Heath": 120, "Ipswich": 1200, "Mid Suffolk": 84,
                              "St Edmundsbury": 240, "Suffolk Coastal": 600, "Waveney": 480}
    assert sum(districts_2018.values()) == COUNTY_2018
    # After the merger: West Suffolk's own figure, and no row for the districts it took over.
    # Its row says whose figures its last year's are (round 35): the districts it took over.
    assert shown[("West Suffolk (last year 2018/19: Forest Heath and St Edmundsbury)", "2019/20")] == 396
    assert not [k for k in shown if k[0] in ("Forest Heath", "St Edmundsbury") and k[1] != "2018/19"]

    # The board report of 2018/19 gives the same figure for each district and the county.
    from safer_desk.storage.store import open_store

    store = open_store(county, read_only=True)
    try:
        doc = build_report(store, year="2018/19")
    finally:
        store.close()
    overview = next(s for s in doc.sections if s.title == "County overview")
    per_district = next(t for t in overview.tables if t.header[0] == "Indicator" and "Forest Heath" in t.header)
    row = next(r for r in per_district.rows if r[0] == "Hate crime")
    reported = {h: int(c.split()[-1].replace(",", "")) for h, c in zip(per_district.header[1:], row[1:]) if c}
    assert reported == districts_2018


def test_the_county_overview_s_review_costs_are_as_at_the_day_the_report_s_are(tmp_path):
    """A report of 2025/26 made in December 2026 gives the reviews' figures as at 31/03/2026 (a payment of May 2026
    not counted); the county overview's recovery per partner must not count it, as at today: £684.15 paid in one
    table, £0.00 in the other, for the same review and partner, in one paper. (The county overview follows the
    report's as-at day since the as-at change, commit 66651a1; this keeps it so.)"""
    from datetime import date

    from safer_desk.services import dhr
    from safer_desk.services.report import build_report
    from safer_desk.services.reference import set_office_name
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import add_own_rows

    base = template(tmp_path, police=False)
    office = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    try:
        add_own_rows(office, "Babergh", fund=False)  # billed on 01/09/2025
        share = office.scalar("SELECT id FROM dhr_shares ORDER BY invoice_ref LIMIT 1")
        dhr.record_payment(office, share, paid_on="2026-05-01", amount="684.15")
        sent = export(office, tmp_path / "babergh-export.sqlite")
    finally:
        office.close()
    store = open_store(tmp_path / "county.sqlite", create=True)
    try:
        assert not merge(store, [sent]).refused
        set_office_name(store, "Suffolk county team")
        doc = build_report(store, year="2025/26", today=date(2026, 12, 1))
    finally:
        store.close()

    def totals(section_title: str, table_start: str) -> list[str]:
        section = next(s for s in doc.sections if s.title == section_title)
        return next(t for t in section.tables if t.title.startswith(table_start)).total_row

    reviews = totals("Domestic Homicide Reviews: cost recovery", "Cost recovery per partner")
    overview = totals("County overview", "Domestic Homicide Reviews: recovery per partner")
    assert reviews == ["Total", "£7,525.58", "£0.00", "£0.00", "£7,525.58", "£7,525.58"]
    assert overview == reviews
    note = next(t for s in doc.sections if s.title == "County overview" for t in s.tables
                if t.title.startswith("Domestic Homicide Reviews")).note
    assert "as at 31/03/2026" in note and "01/12/2026" not in note


def test_the_county_overview_counts_a_district_and_the_ones_it_took_over_once(tmp_path):
    """West Suffolk's office also typed a West Suffolk figure for 2018/19, the year before West Suffolk was formed
    (31 a month, where Forest Heath's and St Edmundsbury's make 30). The county's 2018/19 figure is made from
    Forest Heath and St Edmundsbury; the county overview's table per district listed West Suffolk beside them,
    so its row added up to 3,156 against the county's 2,784. In 2019/20 it listed the four districts gone since
    as blank columns, "no figures" for districts no office could send figures for."""
    from safer_desk.services import indicators as ind
    from safer_desk.services.report import build_report
    from safer_desk.services.reference import set_office_name
    from safer_desk.storage.store import open_store

    base = template(tmp_path, police=False)
    exports = []
    for district, rows in TYPED.items():
        slug = district.lower().replace(" ", "-")
        office = office_from(base, tmp_path / f"{slug}.sqlite", f"{district} office", districts=[district])
        try:
            indicator = ind.save_indicator(office, "Hate crime")
            for area, year, month in rows + ([("west-suffolk", 2018, 31)] if district == "West Suffolk" else []):
                ind.save_values(office, indicator, f"district:{area}",
                                [ind.PeriodValue(m.iso, float(month)) for m in FinancialYear(year).months],
                                require_red_comments=False)
            exports.append(export(office, tmp_path / f"{slug}-export.sqlite"))
        finally:
            office.close()
    store = open_store(tmp_path / "county.sqlite", create=True)
    try:
        assert not merge(store, exports).refused
        set_office_name(store, "Suffolk county team")
        docs = {y: build_report(store, year=y) for y in ("2018/19", "2019/20")}
    finally:
        store.close()

    def tables(y):
        overview = next(s for s in docs[y].sections if s.title == "County overview")
        by_district = next(t for t in overview.tables if t.title.endswith("figure and RAG per district"))
        groups = next(t for t in overview.tables if t.title.endswith("for the county and partnerships"))
        return by_district, groups

    def figures(table):
        row = next(r for r in table.rows if r[0] == "Hate crime")
        return {h: int(c.split()[-1].replace(",", "")) for h, c in zip(table.header[1:], row[1:]) if c}

    by_district, groups = tables("2018/19")
    assert figures(by_district) == {"Babergh": 60, "Forest Heath": 120, "Ipswich": 1200, "Mid Suffolk": 84,
                                    "St Edmundsbury": 240, "Suffolk Coastal": 600, "Waveney": 480}
    assert sum(figures(by_district).values()) == figures(groups)["Suffolk"] == COUNTY_2018
    assert "West Suffolk's 2018/19 figures are not in this table: it was formed on 01/04/2019" in by_district.note
    by_district, groups = tables("2019/20")
    assert by_district.header == ["Indicator", "Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk"]
    assert sum(figures(by_district).values()) == figures(groups)["Suffolk"] == 2868
    assert "No figures" not in by_district.note


def test_the_workbook_gives_each_fund_s_contributions_and_balance_as_the_report_does(tmp_path):
    """The board report gives each pooled fund's contributions, spend and balance ("contributions £2,000; nothing
    spent yet; balance £2,000"); the workbook gave only spend per district and month, and no sheet at all for funds
    with nothing spent yet: five districts' £10,000 of contributions were in the report and nowhere in the
    workbook."""
    import re
    from datetime import date

    import openpyxl

    from safer_desk.services.report import build_report
    from safer_desk.services.reference import set_office_name
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import district_exports

    exports = district_exports(tmp_path, ["Babergh", "Ipswich"])
    county_path = tmp_path / "county.sqlite"
    store = open_store(county_path, create=True)
    try:
        assert not merge(store, exports).refused
        set_office_name(store, "Suffolk county team")
        doc = build_report(store, year="2025/26", today=date.today())
    finally:
        store.close()
    said = {s.title.removesuffix(": burn-down"): s.paragraphs[0].lower() for s in doc.sections
            if s.title.endswith(": burn-down")}
    assert sorted(said) == ["Babergh target hardening", "Ipswich target hardening"]
    assert all(p.endswith("contributions £2,000; nothing spent yet; balance £2,000.") for p in said.values())

    book = tmp_path / "county.xlsx"
    code, _, err = cli_output(["export", str(county_path), str(book)])
    assert code == 0, err
    ws = openpyxl.load_workbook(book)["Funds"]
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r and r[0] == "Fund")
    assert rows[head] == ("Fund", "Starts", "Ends", "Contributions (£)", "Not yet received (£)", "Spent (£)",
                          "Victims supported", "Balance (£)", "Merged from")  # round 35: which office sent it
    body = {r[0]: r[3:] for r in rows[head + 1:] if r[0] and r[0] != "Total"}
    assert body == {f"{d} target hardening": (2000, 0, 0, 0, 2000, f"{d} office") for d in ("Babergh", "Ipswich")}
    total = next(r for r in rows[head + 1:] if r[0] == "Total")
    assert [re.sub(r"\d+", "N", str(v)) for v in total[3:8]] == [f"=SUM({c}N:{c}N)" for c in "DEFGH"]


def test_export_for_county_in_the_window_writes_the_funds_sheet(window, qtbot, tmp_path):
    """File > Export for County… to an .xlsx of the county file: the workbook the window writes has the Funds sheet,
    each merged office's fund with its contributions and balance."""
    import openpyxl
    from PySide6.QtCore import Qt

    from safer_desk.storage.store import open_store
    from safer_desk.ui.exchange.dialogs import ExportDialog
    from tests.exchange.district_offices import district_exports

    exports = district_exports(tmp_path, ["Babergh", "Ipswich"])
    county_path = tmp_path / "county.sqlite"
    store = open_store(county_path, create=True)
    try:
        assert not merge(store, exports).refused
    finally:
        store.close()
    assert window.open_path(county_path)
    dialog = ExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    book = tmp_path / "county workbook.xlsx"
    dialog.path_edit.setText(str(book))
    with qtbot.waitSignal(dialog.finished_export, timeout=60_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    ws = openpyxl.load_workbook(book, read_only=True)["Funds"]
    rows = [r for r in ws.iter_rows(values_only=True) if r and r[0] in ("Babergh target hardening",
                                                                       "Ipswich target hardening")]
    assert [(r[0], r[3], r[7], r[-1]) for r in rows] == [("Babergh target hardening", 2000, 2000, "Babergh office"),
                                                          ("Ipswich target hardening", 2000, 2000, "Ipswich office")]


def test_the_workbook_gives_each_partnership_s_share_as_the_allocation_used_it(tmp_path, demo_master):
    """Seed 000's agreed allocation rounds each share to a two-decimal percentage before multiplying (Babergh
    9.08%: £393,069 × 9.08% is the £35,691 it gets). The board report prints 9.08%; the workbook's cell held the
    exact share, 0.0907975…, shown as "9.1%": multiplied in Excel it gives £35,690, not the fee beside it."""
    import openpyxl

    book = tmp_path / "example.xlsx"
    code, _, err = cli_output(["export", str(demo_master), str(book)])
    assert code == 0, err
    ws = openpyxl.load_workbook(book)["Allocation"]
    blocks: dict[str, dict[str, object]] = {}
    title = ""
    for row in ws.iter_rows():
        first = row[0].value
        if isinstance(first, str) and first.startswith("2009/10:"):
            title = first
        elif first == "Babergh CSP":
            blocks[title] = {"share": row[3].value, "format": row[3].number_format, "variable": row[5].value}
    agreed = next(v for k, v in blocks.items() if k.endswith("agreed by the board"))
    exact = next(v for k, v in blocks.items() if "exact shares" in k)
    assert agreed == {"share": 0.0908, "format": "0.00%", "variable": 35691}  # the share the fee was worked from
    assert 393_069 * agreed["share"] == pytest.approx(35_690.67)  # rounds to the £35,691 beside it
    assert exact == {"share": pytest.approx(2442 / 26895), "format": "0.00%", "variable": 35690}  # 9.08% shown
