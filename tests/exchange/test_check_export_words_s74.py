"""`safer-desk check` of an export says how it read it in words an officer understands (s74, audit).

Its last `ok:` line read "opened as hostile: read-only, immutable, trusted_schema off, defensive, triggers off, views
off, untrusted schema": SQLite's switch names, and "hostile" of a file the officer's own office made, which reads as
an accusation. It now says what they mean: nothing in the file was run and nothing written to it; the switches stay
in brackets for IT.
"""

from __future__ import annotations

from safer_desk.services.county import export_for_county
from tests.cli_run import run


def test_check_of_an_export_says_how_it_was_read_in_plain_words(demo_store, tmp_path, capsys):
    export = export_for_county(demo_store, tmp_path / "for-county.sqlite").path
    code, out, err = run(capsys, "check", export)
    assert code == 0 and err == "", err
    line = next(x for x in out.splitlines() if "read-only" in x)
    assert "hostile" not in out
    assert line.startswith("  ok: read without running anything in it or writing to it, as every file from outside "
                           "is read (read-only, immutable"), line
