"""The example's partners, by date: a review added to it today is split among the bodies that exist today.

The example (seed 002) kept the Western Suffolk CSP's two CCGs and the Norfolk and Suffolk CRC members for ever, so
a Domestic Homicide Review added to it today was billed in tenths, not eighths, with shares sent to the CRC (ended
25/06/2021, probation unified into the National Probation Service on 26/06/2021) and to the CCGs (abolished
30/06/2022; NHS Suffolk and North East Essex ICB from 01/07/2022). Safer Plymouth kept NEW Devon CCG (NHS Devon CCG
from 01/04/2019, NHS Devon ICB from 01/07/2022). The example's own reviews, billed and notified in 2017 and 2018,
keep the partners of their day, to the penny.
"""

from __future__ import annotations

from datetime import date, timedelta

today = date.today

from safer_desk.services import dhr
from safer_desk.services import reference as ref

WSCSP = "partnership:western-suffolk-csp"
PLYMOUTH = "partnership:safer-plymouth"
TODAYS_WSCSP = {"Babergh District Council", "Mid Suffolk District Council", "West Suffolk Council",
                "Suffolk Constabulary", "Suffolk County Council", "Suffolk Fire and Rescue Service",
                "NHS Suffolk and North East Essex ICB", "National Probation Service"}
# Seed 002's eleven statutory partners, as they were from 01/04/2017 to 31/03/2019.
SEED_ELEVEN = {"Babergh District Council", "Mid Suffolk District Council", "Forest Heath District Council",
               "St Edmundsbury Borough Council", "Suffolk Constabulary", "Suffolk County Council",
               "Suffolk Fire and Rescue Service", "West Suffolk CCG", "Ipswich and East CCG",
               "National Probation Service", "Norfolk and Suffolk CRC"}


def names(store, partnership_id: str, day: date) -> set[str]:
    return {o.name for o in ref.statutory_partners(store, partnership_id, day)}


def test_a_review_added_to_the_example_today_is_split_only_among_bodies_existing_today(demo_store):
    now = today()
    case_id = dhr.add_case(demo_store, reference="WSCSP-DHR-NEW", kind="review", district="Mid Suffolk",
                           partnership="Western Suffolk CSP", lead_organisation="Mid Suffolk District Council",
                           decision="hold", notified_on=now.isoformat())
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="8000.01")
    day = dhr.split_day(demo_store, case_id, now)
    assert day == now
    split = {demo_store.scalar("SELECT name FROM organisations WHERE id = ?", (o,))
             for o in dhr.case_partners(demo_store, case_id, day)}
    assert split == TODAYS_WSCSP
    shares = dhr.bill_partners(demo_store, case_id, invoiced_on=now)
    billed = {demo_store.scalar("SELECT name FROM organisations WHERE id = ?", (o,)) for o in shares}
    assert billed == TODAYS_WSCSP and sum(shares.values()) == 800001
    assert sorted(shares.values()) == [100000] * 7 + [100001]


def test_the_crc_ccgs_and_icb_hold_their_seats_on_their_own_days(demo_store):
    crc, ccgs, icb = {"Norfolk and Suffolk CRC"}, {"West Suffolk CCG", "Ipswich and East CCG"}, \
        {"NHS Suffolk and North East Essex ICB"}
    assert crc | ccgs <= names(demo_store, WSCSP, date(2021, 6, 25))
    assert not crc & names(demo_store, WSCSP, date(2021, 6, 26))
    assert ccgs <= names(demo_store, WSCSP, date(2022, 6, 30)) and not icb & names(demo_store, WSCSP, date(2022, 6, 30))
    on_first = names(demo_store, WSCSP, date(2022, 7, 1))
    assert icb <= on_first and not ccgs & on_first
    assert "National Probation Service" in names(demo_store, WSCSP, date(2021, 6, 26))


def test_safer_plymouth_s_health_seat_passes_from_ccg_to_ccg_to_icb(demo_store):
    health = {o.name for o in ref.statutory_partners(demo_store, PLYMOUTH) if o.kind == "health"}
    assert health == {"NEW Devon CCG", "NHS Devon CCG", "NHS Devon ICB"}
    for day, seat in ((date(2019, 3, 31), "NEW Devon CCG"), (date(2019, 4, 1), "NHS Devon CCG"),
                      (date(2022, 6, 30), "NHS Devon CCG"), (date(2022, 7, 1), "NHS Devon ICB"),
                      (today(), "NHS Devon ICB")):
        assert names(demo_store, PLYMOUTH, day) & health == {seat}, day
    assert len(names(demo_store, PLYMOUTH, today())) == 6


def test_the_example_s_historical_reviews_keep_their_splits(demo_store):
    # WSCSP-DHR-2017-01: £7,525.58 invoiced on 15/06/2018 to seed 002's eleven partners (four of 68,415p).
    billed = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01")
    shares = {s.partner: s.amount_pence for s in dhr.list_shares(demo_store, today=today(), case_id=billed)}
    assert set(shares) == SEED_ELEVEN and sum(shares.values()) == 752558
    assert sorted(shares.values()) == [68414] * 7 + [68415] * 4
    for name in ("Babergh District Council", "Forest Heath District Council", "Ipswich and East CCG",
                 "Mid Suffolk District Council"):
        assert shares[name] == 68415
    assert dhr.split_day(demo_store, billed, today()) == date(2018, 6, 15)
    # The reviews not billed are split among the partners of their own day, in 2017, whatever today is.
    for reference, notified in (("WSCSP-DHR-2017-02", date(2017, 11, 13)), ("WSCSP-LR-2017-01", date(2017, 9, 4)),
                                ("WSCSP-DHR-2014-01", date(2017, 4, 1))):
        case_id = dhr.case_id_by_reference(demo_store, reference)
        for now in (today(), today() + timedelta(days=3650)):
            day = dhr.split_day(demo_store, case_id, now)
            assert day == notified
            split = {demo_store.scalar("SELECT name FROM organisations WHERE id = ?", (o,))
                     for o in dhr.case_partners(demo_store, case_id, day)}
            assert split == SEED_ELEVEN, reference
