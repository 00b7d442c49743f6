"""Session 73: several files refused together say once that the county file is as it was.

The county lead's first merge of three offices' exports, before any key was confirmed, printed three refusals, each
ending "No county file was made: county.sqlite is made by the first merge that goes in."; two forged files beside a
county file each ended "The county file has not been changed.", and the window's message the same. Each refusal now
says why its file was refused, and the words about the county file come once, last.
"""

from __future__ import annotations

import sqlite3

from tests.exchange.district_offices import district_exports
from tests.exchange.helpers import cli_output, officer_keys

UNCHANGED = "The county file has not been changed."
NONE_MADE = "No county file was made: county.sqlite is made by the first merge that goes in."


def test_a_first_merge_of_three_files_says_no_county_file_was_made_once(tmp_path):
    sent = district_exports(tmp_path, ["Babergh", "Ipswich", "Mid Suffolk"])
    county = tmp_path / "county.sqlite"
    code, out, err = cli_output(["merge", str(county), *map(str, sent)])
    assert code == 1 and not out
    assert err.count("cannot be merged") == 3 and "has not registered for Babergh office" in err, err
    assert err.count(NONE_MADE) == 1 and err.rstrip().endswith(NONE_MADE), err
    assert not county.exists()


def test_two_changed_files_beside_a_county_file_say_it_is_unchanged_once(tmp_path):
    first, second, third = district_exports(tmp_path, ["Babergh", "Ipswich", "Mid Suffolk"])
    county = tmp_path / "county.sqlite"
    code, _, err = cli_output(["merge", str(county), str(first), "--accept-key", officer_keys()[0]])
    assert code == 0, err
    for path in (second, third):
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE _export_manifest SET value = 'Somewhere else' WHERE key = 'office_name'")
        conn.close()
    before = county.read_bytes()
    code, _, err = cli_output(["merge", str(county), str(second), str(third)])
    assert code == 1 and err.count("cannot be merged") == 2, err
    assert err.count(UNCHANGED) == 1 and err.rstrip().endswith(UNCHANGED), err
    assert county.read_bytes() == before


def test_the_words_keep_a_lone_refusal_as_it_is():
    from safer_desk.services.county import refusals_words

    one = f"a.sqlite cannot be merged: it is empty (0 bytes). {UNCHANGED}"
    assert refusals_words([one]) == one
    two = [one, f"b.sqlite cannot be merged: it is truncated. {UNCHANGED}", "c.sqlite passed the checks but …"]
    assert refusals_words(two) == ("a.sqlite cannot be merged: it is empty (0 bytes).\n"
                                   "b.sqlite cannot be merged: it is truncated.\n"
                                   f"c.sqlite passed the checks but …\n{UNCHANGED}")
    assert refusals_words(two, sep="\n\n").endswith(f"…\n\n{UNCHANGED}")
