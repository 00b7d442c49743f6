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
    assert shown[:8] == ["1/10", "1/3", "1/3", "1/2", "50.5%", "2/3", "9 of 12 months", "in full"]
    assert set(shown[7:]) == {"in full"}
    page.view.sortByColumn(page.model.SCALE, Qt.SortOrder.DescendingOrder)
    shown = [page.proxy.index(r, page.model.SCALE).data() for r in range(page.proxy.rowCount())]
    assert shown[-7:] == ["9 of 12 months", "2/3", "50.5%", "1/2", "1/3", "1/3", "1/10"]


# 3. A project whose cost lines give a year for some lines only (the paper's staff by year, its evaluation undated)
#    had all its committed money put under the dated lines' years: £30,000 committed showed £30,000 under 2010/11,
#    where its lines date £10,000. A line without a year counts where the cost would without lines by year: the
#    start date's year, or (no year).

def _mixed(**fields):
    from safer_desk.services.projects import project_from_fields

    return project_from_fields({"title": "Street pastors", "cost": "£30,000", **fields},
                               cost_lines=[("2010/11", "staff", "coordinator", "£10,000"),
                                           ("", "evaluation", "independent evaluation", "£20,000")])


@pytest.mark.parametrize(("start", "expected"), [
    ("", {"2010/11": 1_000_000, "(no year)": 2_000_000}),
    ("01/04/2009", {"2009/10": 2_000_000, "2010/11": 1_000_000}),
])
def test_a_line_without_a_year_is_not_committed_under_the_other_lines_years(start, expected):
    from safer_desk.services import projects_commissioning as com

    project = _mixed(start_date=start)
    result = com.evaluate([project], 6_551_200, [com.ScenarioItem(project.id)])
    assert result.committed_pence == 3_000_000
    assert result.commitment.by_year == expected
    scaled = com.evaluate([project], 6_551_200, [com.ScenarioItem(project.id, com.Scale(1, 3))])
    assert sum(scaled.commitment.by_year.values()) == scaled.committed_pence == 1_000_000


def test_lines_all_dated_or_all_undated_split_as_before():
    from safer_desk.services import projects_commissioning as com
    from safer_desk.services.projects import project_from_fields

    dated = project_from_fields({"title": "ELEV8-like", "cost": "£30,000"},
                                cost_lines=[("2009/10", "staff", "a", "£10,000"), ("2010/11", "staff", "b", "£20,000")])
    undated = project_from_fields({"title": "Outreach", "cost": "£30,000", "start_date": "01/04/2009"},
                                  cost_lines=[("", "staff", "a", "£10,000"), ("", "staff", "b", "£20,000")])
    by_year = {p.title: com.evaluate([p], 6_551_200, [com.ScenarioItem(p.id)]).commitment.by_year
               for p in (dated, undated)}
    assert by_year == {"ELEV8-like": {"2009/10": 1_000_000, "2010/11": 2_000_000}, "Outreach": {"2009/10": 3_000_000}}
