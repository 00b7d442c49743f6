"""Example costs data for the demo file (seed 002 §4.18–4.19 and §6.2–6.4, Western Suffolk 2018).

Dates the paper does not give are plausible placeholders; the paper's figures are its own (the review's
£7,525.58 split equally, the pilot's £20,000 of contributions, £2,417 spent on 15 victims in April–June
2018, 2 in Mid Suffolk and 1 in Babergh). What the example invents to make the screens usable is marked
illustrative (services.illustrative): the split of the review's cost into cost lines, the payments, the
recommendations and panel meetings, the catalogue's prices, and the referrals and spend lines behind the
pilot's totals.
"""

from __future__ import annotations

from safer_desk.domain.ids import reference_id
from safer_desk.services import dhr, funds
from safer_desk.services.illustrative import mark_illustrative
from safer_desk.storage.store import Store

COST_LINES_NOTE = ("An example split: the paper gives only the review's total cost of £7,525.58 (and the cost of "
                   "an author, an overview report writer and local authority administration).")
PAYMENTS_NOTE = ("Example payments: the paper says the statutory partners have been invoiced and the council is "
                 "awaiting payment.")
ACTIONS_NOTE = "Example text and dates: the paper says only that the action plan is complete or being developed."
MEETINGS_NOTE = "Example dates: the paper does not give the panel meetings."
PRICES_NOTE = ("Example prices: the paper names locks, fireproof letterboxes, door chains and personal alarms but "
               "gives no prices (window locks and door viewers are not in the paper).")
REFERRALS_NOTE = ("Example referrals: the paper gives 15 high-risk victims in April–June 2018, 2 in Mid Suffolk "
                  "and 1 in Babergh; the references, dates and other districts are invented.")
SPEND_NOTE = ("Example spend lines, made to add up to the paper's £2,417 for April–June 2018; the items, dates "
              "and amounts of each line are invented.")

WSCSP = "Western Suffolk CSP"
PILOT = "Suffolk Target Hardening Pilot"

# Seed 002 §6.4: seven district and borough councils £2,000 each, the county £4,000, the PCC £2,000.
PILOT_CONTRIBUTIONS = (
    ("Babergh District Council", "2000"), ("Forest Heath District Council", "2000"),
    ("Ipswich Borough Council", "2000"), ("Mid Suffolk District Council", "2000"),
    ("St Edmundsbury Borough Council", "2000"), ("Suffolk Coastal District Council", "2000"),
    ("Waveney District Council", "2000"), ("Suffolk County Council", "4000"),
    ("Suffolk Police and Crime Commissioner", "2000"),
)

# April–June 2018: £2,417 for 15 victims, 2 in Mid Suffolk and 1 in Babergh (seed 002 §6.4).
PILOT_REFERRALS = (
    # reference, district, referred, [(date, item, amount)]
    ("TH-2018-001", "Ipswich", "2018-04-04", [("2018-04-09", "Replacement door locks", "95"),
                                               ("2018-04-09", "Door chain", "25"), ("2018-04-09", "Personal alarm", "40")]),
    ("TH-2018-002", "Waveney", "2018-04-06", [("2018-04-12", "Replacement door locks", "95"),
                                               ("2018-04-12", "Fireproof letterbox", "65")]),
    ("TH-2018-003", "Mid Suffolk", "2018-04-11", [("2018-04-16", "Replacement door locks", "95"),
                                                   ("2018-04-16", "Fireproof letterbox", "65"),
                                                   ("2018-04-16", "Door chain", "25")]),
    ("TH-2018-004", "Suffolk Coastal", "2018-04-18", [("2018-04-23", "Personal alarm", "40"),
                                                       ("2018-04-23", "Window locks", "110")]),
    ("TH-2018-005", "Ipswich", "2018-04-24", [("2018-04-27", "Replacement door locks", "95"),
                                               ("2018-04-27", "Door viewer", "20"), ("2018-04-27", "Door chain", "25")]),
    ("TH-2018-006", "St Edmundsbury", "2018-05-02", [("2018-05-08", "Replacement door locks", "95"),
                                                      ("2018-05-08", "Fireproof letterbox", "65"),
                                                      ("2018-05-08", "Personal alarm", "40")]),
    ("TH-2018-007", "Ipswich", "2018-05-09", [("2018-05-14", "Replacement door locks", "95"),
                                               ("2018-05-14", "Door chain", "25")]),
    ("TH-2018-008", "Babergh", "2018-05-14", [("2018-05-18", "Replacement door locks", "95"),
                                               ("2018-05-18", "Fireproof letterbox", "65"),
                                               ("2018-05-18", "Door chain", "25"), ("2018-05-18", "Door viewer", "20")]),
    ("TH-2018-009", "Forest Heath", "2018-05-21", [("2018-05-24", "Personal alarm", "40"),
                                                    ("2018-05-24", "Replacement door locks", "95")]),
    ("TH-2018-010", "Waveney", "2018-05-25", [("2018-05-30", "Window locks", "110"),
                                               ("2018-05-30", "Fireproof letterbox", "65")]),
    ("TH-2018-011", "Mid Suffolk", "2018-06-01", [("2018-06-05", "Replacement door locks", "95"),
                                                   ("2018-06-05", "Personal alarm", "40"),
                                                   ("2018-06-05", "Door chain", "25")]),
    ("TH-2018-012", "Ipswich", "2018-06-07", [("2018-06-12", "Replacement door locks", "95"),
                                               ("2018-06-12", "Fireproof letterbox", "65")]),
    ("TH-2018-013", "Suffolk Coastal", "2018-06-13", [("2018-06-18", "Replacement door locks", "95"),
                                                       ("2018-06-18", "Window locks", "55")]),
    ("TH-2018-014", "Waveney", "2018-06-18", [("2018-06-21", "Personal alarm", "40"), ("2018-06-21", "Door chain", "25"),
                                               ("2018-06-21", "Door viewer", "20"),
                                               ("2018-06-21", "Replacement door locks", "95")]),
    ("TH-2018-015", "St Edmundsbury", "2018-06-22", [("2018-06-27", "Replacement door locks", "97"),
                                                      ("2018-06-27", "Personal alarm", "40")]),
)

# One of the Mid Suffolk reviews cost £7,525.58 (seed 002 §6 table; the text rounds it to £7,500).
COSTED_REVIEW_LINES = (
    ("Independent chair/author", "Independent chair and author (fees and report)", "Independent DHR chair", "6250.00"),
    ("Overview report writer", "Overview report writing", "Independent DHR chair", "650.00"),
    ("Administration", "Additional administrative support", "Mid Suffolk District Council", "625.58"),
)


def add_examples(store: Store) -> None:
    """Add this tab's examples to a fresh demo file."""
    with store.transaction():
        _add_reviews(store)
        _add_pilot(store)


def _add_reviews(store: Store) -> None:
    lead = "Mid Suffolk District Council"
    # The 2014 Babergh review: action plan complete (seed 002 §4.18).
    babergh = dhr.add_case(store, reference="WSCSP-DHR-2014-01", kind="review", district="Babergh", partnership=WSCSP,
                           lead_organisation="Babergh District Council", decision="hold",
                           notified_on="2014-03-10", decision_on="2014-04-02", home_office_told_on="2014-04-04",
                           chair_appointed_on="2014-05-01", qa_submitted_on="2014-11-20", qa_letter_on="2015-01-22",
                           published_on="2015-02-16", notes="Action plan complete to the partnership's satisfaction.")
    meetings, actions = [], []
    for met in ("2014-05-28", "2014-07-16", "2014-09-17"):
        meetings.append(dhr.add_panel_meeting(store, babergh, met))
    for text, owner, due, done in (
            ("Share the review's learning with GP practices in Babergh", "Ipswich and East CCG", "2015-06-30", "2015-05-20"),
            ("Train housing staff to recognise coercive control", "Babergh District Council", "2015-09-30", "2015-09-14"),
            ("Check MARAC referral pathways with adult social care", "Suffolk County Council", "2015-12-31", "2015-12-02"),
            ("Raise awareness of domestic abuse services in rural areas", "Western Suffolk CSP", "2016-03-31",
             "2016-03-10")):
        actions.append(dhr.add_recommendation(store, babergh, text, owner=owner, due_on=due, completed_on=done))

    # Mid Suffolk 2017 (1): costed at £7,525.58, split equally, invoiced; Probation refuses (seed 002 §6.2).
    costed = dhr.add_case(store, reference="WSCSP-DHR-2017-01", kind="review", district="Mid Suffolk",
                          partnership=WSCSP, lead_organisation=lead, decision="hold",
                          notified_on="2017-03-06", decision_on="2017-03-29", home_office_told_on="2017-04-03",
                          chair_appointed_on="2017-05-02", qa_submitted_on="2018-03-28", qa_letter_on="2018-06-21")
    for met in ("2017-06-07", "2017-08-16", "2017-10-18", "2018-01-17"):
        meetings.append(dhr.add_panel_meeting(store, costed, met))
    cost_lines = []
    for category, description, supplier, amount in COSTED_REVIEW_LINES:
        # Invoiced in 2017/18: the paper's financial implications put the £7,525.58 in 2017/18.
        cost_lines.append(dhr.add_cost_line(store, costed, category=category, description=description,
                                            supplier=supplier, amount=amount,
                                            invoice_ref=f"MSDC-{category[:3].upper()}-0318", invoiced_on="2018-03-29"))
    mark_illustrative(store, "dhr_cost_lines", cost_lines, COST_LINES_NOTE)
    dhr.bill_partners(store, costed, invoiced_on="2018-06-15", due_days=30, invoice_prefix="MSDC-DHR1-")
    actions.append(dhr.add_recommendation(store, costed, "Publish the overview report once the Home Office agrees",
                                          owner="Western Suffolk CSP", due_on="2018-09-30"))
    shares = {s.partner: s for s in dhr.list_shares(store, today=__import__("datetime").date(2018, 9, 1),
                                                    case_id=costed)}
    payments = []
    for partner, paid_on in (("Babergh District Council", "2018-07-02"), ("Mid Suffolk District Council", "2018-06-20"),
                             ("Suffolk Constabulary", "2018-07-10"), ("Forest Heath District Council", "2018-07-19"),
                             ("St Edmundsbury Borough Council", "2018-07-19")):
        payments.append(dhr.record_payment(store, shares[partner].id, paid_on=paid_on,
                                           amount=shares[partner].amount_pence, reference="BACS"))
    # A part-payment: the county council has paid £400 so far.
    payments.append(dhr.record_payment(store, shares["Suffolk County Council"].id, paid_on="2018-08-01",
                                       amount="400", reference="BACS part"))
    mark_illustrative(store, "dhr_payments", payments, PAYMENTS_NOTE)
    dhr.refuse_share(store, shares["National Probation Service"].id, on="2018-07-05",
                     reason="National Probation Service: a national policy decision not to contribute to DHRs")

    # Mid Suffolk 2017 (2): under way, cost not yet known.
    under_way = dhr.add_case(store, reference="WSCSP-DHR-2017-02", kind="review", district="Mid Suffolk",
                             partnership=WSCSP, lead_organisation=lead, decision="hold",
                             notified_on="2017-11-13", decision_on="2017-12-06", home_office_told_on="2017-12-11",
                             chair_appointed_on="2018-02-05", notes="Under way; the total cost is not yet known.")
    for met in ("2018-03-14", "2018-06-13"):
        meetings.append(dhr.add_panel_meeting(store, under_way, met))

    # The Mid Suffolk homicide that did not meet the threshold: a half-day workshop on 16 August 2018.
    workshop = dhr.add_case(store, reference="WSCSP-LR-2017-01", kind="learning review", district="Mid Suffolk",
                            partnership=WSCSP, lead_organisation=lead, decision="not held",
                            notified_on="2017-09-04", decision_on="2017-10-02", home_office_told_on="2017-10-05",
                            workshop_on="2018-08-16",
                            notes="Did not meet the DHR threshold; half-day facilitated workshop commended by the "
                                  "Home Office Quality Assurance Panel. Findings to be shared with the panel.")
    actions.append(dhr.add_recommendation(store, workshop, "Agree the workshop's action plan and share the findings "
                                          "with the Home Office Quality Assurance Panel", owner="Western Suffolk CSP",
                                          due_on="2018-12-31"))
    mark_illustrative(store, "dhr_panel_meetings", meetings, MEETINGS_NOTE)
    mark_illustrative(store, "dhr_recommendations", actions, ACTIONS_NOTE)


def _add_pilot(store: Store) -> None:
    funds.add_default_catalogue(store)
    mark_illustrative(store, "fund_items", [reference_id("item", name) for name, _, _ in funds.DEFAULT_CATALOGUE],
                      PRICES_NOTE)
    fund_id = funds.add_fund(store, name=PILOT, starts_on="2018-04-01", ends_on="2019-09-30",
                             purpose="Locks, fireproof letterboxes, door chains and personal alarms for high-risk "
                                     "domestic abuse victims whose perpetrator does not live there (18-month pilot).",
                             risk_levels="high", require_marac=True, require_idva=True,
                             require_perpetrator_not_resident=True)
    for org, amount in PILOT_CONTRIBUTIONS:
        funds.add_contribution(store, fund_id, organisation=org, amount=amount, received_on="2018-04-01")
    referrals, spend = [], []
    for n, (reference, district, referred, lines) in enumerate(PILOT_REFERRALS, start=1):
        referral = funds.add_referral(store, fund_id, reference=reference, district=district, referred_on=referred,
                                      risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)
        referrals.append(referral)
        for spent_on, item, amount in lines:
            spend.append(funds.add_spend_line(store, referral, spent_on=spent_on, item=item, amount=amount,
                                              invoice_ref=f"TH-INV-{n:03d}"))
    mark_illustrative(store, "fund_referrals", referrals, REFERRALS_NOTE)
    mark_illustrative(store, "fund_spend_lines", spend, SPEND_NOTE)
