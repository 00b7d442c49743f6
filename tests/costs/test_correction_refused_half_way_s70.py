"""Session 70: a cost line's correction refused half way leaves nothing behind, in the trail or beside it.

The correction of WSCSP-DHR-2017-01's Administration cost (£625.58, billed) down to £300 writes the line's earlier
version (dhr_cost_line_versions), the corrected line, and then bills the partners again; a rule refusing the billing
after the version and the line were written must take both back with the audit entries that recorded them (one
transaction), leave no step to undo, and `check` clean. (No fault found: the case was not covered.)
"""

from __future__ import annotations

from datetime import date

from safer_desk.domain.dhr import DhrError
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from safer_desk.services.integrity import check_file


def whole_tables(store) -> dict[str, list]:
    names = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                              "AND name NOT LIKE 'sqlite_%'")]
    return {t: sorted((tuple(r) for r in store.conn.execute(f'SELECT * FROM "{t}"')), key=repr) for t in names}


def test_a_correction_refused_after_its_version_was_written_leaves_no_entry(demo_store, demo_path, monkeypatch):
    case_id = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01")
    log = ActionLog()
    p = DhrPresenter(demo_store, perform=log, today=lambda: date(2026, 12, 1))
    p.reload(select=case_id)
    p.select(case_id)
    form = p.edit_cost_line_form(next(li for li in dhr.cost_lines(demo_store, case_id)
                                      if li["category"] == "Administration"))
    form.set_value("amount", "300")
    assert not form.save()  # asked first: the partners are billed again
    written = []

    def refused(store, case_id, on):
        written.append(store.scalar("SELECT count(*) FROM dhr_cost_line_versions"))
        raise DhrError("Refused by the billing rule")

    monkeypatch.setattr(dhr, "_bill_again_with_own_split", refused)
    before = whole_tables(demo_store)  # the audit trail among them
    assert not form.save()
    assert "Refused by the billing rule" in " ".join((form.form_message, *form.errors.values()))
    assert written == [1]  # refused after the version was written
    assert whole_tables(demo_store) == before
    assert log.done == []
    demo_store.close()
    assert check_file(demo_path).ok
