"""View > History of Changes says a review's kind and decision, and a partner share's status and how its refusal was
dealt with, as the Costs tab's forms and ledger say them: it read the stored words ("Changed the decision of review
WSCSP-DHR-2014-01 from hold to not held", "from (blank) to lead authority") where the Review form offers "Hold a
review" and "Not held", and the ledger says "Refused (Carried by the lead authority)". The lead authority's carried
share is named by its own partner, not first by the share it carries."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.history import history_lines
from safer_desk.services import dhr


def _review(store, reference: str) -> str:
    return dhr.case_id_by_reference(store, reference)


def test_a_review_s_decision_and_kind_read_as_the_review_form_offers_them(demo_store):
    case = _review(demo_store, "WSCSP-DHR-2014-01")
    with demo_store.action("Save review WSCSP-DHR-2014-01"):
        dhr.update_case(demo_store, case, decision="not held", kind="learning review")
    line = history_lines(demo_store, limit=1)[0]
    assert "Changed the decision of review WSCSP-DHR-2014-01 from Hold a review to Not held" in line.details
    assert "Changed the kind of review WSCSP-DHR-2014-01 from Review to Learning review" in line.details


def test_a_review_added_says_its_decision_as_the_form_does(demo_store):
    with demo_store.action("Add review WSCSP-DHR-2026-99"):
        dhr.add_case(demo_store, reference="WSCSP-DHR-2026-99", kind="review", decision="pending",
                     notified_on=date(2026, 5, 1))
    detail = history_lines(demo_store, limit=1)[0].details[0]
    assert "kind Review" in detail and "decision Pending" in detail, detail


def test_a_share_refused_and_carried_reads_as_the_ledger_says_it(demo_store):
    share = demo_store.scalar(
        "SELECT s.id FROM dhr_shares s WHERE s.status = 'invoiced' AND s.amount_pence > (SELECT coalesce(sum("
        "p.amount_pence), 0) FROM dhr_payments p WHERE p.share_id = s.id) ORDER BY s.id LIMIT 1")
    with demo_store.action("Refuse share"):
        dhr.refuse_share(demo_store, share, on=date(2026, 6, 1), reason="Will not pay")
    refused = history_lines(demo_store, limit=1)[0]
    assert any(d.endswith("from Invoiced to Refused") for d in refused.details), refused.details
    with demo_store.action("Deal with refusal"):
        dhr.resolve_refusal(demo_store, share, "lead authority", on=date(2026, 6, 2))
    carried = history_lines(demo_store, limit=1)[0]
    said = " | ".join(carried.details)
    assert "from (blank) to Carried by the lead authority" in said, said
    # the lead authority's own share, named by its partner: it read "… of Suffolk County Council, WSCSP-DHR-2017-01,
    # Mid Suffolk District Council, …" (the share it carries first), as though the refusing partner's
    lead = demo_store.scalar("SELECT o.name FROM dhr_shares s JOIN organisations o ON o.id = s.organisation_id "
                             "WHERE s.source_share_id = ?", (share,))
    added = next(d for d in carried.details if d.startswith("Added partner share "))
    assert added.split(":")[0].endswith(f"-L of {lead}, WSCSP-DHR-2017-01"), added
    assert "kind Carried by the lead authority" in added, added
