"""Import Police Data… over many typed figures that differ from the counts (session 59): a district that had
imported a sheet of its force's own figures for January to March (45 figures, most a little off police.uk's) was
shown a summary listing every one of them, 52 lines in a message taller than a laptop's screen (its OK button off the
bottom), and then asked about the same figures, eight listed. The window's summary lists eight too ("… and 31 more");
the command line still prints every one."""

from __future__ import annotations

import re

from safer_desk.cli import main
from safer_desk.services import indicators as svc
from tests.indicators.police_helpers import fixture, import_in_window

MONTHS = ["2025-01", "2025-02", "2025-03"]


def type_one_more_than_each_count(store) -> int:
    typed = 0
    for indicator in svc.list_indicators(store):
        rows = svc.value_rows(store, indicator.id, "district:babergh", MONTHS)
        values = [svc.PeriodValue(p, r["value"] + 1) for p, r in rows.items() if r["value"] is not None]
        if values:
            svc.save_values(store, indicator.id, "district:babergh", values, require_red_comments=False)
            typed += len(values)
    return typed


def test_the_window_lists_eight_and_says_how_many_more(demo_window, qtbot, prompts):
    typed = type_one_more_than_each_count(demo_window.session.store)
    assert typed == 45
    prompts.answers[:] = [False]  # Keep typed figures
    infos, errors = import_in_window(demo_window, prompts, qtbot, fixture("suffolk-2025"), folder=True)
    assert errors == []
    text = infos[-1][1]
    kept = int(re.search(r"Kept (\d+) typed figures that differ from the police.uk counts:", text).group(1))
    assert kept > 30  # the trimmed fixture's counts: some of the 45 typed are police.uk's when one more
    listed = [line for line in text.splitlines() if line.startswith("  ") and ", Babergh, " in line]
    assert len(listed) == 8
    assert f"  … and {kept - 8} more (the question that follows asks about them all)" in text.splitlines()
    assert len(text.splitlines()) < 25


def test_the_command_line_prints_every_one(demo_path, capsys):
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:
        type_one_more_than_each_count(store)
    finally:
        store.close()
    assert main(["import-police", str(demo_path), str(fixture("suffolk-2025"))]) == 0
    out = capsys.readouterr().out.splitlines()
    kept = int(next(re.match(r"Kept (\d+) typed", line).group(1) for line in out if line.startswith("Kept ")))
    assert kept > 30 and len([line for line in out if line.startswith("  ") and ", Babergh, " in line]) == kept
