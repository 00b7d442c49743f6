"""The register and commissioning services, on a new file and on the example data."""

import csv
import io
from datetime import date

import openpyxl
import pytest

from safer_desk.cli import main
from safer_desk.domain.projects import ProjectError, Scale
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com
from safer_desk.services.demo_data.projects import PLYMOUTH, SUFFOLK

# seed 000 table, exactly: title, LAA2, CSP, cross cutting, additional, innovative, funding, cost
PAPER_TABLE = [
    ("Homeshield Plus", "√", "X", "√", "√", "√", "PRG &/or SSPB", "£125,000"),
    ("Suffolkwide Family Intervention Project (ASB & PPO Deter)", "√", "√", "√", "√", "√", "PRG &/or SSPB",
     "£120,000"),
    ("InnKeeper / Local Target 7 projects", "√", "√", "√", "√", "?", "PRG &/or SSPB", "Minimum £50,000"),
    ("Local Domestic Violence Coordinators", "√", "√", "√", "√ (in some areas)", "X", "SSPB", "£30,000"),
    ("Suffolk ELEV8", "√", "√", "√", "√", "?", "PRG &/or SSPB", "£101,500"),
    ("Suffolk Strive", "√", "√", "√", "√", "√", "PRG &/or SSPB", "£29,000"),
    ("Suffolk Recre8", "√", "√", "√", "√", "√", "PRG &/or SSPB", "£26,000"),
    ("Projects to support the County Criminal Damage strategy", "X", "√", "√", "√", "? unknown at this stage",
     "SSPB", "£5,000"),
    ("Supported accommodation for Prolific and Other Priority Offenders (PPOs)", "√", "√", "√",
     "√ for Ipswich only", "X", "SSPB", "£30,000"),
    ("Supported accommodation for young offenders.", "√", "√", "√", "√", "√", "PRG &/or SSPB", "£105,000"),
    ("Support Officer for non-statutory PPOs", "√", "√", "√", "√", "?", "PRG &/or SSPB", "£30,000"),
    ("PPO alcohol worker", "√", "√", "√", "X", "X", "SSPB", "£20,000"),
    ("Sexual Exploitation of Adults / Children in Off-street Premises", "X", "X", "√", "√", "√", "PRG &/or SSPB",
     "£54,372 - £62,372"),
    ("Ipswich CSP initiative: Prostitution Support via ICENI Project", "X", "X", "√", "X", "X", "SSPB", "£12,500"),
    ("Ipswich CSP Project: Town Centre Triage", "X", "√", "√", "X", "X", "SSPB", "£5,000"),
]
CRITERIA = ("laa_outcome", "csp_priority", "cross_cutting", "additional", "innovative")


def by_ref(store):
    return {p.ref: p for p in svc.load_projects(store)}


def test_a_blank_file_has_the_projects_tables_with_these_columns(store):
    cols = lambda t: [r[1] for r in store.rows(f"PRAGMA table_info({t})")]  # noqa: E731
    assert cols("projects") == [
        "id", "ref", "title", "description", "lead_organisation", "areas", "status", "funding_route", "cost_kind",
        "cost_min_pence", "cost_max_pence", "cost_note", "start_date", "end_date", "capital_pence", "revenue_pence",
        "laa_outcome", "laa_outcome_note", "csp_priority", "csp_priority_note", "cross_cutting", "cross_cutting_note",
        "additional", "additional_note", "innovative", "innovative_note", "outcomes", "priorities", "indicators",
        "notes", "created_at", "updated_at"]
    assert cols("project_officers") == ["id", "project_id", "position", "name", "role", "organisation"]
    assert cols("project_status_history") == ["id", "project_id", "position", "status", "changed_on", "note"]
    assert cols("project_funding_sources") == ["id", "project_id", "position", "source", "amount_pence",
                                               "amount_note", "financial_year"]
    assert cols("project_cost_lines") == ["id", "project_id", "position", "financial_year", "category",
                                          "description", "amount_text", "min_pence", "max_pence"]
    assert cols("commissioning_scenarios") == ["id", "name", "fund_pence", "fund_label", "notes", "created_at",
                                               "updated_at", "award_id", "award_year", "range_end"]
    assert cols("scenario_items") == ["id", "scenario_id", "project_id", "scale_numerator", "scale_denominator",
                                      "scale_in_months", "scale_amount_pence"]
    strict = store.rows("SELECT name, sql FROM sqlite_master WHERE type='table' AND (name LIKE 'project%' "
                        "OR name IN ('commissioning_scenarios', 'scenario_items'))")
    assert len(strict) == 7 and all(r["sql"].rstrip().endswith("STRICT") for r in strict)


def test_demo_register_matches_the_papers_15_rows(demo_store):
    projects = svc.load_projects(demo_store)
    suffolk = [p for p in projects if p.ref.isdigit()]
    assert [p.ref for p in suffolk] == [str(n) for n in range(1, 16)]
    for p, (title, *crit, route, cost) in zip(suffolk, PAPER_TABLE):
        assert p.title == title
        assert [p.criterion(k).describe() for k in CRITERIA] == crit
        assert p.funding_route == route
        assert p.cost.describe() == cost
        assert p.officers and p.lead_organisation == p.officers[0].organisation
    assert len(SUFFOLK) == 15


def test_demo_lead_officers_from_the_text(demo_store):
    p = by_ref(demo_store)
    assert [o.name for o in p["1"].officers] == ["Mark Sanderson", "Steve Greenfield", "Alan Keely"]
    assert p["1"].officers[0].role == "Assistant Chief Fire Officer"
    assert p["13"].officers[1].organisation == "Suffolk County Council"
    assert {p[str(n)].officers[0].name for n in (9, 10, 11, 12)} == {"Stuart Hudson"}


def test_demo_elev8_reconciles_and_splits_by_year(demo_store):
    elev8 = by_ref(demo_store)["5"]
    assert elev8.reconciliation.agrees and elev8.warning == ""
    assert elev8.year_weights() == {"2009/10": 4_650_000, "2010/11": 5_500_000}
    assert len(elev8.cost_lines) == 9


def test_demo_recre8_line_is_held_as_written_and_queried(demo_store):
    recre8 = by_ref(demo_store)["7"]
    line = recre8.cost_lines[2]
    assert line.amount.text == "£3.250" and line.amount.queried and line.amount.min_pence is None
    assert demo_store.scalar("SELECT min_pence FROM project_cost_lines WHERE amount_text = '£3.250'") is None
    assert "£22,750" in recre8.warning and "£26,000" in recre8.warning
    fixed = svc.save_project(demo_store, svc.accept_line_suggestion(recre8, 2))
    assert fixed.cost_lines[2].amount.min_pence == 325_000
    assert fixed.reconciliation.agrees and fixed.warning == ""


def test_demo_ranges_minimum_and_young_offenders(demo_store):
    p = by_ref(demo_store)
    assert p["13"].reconciliation.agrees
    assert p["13"].funding_sources[0].amount_pence == 4_200_000
    assert p["3"].cost.kind == "minimum" and p["3"].cost.max_pence is None
    assert p["10"].reconciliation.lines_min_pence == 10_500_000


def test_demo_plymouth_commissioning_intentions(demo_store):
    p = by_ref(demo_store)
    plymouth = [p[f"P{n}"] for n in range(1, 9)]
    assert len(PLYMOUTH) == 8
    da = plymouth[0]
    assert da.funding_sources[0].amount_pence == 11_000_000 and da.cost.min_pence == 50_175_300
    assert plymouth[2].cost.min_pence == 200_000_000  # "£2m"
    assert plymouth[3].funding_sources[0].amount_pence is None
    assert plymouth[3].funding_sources[0].amount_note == "Awaiting confirmation"
    assert [x.funding_sources[0].amount_note for x in plymouth[4:]] == ["Tbc"] * 4
    assert all(x.cost is None for x in plymouth[3:])
    assert da.status_history[0].changed_on == "2017-01-24"


def test_demo_scenario_for_the_65512_fund_adds_up_to_the_penny(demo_store):
    scenario = com.list_scenarios(demo_store)[0]
    assert scenario.fund_pence == 6_551_200
    result = com.evaluate_saved(demo_store, scenario)
    assert result.committed_pence == 6_500_000  # £35,000 pilot + £30,000 DV coordinators
    assert result.remaining_pence == 51_200
    assert result.committed_pence + result.remaining_pence == scenario.fund_pence
    assert sum(result.commitment.by_year.values()) == result.committed_pence
    assert {r.project.ref: r.scaled_pence for r in result.rows} == {"4": 3_000_000, "10": 3_500_000}


def test_prg_scenario_with_pence_and_a_scaled_two_year_project(demo_store):
    p = by_ref(demo_store)
    items = [com.ScenarioItem(p["5"].id, Scale(1, 3)), com.ScenarioItem(p["13"].id),
             com.ScenarioItem(p["12"].id, Scale(6, 12, months=True))]
    result = com.evaluate(p.values(), com.PRG_SHARE_PENCE, items)
    assert result.committed_pence == 3_383_333 + 6_237_200 + 1_000_000
    assert result.remaining_pence == 14_503_460 - result.committed_pence
    assert sum(result.commitment.by_year.values()) == result.committed_pence
    over = com.evaluate(p.values(), fund_pence=5_000_000, items=items)
    assert over.commitment.over_committed and "OVER-COMMITTED by £56,205.33" in over.summary()


def test_scenarios_save_rename_clash_and_delete(demo_store):
    p = by_ref(demo_store)
    s = com.save_scenario(demo_store, com.new_scenario("PRG bid", com.PRG_SHARE_PENCE,
                                                       [com.ScenarioItem(p["2"].id)]))
    assert [x.name for x in com.list_scenarios(demo_store)] == [
        "PRG bid", "Retained budget 2009/10: pilot and DV coordinators"]
    with pytest.raises(com.ScenarioError, match="already a scenario"):
        com.save_scenario(demo_store, com.new_scenario("PRG bid", 1))
    rows = com.compare(com.evaluate_saved(demo_store, com.list_scenarios(demo_store)[1]),
                       com.evaluate_saved(demo_store, s))
    assert [(r.title, r.a_pence, r.b_pence) for r in rows] == [
        ("Suffolkwide Family Intervention Project (ASB & PPO Deter)", None, 12_000_000),
        ("Local Domestic Violence Coordinators", 3_000_000, None),
        ("Supported accommodation for young offenders.", 3_500_000, None),
        ("Total committed", 6_500_000, 12_000_000), ("Fund", 6_551_200, 14_503_460),
        ("Remaining", 51_200, 2_503_460)]
    assert rows[0].difference_pence == 12_000_000
    removed = com.delete_scenario(demo_store, s.id)
    assert removed.items == s.items
    com.save_scenario(demo_store, removed)
    assert com.get_scenario(demo_store, s.id).items == s.items


def test_what_fits_on_the_demo_proposes_most_criteria(demo_store):
    projects = svc.load_projects(demo_store)
    s = com.suggest(projects, com.RETAINED_PENCE)
    refs = sorted(p.ref for p in projects if p.id in s.keys)
    assert s.score == 15 and s.cost_pence <= com.RETAINED_PENCE
    assert refs == ["15", "6", "7", "8"]


def test_bad_fields_are_all_named(store):
    with pytest.raises(ProjectError) as err:
        svc.project_from_fields({"title": "", "cost": "£3.250", "start_date": "31/02/2009", "laa_outcome": "maybe"})
    text = str(err.value)
    assert "Title: a project needs a title." in text
    assert "Cost: “£3.250”" in text and "£3,250" in text
    assert "Start:" in text and "LAA2 outcome?" in text


def test_status_changes_are_dated(store):
    p = svc.project_from_fields({"title": "Town Centre Triage", "cost": "£5,000"}, today=date(2009, 5, 1))
    assert p.status_history[-1].status == "proposed" and p.status_history[-1].changed_on == "2009-05-01"
    svc.save_project(store, p)
    q = svc.project_from_fields({"status": "commissioned", "status_date": "01/09/2009"}, base=svc.get_project(store, p.id))
    assert [(h.status, h.changed_on) for h in q.status_history] == [("proposed", "2009-05-01"),
                                                                   ("commissioned", "2009-09-01")]


def test_delete_and_restore_puts_scenario_ticks_back(demo_store):
    p = by_ref(demo_store)["10"]
    before = com.list_scenarios(demo_store)[0]
    snaps = svc.delete_projects(demo_store, [p.id])
    assert p.id not in {x.id for x in svc.load_projects(demo_store)}
    assert len(com.list_scenarios(demo_store)[0].items) == 1
    svc.restore_projects(demo_store, snaps)
    assert set(com.list_scenarios(demo_store)[0].items) == set(before.items)
    assert svc.get_project(demo_store, p.id) == p


def test_paste_rows_with_and_without_header():
    rows = [["Title", "Cost", "LAA2 outcome?", "Suitable funding"], ["Nightsafe", "£4,000", "√ for Ipswich only", "SSPB"]]
    [p] = svc.projects_from_rows(rows)
    assert p.cost.min_pence == 400_000 and p.criterion("laa_outcome").qualifier == "for Ipswich only"
    assert p.funding_route == "SSPB"
    [q] = svc.projects_from_rows([["16", "Nightsafe", "proposed", "SSPB", "£4,000", "√", "X"]])
    assert q.ref == "16" and q.criterion("csp_priority").value == "no"
    with pytest.raises(ProjectError, match="Row 2: Cost"):
        svc.projects_from_rows([["Title", "Cost"], ["A", "£1"], ["B", "£3.250"]])


def test_a_pasted_total_line_is_refused_not_added_as_a_project():
    # A register copied from a paper with its total line: "Total" at £130,000 would count every project twice.
    with pytest.raises(ProjectError, match="Row 3: “Total” looks like the table's total line") as caught:
        svc.projects_from_rows([["Title", "Cost"], ["Nightsafe", "£4,000"], ["Pubwatch", "£126,000"],
                                ["Total", "£130,000"]])
    assert caught.value.args[0].startswith("Nothing was pasted.")
    assert [p.title for p in svc.projects_from_rows([["Title"], ["Total Place pilot"]])] == ["Total Place pilot"]


def test_export_register_csv_and_xlsx(demo_store, tmp_path):
    svc.export_register(demo_store, tmp_path / "r.csv")
    with (tmp_path / "r.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:8] == svc.EXPORT_HEADER[:8]
    low = svc.EXPORT_HEADER.index("Cost min (£)")
    assert rows[13][1].startswith("Sexual Exploitation") and rows[13][low:low + 2] == ["54372", "62372"]
    svc.export_register(demo_store, tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(tmp_path / "r.xlsx")
    ws = book["Projects"]
    assert ws.cell(4, 2).value == "Homeshield Plus" and ws.cell(4, low + 1).value == 125000
    assert any(c.value == "£3.250" for row in book["Cost lines"].iter_rows() for c in row)
    # Dates are dates in Excel (they sort and filter as dates), shown as the window shows them; the CSV's text.
    start, end = ws.cell(4, svc.EXPORT_HEADER.index("Start") + 1), ws.cell(4, svc.EXPORT_HEADER.index("End") + 1)
    assert (start.value.date(), end.value.date()) == (date(2009, 4, 1), date(2010, 3, 31))
    assert start.number_format == "dd/mm/yyyy"
    assert rows[1][svc.EXPORT_HEADER.index("Start")] == "01/04/2009"
    with pytest.raises(ProjectError, match=r"r\.txt: choose a file ending \.xlsx, \.csv or \.tsv\."):
        svc.export_register(demo_store, tmp_path / "r.txt")
    assert not list(tmp_path.glob("*.part"))


def test_scenario_exports(demo_store, tmp_path):
    result = com.evaluate_saved(demo_store, com.list_scenarios(demo_store)[0])
    from safer_desk.exchange.tables import write_table

    write_table(tmp_path / "s.csv", com.scenario_sheets(result))  # the one export path
    text = (tmp_path / "s.csv").read_text(encoding="utf-8-sig")
    assert "Total committed" in text and "65000" in text and "35000" in text
    write_table(tmp_path / "s.xlsx", com.scenario_sheets(result))
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx")["Summary"]
    assert [ws.cell(r, 2).value for r in (2, 3, 4)] == [65512, 65000, 512]
    assert "√" in com.scenario_html(result)  # what Print to PDF lays out


def test_a_scenario_exported_as_csv_says_the_fund_and_what_remains_or_is_over_committed(demo_store, tmp_path):
    """A CSV holds one sheet: the Summary sheet's fund and remaining were not in it, so an over-committed set
    exported with no sign of it."""
    from safer_desk.domain.money import format_pounds_plain
    from safer_desk.exchange.tables import write_table

    projects = svc.load_projects(demo_store)
    fits = com.evaluate_saved(demo_store, com.list_scenarios(demo_store)[0])
    over = com.evaluate(projects, 6_551_200, [com.ScenarioItem(p.id) for p in projects[:3]])
    assert over.commitment.over_committed
    for result, last in ((fits, ["Remaining", "512"]),
                         (over, ["OVER-COMMITTED by", format_pounds_plain(-over.remaining_pence)])):
        write_table(tmp_path / "s.csv", com.scenario_sheets(result))
        rows = list(csv.reader(io.StringIO((tmp_path / "s.csv").read_text(encoding="utf-8-sig"))))
        committed = rows[0].index("Committed")
        assert [(r[1], r[committed]) for r in rows[-3:]] == [
            ("Total committed", format_pounds_plain(result.committed_pence)), ("Fund", "65512"), tuple(last)]


def test_cli_prints_the_register(demo_path, capsys):
    assert main(["projects", str(demo_path)]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:11] == ["id", "title", "status", "funding_route", "cost_min", "cost_max", "laa_outcome",
                            "csp_priority", "cross_cutting", "additional", "innovative"]
    assert len(rows) == 1 + 15 + 8
    assert rows[1][1:11] == ["Homeshield Plus", "proposed", "PRG &/or SSPB", "125000", "125000",
                           "yes", "no", "yes", "yes", "yes"]
    assert rows[3][4:6] == ["50000", ""]  # InnKeeper: a minimum has no maximum
    assert rows[13][4:6] == ["54372", "62372"]
    assert rows[9][6:11] == ["yes", "yes", "yes", "yes", "no"]
    assert rows[18][4:6] == ["2000000", "2000000"] and rows[19][4:6] == ["", ""]


def test_cli_missing_file_is_an_error(tmp_path, capsys):
    assert main(["projects", str(tmp_path / "none.sqlite")]) == 1
    assert "no file" in capsys.readouterr().err


def test_board_report_sections(demo_store):
    from safer_desk.domain.periods import FinancialYear
    from safer_desk.services.report_sections.projects import board_report_sections

    options, scenarios = board_report_sections(demo_store)
    table = options.tables[0]
    assert table.header[1] == "Project / Initiative" and table.header[-4:] == ["Suitable Funding", "Cost(£)", "Status",
                                                                               "Funders' shares"]
    assert table.rows[3][2:7] == ["√", "√", "√", "√ (in some areas)", "X"]
    assert table.rows[12][8] == "£54,372 - £62,372"
    assert "Suffolk Recre8" in table.note and "£22,750" in table.note
    s = scenarios.tables[0]
    assert s.total_row[s.header.index("Committed")] == "£65,000"
    assert "remaining £512" in s.note
    later = board_report_sections(demo_store, year=FinancialYear(2010))[0].tables[0]
    assert "Suffolk ELEV8" in [r[1] for r in later.rows] and "Suffolk Strive" not in [r[1] for r in later.rows]
    from safer_desk.services.report import report_areas

    ipswich = board_report_sections(demo_store, areas=report_areas(demo_store, "Ipswich CSP"))[0].tables[0]
    assert "Plymouth Domestic Abuse contract" not in [r[1] for r in ipswich.rows]
    assert "Ipswich CSP Project: Town Centre Triage" in [r[1] for r in ipswich.rows]


def test_what_fits_prefers_earlier_projects_between_equal_sets_whatever_the_order(demo_store):
    import random

    projects = svc.load_projects(demo_store)
    first = com.suggest(projects, com.PRG_SHARE_PENCE)
    for seed in range(5):
        shuffled = list(projects)
        random.Random(seed).shuffle(shuffled)
        assert com.suggest(shuffled, com.PRG_SHARE_PENCE) == first
    assert first.cost_pence <= com.PRG_SHARE_PENCE


def test_demo_links_outcomes_priorities_and_indicators(demo_store):
    p = by_ref(demo_store)
    assert p["5"].indicators == ("NI 32",) and p["5"].outcomes == ("Reduced repeat incidents of Domestic Violence (NI 32)",)
    assert p["3"].indicators[0] == "LT7" and p["3"].priorities == ("Safer Night Time Economy",)
    assert p["2"].outcomes == ("Reduced anti-social behaviour in the worst affected areas",
                               "Reduce the re-offending rate of prolific and priority offenders (NI 30)")


def test_the_registers_own_export_pastes_back(demo_store, tmp_path):
    """Export the register, edit it in Excel, paste it back: a project with no cost is exported with its cost note
    in the Cost column ("Not stated", "Tbc"), and the paste refused the whole sheet ("Nothing was pasted … Cost:
    “Not stated” is not an amount of money"). Words with no figure in the Cost column are the cost note; a
    figure that cannot be read is still refused."""
    from safer_desk.presenters.projects import ProjectsPresenter

    presenter = ProjectsPresenter(demo_store, perform=lambda action: None)
    presenter.reload()
    rows = list(csv.reader(presenter.export(tmp_path / "register.csv").open(encoding="utf-8-sig")))
    pasted = svc.projects_from_rows(rows)
    before = {p.ref: p for p in svc.load_projects(demo_store)}
    assert len(pasted) == len(before) == 23
    for p in pasted:
        assert (p.title, p.cost, p.status) == (before[p.ref].title, before[p.ref].cost, before[p.ref].status)
        assert p.cost_note == (before[p.ref].cost_note if before[p.ref].cost is None else "")
    assert sum(1 for p in pasted if p.cost is None and p.cost_note == "Not stated") == 5
    with pytest.raises(ProjectError, match="£3.250"):
        svc.projects_from_rows([["Title", "Cost"], ["A", "£3.250"]])
    [words] = svc.projects_from_rows([["Title", "Cost"], ["A", "Tbc"]])
    assert (words.cost, words.cost_note) == (None, "Tbc")


def test_a_new_status_given_without_a_date_is_dated_today(store):
    p = svc.project_from_fields({"title": "Town Centre Triage", "status": "shortlisted", "status_date": "10/05/2024"})
    svc.save_project(store, p)
    q = svc.project_from_fields({"status": "commissioned"}, base=svc.get_project(store, p.id), today=date(2024, 9, 1))
    assert [(h.status, h.changed_on) for h in q.status_history][-1] == ("commissioned", "2024-09-01")


def test_an_exported_register_pastes_back_with_its_officers_and_funders(demo_store):
    """The register's export joins a project's lead officers (and its funders' shares) with "; ". Pasted back,
    Homeshield Plus's three officers came back as one, with the others folded into its role, without a word."""
    projects = svc.load_projects(demo_store)
    rows = [svc.EXPORT_HEADER] + [[str(c) if c is not None else "" for c in r]
                                  for r in svc.export_rows(projects, pounds_plain=True)]
    pasted = svc.projects_from_rows(rows)
    assert [p.title for p in pasted] == [p.title for p in projects]
    for before, after in zip(projects, pasted):
        assert after.officers == before.officers, before.title
        assert after.funding_sources == before.funding_sources, before.title
        assert after.areas == before.areas
    homeshield = next(p for p in pasted if p.title.startswith("Homeshield"))
    assert len(homeshield.officers) == 3


def test_start_date_and_end_date_headings_are_read():
    rows = [["Title", "Cost", "Start date", "End date"], ["Nightsafe", "£4,000", "01/04/2009", "31/03/2010"]]
    [p] = svc.projects_from_rows(rows)
    assert (p.start_date, p.end_date) == ("2009-04-01", "2010-03-31")


@pytest.mark.parametrize("cost, capital, revenue, field, message", [
    ("£30,000", "£200,000", "", "capital", "£200,000 of capital is more than the cost of £30,000."),
    ("£30,000", "", "£30,001", "revenue", "£30,001 of revenue is more than the cost of £30,000."),
    ("£54,372 - £62,372", "£50,000", "£50,000", "revenue",
     "£50,000 + £50,000 = £100,000, more than the upper end of the cost (£62,372)."),
    ("£54,372 - £62,372", "£10,000", "£10,000", "revenue",
     "£10,000 + £10,000 = £20,000, less than the lower end of the cost (£54,372)."),
    ("Minimum £50,000", "£1", "£1", "revenue", "£1 + £1 = £2, less than the minimum cost of £50,000."),
])
def test_a_capital_and_revenue_split_the_cost_cannot_hold_is_refused(cost, capital, revenue, field, message):
    """The split feeds the award's revenue/capital check (69% / 31%): £200,000 of capital on a £30,000 project
    was saved without a word."""
    with pytest.raises(svc.FieldProblems) as err:
        svc.project_from_fields({"title": "T", "cost": cost, "capital": capital, "revenue": revenue})
    assert dict(err.value.by_field)[field] == message


def test_a_split_within_a_range_or_above_a_minimum_is_kept():
    p = svc.project_from_fields({"title": "T", "cost": "£54,372 - £62,372", "capital": "£20,000", "revenue": "£40,000"})
    assert (p.capital_pence, p.revenue_pence) == (2_000_000, 4_000_000)
    p = svc.project_from_fields({"title": "T", "cost": "Minimum £50,000", "capital": "£20,000", "revenue": "£40,000"})
    assert (p.capital_pence, p.revenue_pence) == (2_000_000, 4_000_000)
