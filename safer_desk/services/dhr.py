"""Domestic Homicide Reviews: cases, stages, action plans, cost lines, partners' shares and payments.

One function per user action: validate (DhrError with a message naming the field),
write in one transaction, return what changed. ``snapshot_case``/``restore_case``
give the window its undo: the rows of a case before and after an action.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Iterable, Mapping

from safer_desk.domain import dhr as rules
from safer_desk.domain.clock import uk_day
from safer_desk.domain.dhr import DhrError, ShareState, SplitRule
from safer_desk.domain.funds import first_name_reference, household_detail
from safer_desk.domain.ids import new_id
from safer_desk.domain.money import MoneyError, any_pence, check_within_bounds, format_money, parse_pence
from safer_desk.domain.privacy import PrivacyError, name_warning, refuse_names, surname_warning
from safer_desk.domain.periods import PeriodError, format_uk_date, parse_uk_date
from safer_desk.domain.text import tidy_spaces, unknown_fields
from safer_desk.services.reference import held_name_id, statutory_partner_days, statutory_partners
from safer_desk.storage import records, snapshots
from safer_desk.storage.schema.costs import line_entries, same_line, stood_the_day_before
from safer_desk.storage.store import Store

DEFAULT_DUE_DAYS = 30

# -- input helpers ---------------------------------------------------------------


def as_date(value: Any, field: str, *, required: bool = False) -> date | None:
    """A date from a date, "01/04/2018" or "2018-04-01"; blank is None unless required."""
    if isinstance(value, date):
        return value
    text = "" if value is None else str(value).strip()
    if not text:
        if required:
            raise DhrError(f"{field}: a date is required (a form like 01/04/2018).")
        return None
    try:
        return parse_uk_date(text)
    except PeriodError as exc:
        raise DhrError(f"{field}: {exc}") from None


def as_pence(value: Any, field: str, *, allow_zero: bool = True) -> int:
    """Pence from an int or typed text ("£1,234.56"); refuses negative and malformed amounts."""
    if isinstance(value, bool):
        raise DhrError(f"{field}: not an amount of money.")
    if isinstance(value, int):
        try:
            pence = check_within_bounds(value)
        except MoneyError as exc:
            raise DhrError(f"{field}: {exc}") from None
    else:
        try:
            pence = parse_pence(str(value))
        except MoneyError as exc:
            raise DhrError(f"{field}: {exc}") from None
    if pence < 0:
        raise DhrError(f"{field}: cannot be negative ({format_money(pence)}).")
    if pence == 0 and not allow_zero:
        raise DhrError(f"{field}: must be more than £0.")
    return pence


def free_text(value: Any, field: str) -> str:
    """Victim-level free text, stripped: refused when it looks like it names a person (domain.privacy) or says where a
    household lives or how to reach it (rules.check_free_text)."""
    try:
        text = refuse_names(None if value is None else str(value), field)
    except PrivacyError as exc:
        raise DhrError(str(exc)) from None
    return rules.check_free_text(text, field)  # nor where a household lives or how to reach it


def invoice_code(value: Any, field: str) -> str:
    """An invoice's reference or a review's invoice prefix, stripped: free text's checks, and a name joined up or
    turned round as a reference's ("Jane-Smith-", "SMITH-Jane-01"): the code goes to the county with the review (the
    export's Who owes what), and a prefix is put on every partner's invoice."""
    text = free_text(value, field)
    if found := household_detail(text, reference=True):
        raise DhrError(f"{field}: “{found[0]}” looks like {found[1]}. Never record a victim's name here: use a code "
                       "with a number, such as MSDC-DHR1- or INV-2018-0042.")
    return text


# Fields where an officer or a firm may be named: a possible person's name there is a warning, not a refusal.
NAMED_FIELDS = {"owner": "Owner", "supplier": "Supplier"}


def reference_warnings(reference: Any, *, referral: bool = False) -> list[str]:
    """The question (never a refusal) for a review's (or a fund ``referral``'s) reference with a word that may be a
    surname on its own ("Okonkwo-2026": domain.privacy.surname_alone); none for a reference refused anyway (its refusal
    says it)."""
    text = "" if reference is None else str(reference)
    try:
        rules.check_reference(text)
        if household_detail(text, reference=True) or referral and first_name_reference(text):
            return []
    except DhrError:
        return []
    warning = surname_warning(text)
    return [warning] if warning else []


def name_warnings(**fields: Any) -> list[str]:
    """Warnings for the fields of NAMED_FIELDS that look like a person's name (shown, never refused)."""
    warnings = []
    for key, value in fields.items():
        warning = name_warning(None if value is None else str(value), NAMED_FIELDS.get(key, key))
        if warning:
            warnings.append(warning)
    return warnings


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _from_iso(text: str | None) -> date | None:
    return None if not text else date.fromisoformat(text)


# -- settings ----------------------------------------------------------------------

def review_label(store: Store) -> str:
    """"Domestic Homicide Review", "Domestic Abuse Related Death Review" or (Wales) "Single Unified Safeguarding
    Review", as this file is set."""
    return store.scalar("SELECT value FROM costs_settings WHERE id = 'dhr_label'") or rules.LABELS[0]


def set_review_label(store: Store, label: str) -> str:
    label = (label or "").strip()
    if label not in rules.LABELS:
        raise DhrError(f"The reviews are called {', '.join(rules.LABELS[:-1])} or {rules.LABELS[-1]}.")
    with store.transaction():
        store.conn.execute("INSERT INTO costs_settings(id, value) VALUES ('dhr_label', ?) "
                           "ON CONFLICT(id) DO UPDATE SET value = excluded.value", (label,))
    return label


def stage_rules(store: Store) -> list[rules.StageRule]:
    """The file's stage rules; one it holds that a rule cannot be (saved before the rules were checked, a due date
    past any date) is left aside, so the cases can still be read."""
    result = []
    for r in store.rows("SELECT id, after_stage, months, days FROM dhr_stage_rules"):
        try:
            result.append(rules.StageRule(r["id"], r["after_stage"], r["months"], r["days"]))
        except DhrError:
            continue
    return result


def set_stage_rule(store: Store, stage: str, after: str, months: int, days: int = 0) -> rules.StageRule:
    keys = rules.STAGE_KEYS
    if stage in keys and after in keys and keys.index(after) >= keys.index(stage):  # named as the reviews name it
        raise DhrError(f"{rules.stage_label(stage, review_label(store))} must follow an earlier stage.")
    rule = rules.StageRule(stage, after, int(months), int(days))
    _put_stage_rule_row(store, stage, (rule.after, rule.months, rule.days))
    return rule


def stage_rule_row(store: Store, stage: str) -> tuple[str, int, int] | None:
    """The stage's rule as the file holds it (after, months, days), even one ``stage_rules`` leaves aside; None when
    the file holds none: what an undo of a change to it puts back."""
    row = store.one("SELECT after_stage, months, days FROM dhr_stage_rules WHERE id = ?", (stage,))
    return None if row is None else (row["after_stage"], row["months"], row["days"])


def put_back_stage_rule(store: Store, stage: str, row: tuple[str, int, int] | None) -> None:
    """The stage's rule as ``stage_rule_row`` read it (None: the file held none), unchecked: it was the file's."""
    if row is None:
        with store.transaction():
            store.conn.execute("DELETE FROM dhr_stage_rules WHERE id = ?", (stage,))
        return
    _put_stage_rule_row(store, stage, row)


def _put_stage_rule_row(store: Store, stage: str, row: tuple[str, int, int]) -> None:
    with store.transaction():
        store.conn.execute(
            "INSERT INTO dhr_stage_rules(id, after_stage, months, days) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET after_stage = excluded.after_stage, months = excluded.months, "
            "days = excluded.days", (stage, *row))


# -- cases ------------------------------------------------------------------------

CASE_DATE_FIELDS = {
    "notified_on": "Notified", "decision_on": "Decision date", "home_office_told_on": "Home Office told",
    "chair_appointed_on": "Chair appointed", "qa_submitted_on": "Report to the QA Panel",
    "qa_letter_on": "QA Panel letter", "published_on": "Published", "workshop_on": "Learning workshop",
}
# A SUSR's (Wales) stage dates as Edit case and its refusals name them, as its stages are named
# (rules.SUSR_STAGE_LABELS): referred to the Regional Safeguarding Board, Welsh Government notified, the report sent
# for quality assurance and its letter (no Home Office, no Quality Assurance Panel).
SUSR_DATE_FIELDS = {**CASE_DATE_FIELDS, "notified_on": "Referred", "home_office_told_on": "Welsh Government told",
                    "qa_submitted_on": "Report sent for QA", "qa_letter_on": "QA letter"}


def case_date_fields(label: str) -> dict[str, str]:
    """The stage dates' names for reviews called ``label`` (a SUSR's: SUSR_DATE_FIELDS), keyed by column."""
    return SUSR_DATE_FIELDS if label == rules.SUSR else CASE_DATE_FIELDS


KINDS = ("review", "learning review")
DECISIONS = ("pending", "hold", "not held")
# As the Review form and Costs say them (presenters.dhr.CaseKind, Decision): the board report and the workbook too.
KIND_WORDS = {"review": "Review", "learning review": "Learning review"}
DECISION_WORDS = {"pending": "Pending", "hold": "Hold a review", "not held": "Not held"}
# A partner's share's kind: billed as first split, re-split among the others after a refusal, or carried by the lead
# authority (Costs' Shares and payments, the history, the workbook's Who owes what); "refund" is that sheet's row of a
# refund to a partner that paid beyond its share (Refund excess…).
SHARE_KIND_WORDS = {"share": "Share", "re-split": "Re-split", "carried": "Carried by the lead authority",
                    "refund": "Refund"}


def _lookup(store: Store, table: str, value: str | None, what: str, *, required: bool = False) -> str | None:
    """An id from an id or a name in districts/partnerships/organisations."""
    text = tidy_spaces(value)  # names are held with their spaces tidied (services.reference)
    if not text:
        if required:
            raise DhrError(f"{what}: choose one.")
        return None
    found = held_name_id(store, table, text)
    if found is None:
        raise DhrError(f"{what}: there is no {what.lower()} called “{text}”.")
    return found


def _case_values(store: Store, fields: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if "reference" in fields:
        values["reference"] = rules.check_reference(fields["reference"], what="case reference")
    if "kind" in fields:
        if fields["kind"] not in KINDS:
            raise DhrError(f"Kind: a case is a {' or a '.join(KINDS)}.")
        values["kind"] = fields["kind"]
    if "decision" in fields:
        if fields["decision"] not in DECISIONS:
            raise DhrError("Decision: pending, hold or not held.")
        values["decision"] = fields["decision"]
    if "district" in fields:
        values["district_id"] = _lookup(store, "districts", fields["district"], "District")
    if "partnership" in fields:
        values["partnership_id"] = _lookup(store, "partnerships", fields["partnership"], "Partnership")
    if "lead_organisation" in fields:
        values["lead_organisation_id"] = _lookup(store, "organisations", fields["lead_organisation"],
                                                 "Lead authority")
    for key, label in case_date_fields(review_label(store)).items():
        if key in fields:
            values[key] = _iso(as_date(fields[key], label))
    if "notes" in fields:
        values["notes"] = free_text(fields["notes"], "Notes")
    if "safeguarding_board" in fields:
        values["safeguarding_board"] = safeguarding_board(fields["safeguarding_board"])
    unknown = set(fields) - {"reference", "kind", "decision", "district", "partnership", "lead_organisation",
                             "notes", "safeguarding_board", *CASE_DATE_FIELDS}
    if unknown:
        raise DhrError(unknown_fields("case", unknown))
    order = [values.get(k) for k in ("notified_on", "decision_on") if values.get(k)]
    if len(order) == 2 and order[1] < order[0]:
        raise DhrError("Decision date: the decision cannot come before the notification.")
    return values


BOARD_FIELD = "Regional Safeguarding Board"


def safeguarding_board(value: Any) -> str:
    """The Regional Safeguarding Board that commissioned a review (a SUSR, Wales), its spaces tidied: an
    organisation's name, never a household's address or contact details; "" for none."""
    text = tidy_spaces(None if value is None else str(value))
    if len(text) > 80:
        raise DhrError(f"{BOARD_FIELD}: at most 80 characters (a board's name, such as Gwent Safeguarding Board).")
    return rules.check_free_text(text, BOARD_FIELD)


def add_case(store: Store, **fields: Any) -> str:
    """A new case (reference required, never a name); returns its id."""
    if "reference" not in fields:
        raise DhrError("The case reference is required.")
    values = _case_values(store, fields)
    case_id = new_id()
    _refuse_reference_in_use(store, values["reference"])
    columns = ["id", *values]
    with store.transaction():
        store.conn.execute(f"INSERT INTO dhr_cases({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                           (case_id, *values.values()))
    return case_id


def update_case(store: Store, case_id: str, **fields: Any) -> dict[str, Any]:
    """Change some of a case's fields; returns the stored values that changed."""
    case = _require_case(store, case_id)
    values = _case_values(store, fields)
    # A reference kept as it is stays, though another case has it typed another way (kept before they were compared).
    if "reference" in values and values["reference"] != case["reference"]:
        _refuse_reference_in_use(store, values["reference"], case_id)
    if "partnership_id" in values and values["partnership_id"] != case["partnership_id"] and _shares(store, case_id):
        raise DhrError("Partnership conducting it: the partnership's statutory partners have been billed for this "
                       "review, so it cannot change while they hold its invoices (undo the billing to change it). "
                       "Nothing was changed.")
    if values:
        with store.transaction():
            records.update(store.conn, "dhr_cases", case_id, values)
    return values


def delete_case(store: Store, case_id: str) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM dhr_cases WHERE id = ?", (case_id,))


def _require_case(store: Store, case_id: str):
    row = store.one("SELECT * FROM dhr_cases WHERE id = ?", (case_id,))
    if row is None:
        raise DhrError("That case no longer exists.")
    return row


def case_id_by_reference(store: Store, reference: str) -> str | None:
    """The case a reference names, as typed or in another case ("wscsp-dhr-2017-01")."""
    text = (reference or "").strip()
    return store.scalar("SELECT id FROM dhr_cases WHERE lower(reference) = lower(?) ORDER BY reference = ? DESC, "
                        "rowid LIMIT 1", (text, text))


def _refuse_reference_in_use(store: Store, reference: str, case_id: str | None = None) -> None:
    """Another case has this reference, typed another way (``rules.reference_key``): "wscsp-dhr-2017-01" and
    "WSCSP DHR 2017/1" are WSCSP-DHR-2017-01 typed again, not a second review to bill the partners for."""
    key = rules.reference_key(reference)
    held = next((r for r in store.rows("SELECT id, reference FROM dhr_cases WHERE id IS NOT ? ORDER BY reference",
                                       (case_id,)) if rules.reference_key(r["reference"]) == key), None)
    if held is not None:
        again = "" if held["reference"].casefold() == reference.casefold() else f" (“{reference}” written another way)"
        raise DhrError(f"Reference: there is already a case with the reference {held['reference']}{again}: open that "
                       "case, or give this one a reference of its own.")


# -- panel meetings and action plans ------------------------------------------------

def add_panel_meeting(store: Store, case_id: str, met_on: Any, note: str = "") -> str:
    _require_case(store, case_id)
    day = as_date(met_on, "Panel meeting", required=True)
    note = free_text(note, "Note")
    if store.scalar("SELECT 1 FROM dhr_panel_meetings WHERE case_id = ? AND met_on = ?", (case_id, _iso(day))):
        raise DhrError(f"Date: there is already a panel meeting on {format_uk_date(day)}.")
    meeting_id = new_id()
    with store.transaction():
        store.conn.execute("INSERT INTO dhr_panel_meetings(id, case_id, met_on, note) VALUES (?, ?, ?, ?)",
                           (meeting_id, case_id, _iso(day), note))
    return meeting_id


def update_panel_meeting(store: Store, meeting_id: str, *, met_on: Any, note: str = "") -> None:
    """A panel meeting's date or note corrected; refused on a day the case already met on another."""
    row = store.one("SELECT * FROM dhr_panel_meetings WHERE id = ?", (meeting_id,))
    if row is None:
        raise DhrError("That panel meeting no longer exists.")
    day = as_date(met_on, "Panel meeting", required=True)
    note = free_text(note, "Note")
    if store.scalar("SELECT 1 FROM dhr_panel_meetings WHERE case_id = ? AND met_on = ? AND id <> ?",
                    (row["case_id"], _iso(day), meeting_id)):
        raise DhrError(f"Date: there is already a panel meeting on {format_uk_date(day)}.")
    with store.transaction():
        records.update(store.conn, "dhr_panel_meetings", meeting_id, {"met_on": _iso(day), "note": note})


def add_recommendation(store: Store, case_id: str, text: str, *, owner: str = "", due_on: Any = None,
                       completed_on: Any = None) -> str:
    _require_case(store, case_id)
    text = free_text(text, "Recommendation")
    if not text:
        raise DhrError("Recommendation: the text is required.")
    due = as_date(due_on, "Due date")
    done = as_date(completed_on, "Completed")
    number = (store.scalar("SELECT max(number) FROM dhr_recommendations WHERE case_id = ?", (case_id,)) or 0) + 1
    rec_id = new_id()
    with store.transaction():
        store.conn.execute(
            "INSERT INTO dhr_recommendations(id, case_id, number, text, owner, due_on, completed_on) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", (rec_id, case_id, number, text, (owner or "").strip(), _iso(due), _iso(done)))
    return rec_id


def update_recommendation(store: Store, rec_id: str, *, text: str | None = None, owner: str | None = None,
                          due_on: Any = ..., completed_on: Any = ...) -> None:
    row = store.one("SELECT * FROM dhr_recommendations WHERE id = ?", (rec_id,))
    if row is None:
        raise DhrError("That recommendation no longer exists.")
    values: dict[str, Any] = {}
    if text is not None:
        if not text.strip():
            raise DhrError("Recommendation: the text is required.")
        values["text"] = free_text(text, "Recommendation")
    if owner is not None:
        values["owner"] = owner.strip()
    if due_on is not ...:
        values["due_on"] = _iso(as_date(due_on, "Due date"))
    if completed_on is not ...:
        values["completed_on"] = _iso(as_date(completed_on, "Completed"))
    if values:
        with store.transaction():
            records.update(store.conn, "dhr_recommendations", rec_id, values)


def delete_recommendation(store: Store, rec_id: str) -> None:
    """Remove a recommendation keyed in error; the others keep their numbers (papers cite them)."""
    with store.transaction():
        store.conn.execute("DELETE FROM dhr_recommendations WHERE id = ?", (rec_id,))


def delete_panel_meeting(store: Store, meeting_id: str) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM dhr_panel_meetings WHERE id = ?", (meeting_id,))


# -- cost lines and the split ---------------------------------------------------------

def _cost_line_values(*, category: str, amount: Any, supplier: str = "", invoice_ref: str = "",
                      invoiced_on: Any = None, description: str = "") -> dict[str, Any]:
    """A cost line's columns as typed, checked."""
    category = (category or "").strip()
    if not category:
        raise DhrError("Category: choose what the cost was for (e.g. Independent chair/author).")
    pence = as_pence(amount, "Amount", allow_zero=False)
    day = as_date(invoiced_on, "Invoice date")
    return {"category": category, "description": free_text(description, "Description"),
            "supplier": (supplier or "").strip(), "invoice_ref": invoice_code(invoice_ref, "Invoice reference"),
            "invoiced_on": _iso(day), "amount_pence": pence}


def add_cost_line(store: Store, case_id: str, **fields: Any) -> str:
    """A cost of the review (chair/author, overview report writer, administration …): the fields of
    ``_cost_line_values``."""
    _require_case(store, case_id)
    values = _cost_line_values(**fields)
    line_id = new_id()
    with store.transaction():
        records.insert(store.conn, "dhr_cost_lines", {"id": line_id, "case_id": case_id, **values})
    return line_id


def _billed_beyond(store: Store, line, new_pence: int) -> None:
    """Refuse a change that would leave the review's costs below what its partners were billed for them."""
    billed = _billed_for_costs(store, line["case_id"])
    left = case_cost_pence(store, line["case_id"]) - line["amount_pence"] + new_pence
    if left < billed:
        old = format_money(line["amount_pence"])
        change = (f"without this line of {old}" if not new_pence
                  else f"with this line changed from {old} to {format_money(new_pence)}")
        said = "Amount: the" if new_pence else "The"  # a correction's refusal is beside the amount it typed
        raise DhrError(f"{said} partners have been billed {format_money(billed)} for this review's costs; {change} the "
                       f"costs would be {format_money(left)}, less than they were billed. A cost that has been billed "
                       "stays on the review.")


def update_cost_line(store: Store, line_id: str, *, bill_again_on: Any = None, **fields: Any) -> dict[str, Any]:
    """Correct a cost line (all its fields, as add_cost_line takes them): an amount, a date or a supplier keyed
    wrongly. Where the costs would fall below what the partners were billed for them it is refused, as a deletion
    is, unless ``bill_again_on`` is given: then the partners are billed again on that day at the corrected cost, with
    the review's own split (``correction_rebilling``), in the same step. Returns the stored values."""
    line = store.one("SELECT * FROM dhr_cost_lines WHERE id = ?", (line_id,))
    if line is None:
        raise DhrError("That cost line no longer exists.")
    values = _cost_line_values(**fields)
    if any(line[k] != v for k, v in values.items()):
        _not_before_a_later_correction(store, line_id, bill_again_on, "a later correction")
    again = bill_again_on is not None and correction_rebilling(
        store, line_id, category=values["category"], amount_pence=values["amount_pence"], on=bill_again_on)
    if not again:
        _billed_beyond(store, line, values["amount_pence"])
    replaced_on = as_date(bill_again_on, "Invoice date") or date.today()
    with store.transaction():
        if any(line[k] != v for k, v in values.items()) and _stood(store, line_id, replaced_on, as_it_is=True):
            # Kept as it was, with the day it was replaced: the review's cost as at a day before is what stood then
            # (cost_lines); corrected twice in a day, the version of the day before the first stays, and corrected
            # the day it was keyed in (a typo put right), none: that version stood at the end of no day
            store.conn.execute(
                "INSERT OR IGNORE INTO dhr_cost_line_versions(id, line_id, case_id, category, description, supplier, "
                "invoice_ref, invoiced_on, amount_pence, replaced_on) SELECT id || '@' || ?1, id, case_id, category, "
                "description, supplier, invoice_ref, invoiced_on, amount_pence, ?1 FROM dhr_cost_lines WHERE id = ?2",
                (_iso(replaced_on), line_id))
        records.update(store.conn, "dhr_cost_lines", line_id, values)
        if again:
            _bill_again_with_own_split(store, line["case_id"], bill_again_on)
    return values


def correction_rebilling(store: Store, line_id: str, *, category: str, amount_pence: int,
                         on: Any) -> Rebilling | None:
    """What correcting a cost line the partners were billed for down to ``amount_pence`` (0: deleting it) bills
    again on the day ``on``, with the review's own split (``rebill_plan``); None when the costs stay at or above what
    was billed (nothing is billed again). A cost keyed too high, or twice, and billed is put right this way: the
    invoices not yet paid are cancelled and each partner billed what it is short of its share of the corrected cost.
    DhrError when it cannot be (the partners paid more than the corrected cost)."""
    line = store.one("SELECT case_id, category, amount_pence FROM dhr_cost_lines WHERE id = ?", (line_id,))
    if line is None:
        return None
    case = _require_case(store, line["case_id"])
    billed = _billed_for_costs(store, case["id"])
    cost = case_cost_pence(store, case["id"]) - line["amount_pence"] + amount_pence
    if not billed or cost >= billed:
        return None
    capped = case["cap_category"]
    base = (_capped_base(store, case) - (line["amount_pence"] if line["category"] == capped else 0)
            + (amount_pence if category == capped else 0))
    rule = split_rule(store, case["id"])
    return rebill_plan(store, case["id"], rule.kind, on=on, percentages=dict(rule.percent_bp),
                       cap_payer=rule.cap_payer, cap_percent=rule.cap_percent_bp, cap_amount=rule.cap_pence,
                       cap_category=capped, cost_pence=cost, capped_base_pence=base)


def _bill_again_with_own_split(store: Store, case_id: str, on: Any) -> Rebilling:
    case, rule = _require_case(store, case_id), split_rule(store, case_id)
    # No split was chosen: its invoices say a correction billed them, or the partner's finance team asks who changed
    # the split agreed
    said = (f"billed again on {format_uk_date(as_date(on, 'Invoice date', required=True))} with the review's own "
            f"split, its costs corrected to {format_money(case_cost_pence(store, case_id))}")
    return rebill_with_split(store, case_id, rule.kind, on=on, percentages=dict(rule.percent_bp),
                             cap_payer=rule.cap_payer, cap_percent=rule.cap_percent_bp, cap_amount=rule.cap_pence,
                             cap_category=case["cap_category"], said=said)


def capped_part_after(store: Store, line_id: str, *, category: str, amount_pence: int) -> str:
    """What correcting a cost line does to a capped payer already billed ("" when nothing): its capped part would
    come to less than it was billed. Its invoices stay as sent (an invoice is never negative), so it is said."""
    line = store.one("SELECT case_id, category, amount_pence FROM dhr_cost_lines WHERE id = ?", (line_id,))
    if line is None:
        return ""
    case = _require_case(store, line["case_id"])
    rule, billed = split_rule(store, case["id"]), _first_shares(store, case["id"])
    if rule.kind != "capped" or rule.cap_payer not in billed:
        return ""
    capped, cost_now, base_now = case["cap_category"], case_cost_pence(store, case["id"]), _capped_base(store, case)
    cost = cost_now - line["amount_pence"] + amount_pence
    base = (base_now - (line["amount_pence"] if line["category"] == capped else 0)
            + (amount_pence if category == capped else 0))
    if cost < sum(billed.values()):
        return ""  # refused on Save (_billed_beyond)
    part = rules.dhr_cost_shares(cost, list(billed), rule, capped_base_pence=base)[rule.cap_payer]
    before = rules.dhr_cost_shares(cost_now, list(billed), rule, capped_base_pence=base_now)[rule.cap_payer]
    name = store.scalar("SELECT name FROM organisations WHERE id = ?", (rule.cap_payer,))
    if part > max(billed[rule.cap_payer], before) and cost == sum(billed.values()):
        # Up, the review's cost as billed (a line's category corrected to the capped one): the others were billed
        # the capped payer's part between them. Said, and how to put it right (it was corrected without a word).
        return (f"{name} was billed {format_money(billed[rule.cap_payer])} as its capped part; with the "
                f"{capped.lower()} costs at {format_money(base)} it would be {format_money(part)} "
                f"({format_money(part - billed[rule.cap_payer])} more), and the other partners were billed that "
                "between them. The invoices stay as sent: Bill again with another split…, choosing the review's own "
                "split, puts the shares right.")
    if part >= min(billed[rule.cap_payer], before):  # said once, when a correction takes it down (not its supplier)
        return ""
    return (f"{name} was billed {format_money(billed[rule.cap_payer])} as its capped part; with the {capped.lower()} "
            f"costs at {format_money(base)} it would be {format_money(part)} "
            f"({format_money(billed[rule.cap_payer] - part)} less). Its invoices stay as sent: nothing is billed back, "
            "and it is billed nothing more.")


def _not_before_a_later_correction(store: Store, line_id: str, on: Any, change: str) -> None:
    """Refuse a correction or deletion dated before a correction of the line already kept: its version would be read
    before the later one's, so the ledger as at a day between them would read neither what stood then nor now."""
    day = as_date(on, "Invoice date") or date.today()
    later = store.scalar("SELECT max(replaced_on) FROM dhr_cost_line_versions WHERE line_id = ?", (line_id,))
    if later is not None and day < _from_iso(later):
        raise DhrError(f"Invoice date: {format_uk_date(day)} is before this cost line's correction of "
                       f"{format_uk_date(_from_iso(later))}; {change} is dated on or after it, so that the ledger as "
                       "at each day reads the line as it stood then.")


def _stood(store: Store, line_id: str, day: date, *, as_it_is: bool) -> bool:
    """Whether the cost line stood at the end of the day before ``day``, the day a correction or deletion keeps it
    with (``as_it_is``: with the values it has now), by its audit trail (storage.schema.costs.stood_the_day_before;
    the upgrade walks keep by the same rule): keyed in and put right that day, it stood at the end of no day."""
    line = dict(store.one("SELECT * FROM dhr_cost_lines WHERE id = ?", (line_id,)))
    stood = stood_the_day_before(line_entries(store.conn, line_id), line, day)
    return same_line(stood, line) if as_it_is else stood is not None


def delete_cost_line(store: Store, line_id: str, *, bill_again_on: Any = None) -> None:
    """Remove a cost line; refused when the partners were billed for it (they would be billed for more than the
    review costs), unless ``bill_again_on`` is given: then they are billed again on that day without it
    (``correction_rebilling``: a cost keyed twice and billed), in the same step."""
    line = store.one("SELECT case_id, category, amount_pence FROM dhr_cost_lines WHERE id = ?", (line_id,))
    if line is None:
        raise DhrError("That cost line no longer exists.")
    _not_before_a_later_correction(store, line_id, bill_again_on, "its deletion")
    again = bill_again_on is not None and correction_rebilling(store, line_id, category=line["category"],
                                                               amount_pence=0, on=bill_again_on)
    if not again:
        _billed_beyond(store, line, 0)
    deleted_on = as_date(bill_again_on, "Invoice date") or date.today()
    stood = _stood(store, line_id, deleted_on, as_it_is=False)
    with store.transaction():
        # Kept as it was, with the day: the review's cost as at a day before it is what stood then (cost_lines); not
        # a line deleted the day it was keyed in (keyed twice, put right at once), which stood at the end of no day
        store.conn.execute(
            "INSERT OR REPLACE INTO dhr_deleted_cost_lines(id, case_id, category, description, supplier, invoice_ref, "
            "invoiced_on, amount_pence, deleted_on) SELECT id, case_id, category, description, supplier, invoice_ref, "
            "invoiced_on, amount_pence, ? FROM dhr_cost_lines WHERE id = ? AND ?",
            (_iso(deleted_on), line_id, stood))
        store.conn.execute("DELETE FROM dhr_cost_lines WHERE id = ?", (line_id,))
        if again:
            _bill_again_with_own_split(store, line["case_id"], bill_again_on)


def case_partners(store: Store, case_id: str, on: date | None = None) -> list[str]:
    """The organisation ids of the statutory partners of the case's partnership: those on the day ``on`` (the day
    its costs are shared, the first invoices' date), or, with no day, every one it has had."""
    case = _require_case(store, case_id)
    if not case["partnership_id"]:
        raise DhrError("Choose the partnership conducting the review first: its statutory partners share the cost.")
    partners = [o.id for o in statutory_partners(store, case["partnership_id"], on)]
    if on is not None and not partners and statutory_partners(store, case["partnership_id"]):
        raise DhrError(no_partners_on(store, case["partnership_id"], on))
    return partners


def review_day(store: Store, case_id: str) -> date | None:
    """The review's own day for its partners: the day the death was notified or, when its partnership had no
    statutory partners yet, the first day after it that it had (the Western Suffolk CSP's are members from
    01/04/2017: a death notified in March 2017 is shared among them, as seed 002's was); None when not notified."""
    case = _require_case(store, case_id)
    notified = _from_iso(case["notified_on"])
    if notified is None or not case["partnership_id"] or statutory_partners(store, case["partnership_id"], notified):
        return notified
    starts = sorted({first for _, first, _ in statutory_partner_days(store, case["partnership_id"])
                     if first and first > notified})
    return next((day for day in starts if statutory_partners(store, case["partnership_id"], day)), notified)


def split_day(store: Store, case_id: str, today: date) -> date:
    """The day whose statutory partners share the review's cost, as the Split grid lists them and Bill partners
    lists their shares: once billed, the day it was first billed; before, the review's own day (``review_day``,
    never after today; today when it has none), or, when the split saved gives parts (percentages, the partner
    paying first) to partners not all partners then, today or the first day since on which they all are."""
    if billed := first_billed_on(store, case_id):
        return billed
    case = _require_case(store, case_id)
    own = min(review_day(store, case_id) or today, today)
    rule = split_rule(store, case_id)
    named = set(o for o, bp in rule.percent_bp.items() if bp) if rule.kind == "percentages" else (
        {rule.cap_payer} if rule.kind == "capped" and rule.cap_payer else set())
    if not named or not case["partnership_id"]:
        return own
    days = statutory_partner_days(store, case["partnership_id"])
    later = sorted({d for _, first, last in days for d in (first, last) if d and own < d <= today})
    for day in (own, today, *later):
        if named <= {o.id for o in statutory_partners(store, case["partnership_id"], day)}:
            return day
    return own


def no_partners_on(store: Store, partnership_id: str, day: date) -> str:
    """Why nobody can share a review's cost on ``day``: the partnership's statutory partners are members on other
    days (a partnership from 01/04/2017 billed for 2016, or one whose partners have all left it)."""
    name = store.scalar("SELECT name FROM partnerships WHERE id = ?", (partnership_id,))
    days = statutory_partner_days(store, partnership_id)
    starts, ends = [first for _, first, _ in days], [last for _, _, last in days]
    first = None if None in starts else min(starts, default=None)
    last = None if None in ends else max(ends, default=None)
    span = " ".join(filter(None, (first and f"from {format_uk_date(first)}", last and f"to {format_uk_date(last)}")))
    when = f" (its statutory partners are members {span})" if span else ""
    return (f"Invoice date: {name} has no statutory partners on {format_uk_date(day)}{when}, so nobody can be billed "
            "for the review on that day. Date the invoices on a day it has partners.")


def _refuse_parts_for_others(store: Store, case, rule: SplitRule, partners: list[str], day: date) -> None:
    """A split giving a part (a percentage, the capped part) to an organisation that is not a statutory partner on
    the invoices' date (it left the partnership since the split was set) is refused, naming it."""
    named = ([o for o, bp in rule.percent_bp.items() if bp] if rule.kind == "percentages"
             else [rule.cap_payer] if rule.kind == "capped" and rule.cap_payer else [])
    gone = [o for o in named if o not in partners]
    if not gone:
        return
    names = " and ".join(sorted(store.scalar("SELECT name FROM organisations WHERE id = ?", (o,)) or o for o in gone))
    pname = store.scalar("SELECT name FROM partnerships WHERE id = ?", (case["partnership_id"],))
    raise DhrError(f"Invoice date: the split gives a part of the cost to {names}, not "
                   f"{'a statutory partner' if len(gone) == 1 else 'statutory partners'} of {pname} on "
                   f"{format_uk_date(day)}. Change the split (Split…) to share it among the partners on that day.")


def split_rule(store: Store, case_id: str) -> SplitRule:
    case = _require_case(store, case_id)
    percents = {r["organisation_id"]: r["percent_bp"] for r in store.rows(
        "SELECT organisation_id, percent_bp FROM dhr_split_percentages WHERE case_id = ? ORDER BY organisation_id",
        (case_id,))}
    try:
        return SplitRule(case["split_rule"], percents, case["cap_organisation_id"], case["cap_percent_bp"],
                         case["cap_pence"])
    except DhrError:
        return SplitRule("equal")


def _refuse_partners_not_on(store: Store, case, day: date, field: str, named: list[str]) -> None:
    """A split's part named for a statutory partner of the case's partnership that is not one on ``day`` (it left,
    or joins later) is refused, naming it and the days it is a partner."""
    on_day = {o.id for o in statutory_partners(store, case["partnership_id"], day)}
    spans = {org.id: (org.name, first, last) for org, first, last in
             statutory_partner_days(store, case["partnership_id"]) if org.id in named and org.id not in on_day}
    if not spans:
        return
    said = " and ".join(f"{name} (a partner {_span_words(first, last)})"
                        for name, first, last in sorted(spans.values()))
    pname = store.scalar("SELECT name FROM partnerships WHERE id = ?", (case["partnership_id"],))
    are = "is not a statutory partner" if len(spans) == 1 else "are not statutory partners"
    raise DhrError(f"{field}: {said} {are} of {pname} on {format_uk_date(day)}, the day the partners would be "
                   "billed. Share the cost among the partners on that day.")


def _span_words(first: date | None, last: date | None) -> str:
    return " ".join(filter(None, (first and f"from {format_uk_date(first)}", last and f"to {format_uk_date(last)}")))


def set_split_rule(store: Store, case_id: str, kind: str, *, percentages: dict[str, Any] | None = None,
                   cap_payer: str | None = None, cap_percent: Any = "50", cap_amount: Any = None,
                   cap_category: str = "Independent chair/author", on: date | None = None) -> SplitRule:
    """Equal shares, a percentage per partner, or one partner paying a capped part first.

    A part (a percentage, the capped part) goes only to a statutory partner on the day ``on`` (today with none):
    the day the partners would be billed, as the Split grid and the Bill form show them; one that has left the
    partnership, or not yet joined it, is refused naming it and its days (billing would refuse it)."""
    if _shares(store, case_id):
        raise DhrError(BILLED_SPLIT)
    rule = _typed_split_rule(store, case_id, kind, percentages=percentages, cap_payer=cap_payer,
                             cap_percent=cap_percent, cap_amount=cap_amount, on=on)
    _store_split_rule(store, case_id, rule, cap_category)
    return rule


BILLED_SPLIT = ("The partners have already been billed for this case, so its split stays as billed. To correct it, "
                "choose Bill again with another split… in the Split window: the invoices not yet paid are cancelled, "
                "every payment and refusal is kept, and each partner is billed what it is short of its new share.")


def _typed_split_rule(store: Store, case_id: str, kind: str, *, percentages: dict[str, Any] | None = None,
                      cap_payer: str | None = None, cap_percent: Any = "50", cap_amount: Any = None,
                      on: date | None = None) -> SplitRule:
    """The split as typed (set_split_rule's arguments), checked against the partners on the day ``on``."""
    case = _require_case(store, case_id)
    percents: dict[str, int] = {}
    payer_id = None
    cap_bp, cap_pence = 5000, None
    if kind == "percentages":
        for org, value in (percentages or {}).items():
            org_id = _lookup(store, "organisations", org, "Partner")
            percents[org_id] = value if isinstance(value, int) else rules.percent_to_bp(str(value))
    elif kind == "capped":
        payer_id = _lookup(store, "organisations", cap_payer, "Partner paying first", required=True)
        cap_bp = cap_percent if isinstance(cap_percent, int) else rules.cap_percent_to_bp(str(cap_percent))
        cap_pence = None if cap_amount in (None, "") else as_pence(cap_amount, "Cap")
    rule = SplitRule(kind, percents, payer_id, cap_bp, cap_pence)
    day = on or date.today()
    partners = case_partners(store, case_id)
    if payer_id and payer_id not in partners:
        raise DhrError("Partner paying first: must be one of the partnership's statutory partners.")
    if set(percents) - set(partners):
        raise DhrError("Percentages: every organisation must be one of the partnership's statutory partners.")
    _refuse_partners_not_on(store, case, day, "Partner paying first", [payer_id] if payer_id else [])
    _refuse_partners_not_on(store, case, day, "Percentages", [o for o, bp in percents.items() if bp])
    return rule


def _store_split_rule(store: Store, case_id: str, rule: SplitRule, cap_category: str) -> None:
    with store.transaction():
        store.conn.execute("UPDATE dhr_cases SET split_rule = ?, cap_organisation_id = ?, cap_percent_bp = ?, "
                           "cap_pence = ?, cap_category = ? WHERE id = ?",
                           (rule.kind, rule.cap_payer, rule.cap_percent_bp, rule.cap_pence, cap_category, case_id))
        # Each partner's percentage keeps its row, as an award's years do: a split saved unchanged deleted every
        # percentage and added it again under a new id, which the audit trail (and the county) read as removed.
        held = dict(store.conn.execute("SELECT organisation_id, percent_bp FROM dhr_split_percentages "
                                       "WHERE case_id = ? ORDER BY organisation_id", (case_id,)).fetchall())
        wanted = dict(sorted(rule.percent_bp.items()))
        store.conn.executemany("DELETE FROM dhr_split_percentages WHERE case_id = ? AND organisation_id = ?",
                               [(case_id, org_id) for org_id in held if org_id not in wanted])
        store.conn.executemany(
            "UPDATE dhr_split_percentages SET percent_bp = ? WHERE case_id = ? AND organisation_id = ?",
            [(bp, case_id, org_id) for org_id, bp in wanted.items() if org_id in held and held[org_id] != bp])
        store.conn.executemany(
            "INSERT INTO dhr_split_percentages(id, case_id, organisation_id, percent_bp) VALUES (?, ?, ?, ?)",
            [(new_id(), case_id, org_id, bp) for org_id, bp in wanted.items() if org_id not in held])


def case_cost_pence(store: Store, case_id: str) -> int:
    return int(store.scalar("SELECT coalesce(sum(amount_pence), 0) FROM dhr_cost_lines WHERE case_id = ?",
                            (case_id,)))


def _capped_base(store: Store, case) -> int:
    return int(store.scalar("SELECT coalesce(sum(amount_pence), 0) FROM dhr_cost_lines WHERE case_id = ? "
                            "AND category = ?", (case["id"], case["cap_category"])))


def proposed_shares(store: Store, case_id: str, on: date | None = None) -> dict[str, int]:
    """What each statutory partner would be billed under the case's rule: the partners on the day ``on`` (the
    invoices' date; every partner the partnership has had with no day)."""
    case = _require_case(store, case_id)
    partners, rule = case_partners(store, case_id, on), split_rule(store, case_id)
    if on is not None:
        _refuse_parts_for_others(store, case, rule, partners, on)
    return rules.dhr_cost_shares(case_cost_pence(store, case_id), partners, rule,
                                 capped_base_pence=_capped_base(store, case))


def _first_shares(store: Store, case_id: str) -> dict[str, int]:
    """What each partner has been billed for the review's costs (its shares; re-splits of refusals and the part
    the lead authority carries cover refusals, not costs), less what was refunded to it: a refund gives back what
    it paid beyond its share, so the cost that paid for is billed again (``shares_to_bill``)."""
    refunded = refunded_by_partner(store, case_id)
    return {r["organisation_id"]: int(r["billed"]) - refunded.get(r["organisation_id"], 0) for r in store.rows(
        "SELECT organisation_id, sum(amount_pence) AS billed FROM dhr_shares WHERE case_id = ? AND kind = 'share' "
        "GROUP BY organisation_id ORDER BY organisation_id", (case_id,))}


def refunded_by_partner(store: Store, case_id: str, as_at: date | None = None) -> dict[str, int]:
    """What was refunded to each partner on the review (as at a day: the refunds dated on or before it)."""
    until = "9999-12-31" if as_at is None else as_at.isoformat()
    return {r[0]: int(r[1]) for r in store.rows(
        "SELECT organisation_id, sum(amount_pence) FROM dhr_refunds WHERE case_id = ? AND refunded_on <= ? "
        "GROUP BY organisation_id", (case_id, until))}


def _paid_for_costs(store: Store, case_id: str) -> dict[str, int]:
    """What each partner paid on its invoices for the review's costs (not on a re-split of a refusal)."""
    return {r[0]: int(r[1]) for r in store.rows(
        "SELECT s.organisation_id, sum(p.amount_pence) FROM dhr_payments p JOIN dhr_shares s ON s.id = p.share_id "
        "WHERE s.case_id = ? AND s.kind = 'share' GROUP BY s.organisation_id", (case_id,))}


def _fresh_shares(store: Store, case_id: str, sharing: Mapping[str, int]) -> dict[str, int]:
    """Each sharing partner's share of the review's whole cost split afresh among them (a partner left out by billing
    again keeps what it was billed, and shares none of the rest). A review whose costs added since were billed to a
    partner that joined after the first billing (``further_partners``: the ICB in place of the CCGs) was shared in
    parts among different partners: each partner's share is what it was billed for the costs (a whole split afresh
    would have the partners first billed owing less than their invoices, and read them as overpaid)."""
    if _joined_since_billed(store, case_id, sharing):
        return dict(sharing)
    cost = case_cost_pence(store, case_id) - sum(_first_shares(store, case_id).values()) + sum(sharing.values())
    return rules.dhr_cost_shares(max(cost, 0), list(sharing), split_rule(store, case_id),
                                 capped_base_pence=_capped_base(store, _require_case(store, case_id)))


def overpaid_credits(store: Store, case_id: str) -> dict[str, int]:
    """Per partner, what it paid for the review's costs beyond its share of them, less what was refunded to it: the
    most it may be refunded (``rules.overpaid_credit``). Its share is that of the whole cost split afresh among the
    partners sharing it (as billing costs added since counts it: ``_say_overpaid_since``); a partner billing again
    left out shares none of it. Read from the invoices, payments and refunds, never from an invoice's Reason."""
    paid = _paid_for_costs(store, case_id)
    sharing = _sharing_partners(store, case_id)
    if not paid or not sharing:
        return {}
    refunded = refunded_by_partner(store, case_id)
    try:
        fresh = _fresh_shares(store, case_id, sharing)
    except DhrError:  # a split the partners no longer fit: nothing to say overpaid until it is billed again
        return {}
    credits = {org: rules.overpaid_credit(pence, refunded.get(org, 0), fresh.get(org, 0))
               for org, pence in paid.items()}
    return {org: pence for org, pence in credits.items() if pence}


def _sharing_partners(store: Store, case_id: str) -> dict[str, int]:
    """The partners billed for the review's costs who share what comes after (costs added since, a refusal re-split),
    with what each was billed. One billed whose membership is recorded on other days than the one the review was first
    billed (its end recorded since), left out by billing again with another split and keeping what it paid, is billed
    nothing more, unless the split names it (the capped payer)."""
    billed = _first_shares(store, case_id)
    case, first = _require_case(store, case_id), first_billed_on(store, case_id)
    if not billed or first is None or not case["partnership_id"]:
        return billed
    rule = split_rule(store, case_id)
    named = {rule.cap_payer} | {o for o, bp in rule.percent_bp.items() if bp}
    days = statutory_partner_days(store, case["partnership_id"])
    recorded = {org.id for org, _, _ in days}
    on_day = {org.id for org, start, end in days if (start is None or start <= first) and (end is None or first <= end)}
    # one that joined since and was billed for costs added after (``further_partners``) shares what comes after too
    joined = {org.id for org, start, _ in days if start is not None and start > first}
    sharing = {o: pence for o, pence in billed.items()
               if o in on_day or o in named or o not in recorded or o in joined}
    return sharing or billed


def _joined_since_billed(store: Store, case_id: str, sharing: Mapping[str, int]) -> bool:
    """Whether a partner sharing the review's costs joined its partnership after the review was first billed (billed
    for costs added since: ``further_partners``)."""
    case, first = _require_case(store, case_id), first_billed_on(store, case_id)
    if first is None or not case["partnership_id"]:
        return False
    days = statutory_partner_days(store, case["partnership_id"])
    on_day = {org.id for org, start, end in days if (start is None or start <= first) and (end is None or first <= end)}
    return any(org.id in sharing and org.id not in on_day and start is not None and start > first
               for org, start, _ in days)


def _agreed_nothing(rule: SplitRule, organisation_id: str) -> bool:
    """A partner a percentage split gives 0%: it is sent no invoice (one of £0 was issued, numbered and listed in
    the Ledger as billed), and a cost added later or a refusal re-split gives it nothing either."""
    return rule.kind == "percentages" and not rule.percent_bp.get(organisation_id, 0)


def _billed_for_costs(store: Store, case_id: str) -> int:
    return sum(_first_shares(store, case_id).values())


def unbilled_pence(store: Store, case_id: str) -> int:
    """The review's costs the partners have not been billed for yet (costs added since the invoices)."""
    return case_cost_pence(store, case_id) - _billed_for_costs(store, case_id)


FIRST_BILLED, ON_THE_DAY = "first billed", "on the day"  # who shares costs added since (``further_partners``)


def partners_changed_since_billed(store: Store, case_id: str, on: date) -> bool:
    """Whether costs added since the partners were billed, billed on ``on``, may go to other partners than those first
    billed: the review is split equally and its partnership's statutory partners on ``on`` are not those sharing its
    costs (the ICB in place of the two CCGs from 01/07/2022). Bill partners asks then which of them share the costs
    added since (``further_partners``). A split by percentages or with a partner paying first names its partners: it
    is changed with Bill again with another split. Nor is it asked where a partner was refunded or holds a credit
    (paid beyond its share): what is billed then is brought to the partners short of their shares first billed."""
    case = _require_case(store, case_id)
    if not _first_shares(store, case_id) or not case["partnership_id"] or split_rule(store, case_id).kind != "equal":
        return False
    if refunded_by_partner(store, case_id) or overpaid_credits(store, case_id):
        return False
    now = {o.id for o in statutory_partners(store, case["partnership_id"], on)}
    return bool(now) and now != set(_sharing_partners(store, case_id))


def further_partners(store: Store, case_id: str, on: date | None, sharing: str = ON_THE_DAY) -> list[str] | None:
    """Who shares the costs added since the partners were billed, billed on ``on``: where they changed since
    (``partners_changed_since_billed``), the statutory partners on ``on`` (ON_THE_DAY, the default: DESIGN.md shares a
    review's cost among the CSP's statutory partners, and a partner that joined is one of them) or the partners first
    billed (FIRST_BILLED); None where nothing changed (each billed partner is brought to its share:
    ``shares_to_bill``)."""
    if sharing not in (ON_THE_DAY, FIRST_BILLED):
        raise DhrError(f"Who shares the costs added since: {sharing!r} is not one of {ON_THE_DAY!r}, {FIRST_BILLED!r}.")
    if on is None or sharing == FIRST_BILLED or not partners_changed_since_billed(store, case_id, on):
        return None
    return case_partners(store, case_id, on)


def shares_to_bill(store: Store, case_id: str, on: date | None = None, sharing: str = ON_THE_DAY) -> dict[str, int]:
    """What Bill partners would invoice on the day ``on``: the first shares, among the statutory partners on that
    day, or, after billing, each billed partner's share of the costs added since (``rules.further_shares``): none
    to a partner that was billed more than its share of the cost as it now stands (it holds a credit). Where the
    partners changed since the first billing (``further_partners``: a partner joined or left), the costs added since
    are split afresh among the partners on ``on`` (ON_THE_DAY, the default), or among those first billed."""
    billed = _first_shares(store, case_id)
    if not billed:
        return proposed_shares(store, case_id, on)
    if (partners := further_partners(store, case_id, on, sharing)) is not None:
        unbilled = case_cost_pence(store, case_id) - sum(billed.values())
        return rules.dhr_cost_shares(max(unbilled, 0), sorted(partners), split_rule(store, case_id))
    case, sharing_partners = _require_case(store, case_id), _sharing_partners(store, case_id)
    # A partner left out keeps what it was billed: the others share the rest of the cost.
    cost = case_cost_pence(store, case_id) - sum(billed.values()) + sum(sharing_partners.values())
    # What a refund gave back, or a cost put back after the partners paid, is billed to the partners short of their
    # shares, each to the same part of its share, as billing again does: a partner still holding more than its share
    # (overpaid, not yet refunded) is billed none of it.
    return rules.further_shares(cost, sharing_partners, split_rule(store, case_id),
                                capped_base_pence=_capped_base(store, case))


def invoices_to_send(store: Store, case_id: str, on: date | None = None, sharing: str = ON_THE_DAY) -> dict[str, int]:
    """The invoices Bill partners dated ``on`` sends, by partner: the first go to every partner (a £0 share included:
    it keeps the partner in later splits), but one the split gives 0% (it agreed to pay nothing, and shares nothing
    later); further ones only to the partners with something to pay."""
    further, rule = bool(_first_shares(store, case_id)), split_rule(store, case_id)
    return {k: v for k, v in shares_to_bill(store, case_id, on, sharing).items()
            if v or not (further or _agreed_nothing(rule, k))}


def former_partners_billed(store: Store, case_id: str, on: date,
                           sharing: str = ON_THE_DAY) -> list[tuple[str, date | None]]:
    """The partners further invoices dated ``on`` go to (the review's split, to the partners first billed) that are
    no longer statutory partners of its partnership that day (the CCGs after 30/06/2022), by name, each with its last
    day as one; [] before the first invoices (they go to the partners of their day) or where none has left."""
    if not _first_shares(store, case_id):
        return []
    case = _require_case(store, case_id)
    if not case["partnership_id"]:
        return []
    billed = {k for k, v in invoices_to_send(store, case_id, on, sharing).items() if v}
    members = statutory_partner_days(store, case["partnership_id"])
    now = {o.id for o, first, last in members if (first is None or first <= on) and (last is None or on <= last)}
    last_days = {}
    for o, _first, last in members:
        if o.id in billed and o.id not in now and last is not None and last < on:
            last_days[o.id] = (o.name, max(last, last_days.get(o.id, (o.name, last))[1]))
    return sorted(last_days.values())


def _shares(store: Store, case_id: str):
    return store.rows("SELECT * FROM dhr_shares WHERE case_id = ?", (case_id,))


def case_invoice_prefix(store: Store, case_id: str) -> str:
    """What the partners' invoices for the case are numbered after: that of its first invoices ("MSDC-DHR1-" of
    MSDC-DHR1-01 … 11), so further ones carry on their series; before any, the case's reference and a dash."""
    for ref, in store.rows("SELECT invoice_ref FROM dhr_shares WHERE case_id = ? AND kind = 'share' "
                           "ORDER BY invoiced_on, invoice_ref", (case_id,)):
        stem = (ref or "").rstrip("0123456789")
        if stem and stem != ref:
            return stem
    return f"{store.scalar('SELECT reference FROM dhr_cases WHERE id = ?', (case_id,))}-"


def case_due_days(store: Store, case_id: str) -> int | None:
    """The days to pay of the review's latest invoices for its costs (None before any): further invoices are due on
    the same terms (a review billed on 60 days' terms), as a re-split is due on those of the invoice refused."""
    row = store.one("SELECT invoiced_on, due_on FROM dhr_shares WHERE case_id = ? AND kind = 'share' "
                    "AND invoiced_on IS NOT NULL AND due_on IS NOT NULL ORDER BY invoiced_on DESC, invoice_ref DESC "
                    "LIMIT 1", (case_id,))
    return None if row is None else max((_from_iso(row["due_on"]) - _from_iso(row["invoiced_on"])).days, 0)


MAX_DUE_DAYS = 3650


def _due_after(day: date, due_days: int) -> date:
    """When invoices dated ``day`` fall due: no sooner than that day, and within ten years (more would be past any
    date a file can hold)."""
    if due_days < 0:
        raise DhrError("Days to pay: cannot be negative.")
    if due_days > MAX_DUE_DAYS:
        raise DhrError(f"Days to pay: at most {MAX_DUE_DAYS:,} (ten years).")
    return day + timedelta(days=due_days)


def further_date_refusal(store: Store, case_id: str, day: date | None) -> str:
    """Why further invoices (costs added since the partners were billed) cannot be dated ``day`` ("" when they can):
    before the review's latest invoices for its costs. The position as at a day between would have the partners owing
    the costs added later for a review not yet billed (before the first invoices), or top-ups to a share of costs
    whose earlier further invoices were not yet sent (they are split and numbered on from those)."""
    latest = store.one("SELECT invoiced_on, invoice_ref FROM dhr_shares WHERE case_id = ? AND kind = 'share' "
                       "ORDER BY invoiced_on DESC, invoice_ref DESC LIMIT 1", (case_id,))
    last = _from_iso(latest["invoiced_on"]) if latest else None
    if day is None or last is None or day >= last:
        return ""
    first = first_billed_on(store, case_id)
    if last == first:
        return (f"Invoice date: {format_uk_date(day)} is before the partners' first invoices for this review "
                f"({format_uk_date(first)}); costs added since are billed on or after {format_uk_date(first)}.")
    return (f"Invoice date: {format_uk_date(day)} is before the partners' latest invoices for this review's costs "
            f"({format_uk_date(last)}, {latest['invoice_ref']}); costs added since are billed on from them, so on or "
            f"after {format_uk_date(last)}.")


NO_COSTS_YET = "The case has no costs yet: add its cost lines before billing the partners."
ALL_BILLED = "The partners have already been billed for all of this case's costs."


def bill_partners(store: Store, case_id: str, *, invoiced_on: Any, due_days: int = DEFAULT_DUE_DAYS,
                  invoice_prefix: str = "", sharing: str = ON_THE_DAY) -> dict[str, int]:
    """Invoice each statutory partner on the invoice date its share of the case's cost; returns the shares by
    organisation id.

    Once billed, costs added since are billed the same way to the same partners (``shares_to_bill``), their
    invoices numbered on from the first ones; where the partners changed since (a partner joined or left), to those
    ``sharing`` says: the statutory partners on the invoice date (the default) or those first billed."""
    day = as_date(invoiced_on, "Invoice date", required=True)
    due = _due_after(day, due_days)
    cost = case_cost_pence(store, case_id)
    if cost <= 0:
        raise DhrError(NO_COSTS_YET)
    further = bool(billed := _first_shares(store, case_id))
    if further and cost <= sum(billed.values()):
        raise DhrError(ALL_BILLED)
    if refusal := further_date_refusal(store, case_id, day):
        raise DhrError(refusal)
    shares = invoices_to_send(store, case_id, day, sharing)
    prefix = invoice_code(invoice_prefix, "Invoice prefix") or case_invoice_prefix(store, case_id)
    # Numbered on past the highest number of the series (its re-split invoices, "-05-R01", are not in it), never
    # one the file has held: an invoice taken away by an undo or a reopen was sent, perhaps for another amount.
    refs = _next_refs(_invoice_refs_used(store, prefix), prefix)
    with store.transaction():
        if not further:  # the day its costs are shared on, whatever billing again does to these invoices
            store.conn.execute("UPDATE dhr_cases SET first_billed_on = ? WHERE id = ?", (_iso(day), case_id))
        for ref, (org_id, pence) in zip(refs, sorted(shares.items())):
            store.conn.execute(
                "INSERT INTO dhr_shares(id, case_id, organisation_id, kind, amount_pence, invoice_ref, invoiced_on, "
                "due_on) VALUES (?, ?, ?, 'share', ?, ?, ?, ?)",
                (new_id(), case_id, org_id, pence, ref, _iso(day), _iso(due)))
        if further:
            _say_overpaid_since(store, case_id, day)
    return shares


@dataclass(frozen=True)
class Rebilling:
    """What billing a review again with another split does to each partner's invoices (``rebill_plan``)."""

    rule: SplitRule
    invoiced_on: date
    due_on: date
    cancelled: tuple[dict, ...]  # invoices nothing was paid on: cancelled (their numbers are never used again)
    closed_at_paid: tuple[dict, ...]  # part-paid invoices: closed at what was paid, the rest cancelled
    kept_pence: dict[str, int]  # per partner, what stays billed: paid, refused or written off
    new: dict[str, tuple[str, int]]  # per partner, its new invoice (reference, amount)
    shares: dict[str, int]  # per partner, its share of the whole cost under the new split
    names: dict[str, str]
    overpaid: dict[str, int] = field(default_factory=dict)  # per partner, paid beyond its new share (never billed back)

    def overpaid_words(self, org: str) -> str:
        """"Overpaid £227.27 (paid £684.15 of a £456.88 share once billed again on 10/09/2018): carried forward to
        the review's cost, …" ("" when not): said on the partner's invoice, where the Shares table shows it."""
        over = self.overpaid.get(org, 0)
        if not over:
            return ""
        share = self.shares.get(org, 0)
        return (f"Overpaid {format_money(over)} (paid {format_money(share + over)} of a {format_money(share)} share "
                f"once billed again on {format_uk_date(self.invoiced_on)}): carried forward to the review's cost, so "
                f"the other partners were billed that much less, until it is refunded (Refund excess…)")

    def describe(self, reference: str) -> str:
        """The question asked first, partner by partner: what is cancelled, kept and billed."""
        lines = [f"Bill the partners for {reference} again with another split, on {format_uk_date(self.invoiced_on)} "
                 f"(due {format_uk_date(self.due_on)})? Each partner's invoices not yet paid are cancelled and it is "
                 "billed what it is short of its new share; every payment and refusal is kept."]
        for org in sorted(set(self.kept_pence) | set(self.new) | {r["organisation_id"] for r in self.cancelled},
                          key=lambda o: self.names.get(o, o).casefold()):
            said = [f"{r['invoice_ref']} ({format_money(r['amount_pence'])}) cancelled"
                    for r in self.cancelled if r["organisation_id"] == org]
            said += [f"{r['invoice_ref']} closed at the {format_money(r['paid'])} paid of "
                     f"{format_money(r['amount_pence'])}" for r in self.closed_at_paid if r["organisation_id"] == org]
            share, kept = self.shares.get(org, 0), self.kept_pence.get(org, 0)
            if org in self.new:
                said.append(f"billed {format_money(self.new[org][1])} ({self.new[org][0]})")
            if kept > share:
                said.append(f"keeps {format_money(kept)} paid, refused or written off, {format_money(kept - share)} "
                            f"more than its {format_money(share)} share now: nothing is billed back, and the others "
                            "are billed the rest")
                if self.overpaid.get(org):  # said on its invoice too, where the Shares table shows it
                    said.append(f"overpaid {format_money(self.overpaid[org])}, carried forward to the review's cost "
                                "(said on its invoice)")
            elif not said:
                said.append("nothing changes")
            lines.append(f"• {self.names.get(org, org)}: {'; '.join(said)}.")
        return "\n".join(lines)

    def summary(self) -> str:
        """In one sentence: what is cancelled, closed and billed anew (a correction's question, beside its amount)."""
        said = []
        if self.cancelled:
            said.append(f"{len(self.cancelled)} invoice{'s' if len(self.cancelled) != 1 else ''} not yet paid "
                        f"cancelled ({', '.join(r['invoice_ref'] for r in self.cancelled)})")
        if self.closed_at_paid:
            said.append(f"{', '.join(r['invoice_ref'] for r in self.closed_at_paid)} closed at what was paid")
        billed = sum(pence for _, pence in self.new.values())
        said.append(f"{format_money(billed)} billed on new invoices dated {format_uk_date(self.invoiced_on)}"
                    if billed else "nothing billed anew")
        return "; ".join(said) + ". Every payment and refusal is kept."


def rebill_plan(store: Store, case_id: str, kind: str, *, on: Any, due_days: int | None = None,
                percentages: dict[str, Any] | None = None, cap_payer: str | None = None, cap_percent: Any = "50",
                cap_amount: Any = None, cap_category: str = "Independent chair/author",
                cost_pence: int | None = None, capped_base_pence: int | None = None) -> Rebilling:
    """What billing the review again with another split (set_split_rule's arguments) on the day ``on`` would do.

    For a split found wrong after the partners were billed (equal shares instead of the capped part agreed, a
    partner left out or one included who should not be): the invoices nothing was paid on are cancelled, a part-paid
    one is closed at what was paid, and a share paid, refused or written off stays as it is (with the re-split or
    carrying of a refusal). Each statutory partner on the day of the first invoices is then billed what it is short
    of its share of the whole cost under the new split (``rules.rebilled_shares``), on new invoice numbers.
    ``cost_pence`` and ``capped_base_pence``: the costs as a correction of a cost line would leave them
    (``correction_rebilling``)."""
    case = _require_case(store, case_id)
    firsts = store.rows("SELECT s.*, (SELECT coalesce(sum(p.amount_pence), 0) FROM dhr_payments p "
                        "WHERE p.share_id = s.id) AS paid FROM dhr_shares s WHERE s.case_id = ? AND s.kind = 'share' "
                        "ORDER BY s.invoice_ref", (case_id,))
    if not firsts:
        raise DhrError("The partners have not been billed for this case yet: change the split with Split… and bill "
                       "them with Bill partners.")
    day = as_date(on, "Invoice date", required=True)
    latest = store.one("SELECT invoiced_on, invoice_ref FROM dhr_shares WHERE case_id = ? AND invoiced_on IS NOT NULL "
                       "ORDER BY invoiced_on DESC, invoice_ref DESC LIMIT 1", (case_id,))
    if latest is not None and day < _from_iso(latest["invoiced_on"]):
        raise DhrError(f"Invoice date: {format_uk_date(day)} is before the review's latest invoice "
                       f"({latest['invoice_ref']}, {format_uk_date(_from_iso(latest['invoiced_on']))}); the new "
                       "invoices are dated on or after it.")
    terms = case_due_days(store, case_id)  # the terms of the invoices before, as further invoices are
    due = _due_after(day, due_days if due_days is not None else DEFAULT_DUE_DAYS if terms is None else terms)
    # Shared among the statutory partners on the day the review was first billed, as a re-split is among those billed:
    # a partner that joined the partnership since is no newcomer to bill, one that has left it since still shares.
    shared_on = first_billed_on(store, case_id) or day
    rule = _typed_split_rule(store, case_id, kind, percentages=percentages, cap_payer=cap_payer,
                             cap_percent=cap_percent, cap_amount=cap_amount, on=shared_on)
    cost = case_cost_pence(store, case_id) if cost_pence is None else cost_pence
    partners = case_partners(store, case_id, shared_on)
    # The same split again changes something only where the partners on that day are not those billed (a partner
    # left out, its membership recorded since, or one billed that was not a partner then), or where the invoices do
    # not follow it: a cost line's category corrected since billing (the chair's invoice keyed as Administration)
    # changes the capped part, and billing again with the split agreed was refused as changing nothing.
    base = capped_base_pence if capped_base_pence is not None else int(store.scalar(
        "SELECT coalesce(sum(amount_pence), 0) FROM dhr_cost_lines WHERE case_id = ? AND category = ?",
        (case_id, cap_category)))
    # (A partner the split gives 0% is not billed, nor counted among those billed if a file gave it a £0 invoice.)
    billed = {p: v for p, v in _first_shares(store, case_id).items() if v or not _agreed_nothing(rule, p)}
    if (rule == split_rule(store, case_id) and cap_category == case["cap_category"]
            and cost == _billed_for_costs(store, case_id)
            and {p for p in partners if not _agreed_nothing(rule, p)} == set(billed)
            and {p: v for p, v in rules.dhr_cost_shares(cost, partners, rule, capped_base_pence=base).items()
                 if p in billed} == billed):
        raise DhrError("This is the split the partners were billed with, among the same partners: choose another one "
                       "to bill them again.")
    _refuse_parts_for_others(store, case, rule, partners, shared_on)
    kept: dict[str, int] = {}
    paid_kept: dict[str, int] = {}  # what each partner paid on its invoices kept
    for org, pence in refunded_by_partner(store, case_id).items():  # given back: no longer kept, nor paid
        kept[org], paid_kept[org] = -pence, -pence
    cancelled, closed = [], []
    for row in map(dict, firsts):
        org, paid = row["organisation_id"], int(row["paid"])
        paid_kept[org] = paid_kept.get(org, 0) + paid
        if row["status"] != "invoiced" or paid >= row["amount_pence"]:
            kept[org] = kept.get(org, 0) + row["amount_pence"]  # paid in full, refused or written off: as it is
        elif paid:
            closed.append(row)
            kept[org] = kept.get(org, 0) + paid
        else:
            cancelled.append(row)
    if sum(kept.values()) > cost:
        raise DhrError(f"The partners have paid, refused or written off {format_money(sum(kept.values()))} of this "
                       f"review's costs, more than the {format_money(cost)} they would come to: a cost paid for "
                       "stays on the review.")
    parts = rules.rebilled_shares(cost, kept, partners, rule, capped_base_pence=base)
    prefix = case_invoice_prefix(store, case_id)
    refs = _next_refs(_invoice_refs_used(store, prefix), prefix)
    # A partner with nothing kept is billed even £0 (a capped payer covering it all): it stays in later splits. A
    # review whose costs were all taken off (keyed in error) bills nobody: its invoices are withdrawn, none issued in
    # their place (ten £0 invoices "in place of" them, and a ledger row of zeros per partner, were issued).
    new = {org: (ref, pence) for ref, (org, pence) in
           zip(refs, sorted((o, p) for o, p in parts.items() if p or not (o in kept or _agreed_nothing(rule, o))))
           } if cost else {}
    names = {r["id"]: r["name"] for r in store.rows("SELECT id, name FROM organisations")}
    shares = rules.dhr_cost_shares(cost, partners, rule, capped_base_pence=base)
    # Paid beyond its share of the new split: the others are billed that much less, and it is said on its invoice.
    overpaid = {org: paid - shares.get(org, 0) for org, paid in paid_kept.items() if paid > shares.get(org, 0)}
    return Rebilling(rule, day, due, tuple(cancelled), tuple(closed), kept, new, shares, names, overpaid)


def first_billed_on(store: Store, case_id: str) -> date | None:
    """The day the review's partners were first billed for its costs (None before any invoice): kept on the review
    when it is first billed, as billing again with another split deletes the invoices it cancels. A review merged from
    an office's older program has none kept: the day of its earliest invoices for its costs."""
    return _from_iso(store.scalar("SELECT coalesce(c.first_billed_on, min(s.invoiced_on)) FROM dhr_shares s "
                                  "JOIN dhr_cases c ON c.id = s.case_id WHERE s.case_id = ? AND s.kind = 'share'",
                                  (case_id,)))


def rebill_with_split(store: Store, case_id: str, kind: str, *, on: Any, due_days: int | None = None,
                      cap_category: str = "Independent chair/author", said: str = "", **split: Any) -> Rebilling:
    """Bill the review's partners again with another split, in one step (``rebill_plan`` says what it does).
    ``said``: why, on the new invoices and those closed at what was paid (a cost corrected, with the review's own
    split); "billed again with another split on …" unless given."""
    plan = rebill_plan(store, case_id, kind, on=on, due_days=due_days, cap_category=cap_category, **split)
    said = said or f"billed again with another split on {format_uk_date(plan.invoiced_on)}"
    with store.transaction():
        _store_split_rule(store, case_id, plan.rule, cap_category)
        _keep_as_sent(store, case_id, plan)
        store.conn.executemany("DELETE FROM dhr_shares WHERE id = ?", [(r["id"],) for r in plan.cancelled])
        for r in plan.closed_at_paid:
            show = any_pence((r["paid"], r["amount_pence"]))  # "£400.00 paid of £684.14", never "£400 … £684.14"
            store.conn.execute("UPDATE dhr_shares SET amount_pence = ?, reason = ? WHERE id = ?",
                               (r["paid"], f"Closed at the {format_money(r['paid'], show_pence=show)} paid of "
                                           f"{format_money(r['amount_pence'], show_pence=show)}: {said}", r["id"]))
        _say_overpaid(store, case_id, plan)
        for org, (ref, pence) in plan.new.items():
            replaced = [r["invoice_ref"] for r in (*plan.cancelled, *plan.closed_at_paid)
                        if r["organisation_id"] == org]
            reason = said[0].upper() + said[1:] + (f", in place of {', '.join(replaced)}" if replaced else "")
            store.conn.execute(
                "INSERT INTO dhr_shares(id, case_id, organisation_id, kind, amount_pence, invoice_ref, invoiced_on, "
                "due_on, reason) VALUES (?, ?, ?, 'share', ?, ?, ?, ?, ?)",
                (new_id(), case_id, org, pence, ref, _iso(plan.invoiced_on), _iso(plan.due_on), reason))
    return plan


def _keep_as_sent(store: Store, case_id: str, plan: Rebilling) -> None:
    """Each invoice billing again withdraws (deleted) or closes at what was paid (lowered to it), kept as it was sent
    with the day: the ledger as at a day before it shows the invoice as it stood then (``withdrawn_invoices``)."""
    rows = [(r, None) for r in plan.cancelled] + [(r, int(r["paid"])) for r in plan.closed_at_paid]
    store.conn.executemany(
        "INSERT INTO dhr_withdrawn_invoices(id, case_id, organisation_id, share_id, invoice_ref, invoiced_on, due_on, "
        "amount_pence, withdrawn_on, closed_at_pence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(new_id(), case_id, r["organisation_id"], None if closed is None else r["id"], r["invoice_ref"],
          r["invoiced_on"], r["due_on"], r["amount_pence"], _iso(plan.invoiced_on), closed) for r, closed in rows])


def _say_overpaid(store: Store, case_id: str, plan: Rebilling) -> None:
    """Each partner that paid beyond its share of the new split: said on its latest invoice paid on (the Shares
    table's Reason), as its invoices stay as sent and the others are billed that much less."""
    for org in plan.overpaid:
        row = store.one("SELECT s.id, s.reason FROM dhr_shares s WHERE s.case_id = ? AND s.organisation_id = ? "
                        "AND s.kind = 'share' AND EXISTS (SELECT 1 FROM dhr_payments p WHERE p.share_id = s.id) "
                        "ORDER BY s.invoiced_on DESC, s.invoice_ref DESC LIMIT 1", (case_id, org))
        if row is not None:
            words = plan.overpaid_words(org) + "."
            store.conn.execute("UPDATE dhr_shares SET reason = ? WHERE id = ?",
                               ("; ".join(filter(None, (row["reason"], words))), row["id"]))


NO_LONGER_OVERPAID = "so it is no longer overpaid."
# The partner's share as its invoice last said it: "of a £456.88 share" (billed again), or "… is now £684.15" (billed
# for costs added since).
_SHARE_SAID = re.compile(r"of a (£\d{1,3}(?:,\d{3})*(?:\.\d{2})?) share|the review's cost is now "
                         r"(£\d{1,3}(?:,\d{3})*(?:\.\d{2})?)")


def _share_said(reason: str) -> int | None:
    """The share a partner's invoice last said was its own (``_say_overpaid``, ``_say_overpaid_since``); None when it
    says none. A billing that leaves it so (what a refund gave back billed to the others: the cost is as it was) has
    nothing to add to the invoice: "for costs added since" would be said of none."""
    found = _SHARE_SAID.findall(reason or "")
    if not found:
        return None
    try:
        return parse_pence(next(filter(None, found[-1])))
    except MoneyError:
        return None


def _say_overpaid_since(store: Store, case_id: str, day: date) -> None:
    """A partner said to have overpaid on its invoice (``_say_overpaid``) whose share has risen since (costs added and
    billed): what it has overpaid now, or that it is no longer overpaid, said after it on the same invoice, so the
    Reason never goes on saying the others were billed less than they were."""
    overpaid = store.rows("SELECT s.id, s.organisation_id, s.reason FROM dhr_shares s WHERE s.case_id = ? "
                          "AND s.kind = 'share' AND (s.reason LIKE 'Overpaid %' OR s.reason LIKE '%; Overpaid %')",
                          (case_id,))
    if not overpaid:
        return
    fresh = _fresh_shares(store, case_id, _sharing_partners(store, case_id))
    paid_for_costs, refunded = _paid_for_costs(store, case_id), refunded_by_partner(store, case_id)
    for row in overpaid:
        org = row["organisation_id"]
        if org not in fresh or row["reason"].endswith(NO_LONGER_OVERPAID):  # not sharing, or said once already
            continue
        share = fresh.get(org, 0)
        if _share_said(row["reason"]) == share:  # no cost added: what a refund gave back, billed again to the others
            continue
        paid = paid_for_costs.get(org, 0) - refunded.get(org, 0)
        said = (f"Billed on {format_uk_date(day)} for costs added since: its share of the review's cost is now "
                f"{format_money(share)}")
        said += (f", so it has overpaid {format_money(paid - share)}." if paid > share else
                 f", {'what' if paid == share else 'more than'} it paid, {NO_LONGER_OVERPAID}")
        store.conn.execute("UPDATE dhr_shares SET reason = ? WHERE id = ?", (f"{row['reason']}; {said}", row["id"]))


def _share_state(store: Store, share_id: str) -> tuple[Any, ShareState]:
    row = store.one("SELECT * FROM dhr_shares WHERE id = ?", (share_id,))
    if row is None:
        raise DhrError("That share no longer exists.")
    paid = int(store.scalar("SELECT coalesce(sum(amount_pence), 0) FROM dhr_payments WHERE share_id = ?",
                            (share_id,)))
    return row, ShareState(row["amount_pence"], paid, row["status"], _from_iso(row["due_on"]))


def record_payment(store: Store, share_id: str, *, paid_on: Any, amount: Any, reference: str = "") -> str:
    """A payment (or part-payment) of a share; more than is outstanding is refused."""
    row, state = _share_state(store, share_id)
    day = as_date(paid_on, "Paid on", required=True)
    pence = as_pence(amount, "Amount paid", allow_zero=False)
    reference = free_text(reference, "Payment reference")
    rules.check_payment(state, pence)
    payment_id = new_id()
    with store.transaction():
        store.conn.execute("INSERT INTO dhr_payments(id, share_id, paid_on, amount_pence, reference) "
                           "VALUES (?, ?, ?, ?, ?)", (payment_id, share_id, _iso(day), pence, reference))
    return payment_id


def record_payments(store: Store, payments: Iterable[tuple[str, Any, Any, str]]) -> list[str]:
    """Several payments at once (share id, paid on, amount, reference: rows pasted from a finance system's report),
    all in one transaction or none: each is ``record_payment``, so what is outstanding counts the payments recorded
    before it on the same share; a refusal names the invoice."""
    ids = []
    with store.transaction():
        for share_id, paid_on, amount, reference in payments:
            try:
                ids.append(record_payment(store, share_id, paid_on=paid_on, amount=amount, reference=reference))
            except DhrError as exc:
                invoice = store.scalar("SELECT invoice_ref FROM dhr_shares WHERE id = ?", (share_id,))
                raise DhrError(f"{invoice}: {exc}" if invoice else str(exc)) from None
    return ids


def close_date_refusal(store: Store, share_id: str, day: date | None, status: str = "refused") -> str:
    """Why a refusal or write-off of the share cannot be dated ``day`` ("" when it can): before a payment on it. What
    is refused is what had not been paid, so the position as at a day between would count that payment as refused."""
    last = store.one("SELECT paid_on, amount_pence FROM dhr_payments WHERE share_id = ? ORDER BY paid_on DESC, "
                     "rowid DESC LIMIT 1", (share_id,))
    if day is None or last is None or day >= date.fromisoformat(last["paid_on"]):
        return ""
    paid_on = format_uk_date(date.fromisoformat(last["paid_on"]))
    return (f"Date: {format_uk_date(day)} is before the payment of {format_money(last['amount_pence'])} on {paid_on}; "
            f"what is {status} is what had not been paid, so date it on or after {paid_on}.")


def _close_share(store: Store, share_id: str, status: str, on: Any, reason: str) -> None:
    row, state = _share_state(store, share_id)
    day = as_date(on, "Date", required=True)
    if refusal := close_date_refusal(store, share_id, day, status):
        raise DhrError(refusal)
    reason = free_text(reason, "Reason")
    if not reason:
        raise DhrError("Reason: say why (e.g. “National Probation Service: national policy not to contribute”).")
    if state.status != "invoiced":
        raise DhrError(f"This share is already {state.status}.")
    if state.outstanding_pence == 0:  # a share billed £0 (a capped payer covering the whole cost) was never paid
        said = "billed £0:" if state.amount_pence == 0 else "paid in full;"
        raise DhrError(f"This share is {said} there is nothing to " +
                       ("refuse." if status == "refused" else "write off."))
    with store.transaction():
        store.conn.execute("UPDATE dhr_shares SET status = ?, status_on = ?, reason = ? WHERE id = ?",
                           (status, _iso(day), reason, share_id))


def refuse_share(store: Store, share_id: str, *, on: Any, reason: str) -> None:
    """The partner will not pay what is left of its share (e.g. the National Probation Service)."""
    _close_share(store, share_id, "refused", on, reason)


def write_off_share(store: Store, share_id: str, *, on: Any, reason: str) -> None:
    _close_share(store, share_id, "written off", on, reason)


def share_payments(store: Store, share_id: str) -> list[dict]:
    """The payments recorded on a share, oldest first."""
    return [dict(r) for r in store.rows("SELECT id, paid_on, amount_pence, reference FROM dhr_payments "
                                        "WHERE share_id = ? ORDER BY paid_on, rowid", (share_id,))]


def delete_payment(store: Store, payment_id: str) -> None:
    """Remove a payment keyed in error (on the wrong partner's share, or the wrong amount); the share owes it again.

    Refused on a share refused or written off since (what was refused is what had not been paid: reopen the
    share first), and for the lead authority's carrying of a refusal, which is no payment anyone keyed."""
    row = store.one("SELECT s.status, s.kind FROM dhr_payments p JOIN dhr_shares s ON s.id = p.share_id "
                    "WHERE p.id = ?", (payment_id,))
    if row is None:
        raise DhrError("That payment no longer exists.")
    if row["kind"] == "carried":
        raise DhrError("This is the lead authority carrying a refused share, not a payment: reopen the refused "
                       "share instead. Nothing was changed.")
    if row["status"] != "invoiced":
        raise DhrError(f"This share is {row['status']}: what was {row['status']} is what had not been paid, so "
                       f"reopen the share first. Nothing was changed.")
    refunded = store.one("SELECT s.case_id, s.organisation_id, o.name FROM dhr_payments p JOIN dhr_shares s "
                         "ON s.id = p.share_id JOIN organisations o ON o.id = s.organisation_id WHERE p.id = ? AND "
                         "EXISTS (SELECT 1 FROM dhr_refunds r WHERE r.case_id = s.case_id "
                         "AND r.organisation_id = s.organisation_id)", (payment_id,))
    with store.transaction():
        store.conn.execute("DELETE FROM dhr_payments WHERE id = ?", (payment_id,))
        if refunded is not None and _refunded_beyond_credit(store, refunded["case_id"], refunded["organisation_id"]):
            # It would have been refunded more than it overpaid: the refund gave back part of this payment.
            raise DhrError(f"{refunded['name']} was refunded part of what this payment paid: delete the refund "
                           "first (More > Delete a refund…). Nothing was changed.")


def _refunded_beyond_credit(store: Store, case_id: str, org: str) -> bool:
    """Whether the partner now stands refunded more than it paid beyond its share."""
    paid = _paid_for_costs(store, case_id).get(org, 0)
    refunded = refunded_by_partner(store, case_id).get(org, 0)
    if not refunded:
        return False
    return paid - refunded < _share_now(store, case_id, org)


def _share_now(store: Store, case_id: str, org: str) -> int:
    """The partner's share of the review's whole cost split afresh among the partners sharing it (0 when it shares
    none: left out by billing again), as ``overpaid_credits`` counts it."""
    sharing = _sharing_partners(store, case_id)
    return _fresh_shares(store, case_id, sharing).get(org, 0) if org in sharing else 0


# -- refunds: giving back what a partner paid beyond its share ----------------------------------

@dataclass(frozen=True)
class RefundRow:
    id: str
    case_id: str
    organisation_id: str
    partner: str
    refunded_on: date
    amount_pence: int
    reference: str


def case_refunds(store: Store, case_id: str) -> list[RefundRow]:
    """The refunds recorded on a review, oldest first."""
    return [RefundRow(r["id"], r["case_id"], r["organisation_id"], r["partner"], date.fromisoformat(r["refunded_on"]),
                      int(r["amount_pence"]), r["reference"]) for r in store.rows(
        "SELECT r.*, o.name AS partner FROM dhr_refunds r JOIN organisations o ON o.id = r.organisation_id "
        "WHERE r.case_id = ? ORDER BY r.refunded_on, r.rowid", (case_id,))]


def refund_credit(store: Store, case_id: str, organisation_id: str) -> int:
    """The most that may be refunded to the partner on the review now (``overpaid_credits``)."""
    _require_case(store, case_id)
    return overpaid_credits(store, case_id).get(organisation_id, 0)


def record_refund(store: Store, case_id: str, organisation_id: str, *, refunded_on: Any, amount: Any,
                  reference: str = "") -> str:
    """Give back to a partner what it paid beyond its share of the review (billed again with another split after it
    paid its old, larger share): at most its overpaid credit. The review's cost the refund had covered is then not
    billed to anyone: Bill partners bills it to the partners short of their shares."""
    _require_case(store, case_id)
    name = store.scalar("SELECT name FROM organisations WHERE id = ?", (organisation_id,))
    if name is None:
        raise DhrError("That partner no longer exists.")
    day = as_date(refunded_on, "Refunded on", required=True)
    pence = as_pence(amount, "Amount refunded", allow_zero=False)
    reference = free_text(reference, "Refund reference")
    rules.check_refund(refund_credit(store, case_id, organisation_id), pence, partner=name)
    last = store.one("SELECT max(p.paid_on) AS paid_on FROM dhr_payments p JOIN dhr_shares s ON s.id = p.share_id "
                     "WHERE s.case_id = ? AND s.organisation_id = ? AND s.kind = 'share'", (case_id, organisation_id))
    if last is not None and last["paid_on"] and day < date.fromisoformat(last["paid_on"]):
        paid_on = format_uk_date(date.fromisoformat(last["paid_on"]))
        raise DhrError(f"Refunded on: {format_uk_date(day)} is before {name}'s last payment on this review "
                       f"({paid_on}); what is refunded is what it had paid, so date it on or after {paid_on}.")
    refund_id = new_id()
    with store.transaction():
        store.conn.execute("INSERT INTO dhr_refunds(id, case_id, organisation_id, refunded_on, amount_pence, "
                           "reference) VALUES (?, ?, ?, ?, ?, ?)",
                           (refund_id, case_id, organisation_id, _iso(day), pence, reference))
    return refund_id


def delete_refund(store: Store, refund_id: str) -> None:
    """Remove a refund keyed in error: the partner's credit is as it was."""
    if store.one("SELECT 1 FROM dhr_refunds WHERE id = ?", (refund_id,)) is None:
        raise DhrError("That refund no longer exists.")
    with store.transaction():
        store.conn.execute("DELETE FROM dhr_refunds WHERE id = ?", (refund_id,))


def _followers(store: Store, share_id: str) -> list:
    """The invoices that deal with a refusal: its re-split shares, or the lead authority's carried part, and
    theirs in turn (a re-split part refused and re-split again): all go with it (ON DELETE CASCADE)."""
    return store.rows("WITH RECURSIVE follower(id) AS (SELECT id FROM dhr_shares WHERE source_share_id = ? "
                      "UNION SELECT s.id FROM dhr_shares s JOIN follower f ON s.source_share_id = f.id) "
                      "SELECT s.id, s.kind, s.invoice_ref, s.amount_pence, o.name AS partner, "
                      "(SELECT coalesce(sum(p.amount_pence), 0) FROM dhr_payments p WHERE p.share_id = s.id) AS paid "
                      "FROM dhr_shares s JOIN organisations o ON o.id = s.organisation_id "
                      "WHERE s.id IN (SELECT id FROM follower) ORDER BY s.invoice_ref", (share_id,))


NOTHING_TO_REOPEN = "This share is neither refused nor written off: there is nothing to reopen."


def reopen_question(store: Store, share_id: str) -> str:
    """What reopening a refused or written-off share does, asked before it is done."""
    row, state = _share_state(store, share_id)
    if state.status == "invoiced":
        raise DhrError(NOTHING_TO_REOPEN)
    text = (f"Reopen {row['invoice_ref']}? Its {format_money(state.closed_pence)} {state.status} is owed again "
            "(the partner will pay after all).")
    followers = _followers(store, share_id)
    if followers:
        invoices = ", ".join(f"{f['invoice_ref']} ({f['partner']} {format_money(f['amount_pence'])})"
                             for f in followers)
        text += f" The invoices that dealt with the refusal are removed: {invoices}."
    return text


def reopen_share(store: Store, share_id: str) -> None:
    """A share refused or written off is owed again (the partner agreed to pay after all, or it was keyed on the
    wrong share). A refusal already re-split or carried takes those invoices away with it, as long as nobody
    has paid any of them (the lead authority's carrying is no payment)."""
    row, state = _share_state(store, share_id)
    if state.status == "invoiced":
        raise DhrError(NOTHING_TO_REOPEN)
    followers = _followers(store, share_id)
    paid = [f for f in followers if f["kind"] == "re-split" and f["paid"]]
    if paid:
        names = ", ".join(f"{f['invoice_ref']} ({f['partner']} paid {format_money(f['paid'])})" for f in paid)
        raise DhrError(f"The refusal was re-split and {names} paid its part: delete those payments first "
                       "(Delete a payment…), or keep the refusal. Nothing was changed.")
    with store.transaction():
        store.conn.executemany("DELETE FROM dhr_shares WHERE id = ?", [(f["id"],) for f in followers])
        store.conn.execute("UPDATE dhr_shares SET status = 'invoiced', status_on = NULL, reason = '', "
                           "refusal_handling = NULL WHERE id = ?", (share_id,))


def _invoice_refs_used(store: Store, start: str) -> set[str]:
    """Every invoice reference beginning with ``start`` the file has held: its shares', and those of shares since
    deleted (a re-split or carrying taken away by a reopen, an undone billing) as the audit trail recorded them.
    A number once sent to a partner names that invoice only, even after it was cancelled."""
    held = store.rows("SELECT invoice_ref FROM dhr_shares WHERE substr(invoice_ref, 1, length(?1)) = ?1 "
                      "UNION SELECT json_extract(old_value, '$.invoice_ref') FROM audit_log "
                      "WHERE table_name = 'dhr_shares' AND action = 'delete' AND json_valid(old_value) "
                      "AND substr(json_extract(old_value, '$.invoice_ref'), 1, length(?1)) = ?1", (start,))
    return {r[0] for r in held}


def _next_refs(used: set[str], stem: str, first: str | None = None) -> Iterable[str]:
    """References stem01, stem02 … (``first`` before them when given: the lead authority's "-L") numbered on past
    the highest one used, never one already used."""
    if first is not None and not any(ref == first or ref.startswith(stem) for ref in used):
        yield first
    numbers = [int(ref[len(stem):]) for ref in used if ref.startswith(stem) and ref[len(stem):].isdigit()]
    n = max(numbers, default=1 if first is not None else 0)
    while True:
        n += 1
        if f"{stem}{n:02d}" not in used:
            yield f"{stem}{n:02d}"


def resolve_refusal(store: Store, share_id: str, handling: str, *, on: Any,
                    due_days: int = DEFAULT_DUE_DAYS) -> dict[str, int]:
    """Re-split a refused amount among the other partners, or let the lead authority carry it.

    Re-split shares are new invoices; the lead authority's carried part is recorded as a share it
    pays itself at once. Either way the refused amount is covered to the penny.
    """
    row, state = _share_state(store, share_id)
    day = as_date(on, "Date", required=True)
    if state.status != "refused":
        raise DhrError("Only a refused share can be re-split or carried.")
    if row["refusal_handling"]:
        raise DhrError(f"This refusal has already been dealt with ({row['refusal_handling']}).")
    refused_on = _from_iso(row["status_on"])
    if refused_on is not None and day < refused_on:  # the position as at a day between would count both
        raise DhrError(f"Date: {format_uk_date(day)} is before the refusal of {format_uk_date(refused_on)}; a refusal "
                       "is re-split or carried on or after the day it was made.")
    invoiced_on = _from_iso(row["invoiced_on"])
    if invoiced_on is not None and day < invoiced_on:  # a refusal said ahead: nothing was billed to re-split yet
        raise DhrError(f"Date: {format_uk_date(day)} is before {row['invoice_ref']} was invoiced "
                       f"({format_uk_date(invoiced_on)}); the refused amount is re-split or carried on or after the "
                       "day of the invoice refused.")
    amount = state.closed_pence
    case = _require_case(store, row["case_id"])
    if handling == "re-split":
        # Not to a partner that refused, nor one whose share was written off (what it owes was let go: billing it
        # another's refusal asks it for more than it was agreed it pays).
        refused_orgs = {r["organisation_id"] for r in store.rows(
            "SELECT organisation_id FROM dhr_shares WHERE case_id = ? AND status IN ('refused', 'written off')",
            (row["case_id"],))}
        # Among the others who were billed for the review (as costs added since are), not whoever the partnership's
        # statutory partners are now: a county merge or a change of partners since must not bill a newcomer.
        # Nor to one the split gives 0% (a file billed before such a partner was left out sent it a £0 invoice).
        rule = split_rule(store, row["case_id"])
        remaining = [p for p in _sharing_partners(store, row["case_id"])
                     if p not in refused_orgs and not _agreed_nothing(rule, p)]
        # what each is billed as its part of the review so far (less refunds): the re-split's odd pennies go to
        # those billed least, not again to those the first split gave them. A refusal the lead authority carried is
        # not its part of the cost (DESIGN 2.3: re-split *or* carried), so it stays out: counted, it left the lead
        # 2p below the others in an equal split.
        refunded = refunded_by_partner(store, row["case_id"])
        held = {r[0]: int(r[1]) - refunded.get(r[0], 0) for r in store.rows(
            "SELECT organisation_id, sum(amount_pence) FROM dhr_shares WHERE case_id = ? AND kind != 'carried' "
            "GROUP BY organisation_id", (row["case_id"],))}
        parts = rules.resplit_refusal(amount, remaining, rule, held=held)
        parts = {k: v for k, v in parts.items() if v}
        due = _iso(_due_after(day, due_days))
        stem = f"{row['invoice_ref']}-R"
        refs = _next_refs(_invoice_refs_used(store, stem), stem)
        with store.transaction():
            for ref, (org_id, pence) in zip(refs, sorted(parts.items())):
                store.conn.execute(
                    "INSERT INTO dhr_shares(id, case_id, organisation_id, kind, source_share_id, amount_pence, "
                    "invoice_ref, invoiced_on, due_on) VALUES (?, ?, ?, 're-split', ?, ?, ?, ?, ?)",
                    (new_id(), row["case_id"], org_id, share_id, pence, ref, _iso(day), due))
            store.conn.execute("UPDATE dhr_shares SET refusal_handling = 're-split' WHERE id = ?", (share_id,))
        return parts
    if handling == "lead authority":
        lead = case["lead_organisation_id"]
        if not lead:
            raise DhrError("Lead authority: set the case's lead authority first.")
        carried_id = new_id()
        stem = f"{row['invoice_ref']}-L"
        carried_ref = next(iter(_next_refs(_invoice_refs_used(store, stem), stem, first=stem)))
        with store.transaction():
            store.conn.execute(
                "INSERT INTO dhr_shares(id, case_id, organisation_id, kind, source_share_id, amount_pence, "
                "invoice_ref, invoiced_on, due_on, reason) VALUES (?, ?, ?, 'carried', ?, ?, ?, ?, ?, ?)",
                (carried_id, row["case_id"], lead, share_id, amount, carried_ref, _iso(day),
                 _iso(day), "Carried by the lead authority"))
            if amount:
                store.conn.execute("INSERT INTO dhr_payments(id, share_id, paid_on, amount_pence, reference) "
                                   "VALUES (?, ?, ?, ?, 'carried by the lead authority')",
                                   (new_id(), carried_id, _iso(day), amount))
            store.conn.execute("UPDATE dhr_shares SET refusal_handling = 'lead authority' WHERE id = ?", (share_id,))
        return {lead: amount}
    raise DhrError("Choose whether to re-split the refused amount or let the lead authority carry it.")


# -- reading: cases, shares, ledger -------------------------------------------------------

WITHDRAWN = "withdrawn"  # the status of an invoice billing again withdrew, listed as it was sent (withdrawn_shares)


@dataclass(frozen=True)
class ShareRow:
    id: str
    case_id: str
    case_reference: str
    organisation_id: str
    partner: str
    kind: str
    amount_pence: int
    paid_pence: int
    status: str
    invoice_ref: str
    invoiced_on: date | None
    due_on: date | None
    reason: str
    refusal_handling: str | None
    outstanding_pence: int
    overdue_pence: int
    closed_pence: int
    # As at a day: the later day billing again withdrew this invoice or closed it at what was paid (it is shown as it
    # was sent: ``withdrawn_invoices``); None for an invoice as it stands now.
    withdrawn_on: date | None = None

    @property
    def counted(self) -> bool:
        """False for an invoice billing again withdrew (``withdrawn_shares``): listed, counted in no figure."""
        return self.status != WITHDRAWN

    @property
    def status_text(self) -> str:
        if self.status == WITHDRAWN:
            return (f"Withdrawn {format_uk_date(self.withdrawn_on)} ({format_money(self.amount_pence)} as sent): "
                    "not counted")
        if self.status == "refused":
            handled = f" — {self.refusal_handling}" if self.refusal_handling else " — not yet re-split or carried"
            return f"✖ Refused{handled}"
        if self.status == "written off":
            return "Written off"
        if self.amount_pence == 0:  # billed £0 (a capped payer covering the whole cost): nothing was paid either
            return "Nothing to pay"
        if self.outstanding_pence == 0:
            return "✔ Paid"
        if self.overdue_pence and self.paid_pence:  # not just "Overdue", as if nothing had been paid
            return (f"{rules.OVERDUE}: {format_money(self.outstanding_pence)} of {format_money(self.amount_pence)} "
                    "unpaid")
        if self.overdue_pence:
            return rules.OVERDUE
        return "Part paid" if self.paid_pence else "Invoiced"


def list_shares(store: Store, *, today: date, case_id: str | None = None,
                as_at: date | None = None) -> list[ShareRow]:
    """The partners' shares, overdue counted at ``today``. ``as_at``: the position on that date, counting only
    what had happened by then: invoices, payments, refunds, refusals and write-offs dated after it are left out (a share
    refused later is still owed, a refusal re-split later not yet dealt with), and so are the shares of a review
    notified after it (``notified_after``: not yet known of)."""
    # "9999-12-31" as at no date: every dated row counts (an undated one always does)
    until = "9999-12-31" if as_at is None else as_at.isoformat()
    where, params = ("AND s.case_id = ?", (case_id,)) if case_id else ("", ())
    rows = store.rows(
        "SELECT s.*, c.reference AS case_reference, o.name AS partner, "
        "coalesce((SELECT sum(p.amount_pence) FROM dhr_payments p WHERE p.share_id = s.id AND p.paid_on <= ?1), 0) "
        "AS paid_pence, coalesce(s.status_on, '') <= ?1 AS closed_by_then, EXISTS (SELECT 1 FROM dhr_shares f "
        "WHERE f.source_share_id = s.id AND coalesce(f.invoiced_on, '') <= ?1) AS handled_by_then "
        f"FROM dhr_shares s JOIN dhr_cases c ON c.id = s.case_id JOIN organisations o ON o.id = s.organisation_id "
        f"WHERE coalesce(s.invoiced_on, '') <= ?1 {where} ORDER BY c.reference, s.kind != 'share', o.name",
        (until, *params))
    later = notified_after(store, as_at)
    sent = withdrawn_invoices(store, as_at, case_id) if as_at is not None else []
    as_sent = {w["share_id"]: w for w in sent if w["share_id"] is not None}  # closed at what was paid: as sent then
    withdrawn = [dict(w, id=w["id"], kind="share", paid_pence=0, status="invoiced", reason="", refusal_handling=None,
                      closed_by_then=1, handled_by_then=1) for w in sent if w["share_id"] is None]
    result = []
    for r in [*rows, *withdrawn]:
        if r["case_id"] in later:
            continue
        status, reason, handling, amount = r["status"], r["reason"], r["refusal_handling"], r["amount_pence"]
        if as_at is not None and not r["closed_by_then"]:
            status, reason, handling = "invoiced", "", None
        elif as_at is not None and not r["handled_by_then"]:
            handling = None
        gone = r.get("withdrawn_on") if isinstance(r, dict) else None
        if r["id"] in as_sent:  # lowered to what was paid by billing again after the day: as it was sent
            amount, reason, gone = as_sent[r["id"]]["amount_pence"], "", as_sent[r["id"]]["withdrawn_on"]
        state = ShareState(amount, r["paid_pence"], status, _from_iso(r["due_on"]))
        result.append(ShareRow(r["id"], r["case_id"], r["case_reference"], r["organisation_id"], r["partner"],
                               r["kind"], amount, r["paid_pence"], status, r["invoice_ref"],
                               _from_iso(r["invoiced_on"]), _from_iso(r["due_on"]), reason,
                               handling, state.outstanding_pence, state.overdue_pence(today),
                               state.closed_pence, _from_iso(gone)))
    if withdrawn:  # in the order of the rows read
        result.sort(key=lambda s: (s.case_reference, s.kind != "share", s.partner))
    return result


def withdrawn_shares(store: Store, *, case_id: str | None = None, as_at: date | None = None) -> list[ShareRow]:
    """The invoices billing again withdrew (nothing was paid on them) by the day (today: every one), each as it was
    sent, status ``WITHDRAWN`` and nothing owed, paid or overdue on it: listed beside the shares so that an officer
    who billed again sees that invoice 17 was withdrawn, and when, while no figure counts it. (One closed at what was
    paid stays a share, lowered, its reason saying so.)"""
    day = "9999-12-31" if as_at is None else as_at.isoformat()
    rows = store.rows(
        "SELECT w.*, c.reference AS case_reference, o.name AS partner FROM dhr_withdrawn_invoices w "
        "JOIN dhr_cases c ON c.id = w.case_id JOIN organisations o ON o.id = w.organisation_id "
        "WHERE w.share_id IS NULL AND (:case IS NULL OR w.case_id = :case) AND w.withdrawn_on <= :day "
        "AND coalesce(w.invoiced_on, '') <= :day ORDER BY c.reference, o.name, w.invoice_ref",
        {"case": case_id, "day": day})
    # the invoice billed in its place: the partner's whose reason names it ("…, in place of MSDC-DHR1-03, …"); where
    # none does (none was issued, or the one issued was itself withdrawn since) nothing is claimed
    placed = {}
    for r in store.rows("SELECT case_id, organisation_id, invoice_ref, reason FROM dhr_shares WHERE kind = 'share' "
                        "AND reason LIKE '%in place of %' AND coalesce(invoiced_on, '') <= ?", (day,)):
        for ref in r["reason"].split("in place of ", 1)[1].split(", "):
            placed[(r["case_id"], r["organisation_id"], ref.strip(" .;"))] = r["invoice_ref"]
    result = []
    for r in rows:
        on = _from_iso(r["withdrawn_on"])
        new_ref = placed.get((r["case_id"], r["organisation_id"], r["invoice_ref"])) if r["invoice_ref"] else None
        reason = f"Withdrawn by billing again on {format_uk_date(on)}" + (f": {new_ref} in its place" if new_ref
                                                                              else "")
        result.append(ShareRow(r["id"], r["case_id"], r["case_reference"], r["organisation_id"], r["partner"], "share",
                               r["amount_pence"], 0, WITHDRAWN, r["invoice_ref"], _from_iso(r["invoiced_on"]),
                               _from_iso(r["due_on"]), reason, None, 0, 0, 0, on))
    return result


def billed_again_unkept(store: Store, as_at: date, case_id: str | None = None) -> list[str]:
    """The references of the reviews billed again with another split by a Safer Desk that did not keep the invoices
    it withdrew or closed at what was paid (before schema step create_dhr_withdrawn_invoices), where that may change
    the ledger as at ``as_at``: invoices in place of others dated after it, or one closed at what was paid sent by
    then and not replaced by then (the day it was closed is not kept), with none of them kept. Their ledger as at the
    day shows those invoices as they are now."""
    return [r[0] for r in store.rows(
        "SELECT DISTINCT c.reference FROM dhr_shares s JOIN dhr_cases c ON c.id = s.case_id "
        # (a review notified after the day is not listed as at it: ``notified_after``)
        "WHERE (:case IS NULL OR s.case_id = :case) AND coalesce(c.notified_on, '') <= :day AND s.kind = 'share' AND ("
        "(s.reason LIKE '%, in place of %' AND s.invoiced_on > :day AND NOT EXISTS (SELECT 1 FROM "
        "dhr_withdrawn_invoices w WHERE w.case_id = s.case_id AND w.withdrawn_on = s.invoiced_on)) OR "
        "(s.reason LIKE 'Closed at the %' AND coalesce(s.invoiced_on, '') <= :day AND NOT EXISTS (SELECT 1 FROM "
        "dhr_withdrawn_invoices w WHERE w.share_id = s.id) AND NOT EXISTS (SELECT 1 FROM dhr_shares n WHERE "
        "n.case_id = s.case_id AND n.invoiced_on <= :day AND n.reason LIKE '%in place of%' || s.invoice_ref || '%'))"
        ") ORDER BY c.reference",
        {"case": case_id, "day": as_at.isoformat()})]


def unkept_words(references: list[str], as_at: date) -> str:
    """Said beside a ledger as at a day (Costs > Ledger, dhr-ledger --as-at, the board report) of reviews billed again
    before this version kept what billing again withdrew (``billed_again_unkept``); "" when none."""
    if not references:
        return ""
    many = len(references) != 1
    return (f"{', '.join(references)} {'were' if many else 'was'} billed again with another split by an earlier "
            "Safer Desk, which did not keep the invoices it withdrew or closed at what was paid: as at "
            f"{format_uk_date(as_at)} {'their' if many else 'its'} ledger shows those invoices as they are now "
            "(a withdrawn one left out, a part-paid one at what was paid).")


def deleted_lines_unkept(store: Store, as_at: date, case_id: str | None = None) -> list[str]:
    """The references of the reviews with a cost line an earlier Safer Desk deleted dated on or before ``as_at``, found
    in the audit trail, that the upgrade (schema step create_dhr_deleted_cost_lines, which keeps them from the trail)
    could not keep: the line is neither kept nor back. Their cost as at the day leaves out any such line that stood
    then (one billed by then is counted, as "Taken off since"). Not one keyed in the day it was deleted: it stood at
    the end of no day, and neither this program nor the upgrade keeps it (storage.schema.costs.stood_the_day_before).
    """
    found = store.rows(
        "SELECT a.id, a.row_id, a.old_value, a.at, c.reference FROM audit_log a "
        "JOIN dhr_cases c ON c.id = json_extract(a.old_value, '$.case_id') "
        "WHERE a.table_name = 'dhr_cost_lines' AND a.action = 'delete' AND json_valid(a.old_value) "
        # an undo's delete takes away a line whose adding it undid: never a cost of the review, nothing to keep
        "AND coalesce(a.action_label, '') NOT LIKE 'Undo %' "
        "AND (:case IS NULL OR c.id = :case) AND coalesce(c.notified_on, '') <= :day "
        "AND coalesce(json_extract(a.old_value, '$.invoiced_on'), '') <= :day "
        "AND NOT EXISTS (SELECT 1 FROM dhr_cost_lines l WHERE l.id = a.row_id) "
        "AND NOT EXISTS (SELECT 1 FROM dhr_deleted_cost_lines k WHERE k.id = a.row_id) ORDER BY c.reference",
        {"case": case_id, "day": as_at.isoformat()})
    return list(dict.fromkeys(reference for entry_id, row_id, old, at, reference in found
                              if stood_the_day_before(line_entries(store.conn, row_id, before=entry_id),
                                                      json.loads(old), uk_day(at) or date.max) is not None))


def deleted_unkept_words(references: list[str], as_at: date) -> str:
    """Said beside a ledger as at a day of reviews whose cost lines an earlier Safer Desk deleted without keeping them
    (``deleted_lines_unkept``); "" when none."""
    if not references:
        return ""
    many = len(references) != 1
    return (f"{', '.join(references)} had cost lines deleted by an earlier Safer Desk, which did not keep them: as at "
            f"{format_uk_date(as_at)} {'their' if many else 'its'} cost leaves out any of them that stood then and "
            "had not been billed by then.")


def deleted_lines_unrecorded(store: Store, as_at: date) -> date | None:
    """The day the audit trail was repaired after it had not recorded deleted cost lines (the trigger for them, or the
    trail's own, missing or changed), when ``as_at`` is before it: a line an earlier Safer Desk deleted then is not in
    the trail, so the upgrade (create_dhr_deleted_cost_lines) could not keep it. None when no such repair follows."""
    return _repaired_after(store, as_at, "dhr_cost_lines: the audit trigger for deletes")


def corrections_unrecorded(store: Store, as_at: date) -> date | None:
    """The day the audit trail was repaired after it had not recorded corrected cost lines (the trigger for updates,
    or the trail's own, missing or changed), when ``as_at`` is before it: the version a correction an earlier Safer
    Desk made then replaced is not in the trail, so the upgrade (create_dhr_cost_line_versions) could not keep it.
    None when no such repair follows."""
    return _repaired_after(store, as_at, "dhr_cost_lines: the audit trigger for updates")


def corrections_unrecorded_words(repaired: date | None, as_at: date) -> str:
    """Said beside a ledger as at a day before the audit trail was repaired after missing corrected cost lines
    (``corrections_unrecorded``); "" when it was not."""
    if repaired is None:
        return ""
    return (f"The audit trail did not record every cost line corrected before {format_uk_date(repaired)}, when it was "
            f"repaired: as at {format_uk_date(as_at)} a review's cost reads a line an earlier Safer Desk corrected "
            "then as corrected, not as it stood on that day.")


def _repaired_after(store: Store, as_at: date, trigger: str) -> date | None:
    """The last day the audit trail was repaired after ``as_at`` having missed what ``trigger`` records."""
    found = None
    for at, details in store.rows("SELECT at, new_value FROM audit_log WHERE table_name = 'audit_log' "
                                  "AND action = 'event' AND column_name = 'repair' AND json_valid(new_value)"):
        triggers = json.loads(details).get("triggers") or []
        missed = any(isinstance(t, str) and t.startswith((trigger, "the audit trail's own")) for t in triggers)
        day = uk_day(at) if missed else None
        if day is not None and day > as_at and (found is None or day > found):
            found = day
    return found


def unrecorded_words(repaired: date | None, as_at: date) -> str:
    """Said beside a ledger as at a day before the audit trail was repaired after missing deleted cost lines
    (``deleted_lines_unrecorded``); "" when it was not."""
    if repaired is None:
        return ""
    return (f"The audit trail did not record every cost line deleted before {format_uk_date(repaired)}, when it was "
            f"repaired: as at {format_uk_date(as_at)} a review's cost leaves out any line an earlier Safer Desk "
            "deleted then that stood on that day and had not been billed by then.")


def withdrawn_invoices(store: Store, as_at: date | None = None, case_id: str | None = None) -> list[dict]:
    """The invoices billing again with another split withdrew (share_id None: no longer in dhr_shares) or closed at
    what was paid (share_id: lowered to closed_at_pence), each as it was sent (amount_pence) with the day
    (withdrawn_on); as at a day, those sent by then and withdrawn or closed after it (standing as sent that day)."""
    where = ("AND w.case_id = :case " if case_id else "") + (
        "AND coalesce(w.invoiced_on, '') <= :day AND w.withdrawn_on > :day" if as_at is not None else "")
    return [dict(r) for r in store.rows(
        "SELECT w.*, c.reference AS case_reference, o.name AS partner FROM dhr_withdrawn_invoices w "
        "JOIN dhr_cases c ON c.id = w.case_id JOIN organisations o ON o.id = w.organisation_id "
        f"WHERE 1 {where} ORDER BY c.reference, w.invoice_ref",
        {"case": case_id, "day": as_at.isoformat() if as_at is not None else None})]


@dataclass(frozen=True)
class PartnerLedger:
    organisation_id: str
    partner: str
    billed_pence: int
    paid_pence: int
    refused_pence: int
    written_off_pence: int
    outstanding_pence: int
    overdue_pence: int
    refunded_pence: int = 0  # paid beyond its share and given back (``record_refund``)

    @property
    def net_billed_pence(self) -> int:
        """Billed less refused, written off and refunded: what the partner is still expected to pay in all, which is
        what it paid less what was refunded to it, and what it owes (net billed = paid − refunded + outstanding)."""
        return self.billed_pence - self.refused_pence - self.written_off_pence - self.refunded_pence


def refunds_as_at(store: Store, *, case_id: str | None = None, as_at: date | None = None) -> dict[tuple[str, str], int]:
    """What was refunded, per (review, partner): as at a day, the refunds dated on or before it, and none on a review
    notified after it (``notified_after``)."""
    until = "9999-12-31" if as_at is None else as_at.isoformat()
    where, params = ("AND case_id = ?", (case_id,)) if case_id else ("", ())
    later = notified_after(store, as_at)
    return {(r[0], r[1]): int(r[2]) for r in store.rows(
        f"SELECT case_id, organisation_id, sum(amount_pence) FROM dhr_refunds WHERE refunded_on <= ? {where} "
        "GROUP BY case_id, organisation_id", (until, *params)) if r[0] not in later}


def partner_ledger(store: Store, *, today: date, case_id: str | None = None,
                   as_at: date | None = None) -> list[PartnerLedger]:
    """Per partner: billed, paid, refused, written off, outstanding, overdue (billed = paid + refused + written off +
    outstanding) and refunded (net billed = paid − refunded + outstanding); as at a date, what had happened by then
    (``list_shares``)."""
    totals: dict[str, list] = {}
    for s in list_shares(store, today=today, case_id=case_id, as_at=as_at):
        t = totals.setdefault(s.organisation_id, [s.partner, 0, 0, 0, 0, 0, 0, 0])
        t[1] += s.amount_pence
        t[2] += s.paid_pence
        if s.status == "refused":
            t[3] += s.closed_pence
        elif s.status == "written off":
            t[4] += s.closed_pence
        t[5] += s.outstanding_pence
        t[6] += s.overdue_pence
    for (_, org), pence in refunds_as_at(store, case_id=case_id, as_at=as_at).items():
        if org in totals:  # refunded what it paid on its invoices, which are there as at the day of the refund
            totals[org][7] += pence
    return sorted((PartnerLedger(k, *v) for k, v in totals.items()), key=lambda p: p.partner.casefold())


@dataclass(frozen=True)
class CaseSummary:
    id: str
    reference: str
    kind: str
    district: str
    partnership: str
    lead: str
    decision: str
    cost_pence: int
    billed_pence: int
    recovered_pence: int
    outstanding_pence: int
    refused_pence: int
    shortfall_pence: int
    current_stage: str
    next_due: date | None
    overdue_items: int
    open_recommendations: int
    written_off_pence: int = 0
    resplit_pence: int = 0
    carried_pence: int = 0
    net_billed_pence: int = 0  # billed less refused, written off and refunded: the cost, once all is dealt with
    billing: rules.Billing | None = None
    refunded_pence: int = 0  # paid beyond a partner's share and given back
    safeguarding_board: str = ""  # the Regional Safeguarding Board that commissioned it (a SUSR, Wales)

    @property
    def kept_pence(self) -> int:
        """What the partners paid, less what was refunded to them."""
        return self.recovered_pence - self.refunded_pence

    @property
    def unbilled_pence(self) -> int:
        """Cost the partners have not been billed for yet (never billed, added since the invoices, or refunded to a
        partner that had paid it beyond its share): not a shortfall, which is what nobody is now expected to pay.
        cost = recovered − refunded + outstanding + shortfall + this."""
        return max(self.billing.unbilled_pence, 0) if self.billing is not None else 0

    @property
    def billing_text(self) -> str:
        """"Billed £8,209.72 (including £684.14 re-split), less £684.14 refused = £7,525.58 net, the review's cost."""
        return self.billing.describe() if self.billing is not None and self.billing.billed_pence else ""

    @property
    def cost_known(self) -> bool:
        return self.cost_pence > 0

    @property
    def flag(self) -> str:
        return f"{rules.OVERDUE} ({self.overdue_items})" if self.overdue_items else "On track"


def _case_dates(store: Store, case) -> dict[str, date | None]:
    dates = {s.key: _from_iso(case[s.column]) for s in rules.STAGES if s.column in case.keys()}
    first = store.scalar("SELECT min(met_on) FROM dhr_panel_meetings WHERE case_id = ?", (case["id"],))
    dates["first_panel"] = _from_iso(first)
    return dates


def _case_decision(case, as_at: date | None = None) -> str:
    """A learning review is not held, whatever the day; a review's decision, pending before the day it is dated."""
    if case["kind"] == "learning review":
        return "not held"
    return rules.decision_as_at(case["decision"], _from_iso(case["decision_on"]), as_at)


def case_stages(store: Store, case_id: str, *, today: date, as_at: date | None = None) -> list[rules.StageStatus]:
    """Each stage's date, due date and status, overdue counted at ``today``; as at a day, only the stages reached by
    then (a stage dated after it is not done yet: ``rules.stage_dates_as_at``)."""
    case = _require_case(store, case_id)
    return rules.stage_schedule(rules.stage_dates_as_at(_case_dates(store, case), as_at), stage_rules(store),
                                today=today, decision=_case_decision(case, as_at), label=review_label(store))


def list_cases(store: Store, *, today: date, as_at: date | None = None) -> list[CaseSummary]:
    """Every case with its cost recovery (cost, recovered, shortfall) and where it stands, overdue counted at
    ``today``. As at a date, what had happened by then: the invoices, payments and refusals (``list_shares``), the
    stages, panel meetings, workshop and completed recommendations dated on or before it, and the cost lines dated
    on or before it (or, when more, the costs the partners had been billed for by then: a line dated after its
    invoices). A line undated always counts. A review notified after the day is left out (``notified_after``)."""
    shares_by_case: dict[str, list[ShareRow]] = {}
    for s in list_shares(store, today=today, as_at=as_at):
        shares_by_case.setdefault(s.case_id, []).append(s)
    until = "9999-12-31" if as_at is None else as_at.isoformat()  # as list_shares: every dated row as at no date
    # As at a day, the lines standing then, as they stood (STANDING_LINES)
    lines_by_case: dict[str, list[dict]] = {}
    for r in store.rows(STANDING_LINES, {"day": until, "case": None}):
        lines_by_case.setdefault(r["case_id"], []).append(dict(r))
    recs = {r[0]: (r[1], r[2]) for r in store.rows(
        "SELECT case_id, sum(completed_on IS NULL OR completed_on > ?1), "
        "sum((completed_on IS NULL OR completed_on > ?1) AND due_on < ?2) "
        "FROM dhr_recommendations GROUP BY case_id", (until, today.isoformat()))}
    rules_now, label = stage_rules(store), review_label(store)  # a SUSR's stages named as its guidance names them
    later = notified_after(store, as_at)
    refunded_by_case: dict[str, int] = {}
    for (case_id, _), pence in refunds_as_at(store, as_at=as_at).items():
        refunded_by_case[case_id] = refunded_by_case.get(case_id, 0) + pence
    result = []
    for case in store.rows(
            "SELECT c.*, d.name AS district, p.name AS partnership, o.name AS lead FROM dhr_cases c "
            "LEFT JOIN districts d ON d.id = c.district_id LEFT JOIN partnerships p ON p.id = c.partnership_id "
            "LEFT JOIN organisations o ON o.id = c.lead_organisation_id ORDER BY c.reference"):
        if case["id"] in later:
            continue
        decision = _case_decision(case, as_at)
        stages = rules.stage_schedule(rules.stage_dates_as_at(_case_dates(store, case), as_at), rules_now,
                                      today=today, decision=decision, label=label)
        done = [s for s in stages if s.done_on is not None]
        pending = [s for s in stages if s.status in ("Due", rules.OVERDUE, "Waiting")]
        current = done[-1].stage.label if done else "Not started"
        if case["kind"] == "learning review":
            workshop = rules.reached_by(_from_iso(case["workshop_on"]), as_at)
            current = f"Learning workshop {format_uk_date(workshop)}" if workshop else "Learning review"
        shares = shares_by_case.get(case["id"], [])
        _, cost = _lines_as_at(lines_by_case.get(case["id"], []), until, shares)
        recovered = sum(s.paid_pence for s in shares)
        outstanding = sum(s.outstanding_pence for s in shares)
        refused = sum(s.closed_pence for s in shares if s.status == "refused")
        refunded = refunded_by_case.get(case["id"], 0)
        bill = rules.billing(cost, [(s.kind, ShareState(s.amount_pence, s.paid_pence, s.status, s.due_on))
                                    for s in shares], refunded)
        open_recs, overdue_recs = recs.get(case["id"], (0, 0))
        unbilled = max(bill.unbilled_pence, 0)  # CaseSummary.unbilled_pence
        result.append(CaseSummary(
            case["id"], case["reference"], case["kind"], case["district"] or "", case["partnership"] or "",
            case["lead"] or "", decision, cost, sum(s.amount_pence for s in shares), recovered, outstanding,
            refused, cost - (recovered - refunded) - outstanding - unbilled, current,
            min((s.due_on for s in pending if s.due_on), default=None),
            # Overdue items: stages, recommendations and the partners' invoices past their due dates (money owed is
            # as overdue as a stage: a published review whose partners have not paid is not "On track").
            sum(1 for s in stages if s.is_overdue) + int(overdue_recs or 0) + sum(1 for s in shares if s.overdue_pence),
            int(open_recs or 0),
            bill.written_off_pence, bill.resplit_pence, bill.carried_pence, bill.net_billed_pence, bill, refunded,
            case["safeguarding_board"]))
    return result


# A review's cost lines as they stood at the end of the day :day (all reviews', or :case's): those now and those
# deleted after the day (kept as they were deleted, with deleted_on; not one that stands still: at the county, a line
# one office deleted that another still holds), each as the version of it that stood then when a correction since
# replaced it (dhr_cost_line_versions: the first replaced after the day, with replaced_on).
STANDING_LINES = (
    "WITH standing AS (SELECT id, case_id, category, description, supplier, invoice_ref, invoiced_on, amount_pence, "
    "NULL AS deleted_on FROM dhr_cost_lines WHERE :case IS NULL OR case_id = :case UNION ALL "
    "SELECT id, case_id, category, description, supplier, invoice_ref, invoiced_on, amount_pence, deleted_on "
    "FROM dhr_deleted_cost_lines WHERE deleted_on > :day AND (:case IS NULL OR case_id = :case) "
    "AND id NOT IN (SELECT id FROM dhr_cost_lines)), "
    "replaced AS (SELECT line_id, min(replaced_on) AS replaced_on FROM dhr_cost_line_versions "
    "WHERE replaced_on > :day AND (:case IS NULL OR case_id = :case) GROUP BY line_id) "
    "SELECT s.id, s.case_id, " + ", ".join(
        f"CASE WHEN v.id IS NULL THEN s.{c} ELSE v.{c} END AS {c}"
        for c in ("category", "description", "supplier", "invoice_ref", "invoiced_on", "amount_pence")) +
    ", s.deleted_on, v.replaced_on FROM standing s LEFT JOIN replaced r ON r.line_id = s.id "
    "LEFT JOIN dhr_cost_line_versions v ON v.line_id = r.line_id AND v.replaced_on = r.replaced_on")


def _lines_as_at(lines: Iterable[Mapping[str, Any]], until: str,
                 shares: Iterable[ShareRow]) -> tuple[list[Mapping[str, Any]], int]:
    """A review's cost lines as at the day ``until`` (those standing then, STANDING_LINES) and its cost then: the lines
    dated on or before it (an undated one always counts) and, when its partners had been billed more by then
    (``shares``, as at the day), the lines dated after it, earliest first, until they cover what was billed: a cost
    line dated after the invoices that billed it was a cost by then, so nothing reads as billed beyond the cost, and
    the lines shown add up to the cost (a line dated before the day but typed after the invoices counts as well).
    Never more than the lines standing then, unless billing again since withdrew invoices standing that day (its
    costs taken off): what they billed (``cost_lines`` gives the difference a row of its own)."""
    lines = sorted(lines, key=_line_order)
    shares = list(shares)
    billed = sum(s.amount_pence for s in shares if s.kind == "share")
    cost_now = sum(line["amount_pence"] for line in lines)
    # Invoices billing again later withdrew (the costs all taken off) were billed for costs there were then.
    most = max(cost_now, billed) if any(s.withdrawn_on for s in shares) else cost_now
    dated = [(line["invoiced_on"] or "") <= until for line in lines]
    total = sum(line["amount_pence"] for line, by_then in zip(lines, dated) if by_then)
    for k, by_then in enumerate(dated):
        if not by_then and total < billed:
            dated[k] = True
            total += lines[k]["amount_pence"]
    return [line for line, shown in zip(lines, dated) if shown], max(total, min(most, billed))


def _line_order(line: Mapping[str, Any]) -> tuple[str, str, str]:
    """Cost lines in date order (an undated one first), then by category: as Costs > Reviews lists them."""
    return (line["invoiced_on"] or "", line["category"], line["id"])


def notified_after(store: Store, day: date | None) -> set[str]:
    """The cases notified after ``day``: as at it, not yet known of, so every list and ledger read as at it leaves them
    out (Costs > Reviews and Ledger, `dhr-ledger --as-at`, the board report). A case with no notification date always
    counts; as at no day (None: now) none is left out."""
    if day is None:
        return set()
    return {r[0] for r in store.rows("SELECT id FROM dhr_cases WHERE notified_on > ?", (day.isoformat(),))}


def cost_lines(store: Store, case_id: str, *, as_at: date | None = None) -> list[dict]:
    """The review's cost lines, in date order (an undated one first); as at a day, those of its cost then
    (``list_cases``): the lines dated on or before it, and a line dated after it while within what the partners had
    been billed for by then, so the lines add up to the review's Cost as at that day."""
    lines = [dict(r) for r in store.rows("SELECT * FROM dhr_cost_lines WHERE case_id = ? "
                                         "ORDER BY invoiced_on, category", (case_id,))]
    if as_at is None:
        return lines
    until = as_at.isoformat()
    # deleted or corrected after the day: as they stood then
    shown, cost = _lines_as_at([dict(r) for r in store.rows(STANDING_LINES, {"day": until, "case": case_id})], until,
                               list_shares(store, today=as_at, case_id=case_id, as_at=as_at))
    shown = [dict(line) for line in shown]
    total = sum(line["amount_pence"] for line in shown)
    # Lines deleted since by an earlier Safer Desk (before the step create_dhr_deleted_cost_lines, which keeps them),
    # that the partners had been billed for by then (billing again withdrew those invoices): the cost then is more
    # than every line standing then that is known, and the lines themselves were not kept: what they came to is a row.
    if (gone := cost - total) > 0:
        shown.append({"id": f"taken-off:{case_id}", "case_id": case_id, "category": TAKEN_OFF, "amount_pence": gone,
                      "description": f"Cost lines deleted after {format_uk_date(as_at)} by an earlier Safer Desk, "
                                     "which the partners had been billed for by then (it did not keep the lines)",
                      "supplier": "", "invoice_ref": "", "invoiced_on": None})
    return shown


TAKEN_OFF = "Taken off since"  # cost_lines as at a day: what lines deleted since came to, billed by then


def numbered_cost_lines(store: Store, case_id: str) -> list[tuple[int, dict]]:
    """The review's cost lines, each with its number (1, 2 …) in the order they were added (rowid: a correction
    updates a line where it stands), so a line keeps its number however its date, category or amount is corrected;
    `safer-desk dhr-costs` lists and corrects them by it (numbered in cost_lines' date order, a date corrected
    renumbered them, and a script's next --correct of the same number changed another line)."""
    rows = store.rows("SELECT * FROM dhr_cost_lines WHERE case_id = ? ORDER BY rowid", (case_id,))
    return [(number, dict(row)) for number, row in enumerate(rows, 1)]


def recommendations(store: Store, case_id: str, *, today: date, as_at: date | None = None) -> list[dict]:
    """The action plan, each recommendation's status counted at ``today``; as at a day, one completed after it is
    still open (``rules.reached_by``)."""
    result = []
    for r in store.rows("SELECT * FROM dhr_recommendations WHERE case_id = ? ORDER BY number", (case_id,)):
        row = dict(r)
        done = rules.reached_by(_from_iso(r["completed_on"]), as_at)
        if done is None:
            row["completed_on"] = None
        row["status"] = rules.recommendation_status(_from_iso(r["due_on"]), done, today=today)
        result.append(row)
    return result


def panel_meetings(store: Store, case_id: str, *, as_at: date | None = None) -> list[dict]:
    """The review's panel meetings in date order; as at a day, those held on or before it."""
    until = "9999-12-31" if as_at is None else as_at.isoformat()  # as list_shares: every meeting as at no day
    return [dict(r) for r in store.rows("SELECT * FROM dhr_panel_meetings WHERE case_id = ? AND met_on <= ? "
                                        "ORDER BY met_on", (case_id, until))]


def case_record(store: Store, case_id: str) -> dict:
    return dict(_require_case(store, case_id))


# -- undo: a case's rows before and after an action --------------------------------------

@dataclass(frozen=True)
class CaseSnapshot:
    case_id: str
    parts: tuple[snapshots.Part, ...] | None  # None: the case did not exist


# Where each table's rows of one case are (one "?": the case id), in the order they are written back. A budget
# line's link to the case is the budget's, but goes if the case is deleted: the snapshot keeps it too, so undoing
# the delete brings it back.
_CASE_ROWS = {
    "dhr_cases": "id = ?",
    "dhr_panel_meetings": "case_id = ?",
    "dhr_recommendations": "case_id = ?",
    "dhr_split_percentages": "case_id = ?",
    "dhr_cost_lines": "case_id = ?",
    "dhr_shares": "case_id = ?",
    "dhr_payments": "share_id IN (SELECT id FROM dhr_shares WHERE case_id = ?)",
    "dhr_refunds": "case_id = ?",
    "dhr_withdrawn_invoices": "case_id = ?",
    "dhr_deleted_cost_lines": "case_id = ?",
    "dhr_cost_line_versions": "case_id = ?",
    "budget_line_links": "case_id = ?",
}


def _sources_first(rows: tuple[dict[str, Any], ...]) -> tuple[dict[str, Any], ...]:
    """A case's shares with each one after the share it re-splits or carries (a re-split part refused and
    re-split again is two levels down), by id within a level: the order they can be written back in."""
    by_id = {r["id"]: r for r in rows}

    def depth(row: dict[str, Any]) -> int:
        level, seen = 0, {row["id"]}
        while row["source_share_id"] in by_id and row["source_share_id"] not in seen:
            row = by_id[row["source_share_id"]]
            seen.add(row["id"])
            level += 1
        return level

    return tuple(sorted(rows, key=lambda r: (depth(r), r["id"])))


def snapshot_case(store: Store, case_id: str) -> CaseSnapshot:
    parts = snapshots.take_record(store.conn, "dhr_cases", case_id, _CASE_ROWS,
                                  only_if={"budget_line_links": ("budget_lines", "line_id")})
    if parts is not None:  # ids are random: the shares are written back sources first, not by id
        parts = tuple(replace(p, rows=_sources_first(p.rows)) if p.table == "dhr_shares" else p for p in parts)
    return CaseSnapshot(case_id, parts)


def restore_case(store: Store, snapshot: CaseSnapshot) -> None:
    """Put a case's rows back exactly as they were in the snapshot (or remove the case). The case's own row is
    updated where it stands, so what points at it elsewhere stays."""
    with store.transaction():
        snapshots.put_back_record(store.conn, "dhr_cases", snapshot.case_id, snapshot.parts)


def case_ids(store: Store) -> Iterable[str]:
    return [r[0] for r in store.rows("SELECT id FROM dhr_cases ORDER BY reference")]
