"""Undo puts the file back exactly as it was before the action, and redo exactly as it was after it: every row of
every table, with the same ids, including rows of other screens that point at the record (a budget line's link to
a review, a project or a fund, a commissioning scenario's tick).

Found by a random walk of actions, undos and redos through the presenters: undoing a refusal, a payment or any
other change to a review dropped the budget plan's link to that review (the review was deleted and written again,
and the link went with it); undoing the delete of a project or a review did not bring its budget links back;
every save of a project wrote its cost lines, officers, funding sources and status history again under new ids (and
of an allocation or commissioning scenario its rows and ticks); and a redo in Budgets made the change again, so a
plan or line came back under a new id and the next redo, naming the old one, failed ("That plan is no longer in the
file").
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safer_desk.domain.periods import FinancialYear
from safer_desk.exchange.county_schema import content_checksums, data_tables
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.allocation import AllocationPresenter
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.indicators import IndicatorForm, IndicatorsPresenter
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import allocation as allocation_service
from safer_desk.services import budgets, dhr, funds
from safer_desk.services import projects as projects_service
from safer_desk.services import projects_commissioning as com
from safer_desk.storage.store import open_store


def content(store) -> dict[str, str]:
    """Each data table's checksum: its rows, ids and all."""
    return content_checksums(store.conn, data_tables(store.conn))[1]


def changed(before: dict[str, str], store) -> list[str]:
    now = content(store)
    return sorted(t for t in set(before) | set(now) if before.get(t) != now.get(t))


def links(store, column: str, target: str) -> list[tuple]:
    return [tuple(r) for r in store.rows(f"SELECT * FROM budget_line_links WHERE {column} = ? ORDER BY id", (target,))]


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def reviews(demo_store, log):
    p = DhrPresenter(demo_store, perform=log, today=lambda: date(2018, 9, 1))
    p.reload()
    return p


@pytest.fixture
def register(demo_store, log):
    p = ProjectsPresenter(demo_store, perform=log, today=lambda: date(2026, 4, 1))
    p.reload()
    return p


def linked_case(store) -> str:
    return store.scalar("SELECT case_id FROM budget_line_links WHERE case_id IS NOT NULL")


def a_budget_line(store) -> str:
    return store.scalar("SELECT id FROM budget_lines ORDER BY id LIMIT 1")


def test_undoing_a_refusal_keeps_the_budget_s_link_to_the_review(reviews, demo_store, log):
    case_id = linked_case(demo_store)
    kept = links(demo_store, "case_id", case_id)
    assert kept  # the example's budget plan links a line to this review
    reviews.select(case_id)
    share = next(s for s in dhr.list_shares(demo_store, today=date(2018, 9, 1), case_id=case_id)
                 if s.status == "invoiced" and s.outstanding_pence)
    before = content(demo_store)
    form = reviews.refuse_form(share)
    form.set_value("reason", "Not our review")
    assert form.save() or form.save(), form.errors or form.form_message
    log.undo()
    assert links(demo_store, "case_id", case_id) == kept
    assert changed(before, demo_store) == []
    # The history says what the undo changed back, not a share (and its payments) removed and added again.
    line = history_lines(demo_store)[0]
    assert line.action.startswith("Undo refused") and line.summary.startswith("Changed the status, status date and "
                                                                                "reason of partner share")
    log.redo()
    assert links(demo_store, "case_id", case_id) == kept


def test_undoing_the_delete_of_a_review_brings_back_its_budget_link(reviews, demo_store, log):
    case_id = linked_case(demo_store)
    kept = links(demo_store, "case_id", case_id)
    reviews.select(case_id)
    before = content(demo_store)
    reviews.delete_case()
    assert links(demo_store, "case_id", case_id) == []
    log.undo()
    assert links(demo_store, "case_id", case_id) == kept
    assert changed(before, demo_store) == []


def test_undoing_the_delete_of_a_project_brings_back_its_budget_link_and_its_rows(register, demo_store, log):
    project = next(p for p in register.rows if p.cost_lines)
    budgets.link_line(demo_store, a_budget_line(demo_store), project=project.id)
    kept = links(demo_store, "project_id", project.id)
    before = content(demo_store)
    register.delete([project.id])
    log.undo()
    assert links(demo_store, "project_id", project.id) == kept
    assert changed(before, demo_store) == []


def child_ids(store, project_id: str) -> dict[str, list[str]]:
    return {t: [r[0] for r in store.rows(f"SELECT id FROM {t} WHERE project_id = ? ORDER BY position", (project_id,))]
            for t in ("project_cost_lines", "project_officers", "project_status_history", "project_funding_sources")}


def test_saving_a_project_keeps_the_ids_of_its_cost_lines_and_other_rows(register, demo_store, log):
    project = next(p for p in register.rows if p.cost_lines and p.officers)
    ids = child_ids(demo_store, project.id)
    register.select(project.id)
    register.editor.set_value("cost_note", "checked against the paper")
    assert register.save()
    assert child_ids(demo_store, project.id) == ids  # one changed row, not every row deleted and added again
    entries = demo_store.rows("SELECT table_name, action FROM audit_log WHERE action_label = ?",
                              (log.done[-1].text,))
    assert {(r[0], r[1]) for r in entries} == {("projects", "update")}


def test_undo_and_redo_of_a_project_save_that_drops_a_cost_line_give_the_file_back_exactly(register, demo_store, log):
    project = next(p for p in register.rows if len(p.cost_lines) >= 2)
    before = content(demo_store)
    register.select(project.id)
    register.editor.set_cost_lines([[c.financial_year, c.category, c.description, c.amount.text]
                                    for c in project.cost_lines[1:]])
    assert register.save() or register.save()
    after = content(demo_store)
    assert after != before
    log.undo()
    assert changed(before, demo_store) == []
    log.redo()
    assert changed(after, demo_store) == []


def test_undo_and_redo_of_an_added_project_give_the_file_back_exactly(register, demo_store, log):
    before = content(demo_store)
    register.add_project()
    register.editor.set_value("title", "Nightsafe")
    register.editor.set_value("cost", "£4,000")
    assert register.save()
    after = content(demo_store)
    log.undo()
    assert changed(before, demo_store) == []
    log.redo()
    assert changed(after, demo_store) == []


def test_undoing_the_delete_of_a_fund_s_referral_spend_keeps_the_budget_s_fund_links(demo_store, log):
    fund_id = demo_store.scalar("SELECT fund_id FROM budget_line_links WHERE fund_id IS NOT NULL")
    kept = links(demo_store, "fund_id", fund_id)
    page = FundsPresenter(demo_store, perform=log, today=lambda: date(2018, 7, 3))
    page.reload(select=fund_id)
    before = content(demo_store)
    form = page.edit_fund_form()
    form.set_value("purpose", "Locks and chains for victims who stay at home")
    assert form.save() or form.save()
    log.undo()
    assert links(demo_store, "fund_id", fund_id) == kept
    assert changed(before, demo_store) == []
    assert funds.get_fund(demo_store, fund_id).purpose != "Locks and chains for victims who stay at home"


# -- any run of actions ------------------------------------------------------------------------------------------
def _money(draw) -> str:
    return f"£{draw(st.integers(1, 5000))}{draw(st.sampled_from(['', '.50', '.01']))}"


def _day(draw) -> str:
    return f"{draw(st.integers(1, 28)):02d}/{draw(st.integers(1, 12)):02d}/2018"


def _save(form, values: dict[str, str]) -> None:
    for key, value in values.items():
        form.set_value(key, value)
    form.save() or form.save()  # a query is answered by saving again; a refusal leaves nothing done


class Screens:
    def __init__(self, store, log):
        self.store = store
        self.reviews = DhrPresenter(store, perform=log, today=lambda: date(2018, 9, 1))
        self.fund = FundsPresenter(store, perform=log, today=lambda: date(2018, 7, 3))
        self.register = ProjectsPresenter(store, perform=log, today=lambda: date(2026, 4, 1))
        self.budgets = BudgetsPresenter(store, perform=log)
        for p in (self.reviews, self.fund, self.register, self.budgets):
            p.reload()
        self.indicators = IndicatorsPresenter(store, perform=log, today=lambda: date(2026, 11, 28))
        self.indicators.load("district:plymouth", FinancialYear(2016))
        self.log = log
        self.commissioning = CommissioningPresenter(store, perform=log)
        self.allocation = AllocationPresenter(store, perform=log)

    def case(self, draw) -> bool:
        if self.reviews.rows:
            self.reviews.select(draw(st.sampled_from([c.id for c in self.reviews.rows])))
        return self.reviews.selected_case is not None

    def share(self, draw):
        shares = dhr.list_shares(self.store, today=date(2018, 9, 1), case_id=self.reviews.selected)
        return draw(st.sampled_from(shares)) if shares else None

    def pick_fund(self, draw) -> bool:
        found = funds.list_funds(self.store)
        if found:
            self.fund.select(draw(st.sampled_from([f.id for f in found])))
        return bool(found)

    # each action: what a person does on one screen
    def new_case(self, draw):
        _save(self.reviews.new_case_form(), {"reference": f"REF-{draw(st.integers(0, 10**6))}",
                                             "notified_on": _day(draw)})

    def cost_line(self, draw):
        if self.case(draw):
            _save(self.reviews.cost_line_form(), {"description": "Chair", "amount": _money(draw),
                                                  "invoiced_on": _day(draw)})

    def bill(self, draw):
        if self.case(draw):
            _save(self.reviews.bill_form(), {})

    def payment(self, draw):
        if self.case(draw) and (share := self.share(draw)) is not None:
            _save(self.reviews.payment_form(share), {"amount": _money(draw), "paid_on": _day(draw)})

    def refusal(self, draw):
        if self.case(draw) and (share := self.share(draw)) is not None:
            _save(self.reviews.refuse_form(share), {"reason": "Not ours", "on": _day(draw)})

    def edit_case(self, draw):
        if self.case(draw):
            _save(self.reviews.edit_case_form(), {"notes": f"n{draw(st.integers(0, 99))}", "decision_on": _day(draw)})

    def split(self, draw):
        if self.case(draw):
            grid = self.reviews.split_form()
            grid.share_equally()
            grid.save()

    def delete_case(self, draw):
        if self.case(draw):
            self.reviews.delete_case()

    def delete_cost_line(self, draw):
        if self.case(draw) and (lines := dhr.cost_lines(self.store, self.reviews.selected)):
            self.reviews.delete_cost_line(draw(st.sampled_from(lines)))

    def new_fund(self, draw):
        _save(self.fund.new_fund_form(), {"name": f"Fund {draw(st.integers(0, 10**5))}", "starts_on": "01/04/2018",
                                          "ends_on": "31/03/2019"})

    def edit_fund(self, draw):
        if self.pick_fund(draw):
            _save(self.fund.edit_fund_form(), {"purpose": f"p{draw(st.integers(0, 99))}"})

    def referral(self, draw):
        if self.pick_fund(draw):
            _save(self.fund.referral_form(), {"reference": f"TH-{draw(st.integers(0, 10**5))}",
                                              "referred_on": _day(draw)})

    def spend(self, draw):
        if self.pick_fund(draw) and funds.list_referrals(self.store, self.fund.selected):
            _save(self.fund.spend_form(), {"amount": _money(draw), "spent_on": _day(draw)})

    def add_project(self, draw):
        self.register.add_project()
        self.register.editor.set_value("title", f"Project {draw(st.integers(0, 10**5))}")
        self.register.editor.set_value("cost", _money(draw))
        self.register.save() or self.register.save()

    def edit_project(self, draw):
        if self.register.rows:
            project = draw(st.sampled_from(self.register.rows))
            self.register.select(project.id)
            self.register.editor.set_cost_lines([[c.financial_year, c.category, c.description, c.amount.text]
                                                 for c in project.cost_lines[draw(st.integers(0, 1)):]])
            self.register.editor.set_value("cost_note", f"c{draw(st.integers(0, 99))}")
            self.register.save() or self.register.save()

    def delete_project(self, draw):
        if self.register.rows:
            self.register.delete([draw(st.sampled_from(self.register.rows)).id])

    def paste(self, draw):
        title = f"Pasted {draw(st.integers(0, 999))}"
        preview = self.register.paste_preview([["Title", "Cost"], [title, _money(draw)]])
        self.register.add_pasted(preview.projects())

    def plan(self, draw) -> bool:
        if self.budgets.plans:
            self.budgets.select(draw(st.sampled_from([p.id for p in self.budgets.plans])))
        return self.budgets.selected is not None

    def new_plan(self, draw):
        self.budgets.new_plan(f"Plan {draw(st.integers(0, 999))}", "2017/18, 2018/19")

    def budget_line(self, draw):
        if not self.plan(draw):
            return
        if self.budgets.sections():  # one action a step: a line, or the section a new plan needs first
            section = draw(st.sampled_from(self.budgets.sections()))[0]
            self.budgets.add_line(section, f"Line {draw(st.integers(0, 999))}")
        else:
            self.budgets.add_section("Items")

    def budget_cell(self, draw):
        if self.plan(draw) and (lines := [r for r in self.budgets.rows if r.kind == "line"]):
            self.budgets.set_cell(draw(st.sampled_from(lines)).line_id, draw(st.sampled_from(self.budgets.columns)),
                                  draw(st.sampled_from(["£100", "TBC", "", "£2,000 (£400 per District)"])))

    def delete_plan(self, draw):
        if self.plan(draw):
            self.budgets.delete_plan()

    def commissioning_save(self, draw):
        scenarios = com.list_scenarios(self.store)
        self.commissioning.set_projects(projects_service.load_projects(self.store))
        if scenarios and draw(st.booleans()):
            self.commissioning.load(draw(st.sampled_from([s.id for s in scenarios])))
        else:
            self.commissioning.new()
            self.commissioning.set_name(f"Scenario {draw(st.integers(0, 999))}")
            self.commissioning.set_fund("£50,000")
        project = draw(st.sampled_from([p.id for p in self.commissioning.projects]))
        self.commissioning.tick(project, project not in self.commissioning.ticks)
        self.commissioning.save()

    def commissioning_delete(self, draw):
        scenarios = com.list_scenarios(self.store)
        if scenarios:
            self.commissioning.set_projects(projects_service.load_projects(self.store))
            self.commissioning.load(draw(st.sampled_from([s.id for s in scenarios])))
            self.commissioning.delete()

    def allocation_save_as_new(self, draw):
        self.allocation.save_as_new(f"Option {draw(st.integers(0, 999))}", "2009/10")

    def allocation_delete(self, draw):
        scenarios = allocation_service.list_scenarios(self.store)
        if scenarios:
            self.allocation.delete(draw(st.sampled_from([s.id for s in scenarios])))

    def figures(self, draw):
        self.indicators.refresh()
        ids = [r.indicator.id for r in self.indicators.rows]
        if not ids or not self.indicators.choose_indicator(draw(st.sampled_from(ids)), lambda text: None):
            return
        grid = self.indicators.figures
        grid.set_text("value", draw(st.integers(0, 11)), draw(st.sampled_from(["", "0", "12", "1,480", "99.5"])))
        grid.save() or grid.save()
        grid.discard()  # a refused save (a red figure needs a comment) leaves nothing typed for the next step

    def target(self, draw):
        self.indicators.refresh()
        if self.indicators.view is None:
            return
        form = IndicatorForm.make(self.store, self.indicators.view, self.indicators.area_id, self.indicators.year,
                                  perform=self.log)
        form.set_value("target_kind", draw(st.sampled_from(["annual", ""])))
        form.set_value("target_value", str(draw(st.integers(1, 500))))
        form.save() or form.save()

    def link(self, draw):
        targets = [("project", p.id) for p in self.register.rows[:5]] + \
                  [("review", c.id) for c in self.reviews.rows] + [("fund", f.id) for f in funds.list_funds(self.store)]
        kind, target = draw(st.sampled_from(targets))
        budgets.link_line(self.store, a_budget_line(self.store), **{kind: target})  # not undoable: a fixed point

    # -- corrections of what was keyed wrongly ----------------------------------------------------------
    def delete_payment(self, draw):
        if not self.case(draw):
            return
        paid = [s for s in dhr.list_shares(self.store, today=date(2018, 9, 1), case_id=self.reviews.selected)
                if s.paid_pence]
        if paid:
            form = self.reviews.delete_payment_form(draw(st.sampled_from(paid)))
            payments = [key for key, _ in form.fields[0].choices]
            _save(form, {"payment": draw(st.sampled_from(payments))})

    def reopen(self, draw):
        if not self.case(draw):
            return
        closed = [s for s in dhr.list_shares(self.store, today=date(2018, 9, 1), case_id=self.reviews.selected)
                  if s.status != "invoiced"]
        if closed:
            self.reviews.reopen_share(draw(st.sampled_from(closed)))

    def recommendation(self, draw):
        if self.case(draw):
            _save(self.reviews.recommendation_form(), {"text": f"Train staff {draw(st.integers(0, 99))}",
                                                       "due_on": _day(draw)})

    def edit_recommendation(self, draw):
        if self.case(draw) and (recs := self.reviews.details().actions):
            _save(self.reviews.edit_recommendation_form(draw(st.sampled_from(recs))),
                  {"owner": "Housing", "completed_on": _day(draw)})

    def delete_recommendation(self, draw):
        if self.case(draw) and (recs := self.reviews.details().actions):
            self.reviews.delete_recommendation(draw(st.sampled_from(recs)))

    def panel_meeting(self, draw):
        if self.case(draw):
            _save(self.reviews.panel_meeting_form(), {"met_on": _day(draw), "note": "Panel"})

    def delete_panel_meeting(self, draw):
        if self.case(draw) and (meetings := self.reviews.details().meetings):
            self.reviews.delete_panel_meeting(draw(st.sampled_from(meetings)))

    def fund_shown(self, draw) -> bool:
        """A fund chosen and read, as the page reads the fund chosen."""
        if self.pick_fund(draw):
            self.fund.reload(select=self.fund.selected)
        return self.fund.fund is not None

    def contribution(self, draw):
        if self.fund_shown(draw):
            _save(self.fund.contribution_form(), {"organisation": "Babergh District Council", "amount": _money(draw)})

    def delete_contribution(self, draw):
        if self.fund_shown(draw) and (given := funds.contributions(self.store, self.fund.selected)):
            self.fund.delete_contribution(draw(st.sampled_from(given)))

    def edit_referral(self, draw):
        if self.fund_shown(draw) and self.fund.data.referrals:
            referral = draw(st.sampled_from(self.fund.data.referrals))
            _save(self.fund.edit_referral_form(referral), {"district": draw(st.sampled_from(["Babergh", "Ipswich"])),
                                                           "referred_on": _day(draw)})

    def delete_referral(self, draw):
        if self.fund_shown(draw) and self.fund.data.referrals:
            self.fund.delete_referral(draw(st.sampled_from(self.fund.data.referrals)))

    def edit_spend_line(self, draw):
        if self.fund_shown(draw) and self.fund.data.lines:
            _save(self.fund.edit_spend_form(draw(st.sampled_from(self.fund.data.lines))), {"amount": _money(draw)})

    def edit_contribution(self, draw):
        if self.fund_shown(draw) and self.fund.data.contributions:
            _save(self.fund.edit_contribution_form(draw(st.sampled_from(self.fund.data.contributions))),
                  {"amount": _money(draw)})

    def edit_cost_line(self, draw):
        if self.case(draw) and (lines := dhr.cost_lines(self.store, self.reviews.selected)):
            _save(self.reviews.edit_cost_line_form(draw(st.sampled_from(lines))), {"amount": _money(draw)})

    def delete_spend_line(self, draw):
        if self.fund_shown(draw) and (lines := funds.list_spend_lines(self.store, self.fund.selected)):
            self.fund.delete_spend_line(draw(st.sampled_from(lines)))

    def item(self, draw):
        self.fund.reload()
        _save(self.fund.item_form(), {"name": draw(st.sampled_from(["Door chain", "Smoke alarm", "Door viewer"])),
                                      "usual_price": _money(draw)})

    def delete_item(self, draw):
        self.fund.reload()
        self.fund.delete_item(draw(st.sampled_from(funds.list_items(self.store))))

    def rename_budget_row(self, draw):
        if self.plan(draw) and (named := [r for r in self.budgets.rows if r.kind in ("line", "section")]):
            self.budgets.rename(draw(st.sampled_from(named)), f"Renamed {draw(st.integers(0, 999))}")

    def delete_budget_row(self, draw):
        if self.plan(draw) and (named := [r for r in self.budgets.rows if r.kind in ("line", "section")]):
            self.budgets.delete_row(draw(st.sampled_from(named)))

    def delete_indicator(self, draw):
        self.indicators.refresh()
        if ids := [r.indicator.id for r in self.indicators.rows]:
            self.indicators.delete_indicator(draw(st.sampled_from(ids)))

    def agree_allocation(self, draw):
        if scenarios := allocation_service.list_scenarios(self.store):
            scenario = draw(st.sampled_from(scenarios))
            (self.allocation.unadopt if scenario.adopted else self.allocation.adopt)(scenario.id)

    ACTIONS = ("new_case", "cost_line", "bill", "payment", "refusal", "edit_case", "split", "delete_case",
               "delete_cost_line", "new_fund", "edit_fund", "referral", "spend", "add_project", "edit_project",
               "delete_project", "paste", "new_plan", "budget_line", "budget_cell", "delete_plan", "commissioning_save",
               "commissioning_delete", "allocation_save_as_new", "allocation_delete", "figures", "target",
               "delete_payment", "reopen", "recommendation", "edit_recommendation", "delete_recommendation",
               "panel_meeting", "delete_panel_meeting", "contribution", "delete_contribution", "edit_referral",
               "delete_referral", "delete_spend_line", "item", "delete_item", "rename_budget_row", "delete_budget_row",
               "delete_indicator", "agree_allocation", "edit_spend_line", "edit_contribution", "edit_cost_line")


@settings(max_examples=25, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.data())
def test_any_run_of_actions_undone_and_redone_gives_the_file_back_exactly(demo_master, tmp_path_factory, data):
    path = tmp_path_factory.mktemp("walk") / "example.sqlite"
    shutil.copyfile(demo_master, path)
    store = open_store(path)
    try:
        log = ActionLog()
        screens = Screens(store, log)
        screens.link(data.draw)  # a budget line linked to something the actions may change
        states = [content(store)]  # states[n]: the file after n actions done
        ahead: list[dict[str, str]] = []  # what each redo must give, the next one last
        for _ in range(data.draw(st.integers(5, 25), label="steps")):
            move = data.draw(st.sampled_from(["do", "do", "do", "undo", "redo"]), label="move")
            if move == "undo" and log.done:
                action = log.undo()
                ahead.append(states.pop())
                assert changed(states[-1], store) == [], f"undo of {action.text!r}"
            elif move == "redo" and log.undone:
                action = log.redo()
                states.append(ahead.pop())
                assert changed(states[-1], store) == [], f"redo of {action.text!r}"
            else:
                name = data.draw(st.sampled_from(Screens.ACTIONS), label="action")
                done = len(log.done)
                try:
                    getattr(screens, name)(data.draw)
                except (LookupError, ValueError):  # nothing selected, or refused (a billed cost stays): said so
                    pass
                if len(log.done) > done:
                    states.append(content(store))
                    ahead.clear()
                else:
                    assert changed(states[-1], store) == [], f"{name} wrote without an action to undo"
        while log.done:
            action = log.undo()
            states.pop()
            assert changed(states[-1], store) == [], f"undo of {action.text!r}"
    finally:
        store.close()
