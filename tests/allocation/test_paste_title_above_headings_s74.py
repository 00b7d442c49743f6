"""A board paper's table copied with its title line above the headings ("Suffolk CSP allocations 2009/10", then
"CSP  Districts  BCS comparator offences 2007-08  Allocation 2008/09") was refused as "Pasted row 2, fixed units:
“Districts” is not a whole number": the officer was told a heading was a mistyped figure. The command's CSV passes
over a title and blank lines above the headings; the paste now does too, and counts rows as copied."""
from __future__ import annotations

import pytest

from safer_desk.domain.allocation import AllocationError
from safer_desk.exchange.files import parse_tsv
from safer_desk.services import allocation_workbench as bench
from safer_desk.services.demo_data.allocation import suffolk_options

HEADINGS = "CSP\tDistricts\tBCS comparator offences 2007-08\tAllocation 2008/09\r\n"
ROWS = "Babergh\t1\t2,442\t£70,725\r\nIpswich\t1\t7,937\t£160,607\r\n"


@pytest.mark.parametrize("above", ["Suffolk CSP allocations 2009/10\r\n",
                                   "Suffolk CSP allocations 2009/10\r\n\t\t\t\r\n",
                                   "Table 2\r\nOption 2 - As per 2008/09\r\n\r\n"],
                         ids=["a title", "a title and a blank line", "two title lines and a blank"])
def test_a_title_above_the_headings_is_passed_over(above):
    state = bench.WorkState((), suffolk_options())
    table = parse_tsv(above + HEADINGS + ROWS, keep_blank_rows=True)
    pasted = bench.with_pasted(state, 0, 0, table)
    assert [(p.name, p.previous_pence) for p in pasted.partnerships] == [("Babergh", 70_725_00),
                                                                         ("Ipswich", 160_607_00)]
    rows, first = bench.pasted_rows(state, 0, 0, table)
    assert rows == table[-2:] and first == len(table) - 1  # Undo names "paste 2 rows"; a refusal, the row as copied


def test_a_row_refused_under_a_title_is_numbered_as_copied():
    state = bench.WorkState((), suffolk_options())
    table = parse_tsv("Suffolk CSP allocations 2009/10\r\n" + HEADINGS + "Babergh\t1\t2,44x\t£70,725\r\n",
                      keep_blank_rows=True)
    with pytest.raises(AllocationError, match=r"^Pasted row 3, BCS comparator offences 2007-08: "):
        bench.with_pasted(state, 0, 0, table)


def test_names_alone_are_still_partnerships():
    state = bench.WorkState((), suffolk_options())
    pasted = bench.with_pasted(state, 0, 0, [["Babergh"], ["Ipswich"]])
    assert [p.name for p in pasted.partnerships] == ["Babergh", "Ipswich"]


def test_ctrl_v_in_the_window_takes_the_rows_under_the_title_as_one_step(qtbot, demo_window, prompts):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    tab = demo_window.show_tab("allocation")
    view = tab.inputs_view
    view.setFocus()
    view.selectAll()
    tab.remove_partnerships()
    view.setCurrentIndex(tab.inputs_model.index(0, 0))
    QGuiApplication.clipboard().setText("Suffolk CSP allocations 2009/10\r\n\r\n" + HEADINGS + ROWS)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert not prompts.errors and "⚠" not in tab.problem
    assert [p.name for p in tab.state.partnerships] == ["Babergh", "Ipswich"]
    assert demo_window.undo_action.text() == "&Undo paste 2 rows"
