"""Payments pasted out of a finance system that writes a partner's "and" as "&".

Session 62: a finance report's row "Ipswich & East CCG | 01/12/2026 | 684.15" was refused as having "no invoice or
partner of WSCSP-DHR-2017-01 in it", though Ipswich and East CCG has one invoice open on the review: the partner is
the same whether its name is written with "and" or "&".
"""

from datetime import date

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

BILLED = "WSCSP-DHR-2017-01"


@pytest.fixture
def presenter(demo_store):
    presenter = DhrPresenter(demo_store, today=lambda: date(2026, 12, 6))
    presenter.reload()
    presenter.select(dhr.case_id_by_reference(demo_store, BILLED))
    return presenter


@pytest.mark.parametrize("name", ["Ipswich & East CCG", "IPSWICH&EAST CCG", "Ipswich and East CCG"])
def test_a_partner_named_with_an_ampersand_is_the_partner(presenter, name):
    pasted = presenter.pasted_payments(f"Customer\tDate paid\tAmount\n{name}\t01/12/2026\t£684.15")
    [payment] = pasted.payments
    assert payment.share.partner == "Ipswich and East CCG" and payment.share.invoice_ref == "MSDC-DHR1-03"
    assert payment.amount_pence == 68415 and payment.paid_on == date(2026, 12, 1)


def test_a_name_that_is_no_partner_is_still_refused(presenter):
    with pytest.raises(DhrError, match="no invoice or partner of WSCSP-DHR-2017-01"):
        presenter.pasted_payments("Ipswich & West CCG\t01/12/2026\t£684.15")
