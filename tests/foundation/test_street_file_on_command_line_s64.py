"""A police.uk street .csv given to the window on the command line (`safer-desk 2020-01-suffolk-street.csv`, as when
dragged onto the desktop shortcut) was refused as "not a Safer Desk file: it is not an SQLite database at all", though
dropped on the open window the same file is imported. The window now opens the last file used (else the officer's
own file) and asks before importing the street file into it, naming both: nothing is imported unless Import is
chosen."""

from __future__ import annotations

import pytest

from tests.cli_run import run
from tests.indicators.police_helpers import street_file, suffolk_row


@pytest.mark.parametrize("name", ["2020-01-suffolk-street.csv", "police.zip"])
def test_a_street_file_opens_the_window_offering_its_import(capsys, tmp_path, monkeypatch, name):
    from safer_desk.ui import app

    given = tmp_path / name
    given.write_bytes(b"Crime ID,Month\n" if name.endswith(".csv") else b"PK\x05\x06" + bytes(18))
    calls = []
    monkeypatch.setattr(app, "ensure_app", lambda: None)
    monkeypatch.setattr(app, "run_window", lambda path, **kw: calls.append((path, kw)) or 0)
    code, _, err = run(capsys, given)
    assert code == 0, err
    assert calls == [(None, {"create": True, "police": [given]})]


def counted(window) -> int:
    return window.session.store.scalar("SELECT count(*) FROM indicator_values WHERE period = '2025-01'")


def test_the_window_asks_before_importing_into_the_file_it_opened(window, qtbot, prompts, tmp_path):
    street = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row(crime_id="a")])
    assert window.open_path(tmp_path / "office.sqlite", create=True)
    prompts.answers[:] = [True]
    window.offer_police_import([street])
    title, text = prompts.questions[0]
    assert title == "Import police.uk data?"
    assert "2025-01-suffolk-street.csv" in text and "office.sqlite" in text
    qtbot.waitUntil(lambda: bool(prompts.infos or prompts.errors), timeout=30000)
    assert not prompts.errors
    assert counted(window) > 0


def test_not_now_imports_nothing_and_says_how_to_import_later(window, prompts, tmp_path):
    street = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row(crime_id="a")])
    assert window.open_path(tmp_path / "office.sqlite", create=True)
    prompts.answers[:] = [False]
    window.offer_police_import([street])
    assert prompts.questions and not prompts.infos and not prompts.errors
    assert counted(window) == 0
    assert "File > Import Police Data" in window.statusBar().currentMessage()


def test_the_last_file_used_is_the_one_opened_for_the_import(window, prompts, demo_path, tmp_path):
    from safer_desk.ui import settings

    settings.add_recent_file(str(demo_path))
    assert window.open_for_import()
    assert window.session.store.path == demo_path


def test_with_no_last_file_the_officers_own_file_is_opened(window, prompts, tmp_path):
    from safer_desk.paths import default_file
    from safer_desk.ui import settings

    settings.add_recent_file(str(tmp_path / "gone.sqlite"))
    assert window.open_for_import()
    assert window.session.store.path == default_file()
