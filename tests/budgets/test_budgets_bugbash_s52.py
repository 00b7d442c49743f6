"""Round 52's bug hunt on the Budgets tab: a plan chosen with the mouse cut its totals short; an unknown taken away
was written "+ N/K"; a finance system's "12-" was refused in a plan in £'000."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics

from safer_desk.domain.budgets import Figure, _amount_in_unit
from safer_desk.domain.money import MoneyError
from safer_desk.presenters.budgets import BudgetsPresenter

MTFP = "East Sussex Community Safety MTFP"


def choose_with_the_mouse(qtbot, tab, name: str) -> None:
    item = next(tab.plan_list.item(i) for i in range(tab.plan_list.count())
                if tab.plan_list.item(i).text().startswith(name))
    qtbot.mouseClick(tab.plan_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.plan_list.visualItemRect(item).center())
    assert tab.plan_list.currentItem() is item


def cut_short(tab) -> list[tuple]:
    """The figures wider than their column (shown cut, "£575,60…"), in the font each is drawn in."""
    model, view = tab.model, tab.view
    out = []
    for r in range(model.rowCount()):
        for c in range(1, model.columnCount()):
            text = model.index(r, c).data() or ""
            font = model.index(r, c).data(Qt.ItemDataRole.FontRole)
            metrics = view.fontMetrics() if font is None else QFontMetrics(font)
            if text and view.columnWidth(c) < metrics.horizontalAdvance(text) + 8:
                out.append((model.index(r, 0).data(), text, view.columnWidth(c)))
    return out


def test_choosing_plans_with_the_mouse_leaves_every_total_whole(qtbot, tab):
    tab.presenter.new_plan("Second", "2017/18")  # a one-year plan: its one column stretched to the view's edge
    choose_with_the_mouse(qtbot, tab, MTFP)
    assert cut_short(tab) == []
    choose_with_the_mouse(qtbot, tab, "Second")
    choose_with_the_mouse(qtbot, tab, MTFP)
    assert tab.view.widths_by_hand == {}  # the columns changed under a press on the list: not resized by hand
    assert cut_short(tab) == []


def test_a_heading_edge_dragged_is_still_kept_as_set(qtbot, tab):
    from PySide6.QtCore import QPoint

    choose_with_the_mouse(qtbot, tab, MTFP)
    header = tab.view.horizontalHeader()
    edge = header.sectionViewportPosition(1) + header.sectionSize(1) - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + 40, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 40, y))
    heading = tab.model.headerData(1, Qt.Orientation.Horizontal)
    assert tab.view.widths_by_hand == {heading: tab.view.columnWidth(1)}


def test_an_unknown_grant_taken_away_is_written_minus(demo_store):
    presenter = BudgetsPresenter(demo_store)
    presenter.reload()
    presenter.select(next(p.id for p in presenter.plans if p.name.startswith(MTFP)))
    grant = next(r for r in presenter.rows if r.label == "LAA Reward Grant")
    assert presenter.set_cell(grant.line_id, presenter.view.plan.columns[0].label, "N/K"), presenter.error
    shown = {r.label: r.cells[0].text for r in presenter.rows if r.cells}
    assert shown["Income and grants: subtotal"] == "£21,100 + N/K"  # the income itself: at least £21,100
    assert shown["Community Safety Base Budget"] == "£903,400 − N/K"  # less a grant not known: at most £903,400


@pytest.mark.parametrize("figure, said", [
    (Figure(100, 1, tbc=1), "£1 + TBC"),
    (Figure(100, 1, tbc=1).signed(-1), "-£1 − TBC"),
    (Figure(100, 1, tbc=1) + Figure(0, 0, nk=1).signed(-1), "£1 + TBC − N/K"),
    (Figure(nk=1).signed(-1), "− N/K"),
    (Figure(nk=1), "N/K"),
    (Figure(100, 1, nk=2).signed(-1).signed(-1), "£1 + N/K"),
])
def test_unknowns_are_said_with_the_way_they_count(figure, said):
    assert figure.describe() == said


@pytest.mark.parametrize("typed, pence", [("12-", -12_000_00), ("1,234-", -1_234_000_00), ("12 -", -12_000_00),
                                          ("62.499-", -62_499_00), ("£12-", -12_000_00), ("(12)", -12_000_00)])
def test_a_minus_after_the_figure_is_read_in_thousands_as_in_pounds(typed, pence):
    assert _amount_in_unit(typed, "thousand") == pence
    if typed != "62.499-":  # (in pounds a point and three digits is asked about)
        assert _amount_in_unit(typed, "pound") * 1000 == pence


def test_a_ledger_mark_in_thousands_is_refused_saying_why():
    with pytest.raises(MoneyError, match="marked CR"):
        _amount_in_unit("4,000 CR", "thousand")
