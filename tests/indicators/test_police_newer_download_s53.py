"""Of two downloads of the same month in one import, the newer download's counts are kept (session 53).

Seen: a folder holding two police.uk zips (hash-like names), a newer download of January to March 2025 and an older
one of January alone with a tenth fewer rows (police.uk adds crimes later): the file read last was counted, here the
older one's, and the summary called it "the later one" (Babergh's All crime for Jan-25 271, where the newer download
says 298). A later import and the county's merge both keep the later download.
"""

from __future__ import annotations

import pytest

from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import fixture, independent_counts, make_zip

SUFFOLK = fixture("suffolk-2025")


def downloads(tmp_path):
    """(newer zip: Jan to Mar, older zip: Jan alone, a tenth of its rows fewer), in a folder."""
    old = tmp_path / "old-jan"
    old.mkdir()
    jan = (SUFFOLK / "2025-01-suffolk-street.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (old / "2025-01-suffolk-street.csv").write_text(
        "".join(line for i, line in enumerate(jan) if i == 0 or i % 10), encoding="utf-8")
    folder = tmp_path / "fold"
    folder.mkdir()
    newer = make_zip(folder / "4b7e1f0a.zip", {f"2025-0{m}/2025-0{m}-suffolk-street.csv":
                                                SUFFOLK / f"2025-0{m}-suffolk-street.csv" for m in (1, 2, 3)})
    older = make_zip(folder / "9c2d5e11.zip", {"2025-01/2025-01-suffolk-street.csv":
                                                old / "2025-01-suffolk-street.csv"})
    return folder, newer, older, len(jan) - 1, sum(1 for i in range(1, len(jan)) if i % 10)


def january(store) -> dict:
    return {(r[0], r[1]): r[2] for r in store.rows(
        "SELECT source_district, crime_type, count FROM _police_counts WHERE month = '2025-01'")}


@pytest.mark.parametrize("order", ["a folder (the older read last)", "newer then older", "older then newer"])
def test_the_newer_download_s_month_is_counted_whichever_is_read_last(store, tmp_path, order):
    folder, newer, older, rows_new, rows_old = downloads(tmp_path)
    given = {"a folder (the older read last)": [folder], "newer then older": [newer, older],
             "older then newer": [older, newer]}[order]
    result = import_police_files(store, given)
    expected = independent_counts(SUFFOLK / "2025-01-suffolk-street.csv")
    held = january(store)
    assert sum(held.values()) == rows_new
    assert held[("Babergh", "Burglary")] == expected[("Burglary", "Babergh", "2025-01")]
    assert store.scalar("SELECT download_newest_month FROM _police_vintages WHERE month = '2025-01'") == "2025-03"
    lines = result.summary_lines()
    assert ("Suffolk Constabulary 2025-01 is in two different downloads: the later one's (2025-01/2025-01-suffolk-"
            f"street.csv (in 4b7e1f0a.zip), of the download to 2025-03, {rows_new:,} rows) was counted, not the "
            f"earlier one's (2025-01/2025-01-suffolk-street.csv (in 9c2d5e11.zip), {rows_old:,} rows).") in lines, lines
    assert not any("the later one (" in line for line in lines)
    # The summary's figures are the counted files': three months of the newer download, one file of each month.
    assert result.rows == sum(len((SUFFOLK / f"2025-0{m}-suffolk-street.csv").read_text(encoding="utf-8")
                                  .splitlines()) - 1 for m in (1, 2, 3))
    assert result.files == 3


def test_so_too_when_helper_processes_count_and_each_batch_is_written_as_read(store, tmp_path, monkeypatch):
    from safer_desk.exchange import police_uk

    monkeypatch.setenv("SAFER_DESK_POLICE_HELPER", "always")
    monkeypatch.setattr(police_uk, "COUNT_WHILE_HELPERS_START", False)
    folder, _, _, rows_new, _ = downloads(tmp_path)
    seen = []
    original = police_uk.StreetReader.helped
    monkeypatch.setattr(police_uk.StreetReader, "helped", property(lambda self: seen.append(original.fget(self))
                                                                   or original.fget(self)))
    import_police_files(store, [folder])
    assert seen == [True]  # the counts of each batch were written as they came
    assert sum(january(store).values()) == rows_new
    assert store.scalar("SELECT rows FROM _police_vintages WHERE month = '2025-01'") == rows_new
