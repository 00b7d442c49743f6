"""View > History of Changes says things as the screens say them, and names the command line's changes (round 28).

Found by reading the History of the example file after using the command line and the window side by side:
- `safer-desk office` and `safer-desk awards --add/--delete` wrote without naming their action, so the History read
  "Delete 3 office areas" or "Changes to funding awards and award years" where the window's same change reads
  "Set whose file this is" or "Add award …".
- a district's successor read "successor West Suffolk" (the window's heading is "Became"), a percentage figure
  "value 88.888889" (the tab shows 88.9%), a population "512100" (no thousands comma), and searching for
  "(6,957)", as the papers write a negative amount, did not find -£6,957.
"""

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.history import filter_predicate, history_lines
from safer_desk.services import budgets
from safer_desk.services import indicators as ind
from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store


def _newest(path, count: int = 1):
    store = open_store(path, read_only=True)
    try:
        return history_lines(store, limit=count)
    finally:
        store.close()


def test_the_office_command_names_its_change_as_the_window_does(demo_path, capsys):
    # Not Ipswich: the example's board covers it in every year, so naming it on its own changes nothing (round 34).
    assert main(["office", str(demo_path), "--district", "Plymouth"]) == 0
    assert main(["office", str(demo_path), "--clear"]) == 0
    cleared, named = _newest(demo_path, 2)
    assert named.action == "Set whose file this is"
    assert cleared.action == "Set whose file this is"
    assert named.summary == "Added office area Plymouth"


def test_the_awards_command_names_its_changes_as_the_window_does(demo_path, capsys):
    assert main(["awards", str(demo_path), "--add", "Test award", "--funder", "OPCC", "--year", "2017/18=£1,000"]) == 0
    assert main(["awards", str(demo_path), "--delete", "Test award"]) == 0
    deleted, added = _newest(demo_path, 2)
    assert added.action == "Add award Test award"
    assert deleted.action == "Delete award Test award"


def test_what_a_district_became_is_said_as_the_window_heads_it(demo_store):
    demo = "\n".join(d for line in history_lines(demo_store, limit=500) for d in line.details)
    assert "county Suffolk; became West Suffolk; last day 31 Mar 2019" in demo
    assert "successor" not in demo
    forest = next(d for d in ref.list_districts(demo_store) if d.name == "Forest Heath")
    ref.edit_district(demo_store, forest.id, name="Forest Heath", ons_code="E07000201", county="Suffolk",
                      successor="East Suffolk", valid_to="2019-03-31")
    line = history_lines(demo_store, limit=1)[0]
    assert line.details == ("Changed what district Forest Heath became from West Suffolk to East Suffolk",)


def test_a_percentage_figure_reads_as_the_tab_shows_it(demo_store):
    demo = "\n".join(d for line in history_lines(demo_store, limit=500) for d in line.details)
    assert "period May 2016; value 88.9%; numerator 16; denominator 18" in demo
    assert "88.888889" not in demo
    assert "area Suffolk (county); value 88.75%; note From 88.75%" in demo  # a baseline of a percentage indicator
    baseline = demo_store.one("SELECT indicator_id, area_id FROM indicator_baselines WHERE value = 88.75")
    ind.set_baseline(demo_store, baseline["indicator_id"], baseline["area_id"], 90.0, period="2009/10")
    line = history_lines(demo_store, limit=1)[0]
    assert line.details[0].endswith("from 88.75% to 90%")


def test_a_population_reads_with_its_thousands_comma(demo_store):
    demo = "\n".join(d for line in history_lines(demo_store, limit=500) for d in line.details)
    assert "year 2009/10; population 512,100; source" in demo
    row = demo_store.one("SELECT area_id FROM indicator_populations WHERE population = 512100")
    ind.set_population(demo_store, row["area_id"], FinancialYear(2009), 512200, source="ONS mid-2009 estimate")
    line = history_lines(demo_store, limit=1)[0]
    assert line.details[0].endswith("from 512,100 to 512,200")


def test_searching_for_a_negative_amount_as_the_papers_write_it_finds_it(store):
    plan = budgets.create_plan(store, "Test plan", columns=["2009/10"])
    section = budgets.add_section(store, plan, "Allocations")
    line_id = budgets.add_line(store, section, "Babergh variance")
    budgets.set_cell(store, line_id, "2009/10", "-6,957")
    line = history_lines(store, limit=1)[0]
    assert "-£6,957" in line.search_text
    assert filter_predicate(text="(6,957)")(line)
    assert filter_predicate(text="-6957")(line)
    assert not filter_predicate(text="(6,958)")(line)
    budgets.set_cell(store, line_id, "2009/10", "6,957")
    positive = history_lines(store, limit=1)[0]
    assert "-£6,957" in positive.search_text  # "from -£6,957 to £6,957"
    budgets.set_cell(store, line_id, "2009/10", "7,000")
    assert not filter_predicate(text="(6,957)")(history_lines(store, limit=1)[0])  # £6,957 is not (6,957)


def test_an_allocations_percentages_read_as_the_allocation_tab_types_them(demo_store):
    from dataclasses import replace
    from fractions import Fraction

    from safer_desk.services import allocation

    demo = "\n".join(d for line in history_lines(demo_store, limit=500) for d in line.details)
    assert "previous total £655,120; retained percentage 10%; fixed share 1/3" in demo
    assert ("total grant £2,900,692; slices LSP share 50%; name of the rest SSP share; retained percentage 10%; "
            "partners 9 …") in demo
    assert "1/10" not in demo and "1/5" not in demo
    exact = next(s for s in allocation.list_scenarios(demo_store) if s.name == "Option 2 with exact shares")
    scenario = allocation.load_scenario(demo_store, exact.id)
    allocation.replace_scenario(demo_store, exact.id, scenario.partnerships,
                                replace(scenario.options, retain=Fraction(1, 8), damping=Fraction(1, 20),
                                        rounding="percent-2dp", unit="penny"))
    details = history_lines(demo_store, limit=1)[0].details
    assert "Changed the retained percentage of allocation scenario Option 2 with exact shares from 10% to 12.5%" \
        in details
    assert "Changed the damping of allocation scenario Option 2 with exact shares from (blank) to ±5%" in details
    assert ("Changed the rounding of allocation scenario Option 2 with exact shares from Exact shares to Shares to "
            "0.01%") in details
    assert "Changed the unit of allocation scenario Option 2 with exact shares from Whole pounds to Pennies" in details


def test_the_import_figures_command_names_its_change_as_the_window_does(demo_path, tmp_path):
    """`safer-desk import-figures` wrote 'Add indicator figure of Plymouth, …' lines where the window's import reads
    'Import figures from figs.csv'."""
    from safer_desk.cli import main
    from safer_desk.services import history
    from safer_desk.storage.store import open_store

    sheet = tmp_path / "figs.csv"
    sheet.write_text("indicator,area,period,value\nAll crime,Plymouth,Dec-16,1234\n", encoding="utf-8")
    assert main(["import-figures", str(demo_path), str(sheet)]) == 0
    store = open_store(demo_path)
    try:
        assert history.actions(store, limit=1)[0].label == "Import figures from figs.csv"
    finally:
        store.close()
