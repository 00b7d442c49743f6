"""The board report against what the tabs show (round 25)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com
from safer_desk.services.projects import FundingSource
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store

COUNTY_LINES = "County Lines and Urban Street Gangs 2018-2020"  # £500,000 over 2018/19 to 2019/20, not split by year
LEADERS = "Suffolk Public Sector Leaders"


def tables_of(document, words: str) -> list:
    return [t for s in document.sections for t in s.tables if words in t.title]


@pytest.fixture
def county_lines(demo_path):
    """Project 4 funded by the Leaders for 2018/19, 2019/20 and 2020/21 (after the award's years), dated over the
    award's two years; project 6 funded for 2020/21 only."""
    store = open_store(demo_path)
    p4 = next(p for p in svc.load_projects(store) if p.ref == "4")
    svc.save_project(store, replace(p4, start_date="2018-04-01", end_date="2020-03-31", funding_sources=(
        FundingSource(LEADERS, 2_000_000, "", "2018/19"), FundingSource(LEADERS, 1_000_000, "", "2019/20"),
        FundingSource(LEADERS, 700_000, "", "2020/21"))))
    p6 = next(p for p in svc.load_projects(store) if p.ref == "6")
    svc.save_project(store, replace(p6, funding_sources=(FundingSource(LEADERS, 500_000, "", "2020/21"),)))
    yield store
    store.close()


@pytest.mark.parametrize("year", [None, "2018/19", "2019/20"])
def test_an_award_given_as_one_total_over_years_is_reported_as_commissioning_counts_it(county_lines, year):
    """The report's Funders' shares built a "County Lines …: 2018/19" table with no amount and no "left" figure,
    counting the 2018/19 share only (£20,000), where Commissioning counts £30,000 of £500,000 for 2018/19 to
    2019/20, £470,000 remaining; a report for 2019/20 left the award out altogether."""
    store = county_lines
    tables = tables_of(build_report(store, year=year), COUNTY_LINES)
    assert [t.title for t in tables] == [f"{COUNTY_LINES}: 2018/19 to 2019/20 (£500,000)"]
    table = tables[0]
    assert [row[:3] for row in table.rows] == [["4", "Local Domestic Violence Coordinators", "£30,000"]]
    assert table.total_row[1:3] == ["Committed (left: £470,000)", "£30,000"]
    assert table.note.startswith("Suffolk Public Sector Leaders' shares come to £30,000 of the £500,000 awarded for "
                                 "2018/19 to 2019/20: £470,000 left.")
    award = next(a for a in funders.list_awards(store) if a.name == COUNTY_LINES)
    p4 = next(p for p in svc.load_projects(store) if p.ref == "4")
    page = com.evaluate([p4], 0, [com.ScenarioItem(p4.id, com.Scale())], award=award)
    assert (page.fund_pence, page.committed_pence, page.remaining_pence) == (50_000_000, 3_000_000, 47_000_000)


def test_a_report_for_a_year_outside_the_awards_years_leaves_it_out(county_lines):
    store = county_lines
    p4 = next(p for p in svc.load_projects(store) if p.ref == "4")
    svc.save_project(store, replace(p4, start_date="2018-04-01", end_date="2021-03-31"))
    assert tables_of(build_report(store, year="2020/21"), COUNTY_LINES) == []
    assert [t.title for t in tables_of(build_report(store, year="2020/21"), "CSP funding")] == [
        "CSP funding 2018-2021: 2020/21 (£30,000)"]


def test_a_years_report_counts_the_totals_shares_of_every_year_it_covers(county_lines):
    """Project 4, dated 2018/19 only but funded from the County Lines award in both its years, was left out of the
    award's table in the 2019/20 report (which has project 5, dated 2019/20): the table is for the award's
    2018/19 to 2019/20, and counts every share of those years, as the page does."""
    store = county_lines
    p4 = next(p for p in svc.load_projects(store) if p.ref == "4")
    svc.save_project(store, replace(p4, start_date="2018-04-01", end_date="2019-03-31"))
    p5 = next(p for p in svc.load_projects(store) if p.ref == "5")
    svc.save_project(store, replace(p5, start_date="2019-04-01", end_date="2020-03-31", cost_lines=(),
                                    funding_sources=(FundingSource(LEADERS, 100_000, "", "2019/20"),)))
    table, = tables_of(build_report(store, year="2019/20"), COUNTY_LINES)
    assert [row[:3] for row in table.rows] == [["4", "Local Domestic Violence Coordinators", "£30,000"],
                                               ["5", "Suffolk ELEV8", "£1,000"]]
    assert table.total_row[1:3] == ["Committed (left: £469,000)", "£31,000"]


def test_a_scenario_against_an_award_is_headed_with_the_awards_money_as_its_summary_counts_it(demo_path):
    """A scenario saved against the PCC's award for 2017/18 (£400,568), the award then corrected in Funders'
    Awards… to £380,000: Commissioning's summary and the report's note count £380,000, but the report's table was
    headed with the fund saved with the scenario, "(PCC grant …: £400,568)"."""
    store = open_store(demo_path)
    try:
        award = next(a for a in funders.list_awards(store) if a.name == "PCC grant to Safer Plymouth 2017-19")
        p1 = next(p for p in svc.load_projects(store) if p.ref == "P1")
        com.save_scenario(store, com.new_scenario("PCC options", 40_056_800, [com.ScenarioItem(p1.id, com.Scale())],
                                                  fund_label=award.name, award_id=award.id, award_year="2017/18"))
        funders.save_award(store, replace(award, years={"2017/18": 38_000_000, "2018/19": 40_056_800}))
        table, = tables_of(build_report(store, year="2017/18", area="Plymouth"), "PCC options")
        assert table.title == "PCC options (PCC grant to Safer Plymouth 2017-19: £380,000)"
        assert table.note.startswith("PCC grant to Safer Plymouth 2017-19 £380,000 for 2017/18; committed £110,000 "
                                     "of OPCC's money; remaining £270,000.")
    finally:
        store.close()


def broken_words(document) -> list[tuple[str, int]]:
    """The texts of a laid-out QTextDocument that a line break splits inside a word, with where."""
    out = []
    block = document.begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        for i in range(layout.lineCount() - 1):
            end = layout.lineAt(i).textStart() + layout.lineAt(i).textLength()
            if 0 < end < len(text) and not text[end - 1].isspace() and not text[end].isspace() \
                    and text[end - 1] not in "-/–":
                out.append((text, end))
        block = block.next()
    return out


def test_no_word_of_a_scenario_against_an_award_is_broken_in_the_pdf(qapp, county_lines):
    """A scenario against the County Lines award (13 columns, the Leaders' share among them) printed its
    "Scale" heading as "Scal" over "e": the column was given exactly its longest word's width by the font's
    metrics, but Qt sets bold text a pixel wider and rounds a column down to whole pixels."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF

    from safer_desk.ui.exchange.report_pdf import DPI, FOOTER_H, HEADER_H, _writer, layout_section

    store = county_lines
    award = next(a for a in funders.list_awards(store) if a.name == COUNTY_LINES)
    p4 = next(p for p in svc.load_projects(store) if p.ref == "4")
    com.save_scenario(store, com.new_scenario("CL", 50_000_000, [com.ScenarioItem(p4.id, com.Scale())],
                                              fund_label=award.name, award_id=award.id))
    document = build_report(store)
    section = next(s for s in document.sections if s.title == "Commissioning scenarios")
    assert [t.header[-3:] for t in section.tables if t.title.startswith("CL ")] == [["Committed", "2018/19", "2019/20"]]
    buffer = QBuffer()
    assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, document)
    page = QRectF(writer.pageLayout().paintRectPixels(DPI))
    layout = layout_section(section, 2, page.width(), page.height() - HEADER_H - FOOTER_H, writer)
    assert broken_words(layout.document) == []


def test_a_years_award_table_is_in_that_years_report_when_no_project_is_dated_in_it(demo_path):
    """Project 4, dated 2018/19, has £5,000 of CSP funding's 2019/20: Commissioning against 2019/20 counts it, but the
    report for 2019/20 (no project dated in it) had no Commissioning options and no award table at all."""
    store = open_store(demo_path)
    try:
        p4 = next(p for p in svc.load_projects(store) if p.ref == "4")
        svc.save_project(store, replace(p4, start_date="2018-04-01", end_date="2019-03-31", funding_sources=(
            FundingSource(f"{LEADERS} — CSP funding", 500_000, "", "2019/20"),)))
        document = build_report(store, year="2019/20")
        table, = tables_of(document, "CSP funding 2018-2021: 2019/20")
        assert [row[:3] for row in table.rows] == [["4", "Local Domestic Violence Coordinators", "£5,000"]]
        section = next(s for s in document.sections if s.title == "Commissioning options")
        assert section.paragraphs[0] == "No open project in these areas belongs to 2019/20."
    finally:
        store.close()


def test_a_saved_allocation_that_can_no_longer_be_worked_out_is_said_in_the_report(demo_path):
    """A scenario saved by an older version listing one partnership under two spellings ("Ipswich CSP" and
    "Ipswich  CSP", which are now the same name as typed): `safer-desk report` stopped with a traceback."""
    from safer_desk.services.report import build_report

    store = open_store(demo_path)
    try:
        rows = store.rows("SELECT id, partnership FROM allocation_scenario_rows WHERE partnership IN "
                          "('Babergh CSP', 'Ipswich CSP') AND scenario_id = (SELECT scenario_id FROM "
                          "allocation_scenario_rows WHERE partnership = 'Ipswich CSP' LIMIT 1)")
        babergh = next(r["id"] for r in rows if r["partnership"] == "Babergh CSP")
        with store.transaction():  # as an older version, which compared names by case only, could have saved it
            store.conn.execute("UPDATE allocation_scenario_rows SET partnership = 'Ipswich  CSP' WHERE id = ?",
                               (babergh,))
        section = next(s for s in build_report(store).sections if s.title.startswith("Allocation"))
        said = " ".join(section.paragraphs)
        assert "cannot be worked out" in said and "listed twice" in said and "Allocation tab" in said
        assert section.tables == []
    finally:
        store.close()
