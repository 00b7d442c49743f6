"""What each yes/no column of the file means, in words: one table for every place that says them.

The file holds these columns as 0 or 1 (CHECK (x IN (0, 1))); the History of Changes
(``presenters.history``) and the county merge's conflicts (``exchange.county_conflicts``) both say
them from here, so neither reads "adopted 0" or "from 0 to 1". Tests read the schema so a new one
cannot be missed.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class YesNo(NamedTuple):
    """How one yes/no column is said ("{record}" is the row's label in the sentences)."""

    named: str  # what the column is called: "agreed"
    set_yes: str  # the change to 1, as a sentence: "Marked {record} as the agreed one"
    set_no: str  # the change to 0: "Took the agreed mark off {record}"


YES_NO: dict[tuple[str, str], YesNo] = {
    ("allocation_scenarios", "adopted"): YesNo(
        "agreed", "Marked {record} as the agreed one", "Took the agreed mark off {record}"),
    ("partnership_members", "statutory"): YesNo(
        "statutory", "Marked {record} as statutory", "Marked {record} as not statutory"),
    ("scenario_items", "scale_in_months"): YesNo(
        "scaled in months", "Scaled {record} by months of the year", "Scaled {record} by a fraction, not months"),
    ("funds", "require_marac"): YesNo(
        "must be at MARAC", "Made {record} accept only referrals at MARAC",
        "Made {record} accept referrals not at MARAC"),
    ("funds", "require_idva"): YesNo(
        "must have an IDVA", "Made {record} accept only referrals with an IDVA assigned",
        "Made {record} accept referrals without an IDVA"),
    ("funds", "require_perpetrator_not_resident"): YesNo(
        "perpetrator must not live there", "Made {record} refuse referrals where the perpetrator lives at the address",
        "Made {record} accept referrals where the perpetrator lives at the address"),
    ("fund_referrals", "at_marac"): YesNo(
        "at MARAC", "Marked {record} as at MARAC", "Marked {record} as not at MARAC"),
    ("fund_referrals", "idva_assigned"): YesNo(
        "IDVA assigned", "Marked {record} as having an IDVA assigned", "Marked {record} as having no IDVA assigned"),
    ("fund_referrals", "perpetrator_resident"): YesNo(
        "perpetrator lives at the address", "Marked {record}: the perpetrator lives at the address",
        "Marked {record}: the perpetrator does not live at the address"),
    ("budget_plans", "show_total_column"): YesNo(
        "total column shown", "Showed the total column of {record}", "Hid the total column of {record}"),
    ("budget_plans", "show_changes"): YesNo(
        "changes shown", "Showed the changes of {record}", "Hid the changes of {record}"),
    ("_county_imports", "include_referrals"): YesNo(
        "individual referrals included", "Marked {record} as holding individual referrals",
        "Marked {record} as holding referrals summarised by district and month"),
    ("budget_sections", "show_subtotal"): YesNo(
        "subtotal shown", "Showed the subtotal of {record}", "Hid the subtotal of {record}"),
}
YES_NO_WORDS = {"1": "yes", "0": "no"}


def yes_no_named(table: str, column: str) -> str | None:
    """What a yes/no column is called ("must be at MARAC"); None for any other column."""
    words = YES_NO.get((table, column))
    return None if words is None else words.named


def yes_no_value(table: str, column: str, value: Any) -> str | None:
    """A yes/no column's 0 or 1 as "no" or "yes"; None for any other column or value."""
    return YES_NO_WORDS.get(str(value)) if (table, column) in YES_NO else None


def yes_no_sentence(table: str, column: str | None, old: Any, new: Any, record: str) -> str | None:
    """A yes/no column set or taken off, as a sentence ("Marked allocation scenario Option 2 as the agreed one");
    None for any other change."""
    words = YES_NO.get((table, column or ""))
    if words is None or str(old) not in YES_NO_WORDS or str(new) not in YES_NO_WORDS or str(old) == str(new):
        return None
    return (words.set_yes if str(new) == "1" else words.set_no).format(record=record)
