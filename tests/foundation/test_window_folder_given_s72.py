"""Session 72: `safer-desk .` or `safer-desk ~` (a folder given for the window, as someone expecting it to open the
office file in that folder types it) was taken for police.uk data: the window opened the last file and asked
"Import  into base.sqlite?" (the folder's name empty) or "Import root into safer-desk.sqlite?" of a home folder,
and answered yes, set off to read every file under it. A folder with no police.uk .csv or .zip in it (or in its
month folders) is now refused before any window opens, saying it is a folder and how to name the file; a folder
that holds a download is still offered for import, as before."""

from __future__ import annotations

import pytest

from tests.cli_run import run


@pytest.fixture
def opened(monkeypatch):
    import safer_desk.cli as cli
    import safer_desk.ui.app as app

    calls = []
    monkeypatch.setattr(app, "ensure_app", lambda: None)
    monkeypatch.setattr(app, "run_window", lambda *a, **k: calls.append((a, k)) or 0)
    monkeypatch.setattr(cli, "ensure_app", lambda: None, raising=False)
    return calls


def test_a_folder_without_police_data_is_refused_before_any_window(tmp_path, monkeypatch, capsys, opened, demo_path):
    monkeypatch.chdir(demo_path.parent)  # the folder holds an office file, and nothing to import
    (demo_path.parent / "notes").mkdir()
    (demo_path.parent / "notes" / "minutes.docx").write_bytes(b"x")
    code, out, err = run(capsys, ".")
    assert (code, out, opened) == (1, "", [])
    assert f"{demo_path.parent} is a folder, not a Safer Desk file" in err, err
    assert "Import" not in err


def test_a_folder_holding_a_download_is_still_offered_for_import(tmp_path, capsys, opened):
    month = tmp_path / "download" / "2021-01"
    month.mkdir(parents=True)
    (month / "2021-01-suffolk-street.csv").write_text("Crime ID,Month\n", encoding="utf-8")
    code, _, err = run(capsys, tmp_path / "download")
    assert code == 0, err
    assert opened == [((None,), {"create": True, "police": [tmp_path / "download"]})]
