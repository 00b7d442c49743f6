"""Round 39 (rpx): a board report as at a past day says refunds dated after it are not counted, as they are not.

`safer-desk report --as-at 15/09/2018` of a file whose review refunded Babergh District Council £227.27 on 01/10/2018
left the refund out (as `dhr-ledger --as-at` does), but its words listed only "invoices, payments, refusals and
write-offs" as not counted after the day: a finance officer who knew of the refund looked for it in vain. Refunds
(new in round 38) are now named with the others.
"""

from __future__ import annotations

from datetime import date

from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.test_county_workbook_refunds_round38rf2 import refunded_file

NOT_COUNTED = "Invoices, payments, refunds, refusals and write-offs dated after it are not counted"


def _costs(path, as_at: date):
    store = open_store(path)
    try:
        report = build_report(store, as_at=as_at, today=date(2026, 12, 1))
    finally:
        store.close()
    return next(s for s in report.sections if s.title.endswith("cost recovery"))


def test_before_the_refund_the_report_says_refunds_after_the_day_are_not_counted(demo_master, tmp_path):
    path, _ = refunded_file(demo_master, tmp_path)
    before = _costs(path, date(2018, 9, 15))
    assert NOT_COUNTED in " ".join(before.paragraphs), before.paragraphs
    assert "Refunded" not in before.tables[0].header  # the refund of 01/10/2018 is not in its figures
    after = _costs(path, date(2018, 10, 2))
    assert NOT_COUNTED in " ".join(after.paragraphs) and "Refunded" in after.tables[0].header
