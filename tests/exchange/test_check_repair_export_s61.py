"""`safer-desk check EXPORT --repair` on a sound export began "PROBLEM: --repair is for office and county files
only", above five "ok" lines, and ended "Something is wrong: see PROBLEM above.": a county lead read a good export
as unsound and asked the office for another. The exit stays 1 (what was asked, a repair, was not done: an error,
DESIGN §4), but the checks say the export is sound and the last line says only that nothing was repaired."""

from __future__ import annotations

import sqlite3

from safer_desk.services.county import export_for_county
from tests.exchange.helpers import cli_output


def test_repair_asked_of_a_sound_export_says_it_is_sound_and_nothing_was_repaired(district, tmp_path):
    export = export_for_county(district, tmp_path / "babergh-for-county.sqlite").path
    code, out, err = cli_output(["check", str(export), "--repair"])
    assert code == 1
    assert "PROBLEM" not in out + err and "Something is wrong" not in out + err
    assert "with the key" in out and out.count("  ok: ") >= 4
    assert err.strip().splitlines() == ["All checks passed, but nothing was repaired: --repair is for office and "
                                        "county files only; an export is never changed."]


def test_repair_asked_of_a_changed_export_says_both(district, tmp_path):
    export = export_for_county(district, tmp_path / "babergh-for-county.sqlite").path
    conn = sqlite3.connect(str(export), isolation_level=None)
    conn.create_function("safer_desk_user", 0, lambda: "forger")
    conn.execute("UPDATE x_projects SET cost_pence = 2")
    conn.close()
    code, _, err = cli_output(["check", str(export), "--repair"])
    assert code == 1
    lines = err.rstrip().splitlines()
    assert any(line.startswith("  PROBLEM: ") and "x_projects" in line for line in lines)
    assert lines[-2:] == ["Something is wrong: see PROBLEM above.", "Nothing was repaired: --repair is for office and "
                          "county files only; an export is never changed."]
