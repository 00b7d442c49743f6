"""Budgets, round 37 (al2): a section held two lines named "Staff" and "staff" (and a plan two sections "Income" and
"income"), which the grid, its refusals and `safer-desk budget` could not tell apart ("Staff, 2012/13: …" was either).

Names are compared as the rest of the program compares names typed (``typed_name_key``: any case, dash or spacing):
the second is refused saying what to do. Lines of one name in two sections stay allowed (refusals name the section
beside them). A file an older version wrote with both still opens and shows both, figures and all.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.budgets import BudgetError
from safer_desk.services import budgets as svc
from safer_desk.domain.ids import new_id


@pytest.fixture
def plan(store):
    plan = svc.create_plan(store, "Community Safety MTFP", columns=["2012/13", "2013/14"])
    spending = svc.add_section(store, plan, "Expenditure")
    svc.add_line(store, spending, "Staff")
    svc.add_line(store, spending, "Transport \u2013 vans")
    return plan, spending


@pytest.mark.parametrize("label", ["staff", "STAFF ", "Staff", "transport - vans", "Transport  \u2014 Vans"])
def test_a_second_line_of_the_same_name_in_a_section_is_refused_saying_what_to_do(store, plan, label):
    _, spending = plan
    with pytest.raises(BudgetError) as caught:
        svc.add_line(store, spending, label)
    said = str(caught.value)
    assert said.startswith("Line: Expenditure already has a line “")
    assert "type its figures in that line, or give this one a name of its own" in said
    assert len(svc.load_plan(store, plan[0]).sections[0].lines) == 2  # nothing added


def test_the_same_name_in_another_section_is_still_a_line_of_its_own(store, plan):
    income = svc.add_section(store, plan[0], "Income and grants", kind="income")
    svc.add_line(store, income, "Staff")  # staff recharged to a partner: the section tells the two apart
    assert [len(s.lines) for s in svc.load_plan(store, plan[0]).sections] == [2, 1]


def test_a_line_renamed_to_another_lines_name_is_refused_but_its_own_in_another_case_is_not(store, plan):
    staff, transport = (line.id for line in svc.load_plan(store, plan[0]).sections[0].lines)
    with pytest.raises(BudgetError, match="Expenditure already has a line “Staff”"):
        svc.update_line(store, transport, label="STAFF")
    assert svc.update_line(store, staff, label="STAFF") == {"label": "STAFF"}


def test_a_line_moved_into_a_section_with_a_line_of_its_name_is_refused(store, plan):
    income = svc.add_section(store, plan[0], "Income and grants", kind="income")
    recharged = svc.add_line(store, income, "staff")
    with pytest.raises(BudgetError, match="Expenditure already has a line “Staff”: rename one of them"):
        svc.move_line_to_section(store, recharged, plan[1])


@pytest.mark.parametrize("name", ["expenditure", " EXPENDITURE"])
def test_a_second_section_of_the_same_name_is_refused(store, plan, name):
    with pytest.raises(BudgetError) as caught:
        svc.add_section(store, plan[0], name)
    assert str(caught.value).startswith("Section: the plan already has a section “Expenditure”")
    assert "add the lines to that section, or give this one a name of its own" in str(caught.value)


def test_a_section_renamed_to_another_sections_name_is_refused_but_its_own_in_another_case_is_not(store, plan):
    income = svc.add_section(store, plan[0], "Income", kind="income")
    with pytest.raises(BudgetError, match="already has a section “Expenditure”"):
        svc.update_section(store, income, name="expenditure")
    assert svc.update_section(store, plan[1], name="EXPENDITURE") == {"name": "EXPENDITURE"}


# -- a file an older version wrote ------------------------------------------------------------------------------------

def _older_versions_lines(store, plan) -> tuple[str, str]:
    """Two lines "Staff" and "staff" in one section, with a figure each, as a version before this one let them be."""
    plan_id, spending = plan
    staff = next(line.id for line in svc.load_plan(store, plan_id).sections[0].lines if line.label == "Staff")
    second = new_id()
    with store.transaction():
        store.conn.execute("INSERT INTO budget_lines(id, section_id, position, label, notes) VALUES (?, ?, 5, ?, '')",
                           (second, spending, "staff"))
    svc.set_cell(store, staff, "2012/13", "1,000")
    svc.set_cell(store, second, "2012/13", "250")
    return staff, second


def test_an_older_files_two_lines_of_one_name_are_both_kept_and_counted(store, plan):
    staff, second = _older_versions_lines(store, plan)
    lines = svc.load_plan(store, plan[0]).sections[0].lines
    assert [line.label for line in lines] == ["Staff", "Transport \u2013 vans", "staff"]
    rows = svc.budget_csv_rows(store, "Community Safety MTFP")
    assert [r[2:5] for r in rows if r[2].casefold() == "staff"] == [["Staff", "2012/13", "1000"],
                                                                    ["staff", "2012/13", "250"]]
    view = svc.plan_view(store, plan[0])
    assert "£1,250" in [c.text for r in view.rows for c in r.cells]  # the section's subtotal counts both
    svc.update_line(store, second, label="Staff (agency)")  # either can be renamed apart
    svc.update_line(store, staff, label="staff")  # or the first renamed within its own name
    assert sorted(line.label for line in svc.load_plan(store, plan[0]).sections[0].lines) == [
        "Staff (agency)", "Transport \u2013 vans", "staff"]


def test_an_older_files_two_lines_of_one_name_show_in_the_window(window, store, plan, tmp_path):
    _older_versions_lines(store, plan)
    path = store.path
    store.close()
    assert window.open_path(path)
    window.show()
    tab = window.show_tab("budgets")
    labels = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    assert "Staff" in labels and "staff" in labels


def test_in_the_window_a_second_staff_line_is_refused_and_what_was_typed_stays(qtbot, window, store, plan):
    path = store.path
    store.close()
    assert window.open_path(path)
    window.show()
    tab = window.show_tab("budgets")
    before = [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    tab.line_label.setFocus()
    qtbot.keyClicks(tab.line_label, "staff")
    qtbot.keyClick(tab.line_label, Qt.Key.Key_Return)
    assert [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())] == before
    assert tab.message.isVisibleTo(tab) and "Expenditure already has a line “Staff”" in tab.message.text()
    assert tab.line_label.text() == "staff"  # to be given a name of its own, not typed again
