"""Payments held towards a share that several offices sent alike name those offices (round 39).

Babergh and Mid Suffolk both sent the National Probation Service's part payment of £100 alike (the same row: Mid
Suffolk's file holds Babergh's record of it); then Mid Suffolk wrote the share off. The conflict said the county
held "£100.00 paid towards it, from Babergh office and other offices": which others, and how many, it did not say.
It names each office that sent the payment alike, once, in the order the county file names them elsewhere ("sent
alike by Babergh office and Mid Suffolk office").
"""

from __future__ import annotations

from safer_desk.services import dhr
from tests.exchange.district_offices import merge
from tests.exchange.test_merge_round22 import share_of


def test_a_payment_both_offices_sent_alike_names_both(offices):
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    payment = dhr.record_payment(o.babergh, share_of(o.babergh), paid_on="2025-10-01", amount="100",
                                 reference="BACS 1")
    columns = [r[1] for r in o.babergh.rows("PRAGMA table_info(dhr_payments)")]
    row = o.babergh.rows("SELECT * FROM dhr_payments WHERE id = ?", (payment,))[0]
    with o.mid.transaction():
        o.mid.conn.execute(f"INSERT INTO dhr_payments ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                           tuple(row))
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    dhr.write_off_share(o.mid, share_of(o.mid), on="2025-10-02", reason="dissolved")
    merge(o.county, [o.send(o.mid)])
    [conflict] = o.about("dhr_shares")
    assert "(the county holds £100.00 paid towards it, from Babergh office and Mid Suffolk office)" \
        in conflict.detail, conflict.detail
    assert "other offices" not in conflict.detail


def test_one_payment_both_offices_recorded_is_held_once(offices):
    """Each office recorded the partner's £100 of 01/10/2025 (BACS 1) itself, under its own id: the county held
    £200.00 paid towards the share (the partner paid £100), and no conflict said so."""
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    for store in (o.babergh, o.mid):
        dhr.record_payment(store, share_of(store), paid_on="2025-10-01", amount="100", reference="BACS 1")
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    share = share_of(o.county)
    assert o.county.scalar("SELECT sum(amount_pence) FROM dhr_payments WHERE share_id = ?", (share,)) == 10000
    assert o.about("dhr_payments") == []
    dhr.write_off_share(o.mid, share_of(o.mid), on="2025-10-02", reason="dissolved")  # ... and it is held by both
    merge(o.county, [o.send(o.mid)])
    [conflict] = o.about("dhr_shares")
    assert "(the county holds £100.00 paid towards it, from Babergh office and Mid Suffolk office)" \
        in conflict.detail, conflict.detail
