"""s75: a project withdrawn after it was ticked in a scenario commits nothing. Commissioning's export said so in its
Scale column ("nothing (withdrawn)"), but the page's own table showed "in full" beside £0 committed, which read as the
whole project funded for nothing. The table now says what the export says: one wording, from the scenario's
evaluation (``services.projects_commissioning.scale_words``), which the presenter hands the page."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import projects as projects_service
from safer_desk.services import projects_commissioning as com
from safer_desk.storage.store import open_store
from tests.clipboard import copied_with_ctrl_c

RETAINED = "Retained budget 2009/10: pilot and DV coordinators"


def _withdraw_a_ticked_project(store) -> str:
    scenario = next(s for s in com.list_scenarios(store) if s.name == RETAINED)
    project = projects_service.get_project(store, scenario.items[0].project_id)
    projects_service.save_project(store, replace(project, status="withdrawn"), loaded=project)
    return project.ref


@pytest.fixture
def withdrawn_ref(demo_path) -> str:
    """The example with the first project the retained budget's scenario ticks withdrawn since."""
    store = open_store(demo_path)
    try:
        return _withdraw_a_ticked_project(store)
    finally:
        store.close()


@pytest.fixture
def page(window, demo_path, withdrawn_ref, qtbot):
    demo_window = window
    assert demo_window.open_path(demo_path)
    ref = withdrawn_ref
    demo_window.resize(1280, 800)
    demo_window.show()
    page = demo_window.show_tab("projects").show_commissioning()
    page.scenarios.setCurrentIndex(page.scenarios.findText(RETAINED))
    page.ref = ref
    return page


def _cells(page, ref) -> dict[str, str]:
    model = page.proxy
    row = next(r for r in range(model.rowCount()) if model.index(r, 1).data() == ref)
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return {h: model.index(row, c).data() for c, h in enumerate(header)}


def test_the_page_says_nothing_withdrawn_as_the_export_does(page, qtbot):
    cells = _cells(page, page.ref)
    assert cells["Fund?"] == "Yes" and cells["Committed"] == "£0"
    assert cells["Scale"] == "nothing (withdrawn)"
    result = page.result()
    table = com.board_table(result, plain=True)
    exported = next(row for row in table.rows if row[0] == page.ref)
    assert cells["Scale"] in exported
    copied = next(row for row in copied_with_ctrl_c(qtbot, page.view) if page.ref in row[:2])
    assert "nothing (withdrawn)" in copied  # Copy gives Excel the words the table shows


def test_the_presenter_words_the_scale_of_a_project_not_going_ahead(demo_path, withdrawn_ref):
    store = open_store(demo_path)
    ref = withdrawn_ref
    presenter = CommissioningPresenter(store)
    presenter.set_projects(projects_service.load_projects(store))
    presenter.load(next(s for s in com.list_scenarios(store) if s.name == RETAINED).id)
    words = presenter.scale_words()
    withdrawn = next(p for p in projects_service.load_projects(store) if p.ref == ref)
    assert words[withdrawn.id] == "nothing (withdrawn)"
    assert all(w == "nothing (withdrawn)" for w in words.values())  # the others say their scale as before
    store.close()
