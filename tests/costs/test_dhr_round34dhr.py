"""Costs > Reviews, round 34 (dhr): a second look that tries to break DHR cost sharing.

1. A review's reference typed another way ("WSCSP DHR 2017 01", "WSCSP/DHR/2017/01", the en dashes Word puts in,
   "WSCSP-DHR-2017-1") made a second review of the same death beside the first: its costs billed to the partners a
   second time. Only the case of the letters was looked at. A reference is now the same as another when its letters
   and numbers are ("01" is "1"), whatever the spaces, dashes and slashes between them.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from safer_desk.domain import dhr as rules
from safer_desk.domain.dhr import DhrError
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import button, field, type_into
from tests.costs.test_search_choice_round22 import reviews_page

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"


# -- 1. a reference typed another way is the same review ------------------------------------------------------------

TYPED_ANOTHER_WAY = ("WSCSP DHR 2017 01", "WSCSP/DHR/2017/01", "WSCSP–DHR–2017–01", "wscsp_dhr_2017-1",
                     "WSCSP-DHR-2017-1", "WSCSPDHR 2017.01")


@pytest.mark.parametrize("typed", TYPED_ANOTHER_WAY)
def test_a_reference_typed_another_way_is_refused_as_the_review_it_is(demo_store, typed):
    cases = demo_store.scalar("SELECT count(*) FROM dhr_cases")
    with pytest.raises(DhrError, match=f"there is already a case with the reference {BILLED}"):
        dhr.add_case(demo_store, reference=typed)
    other = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02")
    with pytest.raises(DhrError, match=f"there is already a case with the reference {BILLED}"):
        dhr.update_case(demo_store, other, reference=typed)
    assert demo_store.scalar("SELECT count(*) FROM dhr_cases") == cases
    assert dhr.case_record(demo_store, other)["reference"] == "WSCSP-DHR-2017-02"


def test_other_references_are_still_other_reviews(demo_store):
    for typed in ("WSCSP-DHR-2017-10", "WSCSP-DHR-2017-011", "WSCSP-DHR-2017", "WSCSP-DHR-201701", "WSCSP-LR-2017-1"):
        if typed == "WSCSP-LR-2017-1":  # the learning review's WSCSP-LR-2017-01 typed another way
            with pytest.raises(DhrError, match="WSCSP-LR-2017-01"):
                dhr.add_case(demo_store, reference=typed)
        else:
            assert dhr.add_case(demo_store, reference=typed)


def test_a_case_may_write_its_own_reference_another_way(demo_store):
    own = dhr.case_id_by_reference(demo_store, BILLED)
    dhr.update_case(demo_store, own, reference="WSCSP/DHR/2017/01")
    assert dhr.case_record(demo_store, own)["reference"] == "WSCSP/DHR/2017/01"


def test_two_reviews_kept_before_this_check_can_still_be_edited(demo_store):
    # A file holding WSCSP-DHR-2017-1 beside WSCSP-DHR-2017-01 (kept before references were compared this way, or
    # merged): either can still be edited, its reference kept, and renamed to one of its own.
    with demo_store.transaction():
        demo_store.conn.execute("INSERT INTO dhr_cases(id, reference) VALUES ('old', 'WSCSP-DHR-2017-1')")
    assert dhr.update_case(demo_store, "old", reference="WSCSP-DHR-2017-1", notes="the same death")["notes"]
    with pytest.raises(DhrError, match=f"reference {BILLED}"):
        dhr.update_case(demo_store, "old", reference="WSCSP DHR 2017 01")
    dhr.update_case(demo_store, "old", reference="WSCSP-DHR-2017-91")
    assert dhr.case_record(demo_store, "old")["reference"] == "WSCSP-DHR-2017-91"


@given(st.text(alphabet="AbC019 -/–_.", min_size=1, max_size=12))
def test_the_same_reference_key_whatever_the_separators_and_letters_case(text):
    key = rules.reference_key(text)
    spaced = " - ".join(text.split()) or text
    assert rules.reference_key(spaced) == key
    assert rules.reference_key(text.upper()) == rules.reference_key(text.lower())


def test_the_new_case_form_refuses_it_beside_the_reference(demo_store):
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    form = p.new_case_form()
    form.set_value("reference", "WSCSP DHR 2017/01")
    assert not form.save()
    assert f"already a case with the reference {BILLED}" in form.message("reference")


def test_the_window_refuses_a_second_review_typed_another_way(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    before = len(page.cases.source_rows())
    dialog = page.new_case_dialog()
    type_into(qtbot, field(dialog, "Reference"), "WSCSP DHR 2017 01")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    beside = next(label for label in dialog.findChildren(QLabel) if label.accessibleName() == "Message about Reference")
    assert beside.isVisible() and f"already a case with the reference {BILLED}" in beside.text()
    dialog.reject()
    assert len(page.cases.source_rows()) == before


# -- 2. deleting a review its partners have paid for says what leaves the ledger -------------------------------------

def test_deleting_a_billed_review_says_the_money_that_leaves_the_ledger(demo_store):
    # "Delete WSCSP-DHR-2017-01 with its costs, shares and payments?" alone: £3,820.73 the partners paid, and what
    # they still owe, left every partner's ledger with one Yes, unsaid.
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(dhr.case_id_by_reference(demo_store, BILLED))
    case = p.selected_case
    question = p.delete_case_question()
    assert question.startswith(f"Delete {BILLED} with its costs, shares and payments?")
    assert ("The partners were billed £7,525.58 for it, have paid £3,820.73 and owe £3,020.71: the ledger will no "
            "longer count any of it (Edit > Undo brings it back).") in question
    assert (case.billed_pence, case.recovered_pence, case.outstanding_pence) == (752558, 382073, 302071)
    p.select(dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02"))
    assert "ledger" not in p.delete_case_question()  # nothing billed: nothing to say


def test_the_window_asks_before_deleting_a_paid_review_and_undo_brings_its_payments_back(demo_window, qtbot, prompts):
    page = reviews_page(demo_window, qtbot, TODAY)
    store = page.store
    case_id = dhr.case_id_by_reference(store, BILLED)
    paid = store.scalar("SELECT sum(amount_pence) FROM dhr_payments")
    assert page.select_case(case_id)
    prompts.answers.append(True)
    page.delete_case()
    assert "have paid £3,820.73" in prompts.questions[-1][1]
    qtbot.waitUntil(lambda: dhr.case_id_by_reference(store, BILLED) is None)
    assert not store.scalar("SELECT count(*) FROM dhr_payments")
    demo_window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: dhr.case_id_by_reference(store, BILLED) == case_id)
    assert store.scalar("SELECT sum(amount_pence) FROM dhr_payments") == paid


# -- 3. `dhr-ledger --as-at TODAY` is the window's ledger as at today ------------------------------------------------

def test_the_command_line_as_at_today_is_the_windows_as_at_today(demo_store, demo_path, capsys):
    # A payment post-dated (asked once, and kept) counted in the window's ledger as at today and in `dhr-ledger`,
    # but not in `dhr-ledger --as-at TODAY`: three figures for one day, £684.14 apart.
    import csv
    import io

    from safer_desk.domain.money import format_pounds_plain
    from safer_desk.presenters.dhr import LedgerPresenter
    from safer_desk.domain.periods import format_uk_date
    from tests.cli_run import run

    today = date.today()
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    share = next(s for s in dhr.list_shares(demo_store, today=today, case_id=case_id)
                 if s.partner == "West Suffolk CCG")
    dhr.record_payment(demo_store, share.id, paid_on=date.fromordinal(today.toordinal() + 3), amount=68414)
    ledger = LedgerPresenter(today=lambda: today)
    assert ledger.choose(format_uk_date(today))
    paid = sum(p.paid_pence for p in ledger.read(demo_store).partners)
    assert paid == 382073 + 68414
    for args in ((), ("--as-at", format_uk_date(today))):
        code, out, err = run(capsys, "dhr-ledger", demo_path, *args)
        assert code == 0, err
        total = next(r for r in csv.DictReader(io.StringIO(out)) if r["partner"] == "Total")
        assert total["paid"] == format_pounds_plain(paid), args


# -- 4. the odd pennies: the rule the guide states ---------------------------------------------------------------------

@given(st.integers(min_value=0, max_value=10**9))
def test_equal_shares_give_the_odd_pennies_to_the_partners_first_in_alphabetical_order(total):
    # The guide states it; the ids are the names' (reference_id), so the order of the names is the order of the ids.
    from safer_desk.domain.ids import reference_id

    names = ["Babergh District Council", "Forest Heath District Council", "Ipswich and East CCG",
             "Mid Suffolk District Council", "National Probation Service", "Suffolk Constabulary", "West Suffolk CCG"]
    ids = [reference_id("org", n) for n in names]
    shares = rules.dhr_cost_shares(total, list(reversed(ids)), rules.SplitRule())
    assert sum(shares.values()) == total
    odd = total % len(ids)
    assert [shares[i] for i in ids] == [total // len(ids) + 1] * odd + [total // len(ids)] * (len(ids) - odd)


def test_the_example_reviews_four_pennies_went_to_the_first_four_partners_by_name(demo_store):
    shares = sorted((s.partner, s.amount_pence) for s in dhr.list_shares(demo_store, today=TODAY)
                    if s.case_reference == BILLED and s.kind == "share")
    assert [pence for _, pence in shares] == [68415] * 4 + [68414] * 7


# -- 5. payments pasted from Excel ----------------------------------------------------------------------------------
# A finance report's rows (invoice or partner, date paid, amount, reference) could only be keyed one by one through
# Payment…: More > Paste payments from Excel… reads them, asks row by row, and records them as one step of Undo.

@pytest.fixture
def log():
    from safer_desk.presenters.actions import ActionLog

    return ActionLog()


@pytest.fixture
def reviews(demo_store, log):
    p = DhrPresenter(demo_store, perform=log, today=lambda: TODAY)
    p.reload()
    p.select(dhr.case_id_by_reference(demo_store, BILLED))
    return p


def open_share(demo_store, partner):
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    return next(s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case_id)
                if s.partner == partner and s.kind == "share")


def paid_total(store) -> int:
    return store.scalar("SELECT coalesce(sum(amount_pence), 0) FROM dhr_payments")


def finance_report(demo_store) -> str:
    crc = open_share(demo_store, "Norfolk and Suffolk CRC")
    fire = open_share(demo_store, "Suffolk Fire and Rescue Service")
    return ("Invoice\tCustomer\tPaid\tAmount\tRemittance\r\n"
            f"{crc.invoice_ref}\tNorfolk and Suffolk CRC\t01/08/2018\t£684.14\tBACS 1183\r\n"
            "Suffolk County Council\t2018-08-02\t\t284.14\r\n"
            + f"{fire.invoice_ref.lower()}\t\t3 Aug 2018\t\"£600.00\"\r\n"
            "\r\n"
            "Total\t\t\t£1,568.28\r\n")


def test_payments_pasted_from_excel_are_asked_about_row_by_row_and_recorded_as_one_step(reviews, demo_store, log):
    before = paid_total(demo_store)
    pasted = reviews.pasted_payments(finance_report(demo_store))
    question = pasted.question()
    assert question.startswith(f"Record 3 payments of £1,568.28 in all for {BILLED}?")
    assert "Norfolk and Suffolk CRC: £684.14 paid on 01/08/2018 (BACS 1183)" in question
    assert "Suffolk County Council: £284.14 paid on 02/08/2018" in question
    assert "Suffolk Fire and Rescue Service: £600 paid on 03/08/2018" in question
    assert "Left out: line 1 (headings or a note" in question
    assert "the total (£1,568.28, as the payments add up)" in question
    assert paid_total(demo_store) == before  # asked first: nothing recorded yet
    reviews.record_pasted_payments(pasted)
    assert paid_total(demo_store) == before + 156828
    assert log.undo_text == f"Undo 3 payments pasted for {BILLED}"
    ledger = {p.partner: p for p in dhr.partner_ledger(demo_store, today=TODAY)}
    assert ledger["Suffolk County Council"].outstanding_pence == 0
    assert ledger["Suffolk Fire and Rescue Service"].outstanding_pence == 8414
    log.undo()
    assert paid_total(demo_store) == before
    log.redo()
    assert paid_total(demo_store) == before + 156828


@pytest.mark.parametrize("rows, said", [
    ("Total\t\t\t£1,568.29\r\n", "the total line says £1,568.29, but the payments above it add up to £1,568.28"),
    ("Suffolk County Council\t01/09/2018\t£0.01\r\n", "more than the £0 outstanding"),
    ("West Suffolk CCG\t01/09/2018\t-£684.14\r\n", "-£684.14 is not a payment"),
    ("Babergh District Council\t01/09/2018\t£10\r\n", "Babergh District Council has no invoice open"),
    ("West Suffolk CCG\t£684.14\r\n", "no date paid"),
    ("Account 4410\t01/09/2018\t£684.14\r\n", "no invoice or partner of WSCSP-DHR-2017-01 in it"),
])
def test_a_pasted_line_that_cannot_be_recorded_is_refused_naming_it_and_nothing_is_recorded(reviews, demo_store, rows,
                                                                                             said):
    before = paid_total(demo_store)
    with pytest.raises(DhrError, match="Nothing was recorded") as refused:
        reviews.pasted_payments(finance_report(demo_store).replace("Total\t\t\t£1,568.28\r\n", "") + rows)
    assert said in str(refused.value) and "Line " in str(refused.value)
    assert paid_total(demo_store) == before


def test_a_partner_with_two_invoices_open_is_asked_for_the_invoice(reviews, demo_store):
    refused = next(s for s in reviews.details().shares if s.status == "refused")
    dhr.resolve_refusal(demo_store, refused.id, "re-split", on="01/08/2018")
    with pytest.raises(DhrError, match="Suffolk County Council has 2 invoices open .*paste the invoice reference"):
        reviews.pasted_payments("Suffolk County Council\t01/09/2018\t£10\r\n")


@given(st.lists(st.tuples(st.sampled_from(["Norfolk and Suffolk CRC", "Suffolk Fire and Rescue Service",
                                           "West Suffolk CCG", "Ipswich and East CCG"]),
                          st.integers(min_value=1, max_value=40000)), min_size=1, max_size=6))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_what_is_pasted_is_what_every_ledger_counts_to_the_penny(demo_path, tmp_path_factory, rows):
    # Each partner's ledger and the case's paid go up by what was pasted for it, exactly, or nothing changes at all.
    import shutil

    from safer_desk.storage.store import open_store

    path = tmp_path_factory.mktemp("paste") / "f.sqlite"
    shutil.copyfile(demo_path, path)
    store = open_store(path)
    try:
        p = DhrPresenter(store, today=lambda: TODAY)
        p.reload()
        p.select(dhr.case_id_by_reference(store, BILLED))
        before = {x.partner: x.paid_pence for x in dhr.partner_ledger(store, today=TODAY)}
        case_paid = p.selected_case.recovered_pence
        text = "".join(f"{name}\t{i + 1}/8/2018\t£{pence // 100:,}.{pence % 100:02d}\r\n" for i, (name, pence) in
                       enumerate(rows))
        want: dict[str, int] = {}
        for name, pence in rows:
            want[name] = want.get(name, 0) + pence
        too_much = any(pence > open_share(store, name).outstanding_pence for name, pence in want.items())
        try:
            p.record_pasted_payments(p.pasted_payments(text))
        except DhrError as exc:
            assert too_much and "outstanding" in str(exc)
            want = {}
        after = {x.partner: x.paid_pence for x in dhr.partner_ledger(store, today=TODAY)}
        assert {k: after[k] - before[k] for k in after if after[k] != before[k]} == {k: v for k, v in want.items()}
        p.reload()
        assert p.case(dhr.case_id_by_reference(store, BILLED)).recovered_pence == case_paid + sum(want.values())
    finally:
        store.close()


def test_the_window_pastes_payments_from_the_more_menu_and_undo_takes_them_back(demo_window, qtbot, prompts):
    from PySide6.QtGui import QGuiApplication

    page = reviews_page(demo_window, qtbot, TODAY)
    store = page.store
    before = paid_total(store)
    assert page.select_case(dhr.case_id_by_reference(store, BILLED))
    QGuiApplication.clipboard().setText(finance_report(store))
    prompts.answers.append(True)
    page.more_actions["paste_payments"].trigger()
    assert prompts.questions[-1][0] == "Paste payments" and "Record 3 payments" in prompts.questions[-1][1]
    qtbot.waitUntil(lambda: paid_total(store) == before + 156828)
    page.details.setCurrentIndex(2)
    qtbot.waitUntil(lambda: any(s.partner == "Suffolk County Council" and s.outstanding_pence == 0
                                for s in page.shares.source_rows()))
    assert demo_window.session.undo_stack.undoText() == f"3 payments pasted for {BILLED}"
    demo_window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: paid_total(store) == before)
    QGuiApplication.clipboard().setText("Invoice\tPaid\tAmount\r\n")
    page.more_actions["paste_payments"].trigger()
    assert prompts.errors[-1][0] == "Not done" and "No payments to record" in prompts.errors[-1][1]
