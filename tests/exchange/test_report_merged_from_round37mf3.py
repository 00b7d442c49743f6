"""Round 37 (mf3): the board report of a county file says which office each project came from, as the window does.

Projects and Commissioning say it (*Merged from*; the office named in a sentence where two projects share a title).
The board report did not: two offices that each numbered an "Outreach worker" 16 gave two rows alike in its
"Commissioning options" table, its funders' shares tables and a saved scenario's table, and its notes said
"16. Outreach worker: the cost lines add up to …" of one of them without saying which. An office's own report is as it
was, word for word.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.domain.projects import CRITERIA
from safer_desk.services import funders
from safer_desk.services import projects_commissioning as com
from safer_desk.services.projects import add_projects, load_projects, project_from_fields
from safer_desk.services.report_sections.projects import board_report_sections
from safer_desk.storage.store import open_store
from tests.cli_run import run
from tests.exchange.district_offices import export, merge, office_from, template

OPTIONS_HEADER = ["", "Project / Initiative", *[title for _, _, title in CRITERIA], "Suitable Funding", "Cost(£)",
                  "Status", "Funders' shares"]
YEAR = FinancialYear.parse("2025/26")


def _outreach(store, district: str, cost: str, lines: str) -> None:
    """An "Outreach worker" numbered 16, whose cost lines do not add up to its cost (the report notes it), with a
    share from the OPCC for 2025/26; and a project no other office has."""
    add_projects(store, [
        project_from_fields({"title": "Outreach worker", "ref": "16", "cost": cost, "areas": district,
                             "funding_route": "OPCC", "laa_outcome": "yes",
                             "funding_sources": "OPCC (2025/26): £5,000"},
                            cost_lines=[("2025/26", "staff", "worker", lines)]),
        project_from_fields({"title": f"{district} youth diversion", "ref": "3", "cost": "£2,000", "areas": district},
                            cost_lines=[("2025/26", "staff", "sessions", "£1,500")])])


@pytest.fixture
def files(tmp_path):
    """Babergh's and Mid Suffolk's exports merged into a county file, each office with its "Outreach worker" 16; the
    county recorded the OPCC's award and saved a scenario ticking both workers."""
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    _outreach(babergh, "Babergh", "£10,000", "£9,000")
    _outreach(mid, "Mid Suffolk", "£12,000", "£11,000")
    merge(county, [export(babergh, tmp_path / "b.sqlite"), export(mid, tmp_path / "m.sqlite")])
    mid.close()
    funders.save_award(county, funders.make_award(funder="OPCC", name="OPCC grant", years={"2025/26": "£20,000"}))
    workers = [p.id for p in load_projects(county) if p.title == "Outreach worker"]
    com.save_scenario(county, com.new_scenario("Both workers", 3_000_000, [com.ScenarioItem(i) for i in workers]))
    yield SimpleNamespace(county=county, babergh=babergh, path=tmp_path / "county.sqlite")
    county.close()
    babergh.close()


def _table(sections, title: str):
    return next(t for s in sections for t in s.tables if t.title.startswith(title))


def _options(sections):
    return next(s for s in sections if s.title == "Commissioning options")


def test_the_commissioning_options_say_which_office_each_project_came_from(files):
    sections = board_report_sections(files.county, year=YEAR)
    table = _options(sections).tables[0]
    assert table.header == [*OPTIONS_HEADER[:2], "Merged from", *OPTIONS_HEADER[2:]]
    assert len(table.align) == len(table.header) and table.align[2] == "l" and table.align[3] == "c"
    assert sorted((r[1], r[2]) for r in table.rows) == [
        ("Babergh youth diversion", "Babergh office"), ("Mid Suffolk youth diversion", "Mid Suffolk office"),
        ("Outreach worker", "Babergh office"), ("Outreach worker", "Mid Suffolk office")]
    # the notes name the office of a project whose title another has, and only of that one (as Commissioning does)
    assert "16. Outreach worker (merged from Babergh office): The cost lines add up to £9,000" in table.note
    assert "16. Outreach worker (merged from Mid Suffolk office): The cost lines add up to £11,000" in table.note
    assert "3. Babergh youth diversion: The cost lines" in table.note


def test_the_funders_shares_and_the_scenario_say_it_too(files):
    sections = board_report_sections(files.county, year=YEAR)
    shares = _table(sections, "OPCC grant: 2025/26")
    assert shares.header == ["", "Project", "Merged from", "OPCC's share", "Total budget", "Status"]
    assert len(shares.align) == len(shares.header)
    assert sorted((r[1], r[2], r[3]) for r in shares.rows) == [("Outreach worker", "Babergh office", "£5,000"),
                                                             ("Outreach worker", "Mid Suffolk office", "£5,000")]
    assert shares.total_row == ["", "Committed (left: £10,000)", "", "£10,000", "", ""]
    scenario = _table(sections, "Both workers")
    at = scenario.header.index("Merged from")
    assert scenario.header[at - 1] == "Project / Initiative"
    assert sorted((r[1], r[at]) for r in scenario.rows) == [("Outreach worker", "Babergh office"),
                                                            ("Outreach worker", "Mid Suffolk office")]
    assert len(scenario.align) == len(scenario.header) == len(scenario.total_row)
    assert scenario.align[at] == "l" and scenario.align[at + 1] == "c"  # the criteria centred, as before
    assert scenario.align[scenario.header.index("Committed")] == "r"


def test_the_report_file_says_it(files, capsys):
    """`safer-desk report` (as File > Board Report… writes it) carries the column and the office in its notes."""
    files.county.close()
    out = files.path.with_name("board.html")
    code, _, err = run(capsys, "report", files.path, out, "--year", "2025/26")
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert ">Merged from</th>" in text
    assert "16. Outreach worker (merged from Mid Suffolk office): The cost lines add up to £11,000" in text


def test_an_office_s_own_report_is_as_it_was(files):
    sections = board_report_sections(files.babergh, year=YEAR)
    table = _options(sections).tables[0]
    assert table.header == OPTIONS_HEADER
    assert [r[:2] for r in table.rows] == [["3", "Babergh youth diversion"], ["16", "Outreach worker"]]
    assert "16. Outreach worker: The cost lines add up to £9,000" in table.note
    shares = _table(sections, "OPCC") if any(t.title.startswith("OPCC") for s in sections for t in s.tables) else None
    assert shares is None or "Merged from" not in shares.header
    assert not any("merged" in " ".join([*s.paragraphs, *(t.note for t in s.tables)]).casefold() for s in sections)
