"""Budgets, round 43 (bx3): a linked line names its project as Link line… does.

Link line… told two offices' "Sanctuary scheme" apart in a county file, but once linked, the line's tooltip said
"Linked to Project Sanctuary scheme: cost", as did its right-click Unlink entry and the question Del on its name asks:
which office's project it counts was not said anywhere. Each now names it as the dialog does ("1. Sanctuary scheme
(merged from Mid Suffolk office)").
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.services import budgets as svc
from safer_desk.ui.main_window import undo_words
from tests.budgets.test_link_dialog_round42tsv import BABERGH, LINE, MID, PLAN, files  # noqa: F401 (the fixture)


def _line(tab):
    return next(r for r in range(tab.model.rowCount()) if tab.model.row(r).label == LINE)


def test_a_line_linked_in_a_county_file_says_which_offices_project_it_counts(qtbot, window, files):  # noqa: F811
    assert window.open_path(files.county)
    window.resize(1280, 800)
    window.show()
    tab = window.show_tab("budgets")
    tab.presenter.select(files.plan)
    line_id = tab.model.row(_line(tab)).line_id
    svc.link_line(window.session.store, line_id, project=files.mid_id)
    tab.presenter.select(files.plan)
    index = tab.model.index(_line(tab), 0)
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert f"Linked to Project {MID}: cost" in tip and BABERGH not in tip
    tab.view.setCurrentIndex(index)
    entries = [a.text() for a in tab.view.context_menu(0).actions()]
    assert f"Unlink from Project {MID}: cost" in entries
    question = tab.presenter.delete_question(tab.model.row(_line(tab)))
    assert MID in question
    row = tab.model.row(_line(tab))
    assert tab.presenter.unlink_line(row, row.links[0])
    assert window.session.undo_stack.undoText() == f"Unlink line {LINE} from Project {MID}: cost in plan {PLAN}"
    assert window.undo_action.text() == "&Undo " + undo_words(f"unlink line {LINE} from Project {MID}: cost in plan "
                                                              f"{PLAN}")


def test_in_an_offices_own_file_the_line_names_the_projects_ref_and_title(files):  # noqa: F811
    from safer_desk.presenters.budgets import BudgetsPresenter

    store = files.babergh
    plan = svc.create_plan(store, "Babergh plan", columns=["2025/26"])
    line_id = svc.add_line(store, svc.add_section(store, plan, "Expenditure"), "Sanctuary")
    svc.link_line(store, line_id, project="Sanctuary scheme")
    p = BudgetsPresenter(store)
    p.reload()
    p.select(plan)
    row = next(r for r in p.rows if r.kind == "line")
    # its cost in no year (no start date, no cost lines by year): said, by the same name (round 44)
    assert row.label_tip.splitlines() == [
        "Linked to Project 1. Sanctuary scheme: cost",
        "Project 1. Sanctuary scheme: cost: £10,000 of it is in no year (the project has no start date, and no cost "
        "line gives that money a year), so no year's actual counts it; give the project its start date, or its cost "
        "lines their years, to count it."]
