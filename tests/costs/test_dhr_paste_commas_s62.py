"""Payments pasted as lines with commas between the cells (a CSV file's text, copied from a text editor).

Session 62: "MSDC-DHR1-03,01/12/2026,684.15" pasted in Paste payments… was read as one cell, a note, and the window
said "No payments to record … copy rows with the invoice reference or partner, the date paid and the amount", which
is what had been copied. It now says the cells are separated by commas, not tabs, and to copy them from Excel (the
commas are not read as separators: "£1,234.56" has one too, and could be read as two amounts, or a wrong one).
"""

from datetime import date

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr


@pytest.fixture
def presenter(demo_store):
    presenter = DhrPresenter(demo_store, today=lambda: date(2026, 12, 6))
    presenter.reload()
    presenter.select(dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01"))
    return presenter


@pytest.mark.parametrize("text", ["MSDC-DHR1-03,01/12/2026,684.15",
                                  "Invoice,Date paid,Amount\r\nMSDC-DHR1-03,01/12/2026,\"£1,000.00\"\r\n"])
def test_lines_with_commas_between_the_cells_say_to_copy_them_from_a_spreadsheet(presenter, text):
    with pytest.raises(DhrError) as refused:
        presenter.pasted_payments(text)
    said = str(refused.value)
    assert said.startswith("No payments to record for WSCSP-DHR-2017-01"), said
    assert "commas" in said and "tabs" in said and "Excel" in said, said


def test_the_same_row_copied_from_excel_is_read(presenter):
    pasted = presenter.pasted_payments("MSDC-DHR1-03\t01/12/2026\t684.15")
    assert [(p.share.invoice_ref, p.amount_pence) for p in pasted.payments] == [("MSDC-DHR1-03", 68415)]


def test_a_note_with_a_comma_beside_payments_is_left_out_as_before(presenter):
    pasted = presenter.pasted_payments("Paid, as agreed\nMSDC-DHR1-03\t01/12/2026\t684.15")
    assert len(pasted.payments) == 1 and "Paid, as agreed" in " ".join(pasted.left_out)
