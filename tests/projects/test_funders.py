"""Funders' awards and shares: commissioning against an award counts the funder's share only (seed 003),
the 2009/10 retained budget's revenue/capital split (seed 000), which end of a cost range is counted, and
the register, `safer-desk projects` and the report showing each funder's share."""

import csv
import io

import pytest

from safer_desk.cli import main
from safer_desk.domain.projects import CRITERIA_KEYS
from safer_desk.domain.commissioning import Award, FundingError, counted_cost, revenue_capital_check
from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com
from safer_desk.services.projects import FundingSource

PCC = "PCC grant to Safer Plymouth 2017-19"
RETAINED = "SSPB 10% retained budget 2009/10"


def plymouth(store):
    return [p for p in svc.load_projects(store) if p.ref.startswith("P")]


def test_blank_file_has_the_award_tables(store):
    cols = lambda t: [r[1] for r in store.rows(f"PRAGMA table_info({t})")]  # noqa: E731
    assert cols("funding_awards") == ["id", "funder", "name", "total_pence", "first_year", "last_year", "conditions",
                                      "revenue_bp", "capital_bp", "notes", "created_at", "updated_at"]
    assert cols("funding_award_years") == ["id", "award_id", "financial_year", "amount_pence"]


def test_plymouth_against_the_pcc_award_counts_the_pccs_share_only(demo_store):
    award = funders.award_by_name(demo_store, PCC)
    assert award.amount_for("2017/18") == award.amount_for("2018/19") == 40_056_800
    projects = plymouth(demo_store)
    items = [com.ScenarioItem(p.id) for p in projects]
    result = com.evaluate(projects, 0, items, award=award, award_year="2017/18")
    assert result.fund_pence == 40_056_800
    assert result.committed_pence == 23_350_000  # £110,000 + £25,000 + £98,500
    assert result.remaining_pence == 16_706_800  # £167,068 left
    assert not result.commitment.over_committed
    assert {r.project.ref: r.share_pence for r in result.rows} == {
        "P1": 11_000_000, "P2": 2_500_000, "P3": 9_850_000, "P4": None, "P5": None, "P6": None, "P7": None, "P8": None}
    assert result.summary() == (f"{PCC} £400,568 for 2017/18; committed £233,500 of OPCC's money; remaining £167,068")
    assert any("“Awaiting confirmation”" in p for p in result.problems)
    assert sum("“Tbc”" in p for p in result.problems) == 4
    assert result.commitment.by_year == {"2017/18": 23_350_000}
    # counting whole contracts, as before, is what the paper does not do: over-committed by £2,176,185
    whole = com.evaluate(projects, 40_056_800, items)
    assert "OVER-COMMITTED by £2,176,185" in whole.summary()


def test_a_scenario_against_an_award_is_saved_with_it(demo_store):
    award = funders.award_by_name(demo_store, PCC)
    projects = plymouth(demo_store)
    saved = com.save_scenario(demo_store, com.new_scenario(
        "Safer Plymouth 2017/18", 0, [com.ScenarioItem(p.id) for p in projects], award_id=award.id,
        award_year="17/18", fund_label="PCC grant 2017/18"))
    assert (saved.award_id, saved.award_year, saved.range_end) == (award.id, "2017/18", "upper")
    result = com.evaluate_saved(demo_store, saved)
    assert (result.committed_pence, result.remaining_pence) == (23_350_000, 16_706_800)
    table = com.board_table(result, plain=True)
    assert "OPCC's share" in table.header
    assert table.rows[0][table.header.index("OPCC's share")] == "£110,000"
    snapshot = funders.delete_award(demo_store, award.id)
    assert com.get_scenario(demo_store, saved.id).award_id is None
    funders.restore_award(demo_store, snapshot)
    assert com.get_scenario(demo_store, saved.id).award_id == award.id


def test_the_retained_budget_holds_its_69_31_split_and_checks_it(demo_store):
    award = funders.award_by_name(demo_store, RETAINED)
    assert (award.revenue_bp, award.capital_bp) == (6900, 3100)
    assert award.split("2009/10") == (4_520_328, 2_030_872)  # £45,203.28 + £20,308.72 = £65,512
    with pytest.raises(FundingError, match="do not add up to 100%"):
        funders.make_award(funder="SSPB", name="x", years={"2009/10": "65512"}, revenue="69", capital="30")
    with pytest.raises(FundingError, match="both percentages"):
        Award("a", "SSPB", "x", revenue_bp=6900)
    messages = revenue_capital_check(award, "2009/10", [("Capital project", 3_000_000, 3_000_000, 0),
                                                        ("Unsplit", 1_000_000, None, None)])
    assert messages[0] == f"{RETAINED} is 69% revenue (£45,203.28) and 31% capital (£20,308.72) in 2009/10."
    assert "£30,000 of capital: £9,691.28 more than the award's capital share" in messages[1]
    assert "1 ticked project states no capital/revenue split" in messages[2]


def test_which_end_of_a_range_is_counted_is_said_and_chosen(demo_store):
    p = {x.ref: x for x in svc.load_projects(demo_store)}
    assert counted_cost("range", 5_437_200, 6_237_200) == (6_237_200, "the upper end of £54,372 - £62,372")
    assert counted_cost("range", 5_437_200, 6_237_200, "lower") == (5_437_200, "the lower end of £54,372 - £62,372")
    assert counted_cost("minimum", 5_000_000, None)[1] == "the minimum £50,000 (no upper figure is stated)"
    items = [com.ScenarioItem(p["13"].id), com.ScenarioItem(p["3"].id)]
    upper = com.evaluate(p.values(), com.PRG_SHARE_PENCE, items)
    lower = com.evaluate(p.values(), com.PRG_SHARE_PENCE, items, range_end="lower")
    assert upper.committed_pence - lower.committed_pence == 800_000
    assert "Sexual Exploitation of Adults / Children in Off-street Premises: counts the upper end of £54,372 - " \
           "£62,372." in upper.notes
    assert any("counts the lower end" in n for n in lower.notes)
    assert any("InnKeeper / Local Target 7 projects: counts the minimum £50,000" in n for n in upper.notes)
    with pytest.raises(com.ScenarioError):
        com.evaluate(p.values(), 1, items, range_end="middle")


def test_funding_by_funder_and_year_round_trips_the_editor_text(store):
    problems = []
    sources = svc.parse_funding_sources("OPCC (2017/18): £110,000\nOPCC (18/19): Tbc\nSCC: £5,000", problems)
    assert not problems
    assert sources == (FundingSource("OPCC", 11_000_000, "", "2017/18"), FundingSource("OPCC", None, "Tbc", "2018/19"),
                       FundingSource("SCC", 500_000, "", ""))
    assert svc.format_funding_sources(sources) == "OPCC (2017/18): £110,000\nOPCC (2018/19): Tbc\nSCC: £5,000"
    p = svc.save_project(store, svc.project_from_fields({"title": "Domestic abuse contract", "cost": "£501,753"}))
    before = funders.set_project_funding(store, p.id, sources)
    assert before == () and svc.get_project(store, p.id).funding_sources == sources
    assert funders.shares_text(svc.get_project(store, p.id)) == (
        "OPCC (2017/18): £110,000 of £501,753; OPCC (2018/19): Tbc; SCC: £5,000 of £501,753")
    funders.set_project_funding(store, p.id, before)  # undo
    assert svc.get_project(store, p.id).funding_sources == ()
    assert funders.funder_names(store) == []


def test_the_register_command_adds_ref_qualifiers_and_funders(demo_path, capsys):
    assert main(["projects", str(demo_path)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    by_ref = {r["ref"]: r for r in rows}
    assert list(rows[0])[11:] == ["ref", "laa_outcome_qualifier", "csp_priority_qualifier", "cross_cutting_qualifier",
                                  "additional_qualifier", "innovative_qualifier", "funders"]
    assert (by_ref["4"]["additional"], by_ref["4"]["additional_qualifier"]) == ("yes", "(in some areas)")
    assert by_ref["9"]["additional_qualifier"] == "for Ipswich only"
    assert by_ref["8"]["innovative_qualifier"] == "unknown at this stage"
    assert by_ref["P1"]["funders"] == "OPCC (2017/18): 110000"
    assert by_ref["P4"]["funders"] == "OPCC (2017/18): Awaiting confirmation"
    assert by_ref["13"]["funders"] == "Suffolk Constabulary (police support worker, outside the total): 42000"


def test_the_report_shows_the_funders_shares(demo_store):
    from safer_desk.services.report import report_areas
    from safer_desk.services.report_sections.projects import board_report_sections

    options = board_report_sections(demo_store, areas=report_areas(demo_store, "Plymouth", None))[0]
    register = options.tables[0]
    da = next(r for r in register.rows if r[0] == "P1")
    assert da[-1] == "OPCC (2017/18): £110,000 of £501,753"
    pcc = next(t for t in options.tables if t.title == f"{PCC}: 2017/18 (£400,568)")
    assert [r[2] for r in pcc.rows[:3]] == ["£110,000", "£25,000", "£98,500"]
    assert pcc.total_row[1:3] == ["Committed (left: £167,068)", "£233,500"]
    assert "OPCC's shares come to £233,500 of the £400,568 awarded for 2017/18: £167,068 left." in pcc.note
    assert "5 shares are not known yet" in pcc.note


def test_the_family_intervention_line_is_flagged(demo_store):
    fip = next(p for p in svc.load_projects(demo_store) if p.ref == "2")
    assert fip.reconciliation.lines_min_pence == 11_800_000  # £29,500 × a minimum of 4 workers
    assert fip.warning == "The cost lines add up to £118,000 but the stated cost is £120,000."
    assert not fip.reconciliation.agrees


def test_the_commissioning_page_keeps_a_scenarios_award_when_it_is_saved_again(demo_window, qtbot):
    from PySide6.QtCore import Qt

    store = demo_window.show_tab("projects").session.store
    award = funders.award_by_name(store, PCC)
    saved = com.save_scenario(store, com.new_scenario(
        "Safer Plymouth 2017/18", 0, [com.ScenarioItem(p.id) for p in plymouth(store)], award_id=award.id,
        award_year="2017/18"))
    tab = demo_window.show_tab("projects")
    page = tab.show_commissioning()
    page.load_scenario(saved.id)
    assert "committed £233,500 of OPCC's money; remaining £167,068" in page.summary.text()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    again = com.get_scenario(store, saved.id)
    assert (again.award_id, again.award_year) == (award.id, "2017/18")


@pytest.mark.parametrize("text, message", [
    # Two shares typed on one line became one funder called "OPCC: £1,000 SCC" paying £2,000.
    ("OPCC: £1,000 SCC: £2,000", "line 1: put each funder's share on its own line"),
    # No colon: "OPCC £1,000" became a funder of that name whose share was not known.
    ("SCC: £5,000\nOPCC £1,000", "line 2: put a colon between the funder and the amount (“OPCC: £1,000”)"),
    ("OPCC (2017/18) £110,000", "line 1: put a colon between the funder and the amount (“OPCC (2017/18): £110,000”)"),
    # A negative share was taken and shown as "-£5,000 of £100,000 (-5.0%)".
    ("OPCC: -£5,000", "line 1: a funder's share cannot be negative"),
    ("OPCC: 50%", "line 1: give the share in pounds"),
])
def test_a_share_that_cannot_be_read_as_typed_is_refused_with_its_line(text, message):
    problems = []
    svc.parse_funding_sources(text, problems)
    assert [m for _, m in problems] and [m for _, m in problems][0].startswith(message)


def test_a_funder_with_a_colon_or_an_amount_in_words_still_reads():
    problems = []
    sources = svc.parse_funding_sources("Home Office: VRU: £5,000\nLottery: awaiting decision\nCity Council: nil",
                                        problems)
    assert not problems
    assert [(s.source, s.amount_pence, s.amount_note) for s in sources] == [
        ("Home Office: VRU", 500_000, ""), ("Lottery", None, "awaiting decision"), ("City Council", 0, "")]


def test_a_share_stated_for_the_awards_other_year_counts_nothing_and_is_said(demo_store):
    """The PCC award's second year: the contracts state OPCC's share for 2017/18 only. They are not contracts
    with no share from OPCC (whose whole cost would count: over-committed by £2,176,185, the paper's wrong
    answer); OPCC's money for them in 2018/19 is not stated, so they add nothing and each is listed."""
    award = funders.award_by_name(demo_store, PCC)
    projects = [p for p in plymouth(demo_store) if p.ref in ("P1", "P2", "P3")]
    result = com.evaluate(projects, 0, [com.ScenarioItem(p.id) for p in projects], award=award, award_year="2018/19")
    assert (result.committed_pence, result.remaining_pence) == (0, 40_056_800)
    assert result.problems == tuple(f"{r.project.title}: OPCC's share is stated for 2017/18 only, so it adds "
                                    "nothing to 2018/19." for r in result.rows)
    assert {r.project.ref: (r.cost_pence, r.share_pence) for r in result.rows} == {
        "P1": (0, None), "P2": (0, None), "P3": (0, None)}
    assert "OPCC's share: none for 2018/19" in {r.counted for r in result.rows}


def test_what_fits_against_an_award_counts_what_the_scenario_counts(demo_store):
    """Against the PCC's award, What fits? weighs each project at what a scenario would count: the contracts
    at OPCC's share (P1's £110,000 fits where its £501,753 would not), and its "leaving" is what the page then
    says once the suggestion is accepted. A share not yet known cannot be weighed and is not proposed."""
    award = funders.award_by_name(demo_store, PCC)
    projects = svc.load_projects(demo_store)
    by_ref = {p.ref: p for p in projects}
    for r in ("P1", "P2", "P3", "P4"):  # all five criteria met, so they are worth proposing
        svc.save_project(demo_store, svc.project_from_fields({k: "yes" for k in CRITERIA_KEYS}, base=by_ref[r]))
    projects = plymouth(demo_store)
    s = com.suggest(projects, 40_056_800, award=award, award_year="2017/18")
    by_id = {p.id: p for p in projects}
    assert [by_id[k].ref for k in s.keys] == ["P1", "P2", "P3"]  # P4's share is "Awaiting confirmation"
    assert s.cost_pence == 23_350_000  # £110,000 + £25,000 + £98,500, not £2,576,753 of whole contracts
    accepted = com.evaluate(projects, 0, [com.ScenarioItem(k) for k in s.keys], award=award, award_year="2017/18")
    assert accepted.committed_pence == s.cost_pence
    everything = svc.load_projects(demo_store)  # with the register's projects that name no share: counted in full
    s = com.suggest(everything, 40_056_800, award=award, award_year="2017/18")
    accepted = com.evaluate(everything, 0, [com.ScenarioItem(k) for k in s.keys], award=award, award_year="2017/18")
    assert accepted.committed_pence == s.cost_pence <= 40_056_800
    lower = com.suggest(projects, com.PRG_SHARE_PENCE, range_end="lower")
    assert com.evaluate(projects, com.PRG_SHARE_PENCE, [com.ScenarioItem(k) for k in lower.keys],
                        range_end="lower").committed_pence == lower.cost_pence


@pytest.mark.parametrize("typed", ["OPCC (2017–18): £110,000", "OPCC (2017—18): £110,000",
                                   "OPCC (2017 - 18): £110,000"])
def test_a_share_year_written_with_a_dash_from_word_or_excel_is_the_same_year(typed):
    """Word's and Excel's AutoCorrect turn 2017-18 into 2017–18: the share was kept as a funder named
    "OPCC (2017–18)" with no year, so against the PCC's award the contract counted in full."""
    problems = []
    assert svc.parse_funding_sources(typed, problems) == (FundingSource("OPCC", 11_000_000, "", "2017/18"),)
    assert not problems


def test_a_share_year_that_is_not_a_financial_year_is_refused():
    problems = []
    svc.parse_funding_sources("OPCC (2017/19): £110,000", problems)
    assert problems == [("funding_sources", "line 1: “2017/19” is not a financial year (use a form like 2018/19).")]
