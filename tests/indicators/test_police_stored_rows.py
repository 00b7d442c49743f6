"""What a police.uk import stores, row for row, against an expectation written before the import's engine
was made faster (issue 16): a faster import must store exactly the same rows.

A sequence of imports over the small fixtures (renamed districts, typed figures kept and replaced, a
comment alone, a zip, a later download, the same download again, a file that takes counts and zeros
away, a folder with outcomes and stop-and-search files, refresh, a decision taken afterwards, counts
loaded as the demo loads them), each followed by a canonical dump of every table an import writes:
the figures, the indicators, the areas, the counts, the vintages and the audit trail's batch entries.
Each step is compared by its SHA-256; the last step's rows are stored whole, so a difference can be read.

To write the expectation again (only when a change of result is intended and explained):
    SAFER_DESK_WRITE_POLICE_EXPECTATION=1 python -m pytest tests/indicators/test_police_stored_rows.py
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from pathlib import Path

import pytest

from safer_desk.services import indicators as svc
from safer_desk.services import police_import
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.police_import import (import_police_files, load_counts, refresh_police_figures,
                                               replace_typed_figures, typed_figures_differing)
from tests.indicators.police_helpers import download_zip, fixture, street_file, suffolk_row

EXPECTED = Path(__file__).resolve().parent / "expected" / "police_stored_rows.json"
ALL = "indicator:all-crime"
PLYMOUTH = "district:plymouth"
DC_A = ("devon-and-cornwall-2020-q1", "download-a")
DC_B = ("devon-and-cornwall-2020-q1", "download-b")

TABLES = {
    # A typed figure's id is random; an imported one's is derived from its key (two offices agree on it).
    "indicator_values": "SELECT CASE WHEN id LIKE 'pv:%' THEN id ELSE '(random)' END, indicator_id, area_id, "
                        "period, value, numerator, denominator, comment, source FROM indicator_values "
                        "ORDER BY indicator_id, area_id, period",
    "indicators": "SELECT * FROM indicators ORDER BY id",
    "indicator_areas": "SELECT * FROM indicator_areas ORDER BY id",
    "_police_counts": "SELECT * FROM _police_counts ORDER BY force, month, source_district, crime_type",
    "_police_vintages": "SELECT * FROM _police_vintages ORDER BY force, month",
    # The batch entries (what, source, SHA-256, rows per table and kind); the time, the user, the action id
    # and the chain's hashes differ from run to run.
    "audit_batches": "SELECT table_name, row_id, action, column_name, old_value, new_value, action_label "
                     "FROM audit_log WHERE action = 'batch' ORDER BY rowid",
    "audit_rows": "SELECT table_name, action, count(*) FROM audit_log WHERE action <> 'batch' "
                  "GROUP BY table_name, action ORDER BY table_name, action",
}


def dump(store) -> dict[str, list[list]]:
    return {name: [list(r) for r in store.rows(sql)] for name, sql in TABLES.items()}


def digest(rows: dict) -> str:
    return hashlib.sha256(json.dumps(rows, sort_keys=True, ensure_ascii=True).encode("ascii")).hexdigest()


def typed(result_or_list) -> list[list]:
    items = result_or_list.typed if hasattr(result_or_list, "typed") else result_or_list
    return [[t.indicator_id, t.indicator, t.area_id, t.area, t.period, t.typed_value, t.typed_source,
             t.imported_value, t.replaced] for t in items]


def outcome(result) -> dict:
    return {"summary": result.summary_lines(), "typed": typed(result), "files": result.files, "rows": result.rows,
            "months": result.months, "forces": result.forces, "areas": result.areas,
            "replaced": [list(x) for x in result.replaced], "unchanged": [list(x) for x in result.unchanged],
            "source_hash": result.source_hash,
            "vintages": [[v.force, v.month, v.file_name, v.file_sha256, v.download_newest_month, v.rows,
                          v.imported_at] for v in result.vintages]}


def scenario(store, tmp_path, monkeypatch) -> list[tuple[str, dict, dict]]:
    """(step, what the call returned, the stored rows) after each step."""
    clock = itertools.count(1)
    monkeypatch.setattr(police_import, "_utc_now", lambda: f"2030-01-01T00:00:{next(clock):02d}Z")
    steps: list[tuple[str, dict, dict]] = []

    def step(name: str, returned) -> None:
        steps.append((name, returned, dump(store)))

    # Figures typed before any import: one that will differ, one replaced on request, a comment alone.
    svc.save_indicator(store, "All crime", unit="count", polarity="lower", frequency="monthly")
    plymouth = svc.ensure_area(store, "Plymouth", "district")
    svc.save_values(store, ALL, plymouth, [PeriodValue("2020-01", 1335.0), PeriodValue("2020-02", 1000.0)],
                    require_red_comments=False)
    svc.set_comment(store, ALL, plymouth, "2020-03", "Operation Loft started this month")
    step("typed", {})
    step("2011 names and a 2025 file", outcome(import_police_files(
        store, [fixture("suffolk-2021-01"), fixture("suffolk-2025", "2025-01-suffolk-street.csv")])))
    step("download a: typed kept", outcome(import_police_files(store, [fixture(*DC_A)])))
    step("suffolk zip", outcome(import_police_files(
        store, [download_zip(tmp_path / "suffolk.zip", fixture("suffolk-2025"))])))
    step("download b: one typed replaced", outcome(import_police_files(
        store, [fixture(*DC_B)], replace_typed={(ALL, plymouth, "2020-02")})))
    step("download b again", outcome(import_police_files(store, [fixture(*DC_B)])))
    smaller = tmp_path / "smaller"
    smaller.mkdir()
    files = [street_file(smaller, "2025-02-suffolk-street.csv", [
                 suffolk_row("2025-02", "Babergh 001A", "Robbery"), suffolk_row("2025-02", "Ipswich 001A"),
                 suffolk_row("2025-02", "Waveney 001A", "Shoplifting"), suffolk_row("2025-02", "", "Drugs")]),
             street_file(smaller, "2025-04-suffolk-street.csv", [
                 suffolk_row("2025-04", "Babergh 001A", "Anti-social behaviour", crime_id=""),
                 suffolk_row("2025-04", "Babergh 001A", "Anti-social behaviour", crime_id=""),
                 suffolk_row("2025-04", "Breckland 001A", "Burglary"),
                 suffolk_row("2025-04", "Ipswich 001A", "Robbery")])]
    step("a smaller February and an April", outcome(import_police_files(store, files)))
    step("a folder with outcomes and stop-and-search", outcome(import_police_files(
        store, [fixture("thames-valley-2022-01")])))
    step("refresh every force", {"typed": typed(refresh_police_figures(store))})
    step("refresh one force", {"typed": typed(refresh_police_figures(store, ["Suffolk Constabulary"]))})
    step("typed differing", {"typed": typed(typed_figures_differing(store))})
    step("download a, everything replaced", outcome(import_police_files(store, [fixture(*DC_A)],
                                                                        replace_typed=True)))
    svc.save_values(store, ALL, plymouth, [PeriodValue("2020-03", 7.0)], require_red_comments=False)
    step("typed again", {})
    step("a decision afterwards", {"typed": typed(replace_typed_figures(store, [(ALL, plymouth, "2020-03")]))})
    rows = [("Norfolk Constabulary", "2024-12", "Breckland", "Burglary", 4),
            ("Norfolk Constabulary", "2024-12", "Norwich", "Burglary", 2),
            ("Norfolk Constabulary", "2024-12", "Norwich", "Robbery", 1),
            ("Norfolk Constabulary", "2025-01", "Norwich", "Robbery", 3),
            ("Suffolk Constabulary", "2025-04", "Babergh", "Drugs", 2)]
    step("counts loaded as the demo loads them", outcome(load_counts(
        store, rows, file_name="norfolk.csv.gz", file_sha256="ab" * 32, imported_at="")))
    step("the same counts again", outcome(load_counts(
        store, rows, file_name="norfolk.csv.gz", file_sha256="ab" * 32, imported_at="")))
    return steps


def test_an_import_stores_exactly_the_expected_rows(store, tmp_path, monkeypatch):
    steps = scenario(store, tmp_path, monkeypatch)
    got = {"steps": [[name, digest({"returned": returned, "rows": rows})] for name, returned, rows in steps],
           "last": {"returned": steps[-1][1], "rows": steps[-1][2]}}
    if os.environ.get("SAFER_DESK_WRITE_POLICE_EXPECTATION"):
        EXPECTED.parent.mkdir(exist_ok=True)
        EXPECTED.write_text(json.dumps(got, indent=0, sort_keys=True, ensure_ascii=True) + "\n", encoding="utf-8")
        pytest.skip(f"wrote {EXPECTED}")
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert got["last"] == expected["last"]
    for (name, step_digest), (expected_name, expected_digest) in zip(got["steps"], expected["steps"]):
        assert (name, step_digest) == (expected_name, expected_digest), f"the rows stored after “{name}” differ"
    assert len(got["steps"]) == len(expected["steps"])


def test_every_step_of_the_scenario_writes_something_or_says_why(store, tmp_path, monkeypatch):
    """The scenario is worth its digests: each step leaves a different state or returns something."""
    steps = scenario(store, tmp_path, monkeypatch)
    states = [digest(rows) for _, _, rows in steps]
    names = {name: i for i, (name, _, _) in enumerate(steps)}
    unchanged = {"download b again", "refresh every force", "refresh one force", "typed differing",
                 "the same counts again"}
    for name, i in names.items():
        if i and name not in unchanged:
            assert states[i] != states[i - 1], f"“{name}” changed nothing"
    assert states[names["download b again"]] == states[names["download b: one typed replaced"]]
    assert steps[names["typed differing"]][1]["typed"]  # typed figures that differ are listed
    returned = steps[names["a folder with outcomes and stop-and-search"]][1]
    assert len(returned["summary"]) > 2 and returned["files"] == 1
