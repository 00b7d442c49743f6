"""An award saved keeps its years' rows (session 74, helper history).

View > Funders' Awards…, Edit, a note added to the PCC grant: the save deleted both of the award's years and added
them again under new ids, so the file's audit trail (what the county is sent and `safer-desk check` reads) recorded
two years removed and two added for a change of its notes. A year's row now keeps its identity: only what changed is
written, as a project's cost lines are.
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.awards import AwardsPresenter

AWARD = "PCC grant to Safer Plymouth 2017-19"


def _years(store):
    return sorted(map(tuple, store.conn.execute("SELECT * FROM funding_award_years").fetchall()))


def _entries_since(store, mark):
    return store.conn.execute("SELECT table_name, action, column_name FROM audit_log WHERE id > ?", (mark,)).fetchall()


def test_a_note_added_leaves_the_award_s_years_as_they_were(demo_store):
    log = ActionLog()
    page = AwardsPresenter(demo_store, perform=log)
    award = next(a for a in page.rows() if a.name == AWARD)
    years, mark = _years(demo_store), demo_store.scalar("SELECT max(id) FROM audit_log")
    form = page.edit_form(award.id)
    form.set_value("notes", "Agreed at the board of 12/03/2017")
    assert form.save()
    assert _years(demo_store) == years
    assert {row[0] for row in _entries_since(demo_store, mark)} == {"funding_awards"}
    log.undo()
    assert _years(demo_store) == years


def test_a_year_s_amount_changed_is_that_one_row_changed(demo_store):
    log = ActionLog()
    page = AwardsPresenter(demo_store, perform=log)
    award = next(a for a in page.rows() if a.name == AWARD)
    ids = dict(demo_store.conn.execute("SELECT financial_year, id FROM funding_award_years WHERE award_id = ?",
                                       (award.id,)).fetchall())
    mark = demo_store.scalar("SELECT max(id) FROM audit_log")
    form = page.edit_form(award.id)
    form.set_value("years", "2017/18: £400,568\n2018/19: £390,000\n2019/20: £380,000")
    assert form.save()
    now = dict(demo_store.conn.execute("SELECT financial_year, id FROM funding_award_years WHERE award_id = ?",
                                       (award.id,)).fetchall())
    assert now["2017/18"] == ids["2017/18"] and now["2018/19"] == ids["2018/19"] and "2019/20" in now
    kinds = sorted(tuple(r) for r in _entries_since(demo_store, mark) if r[0] == "funding_award_years")
    assert [k[1] for k in kinds] == ["insert", "update"], kinds
