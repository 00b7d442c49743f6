"""Property: whatever an office does between exports, merging each export leaves the county with exactly the
office's rows (its checksum equals the export's), with nothing reported as a conflict; merging again changes
nothing."""

from __future__ import annotations

import itertools
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safer_desk.exchange.county_schema import content_checksum, row_counts
from safer_desk.services.county import export_for_county
from tests.exchange.helpers import merge_accepting, new_office

edit = st.one_of(
    st.tuples(st.just("add project"), st.text("abc xyz", min_size=1, max_size=6), st.integers(0, 10**9)),
    st.tuples(st.just("edit project"), st.integers(0, 50), st.integers(0, 10**9)),
    st.tuples(st.just("delete project"), st.integers(0, 50)),
    st.tuples(st.just("add line"), st.integers(0, 50), st.integers(0, 10**7)),
    st.tuples(st.just("delete line"), st.integers(0, 50)),
    st.tuples(st.just("export"),),
)


def apply(store, step, counter) -> None:
    rows = [r[0] for r in store.rows("SELECT id FROM x_projects ORDER BY id")]
    lines = [r[0] for r in store.rows("SELECT id FROM x_project_lines ORDER BY id")]
    kind = step[0]
    with store.transaction():
        c = store.conn
        if kind == "add project":
            c.execute("INSERT INTO x_projects VALUES (?, ?, 'proposed', ?)", (f"p{next(counter)}", step[1], step[2]))
        elif kind == "edit project" and rows:
            c.execute("UPDATE x_projects SET cost_pence = ? WHERE id = ?", (step[2], rows[step[1] % len(rows)]))
        elif kind == "delete project" and rows:
            c.execute("DELETE FROM x_projects WHERE id = ?", (rows[step[1] % len(rows)],))
        elif kind == "add line" and rows:
            c.execute("INSERT INTO x_project_lines VALUES (?, ?, '2016/17', ?)",
                      (f"l{next(counter)}", rows[step[1] % len(rows)], step[2]))
        elif kind == "delete line" and lines:
            c.execute("DELETE FROM x_project_lines WHERE id = ?", (lines[step[1] % len(lines)],))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(edit, min_size=1, max_size=12))
def test_each_export_merged_leaves_the_county_equal_to_the_office(standin_privacy, steps):
    folder = Path(tempfile.mkdtemp(prefix="safer-desk-prop-"))
    district, county = new_office(folder / "d.sqlite", "District"), new_office(folder / "c.sqlite", "County")
    tables = ["x_projects", "x_project_lines"]
    counter = itertools.count()
    try:
        for n, step in enumerate(steps + [("export",)]):
            if step[0] != "export":
                apply(district, step, counter)
                continue
            out = export_for_county(district, folder / f"e{n}.sqlite")
            summary = merge_accepting(county, [out.path]).merged[0]
            assert summary.conflicts == []
            assert content_checksum(county.conn, tables) == content_checksum(district.conn, tables)
            before = content_checksum(county.conn), row_counts(county.conn)
            again = merge_accepting(county, [out.path]).merged[0]
            assert not again.changed and (content_checksum(county.conn), row_counts(county.conn)) == before
    finally:
        district.close()
        county.close()
        shutil.rmtree(folder, ignore_errors=True)


# -- public data: the county's police.uk counts do not depend on the order files come in ----------------------
download = st.tuples(st.sampled_from(["2025-01", "2025-03", "2025-06"]),  # the download's newest month
                     st.sampled_from(["1", "2", "3"]))  # which revision of the counts (its file hash)


@settings(max_examples=4, deadline=None)
@given(downloads=st.lists(download, min_size=2, max_size=3), order=st.randoms(use_true_random=False))
def test_police_counts_end_up_the_same_whatever_order_the_offices_files_come_in(downloads, order):
    """Each office downloaded January 2025 at some point; merged in any order, the county holds the winning
    download (the latest, the file hash settling a tie) and never raises a conflict."""
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import export, load_police, merge, office_from, template

    folder = Path(tempfile.mkdtemp(prefix="safer-desk-prop-"))
    try:
        bare = template(folder, police=False)
        exports = []
        for n, (newest, revision) in enumerate(downloads):
            store = office_from(bare, folder / f"o{n}.sqlite", f"Office {n}", districts=["Babergh"])
            try:
                months = sorted({"2025-01", newest})
                # The same file hash, the same counts (a revision of the counts is another file).
                load_police(store, months, download=f"{newest}.zip", sha=revision * 64, change=int(revision),
                            imported_at="")
                exports.append(export(store, folder / f"o{n}-export.sqlite"))
            finally:
                store.close()
        results = []
        for k, paths in enumerate([exports, order.sample(exports, len(exports))]):
            county = open_store(folder / f"county-{k}.sqlite", create=True)
            try:
                report = merge(county, paths)
                assert report.conflicts == [] and report.refused == []
                results.append((county.rows("SELECT * FROM _police_counts ORDER BY 1, 2, 3, 4"),
                                county.rows("SELECT force, month, file_sha256, download_newest_month FROM "
                                            "_police_vintages ORDER BY 1, 2")))
                results[-1] = tuple([tuple(r) for r in rows] for rows in results[-1])
            finally:
                county.close()
        assert results[0] == results[1]
        winner = max((newest, "", revision * 64) for newest, revision in downloads)
        january = next(v for v in results[0][1] if v[1] == "2025-01")
        assert january[2] == winner[2]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
