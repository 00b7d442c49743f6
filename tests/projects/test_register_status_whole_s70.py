"""Session 70: a coordinator moving projects on through the year read "Commissio…" in the register's Status column:
on a file whose projects were commissioned the column was held to about 12 average letters (86 px), narrower than
"Commissioned"; and in the example file, all proposed (the column 69 px), a project commissioned in the editor was
shown "Commissi…" until the file was opened again. The column now fits the statuses its rows show, and widens
when a change brings a longer one."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QStyle

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.storage.store import open_store
from tests.projects.test_register_heading_bold_s70 import UP_TO_MET, _cut_headings
from tests.window_sizes import column_titles, columns_out_of_view, resize_window


def _statuses_cut(page) -> list[str]:
    """The statuses shown in the Status column wider than the room Qt draws a cell's text in."""
    view = page.view
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    status = column_titles(view)["Status"]
    room = view.columnWidth(status) - 2 * margin
    shown = {str(page.proxy.index(r, status).data()) for r in range(page.proxy.rowCount())}
    return sorted(s for s in shown if view.fontMetrics().horizontalAdvance(s) > room)


@pytest.mark.parametrize("size", [(1366, 768), (1093, 582)], ids=["1366x768", "1366x768@125%"])
def test_a_project_commissioned_in_the_editor_reads_whole_in_the_status_column(demo_window, qtbot, size):
    page = demo_window.show_tab("projects").register
    resize_window(demo_window, size)
    page.select_project(page.project_at(0).id)
    editor = page.presenter.editor
    editor.set_value("status", "commissioned")
    editor.set_value("status_date", "01/07/2017")
    assert page.save_editor()
    assert page.project_at(0).status == "commissioned"
    assert _statuses_cut(page) == []


def test_at_150_percent_status_gives_up_width_after_the_title_so_met_stays_in_view(demo_window, qtbot):
    """At 910x480 a status "Commissioned" beside the cost "£54,372 - £62,372" leaves no room for all: the title gives
    up width down to its bold heading, then Status down to its own; the columns up to Met stay in view."""
    page = demo_window.show_tab("projects").register
    resize_window(demo_window, (910, 480))
    qtbot.waitUntil(lambda: page.editor is not None and page.editor.isVisible(), timeout=3000)
    resize_window(demo_window, (910, 480))
    page.select_project(page.project_at(0).id)
    page.presenter.editor.set_value("status", "commissioned")
    assert page.save_editor()
    assert columns_out_of_view(page.view, UP_TO_MET) == []
    assert _cut_headings(page.view) == []
    resize_window(demo_window, (1366, 768))  # room again: Commissioned whole
    assert _statuses_cut(page) == []


def test_a_file_of_commissioned_projects_reads_its_statuses_whole(window, qtbot, tmp_path):
    path = tmp_path / "plymouth.sqlite"
    store = open_store(path, create=True, office_name="Plymouth office")
    register = ProjectsPresenter(store, perform=ActionLog(), today=lambda: date(2017, 7, 1))
    register.reload()
    for title, status in [("Domestic abuse contract", "commissioned"), ("Counselling", "shortlisted")]:
        register.add_project()
        register.editor.set_value("title", title)
        register.editor.set_value("status", status)
        assert register.editor.save()
    store.close()
    assert window.open_path(path)
    page = window.show_tab("projects").register
    resize_window(window, (1366, 768))
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2, timeout=3000)
    assert _statuses_cut(page) == []
