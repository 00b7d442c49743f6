"""The Budgets presenter without a window: the MTFP's printed £97,200 flagged beside the £212,100 worked out,
TBC / N/K and per-district cells as stated, year-on-year change in £ and %, every change undoable."""

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as service


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def presenter(demo_store, log):
    p = BudgetsPresenter(demo_store, perform=log)
    p.reload()
    return p


def plan(p, start):
    p.select(next(x.id for x in p.plans if x.name.startswith(start)))
    return p


def test_the_mtfp_keeps_the_printed_subtotal_beside_the_worked_out_one_and_flags_it(presenter):
    p = plan(presenter, "East Sussex")
    assert any(x.name.startswith("East Sussex") and x.flags for x in p.plans)
    year = p.columns.index("2012/13")
    printed = next(r for r in p.rows if r.kind == "stated" and "£97,200" in r.cells[year].text)
    assert printed.cells[year].flag and printed.cells[year].status == "stated-differs"
    worked = next(r for r in p.rows if r.kind == "subtotal" and r.cells[year].text == "£212,100")
    assert worked.label == printed.label.removesuffix(" (as printed)")
    assert any("97,200" in w and "212,100" in w for w in p.warnings())
    assert p.summary().endswith(": 1 printed figure disagrees with the lines.")  # not "1 printed figure(s) disagree"


def test_the_financial_implications_show_tbc_nk_and_the_split_per_district(presenter):
    p = plan(presenter, "Western Suffolk")
    dhr = next(r for r in p.rows if r.label.startswith("Domestic Homicide"))
    assert [c.text for c in dhr.cells] == ["£7,525.58", "TBC", "N/K"]
    assert dhr.cells[0].note.startswith("Cost to be reimbursed")
    hardening = next(r for r in p.rows if r.label.startswith("Target Hardening"))
    assert [c.text for c in hardening.cells] == ["£0", "£4,000 (£2,000 per district)", "N/K"]
    assert hardening.cells[1].change == "+£4,000"  # from £0: no percentage
    ecins = next(r for r in p.rows if r.label.startswith("E-CINS"))
    assert ecins.cells[1].change == "£0 (0.0%)"
    net = next(r for r in p.rows if r.kind == "total")
    assert [c.text for c in net.cells] == ["£12,525.58", "£9,000 + TBC", "N/K"]
    assert net.across.text == "£21,525.58 + TBC + N/K"


def test_year_on_year_change_in_pounds_and_percent(presenter):
    p = plan(presenter, "East Sussex")
    total = next(r for r in p.rows if r.kind == "total")
    assert total.cells[1].change.startswith("-£") and "%" in total.cells[1].change


def test_a_new_plan_section_line_and_cells_each_undoable(presenter, demo_store, log):
    before = len(presenter.plans)
    plan_id = presenter.new_plan("Test plan", "2017/18, 2018/19")
    assert presenter.selected == plan_id and len(presenter.plans) == before + 1
    assert presenter.add_section("Items")
    assert presenter.add_line(presenter.sections()[0][0], "DHRs")
    line = next(r for r in presenter.rows if r.kind == "line")
    assert presenter.set_cell(line.line_id, "2017/18", "£7525.58")
    assert presenter.set_cell(line.line_id, "2018/19", "TBC")
    line = next(r for r in presenter.rows if r.kind == "line")
    assert [c.text for c in line.cells] == ["£7,525.58", "TBC"]
    assert log.undo_text == "Undo set DHRs, 2018/19 in plan Test plan"
    log.undo()
    line = next(r for r in presenter.rows if r.kind == "line")
    assert [c.text for c in line.cells] == ["£7,525.58", ""]
    assert not presenter.set_cell(line.line_id, "2018/19", "lots") and presenter.error
    for _ in range(4):
        log.undo()
    assert all(x.id != plan_id for x in service.list_plans(demo_store))


def two_line_plan(presenter, name):
    """A new plan with one section of two lines for 2017/18, £100 and £50: (plan id, section id, line b's id)."""
    plan_id = presenter.new_plan(name, ["2017/18"])
    presenter.add_section("Items")
    section = presenter.sections()[0][0]
    presenter.add_line(section, "A")
    presenter.add_line(section, "B")
    a, b = [r.line_id for r in presenter.rows if r.kind == "line"]
    presenter.set_cell(a, "2017/18", "£100")
    presenter.set_cell(b, "2017/18", "£50")
    return plan_id, section, b


def test_a_printed_total_is_kept_and_flagged_and_a_plan_can_be_deleted_and_undone(presenter, demo_store, log):
    plan_id, section, b = two_line_plan(presenter, "Two lines")
    assert presenter.set_stated_total("2017/18", "£160", section_id=section)
    printed = next(r for r in presenter.rows if r.kind == "stated")
    assert printed.flagged and any("£160" in w and "£150" in w for w in presenter.warnings())
    assert presenter.set_cell(b, "2017/18", "")  # blank clears the cell
    assert next(r for r in presenter.rows if r.line_id == b).cells[0].text == ""
    assert presenter.delete_plan() and all(p.id != plan_id for p in service.list_plans(demo_store))
    log.undo()
    assert any(p.id == plan_id for p in service.list_plans(demo_store)) and presenter.selected == plan_id


def test_lines_need_a_section_and_sections_a_plan(store):
    p = BudgetsPresenter(store)
    p.reload()
    assert p.view is None and "No plan yet" in p.summary() and p.columns == [] and p.sections() == []
    assert not p.add_section("Items") and "plan first" in p.error
    p.new_plan("Empty", "2020/21")
    assert not p.add_line(None, "A") and "section" in p.error
    assert not p.new_plan("Empty", "2020/21") and p.error  # the name is taken


def test_a_read_only_file_changes_nothing(demo_store):
    p = BudgetsPresenter(demo_store, read_only=True)
    p.reload()
    line = next(r for r in p.rows if r.kind == "line")
    assert not p.set_cell(line.line_id, p.columns[0], "£1") and p.new_plan("X", "2020/21") is None
    assert not p.delete_plan()


def test_a_printed_total_typed_over_the_worked_out_one(presenter, demo_store):
    _, section, _ = two_line_plan(presenter, "Printed")
    subtotal = next(r for r in presenter.rows if r.kind == "subtotal")
    assert not presenter.set_printed_total(subtotal, "2017/18", "£150")  # the worked-out figure: nothing kept
    assert not any(r.kind == "stated" for r in presenter.rows)
    assert presenter.set_printed_total(subtotal, "2017/18", "£140")
    printed = next(r for r in presenter.rows if r.kind == "stated")
    assert printed.cells[0].text == "£140" and printed.cells[0].flag and printed.section_id == section
    assert presenter.set_printed_total(printed, "2017/18", "")  # blank removes it
    assert not any(r.kind == "stated" for r in presenter.rows)
    total = next(r for r in presenter.rows if r.kind == "total")
    assert presenter.set_printed_total(total, "2017/18", "£155")
    printed = next(r for r in presenter.rows if r.kind == "stated-total")
    assert printed.cells[0].flag and printed.section_id is None
    assert presenter.set_printed_total(printed, "2017/18", "£150")  # corrected to agree: kept, not flagged
    assert next(r for r in presenter.rows if r.kind == "stated-total").cells[0].flag == ""
    line = next(r for r in presenter.rows if r.kind == "line")
    assert not presenter.set_printed_total(line, "2017/18", "£1")  # a line's cell is set_cell's
    assert not presenter.add_line(section, "Grand total") and "total row" in presenter.error


def test_undone_changes_redo_exactly_even_when_a_later_one_names_a_line_an_earlier_one_made(presenter, demo_store, log):
    from safer_desk.exchange.county_schema import content_checksum

    plan_id = presenter.new_plan("Redo plan", "2017/18")
    assert presenter.add_section("Items")
    assert presenter.add_line(presenter.sections()[0][0], "DHRs")
    line = next(r for r in presenter.rows if r.kind == "line")
    assert presenter.set_cell(line.line_id, "2017/18", "£7,525.58")
    done = content_checksum(demo_store.conn)
    for _ in range(4):
        log.undo()
    for _ in range(4):
        log.redo()  # the line came back under another id, and setting the cell of the first one failed
    assert content_checksum(demo_store.conn) == done
    presenter.select(plan_id)
    line = next(r for r in presenter.rows if r.kind == "line")
    assert [c.text for c in line.cells] == ["£7,525.58"]


# -- corrections: a line or section renamed or deleted, a plan renamed -------------------------------------

def row_named(p, label, kind="line"):
    return next(r for r in p.rows if r.kind == kind and r.label == label)


def test_a_line_and_a_section_are_renamed_and_a_name_that_is_a_total_is_refused(presenter, log):
    p = plan(presenter, "Western Suffolk")
    line = next(r for r in p.rows if r.kind == "line")
    assert p.rename(line, "  Domestic Homicide Reviews  ")
    assert row_named(p, "Domestic Homicide Reviews").cells == line.cells
    assert log.undo_text == (f"Undo rename line {line.label} to Domestic Homicide Reviews in plan "
                             f"{p.view.plan.name}")
    renamed = row_named(p, "Domestic Homicide Reviews")
    assert not p.rename(renamed, "Total") and "looks like a total line" in p.error
    assert not p.rename(renamed, "") and "needs a label" in p.error
    section = next(r for r in p.rows if r.kind == "section")
    assert p.rename(section, "Costs to the partnership")
    assert row_named(p, "Costs to the partnership", "section").section_id == section.section_id
    log.undo()
    log.undo()
    assert row_named(p, line.label).line_id == line.line_id and row_named(p, section.label, "section")


def test_a_line_or_a_section_is_deleted_after_saying_what_goes_with_it(presenter, log):
    p = plan(presenter, "Western Suffolk")
    before = [(r.kind, r.label, r.cells) for r in p.rows]
    line = row_named(p, "E-CINS/Athena Partnership Platform")  # £5,000 (£2,500 per District) twice, and N/K
    assert p.delete_question(line) == "Delete the line “E-CINS/Athena Partnership Platform” with its 3 figures?"
    assert p.delete_row(line)
    assert all(r.line_id != line.line_id for r in p.rows)
    log.undo()
    assert [(r.kind, r.label, r.cells) for r in p.rows] == before
    section = next(r for r in p.rows if r.kind == "section")
    lines = sum(1 for r in p.rows if r.kind == "line" and r.section_id == section.section_id)
    assert p.delete_question(section) == (  # with what its two linked lines will no longer count
        f"Delete the section “{section.label}” with its {lines} lines? “Domestic Homicide Reviews (DHRs)” counts "
        "Review WSCSP-DHR-2017-01: cost, and “Target Hardening for High Risk DV Victims” counts Fund Suffolk Target "
        "Hardening Pilot: contributions from Babergh District Council; Fund Suffolk Target Hardening Pilot: "
        "contributions from Mid Suffolk District Council, which they will no longer do.")
    assert p.delete_row(section)
    assert all(r.section_id != section.section_id for r in p.rows if r.kind in ("line", "section"))
    log.undo()
    assert [(r.kind, r.label, r.cells) for r in p.rows] == before
    total = next(r for r in p.rows if r.kind == "total")
    assert p.delete_question(total) == "" and not p.delete_row(total)


def test_a_linked_line_says_what_it_will_no_longer_count_and_is_not_linked_twice(presenter, demo_store):
    p = plan(presenter, "Western Suffolk")
    line = row_named(p, "Domestic Homicide Reviews (DHRs)")  # linked to the review's cost in the example
    assert p.delete_question(line) == ("Delete the line “Domestic Homicide Reviews (DHRs)” with its 3 figures? It "
                                       "counts Review WSCSP-DHR-2017-01: cost, which it will no longer do.")
    with pytest.raises(service.BudgetError, match="already linked to that review's cost"):  # its cost counted twice
        service.link_line(demo_store, line.line_id, review="wscsp-dhr-2017-01")


def test_a_plan_is_renamed_but_not_to_another_plans_name(presenter, log):
    p = plan(presenter, "Western Suffolk")
    old = p.view.plan.name
    other = next(x.name for x in p.plans if x.name != old)
    assert not p.rename_plan(other) and f"there is already a plan called “{other}”" in p.error
    assert p.rename_plan("WSCSP financial implications")
    assert p.view.plan.name == "WSCSP financial implications"
    assert any(x.name == "WSCSP financial implications" for x in p.plans)
    assert p.delete_plan_question().startswith("Delete the plan “WSCSP financial implications” with its ")
    log.undo()
    assert p.view.plan.name == old and any(x.name == old for x in p.plans)


def test_many_disagreements_are_counted_past_the_first_three(presenter):
    # Lines deleted from the MTFP left nine printed totals disagreeing: nine lines of warnings pushed the grid down
    # to two rows on a laptop. The first three are said, the rest counted; all of them are there to read.
    p = plan(presenter, "East Sussex Community Safety MTFP")
    shown, every = p.warnings_shown()
    assert shown == every and shown.count("\n") == 0  # the one disagreement the paper has
    p.delete_row(next(r for r in p.rows if r.kind == "line" and r.label == "Transport"))
    shown, every = p.warnings_shown()
    assert len(p.warnings()) == 9 and every.count("⚠") == 9
    assert shown.splitlines()[:3] == every.splitlines()[:3]
    assert shown.splitlines()[3] == "… and 6 more, each marked ⚠ in the grid (point here to read them all)."
