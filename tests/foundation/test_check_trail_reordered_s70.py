"""`safer-desk check` and History on an audit trail whose entries were put in another order with sqlite3 (s70).

Found on a copy of the example whose Administration cost of WSCSP-DHR-2017-01 was corrected from £625.58 to £630:
the guard on the trail dropped, two entries' numbers swapped (the correction's change of the amount and the version
it kept), the guard made again. Nothing was removed or altered, yet `check` said "entry 3439 does not follow on from
entry 3438: the entry before it was removed or replaced" and "entry 3439 (dhr_cost_line_versions,
2026-12-07T05:26:52.729Z) was changed after it was written", and History that a change "was removed or replaced" and
another "altered after it was recorded". Each entry's hash holds the number it was written with: an entry whose hash
holds another number, or that follows on from an entry that is still there but elsewhere, is now said as moved.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.history import trail_warning
from safer_desk.services import dhr
from safer_desk.services.history import trail_problems
from safer_desk.services.integrity import check_file
from safer_desk.storage.store import open_store


def correct_the_administration_cost(path) -> None:
    store = open_store(path)
    try:
        case_id = dhr.case_id_by_reference(store, "WSCSP-DHR-2017-01")
        p = DhrPresenter(store, perform=ActionLog(), today=lambda: date(2026, 12, 1))
        p.reload(select=case_id)
        p.select(case_id)
        form = p.edit_cost_line_form(next(li for li in dhr.cost_lines(store, case_id)
                                          if li["category"] == "Administration"))
        form.set_value("amount", "630")
        assert form.save()
        dhr.add_cost_line(store, case_id, category="Legal", amount="40", invoiced_on="2018-05-25")  # entries after
    finally:
        store.close()


def swap_the_correction_entries(path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    (first,) = conn.execute("SELECT min(id) FROM audit_log WHERE table_name = 'dhr_cost_line_versions'").fetchone()
    second = first + 1
    (guard,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'").fetchone()
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET id = -1 WHERE id = ?", (first,))
    conn.execute("UPDATE audit_log SET id = ? WHERE id = ?", (first, second))
    conn.execute("UPDATE audit_log SET id = ? WHERE id = -1", (second,))
    conn.execute(guard)
    conn.commit()
    conn.close()
    return first, second


def test_entries_put_in_another_order_are_said_as_moved_not_removed_or_altered(demo_path):
    correct_the_administration_cost(demo_path)
    assert check_file(demo_path).ok
    first, second = swap_the_correction_entries(demo_path)
    report = check_file(demo_path)
    said = [f.text for f in report.findings if not f.ok]
    order = "the trail's entries were put in another order outside Safer Desk"
    assert said == [f"audit trail: entry {first} was written as entry {second}: {order}",
                    f"audit trail: entry {second} was written as entry {first}: {order}",
                    f"audit trail: entry {second + 1} was written after entry {first}, not entry {second}: {order}"]
    assert not any("removed" in line or "changed after" in line or "dhr_cost" in line for line in report.lines())


def test_history_says_the_changes_were_put_in_another_order(demo_path):
    correct_the_administration_cost(demo_path)
    swap_the_correction_entries(demo_path)
    store = open_store(demo_path, read_only=True)
    try:
        warning = trail_warning(trail_problems(store))
    finally:
        store.close()
    assert "were put in another order" in warning, warning
    assert "removed" not in warning and "altered" not in warning, warning


def test_a_repair_says_what_it_found_in_the_history(demo_path):
    from safer_desk.presenters.history import history_lines

    correct_the_administration_cost(demo_path)
    swap_the_correction_entries(demo_path)
    report = check_file(demo_path, repair=True)
    assert report.repaired and check_file(demo_path).ok
    store = open_store(demo_path, read_only=True)
    try:
        repair = history_lines(store)[0]
    finally:
        store.close()
    assert repair.details[1] == "Recorded changes were put in another order", repair.details
    assert repair.details.count(repair.details[1]) == 1, repair.details
    assert not any("entry" in d or "removed" in d for d in repair.details), repair.details
