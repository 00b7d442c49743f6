"""Pooled funds (target hardening and other pots): eligibility, burn rate and when the money runs out.

Month-counting convention (used by ``forecast_fund`` and tested):

- A spend line belongs to the calendar month of its date.
- The burn rate is the spend in a window of ``window`` whole months ending with,
  and including, the "as at" month, divided by the number of months in the window, to the penny (half up): the
  projections use that rate, the one shown, so a month's projected spend is whole pence.
  The window never starts before the fund's first month, so three months of a
  six-month window that fall before the fund began are not counted as months
  of zero spend. Months inside the window with no spend count as zero.
- The "as at" month defaults to the latest month with any spend; when the fund's spend is said to be fully keyed
  to a later month (``complete_to``), to that month (never past the fund's end): months keyed with no spend are
  months of zero spend, so spend that stopped is not forecast at its old rate.
- The balance is taken at the end of the "as at" month; from the next month on,
  each month spends the burn rate, or what is already keyed in it when that is more
  (a month not complete: its spend so far is money gone).
- With no complete month there is no burn rate and no forecast, but spend keyed in months not complete is money
  gone: when it passes the fund, the exhaustion month is the month it does.
- The forecast exhaustion month is the first month in which the projected
  spend goes past the fund (the month the money runs out: its spending cannot be
  met in full). The month before it is the last month the fund covers in full;
  spend that reaches the fund exactly at the end of a month leaves that month
  covered (£4,000 at £500 a month from July: November covered, December runs
  out). A fund that did not cover its first month (nothing contributed yet, or
  less than that month's spend) covers no month: none before it began.

Seed 002 §6.4: £20,000 from April 2018, £2,417 spent April–June 2018. The burn
rate is £2,417 / 3 = £805.67 a month (to the penny, half up: the rate shown is the rate every projection uses);
£17,583 is left at the end of June 2018, which lasts 21.8 months: July 2018 to March 2020 are covered in full (the
paper's "the budget will have been spent by March 2020") and the money runs out during April 2020. At the end of the
18-month pilot (September 2019) £17,583 − 15 × £805.67 = £5,497.95 would be left.

Incomplete months (issue 14): the current month, and any month after the date a fund's spend is
keyed to, are not over or not fully keyed. They are left out of the burn rate (the "as at" month
defaults to the latest complete month with spend) and the forecast says so, with the spend keyed
in them so far; £154.50 keyed in July 2018 does not silently move the run-out from April 2020, while £18,000 keyed
in it (more than the burn rate) is counted as July's spend: the fund runs out in July 2018, not April 2020. A
last month whose spend is under half that of the months before it is marked as possibly part-keyed. A fund ending in
the middle of a month (15/09) has no spend after its last day: spend keyed to that day, or a today past it, leaves
its last month complete.
``forecast_range`` gives the run-out over 3-, 6- and 12-month windows, so one window's luck shows.

Months over with no spend (round 34): the "as at" month stays the latest complete month with spend, but when months
after it are over (before the first month not complete, to the fund's end) with no spend recorded in any of them and
no date spend is keyed to, the forecast says so: "No spend is recorded after Jun-18, though Jul-18 to Sep-19 are
over: …", so a run-out forecast from a month long past (spend no longer keyed, or stopped) is not read as today's.
An "as at" month chosen after the last month with spend ("--as-at 2019-09" when none is recorded after June
2018) names that last month, and says that the window's months since count as £0 though nothing says they are
keyed, so a burn rate of £0 is not read as spend that stopped. A closed fund's spend is as reported: it is not said
there. (A fund whose period has ended is the service's to say: services.funds.ended_sentence.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from fractions import Fraction
from itertools import pairwise
from typing import Any, Iterable, Mapping

from safer_desk.domain.periods import LAST_YEAR, Month
from safer_desk.domain.privacy import as_read, find_name

RISK_LEVELS = ("high", "medium", "standard")
FORECAST_YEARS = 50  # how far past the period's end a run-out is forecast at most


class FundError(ValueError):
    """Input a fund cannot take; the message says which field and why."""


@dataclass(frozen=True)
class EligibilityRules:
    """A fund's eligibility settings (seed 002: high risk, at MARAC, IDVA assigned, perpetrator not resident)."""

    risk_levels: frozenset[str] = frozenset({"high"})
    require_marac: bool = True
    require_idva: bool = True
    require_perpetrator_not_resident: bool = True

    def __post_init__(self) -> None:
        unknown = set(self.risk_levels) - set(RISK_LEVELS)
        if unknown:
            raise FundError(f"Unknown risk level: {', '.join(sorted(unknown))}.")
        if not self.risk_levels:
            raise FundError("Choose at least one risk level the fund accepts.")

    def describe(self) -> str:
        levels = " or ".join(level for level in RISK_LEVELS if level in self.risk_levels)
        parts = [f"{levels} risk"]
        if self.require_marac:
            parts.append("at MARAC")
        if self.require_idva:
            parts.append("IDVA assigned")
        if self.require_perpetrator_not_resident:
            parts.append("perpetrator not resident")
        return ", ".join(parts)


@dataclass(frozen=True)
class EligibilityAnswers:
    risk_level: str
    at_marac: bool
    idva_assigned: bool
    perpetrator_resident: bool

    def __post_init__(self) -> None:
        if self.risk_level not in RISK_LEVELS:
            raise FundError(f"Risk level must be one of {', '.join(RISK_LEVELS)}, not “{self.risk_level}”.")


def meets_rules_as_held(rules: EligibilityRules, risk_level: str, at_marac: Any, idva_assigned: Any,
                        perpetrator_resident: Any) -> bool:
    """Whether a referral's answers as a file holds them meet the fund's rules: False for a risk level not in the list
    (a value a merge brought), as it is not known to meet them. A reason to accept held beside answers that meet the
    rules stands for no override (``services.funds.reasons_held_while_met``, the county export's copy)."""
    try:
        answers = EligibilityAnswers(risk_level, bool(at_marac), bool(idva_assigned), bool(perpetrator_resident))
    except FundError:
        return False
    return not eligibility_failures(rules, answers)


def eligibility_failures(rules: EligibilityRules, answers: EligibilityAnswers) -> list[str]:
    """The fund's rules this referral does not meet, in words (empty when it is eligible)."""
    failures = []
    if answers.risk_level not in rules.risk_levels:
        failures.append(f"risk level is {answers.risk_level}; the fund accepts "
                        f"{' or '.join(r for r in RISK_LEVELS if r in rules.risk_levels)}")
    if rules.require_marac and not answers.at_marac:
        failures.append("not at MARAC")
    if rules.require_idva and not answers.idva_assigned:
        failures.append("no IDVA assigned")
    if rules.require_perpetrator_not_resident and answers.perpetrator_resident:
        failures.append("the perpetrator lives at the address")
    return failures


def check_eligibility(rules: EligibilityRules, answers: EligibilityAnswers, override_reason: str) -> str:
    """Accept an eligible referral, or an ineligible one only with a reason for the override: the reason to keep.

    An eligible referral keeps none ("" whatever was typed): a reason left in the form from an override since put right
    was seen nowhere, went out with the county's export, and would read as the override of a rule made stricter later
    (a reason about MARAC standing for a medium risk no one agreed), hiding the referral from Fund settings' question.
    """
    failures = eligibility_failures(rules, answers)
    reason = (override_reason or "").strip()
    if failures and not reason:
        raise FundError("This referral does not meet the fund's rules (" + "; ".join(failures) + "). "
                        "Give a reason for accepting it anyway, or do not accept it.")
    return reason if failures else ""


def contribution_amount_words(typed: str) -> str:
    """Why a contribution's Amount as typed ("TBC", "N/A", "nil") is not one, in words that say what can be done ("" for
    the money parser's own): a contribution is more than £0, so the parser's "leave the amount blank" or "type £0"
    cannot be done here."""
    return _not_known_words(typed, "a contribution is money a partner gives, known to the penny")


def spend_amount_words(typed: str) -> str:
    """The same for a spend line's Amount: left blank there, it is the catalogue's usual price, not a figure to come."""
    return _not_known_words(typed, "a spend line is what was spent, known to the penny (left blank, the Amount is the "
                                   "catalogue's usual price)")


def _not_known_words(typed: str, what: str) -> str:
    from safer_desk.domain.money import no_figure_words

    text = (typed or "").strip()
    if no_figure_words(text):
        return f"“{text}” is not an amount: {what}. Cancel, and add it once the figure is known."
    return ""


# -- where a victim lives --------------------------------------------------------------------
# DESIGN §2.3: a victim is recorded by a pseudonymous reference and district only. The name detector (domain.privacy)
# finds a person's name; a referral's reference and free text must not say where the household lives, or how to
# reach it, either: target hardening is fitted at an address, so one is always at hand to be typed.

_STREET_WORDS = ("road", "street", "st", "avenue", "ave", "lane", "close", "drive", "way", "court", "crescent",
                 "terrace", "gardens", "place", "square", "grove", "rise", "walk", "mews", "row", "hill", "park",
                 "view", "green", "parade", "meadow", "meadows",
                 "rd", "ln", "cres", "gdns", "tce")  # as forms abbreviate them: "12 Orwell Rd", "3 Mill Ln"
# A village's street named with "The" ("14 The Street", "3 The Close"), capitalised as an address is, so that "in week
# 2 the court adjourned" is not one.
_THE_STREET = r"|".join(f"{w.capitalize()}|{w.upper()}" for w in _STREET_WORDS)
# "12 Acacia Avenue", "4a Orwell Road", "Flat 3" (capitalised, not "the flat 2 weeks ago"); not "2 days at the park".
_HOUSE = re.compile(r"\b(?:Flat|FLAT|Apartment|APARTMENT|Apt)\.?\s*\d+[A-Za-z]?\b|\b\d+[A-Za-z]?,?\s+"
                    r"(?:(?!(?i:a|an|and|at|by|for|from|in|of|on|or|the|to|with)\b)[^\W\d_][\w'’-]*\s+){1,3}"
                    r"(?i:" + "|".join(_STREET_WORDS) + r")\b"
                    r"|\b\d+[A-Za-z]?,?\s+(?:The|THE)\s+(?:" + _THE_STREET + r")\b")
# A UK postcode ("IP1 2AB", "ip12ab"): the inward code's letters are never C, I, K, M, O or V ("Q2 2pm" is none);
# joined into a code as well ("TH-IP1-2AB", "TH_2018_IP1_2AB", "TH/IP4/5XY": a letter or digit on neither side).
_POSTCODE = re.compile(r"(?<![^\W_])[A-Z]{1,2}\d[A-Z\d]?(?:\s*|[._/-])\d[ABD-HJLNP-UW-Z]{2}(?![^\W_])",
                       re.IGNORECASE)
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
# A UK telephone number as people write one: a mobile ("07700 900123", "+44 7700 900123") or a landline with its
# area code set apart ("01473 123456", "020 7946 0958"); not an invoice's or a code's run of digits ("0001234").
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+44\s?|0)7\d{3}\s?\d{3}\s?\d{3}|0[1-3]\d{1,3}\s\d{3,4}\s?\d{3,4})(?!\w)")
# A date of birth, said as one ("DOB 01/02/1985", "d.o.b. 1985-02-01", "date of birth 1 Feb 1985", "born on 01/02/85",
# "DOB 1985"): with a district it points at one person as a name does. Other dates ("referred on 01/02/2018") are not.
_DAY = (r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
        r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{2,4})")
_BIRTH = re.compile(r"(?:\bd\.?\s?o\.?\s?b\b\.?|\bdate\s+of\s+birth\b)[\s:.-]*(?:" + _DAY + r"|(?:19|20)\d{2})\b"
                    r"|\bborn(?:\s+on)?[\s:.-]+" + _DAY + r"\b", re.IGNORECASE)
_JOINED = re.compile(r"(?<=[^\W\d_])[-._]+(?=[^\W\d_])")  # "Jane-Smith-01", "jane.smith", "jane_smith_1985"


def household_detail(text: str | None, *, reference: bool = False) -> tuple[str, str] | None:
    """The words of ``text`` that say where a household lives or how to reach it (an address, a postcode, an e-mail
    address, a telephone number), or who is in it (a date of birth), with what they look like; in a ``reference``
    also a name whose words are joined ("Jane-Smith-01"), which the name detector reads as one word, or turned round
    without a comma ("SMITH Jane").
    None when there is none."""
    text = as_read(text or "")
    for pattern, what in ((_EMAIL, "an e-mail address"), (_HOUSE, "an address"), (_POSTCODE, "a postcode"),
                          (_PHONE, "a telephone number"), (_BIRTH, "a date of birth")):
        if found := pattern.search(text):
            return found.group(0).strip(" ,"), what
    if reference:
        spaced = _JOINED.sub(" ", text)
        words = re.findall(r"[^\W\d_]+", spaced)
        # A name the other way round, as police systems write it ("SMITH Jane"): words of three letters or more, so
        # a code's two-letter part is not a surname ("TH-MAX-2018").
        turned = [f"{b} {a}" for a, b in pairwise(words) if len(a) > 2 and len(b) > 2]
        for candidate in (spaced, *turned):
            name = find_name(candidate)
            if name is not None and name.shape in ("first name and surname", "surname, first name"):
                return text.strip(), "a person's name"
    return None


_PSEUDONYMOUS = ("A victim is recorded by a pseudonymous reference (such as TH-2018-001) and district only: never "
                 "their name, when they were born, where they live or how to reach them.")


def first_name_reference(text: str | None) -> bool:
    """Whether a referral's reference is a first name and numbers only ("Jane", "SARAH-01", "mary 2018", "Emily3"): a
    code has letters of its own. The name detector needs a surname after a first name (in free text "Grace"
    alone is no one), but a reference whose only letters are a first name names the victim. A first name that is
    also a word counts only with a capital (domain.privacy: "june-2018-01" is a month); two letters are a code's."""
    from safer_desk.domain.privacy import AMBIGUOUS_FIRST_NAMES, default_detector

    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text or "")
    names = default_detector().first_names
    return bool(words) and all(len(w) > 2 and w.casefold() in names
                               and not (w.casefold() in AMBIGUOUS_FIRST_NAMES and w.islower()) for w in words)


def refuse_household_detail(text: str | None, field: str, *, reference: bool = False) -> str:
    """The text, stripped; FundError (starting with ``field``) when ``household_detail`` finds something in it (in a
    referral's ``reference``, also a first name and numbers only: ``first_name_reference``)."""
    if reference and first_name_reference(text):
        raise FundError(f"{field}: “{(text or '').strip()}” reads as a first name. {_PSEUDONYMOUS}")
    found = household_detail(text, reference=reference)
    if found is not None:
        words, what = found
        raise FundError(f"{field}: “{words}” looks like {what}. {_PSEUDONYMOUS}")
    return (text or "").strip()


# -- forecasting -----------------------------------------------------------------

def half_up(value: Fraction) -> int:
    """A non-negative or negative fraction of pence to the nearest penny, halves away from zero."""
    sign = -1 if value < 0 else 1
    magnitude = abs(value)
    return sign * int((magnitude * 2 + 1) // 2)


@dataclass(frozen=True)
class FundForecast:
    fund_pence: int
    spent_pence: int  # to the end of the as-at month
    as_at: Month | None
    window_months: int
    window_spend_pence: int
    burn_rate: Fraction  # pence per month, whole pence: the rate shown, which the projections use
    exhaustion_month: Month | None  # None: no spend yet, so no forecast (or it lasts past lasts_past)
    pilot_end: Month
    left_at_end_pence: int  # negative: missing at the end of the period
    cumulative: list[tuple[Month, int]] = field(default_factory=list)  # actual, month by month
    forecast_line: list[tuple[Month, int]] = field(default_factory=list)  # from the as-at month on
    incomplete: tuple[tuple[Month, int], ...] = ()  # months left out as not complete, with the spend keyed so far
    warnings: tuple[str, ...] = ()  # what the officer must know about the figures (incomplete months …)
    lasts_past: Month | None = None  # at this rate (none, or next to none) it lasts past this month: no run-out
    start: Month | None = None  # the fund's first month: no month before it is covered
    closed: bool = False  # the fund is closed: no more is spent from it (``closed_forecast``)

    @property
    def balance_pence(self) -> int:
        return self.fund_pence - self.spent_pence

    @property
    def burn_rate_pence(self) -> int:
        return half_up(self.burn_rate)

    @property
    def last_funded_month(self) -> Month | None:
        """The last month the fund covers in full; None without a run-out, or when its first month was not."""
        if self.exhaustion_month is None:
            return None
        last = self.exhaustion_month.plus(-1)
        return None if self.start is not None and last < self.start else last

    @property
    def runs_out_before_end(self) -> bool:
        return self.exhaustion_month is not None and self.exhaustion_month <= self.pilot_end


def forecast_fund(fund_pence: int, monthly_spend: Mapping[Month, int], *, start: Month, end: Month,
                  as_at: Month | None = None, window: int = 3, incomplete_from: Month | None = None,
                  complete_to: Month | None = None, over_before: Month | None = None) -> FundForecast:
    """Burn rate over the recent window and the month the fund runs out (see the module docstring).

    Months from ``incomplete_from`` on are not complete: the default "as at" month is the latest
    complete month with spend, and spend keyed in later months is listed, not counted. ``complete_to``:
    the last month the fund's spend is said to be fully keyed to; the default "as at" month runs to it.
    ``over_before``: today's month (those before it are over): spend keyed past the fund in one of them, before any
    month is complete, is said to have run out then (``gone_words``).
    """
    if window < 1:
        raise FundError("The burn-rate window must be at least one month.")
    if end < start:
        raise FundError("The fund ends before it starts.")
    chosen = as_at is not None
    instead = f"give a month from {start.label} to {end.label}"  # what to do instead
    if chosen and as_at < start:
        raise FundError(f"The burn rate is worked out as at a month of the fund: {as_at.label} is before the fund "
                        f"starts ({start.label}): {instead}.")
    if chosen and as_at > end:  # nothing is spent after the fund ends: a window of its months would be all £0
        raise FundError(f"The burn rate is worked out as at a month of the fund: {as_at.label} is after the fund "
                        f"ends ({end.label}): {instead}.")
    months_with_spend = [m for m, v in monthly_spend.items() if v]
    complete = [m for m in months_with_spend if incomplete_from is None or m < incomplete_from]
    if as_at is None:
        as_at = max(complete) if complete else None
        if as_at is not None and complete_to is not None:  # said to be keyed to: later months had no spend
            as_at = max(as_at, min(complete_to, end))
        elif not months_with_spend and complete_to is not None and complete_to >= start:
            # Nothing keyed at all, yet said to be keyed to a date: its months are complete at £0, a burn rate of £0
            # (as --as-at gives), not no burn rate. Spend keyed only in months not complete keeps none: what it
            # says is "whatever the burn rate turns out to be" (round 59).
            as_at = min(complete_to, end)
    incomplete = tuple(sorted((m, v) for m, v in monthly_spend.items() if v and incomplete_from is not None
                              and m >= incomplete_from and (as_at is None or m > as_at)))
    warnings = [_not_complete(m, v) for m, v in incomplete]
    cumulative: list[tuple[Month, int]] = []
    if as_at is None:  # no complete month, so no burn rate; but spend keyed past the fund is money gone
        keyed, gone = 0, None
        for m, v in incomplete:
            keyed += v
            if keyed > fund_pence:
                gone = m
                break
        if gone is not None:
            warnings = [f"{m.label} is not complete: the {_money(v)} keyed in it so far is left out of the burn rate."
                        for m, v in incomplete]
            warnings.append(f"The {_money(keyed)} keyed by {gone.label} is more than the {_money(fund_pence)} in the "
                            f"fund: {gone_words(gone, over_before)}")
        return FundForecast(fund_pence, 0, None, 0, 0, Fraction(0), gone, end, fund_pence, [], [], incomplete,
                            tuple(warnings), start=start)
    first = min([start, *monthly_spend.keys()])
    running = 0
    m = first
    while m <= as_at:
        running += monthly_spend.get(m, 0)
        cumulative.append((m, running))
        m = m.plus(1)
    spent = running
    # A window longer than the fund so far runs from its start (never counted back through the calendar).
    window_start = start if window > as_at.minus(start) else as_at.plus(-(window - 1))
    window_months = max(1, as_at.minus(window_start) + 1)
    window_spend = sum(v for mm, v in monthly_spend.items() if window_start <= mm <= as_at)
    # The rate shown is the rate used: whole pence a month (half up), so that the balance less months at the rate
    # shown is the forecast to the penny (£17,583 less 15 × £805.67 is £5,497.95; the exact £2,417 / 3 made it
    # £5,498, which no one multiplying the page's rate could get).
    rate = Fraction(half_up(Fraction(window_spend, window_months)))
    # Spend keyed in a month not complete is money gone: the forecast counts that month at the burn rate, or at what
    # is keyed in it when that is more (it stays out of the burn rate). Months after the as-at month: k → the more.
    extra = {m.minus(as_at): Fraction(v) - rate for m, v in incomplete if v > rate}
    warnings = [_not_complete(m, v, counted=m.minus(as_at) in extra) for m, v in incomplete]
    # A month chosen after the last month with spend: the window's months since count as £0, said with the gap.
    spend_to = max((m for m in months_with_spend if m <= as_at), default=as_at) if chosen else as_at
    if chosen and incomplete_from is not None and as_at >= incomplete_from:
        warnings.append(f"The burn rate runs to {as_at.label}, which is not complete: it may be too low and the "
                        "run-out too late.")
    elif (not incomplete_from or as_at < incomplete_from) and (complete_to is None or as_at > complete_to) \
            and spend_to == as_at:
        low = _looks_part_keyed(monthly_spend, as_at, start)
        if low:
            warnings.append(low)
    if gap := _months_over_with_no_spend(monthly_spend, spend_to, end, incomplete_from, complete_to,
                                         window=(window_start, as_at), start=start):
        warnings.append(gap)
    balance = fund_pence - spent
    # The forecast looks FORECAST_YEARS past the period's end (and the as-at month) at most: a rate of next to
    # nothing (£1 in the window) would put the run-out thousands of years away, past the calendar.
    latest = max(end, as_at)
    furthest = latest.plus(min(12 * FORECAST_YEARS, Month(LAST_YEAR, 12).minus(latest)))
    lasts_past = None
    if balance < 0:  # spent past the fund already: the month it went past
        exhaustion = next((mm for mm, total in cumulative if total > fund_pence), as_at)
    elif balance == 0:  # spent to the penny: whatever is spent next month cannot be met, at any rate
        exhaustion = as_at.plus(1)
    else:
        months = _first_month_past(Fraction(balance), rate, extra, furthest.minus(as_at))
        exhaustion, lasts_past = (as_at.plus(months), None) if months is not None else (None, furthest)

    def projected(months: int) -> Fraction:  # the spend of the months after the as-at month, to this many
        return rate * months + sum((e for k, e in extra.items() if k <= months), Fraction(0))

    months_to_end = max(0, end.minus(as_at))
    left = half_up(Fraction(balance) - projected(months_to_end))
    horizon = max(end, exhaustion or end)
    line = []
    k = 0
    mm = as_at
    while mm <= horizon:
        line.append((mm, half_up(spent + projected(k))))
        k += 1
        mm = mm.plus(1)
    return FundForecast(fund_pence, spent, as_at, window_months, window_spend, rate, exhaustion, end, left,
                        cumulative, line, incomplete, tuple(warnings), lasts_past, start)


def gone_words(month: Month, over_before: Month | None) -> str:
    """What spend keyed past the money in ``month`` (before any month is complete, so with no burn rate) means: it
    ran out then, a month over (before ``over_before``, today's month); else it runs out in it, whatever the burn
    rate turns out to be."""
    if over_before is not None and month < over_before:
        return f"it ran out in {month.label}."
    return f"it runs out in {month.label}, whatever the burn rate turns out to be."


def _not_complete(month: Month, pence: int, *, counted: bool = False) -> str:
    """What the forecast says of spend keyed in a month not complete (``counted``: more than the burn rate)."""
    if counted:
        return (f"{month.label} is not complete: the {_money(pence)} keyed in it so far is left out of the burn rate, "
                f"but it is more than the burn rate, so the forecast counts it as {month.label}'s spend.")
    return (f"{month.label} is not complete: the {_money(pence)} keyed in it so far is left out of the burn rate "
            "and the forecast.")


# The command line's way to the same date, in the advice the window and `safer-desk fund` give; a board paper leaves
# it out (it is read by the board, not typed by the officer).
KEYED_TO_ON_THE_COMMAND_LINE = " (on the command line, --keyed-to gives it for one run)"


def _months_over_with_no_spend(monthly_spend: Mapping[Month, int], as_at: Month, end: Month,
                               incomplete_from: Month | None, complete_to: Month | None, *,
                               window: tuple[Month, Month] | None = None, start: Month | None = None) -> str:
    """A sentence when months after the as-at month are over (before ``incomplete_from``, to the fund's end) with no
    spend recorded in any of them and nothing says spend is keyed to them: the forecast runs from a month long past
    (spend stopped being keyed, or stopped), and the officer is to say which; "" otherwise. ``as_at`` is the last
    month with spend when the burn rate's ``window`` (its first and last month, a month chosen) runs past it: the
    window's months after it already count as £0, and the sentence says so. With no spend recorded at all to the
    as-at month (a month chosen for a fund not spent from yet), the months over are said from the fund's ``start``:
    "after Apr-23" read as though spend was recorded to then."""
    if incomplete_from is None or complete_to is not None:
        return ""
    last = min(end, incomplete_from.plus(-1))
    none_yet = start is not None and not any(v for m, v in monthly_spend.items() if m <= as_at)
    first = start if none_yet else as_at.plus(1)
    if last < first or any(v for m, v in monthly_spend.items() if first <= m <= last):
        return ""
    one = first == last
    span = f"{first.label} is" if one else f"{first.label} to {last.label} are"
    keyed = ("key it; if nothing was spent, record the date spend is keyed to in "
             f"Fund settings…{KEYED_TO_ON_THE_COMMAND_LINE}, and "
             f"{'that month counts' if one else 'those months count'} as £0 in the burn rate.")
    if none_yet:
        low = max(window[0], first) if window is not None else first
        counted = low.label if low == as_at else f"{low.label} to {as_at.label}"
        months = (f"in {first.label}, when the fund starts, though that month is" if one else
                  f"from {first.label}, when the fund starts, to {last.label}, though those months are")
        return (f"No spend is recorded {months} over: if spend is still to be keyed, {keyed} "
                f"Until then, the burn rate to {as_at.label} counts {counted} as £0 though nothing says "
                f"{'it is' if low == as_at else 'they are'} keyed.")
    said = f"No spend is recorded after {as_at.label}, though {span} over: if spend since is still to be keyed, {keyed}"
    if window is None or window[1] <= as_at:
        return f"{said} Until then the forecast runs from {as_at.label}."
    low, chosen = max(window[0], first), window[1]
    counted = low.label if low == chosen else f"{low.label} to {chosen.label}"
    return (f"{said} Until then, the burn rate to {chosen.label} counts {counted} as £0 though nothing says "
            f"{'it is' if low == chosen else 'they are'} keyed: it may be too low and the run-out too late.")


NO_SPEND_AFTER = "No spend is recorded "  # how that sentence starts (a closed fund's spend is as reported)


def _first_month_past(balance: Fraction, rate: Fraction, extra: Mapping[int, Fraction], limit: int) -> int | None:
    """The first month after the as-at month (1, 2 …) whose spend the balance cannot meet in full: each month spends
    the burn rate, and a month in ``extra`` that much more; None when that is past ``limit`` months."""
    added = Fraction(0)  # the extra of the months before the one looked at
    for k in sorted(extra):
        if k > limit:
            break
        if rate and (balance - added) // rate + 1 < k:  # out at the rate before month k
            break
        added += extra[k]
        if rate * k + added > balance:
            return k
    if not rate:
        return None
    # floor((balance - added) / rate) more months are covered at the rate
    first = int((balance - added) // rate) + 1
    return first if first <= limit else None


def _money(pence: int) -> str:
    from safer_desk.domain.money import format_money

    return format_money(pence)


def _looks_part_keyed(monthly_spend: Mapping[Month, int], as_at: Month, start: Month) -> str:
    """A sentence when the last month's spend is under half the mean of the (up to three) months before it."""
    before = [as_at.plus(-k) for k in (1, 2, 3) if as_at.plus(-k) >= start]
    if not before:
        return ""
    mean = Fraction(sum(monthly_spend.get(m, 0) for m in before), len(before))
    last = monthly_spend.get(as_at, 0)
    if mean == 0 or 2 * last >= mean:
        return ""
    return (f"{as_at.label}'s spend ({_money(last)}) is under half the average of the months before it "
            f"({_money(half_up(mean))}): if {as_at.label} is not fully keyed yet, record the date spend is keyed to "
            f"in Fund settings…{KEYED_TO_ON_THE_COMMAND_LINE} and the forecast will leave it out.")


CLOSED = "The fund is closed: nothing more is spent from it, so it does not run out; what it holds is what is left."


def closed_forecast(forecast: FundForecast, left_pence: int) -> FundForecast:
    """A closed fund's forecast: no spend can be recorded on it, so none is projected (no run-out, no forecast line);
    what it holds at the end of the period, ``left_pence``, is what is left. The burn rate is the rate it was spent
    at."""
    said = tuple(w for w in forecast.warnings if not w.startswith(NO_SPEND_AFTER))  # nothing more is to be keyed
    return replace(forecast, exhaustion_month=None, lasts_past=None, forecast_line=[], left_at_end_pence=left_pence,
                   closed=True, warnings=(*said, CLOSED))


def spent_to_end_forecast(forecast: FundForecast) -> FundForecast:
    """The forecast of a fund whose period has ended with its burn rate run to its last month (its spend keyed to its
    last day): nothing more can be spent from it, so nothing is projected (no forecast line, no run-out after the
    end); a run-out the spend recorded reached, by its last month, is what happened and stays. What is left at the
    end is what the spend recorded leaves."""
    out = forecast.exhaustion_month
    reached = out is not None and forecast.as_at is not None and out <= forecast.as_at
    return replace(forecast, exhaustion_month=out if reached else None, lasts_past=None, forecast_line=[])


FORECAST_WINDOWS = (3, 6, 12)


@dataclass(frozen=True)
class ForecastRange:
    """The forecast over several burn-rate windows (3, 6 and 12 months): when the money runs out at each."""

    forecasts: tuple[FundForecast, ...]
    windows: tuple[int, ...] = FORECAST_WINDOWS  # the windows asked for, one per forecast

    @property
    def months(self) -> list[Month]:
        return sorted(f.exhaustion_month for f in self.forecasts if f.exhaustion_month is not None)

    @property
    def earliest(self) -> Month | None:
        return self.months[0] if self.months else None

    @property
    def latest(self) -> Month | None:
        return self.months[-1] if self.months else None

    def describe(self, *, over_before: Month | None = None) -> str:
        """"runs out between Oct-20 (6 months) and Jan-21 (3 months)", or "" without a forecast.

        A window longer than the fund's spend so far counts the months there are, and says so. A window on which the
        money does not run out (spending stopped) is said too: the range is there so that one window's luck shows.
        ``over_before``: today's month; a window's run-out before it is a month already over, said as a projection
        ("would have run out in a month already over: Oct-25 on 6 months …"), never as a month the fund runs out in.
        """
        dated = [(w, f) for w, f in zip(self.windows, self.forecasts) if f.exhaustion_month is not None]
        if not dated:
            return ""

        def widened(w: int, f: FundForecast) -> str:
            """A window a paper leaving the office widened to take months given together whole (small numbers)."""
            return f" (widened to {f.window_months} so that months given together are not split)" \
                if f.window_months > w else ""

        def said(w: int, f: FundForecast) -> str:
            short = f" (only {f.window_months} month{'s' if f.window_months != 1 else ''} of spend)" \
                if f.window_months < w else widened(w, f)
            return f"{f.exhaustion_month.label} on {w} months{short}"

        over = [(w, f) for w, f in dated if over_before is not None and f.exhaustion_month < over_before]
        coming = [(w, f) for w, f in dated if over_before is None or not f.exhaustion_month < over_before]
        parts = [said(w, f) for w, f in coming]
        parts += [f"on {w} months{widened(w, f)} ({_money(f.burn_rate_pence)} a month) it does not run out"
                  for w, f in zip(self.windows, self.forecasts) if f.exhaustion_month is None and f.lasts_past]
        months = sorted(f.exhaustion_month for _, f in coming)
        if not over:
            counts = {f.window_months for f in self.forecasts}
            if len(dated) == len(self.forecasts) and len(set(months)) == 1 and len(counts) == 1 \
                    and (n := counts.pop()) < min(self.windows):
                # Every window counts the same few months: one forecast, said once ("Jun-27 on 3 months (only 1
                # month of spend); Jun-27 on 6 months (only 1 month …)" said it three times).
                there = f"{n} month{'s' if n != 1 else ''} of spend there {'are' if n != 1 else 'is'}"
                return f"runs out in {months[0].label} on each window, each counting the only {there}"
            if months[0] == months[-1]:
                each = " on each window" if len(dated) == len(self.forecasts) else ""
                return f"runs out in {months[0].label}{each}: {'; '.join(parts)}"
            return f"runs out between {months[0].label} and {months[-1].label}: {'; '.join(parts)}"
        past = (f"would have run out in a month already over: {'; '.join(said(w, f) for w, f in over)}, a projection "
                "the spend recorded since does not bear out, not a forecast")
        if not months:
            return "; ".join([past, *parts])
        first, last = months[0].label, months[-1].label
        when = f"in {first}" if months[0] == months[-1] else f"between {first} and {last}"
        return f"runs out {when}: {'; '.join(parts)}; it {past}"


def forecast_range(fund_pence: int, monthly_spend: Mapping[Month, int], *, start: Month, end: Month,
                   as_at: Month | None = None, windows: tuple[int, ...] = FORECAST_WINDOWS,
                   incomplete_from: Month | None = None, complete_to: Month | None = None) -> ForecastRange:
    """The same forecast over each window (windows start no earlier than the fund, as in forecast_fund)."""
    return ForecastRange(tuple(forecast_fund(fund_pence, monthly_spend, start=start, end=end, as_at=as_at,
                                             window=w, incomplete_from=incomplete_from, complete_to=complete_to)
                               for w in windows),
                         tuple(windows))


def first_incomplete_month(*, today=None, keyed_to=None, ends_on=None, day_over=False) -> Month | None:
    """The first month not complete: the current month, or the month after the date spend is keyed to
    (the month of that date itself when it is not the month's last day); the earlier of the two.

    ``ends_on``: the fund's last day. No spend is dated after it, so spend keyed to it completes its month (a fund
    ending on 15/09 keyed to 15/09 has all September's spend), and once today is past it that month is over.
    ``day_over``: ``today`` is a day gone by that figures are as at (a board report's), read after it: like a date
    spend is keyed to, its month is complete when it is the month's last day (as at 30/06, June is over)."""
    import calendar

    def completes(day) -> bool:  # every day of its month that can hold spend is done
        return day.day == calendar.monthrange(day.year, day.month)[1] or (ends_on is not None and day >= ends_on)

    candidates = []
    if today is not None:
        over = (ends_on is not None and today > ends_on) or (day_over and completes(today))
        candidates.append(Month.of(today).plus(1) if over else Month.of(today))
    if keyed_to is not None:
        candidates.append(Month.of(keyed_to).plus(1) if completes(keyed_to) else Month.of(keyed_to))
    return min(candidates) if candidates else None


def spread_merged_spend(monthly_spend: Mapping[Month, int], merged: Iterable[tuple[Month, Month, Month, int]], *,
                        incomplete_from: Month | None = None) -> dict[Month, int]:
    """The spend per month with each summary row merged across months for small numbers (dated, first month, last
    month, pence) spread evenly over the months its spend was in, for the burn rate: a quarter's spend dated at its
    first month is three months' spend, not one's. Over a window that holds all of those months the burn rate is
    then the office's exactly. The odd pence go to the earliest months: the total is the same to the penny.

    A month not complete (from ``incomplete_from``) takes none: what was keyed in it is not known, and a share of the
    quarter is not to be said to be. A row all of whose months are not complete stays at the month it is dated at."""
    spread = dict(monthly_spend)
    for dated, first, last, pence in merged:
        if incomplete_from is not None:
            last = min(last, incomplete_from.plus(-1))
        if last < first:
            continue
        months = last.minus(first) + 1
        share, odd = divmod(pence, months)
        spread[dated] = spread.get(dated, 0) - pence
        for k in range(months):
            spread[first.plus(k)] = spread.get(first.plus(k), 0) + share + (1 if k < odd else 0)
    return spread


def distribution(per_victim_pence: list[int], *, bands: tuple[int, ...] = (10000, 20000, 30000, 50000)) -> list[tuple[str, int]]:
    """How many victims fall in each spend band (up to £100, over £100 to £200 …), for the per-victim view. A band
    holds its upper bound (£200.00 is in "over £100 to £200"), as its words say."""
    return [(band_label(lower, upper), n) for lower, upper, n in distribution_bands(per_victim_pence, bands=bands)]


def distribution_bands(per_victim_pence: list[int], *, bands: tuple[int, ...] = (10000, 20000, 30000, 50000)
                       ) -> list[tuple[int, int | None, int]]:
    """``distribution`` as (lower, upper or None for the last band, victims) in pence, for a view that joins bands."""
    bounds = list(zip((0, *bands), (*bands, None)))
    return [(lo, hi, sum(1 for v in per_victim_pence if (lo < v if lo else True) and (hi is None or v <= hi)))
            for lo, hi in bounds]


def band_label(lower: int, upper: int | None) -> str:
    """"up to £100", "over £100 to £200", "over £500": a spend band's words (pence bounds; None: no upper); every
    band joined (fewer than three victims in all), "any amount", not "over £0"."""
    from safer_desk.domain.money import format_money

    if upper is None:
        return f"over {format_money(lower)}" if lower else "any amount"
    return f"over {format_money(lower)} to {format_money(upper)}" if lower else f"up to {format_money(upper)}"


def median_pence(values: list[int]) -> int | None:
    if not values:
        return None
    s = sorted(values)
    n = len(s)
    if n % 2:
        return s[n // 2]
    return half_up(Fraction(s[n // 2 - 1] + s[n // 2], 2))
