"""A cost line corrected (or deleted) on a day before a correction of it already recorded (dhr4).

The window dates a correction today, but the service (and so a script, or a correction that bills the partners
again) takes the day. WSCSP-DHR-2017-02's chair's £1,350 dated 10/05/2018, corrected on 01/09/2018 to £1,200, then
corrected again dated 01/08/2018 to £1,100: the kept versions were out of order, so the ledger as at 01/06/2018 read
£1,200 (a figure that never stood before 01/09/2018) and as at 15/08/2018 £1,350 (though the second correction,
dated 01/08/2018, had made it £1,100 by then). Such a back-dated change is refused, in words, and changes nothing.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.services import dhr
from tests.costs.test_dhr_cost_line_versions_as_at_s70 import ASKED, UNDER_WAY, chair_lines, chair_values

FIRST = date(2018, 9, 1)
BEFORE_IT = date(2018, 8, 1)


def corrected_on_the_first(store) -> tuple[str, str]:
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    line = dhr.add_cost_line(store, case_id, **chair_values())
    dhr.update_cost_line(store, line, bill_again_on=FIRST, **chair_values(amount="1200"))
    return case_id, line


def kept(store, line: str) -> list[tuple]:
    return [tuple(r) for r in store.rows("SELECT amount_pence, replaced_on FROM dhr_cost_line_versions "
                                         "WHERE line_id = ? ORDER BY replaced_on", (line,))]


def test_a_correction_dated_before_a_later_one_is_refused_and_the_ledger_reads_each_day_as_it_stood(demo_store):
    case_id, line = corrected_on_the_first(demo_store)
    with pytest.raises(DhrError) as refused:
        dhr.update_cost_line(demo_store, line, bill_again_on=BEFORE_IT, **chair_values(amount="1100"))
    assert str(refused.value) == (
        "Invoice date: 01/08/2018 is before this cost line's correction of 01/09/2018; "
        "a later correction is dated on or after it, so that the ledger as at each day reads the line as it "
        "stood then.")
    assert kept(demo_store, line) == [(135000, "2018-09-01")]
    assert chair_lines(demo_store, case_id, None) == [(120000, "2018-05-10")]
    assert chair_lines(demo_store, case_id, ASKED) == [(135000, "2018-05-10")]
    assert chair_lines(demo_store, case_id, date(2018, 8, 15)) == [(135000, "2018-05-10")]
    assert chair_lines(demo_store, case_id, FIRST) == [(120000, "2018-05-10")]
    # On the day of the later correction, or after, it is taken
    dhr.update_cost_line(demo_store, line, bill_again_on=FIRST, **chair_values(amount="1100"))
    dhr.update_cost_line(demo_store, line, bill_again_on=date(2018, 10, 1), **chair_values(amount="1000"))
    assert kept(demo_store, line) == [(135000, "2018-09-01"), (110000, "2018-10-01")]
    assert chair_lines(demo_store, case_id, date(2018, 9, 15)) == [(110000, "2018-05-10")]


def test_a_deletion_dated_before_a_later_correction_is_refused(demo_store):
    case_id, line = corrected_on_the_first(demo_store)
    with pytest.raises(DhrError) as refused:
        dhr.delete_cost_line(demo_store, line, bill_again_on=BEFORE_IT)
    assert str(refused.value) == (
        "Invoice date: 01/08/2018 is before this cost line's correction of 01/09/2018; "
        "its deletion is dated on or after it, so that the ledger as at each day reads the line as it stood then.")
    assert chair_lines(demo_store, case_id, None) == [(120000, "2018-05-10")]
    assert demo_store.scalar("SELECT count(*) FROM dhr_deleted_cost_lines WHERE id = ?", (line,)) == 0
    dhr.delete_cost_line(demo_store, line, bill_again_on=FIRST)
    assert chair_lines(demo_store, case_id, ASKED) == [(135000, "2018-05-10")]
    assert chair_lines(demo_store, case_id, FIRST) == []


def test_a_correction_that_changes_nothing_or_another_line_back_dated_is_not_refused(demo_store):
    case_id, line = corrected_on_the_first(demo_store)
    dhr.update_cost_line(demo_store, line, bill_again_on=BEFORE_IT, **chair_values(amount="1200"))  # as it is
    other = dhr.add_cost_line(demo_store, case_id, **chair_values(description="Chair's fee", amount="500"))
    dhr.update_cost_line(demo_store, other, bill_again_on=BEFORE_IT, **chair_values(amount="400"))
    assert sorted(chair_lines(demo_store, case_id, date(2018, 8, 15))) == [(40000, "2018-05-10"),
                                                                          (135000, "2018-05-10")]
