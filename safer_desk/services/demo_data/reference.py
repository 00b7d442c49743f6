"""Districts, partnerships and partner organisations of the seed papers (Suffolk 2009/10 and 2018, Plymouth)."""

from __future__ import annotations

from safer_desk.domain.ids import reference_id, seeded_ids
from safer_desk.services import reference as ref
from safer_desk.storage.store import Store

SUFFOLK_DISTRICTS = [
    # name, ONS code, successor (2019 mergers), valid_to
    ("Babergh", "E07000200", None, None),
    ("Ipswich", "E07000202", None, None),
    ("Mid Suffolk", "E07000203", None, None),
    ("Forest Heath", "E07000201", "West Suffolk", "2019-03-31"),
    ("St Edmundsbury", "E07000204", "West Suffolk", "2019-03-31"),
    ("Suffolk Coastal", "E07000205", "East Suffolk", "2019-03-31"),
    ("Waveney", "E07000206", "East Suffolk", "2019-03-31"),
]

# Seed 002 §4.2: the statutory representatives of the Western Suffolk CSP.
WSCSP_STATUTORY = [
    ("Babergh District Council", "district council"),
    ("Mid Suffolk District Council", "district council"),
    ("Forest Heath District Council", "district council"),
    ("St Edmundsbury Borough Council", "district council"),
    ("Suffolk Constabulary", "police"),
    ("Suffolk County Council", "county council"),
    ("Suffolk Fire and Rescue Service", "fire"),
    ("West Suffolk CCG", "health"),
    ("Ipswich and East CCG", "health"),
    ("National Probation Service", "probation"),
    ("Norfolk and Suffolk CRC", "probation"),
]

# Seed 002 §6.4: the other contributors to the target-hardening pool.
OTHER_SUFFOLK_ORGS = [
    ("Ipswich Borough Council", "district council"),
    ("Suffolk Coastal District Council", "district council"),
    ("Waveney District Council", "district council"),
    ("Suffolk Police and Crime Commissioner", "pcc"),
]

# 1 April 2019: Forest Heath and St Edmundsbury councils became West Suffolk Council, which takes their seats on
# the Western Suffolk CSP (a review billed after that day is shared with the council that exists then).
WEST_SUFFOLK_COUNCIL = ("West Suffolk Council", "district council")
ENDED_2019 = ("Forest Heath District Council", "St Edmundsbury Borough Council")

# 25 June 2021: the Community Rehabilitation Companies ended; from 26 June 2021 probation is one service, the National
# Probation Service, a member already (a review billed after that day is shared without the CRC).
CRC_ENDED = ("Norfolk and Suffolk CRC", "2021-06-25")
# 30 June 2022: the clinical commissioning groups were abolished; from 1 July 2022 an integrated care board holds
# their seats (both Suffolk CCGs' areas are in NHS Suffolk and North East Essex ICB).
CCGS_ENDED = "2022-06-30"
ICBS_BEGAN = "2022-07-01"
SUFFOLK_ICB = ("NHS Suffolk and North East Essex ICB", "health")
SUFFOLK_CCGS = ("West Suffolk CCG", "Ipswich and East CCG")
# Plymouth: NEW Devon CCG to 31/03/2019, NHS Devon CCG (the merged Devon CCGs) to 30/06/2022, then NHS Devon ICB.
DEVON_CCG = ("NHS Devon CCG", "health")
DEVON_CCG_BEGAN = "2019-04-01"
DEVON_ICB = ("NHS Devon ICB", "health")

PLYMOUTH_MEMBERS = [
    ("Plymouth City Council", "unitary council"),
    ("Devon and Cornwall Police", "police"),
    ("Devon and Somerset Fire and Rescue Service", "fire"),
    ("National Probation Service", "probation"),
    ("Devon and Cornwall Police and Crime Commissioner", "pcc"),
    ("NEW Devon CCG", "health"),
]


def add_examples(store: Store) -> None:
    with store.transaction():
        for name, code in (("East Suffolk", "E07000244"), ("West Suffolk", "E07000245")):
            ref.add_district(store, name, ons_code=code, county="Suffolk", valid_from="2019-04-01")
        for name, code, successor, valid_to in SUFFOLK_DISTRICTS:
            ref.add_district(store, name, ons_code=code, county="Suffolk", successor=successor, valid_to=valid_to)
        ref.add_district(store, "Plymouth", ons_code="E06000026", county="Devon")
        for name, kind in WSCSP_STATUTORY + OTHER_SUFFOLK_ORGS + [WEST_SUFFOLK_COUNCIL] + PLYMOUTH_MEMBERS:
            ref.add_organisation(store, name, kind)
        # Seed 000: the 2009/10 allocation's five partnerships; West covers three districts.
        for name, districts in (("Babergh CSP", ["Babergh"]), ("Ipswich CSP", ["Ipswich"]),
                                ("Waveney CSP", ["Waveney"]), ("Suffolk Coastal CSP", ["Suffolk Coastal"]),
                                ("Western CSP", ["Mid Suffolk", "Forest Heath", "St Edmundsbury"])):
            ref.add_partnership(store, name, districts=districts, valid_from="2009-04-01", valid_to="2010-03-31")
        ref.add_partnership(store, "Safer Suffolk Partnership Board", kind="county board",
                            districts=[d[0] for d in SUFFOLK_DISTRICTS])
        # Seed 002: the Western Suffolk CSP it reviews (from October 2017, its financial implications from
        # 2017/18) covers four districts; from 1 April 2019, when Forest Heath and St Edmundsbury became West
        # Suffolk, three (membership by date: figures are derived per period).
        ref.add_partnership(store, "Western Suffolk CSP", districts=["Babergh", "Mid Suffolk"],
                            members=[(name, True) for name, _ in WSCSP_STATUTORY], valid_from="2017-04-01")
        ref.add_partnership(store, "Western Suffolk CSP", districts=["Forest Heath", "St Edmundsbury"],
                            valid_from="2017-04-01", valid_to="2019-03-31")
        ref.add_partnership(store, "Western Suffolk CSP", districts=["West Suffolk"], valid_from="2019-04-01")
        # From a seeded source of its own: drawn from the example's, its id would move every row id made after it.
        with seeded_ids(20190401):
            _west_suffolk_council(store)
        ref.add_partnership(store, "Safer Plymouth", districts=["Plymouth"],
                            members=[(name, True) for name, _ in PLYMOUTH_MEMBERS])
        # Seeded apart too, for the same reason: no row made before or after them moves.
        with seeded_ids(20210626):
            _health_and_probation_successors(store)
        add_office_scope(store)


def _west_suffolk_council(store: Store) -> None:
    """The two councils' seats end on 31/03/2019 and West Suffolk Council's begins on 01/04/2019 (statutory)."""
    wscsp = reference_id("partnership", "Western Suffolk CSP")
    for member in ref.partnership_members(store, wscsp):
        if member.name in ENDED_2019:
            ref.end_membership(store, member.id, "2019-03-31")
    ref.add_membership(store, wscsp, reference_id("org", WEST_SUFFOLK_COUNCIL[0]), "2019-04-01")


def _health_and_probation_successors(store: Store) -> None:
    """The CRC's seat ends on 25/06/2021; the CCGs' seats end on 30/06/2022 and the ICBs' begin on 01/07/2022
    (Plymouth's NEW Devon CCG became NHS Devon CCG on 01/04/2019 first). A review billed today is shared among the
    bodies that exist today; the example's reviews, billed and notified before 2021, keep their partners."""
    for name, kind in (SUFFOLK_ICB, DEVON_CCG, DEVON_ICB):
        ref.add_organisation(store, name, kind)
    wscsp = reference_id("partnership", "Western Suffolk CSP")
    for member in ref.partnership_members(store, wscsp):
        if member.name == CRC_ENDED[0]:
            ref.end_membership(store, member.id, CRC_ENDED[1])
        elif member.name in SUFFOLK_CCGS:
            ref.end_membership(store, member.id, CCGS_ENDED)
    ref.add_membership(store, wscsp, reference_id("org", SUFFOLK_ICB[0]), ICBS_BEGAN)
    plymouth = reference_id("partnership", "Safer Plymouth")
    for member in ref.partnership_members(store, plymouth):
        if member.name == "NEW Devon CCG":
            ref.end_membership(store, member.id, "2019-03-31")
    ref.add_membership(store, plymouth, reference_id("org", DEVON_CCG[0]), DEVON_CCG_BEGAN, CCGS_ENDED)
    ref.add_membership(store, plymouth, reference_id("org", DEVON_ICB[0]), ICBS_BEGAN)


def add_office_scope(store: Store) -> None:
    """Whose file the example is: Suffolk's county board office (Safer Suffolk Partnership Board, county Suffolk).

    Three of the five seed papers are Suffolk's (000 the board's commissioning and allocation paper, 001 its
    scrutiny update, 002 Western Suffolk CSP with the county's pooled target-hardening fund), and so are the
    shipped police.uk counts; the board covers every Suffolk district, so its districts run from the seven of
    2009 to the five of 2019 on (East Suffolk, West Suffolk). Plymouth (003) and East Sussex (004) stay in the
    file as other offices' examples, reached by name (--area Plymouth) or the area search.
    """
    ref.set_office_scope(store, partnerships=["Safer Suffolk Partnership Board"], county="Suffolk")
