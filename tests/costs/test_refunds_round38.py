"""Round 38 (rfn): a refund gives back what a partner paid beyond its share of a review (schema step 28).

Billing a review again with another split after a partner paid its old, larger share leaves it having paid more than
its new share: the example's chair's cost keyed £2,500 too high, billed, paid by five partners and put right by billing
again leaves Babergh £227.27 over ("Overpaid £227.27 (paid £684.15 of a £456.88 share …)" on its invoice). Nothing
recorded a refund of it: a payment beyond what is outstanding was refused saying "refund the rest", and the credit
lived only in the invoice's words. A refund is now a record (dhr_refunds: the review, the partner, the day, the
amount, a reference), at most the partner's credit computed from the invoices, payments and refunds; what it gave back
is cost the partners are billed for again (Bill partners), the partners short of their shares and no other.
"""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from safer_desk.domain import dhr as rules
from safer_desk.domain.dhr import DhrError
from safer_desk.services import dhr
from safer_desk.storage.schema import schema_version
from safer_desk.storage.store import open_store
from tests.cli_run import run

TODAY = date(2026, 12, 1)
BILLED = "WSCSP-DHR-2017-01"  # £7,525.58 split equally among 11 partners; five paid in full, the county £400
BABERGH = "org:babergh-district-council"
IPSWICH_CCG = "org:ipswich-and-east-ccg"
OVERPAID = ("org:babergh-district-council", "org:forest-heath-district-council", "org:mid-suffolk-district-council",
            "org:st-edmundsbury-borough-council", "org:suffolk-constabulary")


def bill_again_below_what_five_paid(store) -> str:
    """The chair's cost corrected £2,500 down on 10/09/2018 and billed again: five partners £227.27 (or 28) over."""
    case = dhr.case_id_by_reference(store, BILLED)
    chair = max(dhr.cost_lines(store, case), key=lambda line: line["amount_pence"])
    fields = {k: chair[k] for k in ("category", "description", "supplier", "invoice_ref", "invoiced_on")}
    dhr.update_cost_line(store, chair["id"], bill_again_on="10/09/2018", amount=chair["amount_pence"] - 250000,
                         **fields)
    return case


@pytest.fixture(scope="module")
def overpaid_master(tmp_path_factory, demo_master) -> Path:
    path = tmp_path_factory.mktemp("overpaid") / "overpaid.sqlite"
    shutil.copyfile(demo_master, path)
    store = open_store(path)
    try:
        bill_again_below_what_five_paid(store)
    finally:
        store.close()
    return path


@pytest.fixture
def overpaid_path(overpaid_master, tmp_path) -> Path:
    target = tmp_path / "overpaid.sqlite"
    shutil.copyfile(overpaid_master, target)
    return target


@pytest.fixture
def overpaid(overpaid_path):
    store = open_store(overpaid_path)
    yield store, dhr.case_id_by_reference(store, BILLED)
    store.close()


def summary(store, case):
    return next(c for c in dhr.list_cases(store, today=TODAY) if c.id == case)


# -- the domain rule -------------------------------------------------------------------------

def test_a_refund_is_at_most_the_credit_and_the_refusal_says_the_most():
    assert rules.overpaid_credit(68415, 0, 45688) == 22727
    assert rules.overpaid_credit(68415, 22727, 45688) == 0
    assert rules.overpaid_credit(40000, 0, 68414) == 0  # paid less than its share: no credit, never negative
    rules.check_refund(22727, 22727, partner="Babergh District Council")
    with pytest.raises(DhrError, match=r"^£227\.28 is more than the £227\.27 Babergh District Council overpaid on "
                                       r"this review: refund at most £227\.27\.$"):
        rules.check_refund(22727, 22728, partner="Babergh District Council")
    with pytest.raises(DhrError, match="has not overpaid on this review: .* nothing to refund"):
        rules.check_refund(0, 100, partner="Ipswich and East CCG")
    with pytest.raises(DhrError, match="more than £0"):
        rules.check_refund(22727, 0)


def test_billing_takes_a_refund_off_the_net_and_says_it():
    bill = rules.billing(100, [("share", rules.ShareState(60, 60, "invoiced", None)),
                               ("share", rules.ShareState(40, 0, "invoiced", None))], 10)
    assert bill.net_billed_pence == 90 and bill.unbilled_pence == 10 and bill.uncovered_pence == 10
    assert "less £0.10 refunded = £0.90 net" in bill.describe()
    assert "refunded to a partner that overpaid, has not been billed yet" in bill.describe()


# -- services --------------------------------------------------------------------------------

def test_the_credit_is_read_from_the_records_as_the_reason_says_it(overpaid):
    store, case = overpaid
    credits = dhr.overpaid_credits(store, case)
    assert set(credits) == set(OVERPAID) and credits[BABERGH] == 22727
    babergh = next(s for s in dhr.list_shares(store, today=TODAY, case_id=case)
                   if s.organisation_id == BABERGH and s.reason.startswith("Overpaid"))
    assert babergh.reason.startswith("Overpaid £227.27 (paid £684.15 of a £456.88 share")


def test_the_example_has_no_credit_anywhere(demo_store):
    for case in dhr.case_ids(demo_store):
        assert dhr.overpaid_credits(demo_store, case) == {}


def test_a_refund_is_recorded_and_the_rest_is_billed_to_the_partners_short_of_their_shares(overpaid):
    store, case = overpaid
    refund = dhr.record_refund(store, case, BABERGH, refunded_on="01/10/2018", amount="£227.27",
                               reference="BACS 4471")
    assert [(r.id, r.partner, r.amount_pence, r.reference) for r in dhr.case_refunds(store, case)] == [
        (refund, "Babergh District Council", 22727, "BACS 4471")]
    assert BABERGH not in dhr.overpaid_credits(store, case)
    row = summary(store, case)
    assert row.refunded_pence == 22727 and row.unbilled_pence == 22727 and row.kept_pence == 382073 - 22727
    assert "less £227.27 refunded" in row.billing_text
    # Bill partners bills what the refund gave back: the four still over, and Babergh, are billed none of it
    further = dhr.shares_to_bill(store, case, date(2018, 10, 2))
    assert sum(further.values()) == 22727
    assert all(further.get(org, 0) == 0 for org in OVERPAID)
    dhr.bill_partners(store, case, invoiced_on="02/10/2018")
    row = summary(store, case)
    assert row.unbilled_pence == 0 and row.net_billed_pence + row.shortfall_pence == row.cost_pence
    assert set(dhr.overpaid_credits(store, case)) == set(OVERPAID) - {BABERGH}


def test_more_than_the_credit_or_none_is_refused_and_nothing_is_written(overpaid):
    store, case = overpaid
    with pytest.raises(DhrError, match=r"refund at most £227\.27"):
        dhr.record_refund(store, case, BABERGH, refunded_on="01/10/2018", amount="300")
    with pytest.raises(DhrError, match="Ipswich and East CCG has not overpaid on this review"):
        dhr.record_refund(store, case, IPSWICH_CCG, refunded_on="01/10/2018", amount="1")
    with pytest.raises(DhrError, match="before Babergh District Council's last payment"):
        dhr.record_refund(store, case, BABERGH, refunded_on="01/01/2017", amount="1")
    with pytest.raises(DhrError, match="looks like a person's name"):
        dhr.record_refund(store, case, BABERGH, refunded_on="01/10/2018", amount="1", reference="Jane Smith")
    assert dhr.case_refunds(store, case) == []


def test_a_refund_is_deleted_and_a_payment_it_gave_back_cannot_go_first(overpaid):
    store, case = overpaid
    refund = dhr.record_refund(store, case, BABERGH, refunded_on="01/10/2018", amount="100")
    paid = next(s for s in dhr.list_shares(store, today=TODAY, case_id=case)
                if s.organisation_id == BABERGH and s.paid_pence)
    payment = dhr.share_payments(store, paid.id)[0]
    with pytest.raises(DhrError, match="delete the refund first"):
        dhr.delete_payment(store, payment["id"])
    assert dhr.share_payments(store, paid.id) == [payment]
    dhr.delete_refund(store, refund)
    assert dhr.case_refunds(store, case) == [] and dhr.overpaid_credits(store, case)[BABERGH] == 22727
    with pytest.raises(DhrError, match="no longer exists"):
        dhr.delete_refund(store, refund)


def test_undo_of_a_review_takes_its_refunds_back_too(overpaid):
    store, case = overpaid
    before = dhr.snapshot_case(store, case)
    dhr.record_refund(store, case, BABERGH, refunded_on="01/10/2018", amount="227.27")
    after = dhr.snapshot_case(store, case)
    dhr.restore_case(store, before)
    assert dhr.case_refunds(store, case) == []
    dhr.restore_case(store, after)
    assert [r.amount_pence for r in dhr.case_refunds(store, case)] == [22727]


def test_as_at_a_day_before_the_refund_it_is_not_counted(overpaid):
    store, case = overpaid
    dhr.record_refund(store, case, BABERGH, refunded_on="01/10/2018", amount="227.27")
    ledger = {p.organisation_id: p for p in dhr.partner_ledger(store, today=TODAY, as_at=date(2018, 9, 30))}
    assert ledger[BABERGH].refunded_pence == 0
    ledger = {p.organisation_id: p for p in dhr.partner_ledger(store, today=TODAY, as_at=date(2018, 10, 1))}
    assert ledger[BABERGH].refunded_pence == 22727


# The ledger's identities, whatever refunds are made and whether what they gave back is billed again:
# per partner, billed = paid + refused + written off + outstanding, and net billed = paid − refunded + outstanding
# (so billed = paid − refunded + refused + written off + outstanding + refunded); per review,
# cost = paid − refunded + outstanding + shortfall + unbilled; nobody is refunded beyond what it paid over its share.
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(refunds=st.lists(st.tuples(st.sampled_from(OVERPAID + (IPSWICH_CCG,)), st.integers(1, 30000)), max_size=4),
       bill_after=st.booleans())
def test_the_ledger_adds_up_whatever_is_refunded(overpaid_master, tmp_path, refunds, bill_after):
    path = tmp_path / f"h{abs(hash((tuple(refunds), bill_after)))}.sqlite"
    shutil.copyfile(overpaid_master, path)
    store = open_store(path)
    try:
        case = dhr.case_id_by_reference(store, BILLED)
        for org, pence in refunds:
            credit = dhr.overpaid_credits(store, case).get(org, 0)
            try:
                dhr.record_refund(store, case, org, refunded_on="01/10/2018", amount=f"{pence / 100:.2f}")
            except DhrError:
                assert pence > credit
            else:
                assert pence <= credit
        if bill_after and dhr.unbilled_pence(store, case) > 0:
            dhr.bill_partners(store, case, invoiced_on="02/10/2018")
            assert summary(store, case).unbilled_pence == 0
        refunded = {r.organisation_id: 0 for r in dhr.case_refunds(store, case)}
        for r in dhr.case_refunds(store, case):
            refunded[r.organisation_id] += r.amount_pence
        for p in dhr.partner_ledger(store, today=TODAY):
            assert p.billed_pence == p.paid_pence + p.refused_pence + p.written_off_pence + p.outstanding_pence
            assert p.net_billed_pence == p.paid_pence - p.refunded_pence + p.outstanding_pence
            assert p.refunded_pence == refunded.get(p.organisation_id, 0) <= p.paid_pence
        row = summary(store, case)
        assert row.cost_pence == (row.recovered_pence - row.refunded_pence + row.outstanding_pence
                                  + row.shortfall_pence + row.unbilled_pence)
        assert all(v >= 0 for v in dhr.overpaid_credits(store, case).values())
    finally:
        store.close()


# -- the command line ----------------------------------------------------------------------------

def test_the_ledger_csv_gains_a_trailing_refunded_column(overpaid_path, capsys):
    store = open_store(overpaid_path)
    case = dhr.case_id_by_reference(store, BILLED)
    dhr.record_refund(store, case, BABERGH, refunded_on="01/10/2018", amount="227.27")
    store.close()
    code, out, err = run(capsys, "dhr-ledger", overpaid_path)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["partner", "billed", "paid", "refused", "outstanding", "overdue", "net_billed", "refunded"]
    by_partner = {r[0]: r for r in rows[1:]}
    assert by_partner["Babergh District Council"][1:] == ["684.15", "684.15", "0", "0", "0", "456.88", "227.27"]
    assert by_partner["Total"][-1] == "227.27"
    code, out, err = run(capsys, "dhr-ledger", overpaid_path, "--by-case")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0])[-1] == "refunded"
    review = next(r for r in rows if r["case"] == BILLED)
    assert (review["refunded"], review["unbilled"]) == ("227.27", "227.27")


# -- a file made before step 28 ------------------------------------------------------------------

def as_before_step_28(path: Path) -> None:
    """The file as the program before this step left it: no refunds table (nor its triggers), step 28 not applied."""
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE dhr_refunds")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'create_dhr_refunds'")
    conn.close()


def test_a_file_made_before_step_28_is_upgraded_with_its_data_and_its_overpayment_reads_as_before(overpaid_path,
                                                                                               capsys):
    as_before_step_28(overpaid_path)
    code, before, err = run(capsys, "dhr-ledger", overpaid_path)
    assert code == 0, err  # read as it lies, not changed
    with sqlite3.connect(overpaid_path) as conn:
        rows_before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
            "dhr_cases", "dhr_shares", "dhr_payments", "dhr_cost_lines", "projects")}
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'dhr_refunds'").fetchone()[0] == 0
    conn.close()
    store = open_store(overpaid_path)  # upgraded, with a backup first
    try:
        case = dhr.case_id_by_reference(store, BILLED)
        assert store.schema_version == schema_version()  # every step this version knows
        assert {t: store.scalar(f"SELECT count(*) FROM {t}") for t in rows_before} == rows_before
        assert store.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                            "AND tbl_name = 'dhr_refunds'") == 3  # audited as every table is
        assert dhr.overpaid_credits(store, case)[BABERGH] == 22727  # from the records, as its Reason says
        dhr.record_refund(store, case, BABERGH, refunded_on="01/10/2018", amount="227.27")
    finally:
        store.close()
    assert list(Path(overpaid_path.parent / "backups").glob("*")) or list(overpaid_path.parent.glob("*backup*"))
    code, after, err = run(capsys, "dhr-ledger", overpaid_path)
    assert code == 0, err
    # read before the upgrade as this program reads it (nothing refunded), and after it the same but the refund
    old_lines, new_lines = before.splitlines(), after.splitlines()
    assert old_lines[0] == new_lines[0] and old_lines[0].endswith(",refunded")
    assert [line for line in old_lines if line.startswith("Babergh")] == [
        "Babergh District Council,684.15,684.15,0,0,0,684.15,0"]
    for old, new in zip(old_lines[1:], new_lines[1:]):
        if not new.startswith(("Babergh", "Total")):
            assert new == old
    assert "Babergh District Council,684.15,684.15,0,0,0,456.88,227.27" in new_lines


# -- the presenter, without a window -------------------------------------------------------------

@pytest.fixture
def presenter(overpaid):
    from safer_desk.presenters.dhr import DhrPresenter

    store, case = overpaid
    p = DhrPresenter(store, today=lambda: TODAY)
    p.reload()
    p.select(case)
    return p


def share_of(p, org, *, paid=True):
    return next(s for s in p.details().shares if s.organisation_id == org and s.kind == "share"
                and bool(s.paid_pence) == paid)


def test_the_refund_form_says_the_most_and_refuses_more_beside_the_amount(presenter):
    babergh = share_of(presenter, BABERGH)
    assert presenter.refund_allowed(babergh)
    assert not presenter.refund_allowed(share_of(presenter, IPSWICH_CCG, paid=False))
    form = presenter.refund_form(babergh)
    assert "refund at most £227.27" in form.note
    form.set_value("amount", "£300")
    assert not form.save()
    assert form.message("amount").startswith("£300 is more than the £227.27 Babergh District Council overpaid")
    form.set_value("amount", "£227.27")
    form.set_value("reference", "BACS 4471")
    assert form.save()
    assert [r.amount_pence for r in dhr.case_refunds(presenter.store, presenter.selected_case.id)] == [22727]
    assert not presenter.refund_allowed(share_of(presenter, BABERGH))
    assert presenter.more_actions(presenter.details())["delete_refund"]


def test_a_partner_with_no_credit_is_told_there_is_nothing_to_refund(presenter):
    from safer_desk.presenters.costs import NothingTo

    with pytest.raises(NothingTo, match="nothing to refund"):
        presenter.refund_form(share_of(presenter, IPSWICH_CCG, paid=False))


def test_a_refund_and_its_deletion_are_each_one_step_of_undo(overpaid):
    from safer_desk.presenters.dhr import DhrPresenter

    store, case = overpaid
    done = []
    p = DhrPresenter(store, today=lambda: TODAY, perform=lambda action: (action.do(), done.append(action)))
    p.reload()
    p.select(case)
    form = p.refund_form(share_of(p, BABERGH))
    assert form.save()
    assert len(done) == 1 and "£227.27 refunded to Babergh District Council" in done[0].text
    done[0].undo()
    assert dhr.case_refunds(store, case) == []
    done[0].do()
    form = p.delete_refund_form()
    assert form.save()
    assert dhr.case_refunds(store, case) == [] and done[-1].text.startswith("Delete the refund of £227.27")
    done[-1].undo()
    assert [r.amount_pence for r in dhr.case_refunds(store, case)] == [22727]


# -- the window: real widgets -----------------------------------------------------------------------

def test_refund_in_the_window_then_the_ledger_shows_it(demo_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from tests.costs.test_ledger_as_at_round33lga import cells, ledger_page
    from tests.costs.test_new_case_then_cost_line import button, field, type_into
    from tests.costs.test_search_choice_round22 import reviews_page

    page = reviews_page(demo_window, qtbot, TODAY)
    case = bill_again_below_what_five_paid(page.store)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert page.select_case(case)
    page.details.setCurrentIndex(2)
    assert page.shares.select_where(lambda s: s.organisation_id == IPSWICH_CCG and s.kind == "share")
    assert not page.refund_button.isEnabled()  # no credit: nothing to refund
    assert page.shares.select_where(lambda s: s.organisation_id == BABERGH and s.paid_pence)
    assert page.refund_button.isEnabled()
    dialog = page.refund_dialog()  # what Refund… opens
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert any("refund at most £227.27" in text for text in labels)
    type_into(qtbot, field(dialog, "Amount"), "300")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    beside = next(label for label in dialog.findChildren(QLabel) if label.accessibleName() == "Message about Amount")
    assert beside.isVisible() and "£300 is more than the £227.27 Babergh District Council overpaid" in beside.text()
    assert dhr.case_refunds(page.store, case) == []
    type_into(qtbot, field(dialog, "Amount"), "227.27")
    type_into(qtbot, field(dialog, "Reference"), "BACS 4471")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dhr.case_refunds(page.store, case)), timeout=5000)
    assert "less £227.27 refunded" in page.billing.text()
    tab, ledger = ledger_page(demo_window, qtbot)
    header = [ledger.partners.view.model().headerData(c, Qt.Orientation.Horizontal)
              for c in range(ledger.partners.view.model().columnCount())]
    assert header[-1] == "Refunded"
    assert cells(ledger.partners)["Babergh District Council"][-1] == "£227.27"
    assert cells(ledger.partners)["Total"][-1] == "£227.27"


# -- the board report ------------------------------------------------------------------------------

def _recovery_tables(store):
    from safer_desk.services.report_sections.costs import board_report_sections

    section = next(s for s in board_report_sections(store, today=TODAY) if s.title.endswith("cost recovery"))
    return {t.title: t for t in section.tables}, section


def test_the_board_report_says_a_refund_and_only_where_there_is_one(overpaid):
    store, case = overpaid
    tables, _ = _recovery_tables(store)
    assert "Refunded" not in tables["Cost recovery per case"].header  # as it was, with no refund
    assert "Refunded" not in tables["Cost recovery per partner"].header
    dhr.record_refund(store, case, BABERGH, refunded_on="01/10/2018", amount="227.27")
    tables, section = _recovery_tables(store)
    per_case, per_partner = tables["Cost recovery per case"], tables["Cost recovery per partner"]
    assert per_case.header[-1] == "Refunded" and per_case.total_row[-1] == "£227.27"
    assert per_partner.header[-1] == "Refunded" and per_partner.total_row[-1] == "£227.27"
    babergh = next(r for r in per_partner.rows if r[0] == "Babergh District Council")
    assert babergh[-1] == "£227.27"
    assert any("Refunded is what was given back" in p for p in section.paragraphs)


def test_history_says_a_refund_in_words(overpaid):
    from safer_desk.presenters.history import history_lines

    store, case = overpaid
    dhr.record_refund(store, case, BABERGH, refunded_on="01/10/2018", amount="227.27", reference="BACS 4471")
    line = history_lines(store, limit=1)[0]
    assert line.areas == ("Costs",) and line.summary == "Added refund BACS 4471"
    assert "partner Babergh District Council" in line.details[0] and "amount £227.27" in line.details[0]
