"""Public data is shared, not owned (issue 13): police.uk counts at the county, on the real schema.

Every district downloads the same force-wide files. Before this, merging a second district that had imported
the same files raised thousands of "conflicts" under internal names (2,439 for two Suffolk offices with the
twelve months of ../shared/data/police-uk/suffolk-2025; 1,772 in the issue's run): every police.uk figure of
the second office. A force-month is one fact now, whoever sent it.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from safer_desk.exchange.county_merge import ExportRefused, read_export
from safer_desk.exchange.county_schema import content_checksum, data_tables, quote
from safer_desk.storage import audit
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import (add_own_rows, district_exports, export, load_police, merge, office_from,
                                             template)


def police_figures(store) -> dict[tuple[str, str, str], float]:
    return {(r[0], r[1], r[2]): r[3] for r in store.rows(
        "SELECT indicator_id, area_id, period, value FROM indicator_values WHERE source = 'police.uk'")}


def counts(store) -> list[tuple]:
    return [tuple(r) for r in store.rows("SELECT * FROM _police_counts ORDER BY force, month, source_district, "
                                         "crime_type")]


def batches(store) -> list[dict]:
    return [json.loads(r[0]) for r in store.rows("SELECT new_value FROM audit_log WHERE action = 'batch' ORDER BY id")]


def export_with_counts_changed_after_signing(tmp_path):
    """Babergh's export with one police.uk count of Mar 2025 changed after it was signed."""
    path = district_exports(tmp_path, ["Babergh"])[0]
    conn = sqlite3.connect(str(path))
    conn.execute("UPDATE _police_counts SET count = count + 1 WHERE month = '2025-03' AND crime_type = 'Burglary' "
                 "AND source_district = (SELECT min(source_district) FROM _police_counts WHERE month = '2025-03')")
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def county(tmp_path):
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    yield store
    store.close()


def test_two_districts_that_imported_the_same_police_files_merge_with_no_conflict(tmp_path, county):
    exports = district_exports(tmp_path, ["Babergh", "Mid Suffolk"])
    report = merge(county, exports)
    assert report.refused == [] and report.conflicts == [], report.text()
    first, second = report.merged
    assert first.public == {"added": 12} and second.public == {"same": 12}
    assert "12 already held from the same download" in report.text()
    office = open_store(tmp_path / "babergh.sqlite", read_only=True)
    try:
        # The counts are the office's, once; the figures made from them are worked out again at the county and
        # are the office's figures exactly.
        assert counts(county) == counts(office)
        assert police_figures(county) == police_figures(office) != {}
    finally:
        office.close()
    # Figures made from the counts belong to no office: never merged, never removed with an office's rows.
    assert county.scalar("SELECT count(*) FROM _county_provenance WHERE table_name = 'indicator_values'") == 0
    assert county.scalar("SELECT count(*) FROM _county_provenance WHERE table_name = '_police_vintages' "
                         "AND office_name = 'Babergh office' AND shared = 1") == 12


def test_twenty_five_districts_merge_with_no_conflict_one_audit_entry_each_and_a_file_that_does_not_balloon(
        tmp_path, county):
    names = [f"Office {n:02d}" for n in range(1, 26)]
    exports = district_exports(tmp_path, names)
    report = merge(county, exports)
    assert report.refused == [] and report.conflicts == [], report.text()
    assert [s.public for s in report.merged] == [{"added": 12}] + [{"same": 12}] * 24
    assert county.scalar("SELECT count(*) FROM projects") == 25
    assert county.scalar("SELECT count(*) FROM dhr_cases") == 25
    # One audit entry per merged export, saying which office, export, key and rows per table.
    merged = [b for b in batches(county) if b["what"].startswith("Merge ")]
    assert [b["what"] for b in merged] == [f"Merge {n} office export 1" for n in names]
    first = merged[0]
    assert first["office"] == "Office 01 office" and first["export_number"] == 1 and first["key_fingerprint"]
    assert first["source"] == exports[0].name and len(first["source_hash"]) == 64
    assert first["tables"]["projects"] == {"added": 1}
    assert first["police_force_months"] == {"added": 12}
    assert merged[1]["tables"]["projects"] == {"added": 1} and merged[1]["police_force_months"] == {"same": 12}
    entries = county.scalar("SELECT count(*) FROM audit_log")
    assert entries == 25 + 25  # the merges, and each office's key accepted
    # Merging all 25 again changes nothing, the trail included.
    again = merge(county, exports)
    assert not any(s.changed for s in again.merged) and again.conflicts == []
    assert county.scalar("SELECT count(*) FROM audit_log") == entries
    # The county file stays within 1.5x a fresh file holding the same distinct rows with no audit trail.
    county.close()
    fresh = fresh_copy_of_the_rows(county.path, tmp_path / "fresh.sqlite")
    ratio = county.path.stat().st_size / fresh.stat().st_size
    assert ratio <= 1.5, f"county file {county.path.stat().st_size:,} bytes, fresh {fresh.stat().st_size:,}"


def fresh_copy_of_the_rows(source, target):
    """A new file holding the same rows (data and public tables) and no audit trail at all."""
    open_store(target, create=True).close()
    conn = sqlite3.connect(str(target), isolation_level=None)
    state = audit.register_functions(conn)
    state.batch = audit.Batch("fresh copy")  # the row triggers count and write nothing
    conn.execute("ATTACH DATABASE ? AS src", (str(source),))
    conn.execute("BEGIN")
    tables = data_tables(conn) + ["_police_counts", "_police_vintages"]
    for table in tables:
        conn.execute(f"INSERT OR IGNORE INTO main.{quote(table)} SELECT * FROM src.{quote(table)}")
    conn.execute("DELETE FROM main.audit_log")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE src")
    conn.execute("VACUUM")
    conn.close()
    return target


def test_a_later_download_of_a_month_replaces_the_earlier_one_and_the_summary_says_so(tmp_path, county):
    # Mid Suffolk downloaded January in January; Babergh downloaded the whole year in December, when
    # data.police.uk had revised January's counts.
    bare = template(tmp_path, police=False)
    mid = office_from(bare, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    babergh = office_from(bare, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    try:
        load_police(mid, ["2025-01"], download="2025-01.zip", sha="1" * 64)
        load_police(babergh, None, download="2025-12.zip", sha="2" * 64, change=1)
        early, late = export(mid, tmp_path / "mid-1.sqlite"), export(babergh, tmp_path / "babergh-1.sqlite")
        late_figures = police_figures(babergh)
    finally:
        mid.close()
        babergh.close()
    report = merge(county, [early, late])
    assert report.conflicts == []
    assert report.merged[1].public == {"added": 11, "replaced": 1}
    assert report.merged[1].public_notes == [
        "Suffolk Constabulary Jan 2025: replaced by the download of Dec 2025 from Babergh office."]
    assert "Suffolk Constabulary Jan 2025: replaced by the download of Dec 2025 from Babergh office." in report.text()
    assert police_figures(county) == late_figures
    assert county.scalar("SELECT file_name FROM _police_vintages WHERE month = '2025-01'") == "2025-12.zip"
    # The earlier download merged again (or merged last) changes nothing: the county keeps the later one.
    before = content_checksum(county.conn), counts(county)
    again = merge(county, [early]).merged[0]
    assert again.public == {"older": 1} and again.conflicts == [] and not again.changed
    assert again.public_notes == ["Suffolk Constabulary Jan 2025: the county already holds a later download "
                                  "(Dec 2025) than Mid Suffolk office's (Jan 2025); kept."]
    assert (content_checksum(county.conn), counts(county)) == before


def test_the_same_file_in_a_later_download_only_moves_the_download_date(tmp_path, county):
    bare = template(tmp_path, police=False)
    a = office_from(bare, tmp_path / "a.sqlite", "Babergh office", districts=["Babergh"])
    b = office_from(bare, tmp_path / "b.sqlite", "Ipswich office", districts=["Ipswich"])
    try:
        load_police(a, ["2025-01"], download="2025-01.zip", sha="1" * 64)
        load_police(b, ["2025-01", "2025-02"], download="2025-02.zip", sha="1" * 64)
        paths = [export(a, tmp_path / "a-1.sqlite"), export(b, tmp_path / "b-1.sqlite")]
    finally:
        a.close()
        b.close()
    report = merge(county, paths)
    assert report.conflicts == [] and report.merged[1].public == {"same": 1, "added": 1}
    assert county.scalar("SELECT download_newest_month FROM _police_vintages WHERE month = '2025-01'") == "2025-02"


def test_police_counts_changed_after_signing_are_refused(tmp_path, county):
    path = export_with_counts_changed_after_signing(tmp_path)
    # `safer-desk check` reads every force-month against its signed digest …
    with pytest.raises(ExportRefused, match="its police.uk counts for Suffolk Constabulary Mar 2025 were changed "
                                            "after it was signed"):
        read_export(path)
    # … and so does the merge, which refuses the file with the county file as it was.
    before = content_checksum(county.conn)
    report = merge(county, [path])
    assert report.merged == [] and "Mar 2025 were changed after it was signed" in report.refused[0][1]
    assert content_checksum(county.conn) == before
    assert county.scalar("SELECT count(*) FROM _police_counts") == 0
    # The export was read from memory, attached to the county's connection: let go of after the refusal, so the
    # next file merges.
    assert "merge_src" not in [r[1] for r in county.conn.execute("PRAGMA database_list")]
    good = district_exports(tmp_path, ["Ipswich"], template_path=tmp_path / "template.sqlite")[0]
    report = merge(county, [good])
    assert report.refused == [] and len(report.merged) == 1 and county.scalar("SELECT count(*) FROM _police_counts")
    assert "merge_src" not in [r[1] for r in county.conn.execute("PRAGMA database_list")]


def test_an_office_with_its_own_figures_and_the_counts_keeps_them_at_the_county(tmp_path):
    """An office that typed a figure over the police.uk counts it imported (kept, as the import keeps typed figures)
    sees that figure at the county too, whichever office's file is merged first: its own choice, not a conflict."""
    from safer_desk.services import indicators as ind

    base = template(tmp_path)
    a = office_from(base, tmp_path / "a.sqlite", "Babergh office", districts=["Babergh"])
    b = office_from(base, tmp_path / "b.sqlite", "Ipswich office", districts=["Ipswich"])
    try:
        ind.save_values(a, "indicator:all-crime", "district:babergh", [ind.PeriodValue("2025-04", 1335.0)],
                        require_red_comments=False)
        add_own_rows(b, "Ipswich")
        paths = [export(a, tmp_path / "a-1.sqlite"), export(b, tmp_path / "b-1.sqlite")]
    finally:
        a.close()
        b.close()
    for order, name in ((paths, "c1.sqlite"), (paths[::-1], "c2.sqlite")):
        other = open_store(tmp_path / name, create=True)
        try:
            report = merge(other, order)
            assert report.conflicts == [], report.text()
            assert other.scalar("SELECT value FROM indicator_values WHERE indicator_id = 'indicator:all-crime' AND "
                                "area_id = 'district:babergh' AND period = '2025-04'") == 1335
        finally:
            other.close()


def test_a_vintage_whose_file_hash_is_not_hex_still_merges(tmp_path, county):
    """The file hash of a vintage is whatever the export says (text): the county keeps it, and never stumbles on it."""
    bare = template(tmp_path, police=False)
    store = office_from(bare, tmp_path / "a.sqlite", "Babergh office", districts=["Babergh"])
    try:
        load_police(store, ["2025-01"], sha="not a hex digest")
        path = export(store, tmp_path / "a-1.sqlite")
    finally:
        store.close()
    report = merge(county, [path])
    assert report.refused == [] and report.merged[0].public == {"added": 1}
    assert county.scalar("SELECT file_sha256 FROM _police_vintages") == "not a hex digest"


def test_a_merge_refused_into_a_county_file_not_made_yet_leaves_no_file(tmp_path):
    # `safer-desk merge county.sqlite babergh-1.sqlite` with counts changed after signing: "cannot be merged … The
    # county file has not been changed", and a new, empty county file of a megabyte was left where there was none.
    from tests.exchange.helpers import accept_key_args, cli_output

    path = export_with_counts_changed_after_signing(tmp_path)
    county = tmp_path / "new county.sqlite"
    code, _, err = cli_output(["merge", str(county), str(path), *accept_key_args()])
    assert code == 1 and "Mar 2025 were changed after it was signed" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("new county")) == []


def test_a_figure_typed_over_the_counts_after_they_were_merged_is_followed_not_a_county_edit(tmp_path, county):
    """An office whose counts the county already merged types a figure over them and sends its file again: the county
    follows it (its own choice), as it does when the first file holds it. It was a conflict "366 in the county file,
    400 typed by Mid Suffolk office", filed under "Rows edited at the county", though no one edited the county's."""
    from safer_desk.services import indicators as ind

    store = office_from(template(tmp_path), tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    try:
        first = export(store, tmp_path / "mid-1.sqlite")
        ind.save_values(store, "indicator:all-crime", "district:mid-suffolk", [ind.PeriodValue("2025-05", 400.0)],
                        require_red_comments=False)
        second = export(store, tmp_path / "mid-2.sqlite")
    finally:
        store.close()
    assert merge(county, [first]).conflicts == []
    report = merge(county, [second])
    assert report.conflicts == [], report.text()
    assert county.scalar("SELECT value FROM indicator_values WHERE indicator_id = 'indicator:all-crime' AND "
                         "area_id = 'district:mid-suffolk' AND period = '2025-05'") == 400
    assert not merge(county, [second]).merged[0].changed  # and the same file again changes nothing


def _all_crime(store, area: str, period: str):
    return store.one("SELECT value, source FROM indicator_values WHERE indicator_id = 'indicator:all-crime' AND "
                     "area_id = ? AND period = ?", (area, period))


def test_an_office_changes_or_drops_its_figure_typed_over_the_counts_and_the_county_follows(tmp_path, county):
    """Babergh office's 1,335 typed over its own counts is its row at the county. Any later merge (Mid Suffolk's
    file) forgot whose it was: Babergh's next figure for the month was then a conflict "1,335 in the county file,
    1,400 typed by Babergh office", and a file with the figure put back to the police.uk count (the import's
    question answered) left 1,335 at the county, said "0 removed", and the county's year to date stayed 986 high."""
    from safer_desk.services import indicators as ind
    from safer_desk.services.police_import import replace_typed_figures

    base = template(tmp_path)
    a = office_from(base, tmp_path / "a.sqlite", "Babergh office", districts=["Babergh"])
    b = office_from(base, tmp_path / "b.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    try:
        police = a.scalar("SELECT value FROM indicator_values WHERE indicator_id = 'indicator:all-crime' AND "
                          "area_id = 'district:babergh' AND period = '2025-04'")
        sends = []
        for value in (1335.0, 1400.0, None):
            if value is None:
                replace_typed_figures(a, [("indicator:all-crime", "district:babergh", "2025-04")])
            else:
                ind.save_values(a, "indicator:all-crime", "district:babergh", [ind.PeriodValue("2025-04", value)],
                                require_red_comments=False)
            sends.append(export(a, tmp_path / f"a-{len(sends)}.sqlite"))
        mid = export(b, tmp_path / "b-1.sqlite")
    finally:
        a.close()
        b.close()
    assert merge(county, [sends[0], mid]).conflicts == []
    assert tuple(_all_crime(county, "district:babergh", "2025-04")) == (1335, "typed")
    report = merge(county, [sends[1]])
    assert report.conflicts == [], report.text()
    assert tuple(_all_crime(county, "district:babergh", "2025-04")) == (1400, "typed")
    report = merge(county, [sends[2]])
    assert report.conflicts == [] and report.merged[0].removed == 1, report.text()
    assert tuple(_all_crime(county, "district:babergh", "2025-04")) == (police, "police.uk")
