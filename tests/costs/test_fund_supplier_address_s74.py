"""S74 (funds): a supplier typed with the job's address ("Locks fitted at 12 Acacia Avenue", "Door chain, IP1 2AB") was
saved, where the spend line's invoice reference is refused the same words. A supplier travels to the county with the
catalogue and is copied with a spend line unasked (it is a firm's name), so the address of the victim's home left the
office with it. A supplier holding an address or a postcode is now refused, in the catalogue and on a spend line
(new or corrected), saying to give the firm's name only; a firm's own telephone number or e-mail is still taken."""

from __future__ import annotations

import pytest

from safer_desk.domain.funds import FundError
from safer_desk.services import funds

PILOT = "Suffolk Target Hardening Pilot"


@pytest.fixture
def referral(demo_store):
    return demo_store.scalar("SELECT id FROM fund_referrals WHERE reference = 'TH-2018-001'")


@pytest.mark.parametrize("supplier", ["Locks fitted at 12 Acacia Avenue", "Door chain, IP1 2AB"])
def test_a_supplier_with_an_address_is_refused(demo_store, referral, supplier):
    before = demo_store.scalar("SELECT count(*) FROM fund_spend_lines")
    with pytest.raises(FundError, match="^Supplier: .*the firm's name"):
        funds.add_spend_line(demo_store, referral, spent_on="05/05/2018", item="Door chain", amount="25",
                             supplier=supplier)
    assert demo_store.scalar("SELECT count(*) FROM fund_spend_lines") == before
    line = demo_store.scalar("SELECT id FROM fund_spend_lines WHERE referral_id = ? LIMIT 1", (referral,))
    with pytest.raises(FundError, match="^Supplier: "):
        funds.update_spend_line(demo_store, line, spent_on="09/04/2018", item="Door chain", amount="25",
                                supplier=supplier)
    with pytest.raises(FundError, match="^Supplier: "):
        funds.save_item(demo_store, "Door chain", usual_price="25", supplier=supplier)
    assert supplier not in {r["supplier"] for r in funds.list_items(demo_store)}


@pytest.mark.parametrize("supplier", ["Acme Locks Ltd", "Acme Locks 01473 555123", "sales@acme-locks.co.uk",
                                      "Specialist target-hardening provider"])
def test_a_firm_s_name_and_its_own_contact_details_are_taken(demo_store, referral, supplier):
    funds.add_spend_line(demo_store, referral, spent_on="05/05/2018", item="Door chain", amount="25", supplier=supplier)
    funds.save_item(demo_store, "Door chain", usual_price="25", supplier=supplier)
