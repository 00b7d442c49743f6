"""A filter on the indicators list that hides the indicator whose figures are typed, answered Cancel (round 49): the
row the filter left current ("Police recorded hate crime") stayed highlighted, also once the filter was cleared,
while the headline, chart and grid were All crime's, and Del on it asked to delete All crime. Now no row is
highlighted while the indicator in view is filtered out, and its row is chosen again when it is shown."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from safer_desk.presenters.screens import UnsavedChoice
from tests.indicators.test_tab_unsaved import tab, type_in_cell  # noqa: F401 (tab: the fixture)


def highlighted(page) -> list[str]:
    rows = {i.row() for i in page.summary_view.selectionModel().selectedIndexes()}
    current = page.summary_view.currentIndex()
    named = [page.summary_proxy.index(r, 1).data() for r in sorted(rows)]
    return named + ([f"current: {current.siblingAtColumn(1).data()}"] if current.isValid() else [])


def test_the_indicator_in_view_stays_the_one_chosen(demo_window, tab, qtbot, prompts):  # noqa: F811
    type_in_cell(tab, qtbot, "2016/17", 8, "1480")
    prompts.unsaved_answers = [UnsavedChoice.CANCEL]
    tab.summary_view.filter_column(1, "hate")
    qtbot.waitUntil(lambda: len(prompts.unsaved_questions) == 1, timeout=3000)
    QApplication.processEvents()  # the Cancel's reselection, queued
    assert tab.presenter.view.indicator.name == "All crime" and tab.presenter.has_unsaved_changes()
    assert highlighted(tab) == []  # All crime is filtered out: nothing else stands for it
    tab.summary_proxy.clear_column_filters()
    qtbot.waitUntil(lambda: highlighted(tab) == ["All crime", "current: All crime"], timeout=3000)
    assert tab.presenter.view.indicator.name == "All crime" and tab.presenter.has_unsaved_changes()
