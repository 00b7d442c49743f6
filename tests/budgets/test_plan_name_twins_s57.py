"""Plans named alike but for their dash ("Community Safety Budget 2016–17" and "… 2016-17") were both taken, and
`safer-desk budget FILE NAME` then printed the first without a word, where a section's lines and a plan's sections
refuse such twins (typed_name_key: any case, dash or spacing). A plan's name is refused the same way, naming the
plan that has it; a file that already holds twins (written before) has the ambiguous name refused, naming both."""

from __future__ import annotations

import pytest

from safer_desk.domain.budgets import BudgetError
from safer_desk.domain.ids import new_id
from safer_desk.services import budgets as svc
from tests.exchange.helpers import cli_output

EN_DASH = "Community Safety Budget 2016\u201317"


@pytest.mark.parametrize("typed", ["Community Safety Budget 2016-17", "community safety budget 2016\u201417",
                                   "Community  Safety Budget 2016 - 17"])
def test_a_second_plan_named_alike_is_refused_naming_the_first(store, typed):
    svc.create_plan(store, EN_DASH, columns=["2016/17"])
    with pytest.raises(BudgetError, match=f"already a plan called “{EN_DASH}”"):
        svc.create_plan(store, typed, columns=["2016/17"])
    other = svc.create_plan(store, "Safer Plymouth budget", columns=["2016/17"])
    with pytest.raises(BudgetError, match=f"already a plan called “{EN_DASH}”"):
        svc.update_plan(store, other, name=typed)
    assert [p.name for p in svc.list_plans(store)] == [EN_DASH, "Safer Plymouth budget"]


def test_a_plan_keeps_its_own_name_in_other_capitals(store):
    plan = svc.create_plan(store, EN_DASH, columns=["2016/17"])
    assert svc.update_plan(store, plan, name="Community Safety Budget 2016-17")["name"] == \
        "Community Safety Budget 2016-17"


def test_twins_an_older_version_wrote_are_an_ambiguous_name(store, tmp_path):
    first = svc.create_plan(store, EN_DASH, columns=["2016/17"])
    with store.transaction():  # as a version before this check wrote it
        store.conn.execute("INSERT INTO budget_plans(id, name, unit, created_at, updated_at) "
                           "VALUES (?, 'Community Safety Budget 2016-17', 'pound', '', '')", (new_id(),))
    assert svc.plan_id_by_name(store, EN_DASH) == first  # its own name exactly: that plan
    with pytest.raises(BudgetError) as caught:
        svc.plan_id_by_name(store, "community safety budget 2016 - 17")
    said = str(caught.value)
    assert f"“{EN_DASH}”" in said and "“Community Safety Budget 2016-17”" in said
    path = store.path
    store.close()
    code, out, err = cli_output(["budget", str(path), "community safety budget 2016 - 17"])
    assert code == 1 and out == "" and "Community Safety Budget 2016-17" in err and EN_DASH in err


DEMO_PLAN = "Western Suffolk CSP financial implications 2017/18 \u2013 2019/20"
TWIN = "western suffolk CSP financial implications 2017/18 - 2019/20"


def test_the_presenter_refuses_a_new_plan_or_a_renaming_named_alike(demo_store):
    from safer_desk.presenters.budgets import BudgetsPresenter

    p = BudgetsPresenter(demo_store)
    p.reload()
    before = [plan.id for plan in p.plans]
    assert p.new_plan(TWIN, "2017/18, 2018/19") is None
    assert f"there is already a plan called “{DEMO_PLAN}”" in p.error
    assert [plan.id for plan in p.plans] == before
    other = next(plan for plan in p.plans if plan.name != DEMO_PLAN)
    p.select(other.id)
    assert not p.rename_plan(TWIN) and f"there is already a plan called “{DEMO_PLAN}”" in p.error


def test_the_window_s_new_plan_refuses_a_name_alike_and_keeps_what_was_typed(qtbot, tab):
    from PySide6.QtCore import Qt

    from tests.budgets.test_printed_totals_and_years import said

    count = tab.plan_list.count()
    qtbot.keyClicks(tab.plan_name, TWIN)
    qtbot.keyClicks(tab.plan_years, "2017/18, 2018/19")
    qtbot.mouseClick(tab.new_plan_button, Qt.MouseButton.LeftButton)
    assert f"there is already a plan called “{DEMO_PLAN}”" in said(tab)
    assert tab.plan_list.count() == count and tab.plan_name.text() == TWIN
