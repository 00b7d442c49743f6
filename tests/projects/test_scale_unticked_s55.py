"""A scale typed in the Scale cell of a project not ticked, then refused or asked about (session 55, a tester):
the cell ticked the project first, so "1/0" refused, "6" asked about ("Type 6 again to keep it") or "£2,000,000"
asked about left Supported accommodation (£105,000) ticked in full, the fund over-committed by £39,488 and not a
word about it. The project is ticked only with a scale taken."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from tests.kit.test_enter_refused_keeps_typing_s54 import _type, _window
from tests.projects.test_scale_amount_s53 import presenter


def test_a_scale_refused_or_asked_about_leaves_a_project_not_ticked_as_it_was(demo_store):
    p, ref = presenter(demo_store)
    p.new()
    p.set_fund("£65,512")
    pid = ref["10"].id
    for text in ("1/0", "6", "£2,000,000"):
        assert not p.type_scale(pid, text), text
        assert pid not in p.ticks and p.result().commitment.committed_pence == 0, text
        assert p.message, text
    assert p.type_scale(pid, "£2,000,000")  # asked about, typed again: kept, and now ticked
    assert pid in p.ticks and p.result().commitment.committed_pence == 200_000_000
    assert p.type_scale(pid, "1/2") and p.result().commitment.committed_pence == 5_250_000


def test_a_scale_asked_about_keeps_a_ticked_project_at_its_scale(demo_store):
    p, ref = presenter(demo_store)
    p.new()
    pid = ref["10"].id
    p.tick(pid)
    assert p.type_scale(pid, "1/3")
    assert not p.type_scale(pid, "6")
    assert p.ticks[pid].describe() == "1/3"


def test_a_project_with_no_cost_ticked_by_its_scale_says_it_cannot_be_committed(demo_store):
    p, ref = presenter(demo_store)
    p.new()
    no_cost = next(x for x in p.projects if x.planning_pence is None)
    assert p.type_scale(no_cost.id, "1/2")
    assert no_cost.id in p.ticks and "no cost is stated" in p.message


def test_the_scale_cell_of_a_project_not_ticked_ticks_it_only_when_taken(demo_window, qtbot, prompts):
    page = _window(demo_window, qtbot).show_tab("projects").show_commissioning()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 1).data() == "10")
    tick, scale = page.proxy.index(row, page.model.TICK), page.proxy.index(row, page.model.SCALE)
    assert tick.data(Qt.ItemDataRole.CheckStateRole) in (Qt.CheckState.Unchecked, Qt.CheckState.Unchecked.value)
    _type(qtbot, page.view, scale, "6")
    assert "Type 6 again to keep it" in page.message.text()
    assert tick.data(Qt.ItemDataRole.CheckStateRole) in (Qt.CheckState.Unchecked, Qt.CheckState.Unchecked.value)
    assert page.presenter.result().commitment.committed_pence == 0
    qtbot.keyClick(page.view.indexWidget(scale), Qt.Key.Key_Return)  # typed again: kept
    assert page.view.state() != QAbstractItemView.State.EditingState
    assert tick.data(Qt.ItemDataRole.CheckStateRole) in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
    assert page.presenter.result().commitment.committed_pence == 6 * 10_500_000


def test_sorting_by_scale_puts_an_amount_where_its_part_of_the_cost_is(demo_window, qtbot, prompts):
    """Sorted by Scale, £35,000 of Supported accommodation's £105,000 (1/3) came after "in full": its fraction is
    kept as 1. It sorts as the part of the cost it commits (a tester, session 55)."""
    page = _window(demo_window, qtbot).show_tab("projects").show_commissioning()
    p = page.presenter
    p.new()
    p.set_fund("£500,000")
    ref = {x.ref: x for x in p.projects}
    for r, scale in (("10", "£35K"), ("4", "1/2"), ("1", "9 of 12 months"), ("2", "")):
        p.tick(ref[r].id)
        if scale:
            assert p.set_scale(ref[r].id, scale)
    page.view.sortByColumn(page.model.SCALE, Qt.SortOrder.AscendingOrder)
    ticked = [(page.proxy.index(r, 1).data(), page.proxy.index(r, page.model.SCALE).data())
              for r in range(page.proxy.rowCount())
              if page.proxy.index(r, page.model.SCALE).data() not in ("", "in full") or
              page.proxy.index(r, 1).data() == "2"]
    assert ticked == [("10", "£35,000"), ("4", "1/2"), ("1", "9 of 12 months"), ("2", "in full")], ticked
