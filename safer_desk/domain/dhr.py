"""Domestic Homicide Reviews: references, stage deadlines, and who pays what share of the cost.

A DHR has been a statutory duty of Community Safety Partnerships since 13 April
2011 (s9 Domestic Violence, Crime and Victims Act 2004). The stages follow one
another; each stage's due date is the date of an earlier stage (actual, or
projected when that stage has not happened yet) plus a configurable number of
months and days (default: the decision within one month of notification).

Cost shares always add up to the penny (seed 002: £7,525.58 among the eleven
Western Suffolk statutory partners is 4 × £684.15 + 7 × £684.14).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Mapping, Sequence

from safer_desk.domain.checks import bare_under_one_percent
from safer_desk.domain.funds import household_detail
from safer_desk.domain.money import split_by_weights, split_equally
from safer_desk.domain.privacy import find_name


class DhrError(ValueError):
    """Input a DHR cannot take; the message says which field and why."""


# Wales, launched 1 October 2024 (the Minister's written statement): one review instigated by the Regional Safeguarding
# Board in place of a DHR (and other reviews). Its name is a setting as the others are, the stages one list for every
# name (DESIGN 2.3), named as its guidance names them (SUSR_STAGE_LABELS).
SUSR = "Single Unified Safeguarding Review"
LABELS = ("Domestic Homicide Review", "Domestic Abuse Related Death Review", SUSR)


# The day each kind of review began: a DHR's statutory duty (s9 Domestic Violence, Crime and Victims Act 2004, in
# force 13 April 2011; a DARDR is the same review renamed), a SUSR's launch in Wales (1 October 2024).
DUTY_BEGAN = date(2011, 4, 13)
SUSR_BEGAN = date(2024, 10, 1)


def reviews_began(label: str) -> date:
    """The first day reviews called ``label`` were held."""
    return SUSR_BEGAN if label == SUSR else DUTY_BEGAN


def before_reviews_began_words(day: date | None, label: str) -> str:
    """The question about a review notified (a SUSR: referred) before reviews called ``label`` began ("" when it was
    not): a slip of the year more often than not ("01/03/2011" for 01/03/2021), asked once, as a review held of the
    office's own accord before the duty may be recorded all the same."""
    began = reviews_began(label)
    if day is None or day >= began:
        return ""
    uk = "{:%d/%m/%Y}".format
    if label == SUSR:
        return (f"{uk(day)} is before {uk(began)}, when Single Unified Safeguarding Reviews began in Wales: "
                "a slip of the year?")
    return (f"{uk(day)} is before {uk(began)}, when the duty to hold Domestic Homicide Reviews began (s9 Domestic "
            "Violence, Crime and Victims Act 2004): a slip of the year?")


def first_stage_done(label: str) -> str:
    """A review's first stage done, in a sentence ("a review referred after 01/10/2017"): a SUSR is referred to the
    Regional Safeguarding Board (and is not always about a death); the others are notified."""
    return "referred" if label == SUSR else "notified"


# The Welsh Government's own Welsh name for a SUSR (llyw.cymru, "Adolygiad Diogelu Unedig Sengl (ADUS)"): said beside
# the English where the reviews are named, as a Welsh office's papers pair them.
WELSH_NAMES = {SUSR: ("Adolygiad Diogelu Unedig Sengl", "ADUS")}


def welsh_name_words(label: str) -> str:
    """The Welsh name of reviews called ``label`` in a sentence ("" when the name has none held here)."""
    if label not in WELSH_NAMES:
        return ""
    name, short = WELSH_NAMES[label]
    return f"In Welsh: {name} ({short})."


def timescales_words(label: str) -> str:
    """What is said where the stage rules make a stage due or overdue, for reviews called ``label`` ("" when the
    default rules are the statutory guidance's for them): no statutory timescale for a SUSR is held here, so its
    due dates are the file's own rules, never presented as a statutory deadline."""
    if label != SUSR:
        return ""
    return ("Safer Desk holds no statutory timescales for Single Unified Safeguarding Reviews: a stage's due date, "
            "and whether it is overdue, follow this file's stage rules (by default the Home Office's for Domestic "
            "Homicide Reviews; change them with Stage rules… to the timescales the Regional Safeguarding Board "
            "sets), not a statutory deadline.")


def short_label(label: str) -> str:
    """The reviews' name as the papers shorten it: its words' initials ("DHR", "DARDR")."""
    return "".join(word[0] for word in label.split() if word[:1].isupper()) or label

COST_CATEGORIES = ("Independent chair/author", "Overview report writer", "Administration", "Legal", "Translation",
                   "Venue and travel", "Other")


# What to do with a cost line's amount not known yet, in the window (the form's Cancel); the command line says its own.
ADD_ONCE_KNOWN = "Cancel, and add it once the figure is known."


def cost_amount_words(typed: str, *, then: str = ADD_ONCE_KNOWN) -> str:
    """Why a cost line's Amount as typed is not one, in words that say what can be done ("" for the money parser's
    own): a figure not known yet ("TBC", "N/A", "nil") or an estimate (a range, a minimum). A cost line is a cost
    known to the penny, more than £0, so the parser's "leave the amount blank" or "type £0" cannot be done here.
    ``then``: what to do instead where it was typed."""
    from safer_desk.domain.money import MoneyError, no_figure_words, parse_cost

    text = (typed or "").strip()
    if no_figure_words(text):
        return f"“{text}” is not an amount: a cost line is a cost known to the penny. {then}"
    try:
        cost = parse_cost(text)
    except MoneyError:
        return ""
    if cost.kind == "amount":
        return ""
    said = "a range" if cost.kind == "range" else "a minimum"
    return f"“{text}” is {said}: a cost line is one amount, known to the penny. {then}"


def cost_estimate_words(typed: str, *, then: str = ADD_ONCE_KNOWN) -> str:
    """Why a cost line's Amount typed as an estimate ("c. £5,000", "£4,500 (est.)") is refused ("" when it is not
    one): the money parser reads such a figure as the figure (a planning figure elsewhere), but a cost line is billed
    to the partners, so it is the invoice's amount, known to the penny. ``then``: what to do instead."""
    from safer_desk.domain.money import approximate_figure

    text = (typed or "").strip()
    if approximate_figure(text) is None:
        return ""
    return f"“{text}” is an estimate: a cost line is one amount, known to the penny. {then}"


# Reviews cost £10k–£15k nationally (DESIGN.md 2.3): a cost line beyond this is asked about once, as a nought too
# many ("£62,500" for £6,250) or a scale slipped in ("£2m") would be billed to the partners.
USUAL_MOST_COST_LINE_PENCE = 50_000_00


def cost_line_doubt(pence: int | None) -> str:
    """The question about a cost line's amount far beyond what a whole review usually costs ("" when it is not)."""
    from safer_desk.domain.money import format_money

    if pence is None or pence <= USUAL_MOST_COST_LINE_PENCE:
        return ""
    return f"{format_money(pence)} is far beyond a review's usual £10k–£15k: a nought too many?"


# -- references --------------------------------------------------------------

_CAPITALISED = re.compile(r"^[A-Z][A-Za-z'’-]*[a-z]$")  # Jane, O'Brien, McDonald, Anne-Marie


def looks_like_a_name(text: str) -> bool:
    """Two or more capitalised words and no digit: "Jane Smith" looks like a person; "DHR 2017/01" does not.

    References are codes, so this stricter shape applies to them on top of the name detector
    (domain.privacy), which also finds "jane smith", "Jane Smith 1985" and "J. Smith".
    """
    if any(ch.isdigit() for ch in text):
        return False
    words = re.split(r"[\s,._/]+", text.strip())
    return sum(1 for w in words if _CAPITALISED.match(w)) >= 2


def check_reference(text: str, *, what: str = "reference") -> str:
    """A case or referral reference: required, short, and never a person's name, an address, a postcode or an e-mail
    address (a name joined up, "Jane-Smith-01", or turned round, "SMITH Jane", included: ``household_detail``)."""
    ref = (text or "").strip()
    if not ref:
        raise DhrError(f"The {what} is required (a code such as WSCSP-DHR-2017-01, never a name).")
    if len(ref) > 60:
        raise DhrError(f"The {what} is too long (60 characters at most).")
    if looks_like_a_name(ref) or (found_name := find_name(ref)):
        # The part that reads as a name, when it is not the whole: "TH-2018-MRS-SMITH" is a code with a number.
        part = found_name.words if not looks_like_a_name(ref) and found_name.words != ref else ""
        raise DhrError(
            f"“{part}” in “{ref}” looks like a person's name. Never record a victim's name: use a code with a "
            "number and no name, such as WSCSP-DHR-2017-01 or TH-2018-001." if part else
            f"“{ref}” looks like a person's name. Never record a victim's name: use a code with a number, "
            "such as WSCSP-DHR-2017-01 or TH-2018-001."
        )
    if found := household_detail(ref, reference=True):
        raise DhrError(f"Reference: “{found[0]}” looks like {found[1]}. Never record a victim's name, address or "
                       "contact details: use a code with a number, such as WSCSP-DHR-2017-01 or TH-2018-001.")
    return ref


def reference_key(text: str) -> str:
    """What makes two references the same review: their letters, in any case, and their numbers ("01" is "1"),
    whatever the spaces, dashes and slashes between ("WSCSP DHR 2017/1" is WSCSP-DHR-2017-01 typed another way). A
    superscript "²" is a digit to Python but no number (``int`` refuses it): it is kept as written, as a letter is."""
    return "".join(f"#{int(part)}" if part.isdecimal() else part
                   for part in re.findall(r"[^\W\d_]+|\d+", (text or "").casefold()))


def check_free_text(text: str, field: str) -> str:
    """A review's free text (its notes, an action plan's text, a cost's description …), stripped: DhrError (starting
    with ``field``) when it says where a household lives or how to reach it (an address, a postcode, an e-mail
    address). A person's name in it is refused by the name detector (services.dhr.free_text)."""
    if found := household_detail(text):
        raise DhrError(f"{field}: “{found[0]}” looks like {found[1]}. Never record the address or contact details "
                       "of a victim or their family: use the case reference, or a role (\"the victim's home\").")
    return (text or "").strip()


# -- stages ------------------------------------------------------------------

@dataclass(frozen=True)
class Stage:
    key: str
    label: str
    column: str  # where the date is stored on the case


STAGES: tuple[Stage, ...] = (
    Stage("notification", "Notified of the death", "notified_on"),
    Stage("decision", "Decision to hold a review (or not)", "decision_on"),
    Stage("home_office_told", "Home Office told of the decision", "home_office_told_on"),
    Stage("chair_appointed", "Independent chair appointed", "chair_appointed_on"),
    Stage("first_panel", "First panel meeting", "first_panel_on"),
    Stage("qa_submitted", "Report to the Home Office Quality Assurance Panel", "qa_submitted_on"),
    Stage("qa_letter", "Quality Assurance Panel letter", "qa_letter_on"),
    Stage("published", "Published", "published_on"),
)
# A SUSR's stages as the Welsh Government's SUSR guidance names them (gov.wales, "Single Unified Safeguarding Review:
# guidance"): referrals go to the Regional Safeguarding Board's business unit; the Board's chair decides whether a SUSR
# is held; a chair and reviewer(s) come from an approved list Welsh Government keeps; a review panel; Welsh Government
# is notified whenever a SUSR takes place. The Home Office is not named: a SUSR meeting the DHR criteria still goes to
# it for quality assurance (safercommunities.wales), one that does not is not known to, so those stages name no body.
SUSR_STAGE_LABELS = {
    "notification": "Referred to the Regional Safeguarding Board",
    "decision": "Board chair's decision to hold a review (or not)",
    "home_office_told": "Welsh Government notified of the review",
    "chair_appointed": "Chair and reviewer(s) appointed",
    "first_panel": "First review panel meeting",
    "qa_submitted": "Report sent for quality assurance",
    "qa_letter": "Quality assurance letter",
    "published": "Published",
}


def stages_for(label: str) -> tuple[Stage, ...]:
    """The stages as named for reviews called ``label``: a SUSR's as the Welsh Government's guidance names them (the
    same stages, dates and rules: DESIGN 2.3), a DHR's and a DARDR's as the Home Office's."""
    if label != SUSR:
        return STAGES
    return tuple(replace(s, label=SUSR_STAGE_LABELS[s.key]) for s in STAGES)


def stage_label(key: str, label: str) -> str:
    """A stage's name for reviews called ``label`` (``stages_for``)."""
    return next(s.label for s in stages_for(label) if s.key == key)


STAGE_KEYS = tuple(s.key for s in STAGES)
STAGE_BY_KEY = {s.key: s for s in STAGES}
# Stages that still apply when the decision is not to hold a review.
STAGES_WHEN_NOT_HELD = ("notification", "decision", "home_office_told")


MAX_RULE_MONTHS = 120
MAX_RULE_DAYS = 3650


@dataclass(frozen=True)
class StageRule:
    """The stage is due ``months`` and ``days`` after the ``after`` stage."""

    stage: str
    after: str
    months: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        if self.stage not in STAGE_KEYS or self.after not in STAGE_KEYS:
            raise DhrError(f"unknown stage in rule {self.stage} after {self.after}")
        if STAGE_KEYS.index(self.after) >= STAGE_KEYS.index(self.stage):
            raise DhrError(f"{STAGE_BY_KEY[self.stage].label} must follow an earlier stage.")
        if self.months < 0 or self.days < 0:
            raise DhrError("A stage cannot be due before the stage it follows.")
        # Ten years is far past any deadline in the guidance; more would put due dates past what a date can hold.
        if self.months > MAX_RULE_MONTHS:
            raise DhrError(f"Months: at most {MAX_RULE_MONTHS} (ten years) after the stage it follows.")
        if self.days > MAX_RULE_DAYS:
            raise DhrError(f"Days: at most {MAX_RULE_DAYS:,} (ten years) after the stage it follows.")

    def describe(self, label: str = LABELS[0]) -> str:
        """"within 1 month of: notified of the death", the stage it follows named for reviews called ``label``."""
        parts = []
        if self.months:
            parts.append(f"{self.months} month{'s' if self.months != 1 else ''}")
        if self.days:
            parts.append(f"{self.days} day{'s' if self.days != 1 else ''}")
        return f"within {' and '.join(parts) or 'the same day'} of: {_mid_sentence(self.after, label)}"


def _mid_sentence(key: str, label: str) -> str:
    """A stage's name as said mid-sentence ("notified of the death"); a SUSR's keeps its bodies' names ("Welsh
    Government notified of the review", "referred to the Regional Safeguarding Board")."""
    words = stage_label(key, label)
    if label != SUSR:
        return words.lower()
    return words if words.startswith(("Board", "Welsh")) else words[:1].lower() + words[1:]


DEFAULT_RULES: tuple[StageRule, ...] = (
    StageRule("decision", "notification", 1),  # Home Office statutory guidance: decide within one month
    StageRule("home_office_told", "notification", 1),
    StageRule("chair_appointed", "decision", 1),
    StageRule("first_panel", "chair_appointed", 1),
    StageRule("qa_submitted", "decision", 6),  # guidance: complete within six months of the decision
    StageRule("qa_letter", "qa_submitted", 2),
    StageRule("published", "qa_letter", 1),
)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day (31 January + 1 month = 28/29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


OVERDUE = "⚠ Overdue"


@dataclass(frozen=True)
class StageStatus:
    stage: Stage
    done_on: date | None
    due_on: date | None
    projected: bool  # the due date hangs on an earlier stage that has not happened yet
    status: str  # "Done", "Done late", "Due", "⚠ Overdue", "Not needed", "Waiting"

    @property
    def is_overdue(self) -> bool:
        return self.status == OVERDUE


def stage_schedule(dates: Mapping[str, date | None], rules: Sequence[StageRule], *, today: date,
                   decision: str = "pending", label: str = LABELS[0]) -> list[StageStatus]:
    """Each stage's date, due date and status; overdue means due before today and not done. Each stage is named for
    reviews called ``label`` (``stages_for``)."""
    by_stage = {r.stage: r for r in rules}
    known: dict[str, date | None] = {}
    projected: dict[str, bool] = {}
    result = []
    for stage in stages_for(label):
        done = dates.get(stage.key)
        rule = by_stage.get(stage.key)
        due: date | None = None
        is_projected = False
        if rule is not None:
            base = known.get(rule.after)
            if base is not None:
                due = add_months(base, rule.months)
                due = date.fromordinal(due.toordinal() + rule.days)
                is_projected = dates.get(rule.after) is None or projected.get(rule.after, False)
        if decision == "not held" and stage.key not in STAGES_WHEN_NOT_HELD:
            status, due = "Not needed", None
        elif done is not None:
            status = "Done late" if due is not None and done > due else "Done"
        elif due is None:
            status = "Waiting"
        elif due < today:
            status = OVERDUE
        else:
            status = "Due"
        known[stage.key] = done if done is not None else due
        projected[stage.key] = done is None
        result.append(StageStatus(stage, done, due, is_projected and done is None, status))
    return result


def reached_by(day: date | None, as_at: date | None) -> date | None:
    """A stage's (or a workshop's, a recommendation's completion) date as at a day: None when it came after it (not
    reached yet then); ``as_at`` None is now, every date recorded."""
    return day if as_at is None or day is None or day <= as_at else None


def stage_dates_as_at(dates: Mapping[str, date | None], as_at: date | None) -> dict[str, date | None]:
    """The stages reached by ``as_at``: a stage dated after it had not happened yet (``reached_by``)."""
    return {key: reached_by(day, as_at) for key, day in dates.items()}


def decision_as_at(decision: str, decided_on: date | None, as_at: date | None) -> str:
    """The decision to hold a review as at a day: still pending before the day it is dated (one undated stands)."""
    return "pending" if decided_on is not None and reached_by(decided_on, as_at) is None else decision


def recommendation_status(due_on: date | None, completed_on: date | None, *, today: date) -> str:
    if completed_on is not None:
        return "Completed late" if due_on is not None and completed_on > due_on else "Completed"
    if due_on is not None and due_on < today:
        return OVERDUE
    return "Open"


# -- splitting the cost ------------------------------------------------------

SPLIT_KINDS = ("equal", "percentages", "capped")


def percent_to_bp(text: str) -> int:
    """A percentage typed as "12.5" or "12.5%" into basis points (hundredths of a percent)."""
    s = (text or "").strip().rstrip("%").strip()
    m = re.fullmatch(r"(\d{1,3})(?:\.(\d{1,2}))?", s)
    if not m:
        shown = (text or "").strip()
        if re.fullmatch(r"[-−–]\s*\d+(?:[.,]\d*)?", s):  # "-5": its digits are fine, its sign is not
            raise DhrError(f"“{shown}” cannot be negative: a partner's part is from 0% to 100%, like 12.5%.")
        if comma := re.fullmatch(r"(\d{1,3}),(\d{1,2})", s):  # "12,5": a decimal comma, never guessed as 125%
            raise DhrError(f"“{shown}” is not a percentage: use a point for the decimals, so type "
                           f"{comma.group(1)}.{comma.group(2)} for {comma.group(1)}.{comma.group(2)}%.")
        raise DhrError(f"“{text}” is not a percentage (use a form like 12.5%, at most two decimals).")
    bp = int(m.group(1)) * 100 + int((m.group(2) or "0").ljust(2, "0"))
    if bp > 10000:
        raise DhrError(f"“{text}” is more than 100%.")
    return bp


def cap_percent_to_bp(text: str) -> int:
    """The capped payer's percentage: as ``percent_to_bp``, but "0.5" typed bare is asked about (50% or 0.5%?)."""
    if (bare := bare_under_one_percent(text, "The capped part")) is not None:
        raise DhrError(bare)
    return percent_to_bp(text)


def equal_percent_bp(partners: int) -> int | None:
    """Each of ``partners`` equal parts of 100% in basis points, or None where 100% to two decimals cannot be so
    split (six partners: 16.67% four times and 16.66% twice bill £1,389.17 against £1,388.33 of £8,333.35, not an
    equal share): an equal split is then Equal shares, which bills each within a penny (``split_equally``)."""
    return 10000 // partners if partners > 0 and 10000 % partners == 0 else None


def format_bp(bp: int) -> str:
    whole, rest = divmod(bp, 100)
    return f"{whole}%" if rest == 0 else f"{whole}.{rest:02d}".rstrip("0") + "%"


@dataclass(frozen=True)
class SplitRule:
    """How a case's cost is shared between the partnership's statutory partners.

    equal: equal shares. percentages: ``percent_bp`` per partner, adding up to 100%.
    capped: ``cap_payer`` pays ``cap_percent_bp`` of the ``capped_base`` (e.g. the chair's
    costs) up to ``cap_pence``; the other partners share the rest equally
    (Gloucestershire: the PCC's office pays 50% of the chair's costs up to £5,000).
    """

    kind: str = "equal"
    percent_bp: Mapping[str, int] = field(default_factory=dict)
    cap_payer: str | None = None
    cap_percent_bp: int = 5000
    cap_pence: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in SPLIT_KINDS:
            raise DhrError(f"Unknown way of splitting the cost: {self.kind}.")
        if self.kind == "percentages":
            if any(v < 0 for v in self.percent_bp.values()):
                raise DhrError("A percentage cannot be negative.")
            total = sum(self.percent_bp.values())
            if total != 10000:
                raise DhrError(f"The percentages add up to {format_bp(total)}, not 100%.")
        if self.kind == "capped":
            if not self.cap_payer:
                raise DhrError("Choose the partner who pays the capped part first.")
            if not 0 <= self.cap_percent_bp <= 10000:
                raise DhrError("The capped part must be between 0% and 100%.")
            if self.cap_pence is not None and self.cap_pence < 0:
                raise DhrError("The cap cannot be negative.")


def capped_part(base_pence: int, percent_bp: int, cap_pence: int | None) -> int:
    """percent of base (to the nearest penny, halves up), no more than the cap."""
    part = (base_pence * percent_bp * 2 + 10000) // 20000
    return part if cap_pence is None else min(part, cap_pence)


def dhr_cost_shares(total_pence: int, partners: Sequence[str], rule: SplitRule, *,
                    capped_base_pence: int = 0) -> dict[str, int]:
    """Each partner's share of the cost; the shares always add up exactly to total_pence."""
    if total_pence < 0:
        raise DhrError("The cost cannot be negative.")
    partners = list(dict.fromkeys(partners))
    if not partners:
        raise DhrError("The partnership has no statutory partners to share the cost.")
    if rule.kind == "equal":
        return split_equally(total_pence, partners)
    if rule.kind == "percentages":
        missing = [p for p in rule.percent_bp if p not in partners and rule.percent_bp[p]]
        if missing:
            raise DhrError("A percentage is given for an organisation that is not a statutory partner.")
        return split_by_weights(total_pence, {p: rule.percent_bp.get(p, 0) for p in partners})
    if rule.cap_payer not in partners:
        raise DhrError("The partner paying the capped part must be one of the statutory partners.")
    first = min(total_pence, capped_part(capped_base_pence, rule.cap_percent_bp, rule.cap_pence))
    others = [p for p in partners if p != rule.cap_payer]
    shares = {p: 0 for p in partners}
    if others:
        shares.update(split_equally(total_pence - first, others))
        shares[rule.cap_payer] = first
    else:
        shares[rule.cap_payer] = total_pence
    return shares


def further_shares(total_pence: int, billed: Mapping[str, int], rule: SplitRule, *,
                   capped_base_pence: int = 0) -> dict[str, int]:
    """What each partner already billed (``billed``: its first shares) is billed for costs added since.

    Each partner is brought to its share of a fresh split of the whole cost (``total_pence``) among the same
    partners, so a capped payer already at its cap pays no more. The further shares add up exactly to the cost
    not yet billed. Where a partner was billed more than its fresh share (part of the cost put back after it paid,
    billed again with another split, or a penny of largest remainders when percentages grow), it holds a credit
    and is billed none of it: the partners short of their shares are billed it, a capped payer its capped part
    first, then each to the same part of its share (``rebilled_shares``). An invoice is never negative.
    """
    partners = list(billed)
    further_pence = total_pence - sum(billed.values())
    if further_pence < 0:
        raise DhrError("The partners were billed for more than the review now costs.")
    fresh = dhr_cost_shares(total_pence, partners, rule, capped_base_pence=capped_base_pence)
    further = {p: fresh[p] - billed[p] for p in partners}
    if min(further.values(), default=0) >= 0:
        return further
    return rebilled_shares(total_pence, billed, partners, rule, capped_base_pence=capped_base_pence)


def rebilled_shares(total_pence: int, kept: Mapping[str, int], partners: Sequence[str], rule: SplitRule, *,
                    capped_base_pence: int = 0) -> dict[str, int]:
    """What each partner is billed afresh when a review billed with the wrong split is billed again with another.

    ``kept`` is what stays billed to a partner (what it paid, a share it refused or that was written off); the rest
    of its invoices are cancelled. Each partner of the new split (``partners``) is billed what it is short of its
    share of the whole cost split afresh (``dhr_cost_shares``), never more. Where a partner keeps more than its new
    share (it paid its old, larger share), its payments stay, and the others are billed the rest of the cost: a
    capped payer its capped part first, then so that each of the others billed stands at the same part of its share
    (``_to_the_same_part_of_their_shares``: a partner that paid part of its invoice early is billed to the same total
    as one that paid nothing). The parts add up exactly to the cost less what is kept; none is negative, nor more than
    a partner is short.
    """
    rest = total_pence - sum(kept.values())
    if rest < 0:
        raise DhrError("The partners keep more than the review costs.")
    targets = dhr_cost_shares(total_pence, partners, rule, capped_base_pence=capped_base_pence)
    short = {p: max(targets[p] - kept.get(p, 0), 0) for p in targets}
    # What the partners are short adds up to at least the rest (nobody keeps less than nothing): exactly, unless a
    # partner keeps more than its new share.
    if sum(short.values()) == rest:
        return short
    first = {}
    if rule.kind == "capped" and rule.cap_payer in short:  # the capped part is paid first, as the rule has it
        first = {rule.cap_payer: min(short.pop(rule.cap_payer), rest)}
        rest -= first[rule.cap_payer]
    return first | _to_the_same_part_of_their_shares(rest, {p: targets[p] for p in short}, kept)


def _to_the_same_part_of_their_shares(rest: int, targets: Mapping[str, int], kept: Mapping[str, int]) -> dict[str, int]:
    """``rest`` billed so that each partner billed stands (what it keeps and is billed) at the same part of its share
    (``targets``), to the penny: equal totals for equal shares, whoever paid first. A partner keeping that much of its
    share already is billed none. ``rest`` is at most what the partners are short of their shares, so none is billed
    past its share; the parts add up exactly to ``rest``."""
    pool = {p: t for p, t in targets.items() if kept.get(p, 0) < t}
    while True:  # the part f = (rest + what the pool keeps) / (the pool's shares); out goes any keeping more
        held, whole = rest + sum(kept.get(p, 0) for p in pool), sum(pool.values())
        over = [p for p, t in pool.items() if kept.get(p, 0) * whole >= held * t]
        if not over or len(over) == len(pool):
            break
        for p in over:
            del pool[p]
    whole = sum(pool.values())
    if not rest or not whole:
        return dict.fromkeys(targets, 0)
    # p's exact part is (held * t - kept * whole) / whole; in proportion to the numerators they add up to rest.
    numerators = {p: max(held * t - kept.get(p, 0) * whole, 0) for p, t in pool.items()}
    return dict.fromkeys(targets, 0) | split_by_weights(rest, numerators)


def resplit_refusal(amount_pence: int, remaining: Sequence[str], rule: SplitRule, *,
                    held: Mapping[str, int] | None = None) -> dict[str, int]:
    """Share a refused amount among the partners who have not refused, by the case's own rule.

    Equal and capped cases share it equally (the capped payer's part is already fixed, so it is
    left out unless it is the only one left); percentage cases in proportion to the remaining
    percentages. ``held``: what each partner is billed for the review already; the odd pennies go to those furthest
    below their part of it all (``_evenly_with``), so the first split's odd pennies are not given to the same
    partners again (four of the ten billed £752.57 for the Mid Suffolk review, six £752.55).
    """
    remaining = list(dict.fromkeys(remaining))
    if amount_pence < 0:
        raise DhrError("A refused amount cannot be negative.")
    if not remaining:
        raise DhrError("Nobody is left to share the refused amount; let the lead authority carry it.")
    held = held or {}
    if rule.kind == "percentages":
        weights = {p: rule.percent_bp.get(p, 0) for p in remaining}
        if sum(weights.values()) > 0:
            return _evenly_with(amount_pence, weights, held)
    if rule.kind == "capped":
        others = [p for p in remaining if p != rule.cap_payer]
        if others:
            shares = {p: 0 for p in remaining}
            shares.update(_evenly_with(amount_pence, dict.fromkeys(others, 1), held))
            return shares
    return _evenly_with(amount_pence, dict.fromkeys(remaining, 1), held)


def _evenly_with(amount_pence: int, weights: Mapping[str, int], held: Mapping[str, int]) -> dict[str, int]:
    """``amount_pence`` in proportion to ``weights`` (all but the odd pennies), the odd pennies to the partners
    furthest below their exact part of everything held and the amount (``held``: what each already holds), ties
    broken by the largest weight, then the partner's key, so the order given never matters. With nothing held this is
    largest remainder (split_by_weights); the parts add up exactly to ``amount_pence`` and one on 0% gets none."""
    from fractions import Fraction

    pool = {p: w for p, w in weights.items() if w > 0}
    whole = sum(pool.values())
    parts = dict.fromkeys(weights, 0) | {p: amount_pence * w // whole for p, w in pool.items()}
    everything = amount_pence + sum(held.get(p, 0) for p in pool)
    below = {p: Fraction(everything * w, whole) - held.get(p, 0) - parts[p] for p, w in pool.items()}
    for p in sorted(pool, key=lambda k: (-below[k], -pool[k], str(k)))[:amount_pence - sum(parts.values())]:
        parts[p] += 1
    return parts


# -- the ledger ----------------------------------------------------------------

@dataclass(frozen=True)
class ShareState:
    """What a share stands at: billed, paid, and whether the rest was refused or written off."""

    amount_pence: int
    paid_pence: int
    status: str  # "invoiced" | "refused" | "written off"
    due_on: date | None

    @property
    def closed_pence(self) -> int:
        """The unpaid part that will not be paid (refused or written off)."""
        return 0 if self.status == "invoiced" else max(0, self.amount_pence - self.paid_pence)

    @property
    def outstanding_pence(self) -> int:
        return 0 if self.status != "invoiced" else max(0, self.amount_pence - self.paid_pence)

    def overdue_pence(self, today: date) -> int:
        return self.outstanding_pence if self.due_on is not None and self.due_on < today else 0


# What a partner paid beyond an invoice is never recorded, so Refund excess… (a refund of what a partner paid beyond
# its share as recorded) refuses it: "refund it" sent the officer there.
_NOT_HELD = "it is not recorded here, as nothing billed it"
_RETURN_IT = f"return it to the partner ({_NOT_HELD})"


def check_payment(share: ShareState, amount_pence: int) -> None:
    """A payment must be positive, on an invoiced share, and no more than what is outstanding."""
    from safer_desk.domain.money import format_money

    if amount_pence <= 0:
        raise DhrError("A payment must be more than £0.")
    if share.status != "invoiced":
        raise DhrError(f"This share is {share.status}; it cannot take a payment.")
    if amount_pence > share.outstanding_pence:
        # An overpayment is never recorded: a share's paid never passes what it was billed, so the ledger adds up. What
        # the partner paid beyond it is money to give back or to set against a later invoice, said so here.
        over = format_money(amount_pence - share.outstanding_pence)
        if share.outstanding_pence == 0:
            said = "billed £0" if share.amount_pence == 0 else "paid in full"
            raise DhrError(f"{format_money(amount_pence)} is more than the £0 outstanding on this share: it is "
                           f"{said}. If the partner paid it, the {over} is an overpayment: {_RETURN_IT}, or agree with "
                           "the partner to set it against a later invoice and record it on that one.")
        raise DhrError(f"{format_money(amount_pence)} is more than the {format_money(share.outstanding_pence)} "
                       f"outstanding on this share. If the partner paid {format_money(amount_pence)}, record "
                       f"{format_money(share.outstanding_pence)} here and return the {over} overpaid to the partner "
                       f"({_NOT_HELD}), or agree with "
                       "the partner to set it against a later invoice and record it on that one.")


def overpaid_credit(paid_pence: int, refunded_pence: int, share_pence: int) -> int:
    """What a partner paid on a review beyond its share of the review's cost, less what was refunded to it: the most
    it may be refunded (never negative). Its share is that of the whole cost under the review's split as it stands,
    so a partner billed again with another split after it paid its old, larger share has a credit."""
    return max(0, paid_pence - refunded_pence - share_pence)


def check_refund(credit_pence: int, amount_pence: int, *, partner: str = "The partner") -> None:
    """A refund must be positive and no more than the partner's overpaid credit on the review (``overpaid_credit``)."""
    from safer_desk.domain.money import format_money

    if amount_pence <= 0:
        raise DhrError("A refund must be more than £0.")
    if credit_pence <= 0:
        raise DhrError(f"{partner} has not overpaid on this review: it has paid no more than its share of the "
                       "review's cost, so there is nothing to refund.")
    if amount_pence > credit_pence:
        raise DhrError(f"{format_money(amount_pence)} is more than the {format_money(credit_pence)} {partner} "
                       f"overpaid on this review: refund at most {format_money(credit_pence)}.")


@dataclass(frozen=True)
class Billing:
    """What a review's partners were billed, and the net once refusals and write-offs are taken off.

    billed counts every invoice: the first shares, shares re-split from a refusal, and the part the lead
    authority carries. Net billed is billed less what was refused and written off, so after a refusal is
    re-split (or carried) the net is the review's cost again (seed 002: £7,525.58 billed, £684.14 refused by
    the National Probation Service and re-split among the other ten: billed £8,209.72, net £7,525.58).
    """

    cost_pence: int
    billed_pence: int
    refused_pence: int
    written_off_pence: int
    resplit_pence: int
    carried_pence: int
    refunded_pence: int = 0  # paid beyond a partner's share and given back: the cost it covered is to be billed again

    @property
    def net_billed_pence(self) -> int:
        return self.billed_pence - self.refused_pence - self.written_off_pence - self.refunded_pence

    @property
    def uncovered_pence(self) -> int:
        """Cost not covered by a live invoice: refusals not yet re-split or carried, and write-offs."""
        return self.cost_pence - self.net_billed_pence

    @property
    def matches_cost(self) -> bool:
        return self.net_billed_pence == self.cost_pence

    def describe(self) -> str:
        """One sentence: billed, less refused and written off, = net billed, against the cost. Pence on every figure
        when any has them, as the tab's tables show them ("Billed £8,900" beside "£684.14 refused" read oddly)."""
        from safer_desk.domain.money import any_pence, format_money as money

        said = [self.billed_pence, self.resplit_pence, self.carried_pence, self.refused_pence, self.written_off_pence,
                self.refunded_pence, self.net_billed_pence, abs(self.uncovered_pence), self.cost_pence,
                max(self.unbilled_pence, 0)]
        pence = any_pence(said)

        def format_money(amount: int) -> str:
            return money(amount, show_pence=pence)

        parts = [f"Billed {format_money(self.billed_pence)}"]
        if self.resplit_pence or self.carried_pence:
            extra = [f"{format_money(self.resplit_pence)} re-split"] if self.resplit_pence else []
            extra += [f"{format_money(self.carried_pence)} carried by the lead authority"] if self.carried_pence else []
            parts[0] += f" (including {' and '.join(extra)})"
        if self.refused_pence:
            parts.append(f"less {format_money(self.refused_pence)} refused")
        if self.written_off_pence:
            parts.append(f"less {format_money(self.written_off_pence)} written off")
        if self.refunded_pence:
            parts.append(f"less {format_money(self.refunded_pence)} refunded")
        text = ", ".join(parts) + f" = {format_money(self.net_billed_pence)} net"
        if self.matches_cost:
            return text + ", the review's cost."
        text += (f", {format_money(abs(self.uncovered_pence))} "
                 f"{'short of' if self.uncovered_pence > 0 else 'more than'} the review's cost of "
                 f"{format_money(self.cost_pence)}.")
        if self.unbilled_pence > 0 and self.billed_pence:
            since = ("added since the partners were billed or refunded to a partner that overpaid"
                     if self.refunded_pence else "added since the partners were billed")
            text += f" {format_money(self.unbilled_pence)} of it, {since}, has not been billed yet."
        return text

    @property
    def unbilled_pence(self) -> int:
        """Cost added since the partners were billed, or refunded to a partner that had paid it beyond its share (their
        first shares, less what was refunded, cover the rest)."""
        return self.cost_pence - (self.billed_pence - self.resplit_pence - self.carried_pence - self.refunded_pence)


def billing(cost_pence: int, shares: Sequence[tuple[str, ShareState]], refunded_pence: int = 0) -> Billing:
    """A review's billing from its shares: (kind, state) with kind "share", "re-split" or "carried"; and what was
    refunded to partners that overpaid."""
    billed = sum(s.amount_pence for _, s in shares)
    refused = sum(s.closed_pence for _, s in shares if s.status == "refused")
    written_off = sum(s.closed_pence for _, s in shares if s.status == "written off")
    resplit = sum(s.amount_pence for k, s in shares if k == "re-split")
    carried = sum(s.amount_pence for k, s in shares if k == "carried")
    return Billing(cost_pence, billed, refused, written_off, resplit, carried, refunded_pence)
