"""DHR rules: references never names, stage deadlines, splits to the penny (seed 002)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain import dhr
from safer_desk.domain.dhr import DhrError, ShareState, SplitRule, dhr_cost_shares, further_shares, resplit_refusal
from safer_desk.domain.money import split_by_weights

WSCSP = [f"org:{n}" for n in ("babergh-district-council", "mid-suffolk-district-council",
                              "forest-heath-district-council", "st-edmundsbury-borough-council",
                              "suffolk-constabulary", "suffolk-county-council", "suffolk-fire-and-rescue-service",
                              "west-suffolk-ccg", "ipswich-and-east-ccg", "national-probation-service",
                              "norfolk-and-suffolk-crc")]


@pytest.mark.parametrize("text", ["Jane Smith", "mary Ann Jones", "O'Brien Kelly", "Anne-Marie Stone"])
def test_a_reference_that_looks_like_a_name_is_refused(text):
    with pytest.raises(DhrError, match="looks like a person's name"):
        dhr.check_reference(text)


@pytest.mark.parametrize("text", ["WSCSP-DHR-2017-01", "TH-2018-001", "DHR 2017/1", "Mid Suffolk 2017-01", "MSDC"])
def test_coded_references_are_accepted(text):
    assert dhr.check_reference(text) == text


def test_blank_reference_is_refused():
    with pytest.raises(DhrError, match="required"):
        dhr.check_reference("  ")


def test_seed_002_cost_is_shared_to_the_penny_among_eleven_partners():
    shares = dhr_cost_shares(752558, WSCSP, SplitRule("equal"))
    assert sum(shares.values()) == 752558
    assert sorted(shares.values()).count(68415) == 4
    assert sorted(shares.values()).count(68414) == 7


def test_gloucestershire_pcc_pays_half_the_chair_costs_up_to_5000():
    partners = ["pcc", "a", "b", "c"]
    rule = SplitRule("capped", cap_payer="pcc", cap_percent_bp=5000, cap_pence=500000)
    # chair £12,000 of a £15,000 review: half would be £6,000, capped at £5,000; the rest shared by three.
    shares = dhr_cost_shares(1500000, partners, rule, capped_base_pence=1200000)
    assert shares == {"pcc": 500000, "a": 333334, "b": 333333, "c": 333333}
    # chair £7,500.01: half is £3,750.005, to the nearest penny £3,750.01 (halves up), under the cap
    shares = dhr_cost_shares(1000000, partners, rule, capped_base_pence=750001)
    assert shares["pcc"] == 375001 and sum(shares.values()) == 1000000


def test_percentages_must_add_up_to_100():
    with pytest.raises(DhrError, match="add up to 90%"):
        SplitRule("percentages", {"a": 5000, "b": 4000})
    assert dhr.percent_to_bp("12.5%") == 1250
    with pytest.raises(DhrError):
        dhr.percent_to_bp("12.555")


partner_lists = st.lists(st.text("abcdefgh", min_size=1, max_size=4), min_size=1, max_size=12, unique=True)


@given(total=st.integers(0, 10**9), partners=partner_lists)
def test_equal_split_adds_up_and_is_order_independent(total, partners):
    shares = dhr_cost_shares(total, partners, SplitRule("equal"))
    assert sum(shares.values()) == total and min(shares.values()) >= 0
    assert max(shares.values()) - min(shares.values()) <= 1
    assert dhr_cost_shares(total, list(reversed(partners)), SplitRule("equal")) == shares


@given(total=st.integers(0, 10**9), data=st.data(), partners=partner_lists)
def test_percentage_split_adds_up(total, data, partners):
    cuts = sorted(data.draw(st.lists(st.integers(0, 10000), min_size=len(partners) - 1, max_size=len(partners) - 1)))
    bounds = [0, *cuts, 10000]
    percents = {p: bounds[i + 1] - bounds[i] for i, p in enumerate(partners)}
    shares = dhr_cost_shares(total, partners, SplitRule("percentages", percents))
    assert sum(shares.values()) == total and min(shares.values()) >= 0
    assert dhr_cost_shares(total, list(reversed(partners)), SplitRule("percentages", percents)) == shares


@given(total=st.integers(0, 10**8), base=st.integers(0, 10**8), cap=st.none() | st.integers(0, 10**7),
       bp=st.integers(0, 10000), partners=partner_lists)
def test_capped_split_adds_up_and_respects_the_cap(total, base, cap, bp, partners):
    rule = SplitRule("capped", cap_payer=partners[0], cap_percent_bp=bp, cap_pence=cap)
    shares = dhr_cost_shares(total, partners, rule, capped_base_pence=base)
    assert sum(shares.values()) == total and min(shares.values()) >= 0
    if len(partners) > 1 and cap is not None:
        assert shares[partners[0]] <= cap


@given(amount=st.integers(0, 10**7), partners=partner_lists)
def test_resplit_adds_up(amount, partners):
    assert sum(resplit_refusal(amount, partners, SplitRule("equal")).values()) == amount


def test_probation_refusal_resplit_among_the_other_ten():
    parts = resplit_refusal(68414, [p for p in WSCSP if "probation" not in p], SplitRule("equal"))
    assert len(parts) == 10 and sum(parts.values()) == 68414
    assert sorted(parts.values()) == [6841] * 6 + [6842] * 4


def test_stage_due_dates_follow_the_rules_and_overdue_is_flagged_in_words():
    stages = dhr.stage_schedule({"notification": date(2017, 1, 31)}, dhr.DEFAULT_RULES, today=date(2017, 3, 15))
    by = {s.stage.key: s for s in stages}
    assert by["notification"].status == "Done"
    assert by["decision"].due_on == date(2017, 2, 28)  # one month after 31 January is the last day of February
    assert by["decision"].status == dhr.OVERDUE and by["decision"].is_overdue
    assert "Overdue" in dhr.OVERDUE and "⚠" in dhr.OVERDUE  # a word and a symbol, not colour alone
    # later stages chain on projected dates
    assert by["chair_appointed"].due_on == date(2017, 3, 28) and by["chair_appointed"].projected
    assert by["chair_appointed"].status == "Due"


def test_late_and_not_needed_stages():
    dates = {"notification": date(2017, 1, 2), "decision": date(2017, 3, 1)}
    by = {s.stage.key: s for s in dhr.stage_schedule(dates, dhr.DEFAULT_RULES, today=date(2017, 3, 2))}
    assert by["decision"].status == "Done late"
    by = {s.stage.key: s for s in dhr.stage_schedule(dates, dhr.DEFAULT_RULES, today=date(2019, 1, 1),
                                                     decision="not held")}
    assert by["qa_submitted"].status == "Not needed" and by["home_office_told"].status == dhr.OVERDUE


def test_a_configured_rule_changes_the_due_date():
    rules = [dhr.StageRule("decision", "notification", 0, 14)]
    by = {s.stage.key: s for s in dhr.stage_schedule({"notification": date(2018, 1, 1)}, rules,
                                                     today=date(2018, 1, 10))}
    assert by["decision"].due_on == date(2018, 1, 15) and by["decision"].status == "Due"
    with pytest.raises(DhrError):
        dhr.StageRule("notification", "decision", 1)


def test_payment_checks():
    share = ShareState(68414, 40000, "invoiced", None)
    dhr.check_payment(share, 28414)
    with pytest.raises(DhrError, match="more than the £284.14 outstanding"):
        dhr.check_payment(share, 28415)
    with pytest.raises(DhrError, match="more than £0"):
        dhr.check_payment(share, 0)
    with pytest.raises(DhrError, match="refused"):
        dhr.check_payment(ShareState(68414, 0, "refused", None), 100)


@given(st.integers(0, 10_000_000), st.integers(0, 10_000_000), st.lists(st.integers(0, 10000), min_size=1, max_size=12))
def test_further_shares_bring_each_partner_to_a_fresh_split_and_never_below_zero(first, more, weights):
    # Further costs billed after the first invoices: never a negative invoice, always exactly the further cost,
    # and (where largest remainders allow it) each partner billed in all its share of a fresh split.
    partners = [f"p{i}" for i in range(len(weights))]
    if sum(weights) == 0:
        weights[0] = 1
    bp = split_by_weights(10000, dict(zip(partners, weights)))
    for rule in (SplitRule(), SplitRule("percentages", bp)):
        billed = dhr_cost_shares(first, partners, rule)
        further = further_shares(first + more, billed, rule)
        assert sum(further.values()) == more and min(further.values()) >= 0
        if rule.kind == "equal":
            fresh = dhr_cost_shares(first + more, partners, rule)
            assert {p: billed[p] + further[p] for p in partners} == fresh


def test_a_capped_part_typed_as_a_fraction_is_asked_about():
    # "0.5" for the PCC's half of the chair's costs would be 0.5%: both readings are said instead.
    with pytest.raises(DhrError, match=r"“0.5” would be 0.5%.*For 50% type 50.*“0.5%”"):
        dhr.cap_percent_to_bp("0.5")
    assert dhr.cap_percent_to_bp("0.5%") == 50 and dhr.cap_percent_to_bp("50") == 5000
