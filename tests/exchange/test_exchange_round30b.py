"""County exchange, round 30 (follow-ups): an office renamed, what an export carries of the office's own file."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt

from safer_desk.services import reference as ref
from safer_desk.services.county import list_conflicts, registered_keys
from tests.exchange.district_offices import merge
from tests.exchange.test_county_conflicts_shared import mid_disagrees

NEW_NAME = "Mid Suffolk and Stowmarket office"


def test_an_office_renamed_is_said_so_at_its_next_merge_and_its_conflicts_and_keys_take_its_new_name(offices):
    """Mid Suffolk's office renamed itself (File > Office Details…, `safer-desk office FILE --name`) and exported
    again. The merge said nothing of it; its open conflict was still listed as "Mid Suffolk office" (and decided as
    "Keep Mid Suffolk office's version"), and the key register still named the old office. The office is its id:
    the summary says its new name, and what lists offices uses it."""
    mid_disagrees(offices)
    ref.set_office_name(offices.mid, NEW_NAME)
    report = merge(offices.county, [offices.send(offices.mid)])
    [summary] = report.merged
    assert f"The office is now called {NEW_NAME} (was Mid Suffolk office)." in summary.conflict_notes
    assert f"  The office is now called {NEW_NAME} (was Mid Suffolk office)." in report.text().splitlines()
    [conflict] = list_conflicts(offices.county)
    assert conflict.office_name == NEW_NAME
    assert conflict.detail == f"Project 'Western Suffolk youth work': cost not stated from Babergh office, £40,000 " \
                              f"from {NEW_NAME}"
    assert sorted(k.office_name for k in registered_keys(offices.county)) == ["Babergh office", NEW_NAME]
    # said once: the same file again, or the next one, is not a rename
    again = merge(offices.county, [offices.send(offices.mid)]).merged[0]
    assert not [n for n in again.conflict_notes if "now called" in n]


def test_an_export_names_neither_the_offices_file_nor_an_export_number_other_than_its_own(tmp_path):
    """The manifest carried "source_file": the office's own file's name ("Jane Smith Babergh.sqlite": an officer's
    name, sent to the county in every export, and read by nothing there). And the export's meta kept the office's
    count of exports made before it ("export_sequence" 1 in export number 2), which contradicts the signed number
    to anyone reading the file. Neither is in the export; the county merges it as before."""
    from safer_desk.services.county import export_for_county
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import office_from, template
    from tests.exchange.helpers import merge_accepting

    office = office_from(template(tmp_path, police=False), tmp_path / "Jane Smith Babergh.sqlite", "Babergh office",
                         districts=["Babergh"])
    try:
        export_for_county(office, tmp_path / "first.sqlite")
        second = export_for_county(office, tmp_path / "second.sqlite").path
    finally:
        office.close()
    conn = sqlite3.connect(second)
    try:
        manifest = dict(conn.execute("SELECT key, value FROM _export_manifest"))
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    finally:
        conn.close()
    assert manifest["sequence"] == "2" and len(json.loads(manifest["previous_exports"])) == 1
    assert not [k for k, v in manifest.items() if "Jane Smith" in v]
    assert "export_sequence" not in meta
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge_accepting(county, [second]).refused == []
    finally:
        county.close()


def test_a_merge_cancelled_after_a_file_went_in_closes_undo_as_a_merge_does(window, qtbot, prompts, tmp_path,
                                                                            monkeypatch):
    """The county lead kept Mid Suffolk's £40,000 for a project (File > Conflicts…), then imported Mid Suffolk's
    next file (£45,000) and Babergh's, and pressed Cancel while Babergh's was being merged. Mid Suffolk's stayed
    merged (its conflict now "£40,000 in the county file, £45,000 from Mid Suffolk office"), but Edit > Undo still
    offered the decision taken before it: undone, it put back the conflict as it was before Mid Suffolk's new file
    ("£40,000 from Mid Suffolk office"), a version the office no longer sends, to be kept by the next Keep District
    Version. As after a merge, Undo does not go back past the files that went in, and the message says so."""
    from safer_desk.services.county import export_for_county
    from safer_desk.services.projects import Project, add_projects
    from safer_desk.storage.store import open_store
    from safer_desk.ui.exchange.dialogs import import_district_files
    from safer_desk.ui.exchange.menu import open_conflicts_dialog
    from safer_desk.ui.session import UNDO_CLOSED
    from tests.exchange.district_offices import office_from, template
    from tests.exchange.helpers import hold_merge_until_cancelled, officer_keys
    from tests.exchange.test_county_conflicts_shared import set_cost

    base = template(tmp_path, police=False)
    store = open_store(base)
    add_projects(store, [Project(id="p-shared", title="Western Suffolk youth work", areas=("Countywide",))])
    store.close()
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    try:
        b1 = export_for_county(babergh, tmp_path / "b1.sqlite").path
        set_cost(mid, "£40,000")
        m1 = export_for_county(mid, tmp_path / "m1.sqlite").path
        set_cost(mid, "£45,000")
        m2 = export_for_county(mid, tmp_path / "m2.sqlite").path
        add_projects(babergh, [Project(id="p-new", title="Babergh night safe", areas=("Babergh",))])
        b2 = export_for_county(babergh, tmp_path / "b2.sqlite").path
    finally:
        babergh.close()
        mid.close()
    assert window.open_path(tmp_path / "county.sqlite", create=True)
    for path in (b1, m1):
        window.merge_result = None
        import_district_files(window, [str(path)], accept_keys=officer_keys())
        qtbot.waitUntil(lambda: getattr(window, "merge_result", None) is not None, timeout=20000)
        window.merge_result.close()
    dialog = open_conflicts_dialog(window)
    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.keep_district_button, Qt.MouseButton.LeftButton)
    dialog.close()
    assert window.undo_action.isEnabled()

    started = hold_merge_until_cancelled(monkeypatch, "Babergh office")  # Babergh's file waits for Cancel
    task = import_district_files(window, [str(m2), str(b2)], accept_keys=officer_keys())
    qtbot.waitUntil(lambda: bool(started), timeout=10000)
    with qtbot.waitSignal(task.signals.cancelled, timeout=10000):
        task.cancel()
    assert prompts.infos[-1][1] == ("Cancelled: the file being merged was rolled back. 1 file merged before it "
                                    f"stays merged; merge the others again.\n{UNDO_CLOSED}")
    assert not window.undo_action.isEnabled()
    [conflict] = list_conflicts(window.session.store)
    assert conflict.detail == ("Project 'Western Suffolk youth work': cost £40,000 in the county file, £45,000 from "
                               "Mid Suffolk office")
