"""Merging an export already merged says so, and when (round 36).

The county lead merging a district's export a second time read "0 added, 0 replaced, 915 unchanged": true, but not
that this very export had been merged before, nor when. The counts stay as they were; a line says it.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from safer_desk.services import projects
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, merge
from tests.exchange.helpers import cli_output, officer_keys


@pytest.fixture
def babergh_export(tmp_path):
    return district_exports(tmp_path, ["Babergh"])[0]


def merged_day(county) -> str:
    """The day of the county file's one merge, as the county lead reads days (county: its path, or its store)."""
    store = open_store(county) if not hasattr(county, "scalar") else county
    try:
        stamp = store.scalar("SELECT imported_at FROM _county_imports")
    finally:
        if store is not county:
            store.close()
    return f"{datetime.fromisoformat(stamp[:10]):%d/%m/%Y}"


def test_the_command_line_says_an_export_merged_again_was_merged_before_and_when(babergh_export, tmp_path):
    county = tmp_path / "county.sqlite"
    code, first, err = cli_output(["merge", str(county), str(babergh_export), "--accept-key", officer_keys()[0]])
    assert code == 0, err
    assert "already merged" not in first
    code, again, err = cli_output(["merge", str(county), str(babergh_export)])
    assert code == 0, err
    said = (f"Export number 1 of Babergh office was already merged on {merged_day(county)}: nothing new.")
    assert said in again, again
    assert " 0 added, 0 replaced, " in again  # the counts as before


def test_the_windows_end_of_merge_summary_says_it_too(window, qtbot, prompts, babergh_export, tmp_path):
    from safer_desk.ui.exchange.dialogs import import_district_files

    open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county").close()
    assert window.open_path(tmp_path / "county.sqlite")
    for _ in range(2):
        window.merge_result = None
        with qtbot.waitSignal(window.session.data_changed, timeout=30000):
            import_district_files(window, [str(babergh_export)], accept_keys=officer_keys())
        qtbot.waitUntil(lambda: window.merge_result is not None and window.merge_result.isVisible(), timeout=30000)
        text = window.merge_result.summary_label.text()
        window.merge_result.close()
        if _ == 0:
            assert "already merged" not in text
    assert (f"Export number 1 of Babergh office was already merged on {merged_day(window.session.store)}: "
            "nothing new.") in text, text
    assert prompts.errors == []


def test_an_export_merged_again_after_the_county_changed_says_what_it_changed(babergh_export, tmp_path):
    """The county lead deleted a project the export brought: merging the export again puts it back (1 added), and says
    the export was merged before and that merging it again made the changes counted."""
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county")
    try:
        merge(county, [babergh_export])
        first = next(p for p in projects.load_projects(county))
        projects.delete_projects(county, [first.id])
        report = merge(county, [babergh_export])
        text = report.text()
    finally:
        county.close()
    assert "Export number 1 of Babergh office was already merged on " in text, text
    assert "nothing new" not in text and " 1 added, " in text
    assert "merging it again made the changes counted above." in text


# Import District Files… chooses exports: .sqlite, never the .db it offered, and a workbook chosen is told apart.

def test_import_district_files_offers_the_sqlite_exports(window, qtbot, monkeypatch, tmp_path):
    from safer_desk.ui import prompts as module

    open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county").close()
    assert window.open_path(tmp_path / "county.sqlite")
    offered = []
    monkeypatch.setattr(module, "open_file_names",
                        lambda parent, title, filters, *a, **k: offered.append(filters) or [])
    window.exchange_actions["merge"].trigger()
    assert offered and offered[0].split(";;")[0] == "District exports (*.sqlite)", offered


def test_a_workbook_chosen_to_merge_is_told_to_choose_the_sqlite_beside_it(window, qtbot, prompts, babergh_export,
                                                                          tmp_path):
    from safer_desk.services.county import export_for_county
    from safer_desk.ui.exchange.dialogs import import_district_files

    office = open_store(tmp_path / "babergh.sqlite")
    try:
        workbook = export_for_county(office, babergh_export.with_suffix(".xlsx")).path
    finally:
        office.close()
    open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county").close()
    assert window.open_path(tmp_path / "county.sqlite")
    import_district_files(window, [str(workbook)], accept_keys=officer_keys())
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=30000)
    title, said = prompts.errors[-1]
    assert said.startswith("babergh-export.xlsx cannot be merged: it is an Excel workbook (.xlsx)"), said
    assert "choose babergh-export.sqlite" in said and "The county file has not been changed." in said
    workbook_alone = workbook.rename(tmp_path / "alone.xlsx")
    prompts.errors.clear()
    import_district_files(window, [str(workbook_alone)], accept_keys=officer_keys())
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=30000)
    said = prompts.errors[-1][1]
    assert "choose the .sqlite export the office makes with File > Export for County…" in said, said
