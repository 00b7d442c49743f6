"""A pasted payment whose amount cell the money reader refuses for a reason of its own ("684.15 CR").

Session 62: a finance report's row "MSDC-DHR1-03 | 01/12/2026 | 684.15 CR" was refused as having "no amount", though
the amount is there for anyone to see: the reason the cell was not read as one (a ledger's CR mark, which is not
guessed) was dropped. It is now said, naming the cell.
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


@pytest.mark.parametrize("cell, reason", [("684.15 CR", "marked CR"), ("684.155", "a point followed by three digits")])
def test_the_reason_an_amount_cell_was_not_read_is_said(presenter, cell, reason):
    with pytest.raises(DhrError) as refused:
        presenter.pasted_payments(f"MSDC-DHR1-03\t01/12/2026\t{cell}\tBACS 12345")
    said = str(refused.value)
    assert "no amount" in said and f"“{cell}” was not read as the amount" in said and reason in said, said
    assert "BACS 12345” was not read" not in said  # a payment reference is no amount to explain
    assert said.endswith("Nothing was recorded.")


def test_a_row_with_only_a_reference_beside_the_date_says_no_amount_as_before(presenter):
    with pytest.raises(DhrError) as refused:
        presenter.pasted_payments("MSDC-DHR1-03\t01/12/2026\tBACS 12345")
    said = str(refused.value)
    assert "no amount" in said and "was not read as the amount" not in said, said
