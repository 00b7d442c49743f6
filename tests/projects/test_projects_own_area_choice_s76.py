"""A district office's own area is in the register's area choice and `projects --area` when its county's county-wide
projects count for it, as `projects --help` says: Babergh's own file (the example made Babergh's) was refused
"no project … names an area called Babergh" though Suffolk's county-wide projects are Babergh's too."""

from __future__ import annotations

import csv
import io

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.storage.store import open_store
from tests.cli_run import run


def _babergh(path, capsys):
    code, _, err = run(capsys, "office", path, "--clear", "--district", "Babergh", "--county", "Suffolk",
                       "--name", "Babergh office")
    assert code == 0, err


def _choice(path) -> tuple[list[str], list[str]]:
    store = open_store(path, read_only=True)
    try:
        presenter = ProjectsPresenter(store)
        presenter.reload()
        keep = presenter.filter_predicate(area="Babergh")
        return presenter.areas(), sorted(p.title for p in presenter.rows if keep(p))
    finally:
        store.close()


def test_babergh_office_chooses_babergh_and_gets_suffolks_county_wide_projects(demo_path, capsys):
    _babergh(demo_path, capsys)
    areas, window = _choice(demo_path)
    assert "Babergh" in areas  # the office's own area, though no project names it
    assert areas.index("Babergh") < areas.index("Ipswich")  # in order with the others
    assert window and not any("Plymouth" in t for t in window)
    assert "Homeshield Plus" in window  # Suffolk county-wide
    assert not any(t.startswith("Ipswich CSP") for t in window)  # Ipswich's own are not Babergh's
    code, out, err = run(capsys, "projects", demo_path, "--area", "babergh")
    assert code == 0 and err == ""
    assert sorted(r["title"] for r in csv.DictReader(io.StringIO(out))) == window


def test_an_area_of_no_project_and_not_the_offices_is_still_refused(demo_path, capsys):
    _babergh(demo_path, capsys)
    code, out, err = run(capsys, "projects", demo_path, "--area", "Mid Suffolk")
    assert code == 1 and out == ""
    assert "“Mid Suffolk”" in err and "its area choice offers Babergh, Countywide, Ipswich and Plymouth" in err


def test_example_office_choice_unchanged_where_its_areas_are_named(demo_path):
    areas, _ = _choice(demo_path)
    assert areas.count("Ipswich") == 1


def test_the_window_offers_the_offices_own_area_once_shown(window, qtbot, demo_path, capsys):
    _babergh(demo_path, capsys)
    assert window.open_path(demo_path)
    tab = window.show_tab("projects").register
    offered = lambda: [tab.area_filter.itemData(i) for i in range(tab.area_filter.count())]  # noqa: E731
    qtbot.waitUntil(lambda: "Babergh" in offered(), timeout=5000)
    tab.area_filter.setCurrentIndex(tab.area_filter.findData("Babergh"))
    qtbot.waitUntil(lambda: tab.proxy.rowCount() > 0, timeout=5000)
    shown = {tab.project_at(r).title for r in range(tab.proxy.rowCount())}
    assert shown == set(_choice(demo_path)[1])


def test_a_file_closed_before_the_own_areas_are_offered_is_not_read(window, demo_path, qtbot):
    """The own areas join the choice a turn of the event loop after the first screen: a file closed before then (a
    window closed at once; every test's window, whose file its fixture closes) raised "Cannot operate on a closed
    database" in Qt's event loop (fresh-check, many tests). Nothing is read from a closed file."""
    from PySide6.QtCore import QCoreApplication

    assert window.open_path(demo_path)
    page = window.show_tab("projects").register
    store = window.session.store
    assert not page._own_areas_offered
    store.close()
    QCoreApplication.processEvents()  # the offer's turn comes: pytest-qt fails the test on an exception there
    assert not page._own_areas_offered
    assert not store.is_open
