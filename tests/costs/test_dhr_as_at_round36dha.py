"""DHR costs as at a day, round 36 (dha): one rule for "a review notified after the day is not yet known", the
as-at rows of a review read by the service, and every place that lists the reviews as at a day agreeing.

As at a day, Costs > Reviews and the board report left out a review notified after it, but `dhr-ledger --by-case
--as-at DAY` and Costs > Ledger's per-case table still listed it (an undated cost line counted), so the ledger's
totals were not the report's.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from safer_desk.domain.money import format_pounds_plain
from safer_desk.presenters.dhr import DhrPresenter, LedgerPresenter
from safer_desk.services import dhr
from tests.cli_run import run

TODAY = date(2026, 12, 1)
DAY = date(2018, 3, 31)  # the board paper's day: WSCSP-DHR-2017-01 costed (29/03/2018), not yet billed


def reviews_as_at(store, day: date) -> DhrPresenter:
    p = DhrPresenter(store, today=lambda: TODAY)
    p.reload()
    assert p.choose_day(day.strftime("%d/%m/%Y"))
    return p


def cli_rows(capsys, path, *args) -> dict[str, dict]:
    code, out, err = run(capsys, "dhr-ledger", path, "--as-at", DAY.strftime("%d/%m/%Y"), *args)
    assert code == 0, err
    return {r.get("case") or r["partner"]: r for r in csv.DictReader(io.StringIO(out))}


def report_tables(store, day: date):
    from safer_desk.services.report import build_report

    section = next(s for s in build_report(store, as_at=day, today=TODAY).sections if s.title.endswith("recovery"))
    return {t.title: t for t in section.tables}


def add_later_review(store, *, billed_on: str | None = None) -> str:
    """A review notified after DAY (01/05/2018) with an undated cost line of £1,000; billed on ``billed_on``."""
    case = dhr.add_case(store, reference="WSCSP-DHR-2018-09", kind="review", district="Babergh",
                        partnership="Western Suffolk CSP", lead_organisation="Mid Suffolk District Council",
                        decision="hold", notified_on="2018-05-01")
    dhr.add_cost_line(store, case, category="Administration", amount="1000")
    if billed_on:
        dhr.bill_partners(store, case, invoiced_on=billed_on)
    return case


def test_a_review_notified_after_the_day_is_left_out_of_every_list_as_at_it(demo_store, demo_path, capsys):
    add_later_review(demo_store)
    page = reviews_as_at(demo_store, DAY)
    listed = [c.reference for c in page.rows]
    assert "WSCSP-DHR-2018-09" not in listed and page.shown.later == 1 and len(listed) == 4
    ledger = LedgerPresenter(today=lambda: TODAY)
    assert ledger.choose(DAY.strftime("%d/%m/%Y"))
    assert [c.reference for c in ledger.read(demo_store).cases] == listed  # Costs > Ledger's per-case table
    by_case = cli_rows(capsys, demo_path, "--by-case")
    assert list(by_case) == [*listed, "Total"]  # dhr-ledger --by-case --as-at, ending with its Total row
    report = report_tables(demo_store, DAY)["Cost recovery per case"]
    assert [r[0] for r in report.rows] == listed  # the board report
    costs = {c.reference: c.cost_pence for c in page.rows}
    assert {ref: r["cost"] for ref, r in by_case.items()} == {
        **{ref: format_pounds_plain(p) if p else "" for ref, p in costs.items()},
        "Total": format_pounds_plain(sum(costs.values()))}
    # today every review is listed, the new one with its undated cost
    code, out, _ = run(capsys, "dhr-ledger", demo_path, "--by-case")
    assert {r["case"]: r["cost"] for r in csv.DictReader(io.StringIO(out))}["WSCSP-DHR-2018-09"] == "1000"


def test_invoices_of_a_review_not_yet_notified_are_not_in_the_partners_ledger_as_at_the_day(demo_store, demo_path,
                                                                                              capsys):
    """Invoices dated before the review was notified (a slip of the year, asked about once and kept): as at a day
    between, the review is not known, so neither are its invoices, in the ledger per partner as in the report's."""
    add_later_review(demo_store, billed_on="2018-03-01")
    ledger = LedgerPresenter(today=lambda: TODAY)
    assert ledger.choose(DAY.strftime("%d/%m/%Y"))
    partners = ledger.read(demo_store).partners
    per_partner = cli_rows(capsys, demo_path)
    assert per_partner["Total"]["billed"] == format_pounds_plain(sum(p.billed_pence for p in partners))
    report = report_tables(demo_store, DAY).get("Cost recovery per partner")
    billed = sum(p.billed_pence for p in partners)
    assert billed == 0 and report is None  # nothing of the later review billed as at 31/03/2018
    assert {r["partner"]: r["billed"] for r in per_partner.values()} == {"Total": "0"}


def test_the_selected_reviews_rows_as_at_a_day_are_read_by_the_service(demo_store):
    """The presenter shows what ``services.dhr`` reads as at the day: the cost lines within the review's cost then,
    the recommendations completed by then, the panel meetings held by then."""
    day = date(2017, 9, 1)
    page = reviews_as_at(demo_store, day)
    babergh = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2014-01")
    costed = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01")
    for case_id in (babergh, costed):
        page.select(case_id)
        d = page.details()
        assert d.costs == dhr.cost_lines(demo_store, case_id, as_at=day)
        assert d.actions == dhr.recommendations(demo_store, case_id, today=day, as_at=day)
        assert d.meetings == dhr.panel_meetings(demo_store, case_id, as_at=day)
    page.select(costed)
    d = page.details()
    assert [m["met_on"] for m in d.meetings] == ["2017-06-07", "2017-08-16"]
    assert sum(line["amount_pence"] for line in d.costs) == page.selected_case.cost_pence == 0
    # as at no day: every row, as before
    assert dhr.cost_lines(demo_store, costed) == dhr.cost_lines(demo_store, costed, as_at=None)
    assert len(dhr.panel_meetings(demo_store, costed)) == 4


def test_one_rule_says_which_reviews_are_not_yet_known_as_at_a_day(demo_store):
    """The board report's filter and the Reviews page's count are the one service function."""
    from safer_desk.services.report_sections import costs as report_costs

    assert not hasattr(report_costs, "_case_notified_by")
    undated = dhr.add_case(demo_store, reference="WSCSP-DHR-UNDATED", kind="review")  # no notification date
    later = dhr.notified_after(demo_store, date(2017, 3, 31))
    refs = {dhr.case_record(demo_store, i)["reference"] for i in later}
    assert refs == {"WSCSP-DHR-2017-02", "WSCSP-LR-2017-01"}
    assert undated not in later  # a review with no notification date always counts
    assert dhr.notified_after(demo_store, None) == set()
