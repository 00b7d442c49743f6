"""Round 43 (pj3): the Commissioning page's table of projects to tick.

1. Ctrl+C on the table copied each criterion as its symbol alone: "√" for the PPO accommodation, which the paper (and
   the register's Copy rows, the scenario's Export and its PDF) gives as "√ for Ipswich only". Pasted into the board's
   sheet, a √ for one area read as a √ for all.
2. Clicking the Scale heading sorted the scales as words: 1/2 before 1/3, and 6 of 12 months after 2/3. They sort
   by how much of the project each commits (9 of 12 months between 2/3 and in full), in full last.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.clipboard import copied_with_ctrl_c


@pytest.fixture
def page(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("projects").show_commissioning()


def by_ref(page) -> dict[str, str]:
    return {p.ref: p.id for p in page.presenter.projects}


def test_a_copy_keeps_each_criterions_qualifier_as_the_register_copy_does(page, demo_window, qtbot):
    rows = copied_with_ctrl_c(qtbot, page.view)
    ref, added, innovative = (rows[0].index(h) for h in ("Ref", "Add.", "Innov."))
    copied = {r[ref]: (r[added], r[innovative]) for r in rows[1:]}
    assert copied["9"] == ("√ for Ipswich only", "X")
    assert copied["4"] == ("√ (in some areas)", "X")
    assert copied["8"] == ("√", "? unknown at this stage")
    register = demo_window.show_tab("projects").register
    rows = copied_with_ctrl_c(qtbot, register.view)
    ref, added, innovative = (rows[0].index(h) for h in ("Ref", "Add.", "Innov."))
    assert {r[ref]: (r[added], r[innovative]) for r in rows[1:]} == copied


def test_the_scale_column_sorts_by_how_much_each_scale_commits(page, qtbot):
    ids = by_ref(page)
    for ref, scale in (("1", "1/2"), ("2", "1/3"), ("5", "9 of 12 months"), ("6", "2/3"), ("7", "10%"),
                       ("8", "50.5%")):
        page.presenter.tick(ids[ref])
        assert page.presenter.set_scale(ids[ref], scale), page.presenter.message
    page.view.sortByColumn(page.model.SCALE, Qt.SortOrder.AscendingOrder)
    shown = [page.proxy.index(r, page.model.SCALE).data() for r in range(page.proxy.rowCount())]
    assert shown[:8] == ["1/10", "1/3", "1/3", "1/2", "101/200", "2/3", "9 of 12 months", "in full"]
    assert set(shown[7:]) == {"in full"}
    page.view.sortByColumn(page.model.SCALE, Qt.SortOrder.DescendingOrder)
    shown = [page.proxy.index(r, page.model.SCALE).data() for r in range(page.proxy.rowCount())]
    assert shown[-7:] == ["9 of 12 months", "2/3", "101/200", "1/2", "1/3", "1/3", "1/10"]
