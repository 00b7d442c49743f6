"""Session 70 (ind2): a month police.uk re-published with corrected counts, imported again, was in the History of
Changes as "Replaced Suffolk Constabulary Apr 2025, imported before (never added twice)" and "Changed 7 indicator
figures": months later, nobody could tell from it that Babergh's all crime for April had gone from 349 to 341. The
entry now says each month replaced's changed figures, before and now, as the import's summary did."""

from __future__ import annotations

from pathlib import Path

from safer_desk.presenters.history import history_lines
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import street_file, suffolk_row

APRIL = Path("/work/shared/data/police-uk/suffolk-2025/2025-04-suffolk-street.csv")


def test_a_month_imported_again_says_in_the_history_what_it_changed(store, tmp_path):
    import_police_files(store, [APRIL])
    lines = APRIL.read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "corrected").mkdir()
    corrected = tmp_path / "corrected" / APRIL.name
    corrected.write_text("".join(lines[:1] + [line for line in lines[1:] if "Babergh 001A" not in line]),
                         encoding="utf-8")
    import_police_files(store, [corrected])
    line = history_lines(store, limit=1)[0]
    assert ("Suffolk Constabulary Apr 2025, police.uk counts before → now: All crime Babergh 349 → 341; Anti-social "
            "behaviour Babergh 49 → 48; crime types changed: Burglary, Criminal damage and arson, Other theft, "
            "Vehicle crime and Violence and sexual offences") in line.details, line.details


def test_many_months_name_three_and_count_the_rest_and_the_same_counts_are_said(store, tmp_path):
    for folder in ("first", "again"):  # a new file of each month, its counts the same
        (tmp_path / folder).mkdir()
        import_police_files(store, [street_file(tmp_path / folder, f"2025-{m:02d}-suffolk-street.csv",
                                                [suffolk_row(month=f"2025-{m:02d}", crime_id=f"{folder}{m}")])
                                    for m in range(1, 6)])
    details = history_lines(store, limit=1)[0].details
    assert "Suffolk Constabulary Jan 2025: the new file's counts are the same as before" in details, details
    assert "… and 2 more months replaced" in details, details
    assert not any("Apr 2025:" in d for d in details), details
