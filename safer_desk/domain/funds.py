"""Pooled funds (target hardening and other pots): eligibility, burn rate and when the money runs out.

Month-counting convention (used by ``forecast_fund`` and tested):

- A spend line belongs to the calendar month of its date.
- The burn rate is the spend in a window of ``window`` whole months ending with,
  and including, the "as at" month, divided by the number of months in the window.
  The window never starts before the fund's first month, so three months of a
  six-month window that fall before the fund began are not counted as months
  of zero spend. Months inside the window with no spend count as zero.
- The "as at" month defaults to the latest month with any spend.
- The balance is taken at the end of the "as at" month; from the next month on,
  each month spends the burn rate.
- The forecast exhaustion month is the first month in which the projected
  spend reaches the fund (the month the money runs out). The month before it is
  the last month the fund covers in full.

Seed 002 §6.4: £20,000 from April 2018, £2,417 spent April–June 2018. The burn
rate is £2,417 / 3 = £805.67 a month; £17,583 is left at the end of June 2018,
which lasts 21.8 months: July 2018 to March 2020 are covered in full (the paper's
"the budget will have been spent by March 2020") and the money runs out during
April 2020. At the end of the 18-month pilot (September 2019) £5,498 would be left.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import Mapping

from safer_desk.domain.periods import Month

RISK_LEVELS = ("high", "medium", "standard")


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
    """Accept an eligible referral, or an ineligible one only with a reason for the override."""
    failures = eligibility_failures(rules, answers)
    reason = (override_reason or "").strip()
    if failures and not reason:
        raise FundError("This referral does not meet the fund's rules (" + "; ".join(failures) + "). "
                        "Give a reason for accepting it anyway, or do not accept it.")
    return reason


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
    burn_rate: Fraction  # pence per month
    exhaustion_month: Month | None  # None: no spend yet, so no forecast
    pilot_end: Month
    left_at_end_pence: int  # negative: missing at the end of the period
    cumulative: list[tuple[Month, int]] = field(default_factory=list)  # actual, month by month
    forecast_line: list[tuple[Month, int]] = field(default_factory=list)  # from the as-at month on

    @property
    def balance_pence(self) -> int:
        return self.fund_pence - self.spent_pence

    @property
    def burn_rate_pence(self) -> int:
        return half_up(self.burn_rate)

    @property
    def last_funded_month(self) -> Month | None:
        return None if self.exhaustion_month is None else self.exhaustion_month.plus(-1)

    @property
    def runs_out_before_end(self) -> bool:
        return self.exhaustion_month is not None and self.exhaustion_month <= self.pilot_end


def forecast_fund(fund_pence: int, monthly_spend: Mapping[Month, int], *, start: Month, end: Month,
                  as_at: Month | None = None, window: int = 3) -> FundForecast:
    """Burn rate over the recent window and the month the fund runs out (see the module docstring)."""
    if window < 1:
        raise FundError("The burn-rate window must be at least one month.")
    if end < start:
        raise FundError("The fund ends before it starts.")
    months_with_spend = [m for m, v in monthly_spend.items() if v]
    if as_at is None:
        as_at = max(months_with_spend) if months_with_spend else None
    cumulative: list[tuple[Month, int]] = []
    if as_at is None:
        return FundForecast(fund_pence, 0, None, 0, 0, Fraction(0), None, end, fund_pence, [], [])
    first = min([start, *monthly_spend.keys()])
    running = 0
    m = first
    while m <= as_at:
        running += monthly_spend.get(m, 0)
        cumulative.append((m, running))
        m = m.plus(1)
    spent = running
    window_start = max(as_at.plus(-(window - 1)), start)
    window_months = max(1, as_at.minus(window_start) + 1)
    window_spend = sum(v for mm, v in monthly_spend.items() if window_start <= mm <= as_at)
    rate = Fraction(window_spend, window_months)
    balance = fund_pence - spent
    if balance <= 0:
        exhaustion = next((mm for mm, total in cumulative if total >= fund_pence), as_at)
    elif rate == 0:
        exhaustion = None
    else:
        k = -((-balance) // rate)  # ceil(balance / rate)
        exhaustion = as_at.plus(int(k))
    months_to_end = max(0, end.minus(as_at))
    left = half_up(Fraction(balance) - rate * months_to_end)
    horizon = max(end, exhaustion or end)
    line = []
    k = 0
    mm = as_at
    while mm <= horizon:
        line.append((mm, half_up(spent + rate * k)))
        k += 1
        mm = mm.plus(1)
    return FundForecast(fund_pence, spent, as_at, window_months, window_spend, rate, exhaustion, end, left,
                        cumulative, line)


def distribution(per_victim_pence: list[int], *, bands: tuple[int, ...] = (10000, 20000, 30000, 50000)) -> list[tuple[str, int]]:
    """How many victims fall in each spend band (up to £100, £100–£200 …), for the per-victim view."""
    from safer_desk.domain.money import format_money

    labels = []
    lower = 0
    for upper in bands:
        labels.append((f"{format_money(lower)}–{format_money(upper)}" if lower else f"up to {format_money(upper)}",
                       lower, upper))
        lower = upper
    labels.append((f"over {format_money(lower)}", lower, None))
    counts = []
    for label, lo, hi in labels:
        counts.append((label, sum(1 for v in per_victim_pence if (lo < v if lo else True) and (hi is None or v <= hi))))
    return counts


def median_pence(values: list[int]) -> int | None:
    if not values:
        return None
    s = sorted(values)
    n = len(s)
    if n % 2:
        return s[n // 2]
    return half_up(Fraction(s[n // 2 - 1] + s[n // 2], 2))
