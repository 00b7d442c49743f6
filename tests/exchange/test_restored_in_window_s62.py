"""S62 (files): the window's merge offers to accept the export of an office's restored file, as `--accept-restored`.

An office that restored a backup of its file sent an export the county refuses as made by "two files"; the command
line lets the county lead, having asked the office, accept it with `--accept-restored`, but File > Import District
Files… only refused it, its message pointing to a command line the county lead may never use. The window now asks,
plainly, whether the office restored a backup, and on Yes merges that file as the command does (on No, nothing
changes). An export made before the last one merged (a replay) is not asked about: it stays refused.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

from tests.exchange.helpers import officer_keys
from tests.exchange.test_restored_backup_s60k import _restored


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _merge_in_window(window, qtbot, paths):
    from safer_desk.ui.exchange.dialogs import import_district_files

    task = import_district_files(window, [str(p) for p in paths], accept_keys=officer_keys())
    qtbot.waitUntil(lambda: not task.running, timeout=30000)


def test_the_window_asks_and_merges_a_restored_file_s_export(window, demo_path, tmp_path, capsys, qtbot, prompts):
    county, _, _, e3 = _restored(demo_path, tmp_path, capsys)
    assert window.open_path(county)
    window.merge_result = None
    prompts.answers.append(True)
    _merge_in_window(window, qtbot, [e3])
    qtbot.waitUntil(lambda: getattr(window, "merge_result", None) is not None, timeout=30000)
    (title, question), = prompts.questions
    assert title == "Import District Files" and "restored a backup" in question and e3.name in question, question
    assert "--accept-restored" not in question and "command line" not in question, question
    assert not prompts.errors
    conn = sqlite3.connect(county)
    try:
        restored = conn.execute("SELECT count(*) FROM audit_log WHERE action = 'event' AND column_name LIKE "
                                "'%restored%'").fetchone()[0]
    finally:
        conn.close()
    assert restored == 1


def test_answered_no_the_county_file_is_unchanged(window, demo_path, tmp_path, capsys, qtbot, prompts):
    county, _, _, e3 = _restored(demo_path, tmp_path, capsys)
    before = _digest(county)
    assert window.open_path(county)
    prompts.answers.append(False)
    _merge_in_window(window, qtbot, [e3])
    assert len(prompts.questions) == 1 and not prompts.errors
    window.set_store(None)
    assert _digest(county) == before


def test_a_replayed_older_export_is_refused_with_no_question(window, demo_path, tmp_path, capsys, qtbot, prompts):
    county, e1, _, _ = _restored(demo_path, tmp_path, capsys)
    replay = shutil.copyfile(e1, tmp_path / "replayed.sqlite")
    assert window.open_path(county)
    _merge_in_window(window, qtbot, [replay])
    assert prompts.questions == []
    assert prompts.errors and "replayed.sqlite cannot be merged" in prompts.errors[-1][1]
    assert "older than an export" in prompts.errors[-1][1], prompts.errors



def test_two_restored_files_at_once_are_refused_in_words_not_asked_about(window, tmp_path, qtbot, prompts,
                                                                          monkeypatch):
    # Only one such file is merged at a time (as --accept-restored takes one): with two, the window asked about the
    # first and never said a word of the second.
    from safer_desk.exchange.county_merge import RestoredFileOffer
    from safer_desk.services import county as county_service
    from safer_desk.services.county import MergeReport

    offers = [RestoredFileOffer(f"{name} cannot be merged: it does not follow on. The county file has not been "
                                "changed.", path=tmp_path / name, office_name=office)
              for name, office in (("b3.sqlite", "Babergh office"), ("m3.sqlite", "Mid Suffolk office"))]
    report = MergeReport(refused=[(o.path.name, str(o)) for o in offers], restored_offers=offers)
    monkeypatch.setattr(county_service, "merge_district_files", lambda *a, **k: report)
    assert window.open_path(tmp_path / "county.sqlite", create=True)
    _merge_in_window(window, qtbot, [o.path for o in offers])
    assert prompts.questions == []
    (title, text), = prompts.errors
    assert "b3.sqlite cannot be merged" in text and "m3.sqlite cannot be merged" in text, text
