"""Session 70: `safer-desk check` names an audit entry altered with sqlite3 by what it recorded and when, in words.

Found on a copy of the example whose Administration cost of WSCSP-DHR-2017-01 was corrected: the guard on the trail
dropped, the entry recording the earlier version the correction kept altered (its amount), the guard made again.
`check` said "entry 3433 (dhr_cost_line_versions, 2026-12-07T05:26:52.729Z) was changed after it was written": the
file's table name and a UTC time stamp, where History says "a change to … recorded 7 Dec 2026 05:26". It now says what
the entry recorded a change to and when, in UK time, as the file's other findings do.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from safer_desk.services.integrity import check_file
from safer_desk.storage.store import open_store


def test_an_altered_entry_is_named_by_what_it_recorded_and_when(demo_path):
    store = open_store(demo_path)
    try:
        case_id = dhr.case_id_by_reference(store, "WSCSP-DHR-2017-01")
        p = DhrPresenter(store, perform=ActionLog(), today=lambda: date(2026, 12, 1))
        p.reload(select=case_id)
        p.select(case_id)
        form = p.edit_cost_line_form(next(li for li in dhr.cost_lines(store, case_id)
                                          if li["category"] == "Administration"))
        form.set_value("amount", "630")
        assert form.save()
    finally:
        store.close()
    conn = sqlite3.connect(demo_path)
    (guard,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_log_no_update'").fetchone()
    conn.execute("DROP TRIGGER audit_log_no_update")
    entry = conn.execute("SELECT max(id) FROM audit_log WHERE table_name = 'dhr_cost_line_versions'").fetchone()[0]
    # written on 14/06/2026 at 23:30 UTC: 00:30 on 15/06/2026 in the UK (British Summer Time)
    conn.execute("UPDATE audit_log SET at = '2026-06-14T23:30:00.000Z', "
                 "new_value = replace(new_value, '62558', '99999') WHERE id = ?", (entry,))
    conn.execute(guard)
    conn.commit()
    conn.close()
    report = check_file(demo_path)
    said = [f.text for f in report.findings if not f.ok]
    assert said == [f"audit trail: entry {entry} (its record of a change to reviews' cost lines' earlier versions, "
                    "made at 00:30 on 15/06/2026) was changed after it was written"], said
    assert not any("dhr_" in line or "Z)" in line for line in report.lines())
