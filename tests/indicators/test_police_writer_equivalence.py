"""The import's writer against a reference (issue 16): however the writer spreads its writes over the batches
the reader hands it, the file it leaves is the one the way before left, table by table, row order included,
with the same audit entry and the same answers, in every case these import sequences make: a later file in
the same import replacing an earlier file's force-month, a district that appears only in a later month, two
forces in one month, the same files again, a newer file replacing a month, typed figures kept or replaced,
and a bad file or Cancel part-way rolling everything back.

The reference is the writer as it was: each batch's counts written as the batch comes (``add_files`` then
``write_counts``), the figures once at the end."""

from __future__ import annotations

import functools
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safer_desk.domain.ids import seeded_ids
from safer_desk.exchange import police_uk
from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services import indicators as svc
from safer_desk.services import police_import
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.police_import import crime_indicator_id, import_police_files
from safer_desk.services.progress import Cancelled
from safer_desk.storage.store import open_store
from tests.indicators.police_helpers import street_file

FORCES = ("Suffolk Constabulary", "Norfolk Constabulary")
MONTHS = ("2025-01", "2025-02", "2025-03")
LSOAS = ("Babergh 001A", "Waveney 003C", "Ipswich 010B", "", "Norwich 001A")
CRIMES = ("Burglary", "Anti-social behaviour", "Vehicle crime", "Other theft")
ALL = crime_indicator_id("All crime")


def row(force: str, month: str, lsoa: str, crime: str) -> str:
    return f"id,{month},{force},{force},0.86,52.14,On or near X,E01029876,{lsoa},{crime},Under investigation,"


FILE = st.tuples(st.sampled_from(FORCES), st.sampled_from(MONTHS),
                 st.lists(st.tuples(st.sampled_from(LSOAS), st.sampled_from(CRIMES)), min_size=1, max_size=12))
TYPED = st.one_of(st.none(), st.tuples(st.sampled_from(("Babergh", "East Suffolk", "Ipswich")),
                                       st.sampled_from(MONTHS), st.integers(0, 5)))
IMPORT = st.fixed_dictionaries({
    "files": st.lists(FILE, min_size=1, max_size=5),
    "typed": TYPED,
    "replace_typed": st.booleans(),
    "broken": st.sampled_from([None, "bad file", "cancel"]),
})


def reference_add_files(self, counted):
    """The writer as it was: a batch's counts written as soon as the batch is read."""
    new_add_files(self, counted)
    self.write_counts(self.pending)
    self.pending = {}


new_add_files = police_import._Writer.add_files


def tables(store) -> dict[str, list[tuple]]:
    """Every table in the order its rows were written (rowid), or by key where it has none; the audit trail
    without its times, ids and hashes (which differ from one run to the next by design)."""
    out = {}
    for (name,) in store.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
                              "ORDER BY name"):
        if name in ("meta", "_sqlite_migrations"):  # the file's own making: its office id and when
            continue
        if name == "audit_log":
            out[name] = [tuple(r) for r in store.rows(
                "SELECT table_name, row_id, action, column_name, old_value, new_value, action_label FROM audit_log "
                "ORDER BY id")]
            continue
        without_rowid = store.scalar("SELECT sql LIKE '%WITHOUT ROWID%' FROM sqlite_master WHERE name = ?", (name,))
        order = "1, 2" if without_rowid else "rowid"
        out[name] = [tuple(r) for r in store.rows(f'SELECT * FROM "{name}" ORDER BY {order}')]
    return out


@functools.lru_cache(maxsize=1)
def blank_file() -> Path:
    """One new file for every run to start from (removed when this module's tests end)."""
    folder = Path(tempfile.mkdtemp(prefix="safer-desk-writer-"))
    open_store(folder / "blank.sqlite", create=True).close()
    return folder / "blank.sqlite"


@pytest.fixture(autouse=True, scope="module")
def _remove_blank_file():
    yield
    if blank_file.cache_info().currsize:
        shutil.rmtree(blank_file().parent, ignore_errors=True)
        blank_file.cache_clear()


def run(folder: Path, imports: list[dict], reference: bool, monkeypatch) -> list:
    """Import each batch of files in turn into a new file; what each import answered and left."""
    monkeypatch.setattr(police_import._Writer, "add_files", reference_add_files if reference else new_add_files)
    monkeypatch.setattr(police_import, "_utc_now", lambda: "2026-01-01T00:00:00Z")
    seen = []
    path = folder / ("reference.sqlite" if reference else "writer.sqlite")
    shutil.copyfile(blank_file(), path)
    store = open_store(path)
    try:
        for number, spec in enumerate(imports):
            given_folder = folder / f"import-{number}"
            if spec["typed"] is not None and store.scalar("SELECT 1 FROM indicators WHERE id = ?", (ALL,)):
                area, month, value = spec["typed"]
                area_id = svc.ensure_area(store, area, "district")
                with seeded_ids(number):  # the typed figure's id alike in both runs
                    svc.save_values(store, ALL, area_id, [PeriodValue(month, float(value))], require_red_comments=False)
            calls = []

            def cancelled() -> bool:
                calls.append(1)
                return spec["broken"] == "cancel" and len(calls) > 2

            try:
                result = import_police_files(store, [given_folder], replace_typed=spec["replace_typed"],
                                             cancelled=cancelled)
                answer = (result.files, result.rows, result.months, result.forces, result.replaced,
                          result.unchanged, result.areas, result.renamed, result.vintages,
                          [(t.key, t.typed_value, t.imported_value, t.replaced) for t in result.typed])
            except (PoliceFileError, Cancelled) as exc:
                answer = (type(exc).__name__, str(exc))
            seen.append((answer, tables(store)))
    finally:
        store.close()
    return seen


def write_imports(folder: Path, imports: list[dict]) -> None:
    for number, spec in enumerate(imports):
        given_folder = folder / f"import-{number}"
        given_folder.mkdir()
        for index, (force, month, rows) in enumerate(spec["files"]):
            street_file(given_folder, f"{index:02d}-{month}-street.csv", [row(force, month, *r) for r in rows])
        if spec["broken"] == "bad file":  # read last, after the good files' batches
            street_file(given_folder, "99-2025-03-street.csv", [row(FORCES[0], "2025-03", "Babergh 001A", "Burglary")
                                                                 + ",one too many"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(imports=st.lists(IMPORT, min_size=1, max_size=3), batch_files=st.sampled_from([1, 2, 32]))
def test_the_writer_leaves_what_the_reference_leaves(monkeypatch, imports, batch_files):
    monkeypatch.setattr(police_uk, "BATCH_FILES", batch_files)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_imports(folder, imports)
        assert run(folder, imports, False, monkeypatch) == run(folder, imports, True, monkeypatch)


def test_the_scenarios_the_brief_names(monkeypatch, tmp_path):
    """The cases written out once (the property above draws them among others): a later file replacing an
    earlier one's force-month in the same import, a district only in a later month, the same files again
    (nothing written, no audit entry), a newer file for a month, typed figures kept then replaced, a bad file
    and a Cancel part-way."""
    monkeypatch.setattr(police_uk, "BATCH_FILES", 1)
    suffolk = FORCES[0]
    first = {"files": [(suffolk, "2025-01", [("Babergh 001A", "Burglary")] * 3),
                       (suffolk, "2025-02", [("Babergh 001A", "Vehicle crime"), ("Ipswich 010B", "Burglary")]),
                       (suffolk, "2025-01", [("Babergh 001A", "Burglary"), ("Waveney 003C", "Other theft")])],
             "typed": None, "replace_typed": False, "broken": None}
    imports = [first, dict(first), {**first, "typed": ("Babergh", "2025-01", 7)},
               {"files": [(suffolk, "2025-02", [("Ipswich 010B", "Burglary")])], "typed": ("Ipswich", "2025-02", 9),
                "replace_typed": True, "broken": None},
               {**first, "broken": "bad file"}, {**first, "broken": "cancel"}]
    write_imports(tmp_path, imports)
    ours = run(tmp_path, imports, False, monkeypatch)
    assert ours == run(tmp_path, imports, True, monkeypatch)
    answers = [answer for answer, _ in ours]
    assert answers[1][5] and not answers[1][4]  # the same files again: unchanged, nothing replaced
    assert ours[1][1] == ours[0][1]  # ... and nothing written, not even an audit entry
    assert answers[3][9] and all(t[3] for t in answers[3][9])  # typed figures replaced, as asked
    assert any(t[1] == 7.0 and not t[3] for t in answers[2][9])  # and kept, as asked before
    assert answers[4][0] == "PoliceFileError" and ours[4][1] == ours[3][1]
    assert answers[5][0] == "Cancelled" and ours[5][1] == ours[3][1]
