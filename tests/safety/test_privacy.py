"""Issue 12, privacy: one name detector refuses names in references and in the free text of victim-level
records, and warns where naming a person or a firm is legitimate.

These tests fail (never skip) when the victim-level tables are missing: a build without them has nothing
to protect and nothing to test, and that is a failure of the build."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.domain.funds import FundError
from safer_desk.domain.privacy import NameDetector, PrivacyError, find_name, name_warning, refuse_names
from safer_desk.services import dhr, funds
from safer_desk.storage.schema import costs as costs_schema
from tests.safety.helpers import stored_in

NAMES = ["jane smith", "JANE SMITH", "Jane Smith 1985", "J. Smith", "Jane Smith", "J.A. Smith", "Jane A. Smith",
         "Smith, Jane", "Mrs Smith", "Dr. Patel", "mary Ann Jones", "Anne-Marie Stone", "victim jane doe 02/03/1985",
         "Met Mark Smith at the hub", "MR J SMITH"]
ORDINARY = ["Babergh", "MARAC referral", "Mid Suffolk DHR 2017", "Probation", "high risk", "Mark as complete",
            "Grace period ends", "Victoria Road", "MS Teams meeting", "Panel agreed the chronology",
            "National Probation Service will not contribute", "June meeting", "WSCSP-DHR-2017-01", "TH-2018-001",
            "Plan B Review", "will review in June", "St John Ambulance", "Home Office QA letter received",
            "IDVA assigned; perpetrator not resident", "Independent chair/author", "Door chain fitted"]
PILOT = "Suffolk Target Hardening Pilot"


def test_the_victim_level_tables_exist(store):
    tables = {r[0] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = set(costs_schema.PRIVATE_TABLES) - tables
    assert not missing, f"the victim-level tables {sorted(missing)} are missing: the privacy rules have nothing to guard"
    assert {"fund_referrals", "fund_spend_lines"} <= set(costs_schema.PRIVATE_TABLES)
    assert {"dhr_cases", "dhr_panel_meetings", "dhr_recommendations", "dhr_cost_lines", "dhr_shares",
            "dhr_payments"} <= tables


@pytest.mark.parametrize("text", NAMES)
def test_names_in_every_case_and_shape_are_found(text):
    assert find_name(text) is not None
    with pytest.raises(PrivacyError, match="looks like a person's name"):
        refuse_names(text, "Notes")


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_case_text_is_not_a_name(text):
    assert find_name(text) is None
    assert refuse_names(f"  {text} ", "Notes") == text


def test_the_first_name_list_is_shipped_and_is_what_finds_names():
    from safer_desk.domain.privacy import default_detector

    detector = default_detector()
    assert {"jane", "mohammed", "anne", "john"} <= detector.first_names and len(detector.first_names) > 300
    # Capitals alone are not a name: without the list, "jane smith" is just two words.
    assert NameDetector([]).find("jane smith") is None
    assert NameDetector(["jane"]).find("jane smith") is not None


# -- references and victim-level free text are refused ---------------------------------------------------

def _case(store):
    return next(iter(dhr.case_ids(store)))


def _billed_share(store):
    return next(s for s in dhr.list_shares(store, today=date(2019, 1, 1)) if s.status == "invoiced"
                and s.amount_pence > s.paid_pence)


@pytest.mark.parametrize("name", ["jane smith", "JANE SMITH", "Jane Smith 1985", "J. Smith"])
def test_references_refuse_every_variant(demo_store, name):
    with pytest.raises(DhrError, match="person's name"):
        dhr.add_case(demo_store, reference=name)
    fund = funds.fund_by_name(demo_store, PILOT)
    with pytest.raises(FundError, match="person's name"):
        funds.add_referral(demo_store, fund.id, reference=name, district="Babergh", referred_on="01/07/2018",
                           risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)


def _victim_level_writes(store, text):
    """Each free-text field of the review and referral records that names no one, written with text."""
    case = _case(store)
    fund = funds.fund_by_name(store, PILOT)
    referral = funds.referral_id_by_reference(store, fund.id, "TH-2018-001")
    share = _billed_share(store)
    return {
        "case notes": lambda: dhr.update_case(store, case, notes=text),
        "panel meeting note": lambda: dhr.add_panel_meeting(store, case, "03/03/2019", note=text),
        "recommendation": lambda: dhr.add_recommendation(store, case, text),
        "cost line description": lambda: dhr.add_cost_line(store, case, category="Administration", amount="10",
                                                           description=text),
        "cost line invoice reference": lambda: dhr.add_cost_line(store, case, category="Administration", amount="10",
                                                                 invoice_ref=text),
        "payment reference": lambda: dhr.record_payment(store, share.id, paid_on="02/01/2019", amount="1",
                                                        reference=text),
        "refusal reason": lambda: dhr.refuse_share(store, share.id, on="02/01/2019", reason=text),
        "override reason": lambda: funds.add_referral(store, fund.id, reference="TH-2018-099", district="Babergh",
                                                      referred_on="01/07/2018", risk_level="medium", at_marac=True,
                                                      idva_assigned=True, perpetrator_resident=False,
                                                      override_reason=text),
        "spend line invoice": lambda: funds.add_spend_line(store, referral, spent_on="01/07/2018", item="Door chain",
                                                           invoice_ref=text),
    }


FREE_TEXT_FIELDS = ["case notes", "panel meeting note", "recommendation", "cost line description",
                    "cost line invoice reference", "payment reference", "refusal reason", "override reason",
                    "spend line invoice"]


@pytest.mark.parametrize("field", FREE_TEXT_FIELDS)
@pytest.mark.parametrize("name", ["jane smith", "Jane Smith 1985", "J. Smith"])
def test_the_nine_free_text_fields_refuse_names_and_change_nothing(demo_store, field, name):
    before = [tuple(r) for r in demo_store.rows("SELECT * FROM audit_log ORDER BY id")]
    write = _victim_level_writes(demo_store, f"Spoke to {name} about it")[field]
    with pytest.raises(ValueError, match="looks like a person's name"):
        write()
    assert [tuple(r) for r in demo_store.rows("SELECT * FROM audit_log ORDER BY id")] == before


@pytest.mark.parametrize("field", FREE_TEXT_FIELDS)
def test_the_nine_free_text_fields_take_ordinary_case_text(demo_store, field):
    text = "MARAC referral: high risk, Mid Suffolk DHR 2017"
    assert not stored_in(demo_store, text)
    _victim_level_writes(demo_store, text)[field]()
    assert len(stored_in(demo_store, text)) == 1  # saved, in the one field written


# -- fields where a person or a firm may be named: a warning, never a refusal -----------------------------

def test_owners_and_suppliers_may_be_named_with_a_warning(demo_store):
    case = _case(demo_store)
    rec = dhr.add_recommendation(demo_store, case, "Review the referral pathway", owner="Jane Smith")
    assert demo_store.scalar("SELECT owner FROM dhr_recommendations WHERE id = ?", (rec,)) == "Jane Smith"
    dhr.add_cost_line(demo_store, case, category="Independent chair/author", amount="100", supplier="J. Smith")
    assert dhr.name_warnings(owner="Jane Smith") and "never a victim" in dhr.name_warnings(owner="Jane Smith")[0]
    assert funds.name_warnings(supplier="jane smith")
    assert dhr.name_warnings(owner="Suffolk County Council", supplier="Specialist target-hardening provider") == []
    assert name_warning("Babergh District Council", "Supplier") is None


def test_the_form_warns_once_then_saves():
    from safer_desk.presenters.costs import CostForm
    from safer_desk.presenters.forms import Field

    saved = []
    form = CostForm([Field("supplier", "Supplier")], title="Cost line for WSCSP-DHR-2026-07",
                    heading="Cost line for WSCSP-DHR-2026-07", commit=saved.append,
                    warnings=lambda v: dhr.name_warnings(supplier=v["supplier"]), warn_key="supplier")
    form.set_value("supplier", "Jane Smith")
    assert form.save() is False and saved == []
    assert "looks like a person's name" in form.message("supplier")
    assert form.save() is True and saved == [{"supplier": "Jane Smith"}]


# -- what leaves the office ---------------------------------------------------------------------------------

def test_the_default_export_of_the_example_file_holds_no_reference_anywhere(demo_store, tmp_path):
    from safer_desk.services.county import export_for_county

    refs = [r[0] for r in demo_store.rows("SELECT reference FROM fund_referrals")]
    assert len(refs) == 15
    for suffix in (".sqlite", ".xlsx"):
        out = export_for_county(demo_store, tmp_path / f"county{suffix}").path
        from tests.safety.helpers import _contents

        for where, data in _contents(out):
            assert not any(r.encode() in data for r in refs), where
