"""Round 37 (xpc): the export's check of the free text that travels (county_export.TRAVELLING_TEXT) says how far it
has gone and stops at Cancel, leaving no export and no temporary file; each text is checked once, whatever rows hold
it, and what it refuses is said exactly as before."""

from __future__ import annotations

import sqlite3
import threading
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from safer_desk.exchange import county_export
from safer_desk.services.county import CountyError, export_for_county
from safer_desk.services.progress import Cancelled
from safer_desk.storage import audit
from safer_desk.storage.leftovers import TEMP_PATTERN
from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output

BATCH = county_export.TEXT_CHECK_BATCH


def _office_with_cost_lines(folder, descriptions):
    """The example file with a cost line of the first review for each description (changed as sqlite3 would)."""
    office = folder / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    conn = sqlite3.connect(office, isolation_level=None)
    try:
        audit.register_functions(conn)
        case_id = conn.execute("SELECT id FROM dhr_cases ORDER BY reference").fetchone()[0]
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO dhr_cost_lines(id, case_id, category, description, invoice_ref, amount_pence) "
                         "VALUES (?, ?, 'Administration', ?, ?, 100)",
                         [(f"round37-{n:05d}", case_id, text, f"SCC-DHR-{n:05d}")
                          for n, text in enumerate(descriptions)])
        conn.execute("COMMIT")
    finally:
        conn.close()
    return office


def _leftovers(folder) -> list[str]:
    return [p.name for p in folder.rglob("*") if TEMP_PATTERN.match(p.name)]


class _HeldCheck:
    """Counts the texts the check looks at and holds the worker at one of them until the test lets it go."""

    def __init__(self, monkeypatch, hold_at: int):
        self.calls = 0
        self.texts: Counter[str] = Counter()
        self.hold_at = hold_at
        self.reached, self.go = threading.Event(), threading.Event()
        original = county_export._looks_private

        def counted(text, reference):
            self.calls += 1
            self.texts[text] += 1
            if self.calls == hold_at:
                self.reached.set()
                if not self.go.wait(20):
                    raise TimeoutError("the test never let the check go on")
            return original(text, reference)

        monkeypatch.setattr(county_export, "_looks_private", counted)


def test_cancel_in_the_progress_window_during_the_check_leaves_no_export(window, qtbot, prompts, tmp_path,
                                                                         monkeypatch):
    office = _office_with_cost_lines(tmp_path, [f"Venue hire for panel meeting {n}" for n in range(4 * BATCH)])
    held = _HeldCheck(monkeypatch, hold_at=BATCH + 2)
    assert window.open_path(office)
    window.exchange_actions["export"].trigger()
    dialog = window.export_dialog
    target = tmp_path / "exports" / "for county.sqlite"
    target.parent.mkdir()
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(held.reached.is_set, timeout=20000)
        progress = dialog.task._dialog
        qtbot.waitUntil(progress.isVisible, timeout=10000)  # shown once the work has lasted a moment
        # The check's own report: it has gone past its first texts, between a quarter and half of the export.
        qtbot.waitUntil(lambda: progress.value() > 25, timeout=10000)  # its report after its first batch of texts
        assert progress.labelText() == "Checking the text that leaves the office…" and progress.value() < 50
        with qtbot.waitSignal(dialog.task.signals.cancelled, timeout=30000):
            qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)  # its Cancel button
            assert progress.labelText() == "Stopping…"
            held.go.set()
    finally:
        held.go.set()
    # It stopped at the next look at Cancel, not at the end of the texts.
    assert held.calls < held.hold_at + BATCH < 4 * BATCH
    assert prompts.infos[-1][1] == "Cancelled; no export was written." and prompts.errors == []
    assert list(target.parent.iterdir()) == [] and _leftovers(tmp_path) == []
    assert window.session.store.scalar("SELECT count(*) FROM _export_anchors") == 0  # it took no export number


def test_the_check_reports_its_texts_and_stops_within_a_batch_of_cancel(tmp_path, monkeypatch):
    office = _office_with_cost_lines(tmp_path, [f"Travel to panel {n}" for n in range(5 * BATCH)])
    held = _HeldCheck(monkeypatch, hold_at=0)  # counts only
    reports = []

    def cancel_after_the_second_batch() -> bool:
        return held.calls > 2 * BATCH

    store = open_store(office)
    try:
        target = tmp_path / "out.sqlite"
        with pytest.raises(Cancelled):
            export_for_county(store, target, progress=lambda d, t, m="": reports.append((d, t, m)),
                              cancelled=cancel_after_the_second_batch)
        assert held.calls <= 3 * BATCH and not target.exists() and _leftovers(tmp_path) == []
    finally:
        store.close()
    # Said at texts 0, 200 and 400 (of the 2,000 and more), going forward within the export's second quarter.
    checked = [d / t for d, t, m in reports if m == "Checking the text that leaves the office…"]
    assert len(checked) == 3 and checked == sorted(checked) and checked[0] < checked[-1]
    assert all(0.25 <= part < 0.5 for part in checked), checked


def test_a_text_held_by_many_rows_is_checked_once_and_refused_on_each(tmp_path, monkeypatch):
    """Each row holding the name is said, in the order of their ids, as when each row was checked on its own; case
    counts ("Mark Green" is a name, "mark green" is not)."""
    office = _office_with_cost_lines(tmp_path, ["Mark Green"] * 3 + ["mark green"] * 2 + ["Overview report"] * 40)
    held = _HeldCheck(monkeypatch, hold_at=0)
    store = open_store(office)
    try:
        with pytest.raises(CountyError) as refused:
            export_for_county(store, tmp_path / "out.sqlite")
    finally:
        store.close()
    said = str(refused.value)
    assert said.startswith("The export was not written: 3 fields that would leave the office hold") and \
        "Mark" not in said and "Green" not in said, said
    rows = [line.split("row ")[1].split(",")[0] for line in said.splitlines() if "table dhr_cost_lines" in line]
    assert rows == ["round37-00000", "round37-00001", "round37-00002"]
    assert held.texts["Overview report"] == held.texts["mark green"] == 1  # one look at each text


def test_more_than_twenty_are_counted_and_the_first_twenty_said(tmp_path):
    office = _office_with_cost_lines(tmp_path, [f"Paid to Jane Smith {n}" for n in range(25)])
    store = open_store(office)
    try:
        with pytest.raises(CountyError) as refused:
            export_for_county(store, tmp_path / "out.sqlite")
    finally:
        store.close()
    lines = str(refused.value).splitlines()
    assert lines[0].startswith("The export was not written: 25 fields that would leave the office hold")
    assert [line for line in lines if "(table dhr_cost_lines" in line][19].startswith(
        "  Description of review") and "  … and 5 more" in lines
    assert len([line for line in lines if "(table " in line]) == 20
