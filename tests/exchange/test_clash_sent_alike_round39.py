"""A third office's row that clashes with a row two offices sent alike (round 39).

Babergh and Mid Suffolk sent the review WSCSP-DHR-2025-01 alike (the county holds it for both); Ipswich office then
recorded the review itself, under an id of its own, notified on another day. Its conflict said the county's version
came "from Babergh office", as if Babergh alone had sent it: Mid Suffolk holds it as much. It says each office that
sent it alike, once, as a conflict about the row under its own id does ("sent alike by Babergh office and Mid
Suffolk office").
"""

from __future__ import annotations

from safer_desk.services import dhr
from safer_desk.services.county import list_conflicts
from tests.exchange.district_offices import merge, office_from

ALIKE = "in the county file, sent alike by Babergh office and Mid Suffolk office"


def test_a_clash_with_a_review_two_offices_sent_alike_names_both(offices):
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    ipswich = office_from(o.folder / "template.sqlite", o.folder / "ipswich.sqlite", "Ipswich office",
                          districts=["Ipswich"])
    try:
        dhr.delete_case(ipswich, ipswich.scalar("SELECT id FROM dhr_cases WHERE reference = 'WSCSP-DHR-2025-01'"))
        case = dhr.add_case(ipswich, reference="WSCSP-DHR-2025-01", district="Mid Suffolk",
                            partnership="Western Suffolk CSP", notified_on="2025-06-09")
        dhr.add_cost_line(ipswich, case, category="Independent chair/author", amount="7525.58")
        dhr.bill_partners(ipswich, case, invoiced_on="2025-09-01")
        merge(o.county, [o.send(ipswich)])
    finally:
        ipswich.close()
    [conflict] = [c for c in list_conflicts(o.county) if c.table == "dhr_cases"]
    assert conflict.detail == (f"Review WSCSP-DHR-2025-01: notified on 02/06/2025 {ALIKE}, 09/06/2025 from Ipswich "
                               "office"), conflict.detail


def test_a_third_office_s_other_version_under_the_same_id_is_not_said_to_be_sent_alike(offices):
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    ipswich = office_from(o.folder / "template.sqlite", o.folder / "ipswich.sqlite", "Ipswich office",
                          districts=["Ipswich"])
    try:
        with ipswich.transaction():
            ipswich.conn.execute("UPDATE dhr_cases SET notified_on = '2025-06-09' "
                                 "WHERE reference = 'WSCSP-DHR-2025-01'")
        merge(o.county, [o.send(ipswich)])
    finally:
        ipswich.close()
    [conflict] = [c for c in list_conflicts(o.county) if c.table == "dhr_cases"]
    assert conflict.detail == (f"Review WSCSP-DHR-2025-01: notified on 02/06/2025 {ALIKE}, 09/06/2025 from Ipswich "
                               "office"), conflict.detail
    merge(o.county, [o.send(o.babergh)])  # another office's merge says it anew: the same offices
    [conflict] = [c for c in list_conflicts(o.county) if c.table == "dhr_cases"]
    assert ALIKE + "," in conflict.detail, conflict.detail
