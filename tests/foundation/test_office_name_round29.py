"""The office's name (round 29): what its exports say they are from and what the county calls it.

Found by following the README as a new office: the default file is made as `safer-desk.sqlite`, a file is named
after its file name when it is made, and nothing could name it again, so every office that started so was
"safer-desk" at the county: its key question ("Phone safer-desk"), its merges, its conflicts ("from safer-desk;
… from safer-desk") and the board report ("Figures from the office file merged …", one, for two offices).
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.office import OfficePresenter
from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store
from tests.cli_run import run


def test_safer_desk_office_name_names_the_office_and_its_exports_say_it(tmp_path, capsys):
    from safer_desk.services.county import export_for_county
    from safer_desk.storage.store import export_words

    path = tmp_path / "safer-desk.sqlite"
    open_store(path, create=True).close()
    code, out, err = run(capsys, "office", path, "--name", "  Babergh   and Mid Suffolk office ", "--county", "Suffolk")
    assert (code, err) == (0, "")
    assert "Office: Babergh and Mid Suffolk office" in out
    store = open_store(path)
    try:
        assert store.office_name == "Babergh and Mid Suffolk office"
        assert ref.office_scope(store).county.name == "Suffolk"
        sent = export_for_county(store, tmp_path / "for county.sqlite").path
    finally:
        store.close()
    import sqlite3

    conn = sqlite3.connect(sent)
    try:
        assert export_words(conn).startswith("Babergh and Mid Suffolk office's export")
    finally:
        conn.close()


def test_an_office_name_that_cannot_be_kept_is_refused_and_nothing_changes(tmp_path, capsys):
    path = tmp_path / "safer-desk.sqlite"
    open_store(path, create=True).close()
    before = path.read_bytes()
    for name in ("   ", "x" * 81):
        code, out, err = run(capsys, "office", path, "--name", name)
        assert code == 1 and out == "" and "Office name:" in err, err
    assert path.read_bytes() == before


def test_office_details_names_the_office_in_one_undo_step(demo_store):
    log = ActionLog()
    presenter = OfficePresenter(demo_store, perform=log)
    before = presenter.name()
    scope = ref.office_scope(demo_store)
    keep = ([a.id for a in scope.partnerships], [a.id for a in scope.districts],
            scope.county.name if scope.county else "")
    presenter.save(*keep, name="Western Suffolk office")
    assert demo_store.office_name == "Western Suffolk office" and len(log.done) == 1
    presenter.save(*keep, name="Western Suffolk office")  # the same again: no step
    assert len(log.done) == 1
    log.undo()
    assert demo_store.office_name == before


def test_office_details_shows_and_saves_the_office_name_and_undo_puts_it_back(window, qtbot, prompts, tmp_path):
    assert window.open_path(tmp_path / "safer-desk.sqlite", create=True)
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    assert dialog.name_box.text() == "safer-desk"  # named after its file when it was made
    dialog.name_box.selectAll()
    qtbot.keyClicks(dialog.name_box, "Ipswich CSP office")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and prompts.errors == []
    assert window.session.store.office_name == "Ipswich CSP office"
    window.undo_action.trigger()
    assert window.session.store.office_name == "safer-desk"


def test_the_county_overview_counts_two_offices_of_one_name_as_two(tmp_path):
    """Two offices both called "safer-desk" (made before an office could be named) were one "office file" in the
    board report's county overview, which counted them by name."""
    from datetime import date

    from safer_desk.services.report_sections.county import merged_offices_words
    from tests.exchange.district_offices import merge, office_from, template

    base = template(tmp_path, police=False)
    exports = []
    for district in ("Babergh", "Ipswich"):
        store = office_from(base, tmp_path / f"{district}.sqlite", "safer-desk", districts=[district],
                            county="Suffolk")
        try:
            from safer_desk.services.county import export_for_county

            exports.append(export_for_county(store, tmp_path / f"{district}-1.sqlite").path)
        finally:
            store.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        for path in exports:
            merge(county, [path])
        text = merged_offices_words(county, date(2026, 12, 1))
        assert text == ("Figures from the 2 office files merged into this county file (safer-desk, safer-desk), as at "
                        "01/12/2026."), text
    finally:
        county.close()


def test_esc_in_office_details_asks_before_dropping_what_was_ticked_or_typed(window, qtbot, prompts, tmp_path):
    """Esc (or Cancel, or the window's close) dropped the districts ticked and the name typed without a word, where
    the other forms ask Save / Discard / Cancel (found by following the guide as a new officer)."""
    assert window.open_path(tmp_path / "safer-desk.sqlite", create=True)
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes without a question
    assert not dialog.isVisible() and prompts.unsaved_questions == []

    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    dialog.name_box.selectAll()
    qtbot.keyClicks(dialog.name_box, "Ipswich CSP office")
    prompts.unsaved_answers += ["cancel", "save"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Cancel: stays, as typed
    assert dialog.isVisible() and dialog.name_box.text() == "Ipswich CSP office"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Save: saved and closed
    assert not dialog.isVisible() and len(prompts.unsaved_questions) == 2
    assert window.session.store.office_name == "Ipswich CSP office"


def test_an_office_renamed_between_exports_merges_on_under_its_new_name(tmp_path):
    """Renaming is safe for the exchange: the county knows an office by its id and key, not its name, so the next
    export merges as the same office's, and the county lists it by the name it has now."""
    from safer_desk.services.county import export_for_county
    from tests.exchange.district_offices import merge, office_from, template

    base = template(tmp_path, police=False)
    store = office_from(base, tmp_path / "b.sqlite", "safer-desk", districts=["Babergh"], county="Suffolk")
    try:
        first = export_for_county(store, tmp_path / "b-1.sqlite").path
        with store.action(ref.OFFICE_SCOPE_ACTION):
            ref.set_office_name(store, "Babergh office")
        second = export_for_county(store, tmp_path / "b-2.sqlite").path
    finally:
        store.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [first])
        report = merge(county, [second])
        assert "b-2.sqlite (Babergh office): 0 added" in report.text() and "0 conflicts" in report.text()
        assert any(line.startswith("Merged: Babergh office") for line in ref.office_scope(county).lines([], "2025/26"))
    finally:
        county.close()
