"""Round 41 (kcr): who owes what counts refunds as the ledger does, to the penny, wherever it is read.

The example's review billed again below what five partners paid (five partners £227.27 or £227.28 over their new
shares), some of them refunded any part of it, the refunded cost perhaps billed again to the partners short of their
shares: per partner billed = paid + refused + written off + outstanding and net billed = paid − refunded +
outstanding; the partners' net billed and refunded add up to the reviews'; per review cost = recovered − refunded +
outstanding + shortfall + not yet billed. The same figures on Costs > Ledger, in its export and in the board report.
Costs > Reviews listed each review's cost, paid, outstanding, shortfall and not yet billed with no refund: a review
with £227.27 refunded read £227.27 more recovered than its cost allowed. Its list has the Refunded column, beside
Paid, where something was refunded.
"""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from PySide6.QtCore import Qt

from safer_desk.presenters.dhr import LedgerPresenter, ledger_sheets
from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.costs.test_ledger_as_at_round33lga import cells, ledger_page
from tests.costs.test_refunds_round38 import BILLED, OVERPAID, TODAY, overpaid_master, overpaid_path  # noqa: F401


def who_owes_adds_up(store) -> dict[str, int]:
    """The ledger's rules, per partner and per review, and the partners' parts summing to the reviews' totals."""
    partners = dhr.partner_ledger(store, today=TODAY)
    cases = dhr.list_cases(store, today=TODAY)
    for p in partners:
        assert p.billed_pence == p.paid_pence + p.refused_pence + p.written_off_pence + p.outstanding_pence, p
        assert p.net_billed_pence == p.paid_pence - p.refunded_pence + p.outstanding_pence, p
        assert min(p.paid_pence, p.outstanding_pence, p.refunded_pence) >= 0 and p.refunded_pence <= p.paid_pence, p
    for c in cases:
        assert c.cost_pence == (c.recovered_pence - c.refunded_pence + c.outstanding_pence + c.shortfall_pence
                                + c.unbilled_pence), c
    totals = {name: sum(getattr(p, f"{name}_pence") for p in partners)
              for name in ("net_billed", "paid", "outstanding", "refunded")}
    assert totals == {"net_billed": sum(c.net_billed_pence for c in cases),
                      "paid": sum(c.recovered_pence for c in cases),
                      "outstanding": sum(c.outstanding_pence for c in cases),
                      "refunded": sum(c.refunded_pence for c in cases)}
    # The export of Costs > Ledger (and Copy ledger): its two totals lines say the same.
    shown = LedgerPresenter(today=lambda: TODAY).read(store)
    per_partner, per_case = ledger_sheets(shown.partners, shown.cases, shown.day)
    partner_total, case_total = per_partner.rows[-1], per_case.rows[-1]
    assert partner_total[per_partner.header.index("Refunded")] == case_total[per_case.header.index("Refunded")] \
        == totals["refunded"]
    assert partner_total[per_partner.header.index("Paid")] == case_total[per_case.header.index("Paid")]
    return totals


def _refund(store, case: str, org: str, pence: int, day: str = "01/10/2018") -> None:
    dhr.record_refund(store, case, org, refunded_on=day, amount=f"{Decimal(pence) / 100:.2f}", reference="BACS 4471")


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_refunds_of_any_part_of_any_overpayment_keep_who_owes_what_adding_up(
        overpaid_master, tmp_path_factory, data):  # noqa: F811
    path = tmp_path_factory.mktemp("who-owes") / "refunded.sqlite"
    shutil.copyfile(overpaid_master, path)
    store = open_store(path)
    try:
        case = dhr.case_id_by_reference(store, BILLED)
        before = who_owes_adds_up(store)
        refunded = 0
        for org in data.draw(st.lists(st.sampled_from(OVERPAID), unique=True, max_size=len(OVERPAID)), label="who"):
            pence = data.draw(st.integers(1, dhr.refund_credit(store, case, org)), label=org)
            _refund(store, case, org, pence)
            refunded += pence
        after = who_owes_adds_up(store)
        assert after["refunded"] == refunded and after["paid"] == before["paid"]
        assert after["net_billed"] == before["net_billed"] - refunded  # given back: billed to nobody for now
        if refunded and data.draw(st.booleans(), label="billed again"):
            dhr.bill_partners(store, case, invoiced_on="01/11/2018")
            again = who_owes_adds_up(store)
            assert again["net_billed"] == before["net_billed"] and again["refunded"] == refunded
            assert dhr.unbilled_pence(store, case) == next(
                c for c in dhr.list_cases(store, today=TODAY) if c.id == case).unbilled_pence == 0
    finally:
        store.close()


def _pence(text: str) -> int:
    """£5,025.58 (or "£5,025.58 so far", a total of the costs known) in pence."""
    return int(Decimal(text.split()[0].replace("£", "").replace(",", "")) * 100)


@pytest.mark.timeout(60)
def test_the_ledger_page_shows_refunds_adding_up_per_partner_and_per_case(overpaid_master, tmp_path,  # noqa: F811
                                                                           window, qtbot):
    path = tmp_path / "refunded.sqlite"
    shutil.copyfile(overpaid_master, path)
    store = open_store(path)
    try:
        case = dhr.case_id_by_reference(store, BILLED)
        _refund(store, case, OVERPAID[0], 22727)
        _refund(store, case, OVERPAID[1], 10000)
        totals = who_owes_adds_up(store)
    finally:
        store.close()
    assert window.open_path(path)
    _tab, page = ledger_page(window, qtbot)
    partners, per_case = cells(page.partners), cells(page.per_case)
    heads = {t: [table.model.headerData(c, Qt.Orientation.Horizontal) for c in range(table.model.columnCount())]
             for t, table in (("partners", page.partners), ("cases", page.per_case))}
    p_total = dict(zip(heads["partners"], partners["Total"]))
    c_total = dict(zip(heads["cases"], per_case["Total"]))
    assert _pence(p_total["Refunded"]) == _pence(c_total["Refunded"]) == totals["refunded"] == 32727
    assert _pence(p_total["Paid"]) - _pence(p_total["Refunded"]) + _pence(p_total["Outstanding"]) \
        == _pence(c_total["Paid"]) - _pence(c_total["Refunded"]) + _pence(c_total["Outstanding"]) \
        == _pence(c_total["Net billed"])
    babergh = dict(zip(heads["partners"], partners["Babergh District Council"]))
    assert _pence(babergh["Refunded"]) == 22727


def test_the_board_report_recovery_per_partner_adds_up_with_refunds(overpaid_master, tmp_path):  # noqa: F811
    from safer_desk.services.report import build_report

    path = tmp_path / "refunded.sqlite"
    shutil.copyfile(overpaid_master, path)
    store = open_store(path)
    try:
        case = dhr.case_id_by_reference(store, BILLED)
        _refund(store, case, OVERPAID[0], 22727)
        totals = who_owes_adds_up(store)
        report = build_report(store, today=TODAY)
    finally:
        store.close()
    tables = {t.title: t for s in report.sections for t in s.tables}
    partner, per_case = tables["Cost recovery per partner"], tables["Cost recovery per case"]
    p_total, c_total = dict(zip(partner.header, partner.total_row)), dict(zip(per_case.header, per_case.total_row))
    assert _pence(p_total["Refunded"]) == _pence(c_total["Refunded"]) == totals["refunded"]
    assert _pence(p_total["Paid"]) - _pence(p_total["Refunded"]) + _pence(p_total["Outstanding"]) \
        == _pence(c_total["Net billed"]) == totals["net_billed"]


def _reviews_page(window, qtbot):
    window.resize(1366, 728)
    window.show()
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    return tab.reviews


def _shown_columns(view) -> list[str]:
    model = view.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
            if not view.isColumnHidden(c)]


@pytest.mark.timeout(60)
def test_the_reviews_list_says_what_was_refunded_and_each_row_adds_up(overpaid_path, window, qtbot):  # noqa: F811
    store = open_store(overpaid_path)
    try:
        _refund(store, dhr.case_id_by_reference(store, BILLED), OVERPAID[0], 22727)
    finally:
        store.close()
    assert window.open_path(overpaid_path)
    page = _reviews_page(window, qtbot)
    view = page.cases.view
    shown = _shown_columns(view)
    assert shown[shown.index("Paid") + 1] == "Refunded", shown
    model, heads = view.model(), [view.model().headerData(c, Qt.Orientation.Horizontal)
                                  for c in range(view.model().columnCount())]
    for r in range(model.rowCount()):
        row = dict(zip(heads, (model.index(r, c).data() for c in range(model.columnCount()))))
        if row["Cost"] == "Not yet known":
            continue
        money = {k: _pence(row[k]) for k in ("Cost", "Paid", "Refunded", "Outstanding", "Shortfall",
                                             "Not yet billed")}
        assert money["Cost"] == money["Paid"] - money["Refunded"] + money["Outstanding"] + money["Shortfall"] \
            + money["Not yet billed"], row
        if row["Reference"] in (BILLED, "Total"):
            assert money["Refunded"] == 22727, row
    heading, selected = page.cases.view.copy_text().splitlines()[:2]  # Ctrl+C: the review chosen, for Excel
    assert "\tPaid\tRefunded\tOutstanding\t" in heading and selected.startswith(BILLED), (heading, selected)


@pytest.mark.timeout(60)
def test_the_reviews_list_has_no_refunded_column_where_nothing_was_refunded(demo_window, qtbot):
    page = _reviews_page(demo_window, qtbot)
    assert "Refunded" not in _shown_columns(page.cases.view)
    assert not page.presenter.refunds_shown
