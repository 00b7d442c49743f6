"""The workbook's *Who owes what* sheet says each share's kind in the window's words.

Its Kind of share column read the stored words "share", "re-split" and "carried" (and "refund" on a refund's row)
where Costs' Shares and payments says "Share", "Re-split" and "Carried by the lead authority": the county lead
filtering the sheet saw words the window never shows. One mapping (services.dhr.SHARE_KIND_WORDS) serves both.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.dhr import SHARE_KINDS
from safer_desk.services import dhr
from safer_desk.services.county_workbook import dhr_partners_sheet

TODAY = date(2018, 9, 1)
REVIEW = "WSCSP-DHR-2017-01"


def test_kind_of_share_is_said_as_the_window_says_it(demo_store):
    case = dhr.case_id_by_reference(demo_store, REVIEW)
    shares = {s.partner: s for s in dhr.list_shares(demo_store, today=TODAY, case_id=case)}
    dhr.refuse_share(demo_store, shares["Suffolk County Council"].id, on="02/08/2018", reason="will not pay the rest")
    dhr.resolve_refusal(demo_store, shares["Suffolk County Council"].id, "re-split", on="03/08/2018")
    dhr.refuse_share(demo_store, shares["West Suffolk CCG"].id, on="04/08/2018", reason="not ours")
    dhr.resolve_refusal(demo_store, shares["West Suffolk CCG"].id, "lead authority", on="05/08/2018")

    rows = [r for r in dhr_partners_sheet(demo_store, TODAY).blocks[0].rows if r[1] == REVIEW]
    kinds = {r[2] for r in rows}
    assert {"Share", "Re-split", "Carried by the lead authority"} <= kinds, kinds
    assert not kinds & {"share", "re-split", "carried", "refund"}
    window = {SHARE_KINDS.get(s.kind, s.kind) for s in dhr.list_shares(demo_store, today=TODAY, case_id=case)}
    assert kinds == window
