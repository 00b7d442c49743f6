"""Round 30, privacy of references: a title joined to a surname, or a surname with its initial, is a name.

A pooled fund referral's reference "TH-2018-MRS-SMITH" (a title and a surname joined by hyphens), "Smith J" (a
surname and an initial) and "J Smith" (an initial without its full stop) were taken, though "Mrs Smith" alone was
refused; and the spaced codes of Mid Suffolk ("MS TH 2018 01", "MS ASB 2018": "MS" is also a title) were refused as
names. The rule: a title followed by a surname-like word in any separator and case, and in a code a surname with its
initials either way round, are names; a code's letters (two letters, no vowel, or an abbreviation such as IBC or
ASB) are not a surname."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from safer_desk.domain.dhr import DhrError, check_reference
from safer_desk.domain.funds import FundError, household_detail
from safer_desk.domain.privacy import PrivacyError, find_name, refuse_names
from safer_desk.services import dhr, funds
from safer_desk.ui.kit.dates import DateField
from tests.costs.test_costs_gui import tab  # noqa: F401 (the Costs tab of the example, as a fixture)
from tests.costs.test_new_case_then_cost_line import button, field, open_dialog, type_into

PILOT = "Suffolk Target Hardening Pilot"

# The example file's own references (fund_referrals and dhr_cases of `safer-desk demo`), then codes as offices
# write them: district abbreviations (MSDC, BDC, IBC, ESC, WSCSP), "MS" for Mid Suffolk, spaces, slashes, small letters.
DEMO_REFERENCES = [f"TH-2018-{n:03d}" for n in range(1, 16)] + [
    "WSCSP-DHR-2014-01", "WSCSP-DHR-2017-01", "WSCSP-DHR-2017-02", "WSCSP-LR-2017-01"]
CODES = DEMO_REFERENCES + [
    "MS-TH-2018-01", "MS TH 2018 01", "ms-th-2018-01", "MS/TH/2018/01", "MS_TH_2018_01", "MS.TH.2018.01",
    "MSDC-DHR1-03", "MSDC DHR 2017/01", "LR-2017", "BDC-TH-2018-02", "MS-ASB-2018-04", "MS ASB 2018", "MS-IBC-01",
    "MS-ESC-2019-02", "DR-TH-2018-01", "MR-2018-07", "MRS-2018-07", "IBC-DHR-2016-02", "FHDC-DHR-2015-01",
    "WS-TH-19-001", "ES-TH-2019-12", "SCC-DHR-2019-03", "TH-2018-008 MSDC", "WSCSP-DHR-2017-01-A", "DHR 2017/01",
    "TH/IPS/2018/07", "IPS-TH-18-003", "TH-BAB-2018-02", "DA-ROSE-HOUSE-01", "MS-DHR-B-2017", "MSDC-LR-A"]
NAMES = ["TH-2018-MRS-SMITH", "Smith J", "Mrs Smith", "Mrs-Smith", "mrs_smith", "MRS.SMITH", "MR JONES",
         "Dr-Patel-2018", "TH-MR-JONES", "Miss.Brown", "MS-WILLIAMS-01", "mx_taylor_2019", "Smith J.", "SMITH J",
         "SMITH-J-1985", "TH-2018-SMITH-J", "Patel A.K.", "MRS-J-SMITH-02", "Dr Ng", "O'Brien J", "TH/2018/Mrs/Khan",
         "Mr Smith 1985", "MRS ALLEN", "th-2018-mrs-smith", "Jones K 02/03/1985", "smith-j-1985",
         "J Smith", "TH-2018-J-SMITH", "J-SMITH-1985"]


@pytest.mark.parametrize("reference", CODES)
def test_codes_are_references(reference):
    assert find_name(reference) is None
    assert check_reference(reference) == reference
    assert household_detail(reference, reference=True) is None


@pytest.mark.parametrize("reference", NAMES)
def test_a_title_or_an_initial_with_a_surname_is_refused_in_a_reference(reference):
    with pytest.raises(DhrError, match="looks like a person's name"):
        check_reference(reference)


@pytest.mark.parametrize(("reference", "seen"), [("TH-2018-MRS-SMITH", "MRS-SMITH"), ("Smith J", "Smith J"),
                                                 ("TH-2018-SMITH-J", "SMITH-J"), ("mrs_smith", "mrs_smith")])
def test_the_refusal_says_what_was_seen(reference, seen):
    with pytest.raises(PrivacyError, match=f"“{seen}” looks like a person's name"):
        refuse_names(reference, "Reference")


def test_free_text_refuses_a_joined_title_but_not_a_document_letter():
    with pytest.raises(PrivacyError, match="“Mrs-Smith”"):
        refuse_names("Locks fitted for Mrs-Smith", "Notes")
    for text in ("Plan B", "See Annex A", "Plan B Review", "Contract Lot B", "MS Teams meeting", "Phase 2",
                 "Option A agreed", "Invoice Part A", "Miss the deadline", "MS Word", "Outcome N/A",
                 "Target Gap\tn/a\tn/a", "Annex A Babergh", "Plan B Ipswich"):
        assert refuse_names(text, "Notes") == text


@given(letters=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8),
       numbers=st.lists(st.integers(min_value=0, max_value=999999), min_size=1, max_size=2),
       separator=st.sampled_from(["-", " ", "/", "_", "."]))
@settings(max_examples=300, deadline=None)
def test_letters_then_numbers_is_never_a_name(letters, numbers, separator):
    reference = separator.join([letters, *(str(n).zfill(2) for n in numbers)])
    assert find_name(reference) is None
    assert check_reference(reference) == reference
    assert household_detail(reference, reference=True) is None


@given(groups=st.lists(st.text(alphabet="BCDFGHJKLMNPQRSTVWXZ", min_size=1, max_size=5), min_size=1, max_size=3),
       numbers=st.lists(st.integers(min_value=0, max_value=9999), min_size=1, max_size=2))
@settings(max_examples=300, deadline=None)
def test_abbreviations_without_a_vowel_then_numbers_are_never_a_name(groups, numbers):
    reference = "-".join([*groups, *(str(n).zfill(2) for n in numbers)])  # "MS-TH-2018-01", "MRS-BDC-07"
    assert check_reference(reference) == reference


def _referral(store, reference):
    fund = funds.fund_by_name(store, PILOT)
    return funds.add_referral(store, fund.id, reference=reference, district="Babergh", referred_on="01/07/2018",
                              risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)


@pytest.mark.parametrize("reference", ["TH-2018-MRS-SMITH", "Smith J"])
def test_the_services_refuse_them_and_write_nothing(demo_store, reference):
    audit = [tuple(r) for r in demo_store.rows("SELECT * FROM audit_log ORDER BY id")]
    with pytest.raises(FundError, match="person's name"):
        _referral(demo_store, reference)
    with pytest.raises(DhrError, match="person's name"):
        dhr.add_case(demo_store, reference=reference, district="Mid Suffolk")
    assert [tuple(r) for r in demo_store.rows("SELECT * FROM audit_log ORDER BY id")] == audit


def test_the_services_take_the_codes_of_mid_suffolk(demo_store):
    for reference in ("MS-TH-2018-01", "MS TH 2018 02", "MS-ASB-2018-04"):
        _referral(demo_store, reference)
    dhr.add_case(demo_store, reference="MS DHR 2019 01", district="Mid Suffolk")
    refs = {r[0] for r in demo_store.rows("SELECT reference FROM fund_referrals")}
    assert {"MS-TH-2018-01", "MS TH 2018 02", "MS-ASB-2018-04"} <= refs


def test_the_example_files_references_are_all_codes(demo_path):
    con = sqlite3.connect(demo_path)
    try:
        refs = [r[0] for r in con.execute("SELECT reference FROM fund_referrals UNION ALL "
                                          "SELECT reference FROM dhr_cases")]
    finally:
        con.close()
    assert sorted(refs) == sorted(DEMO_REFERENCES)


def referral_saved_with(tab, qtbot, reference: str):  # noqa: F811 (the fixture)
    """Costs > Pooled funds > New referral…, the reference typed and a date in the pilot (so no question about its
    date comes first), Save pressed: the dialog, and the page."""
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    dialog = open_dialog(qtbot, page, "New referral")
    type_into(qtbot, field(dialog, "Reference"), reference)
    date_field = next(w for w in dialog.findChildren(DateField) if w.edit.accessibleName() == "Referred on")
    type_into(qtbot, date_field.edit, "1 July 2018")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    return dialog, page


def test_the_referral_dialog_says_it_beside_the_reference(tab, qtbot):  # noqa: F811 (the fixture)
    dialog, page = referral_saved_with(tab, qtbot, "TH-2018-MRS-SMITH")
    message = dialog.view.messages["reference"]
    assert message.isVisible() and "looks like a person's name" in message.text() and dialog.isVisible()
    assert page.store.scalar("SELECT count(*) FROM fund_referrals WHERE reference LIKE '%SMITH%'") == 0


def test_the_new_case_dialog_says_it_beside_the_reference(tab, qtbot):  # noqa: F811 (the fixture)
    page = tab.reviews
    dialog = open_dialog(qtbot, page, "New case")
    type_into(qtbot, field(dialog, "Reference"), "Smith J")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    message = dialog.view.messages["reference"]
    assert message.isVisible() and "looks like a person's name" in message.text() and dialog.isVisible()


def test_a_name_inside_a_code_is_quoted_as_the_part_that_reads_as_a_name():
    """A code with a number and a name in it was refused as a whole ("“TH-2018-MRS-SMITH” looks like a person's
    name … use a code with a number"): it is a code with a number; the part read as a name is said."""
    import pytest

    from safer_desk.domain.dhr import DhrError, check_reference

    with pytest.raises(DhrError) as refused:
        check_reference("TH-2018-MRS-SMITH")
    assert str(refused.value).startswith("“MRS-SMITH” in “TH-2018-MRS-SMITH” looks like a person's name.")
    with pytest.raises(DhrError) as refused:
        check_reference("Jane Smith")
    assert str(refused.value).startswith("“Jane Smith” looks like a person's name.")
