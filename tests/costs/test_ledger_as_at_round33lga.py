"""Costs > Ledger "as at" a chosen day, round 33 (lga): the board paper's "DHR costs per partner as at 31 March".

The command line could say it (`safer-desk dhr-ledger FILE --as-at DAY`); the window showed only today. The ledger's
presenter now holds a day (today unless an earlier one is chosen) and reads it with the same service calls, so the
window and the command line give the same figures to the penny.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.money import format_pounds_plain
from safer_desk.presenters.dhr import LedgerPresenter, ledger_sheets
from safer_desk.services import dhr
from tests.cli_run import run

TODAY = date(2026, 12, 1)
PAST = date(2018, 7, 20)  # the example file's invoices are out, some paid, one refused, none re-split yet
BEFORE = date(2018, 1, 1)  # before anything was billed


def presenter(today: date = TODAY) -> LedgerPresenter:
    return LedgerPresenter(today=lambda: today)


def cli_partners(capsys, path, *args) -> dict[str, dict]:
    code, out, err = run(capsys, "dhr-ledger", path, *args)
    assert code == 0, err
    return {r["partner"]: r for r in csv.DictReader(io.StringIO(out))}


def test_the_ledger_as_at_a_past_day_is_the_services_and_the_command_lines(demo_store, demo_path, capsys):
    p = presenter()
    assert p.choose("20/07/2018") and p.day == PAST and p.past
    shown = p.read(demo_store)
    assert shown.day == PAST and shown.past
    assert shown.partners == dhr.partner_ledger(demo_store, today=PAST, as_at=PAST)
    assert shown.cases == dhr.list_cases(demo_store, today=PAST, as_at=PAST)
    assert shown.partners != dhr.partner_ledger(demo_store, today=TODAY)  # the day changes the figures
    cli = cli_partners(capsys, demo_path, "--as-at", "20/07/2018")
    total = cli.pop("Total")
    assert set(cli) == {r.partner for r in shown.partners}
    for r in shown.partners:
        assert [cli[r.partner][k] for k in ("billed", "paid", "outstanding", "overdue", "net_billed")] == [
            format_pounds_plain(v) for v in (r.billed_pence, r.paid_pence, r.outstanding_pence, r.overdue_pence,
                                             r.net_billed_pence)], r.partner
        assert cli[r.partner]["refused"] == format_pounds_plain(r.refused_pence + r.written_off_pence)
    assert total["overdue"] == format_pounds_plain(sum(r.overdue_pence for r in shown.partners))
    code, out, _ = run(capsys, "dhr-ledger", demo_path, "--as-at", "20/07/2018", "--by-case")
    by_case = {r["case"]: r for r in csv.DictReader(io.StringIO(out))}
    for c in shown.cases:
        assert by_case[c.reference]["outstanding"] == format_pounds_plain(c.outstanding_pence)
        assert by_case[c.reference]["paid"] == format_pounds_plain(c.recovered_pence)


def test_today_is_the_position_now_as_the_command_line_without_as_at(demo_store):
    p = presenter()
    assert p.day == TODAY and not p.past
    shown = p.read(demo_store)
    assert shown.partners == dhr.partner_ledger(demo_store, today=TODAY)
    assert "As at 01/12/2026" in shown.note and "not counted" not in shown.note
    # today's date typed, or the field cleared, is today again (and follows the clock)
    p.choose("20/07/2018")
    assert p.choose("01/12/2026") and not p.past and p.chosen is None
    p.choose("20/07/2018")
    assert p.choose("") and p.day == TODAY


def test_a_day_in_the_future_is_refused_plainly_and_the_day_shown_kept():
    p = presenter()
    p.choose("31/03/2018")
    assert not p.choose("31/03/2027")
    assert p.day == date(2018, 3, 31)
    assert p.message == ("31/03/2027 is after today (01/12/2026): the ledger shows what had happened by a day, so "
                         "choose today or an earlier day. Still showing it as at 31/03/2018.")
    assert not p.choose("31/02/2026") and "February 2026 has 28 days" in p.message
    assert p.day == date(2018, 3, 31)
    assert p.choose("1/4/18") and p.message == "" and p.day == date(2018, 4, 1)


def test_a_day_before_anything_was_billed_shows_zeros_and_says_so(demo_store):
    p = presenter()
    p.choose("01/01/2018")
    shown = p.read(demo_store)
    assert shown.partners == []
    assert "Nothing had been billed to the partners by 01/01/2018" in shown.note
    assert all(c.recovered_pence == c.outstanding_pence == c.net_billed_pence == 0 for c in shown.cases)
    per_partner = ledger_sheets(shown.partners, shown.cases, shown.day)[0]
    assert per_partner.rows == [["Total", 0, 0, 0, 0, 0, 0, 0]]  # zeros, as `dhr-ledger --as-at` prints
    assert per_partner.title == "DHR ledger per partner as at 01/01/2018"


def test_the_command_line_says_why_a_day_before_any_billing_is_all_zeros(capsys, demo_path, tmp_path):
    """`dhr-ledger --as-at` a day before any billing printed a Total row of zeros and nothing else, where the window
    says why (s58)."""
    code, out, err = run(capsys, "dhr-ledger", demo_path, "--as-at", "01/01/2018")
    assert code == 0 and out.splitlines()[1:] == ["Total,0,0,0,0,0,0,0"]
    assert err == ("safer-desk: note: Nothing had been billed to the partners by 01/01/2018, so every partner's "
                   "figures are £0.\n")
    code, out, err = run(capsys, "dhr-ledger", demo_path, "--as-at", "20/07/2018")
    assert code == 0 and err == ""  # billed by then: nothing to say
    from safer_desk.services.files import open_office_file

    empty = tmp_path / "empty.sqlite"  # a new office's file: nothing billed yet
    open_office_file(empty, create=True).store.close()
    code, out, err = run(capsys, "dhr-ledger", empty)
    assert code == 0 and out.splitlines()[1:] == ["Total,0,0,0,0,0,0,0"]
    assert err == "safer-desk: note: Nothing has been billed to the partners yet, so every partner's figures are £0.\n"


def test_a_past_day_says_later_lines_are_not_counted(demo_store):
    p = presenter()
    p.choose("20/07/2018")
    note = p.read(demo_store).note
    assert note.startswith("As at 20/07/2018: invoices, payments, refunds, refusals and write-offs dated after it are "
                           "not counted")
    assert "today" in note  # where a line recorded now, dated later, is seen


# -- the window: real widgets, by keyboard ---------------------------------------------------------------------

def ledger_page(window, qtbot):
    window.resize(1366, 728)
    window.show()
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(1)
    page = tab.ledger
    page.today = TODAY
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    return tab, page


def cells(table) -> dict[str, list[str]]:
    view = table.view
    model = view.model()
    return {model.index(r, 0).data(): [model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())}


def type_day(qtbot, page, text: str) -> None:
    field = page.as_at.edit
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)


@pytest.mark.timeout(60)
def test_typing_a_day_shows_the_ledger_as_at_it_and_exports_with_its_title(demo_window, demo_path, qtbot, capsys,
                                                                          tmp_path, prompts):
    tab, page = ledger_page(demo_window, qtbot)
    assert page.as_at.text() == "01/12/2026"
    assert page.as_at.edit.accessibleName() == "Ledger as at"
    stack = demo_window.session.undo_stack
    depth = stack.count()
    demo_window.activateWindow()
    page.partners.view.setFocus()
    qtbot.keyClick(page.partners.view, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # "As a&t:"
    qtbot.waitUntil(lambda: page.as_at.edit.hasFocus(), timeout=5000)
    type_day(qtbot, page, "20/7/18")
    assert page.as_at.text() == "20/07/2018"  # tidied the British way
    shown = cells(page.partners)
    cli = cli_partners(capsys, demo_path, "--as-at", "2018-07-20")
    model = page.partners.model
    col = {k: model.column_index(k) for k in ("outstanding", "overdue", "billed", "paid")}
    for partner, row in cli.items():
        for key in col:
            assert shown[partner][col[key]] == "£" + f"{float(row[key]):,.2f}", (partner, key)
    assert "not counted" in page.as_at_label.text()
    assert stack.count() == depth  # choosing a day changes nothing in the file: nothing to undo
    sheet = page.sheets()[0]
    assert sheet.title == "DHR ledger per partner as at 20/07/2018"
    copied = page.copy_all().splitlines()
    assert copied[0] == "DHR ledger per partner as at 20/07/2018" and copied[1].startswith("Partner\t")
    import openpyxl

    book = openpyxl.load_workbook(page.export(str(tmp_path / "ledger.xlsx")))
    assert "DHR ledger per partner as at 20/07/2018" in [c.value for c in book["Per partner"]["A"][:2]]


@pytest.mark.timeout(60)
def test_a_future_day_typed_is_refused_beside_the_field_and_esc_keeps_the_day(demo_window, qtbot, prompts):
    tab, page = ledger_page(demo_window, qtbot)
    type_day(qtbot, page, "20/07/2018")
    before = cells(page.partners)
    type_day(qtbot, page, "31/03/2027")
    assert "31/03/2027 is after today" in page.as_at_label.text()
    assert cells(page.partners) == before and prompts.errors == []  # said beside the field, not in a dialog
    qtbot.keyClick(page.as_at.edit, Qt.Key.Key_Escape)  # Esc: the day shown back in the field
    assert page.as_at.text() == "20/07/2018"
    type_day(qtbot, page, "01/01/2018")
    assert "Nothing had been billed to the partners by 01/01/2018" in page.as_at_label.text()
    assert list(cells(page.partners)) == ["Total"]
    assert cells(page.partners)["Total"][page.partners.model.column_index("billed")] == "£0"


@pytest.mark.timeout(60)
def test_a_payment_recorded_while_a_past_day_is_shown_keeps_the_day_and_says_why_it_is_not_counted(
        demo_window, qtbot):
    tab, page = ledger_page(demo_window, qtbot)
    type_day(qtbot, page, "20/07/2018")
    before = cells(page.partners)
    reviews = tab.reviews
    reviews.today = TODAY
    depth = demo_window.session.undo_stack.count()
    share = next(s for s in dhr.list_shares(page.session.store, today=TODAY)
                 if s.partner == "Suffolk County Council" and s.outstanding_pence)
    reviews.presenter.select(share.case_id)
    form = reviews.presenter.payment_form(next(s for s in reviews.presenter.details().shares if s.id == share.id))
    form.set_value("paid_on", "01/12/2026")
    form.set_value("amount", "284.14")
    assert form.save() or form.save()  # on the undo stack, as Payment… does
    assert demo_window.session.undo_stack.count() == depth + 1
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert page.as_at.text() == "20/07/2018" and cells(page.partners) == before
    assert "dated after it are not counted" in page.as_at_label.text()
    type_day(qtbot, page, "")  # cleared: the position now, with the payment
    assert page.as_at.text() == "01/12/2026"
    paid = page.partners.model.column_index("outstanding")
    assert cells(page.partners)["Suffolk County Council"][paid] == "£0.00"
