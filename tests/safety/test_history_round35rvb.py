"""View > History of Changes on an office's export for the county, opened to look at (round 35, rvb).

Found: an export keeps no history of changes and none of the safeguards that record them (it is a copy of the office's
summaries, made whole and signed). The History window, which now says a trail changed outside Safer Desk above its
lines, took the missing safeguards for a trail tampered with: the county lead opening a district's export was told
"This history was changed outside Safer Desk … tell the county lead", over an empty list. An export is not a trail
changed: nothing is said of it.
"""

from safer_desk.services import history
from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store


def test_an_export_opened_to_look_at_is_not_said_to_be_a_history_changed(window, demo_path, tmp_path, qtbot, prompts):
    office = open_store(demo_path)
    try:
        export = export_for_county(office, tmp_path / "babergh.export.sqlite").path
    finally:
        office.close()
    assert window.open_path(export, read_only=True), prompts.errors
    assert window.session.read_only
    assert history.trail_problems(window.session.store) == []
    window.show_history()
    dialog = window._history_dialog
    qtbot.addWidget(dialog)
    assert dialog.presenter.warning == ""
    assert not dialog.trail_warning.isVisible()
    dialog.close()
