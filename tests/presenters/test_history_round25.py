"""The History of Changes names what an auditor needs to tell one change from another (round 25).

Found by changing things in each tab and reading View > History of Changes as a county lead checking who changed
what: two months of an indicator's figures read as the same figure ("indicator figure of Plymouth, All crime", no
month) with the file's "1335.0" for the tab's 1,335; setting whose file this is showed the office's internal id and
the areas' ids ("office e50a6ad9…; area partnership:babergh-csp"); and a police.uk import or a county merge was
under "The file" only, so the Indicators (or Costs) filter hid the import that wrote 196 indicator figures.
"""

import re
from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import (BUDGETS, COSTS, FILE, INDICATORS, PROJECTS, filter_predicate,
                                           history_lines)
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.presenters.office import OfficePresenter
from safer_desk.services.police_import import import_police_files
from tests.presenters.test_history_presenter import INTERNAL_ID

POLICE = "/work/shared/data/police-uk/suffolk-2021-01"


def test_each_month_of_a_figure_is_named_with_its_month_and_said_as_the_tab_shows_it(demo_store):
    log = ActionLog()
    page = IndicatorsPresenter(demo_store, perform=log, today=lambda: date(2026, 11, 28))
    page.load("district:plymouth", FinancialYear(2016))
    page.figures.set_text("value", 0, "1,480")
    page.figures.set_text("value", 1, "1,234")
    assert page.save(), page.figures.messages()
    line = history_lines(demo_store)[0]
    assert "Changed the value of indicator figure of Plymouth, All crime, Apr 2016 from 1,335 to 1,480" in line.details
    assert "Changed the value of indicator figure of Plymouth, All crime, May 2016 from 1,576 to 1,234" in line.details
    log.undo()
    undone = history_lines(demo_store)[0]
    assert undone.action == "Undo change Apr 2016 and May 2016 of All crime for Plymouth, 2016/17"
    assert "Changed the value of indicator figure of Plymouth, All crime, May 2016 from 1,234 to 1,576" in \
        undone.details
    assert filter_predicate(text="may 2016 1234")(undone)


def test_an_added_figure_says_its_period_in_words(demo_store):
    words = " ".join(d for line in history_lines(demo_store) for d in line.details
                     if d.startswith("Added indicator figure of Plymouth, All crime"))
    assert "period Apr 2016" in words and "value 1,335;" in words
    assert "period 2016-04" not in words and "1335.0" not in words


def test_setting_whose_file_this_is_names_the_office_and_its_areas_not_their_ids(demo_store):
    log = ActionLog()
    page = OfficePresenter(demo_store, perform=log)
    babergh = next(p for p in page.partnerships() if p.name == "Babergh CSP")
    adur = next(d for d in page.districts() if d.name == "Adur")  # from the national list: added to the file
    page.save([babergh.id], [adur.id], "Suffolk")
    log.undo()  # Adur is taken out of the file again: the line that added it still names it
    undone, line = history_lines(demo_store)[:2]
    for read in (line, undone):
        words = " ".join((read.summary, *read.details))
        assert not INTERNAL_ID.search(words), words
        assert not re.search(r"\b(partnership|district|county):[a-z]", words), words
    office = demo_store.scalar("SELECT value FROM meta WHERE key = 'office_name'")
    assert f"Added office area Babergh CSP: office {office}; kind partnership; area Babergh CSP" in line.details
    assert f"Added office area Adur: office {office}; kind district; area Adur" in line.details


def test_a_budget_s_area_is_named(demo_store):
    added = [d for line in history_lines(demo_store) for d in line.details
             if d.startswith("Added budget East Sussex Community Safety MTFP")]
    assert added and "area East Sussex;" in added[0] and "county:east-sussex" not in added[0]


def test_a_police_import_is_listed_under_indicators_as_well_as_the_file(demo_store):
    import_police_files(demo_store, [POLICE])
    line = history_lines(demo_store)[0]
    assert line.action == "Import police.uk data"
    assert line.areas == (INDICATORS, FILE)
    assert filter_predicate(area=INDICATORS)(line)
    assert not filter_predicate(area=COSTS)(line)


def test_a_merge_reads_as_the_merge_and_is_found_under_the_areas_it_wrote(demo_store, tmp_path):
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import export
    from tests.exchange.helpers import merge_accepting

    exported = export(demo_store, tmp_path / "babergh-export.sqlite")
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge_accepting(county, [exported])
        line = history_lines(county)[0]
    finally:
        county.close()
    office = demo_store.scalar("SELECT value FROM meta WHERE key = 'office_name'")
    assert line.summary.startswith(f"Merge {office} export 1 from babergh-export.sqlite"), line.summary
    assert line.summary.endswith("and 1 more change")  # the key the county lead accepted for it
    assert {PROJECTS, COSTS, INDICATORS, BUDGETS, FILE} <= set(line.areas)
    assert filter_predicate(area=COSTS)(line)


def test_a_budget_figure_is_named_with_its_budget(demo_store):
    from safer_desk.presenters.budgets import BudgetsPresenter
    from safer_desk.services import budgets

    plan_id = budgets.plan_id_by_name(demo_store, "East Sussex Community Safety MTFP 2011/12 – 2014/15")
    page = BudgetsPresenter(demo_store)
    page.select(plan_id)
    employees = next(r for r in page.rows if r.label == "Employees")
    assert page.set_cell(employees.line_id, "2011/12", "£330,000")
    line = history_lines(demo_store)[0]
    assert ("Changed the amount of budget figure of 2011/12, Employees, East Sussex Community Safety MTFP 2011/12 – "
            "2014/15 from £327,800 to £330,000") in line.details, line.details
