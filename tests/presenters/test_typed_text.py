"""Whatever is typed, a screen says what is wrong beside the field or cell, and never fails with an error no screen
expected (the window's "Something went wrong"). Driven with hypothesis through the presenters the window uses.

Found this way: "inf" in a share, a weight or a scale raised an OverflowError; "1e999999999" froze the window
working out a billion digits; 400 nines in the indicator grid became an infinite figure; a date in 9999 stopped a
fund's figures; a blank stage rule raised a KeyError; "NaN" as a review's capped part raised InvalidOperation.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safer_desk.domain.allocation import AllocationError
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.allocation import top_slice_rows
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.presenters.dhr import DhrPresenter, SplitKind
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import allocation_workbench as bench
from safer_desk.services import budgets as budgets_service
from safer_desk.services import dhr
from safer_desk.services import projects as projects_service
from safer_desk.services.demo_data.allocation import suffolk_inputs, suffolk_options

TYPED = st.one_of(
    st.sampled_from(["", "0", "-1", "£1,000", "(5)", "1/3", "100%", "12.5", "1e999999999", "inf", "NaN", "9" * 400,
                     "31/02/2018", "01/01/9999", "1/4/18", "2018-06", "today", "TBC", "N/K", "nil", "-",
                     "£99,999,999,999,999", "Babergh", "Suffolk Constabulary", "x" * 300, "\u0000"]),
    st.text(max_size=8))
FEW = settings(max_examples=120, suppress_health_check=list(HealthCheck), deadline=None)


def fill_and_save(form, texts) -> None:
    """Saved, or not saved with the reason on the form (beside a field or above them)."""
    for f, text in zip(form.fields, texts):
        form.set_value(f.key, text)
    if not form.save():
        assert form.errors or form.slips or form.form_message
        if not form.save():  # a second Save keeps what was queried
            assert form.errors or form.form_message


def test_every_costs_form_takes_any_text(demo_store):
    reviews = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: date(2018, 9, 1))
    reviews.reload()
    fund = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2018, 7, 3))
    fund.reload()
    # one with something outstanding: Payment… on a share paid in full says so and opens no form
    shares = [s for s in dhr.list_shares(demo_store, today=date(2018, 9, 1), case_id=reviews.selected_case.id)
              if s.outstanding_pence][:1]
    forms = [reviews.new_case_form, reviews.edit_case_form, reviews.cost_line_form, reviews.panel_meeting_form,
             reviews.recommendation_form, reviews.stage_rule_form, reviews.bill_form,
             *[lambda s=s: reviews.payment_form(s) for s in shares],
             *[lambda s=s: reviews.refuse_form(s) for s in shares],
             fund.new_fund_form, fund.edit_fund_form, fund.contribution_form, fund.referral_form, fund.spend_form,
             fund.item_form]

    @FEW
    @given(st.sampled_from(forms), st.lists(TYPED, min_size=12, max_size=12))
    def typed(make, texts):
        fill_and_save(make(), texts)

    typed()


def test_the_allocation_inputs_options_and_top_slice_take_any_text():
    state = bench.WorkState(tuple(suffolk_inputs()), suffolk_options())
    columns, options = state.input_columns(), list(bench.OPTION_LABELS)

    @FEW
    @given(st.sampled_from(["cell", "option", "weight", "top-slice"]), TYPED, st.integers(0, 4), st.integers(0, 10))
    def typed(where, text, row, which):
        try:
            if where == "cell":
                result, problem = bench.with_cell(state, row, columns[which % len(columns)], text).calculate()
            elif where == "option":
                result, problem = bench.with_option(state, options[which % len(options)], text).calculate()
            elif where == "weight":
                result, problem = bench.with_factor_weight(state, 0, text).calculate()
            else:
                keys = ["total", "partners", "slice_label", "slice", "retained", "scenario"]
                result, problem = top_slice_rows({k: (text if i == which % 6 else v) for i, (k, v) in enumerate(zip(
                    keys, ["£2,900,692", "9", "LSP share", "50", "10", "20"]))}, "SSP share")
        except AllocationError as refused:  # said beside the cell or field
            assert str(refused)
            return
        assert result or problem  # a split, or why there is none

    typed()


def test_the_indicator_grid_takes_any_text(demo_store):
    p = IndicatorsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2026, 11, 28))
    p.load("district:plymouth", FinancialYear(2016))
    ids = ["indicator:all-crime", "indicator:level-two-ist-incidents-satisfaction"]

    @FEW
    @given(st.sampled_from(ids), st.lists(st.tuples(st.sampled_from(["value", "numerator", "denominator", "comment"]),
                                                    st.integers(0, 11), TYPED), max_size=3))
    def typed(indicator, edits):
        p.choose_indicator(indicator, lambda text: UnsavedChoice.DISCARD)
        for key, col, text in edits:
            p.figures.set_text(key, col, text)
        if not p.save() and not p.save():
            assert p.figures.messages() or p.figures.form_message

    typed()


def test_budget_cells_and_commissioning_take_any_text(demo_store):
    budgets = BudgetsPresenter(demo_store, perform=ActionLog())
    budgets.reload()
    commissioning = CommissioningPresenter(demo_store, perform=ActionLog())
    commissioning.set_projects(projects_service.load_projects(demo_store))
    project_ids = [x.id for x in commissioning.shown_projects()]

    @FEW
    @given(st.sampled_from(["cell", "printed", "fund", "scale"]), TYPED, st.integers(0, 40), st.integers(0, 6))
    def typed(where, text, row, column):
        budgets.select(budgets.plans[row % len(budgets.plans)].id)
        lines = [r for r in budgets.rows if r.line_id]
        if where == "cell":
            column_name, line_id = budgets.columns[column % len(budgets.columns)], lines[row % len(lines)].line_id
            held = budgets_service.cell_holds(demo_store, line_id, column_name, text, note_in_text=True)
            assert budgets.set_cell(line_id, column_name, text) or budgets.error or held  # held: nothing to change
        elif where == "printed":
            budgets.set_printed_total(budgets.rows[row % len(budgets.rows)],
                                      budgets.columns[column % len(budgets.columns)], text)
        elif where == "fund":
            commissioning.set_fund(text)
            assert commissioning.suggestion_text(commissioning.suggest())
        else:
            commissioning.tick(project_ids[row % len(project_ids)])
            assert commissioning.set_scale(project_ids[row % len(project_ids)], text) or commissioning.message
        commissioning.result()

    typed()


def test_a_reviews_split_takes_any_text(demo_store):
    reviews = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: date(2018, 9, 1))
    reviews.reload()
    cases = dhr.list_cases(demo_store, today=date(2018, 9, 1))

    @FEW
    @given(st.integers(0, 5), st.sampled_from(list(SplitKind)), st.lists(st.tuples(st.integers(0, 12), TYPED),
                                                                          max_size=4), TYPED, TYPED)
    def typed(case, kind, percents, cap_percent, cap_amount):
        reviews.select(cases[case % len(cases)].id)
        split = reviews.split_form()
        if split.editable:
            split.set_kind(kind)
            partners = [oid for oid, _ in split.partners]
            for at, text in percents:
                split.set_percent(partners[at % len(partners)], text)
            split.set_cap(payer=partners[0], percent=cap_percent, amount=cap_amount)
        split.rows()
        assert split.save() or split.problem() or split.form_message or not split.is_dirty()
        split.discard()

    typed()
