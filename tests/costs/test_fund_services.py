"""Fund services: the seed 002 pilot, refusals, and the privacy contract (summary rows give the same figures)."""

import shutil
from datetime import date

import pytest

from safer_desk.domain.funds import FundError
from safer_desk.domain.money import format_money
from safer_desk.domain.periods import Month
from safer_desk.services import funds
from safer_desk.storage.schema import costs as schema
from safer_desk.storage.store import open_store

PILOT = "Suffolk Target Hardening Pilot"


def pilot(store):
    return funds.fund_by_name(store, PILOT)


def test_blank_file_has_the_exact_costs_columns(store):
    def columns(table):
        return [r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")]

    assert columns("fund_spend_summary") == ["id", "fund_id", "district_id", "month", "item", "victims",
                                             "spend_lines", "amount_pence", "office_id"]
    # the file's own spend, of no other office: the summary's columns but the office its rows are a part of
    assert columns("fund_spend_summary_live") == columns("fund_spend_summary")[:-1]
    assert columns("fund_referrals") == ["id", "fund_id", "reference", "district_id", "referred_on", "risk_level",
                                         "at_marac", "idva_assigned", "perpetrator_resident", "override_reason"]
    assert columns("fund_spend_lines") == ["id", "referral_id", "spent_on", "item_id", "supplier", "amount_pence",
                                           "invoice_ref"]
    assert columns("dhr_shares") == ["id", "case_id", "organisation_id", "kind", "source_share_id", "amount_pence",
                                     "invoice_ref", "invoiced_on", "due_on", "status", "status_on", "reason",
                                     "refusal_handling"]
    assert columns("dhr_payments") == ["id", "share_id", "paid_on", "amount_pence", "reference"]
    assert set(schema.PRIVATE_TABLES) == {"fund_referrals", "fund_spend_lines"}
    fks = {r["table"] for r in store.rows("PRAGMA foreign_key_list(fund_spend_summary)")}
    assert fks == {"funds", "districts"}


def test_seed_pilot_figures(demo_store):
    figures = funds.fund_figures(demo_store, pilot(demo_store).id)
    assert figures.contributions_pence == 2000000
    assert dict(figures.contributors)["Suffolk County Council"] == 400000
    assert figures.spent_pence == 241700 and figures.victims == 15
    by_district = {d: v for d, v, _ in figures.by_district}
    assert by_district["Mid Suffolk"] == 2 and by_district["Babergh"] == 1 and sum(by_district.values()) == 15
    assert [m for m, _, _ in figures.by_month] == [Month(2018, 4), Month(2018, 5), Month(2018, 6)]
    assert figures.mean_per_victim_pence == 16113
    assert figures.forecast.exhaustion_month == Month(2020, 4)
    assert figures.forecast.last_funded_month == Month(2020, 3)
    assert len(figures.per_victim) == 15 and figures.summary_rows == 0
    refs = [r["reference"] for r in funds.list_referrals(demo_store, pilot(demo_store).id)]
    assert refs[0] == "TH-2018-001" and len(refs) == 15


def test_summary_only_file_gives_the_same_fund_figures(demo_path, tmp_path):
    county = tmp_path / "county.sqlite"
    shutil.copyfile(demo_path, county)
    s = open_store(county)
    try:
        fund_id = pilot(s).id
        detailed = funds.fund_figures(s, fund_id)
        with s.transaction():
            s.conn.execute(f"INSERT INTO {schema.FUND_SUMMARY_TABLE} (id, fund_id, district_id, month, item, victims, "
                           f"spend_lines, amount_pence) SELECT * FROM {schema.FUND_SUMMARY_VIEW}")
            for table in ("fund_spend_lines", "fund_referrals"):  # what the county export leaves out
                s.conn.execute(f"DELETE FROM {table}")
        summary = funds.fund_figures(s, fund_id)
    finally:
        s.close()
    for name in ("contributions_pence", "spent_pence", "victims", "by_district", "by_item", "by_month",
                 "balance_pence", "mean_per_victim_pence"):
        assert getattr(summary, name) == getattr(detailed, name), name
    assert summary.forecast == detailed.forecast
    assert summary.per_victim == [] and summary.summary_rows > 0


def test_spend_on_a_closed_fund_or_outside_the_period_is_refused(demo_store):
    fund = pilot(demo_store)
    referral = funds.referral_id_by_reference(demo_store, fund.id, "TH-2018-001")
    before = demo_store.scalar("SELECT count(*) FROM fund_spend_lines")
    with pytest.raises(FundError, match="outside the fund's period"):
        funds.add_spend_line(demo_store, referral, spent_on="01/10/2019", item="Door chain")
    with pytest.raises(FundError, match="cannot be negative"):
        funds.add_spend_line(demo_store, referral, spent_on="01/07/2018", item="Door chain", amount="-25")
    with pytest.raises(FundError, match="not in the catalogue"):
        funds.add_spend_line(demo_store, referral, spent_on="01/07/2018", item="Moat")
    funds.update_fund(demo_store, fund.id, status="closed")
    with pytest.raises(FundError, match="is closed"):
        funds.add_spend_line(demo_store, referral, spent_on="01/07/2018", item="Door chain")
    assert demo_store.scalar("SELECT count(*) FROM fund_spend_lines") == before
    funds.update_fund(demo_store, fund.id, status="open")
    line = funds.add_spend_line(demo_store, referral, spent_on="01/07/2018", item="Door chain")
    assert demo_store.scalar("SELECT amount_pence FROM fund_spend_lines WHERE id = ?", (line,)) == 2500


def test_a_blank_amount_for_an_item_whose_usual_price_is_nothing_is_refused_as_a_typed_0_is(demo_store):
    # "Safety advice visit" at £0: a blank amount saved a £0 line, and the victim counted as supported for £0.
    fund = pilot(demo_store)
    referral = funds.referral_id_by_reference(demo_store, fund.id, "TH-2018-001")
    funds.save_item(demo_store, "Safety advice visit", usual_price="0")
    before = funds.fund_figures(demo_store, fund.id, today=date(2019, 4, 1))
    lines = demo_store.scalar("SELECT count(*) FROM fund_spend_lines")
    with pytest.raises(FundError, match=r"Amount: must be more than £0"):
        funds.add_spend_line(demo_store, referral, spent_on="01/07/2018", item="Safety advice visit", amount="0")
    with pytest.raises(FundError, match=r"Amount: the catalogue's usual price for Safety advice visit is £0; "
                                        r"the amount must be more than £0"):
        funds.add_spend_line(demo_store, referral, spent_on="01/07/2018", item="Safety advice visit")
    line = funds.list_spend_lines(demo_store, fund.id)[0]
    with pytest.raises(FundError, match="usual price for Safety advice visit is £0"):
        funds.update_spend_line(demo_store, line["id"], spent_on="01/07/2018", item="Safety advice visit")
    assert demo_store.scalar("SELECT count(*) FROM fund_spend_lines") == lines
    after = funds.fund_figures(demo_store, fund.id, today=date(2019, 4, 1))
    assert (after.victims, after.spent_pence) == (before.victims, before.spent_pence)
    funds.add_spend_line(demo_store, referral, spent_on="01/07/2018", item="Safety advice visit", amount="£40")


def test_referral_eligibility_and_names(demo_store):
    fund = pilot(demo_store)
    with pytest.raises(FundError, match="looks like a person's name"):
        funds.add_referral(demo_store, fund.id, reference="Emma Brown", district="Babergh", referred_on="01/07/2018",
                           risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)
    with pytest.raises(FundError, match="Give a reason"):
        funds.add_referral(demo_store, fund.id, reference="TH-2018-016", district="Babergh", referred_on="01/07/2018",
                           risk_level="medium", at_marac=True, idva_assigned=True, perpetrator_resident=False)
    assert funds.referral_id_by_reference(demo_store, fund.id, "TH-2018-016") is None
    rid = funds.add_referral(demo_store, fund.id, reference="TH-2018-016", district="Babergh", referred_on="01/07/2018",
                             risk_level="medium", at_marac=True, idva_assigned=True, perpetrator_resident=False,
                             override_reason="MARAC chair agreed: escalating risk")
    row = next(r for r in funds.list_referrals(demo_store, fund.id) if r["id"] == rid)
    assert row["eligibility"].startswith("⚠ Override") and "medium" in row["failures"]



def test_a_reference_already_referred_is_refused_whatever_its_case(demo_store):
    # "th-2018-001" beside TH-2018-001 was a second victim: the fund's count of victims went up by one.
    fund = pilot(demo_store)
    victims = funds.fund_figures(demo_store, fund.id).victims
    for typed in ("th-2018-001", " TH-2018-001 ", "Th-2018-001"):
        with pytest.raises(FundError, match="Reference: TH-2018-001 is already referred to this fund"):
            funds.add_referral(demo_store, fund.id, reference=typed, district="Babergh", referred_on="01/07/2018",
                               risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)
    assert funds.fund_figures(demo_store, fund.id).victims == victims
    assert funds.referral_id_by_reference(demo_store, fund.id, "th-2018-001") == \
        funds.referral_id_by_reference(demo_store, fund.id, "TH-2018-001") is not None

def test_fund_and_referral_snapshots_undo(demo_store):
    fund = pilot(demo_store)
    referral = funds.referral_id_by_reference(demo_store, fund.id, "TH-2018-001")
    before = funds.snapshot(demo_store, "referral", referral)
    funds.add_spend_line(demo_store, referral, spent_on="02/07/2018", item="Personal alarm")
    assert funds.fund_figures(demo_store, fund.id).spent_pence == 245700
    funds.restore(demo_store, before)
    assert funds.fund_figures(demo_store, fund.id).spent_pence == 241700
    fund_before = funds.snapshot(demo_store, "fund", fund.id)
    funds.add_contribution(demo_store, fund.id, organisation="Suffolk County Council", amount="1000")
    funds.update_fund(demo_store, fund.id, name="Renamed pot")
    funds.restore(demo_store, fund_before)
    figures = funds.fund_figures(demo_store, fund.id)
    assert figures.fund.name == PILOT and figures.contributions_pence == 2000000 and figures.victims == 15


def test_catalogue_is_editable_but_used_items_stay(demo_store):
    item_id = funds.save_item(demo_store, "Door chain", usual_price="£27.50", supplier="Locksmith")
    assert next(i for i in funds.list_items(demo_store) if i["id"] == item_id)["usual_price_pence"] == 2750
    with pytest.raises(FundError, match="spend line"):
        funds.delete_item(demo_store, item_id)
    new = funds.save_item(demo_store, "Video doorbell", usual_price="120")
    funds.delete_item(demo_store, new)


def test_a_fund_named_as_it_can_be_typed(store):
    """`safer-desk fund FILE NAME`: any case, a hyphen for an en dash, any spacing; and two funds whose names
    differ only so cannot both exist (nobody could tell them apart when naming one)."""
    fund_id = funds.add_fund(store, name="Sanctuary \u2013 Babergh", starts_on="2025-04-01", ends_on="2026-03-31")
    assert funds.fund_by_name(store, "sanctuary  -  BABERGH").id == fund_id
    assert funds.fund_by_name(store, "Sanctuary Babergh") is None
    with pytest.raises(FundError):
        funds.add_fund(store, name="Sanctuary - Babergh", starts_on="2025-04-01", ends_on="2026-03-31")


def test_a_spend_line_or_contribution_keyed_wrongly_is_corrected_in_place(demo_store):
    fund = pilot(demo_store)
    line = funds.list_spend_lines(demo_store, fund.id)[0]
    before = funds.fund_figures(demo_store, fund.id, today=date(2019, 4, 1))
    funds.update_spend_line(demo_store, line["id"], spent_on="01/07/2018", item="Door chain", amount="£25.50",
                            invoice_ref="INV-9")
    fixed = next(s for s in funds.list_spend_lines(demo_store, fund.id) if s["id"] == line["id"])
    assert (fixed["spent_on"], fixed["item"], fixed["amount_pence"], fixed["invoice_ref"], fixed["referral_id"]) == (
        "2018-07-01", "Door chain", 2550, "INV-9", line["referral_id"])
    assert fixed["supplier"] == "Specialist target-hardening provider"  # blank: the catalogue's
    after = funds.fund_figures(demo_store, fund.id, today=date(2019, 4, 1))
    assert after.spent_pence == before.spent_pence - line["amount_pence"] + 2550
    with pytest.raises(FundError, match="outside the fund's period"):
        funds.update_spend_line(demo_store, line["id"], spent_on="01/10/2019", item="Door chain")
    with pytest.raises(FundError, match="not in the catalogue"):
        funds.update_spend_line(demo_store, line["id"], spent_on="01/07/2018", item="Moat")
    contribution = funds.contributions(demo_store, fund.id)[0]
    funds.update_contribution(demo_store, contribution["id"], organisation="Ipswich Borough Council",
                              amount="£2,000", received_on="", note="keyed twice before")
    fixed = next(c for c in funds.contributions(demo_store, fund.id) if c["id"] == contribution["id"])
    assert (fixed["organisation"], fixed["amount_pence"], fixed["received_on"], fixed["note"]) == (
        "Ipswich Borough Council", 200000, None, "keyed twice before")
    with pytest.raises(FundError, match="no organisation called"):
        funds.update_contribution(demo_store, contribution["id"], organisation="Nobody", amount="£1")
    funds.update_fund(demo_store, fund.id, status="closed")
    referral = next(r for r in funds.list_referrals(demo_store, fund.id) if r["id"] == line["referral_id"])
    answers = {k: referral[k] for k in ("reference", "referred_on", "risk_level", "at_marac", "idva_assigned",
                                        "perpetrator_resident", "override_reason")}
    other = "Ipswich" if referral["district"] != "Ipswich" else "Babergh"
    for change in (lambda: funds.update_spend_line(demo_store, line["id"], spent_on="01/07/2018", item="Door chain"),
                   lambda: funds.delete_spend_line(demo_store, line["id"]),
                   lambda: funds.delete_referral(demo_store, line["referral_id"]),
                   lambda: funds.update_referral(demo_store, referral["id"], **answers, district=other)):
        with pytest.raises(FundError, match="is closed: its spend cannot be recorded, changed or deleted"):
            change()
    # what does not move money (a reference, an answer) is still corrected on a closed fund
    funds.update_referral(demo_store, referral["id"], **{**answers, "override_reason": "Panel agreed"},
                          district=referral["district"])
    assert funds.fund_figures(demo_store, fund.id, today=date(2019, 4, 1)).spent_pence == after.spent_pence
    # the doubt about a correction counts the line's new amount instead of its old one, not on top of it
    funds.update_fund(demo_store, fund.id, status="open")
    over = after.spent_pence - 2550 + 10_000_000 - after.contributions_pence - 200000 + contribution["amount_pence"]
    assert f"{format_money(over)} past" in funds.overspend_warning(demo_store, fund.id, item="Door chain",
                                                                   amount="£100,000", instead_of=2550)
    assert funds.overspend_warning(demo_store, fund.id, item="Door chain", amount="£25", instead_of=2550) == ""


def few_victims(store):
    """Four victims of a new fund: Ipswich in May and July 2025, two in Babergh in August (each row too small)."""
    fund = funds.add_fund(store, name="IPS sanctuary", starts_on="01/04/2025", ends_on="31/03/2026",
                          risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£5,000",
                           received_on="01/04/2025")
    item = funds.list_items(store)[0]["name"]
    plan = [("Ipswich", "10/05/2025", "999.99"), ("Ipswich", "10/07/2025", "450"), ("Babergh", "10/08/2025", "77.77"),
            ("Babergh", "11/08/2025", "88.88")]
    for n, (district, day, amount) in enumerate(plan):
        r = funds.add_referral(store, fund, reference=f"TH-IPS-{n:03d}", district=district, referred_on=day,
                               risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(store, r, spent_on=day, item=item, amount=amount, invoice_ref=f"INV-{n}")
    return fund


def test_the_countys_forecast_says_when_an_offices_months_were_merged_for_small_numbers(demo_store, tmp_path):
    """Four victims (Ipswich in May and July, two in Babergh in August): the export merges them into one row
    dated in the summer quarter, so the county's burn rate and forecast cannot be the office's (£538.88 a month,
    running out in Feb-26, against the office's £205.55 and Dec-26), yet the guide said they were the same. The
    totals and balance are; the forecast now says where it comes from. The example's pilot, whose months
    were kept, gives the county the office's forecast exactly, with no such words."""
    from safer_desk.services.county import export_for_county

    few_victims(demo_store)
    today = date(2025, 9, 15)
    out = export_for_county(demo_store, tmp_path / "export.sqlite").path
    county = open_store(out, read_only=True)
    try:
        for name, merged in (("IPS sanctuary", True), (PILOT, False)):
            office = funds.fund_figures(demo_store, funds.fund_by_name(demo_store, name).id, today=today)
            there = funds.fund_figures(county, funds.fund_by_name(county, name).id, today=today)
            assert (there.spent_pence, there.balance_pence, there.victims) == (
                office.spent_pence, office.balance_pence, office.victims)
            said = [w for w in there.forecast.warnings if "fewer than three victims" in w]
            assert bool(said) == merged and not any("fewer than three" in w for w in office.forecast.warnings)
            if not merged:  # the same burn rate and forecast (only the cumulative line's months are coarser)
                keep = ("as_at", "window_months", "window_spend_pence", "burn_rate", "exhaustion_month",
                        "left_at_end_pence", "warnings")
                assert {k: getattr(there.forecast, k) for k in keep} == {k: getattr(office.forecast, k) for k in keep}
    finally:
        county.close()


def test_a_month_that_holds_spend_merged_from_other_months_is_said_to_in_the_report_and_workbook(demo_store, tmp_path):
    """Four victims (Ipswich in May and July, two in Babergh in August) go to the county as one row dated Jul-25: the
    county's report printed it as July's 4 victims and £1,616.64 and the workbook dated it 01/07/2025, with no word
    that it held May's and August's spend too. The example's pilot goes by its exact months, unmarked."""
    import openpyxl

    from safer_desk.services.county import export_for_county
    from safer_desk.services.report_sections.costs import board_report_sections

    from tests.exchange.helpers import merge_accepting

    few_victims(demo_store)
    out = export_for_county(demo_store, tmp_path / "export.sqlite").path
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county")
    try:
        merge_accepting(county, [out])
        figures = funds.fund_figures(county, funds.fund_by_name(county, "IPS sanctuary").id)
        assert figures.merged == {Month(2025, 7): (Month(2025, 5), Month(2025, 8))}
        assert funds.fund_figures(county, pilot(county).id).merged == {}
        assert funds.fund_figures(demo_store, funds.fund_by_name(demo_store, "IPS sanctuary").id).merged == {}
        section = next(s for s in board_report_sections(county) if s.title.startswith("IPS sanctuary"))
        table = next(t for t in section.tables if t.title == "Spend per month")
        assert [r[0] for r in table.rows] == ["Apr-25", "Jul-25*"]  # April spent nothing: £0, not missing
        assert "* Jul-25 also holds spend of May-25 to Aug-25, merged so that no row describes fewer than three " \
               "victims." in table.note
        export_for_county(county, tmp_path / "county.xlsx")
    finally:
        county.close()
    sheet = openpyxl.load_workbook(tmp_path / "county.xlsx")["Fund spend"]
    rows = list(sheet.iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if r and r[0] == "Fund")
    spans = {r[0]: r[rows[top].index("Includes spend of")] for r in rows[top + 1:] if r[0] in ("IPS sanctuary", PILOT)}
    # in the words of the sheet's Month column ("mmm yyyy": "Jul 2025"), as the fund page says them (s63)
    assert spans == {"IPS sanctuary": "May 2025 to Aug 2025", PILOT: None}


def test_a_catalogue_item_typed_with_other_spacing_is_the_same_item(demo_store):
    """"Door  chain" (two spaces, a space after) changes the catalogue's Door chain, as a fund's name is matched;
    a spend line names it so too."""
    item_id = funds.save_item(demo_store, "Door chain", usual_price="£27.50", supplier="Locksmith")
    before = len(funds.list_items(demo_store))
    assert funds.save_item(demo_store, "door  chain ", usual_price="£30", supplier="Locksmith") == item_id
    items = funds.list_items(demo_store)
    assert len(items) == before
    assert next(i for i in items if i["id"] == item_id)["usual_price_pence"] == 3000
    new = funds.save_item(demo_store, "Video  doorbell ", usual_price="120")
    assert next(i for i in funds.list_items(demo_store) if i["id"] == new)["name"] == "Video doorbell"
    assert funds._catalogue_item(demo_store, "DOOR   chain")["id"] == item_id
