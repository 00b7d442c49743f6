"""A review's stage, status and overdue items "as at" a day, round 34 (stg).

The DHR money as at a day (Costs > Ledger's As at, `dhr-ledger --as-at`, `report --as-at`) counted only what had
happened by then, but each review's "Stage reached", status and overdue items were worked out from its dates as they
are now: as at 30/06/2018 the learning review showed "Learning workshop 16/08/2018", a stage it reached after the day.
Now a stage, a panel meeting, a workshop or a recommendation completed after the day is not reached (done) yet, what
is overdue is counted on the day, and the cost is the cost lines dated on or before it, through the same ``as_at``.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.money import format_pounds_plain
from safer_desk.services import dhr
from tests.cli_run import run
from tests.exchange.helpers import cli_output
from tests.costs.test_ledger_as_at_round33lga import cells, ledger_page, type_day
from tests.exchange.test_report_as_at_round34rda import dhr_paragraph, page, pence

TODAY = date(2026, 12, 1)
# The example's review WSCSP-DHR-2017-01 went to the Quality Assurance Panel on 28/03/2018 and had its letter on
# 21/06/2018; its costs are dated 29/03/2018; the learning review's workshop was on 16/08/2018.
BETWEEN = date(2018, 4, 30)  # after the report went to the panel, before its letter
JUNE = date(2018, 6, 30)  # before the learning workshop


def cases_as_at(store, day: date) -> dict[str, dhr.CaseSummary]:
    return {c.reference: c for c in dhr.list_cases(store, today=day, as_at=day)}


def test_a_stage_dated_after_the_day_is_not_reached_yet(demo_store):
    now = {c.reference: c for c in dhr.list_cases(demo_store, today=TODAY)}
    assert now["WSCSP-LR-2017-01"].current_stage == "Learning workshop 16/08/2018"
    assert now["WSCSP-DHR-2017-01"].current_stage == "Quality Assurance Panel letter"
    june = cases_as_at(demo_store, JUNE)
    assert june["WSCSP-LR-2017-01"].current_stage == "Learning review"  # its workshop was in August
    between = cases_as_at(demo_store, BETWEEN)
    review = between["WSCSP-DHR-2017-01"]
    assert review.current_stage == "Report to the Home Office Quality Assurance Panel"
    # The letter was due two months after the report went in (28/05/2018): due, not overdue, on 30/04/2018.
    assert review.next_due == date(2018, 5, 28) and review.overdue_items == 0 and review.flag == "On track"
    # Under way: its second panel meeting (13/06/2018) and the report, due 06/06/2018, were still to come.
    under_way = between["WSCSP-DHR-2017-02"]
    assert under_way.current_stage == "First panel meeting" and under_way.overdue_items == 0
    assert now["WSCSP-DHR-2017-02"].overdue_items > 0  # the report is overdue today
    # The first panel meeting was on 14/03/2018: before it, the chair appointed (05/02/2018) was the stage reached.
    assert cases_as_at(demo_store, date(2018, 3, 1))["WSCSP-DHR-2017-02"].current_stage == \
        "Independent chair appointed"


def test_as_at_a_day_the_stage_table_counts_the_same_dates(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01")
    stages = {s.stage.key: s for s in dhr.case_stages(demo_store, case_id, today=BETWEEN, as_at=BETWEEN)}
    assert stages["qa_submitted"].done_on == date(2018, 3, 28) and stages["qa_submitted"].status == "Done late"
    assert stages["qa_letter"].done_on is None and stages["qa_letter"].status == "Due"
    assert stages["qa_letter"].due_on == date(2018, 5, 28)
    # published: projected from the letter's due date, due (not overdue) on the day
    assert stages["published"].done_on is None and stages["published"].status == "Due" and stages["published"].projected


def test_a_recommendation_completed_after_the_day_was_open_then(demo_store):
    # WSCSP-DHR-2014-01's four recommendations were completed on 20/05/2015, 14/09/2015, 02/12/2015 and 10/03/2016.
    assert cases_as_at(demo_store, date(2015, 4, 30))["WSCSP-DHR-2014-01"].open_recommendations == 4
    july = cases_as_at(demo_store, date(2015, 7, 31))["WSCSP-DHR-2014-01"]
    assert july.open_recommendations == 3 and july.overdue_items == 0
    assert cases_as_at(demo_store, date(2015, 10, 1))["WSCSP-DHR-2014-01"].open_recommendations == 2
    assert {c.reference: c for c in dhr.list_cases(demo_store, today=TODAY)}[
        "WSCSP-DHR-2014-01"].open_recommendations == 0


def test_the_cost_as_at_a_day_is_the_cost_lines_dated_by_then(demo_store):
    before = cases_as_at(demo_store, date(2018, 3, 28))["WSCSP-DHR-2017-01"]  # its costs are dated 29/03/2018
    assert before.cost_pence == 0 and not before.cost_known and before.unbilled_pence == 0
    after = cases_as_at(demo_store, date(2018, 3, 29))["WSCSP-DHR-2017-01"]
    assert after.cost_pence == 752558 and after.unbilled_pence == 752558 and after.billed_pence == 0


def test_a_cost_line_dated_after_the_partners_were_billed_for_it_still_counts_then(demo_store):
    """A chair's invoice recorded with its own (later) date after the partners were billed for it: as at a day
    between, the partners' invoices cover it, so it is a cost by then, not a bill for more than the review cost."""
    case_id = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01")
    line = next(r for r in dhr.cost_lines(demo_store, case_id) if r["category"] == "Administration")
    dhr.update_cost_line(demo_store, line["id"], category=line["category"], amount=line["amount_pence"] / 100,
                         invoiced_on=date(2018, 7, 1), supplier=line["supplier"], invoice_ref=line["invoice_ref"],
                         description=line["description"])
    case = cases_as_at(demo_store, date(2018, 6, 20))["WSCSP-DHR-2017-01"]  # billed 15/06/2018
    assert case.cost_pence == 752558 and case.shortfall_pence == 0 and case.unbilled_pence == 0


def test_every_case_adds_up_as_at_every_day(demo_store):
    """cost = paid + outstanding + shortfall + not yet billed, none of them negative, whatever the day."""
    days = [date(2014, 1, 1), date(2015, 1, 1), date(2017, 12, 31), date(2018, 3, 28), date(2018, 3, 29), BETWEEN,
            date(2018, 6, 15), JUNE, date(2018, 7, 20), date(2018, 9, 1), date(2019, 3, 31), TODAY]
    for day in days:
        for c in dhr.list_cases(demo_store, today=day, as_at=day):
            parts = (c.recovered_pence, c.outstanding_pence, c.shortfall_pence, c.unbilled_pence)
            assert c.cost_pence == sum(parts) and min(parts) >= 0, (day, c.reference, parts)
            assert c.net_billed_pence <= c.cost_pence + c.unbilled_pence or not c.billing.matches_cost, (day, c)


def test_dhr_ledger_by_case_gives_the_cost_as_at_the_day(demo_path, capsys):
    code, out, err = run(capsys, "dhr-ledger", demo_path, "--as-at", "28/03/2018", "--by-case")
    assert code == 0, err
    by_case = {r["case"]: r for r in csv.DictReader(io.StringIO(out))}
    assert by_case["WSCSP-DHR-2017-01"]["cost"] == ""  # not yet known: its costs are dated the next day
    code, out, err = run(capsys, "dhr-ledger", demo_path, "--as-at", "30/04/2018", "--by-case")
    by_case = {r["case"]: r for r in csv.DictReader(io.StringIO(out))}
    assert by_case["WSCSP-DHR-2017-01"]["cost"] == format_pounds_plain(752558)
    assert by_case["WSCSP-DHR-2017-01"]["unbilled"] == format_pounds_plain(752558)


def test_the_report_as_at_a_day_gives_the_stage_reached_by_then(demo_path, demo_store, tmp_path):
    out = tmp_path / "board.html"
    code, _, err = cli_output(["report", str(demo_path), str(out), "--as-at", "30/04/2018"])
    assert code == 0, err
    tables = page(out)
    rows = tables.tables["Cost recovery per case"]
    by_case = {r[0]: dict(zip(rows[0], r)) for r in rows[1:-1]}
    expected = cases_as_at(demo_store, BETWEEN)
    assert set(by_case) == {"WSCSP-DHR-2014-01", "WSCSP-DHR-2017-01", "WSCSP-DHR-2017-02", "WSCSP-LR-2017-01"}
    for ref, row in by_case.items():
        assert row["Stage reached"] == expected[ref].current_stage
        assert row["Status"] == expected[ref].flag
        assert pence(row["Not yet billed"]) == expected[ref].unbilled_pence
    assert by_case["WSCSP-DHR-2017-01"]["Stage reached"] == "Report to the Home Office Quality Assurance Panel"
    assert by_case["WSCSP-DHR-2017-01"]["Status"] == "On track"
    code, _, err = cli_output(["report", str(demo_path), str(out), "--as-at", "30/06/2018", "--replace"])
    assert code == 0, err
    rows = page(out).tables["Cost recovery per case"]
    assert {r[0]: dict(zip(rows[0], r)) for r in rows[1:-1]}["WSCSP-LR-2017-01"]["Stage reached"] == \
        "Learning review"
    said = dhr_paragraph(tables)
    assert "as recorded now" not in said
    assert ("Each review's stage is the one it had reached by then (a stage, a panel meeting, a workshop or a "
            "recommendation completed after it is not yet reached), overdue is counted on that day, and its cost is "
            "its cost lines dated on or before it or billed to the partners by then.") in said


def test_the_report_as_at_today_is_unchanged(demo_store):
    from safer_desk.services.report_sections.costs import board_report_sections

    sections = board_report_sections(demo_store, today=TODAY)
    rows = next(t for s in sections for t in s.tables if t.title == "Cost recovery per case").rows
    assert {r[0]: r[3] for r in rows}["WSCSP-LR-2017-01"] == "Learning workshop 16/08/2018"


@pytest.mark.timeout(60)
def test_the_ledger_page_as_at_a_day_shows_the_stage_reached_by_then(demo_window, qtbot):
    _, ledger = ledger_page(demo_window, qtbot)
    model = ledger.per_case.view.model()
    head = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert "Stage reached" in head and "Status" in head

    def stage_of(ref: str) -> tuple[str, str]:
        row = cells(ledger.per_case)[ref]
        return row[head.index("Stage reached")], row[head.index("Status")]

    assert stage_of("WSCSP-LR-2017-01")[0] == "Learning workshop 16/08/2018"
    type_day(qtbot, ledger, "30/04/2018")
    assert ledger.shown_day.day == BETWEEN
    assert stage_of("WSCSP-LR-2017-01")[0] == "Learning review"
    assert stage_of("WSCSP-DHR-2017-01") == ("Report to the Home Office Quality Assurance Panel", "On track")
    assert "as recorded now" not in ledger.as_at_label.text()
    assert "stage" in ledger.as_at_label.text()
