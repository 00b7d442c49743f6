"""S71 (privacy4): Ctrl+C on the fund's Spend lines answered Leave it out still gave each line's supplier's invoice
reference, free text typed from the supplier's invoice that may carry the job's address or the victim's name
("LOCKS-12ACACIA"), while it left out the referral's reference and district. The copy now leaves the Invoice column
out too and the question says so; answered Include it, the copy is whole, as before."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.services import funds
from tests.clipboard import copied_with_ctrl_c

TODAY = date(2018, 7, 20)
INVOICE = "LOCKS-12ACACIA"


@pytest.fixture
def page(window, demo_path, qtbot):
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:  # keyed as the form keys it: the checks of a typed invoice reference let it through
        line = store.one("SELECT s.id, s.spent_on, i.name FROM fund_spend_lines s JOIN fund_referrals r "
                         "ON r.id = s.referral_id JOIN fund_items i ON i.id = s.item_id "
                         "WHERE r.reference = 'TH-2018-001' ORDER BY s.id LIMIT 1")
        funds.update_spend_line(store, line[0], spent_on=date.fromisoformat(line[1]).strftime("%d/%m/%Y"),
                                item=line[2], invoice_ref=INVOICE)
    finally:
        store.close()
    assert window.open_path(demo_path)
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    page.today = TODAY
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None and page.lines.model.rowCount() > 0,
                    timeout=10000)
    return page


def test_a_copy_of_spend_lines_left_out_has_no_invoice_reference(page, qtbot, prompts):
    view = page.lines.view
    assert INVOICE in [r["invoice_ref"] for r in page.lines.source_rows()]  # the page shows it
    pasted = copied_with_ctrl_c(qtbot, view)  # the question closed: Leave it out
    assert "Invoice" not in pasted[0] and "Referral" not in pasted[0] and "District" not in pasted[0]
    text = "\n".join("\t".join(r) for r in pasted)
    assert INVOICE not in text and "TH-INV-" not in text
    assert "Date" in pasted[0] and "Amount" in pasted[0] and "Supplier" in pasted[0]  # the rest of each row
    [(title, question)] = prompts.questions
    assert title == "Copy" and "invoice references" in question

    prompts.answers.append(True)  # Include it
    pasted = copied_with_ctrl_c(qtbot, view)
    assert "Invoice" in pasted[0] and INVOICE in "\n".join("\t".join(r) for r in pasted)
