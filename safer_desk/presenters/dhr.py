"""The Domestic Homicide Reviews page without Qt: the cases, the selected case, its forms and actions.

``DhrPresenter`` owns what the page shows and does: the cases read from the file, which one is
selected (a case just created is selected and shown), the open form (its ``editor``, held while
unsaved), and every change as one named Action on the undo stack ("Cost line for
WSCSP-DHR-2026-07"). ``SplitPresenter`` is the split of a review's cost: a grid of the statutory
partners with a live total and the shares each would pay, adding up to the penny.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Mapping, Sequence

from safer_desk.domain import dhr as rules
from safer_desk.domain.enums import LabelledEnum
from safer_desk.domain.money import any_pence, format_money
from safer_desk.domain.text import counted, in_words
from safer_desk.presenters.actions import Action, run_now
from safer_desk.presenters.costs import TAB, CostForm, FormScreen, NothingTo, choices, snapshot_action
from safer_desk.presenters.events import Event
from safer_desk.presenters.forms import Field, FieldKind, FormError
from safer_desk.services import dhr
from safer_desk.services.provenance import MERGED_FROM, NOT_A_COUNTY_FILE, REVIEWS, RowOrigins, row_origins
from safer_desk.services.reference import list_districts, list_organisations, list_partnerships, statutory_partners


def _before_invoice(share: dhr.ShareRow, values: dict, key: str) -> dict[str, list[str]]:
    """A payment, refusal or write-off dated before the share was invoiced: a slip of the year more often
    than not (asked once, beside the date)."""
    day = values.get(key)
    if day and share.invoiced_on and day < share.invoiced_on:
        return {key: [f"{_uk(day)} is before its invoice of {_uk(share.invoiced_on)}."]}
    return {key: []}


# An amount of £0 (a payment, a refund, a cost line), refused beside the form's Amount before any question (the service
# refuses it all the same, after the questions: a payment's naming "Amount paid", which no field is called).
NOUGHT_AMOUNT = {"amount": "Amount: must be more than £0."}


def _beyond_outstanding(share: dhr.ShareRow, values: dict) -> dict[str, str]:
    """A payment of more than is outstanding on the share, refused beside the amount however it was typed ("300" is
    said "£300"), and before any question about its date (the service refuses it all the same); one of £0 too."""
    pence = values.get("amount")
    if pence == 0:
        return dict(NOUGHT_AMOUNT)
    if share.status != ShareStatus.INVOICED.value or not pence or pence <= share.outstanding_pence:
        return {}
    try:
        rules.check_payment(rules.ShareState(share.amount_pence, share.paid_pence, share.status, share.due_on), pence)
    except rules.DhrError as exc:
        return {"amount": str(exc)}
    return {}


def _days_to_pay_refused(values: dict) -> dict[str, str]:
    """Days to pay that are no whole number of days, or more than ten years, refused beside the field before any
    question about the date (the form's save and the service refuse them all the same: asked first, Save again only
    led to the refusal)."""
    days = values.get("due_days")
    if days is None or days == "":
        return {}
    if int(days) != days:
        return {"due_days": "A whole number of days."}
    if days > dhr.MAX_DUE_DAYS:
        return {"due_days": f"Days to pay: at most {dhr.MAX_DUE_DAYS:,} (ten years)."}
    return {}


def _before_payment(store, share: dhr.ShareRow, values: dict, status: str) -> dict[str, str]:
    """A refusal or write-off dated before a payment on the share, refused beside the date before any question about
    it (the service refuses it all the same)."""
    refusal = dhr.close_date_refusal(store, share.id, values.get("on"), status)
    return {"on": refusal} if refusal else {}


def _before_first_invoices(store, case_id: str, values: dict) -> dict[str, str]:
    """Further invoices dated before the review's first ones, refused beside the date before any question about it
    (the service refuses them all the same)."""
    day = values.get("invoiced_on")
    refusal = dhr.further_date_refusal(store, case_id, day if isinstance(day, date) else None)
    return {"invoiced_on": refusal} if refusal else {}


def _before_notified(store, case_id: str, values: dict, key: str) -> dict[str, list[str]]:
    """A cost or an invoice dated before the death was notified: a slip of the year more often than not (asked once,
    beside the date, as a stage's date before it is)."""
    said = before_notified_words(store, case_id, values.get(key))
    return {key: [said]} if said else {}


def before_notified_words(store, case_id: str, day: Any) -> str:
    """"29/03/2008 is before the death was notified (06/03/2017)." for a cost dated so ("" when it is not): asked
    beside the date on Cost line…, warned by `dhr-costs --correct --invoice-date`."""
    notified = dhr.case_record(store, case_id)["notified_on"]
    if isinstance(day, date) and notified and day < date.fromisoformat(notified):
        return f"{_uk(day)} is before {_first_words(dhr.review_label(store))} ({_uk(notified)})."
    return ""


def _let_off_billed_words(store, case_id: str, billed: Sequence[str], names: Mapping[str, str], today: date) -> str:
    """Under further invoices: the partners billed that refused a share of the review or had one written off, billed
    their part of the costs added since all the same (" …", "" when none). A refusal or a write-off is of that invoice:
    the partner still shares the review's cost among the statutory partners (DESIGN 2.3), as a new cost is its own
    part, not another's refusal re-split (which leaves it out: ``dhr.resolve_refusal``)."""
    closed = {}
    for share in dhr.list_shares(store, today=today, case_id=case_id):
        if share.organisation_id in billed and share.status in ("refused", "written off"):
            closed.setdefault(share.organisation_id, share.status)
    if not closed:
        return ""
    said = [f"{names.get(k, k)}, {'which refused its share' if v == 'refused' else 'whose share was written off'}"
            for k, v in sorted(closed.items(), key=lambda kv: names.get(kv[0], kv[0]))]
    one = len(said) == 1
    return (f" {in_words(said)}, {'is' if one else 'are'} billed {'its' if one else 'their'} part of the costs added "
            "since, as every partner sharing the review's cost is: a refusal or a write-off is of the invoice it was "
            f"on. If {'it is' if one else 'one is'} not to pay this either, refuse or write off that invoice in turn "
            "(Refused…, or More > Write off a share…), once billed.")


def _panel_meeting_doubts(store, case_id: str, values: dict, today: date) -> dict[str, list[str]]:
    """A panel meeting dated before the review's first stage (a slip of the year), or after today: a meeting records
    one held (Stage reached moves on with it), so one not held yet is asked about once, in a meeting's words (not a
    payment's "cannot have been made yet")."""
    day = values.get("met_on")
    if isinstance(day, date) and day > today:
        return {"met_on": [f"{_uk(day)} is after today ({_uk(today)}): a panel meeting not yet held?"]}
    return _before_notified(store, case_id, values, "met_on")


def meeting_notes_copy_question(notes: int) -> str:
    """What a copy of a review's Panel meetings asks first when ``notes`` of the meetings copied have a note: the
    notes are left out unless the answer is Include it, as the export for the county and the History of Changes'
    copy leave them out (exchange.county_export.CASE_NOTES)."""
    said = ("A panel meeting copied has a note: the copy leaves the note out" if notes == 1 else
            f"{notes:,} panel meetings copied have notes: the copy leaves the notes out")
    return (f"{said} and gives the dates. The export for the county leaves them out too: a note about one death can "
            "name or place the people around it, which no check can make safe.\n\nInclude them only when it is "
            "pasted where the review's own papers may be kept.")


def _first_done(label: str) -> str:
    """A review's first stage done, as a clause ("not when …", ", when …"): a SUSR's is its referral."""
    return ("the review was referred to the Regional Safeguarding Board" if label == rules.SUSR
            else "the death was notified")


def _first_words(label: str) -> str:
    """A review's first stage said after "before": a SUSR's is its referral (rules.SUSR_STAGE_LABELS)."""
    return "it was referred to the Regional Safeguarding Board" if label == rules.SUSR else "the death was notified"


# A stage's date records that it happened (the stage is done from then on): one after today is asked about once. A
# learning workshop may be planned ahead.
_STAGE_HAPPENED = {"notified_on": "a notification", "decision_on": "the decision",
                   "home_office_told_on": "the notice to the Home Office", "chair_appointed_on": "the appointment",
                   "qa_submitted_on": "the submission to the QA Panel", "qa_letter_on": "the QA Panel's letter",
                   "published_on": "the publication"}
# Each stage date's Alt key in the case form (round 40): the letters the form's other fields, Save (S), Revert (V)
# and the dialog leave free. Decision da&te, not De&cision's C; the &QA of Report to the QA Panel.
_CASE_DATE_KEYS = {"notified_on": "o", "decision_on": "t", "home_office_told_on": "H", "chair_appointed_on": "i",
                   "qa_submitted_on": "Q", "qa_letter_on": "e", "published_on": "u", "workshop_on": "w"}


# A SUSR's, as its stages are named (dhr.SUSR_DATE_FIELDS): Re&ferred, Welsh &Government told, Report sent for &QA,
# QA l&etter (F and G free as H and o were).
_SUSR_STAGE_HAPPENED = {**_STAGE_HAPPENED, "notified_on": "a referral",
                        "home_office_told_on": "the notice to Welsh Government",
                        "qa_submitted_on": "the report's sending for quality assurance",
                        "qa_letter_on": "the quality assurance letter"}
_SUSR_CASE_DATE_KEYS = {**_CASE_DATE_KEYS, "notified_on": "f", "home_office_told_on": "G"}


def _example_reference(label: str) -> str:
    """A case reference to follow on New case: a SUSR's for a Welsh office's SUSRs (the guide's Cardiff and Vale
    one), not a Suffolk DHR's."""
    return "CV-SUSR-2025-01" if label == rules.SUSR else "WSCSP-DHR-2019-01"


# (stage date, the one it follows, that one in words): a slip of the year more often than not.
_CASE_DATE_ORDER = (("qa_letter_on", "qa_submitted_on", "the report went to the QA Panel"),
                    ("published_on", "qa_letter_on", "the QA Panel's letter"))
_SUSR_CASE_DATE_ORDER = (("qa_letter_on", "qa_submitted_on", "the report was sent for quality assurance"),
                         ("published_on", "qa_letter_on", "the quality assurance letter"))


def _case_dates_out_of_order(values: dict, label: str = rules.LABELS[0]) -> dict[str, list[str]]:
    """A case's dates before the death was notified (a SUSR's: before it was referred), or a stage before the one it
    answers (asked once each; a decision before the notification is refused by the service)."""
    susr = label == rules.SUSR
    doubts: dict[str, list[str]] = {}
    notified = values.get("notified_on")
    first = _first_words(label)
    for key in dhr.CASE_DATE_FIELDS:
        day = values.get(key)
        if notified and day and key not in ("notified_on", "decision_on") and day < notified:
            doubts[key] = [f"{_uk(day)} is before {first} ({_uk(notified)})."]
    for key, after, words in _SUSR_CASE_DATE_ORDER if susr else _CASE_DATE_ORDER:
        day, before = values.get(key), values.get(after)
        if day and before and day < before and key not in doubts:
            doubts[key] = [f"{_uk(day)} is before {words} ({_uk(before)})."]
    return doubts


def _as_kept(typed: dict, kept: dict, key: str) -> bool:
    """A field of Edit case as the case keeps it, so not asked about again: a date already kept, or the partnership
    with the notification date both as kept."""
    if key == "partnership":
        return (typed.get(key) or "") == kept.get(key) and _uk(typed.get("notified_on")) == kept.get("notified_on")
    if key == "reference":  # asked about when typed, not at each correction of the case
        return (typed.get(key) or "").strip() == (kept.get(key) or "").strip()
    return _uk(typed.get(key)) == kept.get(key)


def _partnership_not_then(store, values: dict) -> dict[str, list[str]]:
    """The partnership chosen was not in being when the death was notified (Western CSP of 2009/10, offered first
    when "West" is typed, for a death in 2026): asked once, as its cost would be split among no statutory partners."""
    name, notified = (values.get("partnership") or "").strip(), values.get("notified_on")
    found = next((p for p in list_partnerships(store) if name and name.casefold() in (p.name.casefold(), p.id)), None)
    if found is None or not notified:
        return {}
    day = date.fromisoformat(notified) if isinstance(notified, str) else notified
    first, last = (date.fromisoformat(d) if d else None for d in (found.valid_from, found.valid_to))
    if (first is None or first <= day) and (last is None or day <= last):
        return {}
    dates = " to ".join(_uk(d) for d in (first, last) if d)
    return {"partnership": [f"{found.name} was in being {'from ' if last is None else ''}{dates}, not when "
                            f"{_first_done(dhr.review_label(store))} ({_uk(day)}): check it is the partnership "
                            "conducting the review."]}


def _times(count: int) -> str:
    """"once", "twice", "four times"."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


class SplitKind(LabelledEnum):
    """How a review's cost is shared (stored in dhr_cases.split_rule)."""

    EQUAL = ("equal", "Equal shares")
    PERCENTAGES = ("percentages", "A percentage per partner")
    CAPPED = ("capped", "One partner pays a capped part first")


class ShareStatus(LabelledEnum):
    """A partner's share (stored in dhr_shares.status)."""

    INVOICED = ("invoiced", "Invoiced")
    REFUSED = ("refused", "Refused")
    WRITTEN_OFF = ("written off", "Written off")


class RefusalHandling(LabelledEnum):
    """What happens to a refused amount (the service's ``handling``)."""

    RESPLIT = ("re-split", "Re-split among the other partners")
    LEAD = ("lead authority", "Carried by the lead authority")


class CaseKind(LabelledEnum):
    REVIEW = ("review", "Review")
    LEARNING = ("learning review", "Learning review")


SHARE_KINDS = dhr.SHARE_KIND_WORDS  # a share's kind as Costs and the history say it


class Decision(LabelledEnum):
    PENDING = ("pending", "Pending")
    HOLD = ("hold", "Hold a review")
    NOT_HELD = ("not held", "Not held")


RULE_FIELDS = ("after", "months", "days")


class StageRuleForm(CostForm):
    """Stage rules…: the stage chosen shows its own rule (what it is due after, its months and days), as the file
    holds it. It showed the first rule whatever was chosen, so a stage chosen and its months changed was saved due
    after that rule's stage, without a word. A field typed before the stage is chosen keeps what was typed; the form
    is unsaved only where what is typed differs from the chosen stage's rule (looking at a rule changes nothing)."""

    def __init__(self, fields: Sequence[Field], rules_now: Mapping[str, rules.StageRule], **kw: Any):
        self.rules_now = dict(rules_now)
        super().__init__(fields, **kw)

    def _rule_values(self, stage: Any) -> dict[str, str]:
        rule = self.rules_now.get(stage)
        if rule is None:  # none the file holds that can be read (or no stage yet): blank, to be typed
            return dict.fromkeys(RULE_FIELDS, "")
        return {"after": rule.after, "months": str(rule.months), "days": str(rule.days)}

    def set_value(self, key: str, value: Any) -> None:
        if key == "stage" and self._as_held(key, value) != self._as_held(key, self.values.get(key)):
            shown = self._rule_values(self._as_held(key, self.values.get(key)))
            chosen = self._rule_values(self._as_held(key, value))
            for k in RULE_FIELDS:
                if self._as_held(k, self.values.get(k)) == self._as_held(k, shown[k]):  # not typed: follows the stage
                    self.values[k] = chosen[k]
                    self.errors.pop(k, None)
                    self.slips.pop(k, None)
            if self._as_held(key, value) in self.rules_now:  # what the file holds for it; else saved only when typed
                self.saved_values.update({key: value, **chosen})
        super().set_value(key, value)


@dataclass(frozen=True)
class CaseDetails:
    """What the page shows under the list for the selected case."""

    stages: list
    costs: list
    shares: list
    actions: list
    meetings: list


EMPTY = CaseDetails([], [], [], [], [])


@dataclass(frozen=True)
class ReviewsShown:
    """The reviews read as at a day (today unless an earlier one is chosen), and the sentence that says so."""

    day: date
    past: bool  # before today: each review as it stood then, one notified after it left out
    cases: list[dhr.CaseSummary]
    later: int = 0  # reviews notified after the day, left out
    read_only: bool = False  # the file cannot be changed: no list is where changes are made
    origins: RowOrigins = NOT_A_COUNTY_FILE  # in a county file, the office each review came from
    caveats: tuple[str, ...] = ()  # what Costs > Ledger says as at the day of what an earlier Safer Desk did not keep
    label: str = rules.LABELS[0]  # what the reviews are called: a SUSR left out is one referred after the day

    @property
    def note(self) -> str:
        """Beside the list as at a past day, that it is not today's ("" today: the list as it is), and where it cannot
        be the list as it stood: what Costs > Ledger says beside its figures as at the same day (``as_at_caveats``)."""
        if not self.past:
            return ""
        day = _uk(self.day)
        left = (f" {counted(self.later, 'review')} {rules.first_stage_done(self.label)} after {day} "
                f"{'is' if self.later == 1 else 'are'} left out." if self.later else "")
        where = "" if self.read_only else ", where changes are made"
        return " ".join([f"As at {day}, not today's list: each review as it stood that day, as Costs > Ledger and the "
                         f"board report count it (nothing dated after it).{left} Clear the date for today's "
                         f"list{where}.", *self.caveats])


def as_at_caveats(store, as_at: date) -> tuple[str, ...]:
    """What the figures as at ``as_at`` cannot show as they stood, in the words Costs > Ledger says beside its own
    (``LedgerShown.note``): reviews an earlier Safer Desk billed again or deleted cost lines of without keeping what it
    replaced, and a trail repaired after missing deleted or corrected cost lines."""
    return tuple(filter(None, [
        dhr.unkept_words(dhr.billed_again_unkept(store, as_at), as_at),
        dhr.deleted_unkept_words(dhr.deleted_lines_unkept(store, as_at), as_at),
        dhr.unrecorded_words(dhr.deleted_lines_unrecorded(store, as_at), as_at),
        dhr.corrections_unrecorded_words(dhr.corrections_unrecorded(store, as_at), as_at)]))
# The More menu's actions, in its order (DhrPresenter.more_actions says which apply to the selected case).
MORE_ACTIONS = ("resolve", "write_off", "panel_meeting", "recommendation", "complete_recommendation", "stage_rule",
                "edit_cost_line", "delete_cost_line", "paste_payments", "delete_payment", "delete_refund",
                "reopen_share", "delete_case")


# What an empty list of a new file's case form says (docs/user-guide.md, "Whose file it is"): where its names come from
DISTRICTS_FROM = "(none yet: name the office's districts in File > Office Details…)"
PARTNERS_FROM = "(none yet: add one in View > Districts, Partnerships and Partners…)"


def _none_yet(names: Sequence[str], where: str) -> tuple[tuple[str, str], ...]:
    """The choices with a blank first; with no names at all the blank says where they are added, so a new file's empty
    list is not taken for a fault (its value is still blank: the review is saved without one)."""
    return choices(names, blank="" if names else where)


class DhrPresenter(FormScreen):
    """The reviews page: rows, selection, the open form, and the actions (each an Action on tab "costs")."""

    def __init__(self, store, *, perform: Callable[[Action], object] = run_now,
                 today: Callable[[], date] = date.today, read_only: bool | None = None):
        super().__init__(perform=perform)
        self.store = store
        self.today = today  # read when used: a page left open overnight counts overdue from the new day
        self.read_only = bool(getattr(store, "read_only", False)) if read_only is None else read_only
        self.rows: list[dhr.CaseSummary] = []
        self.rows_changed = Event()
        self.selection_changed = Event()  # the case id now selected (None: nothing)
        self._first = True
        # The list as at a day, as Costs > Ledger's (its day, its refusals, its words); each page keeps its own.
        self.as_at = AsAtDay(lambda: self.today(), what="the list of reviews")
        self.shown = ReviewsShown(date.min, False, [])  # nothing read yet (today is read when the list is)
        self.notice = ""  # back on today's list after a change made while as at a day: said beside the field
        self.step_share: str | None = None  # while a step on a share (a payment) is shown again: the share's id

    # -- rows and selection ----------------------------------------------------------------------
    def reader(self) -> Callable[[Any], ReviewsShown]:
        """What to read (on a worker's connection), the day fixed now: as at a past day, each review as it stood then,
        read as `dhr-ledger --as-at DAY` and `report --as-at DAY` read it (a review notified after it left out, as the
        report leaves it out); today, every review as it is."""
        day, past = self.as_at.fixed()
        read_only = self.read_only

        def read(store) -> ReviewsShown:  # a review notified after the day is not listed by the service: counted here
            as_at = day if past else None
            return ReviewsShown(day, past, dhr.list_cases(store, today=day, as_at=as_at),
                                len(dhr.notified_after(store, as_at)), read_only, row_origins(store, REVIEWS),
                                as_at_caveats(store, as_at) if as_at is not None else (), dhr.review_label(store))

        return read

    def reload(self, select: str | None = None) -> None:
        self.show(self.reader()(self.store), select=select)

    def show(self, shown: ReviewsShown, select: str | None = None) -> None:
        """Show the reviews read (as at their day); keep the selection, or select ``select``."""
        self.shown = shown
        self.show_rows(shown.cases, select=select)

    def choose_day(self, text: str) -> bool:
        """The day typed in the As at field (blank: today): the list read as at it. Refused (a day to come, a day
        that is not one), the day shown is kept and ``as_at.message`` says why."""
        if not self.as_at.choose(text):
            return False
        self.notice = ""
        self.reload()
        return True

    def past_question(self) -> str:
        """Asked before a change while the list is as at a past day: a change is made on today's list."""
        day = _uk(self.shown.day)
        return (f"The list shows the reviews as at {day}, not today. A change is made to the reviews as they are "
                f"today, and shows on today's list: show today's list first (the date is cleared)?")

    def show_today(self) -> None:
        """Today's list again (the As at day cleared), the selected review kept."""
        self.as_at.choose("")
        self.notice = ""
        self.reload()

    def show_rows(self, rows: Sequence[dhr.CaseSummary], select: str | None = None) -> None:
        """Show these cases; keep the selection (or select ``select``: a case just created)."""
        self.rows = list(rows)
        self.rows_changed.emit()
        wanted = select or self.selected
        if wanted is None and self._first:  # start on the case with the most money at stake
            costed = max(self.rows, key=lambda c: c.cost_pence, default=None)
            wanted = costed.id if costed is not None and costed.cost_pence else None
        self._first = False
        self.select(wanted if self.case(wanted) is not None else None)

    def case(self, case_id: str | None) -> dhr.CaseSummary | None:
        return next((c for c in self.rows if c.id == case_id), None)

    @property
    def refunds_shown(self) -> bool:
        """Whether the list has its Refunded column: where something was refunded on a review listed, so that a
        review's cost = paid − refunded + outstanding + shortfall + not yet billed can be read across its row (as on
        the Ledger); elsewhere the list is as it was."""
        return any(c.refunded_pence for c in self.rows)

    def select(self, case_id: str | None) -> None:
        self.selected = case_id if self.case(case_id) is not None else None
        self.selection_changed.emit(self.selected)

    @property
    def selected_case(self) -> dhr.CaseSummary | None:
        return self.case(self.selected)

    def merged_from(self, case: dhr.CaseSummary) -> str:
        """The review's *Merged from* words in a county file ("Babergh office"); "" in an office's own file."""
        return self.shown.origins.of(case.id)

    def case_line(self) -> str:
        """The line over the selected review's details: its billing in one sentence (issue 14) and, in a county file,
        the office it came from ("BABERGH-DHR-2025-01: … Merged from Babergh office.")."""
        case = self.selected_case
        if case is None:  # cases listed, none chosen (none costed yet to start on): the panes below say nothing
            return "Choose a case in the list to see its stages, costs, shares and payments below." if self.rows else ""
        said = " ".join(t for t in (case.billing_text, self.shown.origins.sentence(case.id)) if t)
        return f"{case.reference}: {said}" if said else ""

    def details(self, *, today: bool = False) -> CaseDetails:
        """The selected case's stages, costs, shares, action plan and panel meetings, as at the day the list is (or
        ``today``, whatever the list's day)."""
        case = self.selected_case
        if case is None:
            return EMPTY
        store = self.store
        day, as_at = (self.today(), None) if today or not self.shown.past else (self.shown.day, self.shown.day)
        # as at a day, the rows dated by then (an undated one always counts), as the list's figures count them
        # the invoices billing again withdrew by then beside the partner's others, marked so and counted in nothing
        shares = sorted([*dhr.list_shares(store, today=day, case_id=case.id, as_at=as_at),
                         *dhr.withdrawn_shares(store, case_id=case.id, as_at=as_at)],
                        key=lambda s: (s.kind != "share", s.partner, not s.counted))
        # each line with what changed it since the day shown (its Changed since column): a line as it stood then
        # does not pass for the line as it stands
        lines = [{**line, "since": self.since_words(line)} for line in dhr.cost_lines(store, case.id, as_at=as_at)]
        return CaseDetails(dhr.case_stages(store, case.id, today=day, as_at=as_at), lines, shares,
                           dhr.recommendations(store, case.id, today=day, as_at=as_at),
                           dhr.panel_meetings(store, case.id, as_at=as_at))

    def more_actions(self, details: CaseDetails) -> dict[str, bool]:
        """Which of the More menu's actions have anything to act on in the selected case (details: what the
        page shows for it); the others are greyed, as a menu greys what cannot apply. Which row to act on is
        still chosen on the page: an action with something to act on says so when none is chosen."""
        if self.shown.past and self.selected_case is not None:  # what it has on today's list, where changes are made
            details = self.details(today=True)
        case, shares = self.selected_case, details.shares
        if case is None or self.read_only:
            return dict.fromkeys(MORE_ACTIONS, False) | {"stage_rule": not self.read_only}
        return {
            "resolve": any(s.status == "refused" and not s.refusal_handling for s in shares),
            "write_off": any(s.status == "invoiced" and s.outstanding_pence > 0 for s in shares),
            "panel_meeting": True, "recommendation": True,
            "complete_recommendation": any(not r["completed_on"] for r in details.actions),
            "stage_rule": True,
            "edit_cost_line": bool(details.costs), "delete_cost_line": bool(details.costs),
            "paste_payments": any(s.status == "invoiced" and s.outstanding_pence > 0 for s in shares),
            "delete_payment": any(s.paid_pence > 0 for s in shares),
            "delete_refund": bool(dhr.case_refunds(self.store, case.id)),
            "reopen_share": any(s.status in ("refused", "written off") for s in shares),
            "delete_case": True,
        }

    @staticmethod
    def filter_predicate(district: str = "", only_overdue: bool = False) -> Callable[[Any], bool] | None:
        if not district and not only_overdue:
            return None
        return lambda c: (not district or c.district == district) and (not only_overdue or c.overdue_items > 0)

    def districts(self) -> list[tuple[str, str]]:
        """The file's districts as (id, name): the page's filter offers each by name and keeps the one chosen by its id
        (a district whose spelling is corrected in Districts… stays chosen)."""
        return [(d.id, d.name) for d in list_districts(self.store)]

    @property
    def label(self) -> str:
        return dhr.review_label(self.store)

    def as_at_tip(self) -> str:
        """What Reviews as at does, said beside it: a SUSR left out is one referred after the day."""
        return ("Each review as it stood on this day: its stage, status and overdue on that day, only costs, invoices, "
                f"payments and refusals dated on or before it; a review {rules.first_stage_done(self.label)} after it "
                "is left out. Clear it for today's list.")

    # -- actions ------------------------------------------------------------------------------------
    def _refreshed(self, case_id: str | None, share_id: str | None = None) -> None:
        """After an action, its undo or its redo: read the cases again and show the case it changed, and the share it
        was on (``step_share`` while it is shown: a payment undone on another review came back with no share chosen,
        and Payment… asked to choose one). As at a past day (Edit > Undo pressed there), today's list: the change is
        to the reviews as they are, and would not show (or would show on the wrong day's figures) on the past day's."""
        if self.as_at.chosen is not None:
            self.as_at.choose("")
            self.notice = ("Showing today's list again: a review was changed (or a change undone or redone), and it "
                           "shows on today's list.")
        shown = self.reader()(self.store)
        exists = any(c.id == case_id for c in shown.cases)  # the list just read says (a whole snapshot was read)
        self.step_share = share_id
        try:
            self.show(shown, select=case_id if exists else None)
        finally:
            self.step_share = None
        self.data_changed.emit()

    def case_action(self, text: str, case_id: str | None, change: Callable[[], Any],
                    share_id: str | None = None) -> Any:
        """One undoable step on a case (``case_id`` None: the change creates it and returns its id), on one of its
        shares (``share_id``: chosen again when the step is done, undone or redone)."""
        store = self.store
        return self.perform(snapshot_action(
            text, key=case_id, snap=lambda k: dhr.snapshot_case(store, k), restore=lambda s: dhr.restore_case(store, s),
            absent=lambda k: dhr.CaseSnapshot(k, None), change=change, after=lambda k: self._refreshed(k, share_id)))

    def change_label(self, label: str) -> None:
        old = self.label
        if label == old or self.read_only:
            return
        store = self.store
        self.perform(Action(f"Call the reviews {label}s", lambda: dhr.set_review_label(store, label),
                            lambda: dhr.set_review_label(store, old), TAB, after=self._relabelled))

    def _relabelled(self) -> None:
        """The reviews named anew (or the naming undone or redone): the list read again, as at the day it shows, so
        the chosen review's stages and every Stage reached are named as the name chosen names them (a SUSR's "Referred
        to the Regional Safeguarding Board" stayed on a page retitled Domestic Homicide Reviews)."""
        case = self.selected_case
        self.reload(select=case.id if case is not None else None)
        self.data_changed.emit()

    def delete_case_question(self) -> str:
        """What the window asks before deleting the selected case, with the budget lines that count it."""
        from safer_desk.services.budgets import linked_lines_words

        case = self.need_case()
        linked = linked_lines_words(self.store, "case_id", [case.id])
        # What leaves every partner's ledger with one Yes, said in money: a review deleted in error took it unsaid.
        money = (f" The partners were billed {format_money(case.billed_pence)} for it, have paid "
                 f"{format_money(case.recovered_pence)} and owe {format_money(case.outstanding_pence)}: the ledger "
                 "will no longer count any of it (Edit > Undo brings it back)." if case.billed_pence else "")
        back = self.shown.origins.comes_back_words([case.id])  # a county file: the office's next export puts it back
        return (f"Delete {case.reference} with its costs, shares and payments?"
                + (f" It is {linked}, which will no longer count it." if linked else "")
                + (f" {back}" if back else "") + money)

    def delete_case(self) -> None:
        case = self.need_case()
        self.case_action(f"Delete case {case.reference}", case.id, lambda: dhr.delete_case(self.store, case.id))

    @staticmethod
    def since_words(line: dict) -> str:
        """A cost line's Changed since, listed as at a day: "Corrected 01/08/2018: shown as it stood" for one a
        correction since replaced ("Deleted …" for one deleted since); "" for a line as it stands (and for the row of
        what lines an earlier Safer Desk deleted came to, whose description says so)."""
        for column, done in (("deleted_on", "Deleted"), ("replaced_on", "Corrected")):
            if line.get(column):
                return f"{done} {_uk(date.fromisoformat(line[column]))}: shown as it stood"
        return ""

    @staticmethod
    def since_day(line: dict) -> date | None:
        """The day a cost line listed as at a day was deleted or corrected since (None: as it stands): what its Changed
        since column sorts by, so the lines order by when they changed, not by their words' day-first dates."""
        for column in ("deleted_on", "replaced_on"):
            if line.get(column):
                return date.fromisoformat(line[column])
        return None

    @staticmethod
    def deleted_line_words(line: dict) -> str:
        """What is said of a cost line listed as at a day that has been deleted or corrected since ("" for a line as it
        stands): one kept as it was (its day), or the row of what lines an earlier Safer Desk deleted came to."""
        money = format_money(line["amount_pence"])
        if line.get("deleted_on"):
            day = _uk(date.fromisoformat(line["deleted_on"]))
            return (f"The {line['category']} cost of {money} was deleted on {day}: it is listed as it stood on the day "
                    "shown, and nothing can be changed on it.")
        if line.get("replaced_on"):
            day = _uk(date.fromisoformat(line["replaced_on"]))
            return (f"The {line['category']} cost of {money} was corrected on {day}: it is listed as it stood on the "
                    "day shown, and nothing can be changed on it (correct it as it stands now, with no day chosen).")
        if str(line.get("id", "")).startswith("taken-off:"):
            return (f"{dhr.TAKEN_OFF} ({money}) is what cost lines deleted since came to: they are not kept, and "
                    "nothing can be changed on them.")
        return ""

    def delete_cost_line_said(self, line: dict) -> str:
        """What deleting a cost line does ("" when nothing more than that), said in the question: the partners billed
        again without it (a cost keyed twice and billed), or a capped payer billed more than its part would come to.
        DhrError when it cannot be deleted (the partners paid more than the costs would come to without it, or it was
        deleted since the day shown)."""
        if gone := self.deleted_line_words(line):
            raise rules.DhrError(gone)
        return " ".join(filter(None, [
            self._rebilling_said(line, category=line["category"], amount_pence=0),
            dhr.capped_part_after(self.store, line["id"], category=line["category"], amount_pence=0)]))

    def delete_cost_line(self, line: dict) -> None:
        case = self.need_case()
        self.case_action(f"Delete the {line['category']} cost of {format_money(line['amount_pence'])} from "
                         f"{case.reference}", case.id,
                         lambda: dhr.delete_cost_line(self.store, line["id"], bill_again_on=self.today()))

    def _rebilling_said(self, line: dict, *, category: str, amount_pence: int) -> str:
        """What correcting a billed cost line to ``amount_pence`` (0: deleting it) bills again today, in words ("" when
        the costs stay at or above what the partners were billed); DhrError when it cannot be done."""
        plan = dhr.correction_rebilling(self.store, line["id"], category=category, amount_pence=amount_pence,
                                        on=self.today())
        if plan is None:
            return ""
        if not sum(plan.shares.values()):  # every cost taken off: nobody is billed again, not even £0
            refs = ", ".join(r["invoice_ref"] for r in plan.cancelled)
            invoices = f"invoice{'s' if len(plan.cancelled) != 1 else ''}"
            return (f"The costs would come to £0, so the partners' {len(plan.cancelled)} {invoices} for this review "
                    f"({refs}) are withdrawn, their numbers never used again, and none is issued in their place: "
                    "the review reads as not billed.")
        summary = plan.summary()
        return (f"The costs would come to {format_money(sum(plan.shares.values()))}, less than the partners were "
                f"billed, so they are billed again with the review's own split: {summary[0].upper()}{summary[1:]}")

    @staticmethod
    def stage_field(stage: rules.StageStatus) -> str | None:
        """The Edit case field holding a stage's date (None: the first panel meeting's, the first of the meetings)."""
        return stage.stage.column if stage.stage.column in dhr.CASE_DATE_FIELDS else None

    def need_case(self) -> dhr.CaseSummary:
        """The selected case, or LookupError saying to choose one (what every action on a case needs first)."""
        case = self.selected_case
        if case is None:
            raise LookupError("Select a case in the list first.")
        return case

    # -- forms ----------------------------------------------------------------------------------------
    def _form(self, fields: list[Field], title: str, commit, *, heading: str = "", **kw: Any) -> CostForm:
        form = CostForm(fields, title=title, heading=heading or title, commit=commit, today=self.today, **kw)
        form.read_only = self.read_only
        return self.open_form(form)

    def _case_fields(self, board: bool = False) -> list[Field]:
        """The case form's fields; with ``board``, the Regional Safeguarding Board that commissioned it (a SUSR's:
        offered with the reviews called so, or for a case that has one)."""
        store = self.store
        susr = self.label == rules.SUSR  # its stage dates named as its stages are
        alt, happened = (_SUSR_CASE_DATE_KEYS, _SUSR_STAGE_HAPPENED) if susr else (_CASE_DATE_KEYS, _STAGE_HAPPENED)
        example = _example_reference(self.label)
        return [
            Field("reference", "&Reference", required=True, placeholder=f"e.g. {example}",
                  help=f"A code such as {example} — never the victim's name"),
            Field("kind", "&Kind", FieldKind.CHOICE, choices=tuple(CaseKind.choices())),
            Field("district", "&District", FieldKind.CHOICE,
                  choices=_none_yet([d.name for d in list_districts(store)], DISTRICTS_FROM)),
            Field("partnership", "&Partnership conducting it", FieldKind.CHOICE,
                  choices=_none_yet([p.name for p in list_partnerships(store)], PARTNERS_FROM)),
            Field("lead_organisation", "&Lead authority", FieldKind.CHOICE,
                  choices=_none_yet([o.name for o in list_organisations(store)], PARTNERS_FROM)),
            Field("decision", "De&cision", FieldKind.CHOICE, choices=tuple(Decision.choices())),
            *([Field("safeguarding_board", "Regional Safeguarding &Board", placeholder="e.g. Gwent Safeguarding Board",
                     help="The Regional Safeguarding Board that commissioned the review")] if board else []),
            *[Field(key, label.replace(alt[key], "&" + alt[key], 1), FieldKind.DATE, happened=happened.get(key, ""),
                    date_doubt=self._before_reviews_began if key == "notified_on" else None)
              for key, label in dhr.case_date_fields(self.label).items()],
            Field("notes", "&Notes", FieldKind.LONG_TEXT),
        ]

    def _before_reviews_began(self, day: date) -> str:
        """The question about a review notified (a SUSR: referred) before such reviews began: asked once beside the
        date, in place of the far-year one (``rules.before_reviews_began_words``)."""
        return rules.before_reviews_began_words(day, self.label)

    def new_case_form(self) -> CostForm:
        """An empty case form; the case is written on Save, then selected and shown."""

        def commit(v: dict) -> str:
            return self.case_action(f"Add case {v['reference']}", None, lambda: dhr.add_case(self.store, **v))

        return self._form(self._case_fields(self.label == rules.SUSR), f"New {self.label.lower()}", commit,
                          warnings=lambda v: {**_case_dates_out_of_order(v, self.label),
                                              **_partnership_not_then(self.store, v),
                                              "reference": dhr.reference_warnings(v["reference"])},
                          heading=f"New {self.label.lower()} — not saved yet. Use a reference, never the victim's "
                                  f"name: a form like {_example_reference(self.label)}.",
                          values={"kind": CaseKind.REVIEW.value, "decision": Decision.PENDING.value})

    def edit_case_form(self) -> CostForm:
        case = self.need_case()
        record = dhr.case_record(self.store, case.id)
        names = {"district": {d.id: d.name for d in list_districts(self.store)},
                 "partnership": {p.id: p.name for p in list_partnerships(self.store)},
                 "lead_organisation": {o.id: o.name for o in list_organisations(self.store)}}
        board = self.label == rules.SUSR or bool(record.get("safeguarding_board"))
        values = {"reference": record["reference"], "kind": record["kind"], "decision": record["decision"],
                  "notes": record["notes"] or "",
                  **({"safeguarding_board": record.get("safeguarding_board") or ""} if board else {}),
                  **{k: names[k].get(record[f"{k}_id"], "") for k in names},
                  **{k: _uk(record.get(k)) for k in dhr.CASE_DATE_FIELDS}}
        return self._form(self._case_fields(board), f"Edit case {case.reference}", lambda v: self.case_action(
            f"Edit case {case.reference}", case.id, lambda: dhr.update_case(self.store, case.id, **v)),
            heading=f"Editing case {case.reference}. Never record a victim's name.", values=values, correcting=True,
            warnings=lambda v: {k: doubts for k, doubts in {**_case_dates_out_of_order(v, self.label),
                                                            **_partnership_not_then(self.store, v),
                                                            "reference": dhr.reference_warnings(v["reference"])}.items()
                                if not _as_kept(v, values, k)})

    @staticmethod
    def _cost_line_fields() -> list[Field]:
        return [Field("category", "C&ategory", FieldKind.CHOICE, choices=choices(rules.COST_CATEGORIES)),
                Field("description", "&Description"), Field("supplier", "Su&pplier"),
                Field("invoice_ref", "&Invoice reference"),
                Field("invoiced_on", "Invoice da&te", FieldKind.DATE, happened="the invoice"),
                Field("amount", "A&mount", FieldKind.MONEY, required=True, refused_words=rules.cost_amount_words)]

    def _billed_note(self, case: dhr.CaseSummary, what: str) -> str:
        # What a refund gave back is not billed until billed again: the invoices came to that much more.
        refunded = sum(dhr.refunded_by_partner(self.store, case.id).values())
        billed = case.cost_pence - dhr.unbilled_pence(self.store, case.id) + refunded
        since = f", {format_money(refunded)} of it refunded since" if refunded else ""
        return (f"The partners have been billed {format_money(billed)} for this review's costs{since}: {what} billed to "
                "them with Bill partners (charge)… as further invoices." if billed else "")

    @staticmethod
    def _estimate_refused(form: CostForm, values: Mapping[str, Any] | None = None) -> dict[str, str]:
        """An Amount typed as an estimate ("c. £5,000"), refused beside it: the parser reads it as its figure; and one
        of £0 (``values``: as read), which the service refuses, said before any question (Save again only led to it)."""
        said = rules.cost_estimate_words(str(form.value("amount") or ""))
        if said:
            return {"amount": said}
        return dict(NOUGHT_AMOUNT) if values is not None and values.get("amount") == 0 else {}

    def cost_line_form(self) -> CostForm:
        case = self.need_case()
        title = f"Cost line for {case.reference}"
        form = self._form(self._cost_line_fields(), title, lambda v: self.case_action(
            f"Add {format_money(v['amount'])} cost line to {case.reference}", case.id,
            lambda: dhr.add_cost_line(self.store, case.id, **v)), note=self._billed_note(case, "a cost added now is"),
            heading=f"{title} (cost so far {_cost_text(case)})", values={"category": rules.COST_CATEGORIES[0]},
            check=lambda v: self._estimate_refused(form, v),
            warnings=lambda v: {"supplier": dhr.name_warnings(supplier=v["supplier"]),
                                "amount": list(filter(None, [rules.cost_line_doubt(v["amount"])])),
                                **_before_notified(self.store, case.id, v, "invoiced_on")})
        return form

    def edit_cost_line_form(self, line: dict) -> CostForm:
        """Correct a cost line keyed wrongly (its amount, date, supplier …); never below what was billed for it."""
        case = self.need_case()
        if gone := self.deleted_line_words(line):  # listed as at a day before it was deleted or corrected
            raise NothingTo("Cost line corrected since" if line.get("replaced_on") and not line.get("deleted_on")
                            else "Cost line deleted", gone)
        said = f"{line['category']} cost of {format_money(line['amount_pence'])} for {case.reference}"
        title = f"{said[0].upper()}{said[1:]}"
        values = {k: line[k] or "" for k in ("category", "description", "supplier", "invoice_ref")}
        values.update(invoiced_on=_uk(date.fromisoformat(line["invoiced_on"])) if line["invoiced_on"] else "",
                      amount=format_money(line["amount_pence"]))

        def refused(v: dict) -> dict[str, str]:  # beside the amount, before anything is asked about it
            if estimate := self._estimate_refused(form, v):
                return estimate
            try:
                self._rebilling_said(line, category=v["category"], amount_pence=v["amount"])
            except rules.DhrError as exc:
                return {"amount": str(exc)}
            return {}

        form = self._form(self._cost_line_fields(), title, lambda v: self.case_action(
            f"Change the {said}", case.id,
            lambda: dhr.update_cost_line(self.store, line["id"], bill_again_on=self.today(), **v)),
            note=self._billed_note(case, "a cost corrected below that bills them again with the review's split "
                                         "(asked first), and a cost raised now is"), values=values, correcting=True,
            check=lambda v: refused(v) if v.get("amount") is not None and v.get("category") else {},
            warnings=lambda v: {"supplier": dhr.name_warnings(supplier=v["supplier"]), "amount": list(filter(None, [
                # an amount kept as it is was asked about when it was typed
                rules.cost_line_doubt(v["amount"]) if v["amount"] != line["amount_pence"] else "",
                self._rebilling_said(line, category=v["category"], amount_pence=v["amount"]),
                dhr.capped_part_after(self.store, line["id"], category=v["category"], amount_pence=v["amount"])])),
                **({} if _uk(v.get("invoiced_on")) == values["invoiced_on"]  # a date already kept is not asked again
                   else _before_notified(self.store, case.id, v, "invoiced_on"))})
        return form

    def panel_meeting_form(self) -> CostForm:
        case = self.need_case()
        fields = [Field("met_on", "&Date", FieldKind.DATE, required=True), Field("note", "&Note")]
        # a meeting before the review's first stage, as any stage dated so (a slip of the year), or after today (not
        # held yet): asked about once
        return self._form(fields, f"Panel meeting for {case.reference}", lambda v: self.case_action(
            f"Add panel meeting to {case.reference}", case.id,
            lambda: dhr.add_panel_meeting(self.store, case.id, v["met_on"], v["note"])),
            warnings=lambda v: _panel_meeting_doubts(self.store, case.id, v, self.today()))

    def edit_panel_meeting_form(self, meeting: dict) -> CostForm:
        """A panel meeting's date or note, corrected (Enter or a double-click on it)."""
        case = self.need_case()
        fields = [Field("met_on", "&Date", FieldKind.DATE, required=True), Field("note", "&Note")]
        values = {"met_on": _uk(date.fromisoformat(meeting["met_on"])), "note": meeting["note"] or ""}
        return self._form(fields, f"Panel meeting for {case.reference}", lambda v: self.case_action(
            f"Change the panel meeting of {values['met_on']} in {case.reference}", case.id,
            lambda: dhr.update_panel_meeting(self.store, meeting["id"], met_on=v["met_on"], note=v["note"])),
            values=values, correcting=True,
            warnings=lambda v: {} if _as_kept(v, values, "met_on") else _panel_meeting_doubts(self.store, case.id, v,
                                                                                              self.today()))

    @staticmethod
    def _recommendation_fields() -> list[Field]:
        return [Field("text", "&Recommendation", FieldKind.LONG_TEXT, required=True), Field("owner", "&Owner"),
                Field("due_on", "&Due", FieldKind.DATE),
                Field("completed_on", "&Completed", FieldKind.DATE, happened="the completion")]

    def recommendation_form(self) -> CostForm:
        case = self.need_case()
        return self._form(self._recommendation_fields(), f"Recommendation for {case.reference}",
                          lambda v: self.case_action(
            f"Add recommendation to {case.reference}", case.id, lambda: dhr.add_recommendation(
                self.store, case.id, v["text"], owner=v["owner"], due_on=v["due_on"],
                completed_on=v["completed_on"])),
            warnings=lambda v: dhr.name_warnings(owner=v["owner"]), warn_key="owner")

    def edit_recommendation_form(self, rec: dict) -> CostForm:
        """A recommendation's text, owner, due date (an extension agreed) or completion, corrected."""
        case = self.need_case()
        title = f"Recommendation {rec['number']} of {case.reference}"
        values = {"text": rec["text"], "owner": rec["owner"] or "",
                  **{k: _uk(date.fromisoformat(rec[k])) if rec[k] else "" for k in ("due_on", "completed_on")}}
        return self._form(self._recommendation_fields(), title, lambda v: self.case_action(
            f"Change recommendation {rec['number']} of {case.reference}", case.id,
            lambda: dhr.update_recommendation(self.store, rec["id"], **v)), values=values, correcting=True,
            warnings=lambda v: dhr.name_warnings(owner=v["owner"]), warn_key="owner")

    def delete_recommendation(self, rec: dict) -> None:
        case = self.need_case()
        self.case_action(f"Delete recommendation {rec['number']} of {case.reference}", case.id,
                         lambda: dhr.delete_recommendation(self.store, rec["id"]))

    def delete_panel_meeting(self, meeting: dict) -> None:
        case = self.need_case()
        self.case_action(f"Delete the panel meeting of {_uk(date.fromisoformat(meeting['met_on']))} from "
                         f"{case.reference}", case.id, lambda: dhr.delete_panel_meeting(self.store, meeting["id"]))

    def complete_recommendation_form(self, rec: dict) -> CostForm:
        case = self.need_case()
        title = f"Recommendation {rec['number']} of {case.reference}"
        return self._form([Field("completed_on", "&Completed", FieldKind.DATE, required=True,
                                 happened="the completion")], title,
                          lambda v: self.case_action(f"Complete recommendation {rec['number']} of {case.reference}",
                                                     case.id, lambda: dhr.update_recommendation(
                                                         self.store, rec["id"], completed_on=v["completed_on"])),
                          values={"completed_on": _uk(self.today())})

    def stage_rule_form(self) -> CostForm:
        current = {r.stage: r for r in dhr.stage_rules(self.store)}
        first = next(iter(current.values()), rules.DEFAULT_RULES[0])
        called, stages = self.label, rules.stages_for(self.label)  # a SUSR's named as its guidance names them
        fields = [Field("stage", "S&tage", FieldKind.CHOICE, required=True,
                        choices=tuple((s.key, s.label) for s in stages[1:])),
                  Field("after", "Due &after", FieldKind.CHOICE, required=True,
                        choices=tuple((s.key, s.label) for s in stages[:-1])),
                  Field("months", "&Months", FieldKind.NUMBER), Field("days", "&Days", FieldKind.NUMBER)]
        store = self.store

        def commit(v: dict) -> None:
            months, days = v["months"] or 0, v["days"] or 0
            if int(months) != months or int(days) != days:
                raise FormError({"months" if int(months) != months else "days": "A whole number, please."})
            stage = v["stage"]
            old = dhr.stage_rule_row(store, stage)  # as the file holds it, even a rule left aside as impossible
            label = rules.stage_label(stage, called)
            self.perform(Action(
                f"Change the stage rule for {label}",
                lambda: dhr.set_stage_rule(store, stage, v["after"], int(months), int(days)),
                lambda: dhr.put_back_stage_rule(store, stage, old),
                TAB, after=lambda: self._refreshed(self.selected)))

        note = "Rules now: " + "; ".join(f"{rules.stage_label(r.stage, called)} {r.describe(called)}"
                                         for r in current.values())
        note = " ".join(w for w in (rules.timescales_words(called), note) if w)  # a SUSR's: none statutory known
        form = StageRuleForm(fields, current, title="Stage rules", heading="Stage rules: how long each stage may take",
                             commit=commit, note=note, today=self.today, correcting=True)
        form.set_value("stage", first.stage)
        form.read_only = self.read_only
        return self.open_form(form)

    def bill_form(self) -> CostForm:
        case = self.need_case()
        fields = [Field("invoiced_on", "Invoice &date", FieldKind.DATE, required=True, happened="the invoices"),
                  Field("due_days", "Days to &pay", FieldKind.NUMBER, required=True),
                  Field("prefix", "Invoice numbers start &with")]

        def commit(v: dict) -> None:
            if int(v["due_days"]) != v["due_days"]:
                raise FormError({"due_days": "A whole number of days."})
            self.case_action(f"Bill the partners for {case.reference}", case.id, lambda: dhr.bill_partners(
                self.store, case.id, invoiced_on=v["invoiced_on"], due_days=int(v["due_days"]),
                invoice_prefix=v["prefix"], sharing=v.get("sharing") or dhr.ON_THE_DAY))

        names = {o.id: o.name for o in list_organisations(self.store)}
        today = self.today()
        # The partners listed are those the Split grid lists: on the review's own day (dhr.split_day), not today's.
        listed_on = dhr.split_day(self.store, case.id, today)
        # Costs added since the first billing, the partners changed since (the ICB in place of the CCGs): asked who
        # shares them, the partners on the invoice date unless the officer chooses those first billed.
        try:
            changed = dhr.partners_changed_since_billed(self.store, case.id, today)
        except rules.DhrError:
            changed = False
        if changed:
            fields.append(Field("sharing", "S&hared by", FieldKind.CHOICE, required=True, choices=(
                (dhr.ON_THE_DAY, "The statutory partners on the invoice date"),
                (dhr.FIRST_BILLED, f"The partners first billed, on {_uk(listed_on)}"))))
            listed_on = today

        def other_partners(v: dict) -> dict[str, list[str]]:
            """The first invoices go to the partners on their date: one whose partners differ from those listed
            (the Split grid's) is asked about once, naming who is billed and who is not; as is a date before the
            death was notified."""
            day = v.get("invoiced_on")
            early = _before_notified(self.store, case.id, v, "invoiced_on")
            if not isinstance(day, date):
                return early
            if dhr.list_shares(self.store, today=today, case_id=case.id):
                # further invoices go to the partners first billed: one gone by their date (the CCGs after
                # 30/06/2022, the ICB in their place) is asked about once, not billed unsaid
                try:
                    gone = dhr.former_partners_billed(self.store, case.id, day, v.get("sharing") or dhr.ON_THE_DAY)
                except rules.DhrError:
                    return early
                if not gone:
                    return early
                many = len(gone) != 1
                who = in_words([f"{name} (to {_uk(last)})" for name, last in gone])
                return {"invoiced_on": [*early.get("invoiced_on", []), (
                    f"{who} {'are' if many else 'is'} no longer "
                    f"{'statutory partners' if many else 'a statutory partner'} on {_uk(day)}, yet the review's "
                    f"split bills {'them' if many else 'it'} for the costs added since, as the partners first billed. "
                    f"Save again to bill {'them' if many else 'it'} all the same, or change who shares the cost "
                    "first with Split… > Bill again with another split…"
                    + (", or choose the partners on the invoice date in Shared by." if changed else "."))]}
            if day == listed_on:
                return early
            try:
                then = set(dhr.case_partners(self.store, case.id, day))
                now = set(dhr.case_partners(self.store, case.id, listed_on))
            except rules.DhrError:
                return {}  # refused on Save, beside the date
            if then == now:
                return early
            changes = [f"{' and '.join(sorted(names.get(i, i) for i in ids))} would {word}"
                       for ids, word in ((then - now, "be billed"), (now - then, "not be billed")) if ids]
            return {"invoiced_on": [*early.get("invoiced_on", []), f"On {_uk(day)} the partnership's statutory "
                                    f"partners are not those listed: {'; '.join(changes)}."]}

        # Further invoices are due on the terms of those before them (a review billed on 60 days' terms).
        terms = dhr.case_due_days(self.store, case.id)
        try:
            unbilled = dhr.unbilled_pence(self.store, case.id)
            sent = dhr.invoices_to_send(self.store, case.id, listed_on)
            shares = "; ".join(f"{names.get(k, k)} {format_money(v)}" for k, v in
                               sorted(sent.items(), key=lambda kv: names.get(kv[0], kv[0])) if v)
            # A share that comes to £0 (a percentage of a cost under a penny, a capped payer covering it all) is still
            # invoiced, to keep the partner in the split: said, not left for the invoices to show.
            if nothing := sorted(names.get(k, k) for k, v in sent.items() if not v):
                shares += (f"; and £0 to {in_words(nothing)}, whose share comes to nothing (an invoice of £0 keeps "
                           f"{'it' if len(nothing) == 1 else 'them'} in the split for costs added later)")
            if case.cost_pence <= 0:
                note = dhr.NO_COSTS_YET
            elif unbilled == case.cost_pence:
                note = f"Shares among the statutory partners on {_uk(listed_on)}: " + shares
            elif unbilled > 0:
                # What a refund gave back is billed again here too: not a cost added, which nobody keyed (the sentence
                # under the list says it as Billing.describe does).
                why = ("costs added since the partners were billed, or refunded to a partner that overpaid"
                       if dhr.refunded_by_partner(self.store, case.id) else "")
                note = ((f"{format_money(unbilled)} not yet billed ({why}), as further invoices to the partners short "
                         f"of their shares: {shares}" if why else
                         f"Costs of {format_money(unbilled)} added since the partners were billed, as further "
                         f"invoices: {shares}") + (f". Days to pay: those of the invoices before ({terms})."
                                                   if terms is not None else ""))
                note += _let_off_billed_words(self.store, case.id, [k for k, v in sent.items() if v], names, today)
                if changed:  # the shares listed are those of today's partners: Shared by chooses
                    note += (f" The partnership's statutory partners on {_uk(today)} are not those first billed: the "
                             "costs added since are shared as Shared by says (listed: among the partners on "
                             f"{_uk(today)}).")
            else:
                note = dhr.ALL_BILLED
        except rules.DhrError as exc:
            note = str(exc)
        return self._form(fields, f"Bill the partners for {case.reference}", commit, note=note,
                          warnings=other_partners,
                          check=lambda v: _days_to_pay_refused(v) | _before_first_invoices(self.store, case.id, v),
                          values={"invoiced_on": _uk(today), **({"sharing": dhr.ON_THE_DAY} if changed else {}),
                                  "due_days": str(dhr.DEFAULT_DUE_DAYS if terms is None else terms),
                                  "prefix": dhr.case_invoice_prefix(self.store, case.id)})

    @staticmethod
    def _counted(share: dhr.ShareRow | None) -> dhr.ShareRow:
        """The share, unless it is an invoice billing again withdrew: nothing is recorded on one (said why); with no
        share and no case chosen (a new file's Payment…, or a search matching no review), to choose a case first."""
        if share is None:
            raise LookupError("Select a case in the list first.")
        if not share.counted:
            raise NothingTo("Invoice withdrawn", DhrPresenter.withdrawn_words(share))
        return share

    @staticmethod
    def withdrawn_words(share: dhr.ShareRow) -> str:
        """What is said of an invoice billing again withdrew when a step is asked of it (Enter, Del, Payment…)."""
        instead = share.reason.split(": ", 1)[1] if ": " in share.reason else ""  # "MSDC-DHR1-12 in its place"
        return (f"{share.invoice_ref}, {share.partner}'s invoice of {format_money(share.amount_pence)} for "
                f"{share.case_reference}, was withdrawn on {_uk(share.withdrawn_on)} when the review was billed "
                f"again{f', {instead}' if instead else ''}. Nothing was paid on it and nothing is owed on it: it is "
                "listed so that it can be seen, and counted in no figure.")

    def payment_form(self, share: dhr.ShareRow) -> CostForm:
        self._counted(share)
        case = self.need_case()
        if why := self.share_opened_words(share):  # as Enter on it says: a form of £0 could only be refused
            raise NothingTo("Nothing outstanding", why)
        fields = [Field("paid_on", "&Paid on", FieldKind.DATE, required=True, happened="a payment"),
                  Field("amount", "A&mount", FieldKind.MONEY, required=True), Field("reference", "&Reference")]
        title = f"Payment from {share.partner} for {case.reference}"
        return self._form(fields, title, lambda v: self.case_action(
            f"{format_money(v['amount'])} paid by {share.partner} for {case.reference}", case.id,
            lambda: dhr.record_payment(self.store, share.id, **v), share.id),
            note=f"Outstanding on this share: {format_money(share.outstanding_pence)}.",
            values={"paid_on": _uk(self.today()), "amount": format_money(share.outstanding_pence)},
            warnings=lambda v: _before_invoice(share, v, "paid_on"), check=lambda v: _beyond_outstanding(share, v))

    @staticmethod
    def share_opened_words(share: dhr.ShareRow) -> str:
        """Why Enter (or a double-click) on a share opens no Payment… for it, "" when it does: nothing is outstanding
        on it, so what to use instead is said (it did nothing at all, session 45)."""
        if share.outstanding_pence > 0:
            return ""
        if not share.counted:
            return DhrPresenter.withdrawn_words(share)
        if share.kind == "carried":  # no payment anyone keyed: Delete a payment… refuses it
            return (f"Nothing is outstanding on {share.partner}'s share of {share.case_reference} "
                    f"({share.status_text}): it is the lead authority carrying a refusal. Reopening the refused share "
                    "(More > Reopen a refused or written-off share, chosen on the refused share) takes it back.")
        return (f"Nothing is outstanding on {share.partner}'s share of {share.case_reference} ({share.status_text}). "
                "To correct a payment recorded on it, use More > Delete a payment… and record it again with "
                "Payment…; a refused or written-off share is taken back by More > Reopen a refused or written-off "
                "share.")

    @staticmethod
    def nothing_to_close_words(share: dhr.ShareRow, status: ShareStatus) -> str:
        """Why Refused… or Write off… opens no form on a share, "" when it does: one already refused or written off,
        paid in full or billed £0 has nothing left to refuse or write off (the reason typed was then refused)."""
        verb = "refuse" if status == ShareStatus.REFUSED else "write off"
        if share.status != "invoiced":
            return (f"{share.partner}'s share of {share.case_reference} is already {share.status}: there is nothing "
                    f"more to {verb}. A refused or written-off share is taken back by More > Reopen a refused or "
                    "written-off share.")
        if share.amount_pence == 0:  # a capped payer covering the whole cost: nothing was billed to it
            return f"{share.partner}'s share of {share.case_reference} is billed £0: there is nothing to {verb}."
        if share.outstanding_pence <= 0:
            return f"There is nothing to {verb}. {DhrPresenter.share_opened_words(share)}"
        return ""

    @staticmethod
    def share_delete_words(share: dhr.ShareRow) -> str:
        """What Del on a partner's invoice says: an invoice sent is not deleted (it did nothing at all, session 64),
        and what puts one billed in error right, for the invoice as it stands."""
        if not share.counted:
            return DhrPresenter.withdrawn_words(share)
        said = [f"{share.invoice_ref}, {share.partner}'s invoice of {format_money(share.amount_pence)} for "
                f"{share.case_reference}, is not deleted: an invoice sent keeps its number."]
        reopen = "More > Reopen a refused or written-off share"
        if share.kind == "carried":  # its "payment" is the carrying itself: taken back with the refusal's reopening
            return " ".join([*said, f"It is the lead authority carrying a refusal: reopening the refused share "
                                    f"({reopen}, chosen on the refused share) takes it back."])
        if share.kind == "re-split":
            said.append(f"It is part of a refusal re-split among the partners: reopening the refused share ({reopen}, "
                        "chosen on the refused share) takes the re-split invoices back, once nothing is paid on them.")
        else:
            said.append("Billed in error, it is put right by correcting (or deleting) the cost keyed wrongly on Costs, "
                        "or, for the wrong split or a partner who should not have been billed, by Split… > Bill again "
                        "with another split…: either way the invoices nothing was paid on are cancelled and the "
                        "partners billed again. Edit > Undo takes back a billing just done.")
        if share.paid_pence:
            said.append("A payment recorded on it in error is removed with More > Delete a payment….")
        if share.status in ("refused", "written off"):
            said.append(f"Its {'refusal' if share.status == 'refused' else 'write-off'} is taken back with {reopen}.")
        return " ".join(said)

    def refund_allowed(self, share: dhr.ShareRow | None) -> bool:
        """Whether Refund excess… applies to the chosen share: its partner paid on the review beyond its share."""
        if share is None or self.read_only or self.selected_case is None or not share.counted:
            return False
        return dhr.refund_credit(self.store, share.case_id, share.organisation_id) > 0

    def refund_form(self, share: dhr.ShareRow) -> CostForm:
        """Give back to the chosen share's partner what it paid on the review beyond its share: the form says the
        most that may be refunded, and refuses more beside the amount."""
        case = self.need_case()
        self._counted(share)
        credit = dhr.refund_credit(self.store, case.id, share.organisation_id)
        if credit <= 0:
            raise NothingTo("Nothing to refund", f"{share.partner} has not paid more than its share of "
                            f"{case.reference}: there is nothing to refund.")
        fields = [Field("refunded_on", "Refunded &on", FieldKind.DATE, required=True, happened="a refund"),
                  Field("amount", "A&mount", FieldKind.MONEY, required=True), Field("reference", "&Reference")]

        def beyond_credit(v: dict) -> dict[str, str]:
            pence = v.get("amount")
            if pence == 0:
                return dict(NOUGHT_AMOUNT)
            if not pence:
                return {}
            try:
                rules.check_refund(credit, pence, partner=share.partner)
            except rules.DhrError as exc:
                return {"amount": str(exc)}
            return {}

        return self._form(fields, f"Refund to {share.partner} for {case.reference}", lambda v: self.case_action(
            f"{format_money(v['amount'])} refunded to {share.partner} for {case.reference}", case.id,
            lambda: dhr.record_refund(self.store, case.id, share.organisation_id, **v), share.id),
            note=f"{share.partner} paid {format_money(credit)} more than its share of the review's cost: refund at "
                 f"most {format_money(credit)}. What is refunded is billed again, with Bill partners, to the partners "
                 "short of their shares.",
            values={"refunded_on": _uk(self.today()), "amount": format_money(credit)}, check=beyond_credit)

    def delete_refund_form(self, share: dhr.ShareRow | None = None) -> CostForm:
        """Choose one of the review's refunds to delete (keyed in error): its partner's credit is as it was."""
        case = self.need_case()
        refunds = dhr.case_refunds(self.store, case.id)
        if not refunds:
            raise NothingTo("No refund to delete", f"No refund has been recorded on {case.reference}.")
        labels = {r.id: f"{r.partner}, {_uk(r.refunded_on)}: {format_money(r.amount_pence)}"
                  + (f" ({r.reference})" if r.reference else "") for r in refunds}
        fields = [Field("refund", "&Refund", FieldKind.CHOICE, required=True, choices=tuple(labels.items()))]
        chosen = next((r.id for r in reversed(refunds) if share is not None
                       and r.organisation_id == share.organisation_id), refunds[-1].id)

        def commit(v: dict) -> None:
            refund = next(r for r in refunds if r.id == v["refund"])
            self.case_action(f"Delete the refund of {format_money(refund.amount_pence)} to {refund.partner} for "
                             f"{case.reference}", case.id, lambda: dhr.delete_refund(self.store, refund.id))

        return self._form(fields, f"Delete a refund for {case.reference}", commit,
                          note="The refund deleted is the partner's to be refunded again.",
                          values={"refund": chosen}, save_text="&Delete")

    def _close_form(self, status: ShareStatus, share: dhr.ShareRow, fn) -> CostForm:
        case = self.need_case()
        self._counted(share)
        what = "a refusal" if status == ShareStatus.REFUSED else "a write-off"
        if why := self.nothing_to_close_words(share, status):  # a form to type a reason in could only be refused
            raise NothingTo(f"Nothing to {'refuse' if status == ShareStatus.REFUSED else 'write off'}", why)
        fields = [Field("on", "&Date", FieldKind.DATE, required=True, happened=what),
                  Field("reason", "&Reason", FieldKind.LONG_TEXT, required=True)]
        title = f"{status.label}: {share.partner}'s share of {case.reference}"
        return self._form(fields, title, lambda v: self.case_action(
            title, case.id, lambda: fn(self.store, share.id, on=v["on"], reason=v["reason"]), share.id),
            values={"on": _uk(self.today())}, warnings=lambda v: _before_invoice(share, v, "on"),
            check=lambda v: _before_payment(self.store, share, v, status.value))

    def refuse_form(self, share: dhr.ShareRow) -> CostForm:
        return self._close_form(ShareStatus.REFUSED, share, dhr.refuse_share)

    def write_off_form(self, share: dhr.ShareRow) -> CostForm:
        return self._close_form(ShareStatus.WRITTEN_OFF, share, dhr.write_off_share)

    def not_to_resolve_words(self, share: dhr.ShareRow) -> tuple[str, str] | None:
        """Why Re-split or carry a refusal… opens no form on a share, None when it does: the action is offered for a
        review with a refusal awaiting a decision, but the share chosen may be another (its form said "£0.00
        refused" and only Save refused it), or the refusal may have been dealt with already."""
        if share.status == "refused" and share.refusal_handling:
            handling = RefusalHandling(share.refusal_handling).label.lower()
            return ("Already dealt with", f"{share.partner}'s refusal of {share.case_reference} was already "
                    f"{handling}. Reopening the refused share (More > Reopen a "
                    "refused or written-off share) takes that back, once nothing is paid on what it billed.")
        if share.status == "refused":
            return None
        waiting = [s for s in self.details().shares
                   if s.status == "refused" and not s.refusal_handling and s.counted]
        named = " and ".join(f"{s.partner}'s share ({format_money(s.closed_pence)} refused)" for s in waiting)
        where = (f"choose {named} on Shares and payments first." if waiting
                 else "no refusal on it is awaiting a decision.")
        return ("Not a refused share", f"{share.partner}'s share of {share.case_reference} is not refused: "
                f"only a refused amount is re-split or carried; {where}")

    def resolve_form(self, share: dhr.ShareRow) -> CostForm:
        case = self.need_case()
        self._counted(share)
        if said := self.not_to_resolve_words(share):
            raise NothingTo(*said)
        fields = [Field("handling", "The refused amount is", FieldKind.CHOICE,
                        choices=tuple(RefusalHandling.choices())),
                  Field("on", "&Date", FieldKind.DATE, required=True,
                        happened="the decision on the refused amount"),
                  Field("due_days", "Days to &pay", FieldKind.NUMBER, required=True)]
        # The re-split invoices are due on the terms of the invoice refused (a review billed on 60 days' terms).
        terms = ((share.due_on - share.invoiced_on).days if share.due_on and share.invoiced_on
                 else dhr.DEFAULT_DUE_DAYS)

        def commit(v: dict) -> None:
            if int(v["due_days"]) != v["due_days"]:
                raise FormError({"due_days": "A whole number of days."})
            handling = RefusalHandling(v["handling"])
            self.case_action(f"{handling.label}: {share.partner}'s refused share of {case.reference}", case.id,
                             lambda: dhr.resolve_refusal(self.store, share.id, handling.value, on=v["on"],
                                                         due_days=int(v["due_days"])), share.id)

        return self._form(fields, f"Refused by {share.partner}: {case.reference}", commit,
                          note=f"{format_money(share.closed_pence)} refused. Days to pay: for the re-split invoices "
                               f"(those of {share.invoice_ref}: {terms}).",
                          values={"handling": RefusalHandling.RESPLIT.value, "on": _uk(self.today()),
                                  "due_days": str(max(terms, 0))}, check=_days_to_pay_refused)

    def delete_payment_form(self, share: dhr.ShareRow) -> CostForm:
        """Choose one of the share's payments to delete (keyed on the wrong partner, or the wrong amount)."""
        case = self.need_case()
        self._counted(share)
        payments = dhr.share_payments(self.store, share.id)
        if not payments:
            raise NothingTo("No payment to delete",
                            f"No payment has been recorded on {share.partner}'s share {share.invoice_ref}.")
        labels = {p["id"]: f"{_uk(date.fromisoformat(p['paid_on']))}: {format_money(p['amount_pence'])}"
                  + (f" ({p['reference']})" if p["reference"] else "") for p in payments}
        fields = [Field("payment", "&Payment", FieldKind.CHOICE, required=True, choices=tuple(labels.items()))]

        def commit(v: dict) -> None:
            amount = next(p["amount_pence"] for p in payments if p["id"] == v["payment"])
            self.case_action(f"Delete the payment of {format_money(amount)} by {share.partner} for {case.reference}",
                             case.id, lambda: dhr.delete_payment(self.store, v["payment"]), share.id)

        return self._form(fields, f"Delete a payment by {share.partner} for {case.reference}", commit,
                          note=f"{share.invoice_ref}: {format_money(share.paid_pence)} paid of "
                               f"{format_money(share.amount_pence)}. The payment deleted is owed again.",
                          values={"payment": payments[-1]["id"]}, save_text="&Delete")

    def pasted_payments(self, text: str) -> "PastedPayments":
        """Payments copied out of Excel (a finance report's rows) for the selected case, read and checked: what
        Record would do, asked first (``PastedPayments.question``). DhrError for a line it cannot read: nothing
        is recorded."""
        case = self.need_case()
        every = dhr.list_shares(self.store, today=self.today())
        shares = [s for s in every if s.case_id == case.id]
        others = {s.invoice_ref: s.case_reference for s in every if s.case_id != case.id and s.invoice_ref}
        return read_pasted_payments(text, case.reference, shares, today=self.today(), other_invoices=others)

    def record_pasted_payments(self, pasted: "PastedPayments") -> None:
        """Every payment pasted, in one step of Edit > Undo."""
        case = self.need_case()
        n = len(pasted.payments)
        self.case_action(f"{n} payment{'s' if n != 1 else ''} pasted for {case.reference}", case.id,
                         lambda: dhr.record_payments(self.store, [(p.share.id, p.paid_on, p.amount_pence, p.reference)
                                                                  for p in pasted.payments]))

    def reopen_question(self, share: dhr.ShareRow) -> str:
        if not share.counted:
            raise rules.DhrError(self.withdrawn_words(share))
        return dhr.reopen_question(self.store, share.id)

    def reopen_share(self, share: dhr.ShareRow) -> None:
        case = self.need_case()
        self.case_action(f"Reopen {share.partner}'s share of {case.reference}", case.id,
                         lambda: dhr.reopen_share(self.store, share.id), share.id)

    def split_form(self) -> "SplitPresenter":
        case = self.need_case()
        split = SplitPresenter(self, case)
        split.read_only = self.read_only
        return self.open_form(split)

    def rebill_form(self) -> "SplitPresenter":
        """The split grid to bill a billed review again with another split (the Split window's Bill again…)."""
        case = self.need_case()
        if not dhr.list_shares(self.store, today=self.today(), case_id=case.id):
            raise NothingTo("Not billed yet", f"The partners have not been billed for {case.reference} yet: change "
                                              "the split with Split… and bill them with Bill partners.")
        split = SplitPresenter(self, case, rebill=True)
        split.read_only = self.read_only
        return self.open_form(split)


@dataclass(frozen=True)
class PastedPayment:
    line: int
    share: dhr.ShareRow
    paid_on: date
    amount_pence: int
    reference: str


@dataclass(frozen=True)
class PastedPayments:
    """Payments read from rows pasted out of Excel, and the lines left out (headings, a total line)."""

    reference: str  # the case's
    payments: tuple[PastedPayment, ...]
    left_out: tuple[str, ...]
    today: date

    @property
    def total_pence(self) -> int:
        return sum(p.amount_pence for p in self.payments)

    def question(self) -> str:
        n = len(self.payments)
        lines = [f"Record {n} payment{'s' if n != 1 else ''} of {format_money(self.total_pence)} in all for "
                 f"{self.reference}?"]
        for p in self.payments:
            doubts = ([f"before its invoice of {_uk(p.share.invoiced_on)}"]
                      if p.share.invoiced_on and p.paid_on < p.share.invoiced_on else [])
            doubts += ["after today"] if p.paid_on > self.today else []
            lines.append(f"• {p.share.invoice_ref} {p.share.partner}: {format_money(p.amount_pence)} paid on "
                         f"{_uk(p.paid_on)}" + (f" ({p.reference})" if p.reference else "")
                         + (f" — ⚠ {' and '.join(doubts)}" if doubts else ""))
        if self.left_out:
            lines.append(f"Left out: {'; '.join(self.left_out)}.")
        lines.append("It is one step of Edit > Undo.")
        return "\n".join(lines)


def _loose(text: str) -> str:
    """A partner's name as compared with one pasted: its letters and digits, in any case, "&" read as "and" (a finance
    system's "Ipswich & East CCG" is Ipswich and East CCG)."""
    return "".join(ch for ch in (text or "").casefold().replace("&", "and") if ch.isalnum())


def read_pasted_payments(text: str, reference: str, shares: Sequence[dhr.ShareRow], *,
                         today: date, other_invoices: Mapping[str, str] | None = None) -> PastedPayments:
    """Rows copied out of Excel, one payment a row: its invoice (the invoice reference, or the partner's name when the
    partner has one invoice open on the review), the day paid (01/04/2024 or 2024-04-01), the amount (£1,234.56) and
    any payment reference, in any order. Headings and blank rows are left out, and a total line too once it adds up;
    any other line that cannot be read is refused naming it, and nothing is recorded. ``other_invoices``: the other
    reviews' invoice references and the review of each: a row naming one is refused saying whose it is (by its
    partner's name it would be paid on this review's invoice, the other review's number kept as its reference)."""
    from safer_desk.domain.money import MoneyError, parse_pence
    from safer_desk.domain.periods import PeriodError, parse_uk_date
    from safer_desk.exchange.files import parse_tsv

    by_ref = {s.invoice_ref.casefold(): s for s in shares if s.invoice_ref}
    elsewhere = {ref.casefold(): (ref, case) for ref, case in (other_invoices or {}).items()
                 if ref.casefold() not in by_ref}
    open_by_partner: dict[str, list[dhr.ShareRow]] = {}
    for s in shares:
        if s.status == "invoiced" and s.outstanding_pence > 0:
            open_by_partner.setdefault(_loose(s.partner), []).append(s)
    partners = {_loose(s.partner) for s in shares}
    payments: list[PastedPayment] = []
    left_out: list[str] = []
    nothing = " Nothing was recorded."
    headings: dict[int, str] = {}  # the last heading row's words by column: which of a row's dates is the date paid
    commas = False  # a line of one cell with commas in it: a CSV file's text, its cells run together
    for number, row in enumerate(parse_tsv(text or ""), start=1):
        placed = [(column, c.strip()) for column, c in enumerate(row) if c.strip()]
        commas = commas or (len(placed) == 1 and placed[0][1].count(",") >= 2)
        cells = [c for _, c in placed]
        said = "“" + " | ".join(cells) + "”"
        # The invoice a row names is its share, wherever its column: a finance report's customer name before it
        # ("Customer | Invoice | …") took the partner's one open invoice instead (another, when the one named was paid)
        # or was refused for two open ones, as if no invoice were named.
        share = next((by_ref[c.casefold()] for c in cells if c.casefold() in by_ref), None)
        if share is None and (theirs := next((elsewhere[c.casefold()] for c in cells if c.casefold() in elsewhere),
                                             None)):
            raise rules.DhrError(f"Line {number} {said}: {theirs[0]} is an invoice of {theirs[1]}, not of {reference}: "
                                 f"choose {theirs[1]} in the list of reviews and paste its payments there." + nothing)
        named = share is not None  # the invoice's own cell is still to be passed over
        days: list[date] = []
        dated: list[tuple[str, str]] = []  # each date as pasted, and the heading of its column
        amounts: list[int] = []
        figures: list[str] = []  # the amounts as pasted
        rest: list[str] = []
        unread: list[str] = []  # why a cell that reads as money, with something more ("684.15 CR"), was not read
        misdated: list[str] = []  # a date with a day its month has not (29/02/2019): said, never a reference
        for column, cell in placed:
            found = by_ref.get(cell.casefold())
            if named and found is share:
                named = False
                continue
            if found is None and share is not None and _loose(cell) in partners:  # the invoice's partner beside it
                if _loose(cell) != _loose(share.partner):
                    raise rules.DhrError(f"Line {number} {said}: {share.invoice_ref} is {share.partner}'s invoice, "
                                         f"not {cell}'s: check the row copied." + nothing)
                continue
            if found is None and _loose(cell) in partners:
                open_shares = open_by_partner.get(_loose(cell), [])
                if len(open_shares) != 1:
                    raise rules.DhrError(
                        f"Line {number} {said}: {cell} has {len(open_shares) or 'no'} invoice"
                        f"{'s' if len(open_shares) > 1 else ''} open on {reference}" +
                        (f" ({', '.join(s.invoice_ref for s in open_shares)}): paste the invoice reference instead."
                         if open_shares else ": there is nothing to pay.") + nothing)
                share = open_shares[0]
                continue
            try:
                days.append(parse_uk_date(cell))
                dated.append((cell, headings.get(column, "")))
                continue
            except PeriodError as exc:
                if " is not a date: " in str(exc):  # a date's form, not a day of its month ("no date paid" was said)
                    misdated.append(str(exc))
                    continue
            try:
                amounts.append(parse_pence(cell))
                figures.append(cell)
                continue
            except MoneyError as exc:
                rest.append(cell)
                if not str(exc).endswith(_NOT_MONEY):  # the reader's own reason, not "is not an amount of money"
                    unread.append(f" “{cell}” was not read as the amount: {exc}")
        if share is None:
            if cells and cells[0].casefold().startswith("total") and len(amounts) == 1:
                if amounts[0] != sum(p.amount_pence for p in payments):
                    raise rules.DhrError(
                        f"Line {number} {said}: the total line says {format_money(amounts[0])}, but the payments above "
                        f"it add up to {format_money(sum(p.amount_pence for p in payments))}: check the rows copied."
                        + nothing)
                left_out.append(f"line {number}, the total ({format_money(amounts[0])}, as the payments add up)")
            elif amounts:
                raise rules.DhrError(
                    f"Line {number} {said}: no invoice or partner of {reference} in it: paste rows with the invoice "
                    "reference (as on the Shares and payments page) or the partner's name." + nothing)
            else:
                left_out.append(f"line {number} (headings or a note: {said})")
                if len(placed) > 1:  # a heading row (a note is one cell): the columns below are read by it
                    headings = dict(placed)
            continue
        if misdated:  # beside the invoice's own date it was kept as the reference, the invoice's date taken as paid
            raise rules.DhrError(f"Line {number} {said}: {misdated[0]} Correct the date in the sheet and paste the "
                                 "rows again." + nothing)
        if len(days) > 1:
            paid = _date_paid(days, [heading for _, heading in dated], share)
            if paid is None:
                raise rules.DhrError(f"Line {number} {said}: {_dates_not_told_apart(dated)}" + nothing)
            days = [days[paid]]
        if len(days) == 1 and (bare := _reference_of_digits(figures)) is not None:
            rest.insert(0, figures.pop(bare))  # a receipt number beside the amount: shown in the question, as read
            amounts.pop(bare)
        if len(days) != 1 or len(amounts) != 1:
            what = "no date paid" if not days else "no amount" if not amounts else "two amounts"
            if days and len(amounts) == 2:
                what += f" (“{figures[0]}” and “{figures[1]}”)"
            raise rules.DhrError(f"Line {number} {said}: {what}. Paste one payment a row: the invoice, the date paid "
                                 "and the amount (and a payment reference if there is one)."
                                 + (_date_as_a_number(figures) if not days else _digits_hint(figures))
                                 + (unread[0] if days and not amounts and unread else "") + nothing)
        if amounts[0] <= 0:
            raise rules.DhrError(
                f"Line {number} {said}: {format_money(amounts[0])} is not a payment. A payment keyed in error is "
                "deleted (More > Delete a payment…), not paid back." + nothing)
        payments.append(PastedPayment(number, share, days[0], amounts[0], " ".join(rest)))
    if not payments:
        # Commas are not read as the cells' separators: "£1,234.56" has one, and would be two amounts, or a wrong one.
        raise rules.DhrError(f"No payments to record for {reference} in what was pasted: " + (
            "its lines have commas between the cells, not tabs (a CSV file's text, copied from a text editor), so "
            "each line was read as one cell. Open the file in Excel and copy the cells from there: the invoice "
            "reference or partner, the date paid and the amount." if commas else
            "copy rows with the invoice reference or partner, the date paid and the amount."))
    # more than is outstanding, with the payments before it on the same invoice: said before anything is asked
    paid: dict[str, int] = {}
    for p in payments:
        paid[p.share.id] = paid.get(p.share.id, 0) + p.amount_pence
        try:
            rules.check_payment(rules.ShareState(p.share.amount_pence, p.share.paid_pence + paid[p.share.id]
                                                 - p.amount_pence, p.share.status, p.share.due_on), p.amount_pence)
        except rules.DhrError as exc:
            raise rules.DhrError(f"Line {p.line} ({p.share.invoice_ref} {p.share.partner}): {exc}" + nothing) from None
    return PastedPayments(reference, tuple(payments), tuple(left_out), today)


_NOT_MONEY = "is not an amount of money (try a form like £1,234.56)."  # domain.money's words for any other text
_PAID_HEADING = re.compile(r"paid|pay|receiv|receipt|banked|remit|settled", re.IGNORECASE)
_INVOICE_HEADING = re.compile(r"invoice|due|raised|issued|billed|sent", re.IGNORECASE)


def _heading_says(heading: str) -> str:
    """What a date column's heading says it holds: "paid" ("Date paid", "Payment date", "Received"), "invoice" (the
    invoice's own dates: "Invoice date", "Due date", "Raised", "Payment due") or "" when it does not say."""
    if _PAID_HEADING.search(heading) and not re.search(r"\bdue\b", heading, re.IGNORECASE):
        return "paid"
    return "invoice" if _INVOICE_HEADING.search(heading) else ""


def _date_paid(days: Sequence[date], headings: Sequence[str], share: dhr.ShareRow) -> int | None:
    """Which of a pasted row's dates is the date paid: the one under a heading saying so, else the one date whose
    heading does not say it is the invoice's and that is not the invoice's own date or due date; None when that
    leaves not exactly one."""
    says = [_heading_says(h) for h in headings]
    if says.count("paid"):
        return says.index("paid") if says.count("paid") == 1 else None
    left = [i for i, day in enumerate(days) if not says[i] and day not in (share.invoiced_on, share.due_on)]
    return left[0] if len(left) == 1 else None


def _dates_not_told_apart(dated: Sequence[tuple[str, str]]) -> str:
    """The refusal of a row whose date paid cannot be told from its other dates, naming each date (and its heading)."""
    each = [f"“{cell}”" + (f" under {heading}" if heading else "") for cell, heading in dated]
    count = {2: "two", 3: "three"}.get(len(each), str(len(each)))
    return (f"{count} dates ({', '.join(each[:-1])} and {each[-1]}), and which is the date paid cannot be told. "
            "Copy the heading row with the rows, its date paid column headed Date paid (and any other date column "
            "Invoice date or Due date), and paste again; or copy the rows without their other dates.")


def _as_money(text: str) -> bool:
    """A figure written as money: with £, a thousands comma or pence (“684.14”), which a receipt number never has."""
    return "£" in text or "," in text or re.search(r"\.\d{2}\s*$", text) is not None


def _reference_of_digits(figures: Sequence[str]) -> int | None:
    """Which of a row's two figures is its receipt number (digits alone, as a finance report numbers its receipts),
    the other being written as money; None when they cannot be told apart (or there are not two)."""
    if len(figures) != 2:
        return None
    bare = [i for i, f in enumerate(figures) if f.strip().isdigit()]
    return bare[0] if len(bare) == 1 and _as_money(figures[1 - bare[0]]) else None


def _digits_hint(figures: Sequence[str]) -> str:
    """Said when a row's two figures are both digits alone: one may be a receipt number, told from the amount once
    the amount is copied with its pence."""
    if len(figures) != 2 or not all(f.strip().isdigit() for f in figures):
        return ""
    amount = min(figures, key=len)
    return (f" If one of them is the payment's reference, show the amounts in Excel with their pence (Home > Number > "
            f"Number, two decimal places) so the amount reads with its pence ({amount}.00), copy the rows again and "
            "paste: a number of digits alone beside it is then read as the reference.")


def _date_as_a_number(figures: Sequence[str]) -> str:
    """Said when a row with no date paid has two figures and one is a whole number Excel gives for a day of 2000 to
    2099 ("45383", 1 April 2024, from a date column formatted as numbers): a hint, never a reading, as a number
    alone cannot be told from an amount."""
    from datetime import timedelta

    from safer_desk.domain.periods import format_uk_date

    serial = next((f for f in figures if len(figures) == 2 and f.isdigit() and 36526 <= int(f) <= 73050), None)
    if serial is None:
        return ""
    day = date(1899, 12, 30) + timedelta(days=int(serial))  # Excel's day 1 is 1 January 1900, counting 29/02/1900
    return (f" “{serial}” may be the date paid as Excel numbers a date ({format_uk_date(day)}): format that column as "
            "a date in Excel (Home > Number > Short Date), copy the rows again and paste.")


def _uk(value: Any) -> str:
    from safer_desk.domain.periods import format_uk_date

    if not value:
        return ""
    return format_uk_date(date.fromisoformat(value) if isinstance(value, str) else value)


def _cost_text(case: dhr.CaseSummary) -> str:
    return format_money(case.cost_pence) if case.cost_known else "not yet known"


# -- the split: a grid of partners -------------------------------------------------------------------

@dataclass(frozen=True)
class SplitRow:
    """One partner in the split grid: its percentage as typed, its share, and what billing did to it."""

    organisation_id: str
    partner: str
    percent_text: str
    problem: str
    share_pence: int | None  # what it pays under the split (None while the split cannot be worked out)
    resplit_pence: int = 0  # received from others' refusals
    refused_pence: int = 0
    written_off_pence: int = 0
    status: str = ""
    refunded_pence: int = 0  # paid beyond its share and given back (Refund excess…)

    @property
    def net_pence(self) -> int | None:
        """Billed less refused, written off and refunded: the partner's net billed, as the Ledger and the sentence
        under the list count it."""
        if self.share_pence is None:
            return None
        return (self.share_pence + self.resplit_pence - self.refused_pence - self.written_off_pence
                - self.refunded_pence)


class SplitPresenter:
    """How a review's cost is split among the statutory partners: a grid with a live total and preview.

    Before billing the kind, the percentages and the capped part can be changed; the preview shows
    each partner's share (``dhr_cost_shares``: they add up exactly to the cost). After billing the
    grid shows the billed shares, refusals and re-splits, and the net billed, which equals the cost
    once every refusal is re-split or carried.
    """

    def __init__(self, owner: DhrPresenter, case: dhr.CaseSummary, *, rebill: bool = False):
        self.owner = owner
        self.store = owner.store
        self.case = case
        # rebill: the partners were billed with the wrong split; the grid takes the new one (``save``: Bill again…)
        self.rebill = rebill
        self.title = (f"Bill {case.reference} again with another split" if rebill
                      else f"Split the cost of {case.reference}")
        self.heading = f"How the cost of {case.reference} ({_cost_text(case)}) is shared among its statutory partners"
        self.changed = Event()
        self.saved = Event()
        self.read_only = False
        self.enabled = True
        self.form_message = ""
        record = dhr.case_record(self.store, case.id)
        self.cost_pence = dhr.case_cost_pence(self.store, case.id)
        base = int(self.store.scalar("SELECT coalesce(sum(amount_pence), 0) FROM dhr_cost_lines WHERE case_id = ? "
                                     "AND category = ?", (case.id, record["cap_category"])) or 0)
        self.capped_base_pence = base
        self.cap_category = record["cap_category"]  # the costs the capped part is a share of (the chair's)
        self.partnership_id = record["partnership_id"]
        self.on = owner.today()
        # Billed again, the cost is shared among the partners on the day it was first billed (as a re-split is);
        # before billing, among those on the review's own day (``dhr.split_day``), which the officer may change.
        shared_on = (dhr.first_billed_on(self.store, case.id) or self.on) if rebill else dhr.split_day(
            self.store, case.id, self.on)
        self.partners_on = shared_on
        self.partners_message = ""  # why a day typed for the partners was not taken
        # Percentages typed for partners not listed on the day now in Partners on: said above the grid, not saved,
        # and put back when a day they are partners is typed again (organisation id -> (name, percentage typed)).
        self.set_aside: dict[str, tuple[str, str]] = {}
        self.payer_aside: tuple[str, str] | None = None  # the capped part's payer, so set aside: (id, name)
        rule = dhr.split_rule(self.store, case.id)
        self.shares = dhr.list_shares(self.store, today=self.on, case_id=case.id)
        self.billed = bool(self.shares) and not rebill
        # Before billing, the partners who would be billed on the day (the partnership's statutory partners then, as
        # Bill partners dated then bills them); once billed, the rows are the partners billed (``rows``).
        self.partners = ([(o.id, o.name) for o in statutory_partners(
            self.store, self.partnership_id, None if self.billed else shared_on)] if self.partnership_id else [])
        self.kind = SplitKind(rule.kind)
        self.percents = {oid: rules.format_bp(rule.percent_bp[oid]).rstrip("%") if oid in rule.percent_bp else ""
                         for oid, _ in self.partners}
        if self.kind != SplitKind.PERCENTAGES:
            even = {oid: "" for oid, _ in self.partners}
            self.percents = even
        self.cap_payer = rule.cap_payer or ""
        self.cap_percent = rules.format_bp(rule.cap_percent_bp).rstrip("%")
        self.cap_amount = "" if rule.cap_pence is None else format_money(rule.cap_pence)
        self._saved_state = self._state()

    def no_partners_why(self) -> str:
        """Why the grid is empty before billing ("" when it is not): the review's partnership has no statutory
        partners on the day (a partnership of another time chosen, Western CSP of 2009/10 for a death in 2026). The
        grid stood empty with Save greyed and nothing said, where Bill partners says why."""
        if self.partners or self.billed:
            return ""
        from datetime import date

        from safer_desk.domain.periods import format_uk_date
        from safer_desk.services.reference import list_partnerships

        found = next((p for p in list_partnerships(self.store) if p.id == self.partnership_id), None)
        if found is not None and self.choosing_day and statutory_partners(self.store, self.partnership_id):
            # the partnership has partners on other days: the day in Partners on is what to change
            said = dhr.no_partners_on(self.store, self.partnership_id, self.partners_on).removeprefix("Invoice date: ")
            return said.split(", so nobody", 1)[0] + ": type a day they are partners in Partners on."
        if found is None:
            return "The review names no partnership: choose the one conducting it in Edit case…, then split its cost."
        dates = " to ".join(format_uk_date(date.fromisoformat(d)) for d in (found.valid_from, found.valid_to) if d)
        return (f"{found.name}{f' ({dates})' if dates else ''} has no statutory partners on "
                f"{format_uk_date(self.partners_on)} "
                "to share the cost: choose the partnership conducting the review in Edit case…, or record its "
                "statutory partners (View > Districts, Partnerships and Partners…).")

    @property
    def choosing_day(self) -> bool:
        """The day of the partners can be changed: before billing (billed again, it is the day first billed)."""
        return not self.billed and not self.rebill and bool(self.partnership_id)

    def partners_said(self) -> str:
        """Above the grid, when the partners listed are not those Bill partners dated today would bill: whose day
        they are, and who billing today would bill instead ("" otherwise)."""
        aside = self._set_aside_said() if self.choosing_day else ""
        if not self.choosing_day or not self.partners:
            return aside
        now = {o.id: o.name for o in statutory_partners(self.store, self.partnership_id, self.on)}
        listed = dict(self.partners)
        if set(now) == set(listed):
            return aside
        record = dhr.case_record(self.store, self.case.id)
        notified = date.fromisoformat(record["notified_on"]) if record["notified_on"] else None
        own = dhr.review_day(self.store, self.case.id)
        first = _first_done(dhr.review_label(self.store))
        why = ("" if self.partners_on != own else f", when {first}" if own == notified else
               f", the first day it had statutory partners after {first} ({_uk(notified)})")
        pname = self.store.scalar("SELECT name FROM partnerships WHERE id = ?", (self.partnership_id,))
        changes = [f"{' and '.join(sorted(names[i] for i in ids))} would {word}" for ids, names, word in (
            (set(now) - set(listed), now, "be billed"), (set(listed) - set(now), listed, "not"))
            if ids]
        return " ".join(filter(None, (
            f"The statutory partners of {pname} on {_uk(self.partners_on)}{why}. Bill partners bills those on the "
            f"invoices' date: dated today ({_uk(self.on)}), {', and '.join(changes)}.", aside)))

    def _set_aside_said(self) -> str:
        """The percentages typed for partners another day listed, and the partner chosen to pay first, set aside while
        the day typed does not list them."""
        named = [f"{name} ({text.strip().rstrip('%')}%)" for name, text in sorted(self.set_aside.values())]
        if self.payer_aside is not None and self.payer_aside[0] not in self.set_aside:
            named.append(f"{self.payer_aside[1]}, paying first")
        elif self.payer_aside is not None:
            named = [f"{n}, paying first" if n.startswith(f"{self.payer_aside[1]} (") else n for n in named]
        if not named:
            return ""
        parts = " and ".join(named)
        one = len(named) == 1
        return (f"Set aside, not saved, as not {'a statutory partner' if one else 'statutory partners'} on "
                f"{_uk(self.partners_on)}: {parts}. Type a day {'it is a partner' if one else 'they are partners'} in "
                f"Partners on to put {'it' if one else 'them'} back.")

    def set_partners_on(self, text: str) -> bool:
        """List the partners on the day typed (a review keyed long after, billed on its own day, or today's partners
        for one billed now); a day that is not a date is refused, the grid kept. Percentages typed for partners
        still listed are kept; those of partners not listed, and the partner chosen to pay first, are set aside (said),
        and put back when they are listed again."""
        from safer_desk.domain.periods import PeriodError, parse_uk_date

        if not self.choosing_day:
            return False
        try:
            day = parse_uk_date(text)
        except PeriodError as exc:
            self.partners_message = f"Partners on: {exc}"
            self.changed.emit()
            return False
        self.partners_message = ""
        self.partners_on = day
        typed = {**self.set_aside, **{oid: (name, self.percents.get(oid, "")) for oid, name in self.partners}}
        payer = (self.cap_payer, dict(self.partners).get(self.cap_payer, "")) if self.cap_payer else self.payer_aside
        self.partners = [(o.id, o.name) for o in statutory_partners(self.store, self.partnership_id, day)]
        listed = dict(self.partners)
        self.percents = {oid: typed[oid][1] if oid in typed else "" for oid in listed}
        self.set_aside = {oid: named for oid, named in typed.items() if oid not in listed and named[1].strip()}
        self.cap_payer = payer[0] if payer and payer[0] in listed else ""
        self.payer_aside = payer if payer and payer[0] not in listed else None
        self.form_message = ""
        self.changed.emit()
        return True

    # -- editing -----------------------------------------------------------------------------------
    def _state(self) -> tuple:
        # a partner with no percentage typed is one the split gives nothing: listed or not (another day's), the same
        return (self.kind, tuple(sorted((k, v) for k, v in self.percents.items() if v.strip())), self.cap_payer,
                self.cap_percent, self.cap_amount)

    @property
    def is_dirty(self) -> bool:
        return self._state() != self._saved_state

    def describe_unsaved(self) -> str:
        return f"{self.title}: the new split has not been {'billed' if self.rebill else 'saved'}."

    @property
    def editable(self) -> bool:
        return not self.billed and not self.read_only and bool(self.partners)

    def set_kind(self, kind: SplitKind | str) -> None:
        self.kind = SplitKind(kind)
        self.form_message = ""
        self.changed.emit()

    def set_percent(self, organisation_id: str, text: str) -> None:
        self.percents[organisation_id] = text
        self.form_message = ""
        self.changed.emit()

    def share_equally(self) -> None:
        """Share the cost equally: percentages filled with equal parts of 100% where two decimals allow it (four
        partners, 25% each), else the review switched to Equal shares, said with why: 16.67% four times and 16.66%
        twice among six billed 84p apart for what was asked to be equal (``rules.equal_percent_bp``)."""
        if not self.partners:  # the window's button waits for partners; said here all the same
            self.form_message = self.problem()
            self.changed.emit()
            return
        if (bp := rules.equal_percent_bp(len(self.partners))) is not None:
            for oid, _ in self.partners:
                self.percents[oid] = rules.format_bp(bp).rstrip("%")
            self.form_message = ""
            self.changed.emit()
            return
        self.kind = SplitKind.EQUAL
        self.form_message = self._equal_shares_said()
        self.changed.emit()

    def _equal_shares_said(self) -> str:
        """Why Share equally chose Equal shares: the nearest percentages to two decimals, and what they would bill
        against the equal shares, for the review's cost as it stands."""
        from safer_desk.domain.money import split_equally

        ids = [oid for oid, _ in self.partners]
        count = len(ids)
        percents = split_equally(10000, ids)
        high, low = max(percents.values()), min(percents.values())
        highs = sum(1 for v in percents.values() if v == high)
        nearest = (f"{rules.format_bp(high)} {_times(highs)} and {rules.format_bp(low)} {_times(count - highs)}")
        said = (f"Split changed to Equal shares: {count} partners cannot have equal percentages to two decimals "
                f"({nearest})")
        if self.cost_pence <= 0:
            return said + ", so each will be billed an equal share, to the penny."
        shares = sorted(set(split_equally(self.cost_pence, ids).values()))
        by_percent = rules.dhr_cost_shares(self.cost_pence, ids, rules.SplitRule("percentages", percents))
        equal = " or ".join(format_money(v, show_pence=True) for v in shares)
        return (f"{said}, which would bill {format_money(max(by_percent.values()), show_pence=True)} against "
                f"{format_money(min(by_percent.values()), show_pence=True)}. Each partner is billed {equal} of "
                f"{format_money(self.cost_pence, show_pence=True)}.")

    def set_cap(self, *, payer: str | None = None, percent: str | None = None, amount: str | None = None) -> None:
        if payer is not None:
            self.cap_payer = payer
        if percent is not None:
            self.cap_percent = percent
        if amount is not None:
            self.cap_amount = amount
        self.form_message = ""
        self.changed.emit()

    # -- reading what is typed ---------------------------------------------------------------------
    def _percent_bp(self) -> tuple[dict[str, int], dict[str, str]]:
        values, problems = {}, {}
        for oid, _ in self.partners:
            text = self.percents.get(oid, "").strip()
            if not text:
                values[oid] = 0
                continue
            try:
                values[oid] = rules.percent_to_bp(text)
            except rules.DhrError as exc:
                problems[oid] = str(exc)
        return values, problems

    def rule(self) -> rules.SplitRule:
        """The split as typed; DhrError says what is wrong with it."""
        if self.kind == SplitKind.PERCENTAGES:
            values, problems = self._percent_bp()
            if problems:
                raise rules.DhrError(next(iter(problems.values())))
            return rules.SplitRule(self.kind.value, {k: v for k, v in values.items() if v})
        if self.kind == SplitKind.CAPPED:
            from safer_desk.domain.money import MoneyError, parse_pence

            try:
                cap = parse_pence(self.cap_amount) if self.cap_amount.strip() else None
            except MoneyError as exc:
                raise rules.DhrError(f"Up to: {exc}") from None
            return rules.SplitRule(self.kind.value, {}, self.cap_payer or None,
                                   rules.cap_percent_to_bp(self.cap_percent or "0"), cap)
        return rules.SplitRule(self.kind.value)

    def cap_problems(self) -> dict[str, str]:
        """What is wrong with the capped part as typed, by its field ("percent", "amount"): said beside each, as a
        partner's percentage has its own (``SplitRow.problem``)."""
        if self.kind != SplitKind.CAPPED:
            return {}
        from safer_desk.domain.money import MoneyError, parse_pence

        problems = {}
        try:
            rules.cap_percent_to_bp(self.cap_percent or "0")
        except rules.DhrError as exc:
            problems["percent"] = str(exc)
        try:
            if self.cap_amount.strip() and parse_pence(self.cap_amount) < 0:
                problems["amount"] = "The cap cannot be negative."
        except MoneyError as exc:
            problems["amount"] = f"Up to: {exc}"
        return problems

    def cap_note(self) -> str:
        """Under the capped part: the chair's costs it is worked out on and what the payer pays first, or that the
        review has no cost line of that category, so the payer pays nothing first ("" for other splits, before a payer
        is chosen, or while the capped part as typed is refused beside its field)."""
        if self.kind != SplitKind.CAPPED or not self.cap_payer or self.cap_problems():
            return ""
        try:
            rule = self.rule()
        except rules.DhrError:
            return ""
        payer = dict(self.partners).get(self.cap_payer, "The partner paying first")
        if self.capped_base_pence <= 0:
            return (f"This review has no {self.cap_category} cost line, so {payer} pays nothing first and the other "
                    f"partners share the whole cost: key the chair's costs under {self.cap_category} (Cost line…, or "
                    "More > Edit cost line… to correct the category).")
        first = min(self.cost_pence, rules.capped_part(self.capped_base_pence, rule.cap_percent_bp, rule.cap_pence))
        up_to = "" if rule.cap_pence is None else f", up to {format_money(rule.cap_pence, show_pence=True)}"
        return (f"{payer} pays {rules.format_bp(rule.cap_percent_bp)} of the chair's costs "
                f"({format_money(self.capped_base_pence, show_pence=True)}, the {self.cap_category} cost lines)"
                f"{up_to}: {format_money(first, show_pence=True)} first; the other partners share the rest equally.")

    @property
    def total_bp(self) -> int:
        return sum(self._percent_bp()[0].values())

    def total_text(self) -> str:
        """The live total under the grid: "Total 100%" or "Total 90% — 10% still to share"."""
        if self.billed:
            net = sum(r.net_pence or 0 for r in self.rows())
            # A cost added since the partners were billed is in the cost and in no row: said (on a line of its own,
            # as wide as the partners' names), not left as a gap. Pence on every figure when any has them.
            unbilled = dhr.unbilled_pence(self.store, self.case.id)
            pence = any_pence([net, self.cost_pence, max(unbilled, 0)])
            text = (f"Net billed {format_money(net, show_pence=pence)} of the cost "
                    f"{format_money(self.cost_pence, show_pence=pence)}")
            later = f",\n{format_money(unbilled, show_pence=pence)} of it not yet billed" if unbilled > 0 else ""
            return text + later
        if self.kind != SplitKind.PERCENTAGES:
            return f"Total {format_money(self.cost_pence)}"
        total = self.total_bp
        if total == 10000:
            return "Total 100%"
        gap = 10000 - total
        more = f"{rules.format_bp(gap)} still to share" if gap > 0 else f"{rules.format_bp(-gap)} too much"
        return f"Total {rules.format_bp(total)} — {more}"

    def problem(self) -> str:
        """Why the split cannot be saved as typed ("" when it can)."""
        if not self.partners and self.partnership_id and statutory_partners(self.store, self.partnership_id):
            return dhr.no_partners_on(self.store, self.partnership_id, self.partners_on).removeprefix(
                "Invoice date: ")
        if not self.partners:
            return "Choose the partnership conducting the review first: its statutory partners share the cost."
        try:
            rule = self.rule()
            rules.dhr_cost_shares(self.cost_pence, [o for o, _ in self.partners], rule,
                                  capped_base_pence=self.capped_base_pence)
        except rules.DhrError as exc:
            return str(exc)
        return ""

    def rows(self) -> list[SplitRow]:
        """The grid: one row per statutory partner; once billed, one per organisation billed."""
        names = dict(self.partners)
        _, problems = self._percent_bp() if self.kind == SplitKind.PERCENTAGES else ({}, {})
        if self.billed:
            acc: dict[str, dict[str, Any]] = {}
            for s in self.shares:
                a = acc.setdefault(s.organisation_id, {"partner": s.partner, "share": 0, "resplit": 0, "refused": 0,
                                                       "written_off": 0, "status": [], "carried": 0})
                if s.kind == "share":
                    a["share"] += s.amount_pence
                else:  # a re-split, or the lead authority's carrying of a refusal (billed to it the same way)
                    a["resplit"] += s.amount_pence
                    a["carried"] += s.amount_pence if s.kind == "carried" else 0
                if s.status == ShareStatus.REFUSED.value:
                    a["refused"] += s.closed_pence
                    handled = RefusalHandling(s.refusal_handling).label if s.refusal_handling else "not yet dealt with"
                    a["status"].append(f"Refused ({handled})")
                elif s.status == ShareStatus.WRITTEN_OFF.value:
                    a["written_off"] += s.closed_pence
                    a["status"].append("Written off")
            # A refund gives back what a partner paid beyond its share: off its net billed, as the Ledger, the sentence
            # under the list and the board report take it (the net here read as if nothing had been refunded).
            refunded = dhr.refunded_by_partner(self.store, self.case.id)
            for oid, a in acc.items():  # said, or the amount under "Re-split or carried" would read as a re-split
                if a["carried"]:
                    a["status"].append(f"Carries {format_money(a['carried'], show_pence=True)} refused, as lead "
                                       "authority")
                if refunded.get(oid):
                    a["status"].append(f"Refunded {format_money(refunded[oid], show_pence=True)} paid beyond its "
                                       "share")
            # The partners billed (a £0 share too), never one that joined the partnership since; one that has left
            # it since (a county merge, a change of partners) still holds its invoices.
            order = [oid for oid, _ in self.partners if oid in acc] + sorted(
                set(acc) - set(names), key=lambda oid: acc[oid]["partner"].casefold())
            return [SplitRow(oid, acc[oid]["partner"] if oid in acc else names[oid], self.percents.get(oid, ""), "",
                             acc[oid]["share"] if oid in acc else 0, acc.get(oid, {}).get("resplit", 0),
                             acc.get(oid, {}).get("refused", 0), acc.get(oid, {}).get("written_off", 0),
                             "; ".join(acc[oid]["status"]) if oid in acc else "", refunded.get(oid, 0))
                    for oid in order]
        try:
            preview = rules.dhr_cost_shares(self.cost_pence, [o for o, _ in self.partners], self.rule(),
                                            capped_base_pence=self.capped_base_pence)
        except rules.DhrError:
            preview = {}
        return [SplitRow(oid, name, self.percents.get(oid, ""), problems.get(oid, ""), preview.get(oid))
                for oid, name in self.partners]

    def preview_total_pence(self) -> int | None:
        shares = [r.share_pence for r in self.rows()]
        return None if not shares or any(s is None for s in shares) else sum(shares)  # type: ignore[misc]

    # -- saving --------------------------------------------------------------------------------------
    def bill_again(self) -> "SplitPresenter":
        """From the billed split: this view closes and the grid to bill the partners again with another opens."""
        self.owner.close_form(self)
        return self.owner.rebill_form()

    def _split_arguments(self) -> dict[str, Any]:
        rule = self.rule()
        return {"percentages": dict(rule.percent_bp), "cap_payer": rule.cap_payer,
                "cap_percent": rule.cap_percent_bp, "cap_amount": rule.cap_pence}

    def rebill_question(self) -> str:
        """What billing again with the split typed does to each partner, asked first ("" when it cannot be done:
        the form's message says why)."""
        problem = self.problem() if self.editable and self.enabled else "Nothing can be changed here."
        if not problem:
            try:
                return dhr.rebill_plan(self.store, self.case.id, self.kind.value, on=self.on,
                                       **self._split_arguments()).describe(self.case.reference)
            except rules.DhrError as exc:
                problem = str(exc)
        self.form_message = f"Not billed: {problem}"
        self.changed.emit()
        return ""

    def save(self) -> bool:
        if not self.editable or not self.enabled:
            self.form_message = (dhr.BILLED_SPLIT if self.billed else "Nothing can be changed here.")
            self.changed.emit()
            return False
        # A day in Partners on that was not taken (not a date) is not the day the split is for: nothing is saved for
        # the day before while the field says another.
        problem = self.partners_message if self.choosing_day else ""
        problem = problem or self.problem()
        if problem:
            self.form_message = f"Not saved: {problem}"
            self.changed.emit()
            return False
        case, owner, arguments = self.case, self.owner, self._split_arguments()
        try:
            if self.rebill:
                owner.case_action(f"Bill {case.reference} again with another split: {self.kind.label.lower()}",
                                  case.id, lambda: dhr.rebill_with_split(self.store, case.id, self.kind.value,
                                                                         on=self.on, **arguments))
            else:
                owner.case_action(f"Split the cost of {case.reference}: {self.kind.label.lower()}", case.id,
                                  lambda: dhr.set_split_rule(self.store, case.id, self.kind.value,
                                                             on=self.partners_on, **arguments))
        except ValueError as exc:
            self.form_message = f"Not {'billed' if self.rebill else 'saved'}: {exc}"
            self.changed.emit()
            return False
        self._saved_state = self._state()
        self.form_message = ""
        self.changed.emit()
        self.saved.emit()
        return True

    def discard(self) -> None:
        kind, percents, self.cap_payer, self.cap_percent, self.cap_amount = self._saved_state
        self.kind, self.percents = kind, dict(percents)
        self.form_message = ""
        self.changed.emit()


# -- the ledger: who owes what, for the one export path ----------------------------------------------

LEDGER_HEADER = ["Partner", "Outstanding", "Overdue", "Billed", "Paid", "Refused", "Written off", "Refunded"]
CASE_HEADER = ["Case", "Cost", "Net billed", "Paid", "Outstanding", "Shortfall", "Not yet billed", "Status",
               "Stage reached", "Refunded"]


@dataclass(frozen=True)
class LedgerShown:
    """The ledger read as at a day: per partner, per case, and the sentence beside the day."""

    day: date
    past: bool  # before today: only what had happened by then counts
    partners: list[dhr.PartnerLedger]
    cases: list[dhr.CaseSummary]
    origins: RowOrigins = NOT_A_COUNTY_FILE  # in a county file, the office each review came from (as Reviews says)
    label: str = rules.LABELS[0]  # what the reviews are called (a setting): the export's titles name them so
    unkept: tuple[str, ...] = ()  # reviews billed again by an earlier Safer Desk, which kept no withdrawn invoices
    lines_unkept: tuple[str, ...] = ()  # reviews whose cost lines an earlier Safer Desk deleted without keeping them
    unrecorded: date | None = None  # the day a trail that had missed deleted cost lines was repaired, after the day
    corrections_unrecorded: date | None = None  # the same, of a trail that had missed corrected cost lines

    @property
    def note(self) -> str:
        said = [dhr.unkept_words(list(self.unkept), self.day),
                dhr.deleted_unkept_words(list(self.lines_unkept), self.day),
                dhr.unrecorded_words(self.unrecorded, self.day),
                dhr.corrections_unrecorded_words(self.corrections_unrecorded, self.day)] if self.past else []
        return " ".join(filter(None, [self._note(), *said]))

    def _note(self) -> str:
        day = _uk(self.day)
        if not self.past:
            return f"As at {day} (today): every invoice, payment and refusal recorded."
        said = ("invoices, payments, refunds, refusals and write-offs dated after it are not counted, so a line "
                "recorded now shows only as at a later day (clear the date for today). Each review's stage is the one "
                "it had reached by then, and its cost is its cost lines dated on or before it or billed to the "
                f"partners by then. A review {rules.first_stage_done(self.label)} after it is not listed, nor its "
                "invoices counted.")
        if not self.partners:
            return f"Nothing had been billed to the partners by {day}, so every partner's figures are £0; {said}"
        return f"As at {day}: {said}"


def ledger_day_refusal(day: date, today: date, *, what: str = "the ledger") -> str:
    """Why the DHR ledger (or ``what`` else is read as at a day: Costs > Reviews' list) cannot be shown as at ``day``
    ("" when it can): as at a day is what had happened by then, and a day after ``today`` has not happened. Costs >
    Ledger and Costs > Reviews say it beside their As at fields, `dhr-ledger --as-at` as bad input: one rule, so all
    say the same."""
    if day <= today:
        return ""
    return (f"{_uk(day)} is after today ({_uk(today)}): {what} shows what had happened by a day, so choose today "
            "or an earlier day.")


class AsAtDay:
    """The day the DHR figures are read as at (Costs > Ledger, Costs > Reviews): today unless an earlier day is chosen,
    typed as the board paper's "as at 31 March" is; ``what`` is what the page shows, in its words."""

    def __init__(self, today: Callable[[], date], *, what: str = "the ledger"):
        self.today = today
        self.what = what
        self.chosen: date | None = None  # None: today, read when used (a page left open overnight moves on)
        self.message = ""  # why the day typed was not taken, said beside the field

    @property
    def day(self) -> date:
        return self.chosen or self.today()

    @property
    def past(self) -> bool:
        return self.chosen is not None and self.chosen < self.today()

    def fixed(self) -> tuple[date, bool]:
        """``day`` and ``past`` read together (today read once): what a page reads as at."""
        today = self.today()
        past = self.chosen is not None and self.chosen < today
        return (self.chosen if past else today), past

    def choose(self, text: str) -> bool:
        """The day typed (blank: today). A later day than today is refused, not clamped (``ledger_day_refusal``, as
        the command line's --as-at refuses it). Refused, the day shown is kept and ``message`` says why."""
        from safer_desk.domain.periods import PeriodError, parse_uk_date

        self.message = ""
        if not text.strip():
            self.chosen = None
            return True
        try:
            day = parse_uk_date(text)
        except PeriodError as exc:
            self.message = f"{exc} Still showing {self.what} as at {_uk(self.day)}."
            return False
        today = self.today()
        if refusal := ledger_day_refusal(day, today, what=self.what):
            self.message = f"{refusal} Still showing it as at {_uk(self.day)}."
            return False
        self.chosen = None if day == today else day
        return True


class LedgerPresenter(AsAtDay):
    """The Ledger page without Qt: the DHR ledger as at a day, today unless an earlier day is chosen, read with the
    same service calls as `safer-desk dhr-ledger [--as-at DAY]` so the window and the command line agree."""

    def __init__(self, today: Callable[[], date]):
        super().__init__(today, what="the ledger")

    def reader(self) -> Callable[[Any], LedgerShown]:
        """What to read (on a worker's connection), the day fixed now: as at a past day, as `dhr-ledger --as-at DAY`;
        today, as `dhr-ledger` without it."""
        day, past = self.fixed()
        as_at = day if past else None

        def read(store) -> LedgerShown:  # every case, learning reviews too: their shares are in the per-partner table
            return LedgerShown(day, past, dhr.partner_ledger(store, today=day, as_at=as_at),
                               dhr.list_cases(store, today=day, as_at=as_at), row_origins(store, REVIEWS),
                               dhr.review_label(store),
                               tuple(dhr.billed_again_unkept(store, as_at)) if as_at is not None else (),
                               tuple(dhr.deleted_lines_unkept(store, as_at)) if as_at is not None else (),
                               dhr.deleted_lines_unrecorded(store, as_at) if as_at is not None else None,
                               dhr.corrections_unrecorded(store, as_at) if as_at is not None else None)

        return read

    def read(self, store) -> LedgerShown:
        return self.reader()(store)


def ledger_sheets(partners: Sequence[dhr.PartnerLedger], cases: Sequence[dhr.CaseSummary], day: date, *,
                  partners_said: str = "", partners_total: str = "Total", cases_said: str = "",
                  cases_total: str = "Total", partners_filtered: bool = False, cases_filtered: bool = False,
                  origins: RowOrigins = NOT_A_COUNTY_FILE, label: str = rules.LABELS[0]) -> list:
    """The DHR ledger as sheets (per partner first, each with its totals row) for ``write_table``. ``*_said`` ("5 of
    11 partners (as filtered: …)") goes in a sheet's title and ``*_total`` labels its totals row when a filter left
    rows out, so the file says it is a part. ``*_filtered``: a search or filter hides some of that sheet's rows (told,
    never guessed from the label's words); with none left its totals line is the label with no figures, and with
    nothing billed and nothing filtered the partners' line is the zeros ``dhr-ledger`` prints. In a county file
    (``origins``) each case says where it came from, as the page's *Merged from* column does; a partner's figures add
    up every office's reviews, so say none. The titles
    name the reviews as they are called (``label``: "DARDR ledger …")."""
    from safer_desk.domain.periods import format_uk_date
    from safer_desk.exchange.files import Sheet

    p_rows = [[p.partner, p.outstanding_pence, p.overdue_pence, p.billed_pence, p.paid_pence, p.refused_pence,
               p.written_off_pence, p.refunded_pence] for p in partners]
    # A cost not yet known is blank, as the window says "Not yet known" and dhr-ledger --by-case: never a cost of £0.
    c_rows = [[c.reference, c.cost_pence if c.cost_known else None, c.net_billed_pence, c.recovered_pence,
               c.outstanding_pence, c.shortfall_pence, c.unbilled_pence, c.flag, c.current_stage, c.refunded_pence]
              + ([origins.of(c.id)] if origins.shown else []) for c in cases]
    # the money columns: the six first, and Refunded (the last of the partners', after Stage reached of the cases')
    p_money, c_money = {*range(1, 7), 7}, {*range(1, 7), 9}
    for rows, total_label, summed in ((p_rows, partners_total, p_money), (c_rows, cases_total, c_money)):
        if rows:
            # costs none of which is known total blank (not £0), as the window's Total row says "Not yet known"
            rows.append([total_label, *((None if all(r[i] is None for r in rows) else sum(r[i] or 0 for r in rows))
                                        if i in summed else "" for i in range(1, len(rows[0])))])
    # A search hiding every row ("None shown (of 11 partners)", as the window's line): that line with no figures, never
    # zeros that read as real sums.
    if not c_rows and cases_filtered:
        c_rows.append([cases_total, *[None] * (len(CASE_HEADER) - 1 + (1 if origins.shown else 0))])
    if not p_rows:  # nothing billed (by the day): a totals line of zeros, as `dhr-ledger` prints
        p_rows.append([partners_total, *([None] if partners_filtered else [0]) * 7])
    as_at, called = format_uk_date(day), rules.short_label(label)  # "DARDR ledger …"
    return [Sheet("Per partner", LEDGER_HEADER, p_rows, money_columns=p_money,
                  title=f"{called} ledger per partner as at {as_at}" + (f": {partners_said}" if partners_said else "")),
            Sheet("Per case", [*CASE_HEADER, *([MERGED_FROM] if origins.shown else [])], c_rows,
                  money_columns=c_money,
                  # Dated as Per partner is: its figures are the day's (as at a day gone by, not today's).
                  title=f"{called} ledger per case as at {as_at}" + (f": {cases_said}" if cases_said else ""))]
