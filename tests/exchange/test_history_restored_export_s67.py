"""Session 67: the county's acceptance of an office's export made from a restored backup (`merge --accept-restored`,
or the window's Accept) had no words of its own in the History of Changes. Its line was the trail's raw record:
"export of a restored file accepted: after export id 5f0c…; after export number 2; export number 2; office Example
office (seed papers); office id 424a…; what …", the program's ids for the office and the export in an officer's
words, and the time the earlier export was made in UTC (every time in the window is on the computer's clock). It now
says what was accepted, and what that did, in words."""

from __future__ import annotations

from safer_desk.presenters.history import history_lines
from safer_desk.storage.store import open_store
from tests.cli_run import run
from tests.exchange.test_restored_backup_s60k import _restored


def test_the_acceptance_of_a_restored_file_s_export_is_said_in_words(demo_path, tmp_path, capsys):
    county, _, _, e3 = _restored(demo_path, tmp_path, capsys)
    assert run(capsys, "merge", county, e3, "--accept-restored")[0] == 0
    store = open_store(county, read_only=True)
    try:
        office_id = store.scalar("SELECT office_id FROM _county_imports LIMIT 1")
        ids = {r[0] for r in store.rows("SELECT export_id FROM _county_imports")}
        # (its own line, or, since every merge is in the trail (session 76), the first change of the merge's line)
        lines = [line for line in history_lines(store)
                 if "restored" in line.summary or any("restored file" in d for d in line.details[:1])]
    finally:
        store.close()
    assert lines, "the acceptance is a line of the history"
    said = "\n".join([lines[0].summary, *lines[0].details])
    assert office_id not in said and not any(i in said for i in ids), said
    assert "office id" not in said and "after export" not in said, said
    assert lines[0].details[0].startswith("Accepted Example office (seed papers)'s export number 2 as the export of "
                                          "its restored file, after the county had merged its export number 2"), said
    assert " UTC" not in said, said

