"""Costs > Reviews as at a day before the audit trail was repaired after missing corrected cost lines (s70).

An earlier Safer Desk corrected WSCSP-DHR-2017-02's chair's £1,350 (dated 10/05/2018) to £1,100 while a tool had
dropped the trail's trigger for corrections; the trail was repaired, and the upgrade (schema step 33) could keep no
version it never had. As at 01/06/2018, Costs > Ledger, `dhr-ledger --as-at` and the board report say a line corrected
before the repair reads as corrected; the Reviews page read £1,100 beside "each review as it stood that day, as Costs >
Ledger and the board report count it", its Costs page giving the line no Changed since, and said nothing.
"""

from __future__ import annotations

import sqlite3

from safer_desk.domain.clock import uk_day
from safer_desk.presenters.dhr import DhrPresenter, LedgerPresenter
from safer_desk.services import dhr
from safer_desk.storage.store import open_store, repair_audit_trail
from tests.costs.test_dhr_cost_line_versions_as_at_s70 import ASKED, TODAY, UNDER_WAY, as_older_file, chair_values


def corrected_unrecorded(path) -> None:
    store = open_store(path)
    line = dhr.add_cost_line(store, dhr.case_id_by_reference(store, UNDER_WAY), **chair_values())
    store.close()
    as_older_file(path)
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER audit_dhr_cost_lines_update")
    conn.execute("UPDATE dhr_cost_lines SET amount_pence = 110000 WHERE id = ?", (line,))
    conn.commit()
    conn.close()
    repair_audit_trail(path)


def test_the_reviews_page_says_what_the_ledger_says(demo_path):
    corrected_unrecorded(demo_path)
    store = open_store(demo_path)
    try:
        repaired = uk_day(store.scalar("SELECT max(at) FROM audit_log WHERE action = 'event' "
                                       "AND column_name = 'repair'"))
        said = (f"The audit trail did not record every cost line corrected before {repaired:%d/%m/%Y}, when it was "
                "repaired: as at 01/06/2018 a review's cost reads a line an earlier Safer Desk corrected then as "
                "corrected, not as it stood on that day.")
        ledger = LedgerPresenter(today=lambda: TODAY)
        assert ledger.choose("01/06/2018")
        assert said in ledger.read(store).note
        page = DhrPresenter(store, today=lambda: TODAY)
        page.reload()
        assert page.choose_day(ASKED.strftime("%d/%m/%Y"))
        page.reload()
        assert page.shown.past
        assert page.shown.note.startswith("As at 01/06/2018, not today's list")
        assert said in page.shown.note
        assert page.choose_day("")  # today's list: nothing to say
        page.reload()
        assert page.shown.note == ""
    finally:
        store.close()
