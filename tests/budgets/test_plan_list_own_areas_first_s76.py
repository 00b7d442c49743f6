"""The Budgets tab's plan list in a Suffolk office's file (the example, and a district file made from it) put East
Sussex's plans first, though the board report leaves them out as of no area of the office's (and the project register
so leaves out other counties' projects in a county file). The office's own plans now come first and the others are
listed after them, said apart; an office naming no areas yet lists every plan as before."""

from __future__ import annotations

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services.report_sections.budgets import board_report_sections
from tests.cli_run import run

WESTERN = "Western Suffolk CSP financial implications 2017/18 – 2019/20"


def _page(store) -> BudgetsPresenter:
    page = BudgetsPresenter(store)
    page.reload()
    return page


def test_the_offices_own_plans_come_first_and_the_others_are_said_apart(demo_store):
    page = _page(demo_store)
    names = [p.name for p in page.plans]
    assert names[0] == WESTERN and page.selected == page.plans[0].id  # opened on the office's own plan
    assert all(n.startswith("East Sussex") for n in names[1:]) and len(names) == 4  # listed still, after it
    assert page.outside == frozenset(p.id for p in page.plans[1:])
    assert page.outside_note() == ("The last 3 plans are of areas outside this office's (East Sussex): its board "
                                   "report leaves them out.")


def test_the_note_agrees_with_the_board_report(demo_store):
    text = repr(board_report_sections(demo_store))
    page = _page(demo_store)
    for plan in page.plans:
        assert (plan.name in text) is (plan.id not in page.outside)


def test_a_babergh_file_made_from_the_example_the_same(demo_path, capsys):
    code, _, err = run(capsys, "office", demo_path, "--clear", "--district", "Babergh", "--county", "Suffolk",
                       "--name", "Babergh office")
    assert code == 0, err
    from safer_desk.storage.store import open_store

    store = open_store(demo_path, read_only=True)
    try:
        page = _page(store)
        assert not page.plans[0].name.startswith("East Sussex")
        assert {p.name for p in page.plans if p.id in page.outside} == {p.name for p in page.plans
                                                                       if p.name.startswith("East Sussex")}
    finally:
        store.close()


def test_an_office_naming_no_areas_lists_every_plan_as_before(store):
    from safer_desk.services import budgets

    budgets.create_plan(store, "Our plan", columns=["2025/26"])
    page = _page(store)
    assert [p.name for p in page.plans] == ["Our plan"] and page.outside == frozenset() and page.outside_note() == ""


def test_the_tab_lists_them_so_and_says_it(demo_window):
    tab = demo_window.show_tab("budgets")
    names = [tab.plan_list.item(i).text() for i in range(tab.plan_list.count())]
    assert names[0].startswith(WESTERN)
    assert tab.outside_note.text() == tab.presenter.outside_note() != ""
    assert not tab.outside_note.isHidden()
