"""How the police.uk import does its work (issue 16): batches, threads and the one audit entry; the counts and
figures themselves are pinned by test_police_stored_rows.py."""

from __future__ import annotations

import hashlib
import json

from safer_desk.exchange import police_uk
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import HEADER, fixture, street_file, street_files, suffolk_row

FIGURES = "SELECT id, indicator_id, area_id, period, value, source FROM indicator_values ORDER BY id"
COUNTS = "SELECT * FROM _police_counts ORDER BY force, month, source_district, crime_type"


def rows(store, sql):
    return [tuple(r) for r in store.rows(sql)]


def batch_entries(store):
    return [json.loads(r[0]) for r in store.rows("SELECT new_value FROM audit_log WHERE action = 'batch' ORDER BY id")]


def test_a_file_at_a_time_stores_what_one_batch_stores(tmp_path, monkeypatch):
    """Months split over the reader's batches (a file per batch here) give the same rows, audit entry included."""
    from safer_desk.storage.store import open_store

    sources = [fixture("suffolk-2021-01"), fixture("suffolk-2025"), fixture("devon-and-cornwall-2020-q1")]
    got = []
    for files_per_batch in (32, 1):
        monkeypatch.setattr(police_uk, "BATCH_FILES", files_per_batch)
        with open_store(tmp_path / f"{files_per_batch}.sqlite", create=True) as store:
            result = import_police_files(store, sources)
            entries = batch_entries(store)
            got.append((rows(store, FIGURES), rows(store, COUNTS), result.summary_lines(), entries))
    assert got[0] == got[1]
    assert got[0][3][0]["rows"]["indicator_values"]["insert"] == len(got[0][0])


def test_the_same_month_in_two_batches_adds_up(store, tmp_path, monkeypatch):
    """Two forces' files of one month read in different batches: the district's figure is their sum."""
    monkeypatch.setattr(police_uk, "BATCH_FILES", 1)
    one = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row(), suffolk_row(crime_id="b")])
    other = street_file(tmp_path, "2025-01-norfolk-street.csv", [suffolk_row(crime_id="c").replace(
        "Suffolk Constabulary,Suffolk Constabulary", "Norfolk Constabulary,Norfolk Constabulary")])
    import_police_files(store, [one, other])
    assert store.scalar("SELECT value FROM indicator_values WHERE indicator_id = 'indicator:burglary' AND "
                        "area_id = 'district:babergh' AND period = '2025-01'") == 3
    assert batch_entries(store)[0]["rows"]["indicator_values"] == {"insert": 2}  # burglary and all crime, once


def test_two_spellings_of_one_crime_type_are_one_indicator_counted_together(store, tmp_path):
    """Crime types are indicators by their derived id; were a file to spell one two ways, both count."""
    path = street_file(tmp_path, "2025-01-suffolk-street.csv", [
        suffolk_row(crime="Burglary", crime_id="a"), suffolk_row(crime="burglary", crime_id="b"),
        suffolk_row(crime="Burglary", crime_id="c")])
    import_police_files(store, [path])
    assert rows(store, "SELECT indicator_id, value FROM indicator_values WHERE area_id = 'district:babergh' "
                       "ORDER BY indicator_id") == [("indicator:all-crime", 3.0), ("indicator:burglary", 3.0)]


def test_the_audit_entry_carries_the_sha256_of_the_files_read(store):
    folder = fixture("suffolk-2025")
    result = import_police_files(store, [folder])
    own = [hashlib.sha256(p.read_bytes()).hexdigest() for p in street_files(folder)]
    assert result.source_hash == hashlib.sha256("".join(own).encode("ascii")).hexdigest()
    entry = store.one("SELECT row_id, new_value FROM audit_log WHERE action = 'batch'")
    assert entry["row_id"] == result.source_hash
    assert json.loads(entry["new_value"])["source_hash"] == result.source_hash
    assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'indicator_values'") == 0


def test_an_import_leaves_the_connection_as_it_found_it(store, tmp_path):
    before = (store.scalar("PRAGMA cache_size"), store.scalar("PRAGMA temp_store"))
    import_police_files(store, [fixture("suffolk-2025")])
    assert (store.scalar("PRAGMA cache_size"), store.scalar("PRAGMA temp_store")) == before
    assert not store.conn.in_transaction
    leftover = [r[0] for r in store.rows("SELECT name FROM temp.sqlite_master WHERE type = 'table'")]
    assert all(store.scalar(f"SELECT count(*) FROM temp.{name}") == 0 for name in leftover)
    bad = street_file(tmp_path, "2025-02-suffolk-street.csv", [suffolk_row("2025-02"), "x,2025-02,short"])
    try:
        import_police_files(store, [bad])
    except police_uk.PoliceFileError:
        pass
    assert (store.scalar("PRAGMA cache_size"), store.scalar("PRAGMA temp_store")) == before


def test_the_import_works_inside_a_transaction_already_open(store):
    """A caller's own transaction: the import joins it (a savepoint), and its settings are left alone."""
    with store.transaction():
        import_police_files(store, [fixture("suffolk-2021-01")])
        assert store.conn.in_transaction
    assert store.scalar("SELECT count(*) FROM _police_counts") > 0


def test_the_counting_works_beside_the_caller_and_stops_with_the_block(tmp_path, monkeypatch):
    """A small import's files are read and counted on the reader's own threads (one counts, one hashes), never
    in another process (test_police_helper_processes has the big ones); leaving the block early (Cancel, a bad
    file) stops and joins both."""
    import threading

    monkeypatch.delenv("SAFER_DESK_POLICE_HELPER", raising=False)
    monkeypatch.setattr(police_uk, "BATCH_FILES", 1)
    paths = [street_file(tmp_path, f"2025-{m:02d}-suffolk-street.csv", [suffolk_row(f"2025-{m:02d}")])
             for m in range(1, 7)]
    with police_uk.street_files_in(paths) as found:
        reader = police_uk.StreetReader(found.street)
        with reader:
            assert {t.name for t in reader.threads} == {"police-fingerprints", "police-reader"}
            first = next(iter(reader))
            assert [c.forces_months for c in first] == [{("Suffolk Constabulary", "2025-01")}]
        assert not any(t.is_alive() for t in reader.threads)
    assert not any(t.name.startswith("police-") for t in threading.enumerate())


def test_a_header_only_file_beside_others_in_a_batch(store, tmp_path):
    empty = tmp_path / "2025-02-suffolk-street.csv"
    empty.write_text(HEADER + "\n", encoding="utf-8")
    full = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row()])
    result = import_police_files(store, [full, empty])
    assert (result.files, result.rows, [v.month for v in result.vintages]) == (1, 1, ["2025-01"])
    assert result.skipped == [(empty.name, f"{empty.name} has its heading line but no crimes: nothing in it was "
                                           "counted.")]
    assert f"Not imported: {empty.name} has its heading line but no crimes" in "\n".join(result.summary_lines())


def test_each_file_is_read_once_and_the_hashing_reads_no_further_ahead_than_allowed(tmp_path, monkeypatch):
    """The hashing thread reads each file and hands its bytes to the counting thread (one read a file), never
    more than AHEAD_BYTES ahead of the counting; however small that is, the counts and hashes are the same."""
    from safer_desk.exchange import police_count

    sources = street_files(fixture("suffolk-2025"))
    found = police_uk.FoundFiles()
    for path in sources:
        found.street.append(police_uk.StreetFile(path, path.name, path.name, path.name,
                                                 tuple(police_uk.read_header(path))))
    monkeypatch.delenv("SAFER_DESK_POLICE_HELPER", raising=False)  # a small import: read by this process
    reads: list[str] = []
    real = police_count._read_bytes
    monkeypatch.setattr(police_count, "_read_bytes", lambda path: reads.append(path.name) or real(path))
    got = []
    for ahead in (police_uk.AHEAD_BYTES, 1):
        monkeypatch.setattr(police_uk, "AHEAD_BYTES", ahead)
        reads.clear()
        with police_uk.StreetReader(found.street) as reader:
            counted = [(c.name, c.rows, c.counts, c.sha256) for batch in reader for c in batch]
            got.append((counted, reader.source_hash()))
        assert sorted(reads) == sorted(p.name for p in sources)  # once each
    assert got[0] == got[1]
    assert [c[3] for c in got[0][0]] == [hashlib.sha256(p.read_bytes()).hexdigest() for p in sources]
