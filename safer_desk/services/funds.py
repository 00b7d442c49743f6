"""Pooled funds: contributions, eligibility, referrals by pseudonymous reference, spend lines, figures.

Every figure (balance, spend per district, item and month, victims, burn rate,
forecast) is read from the detailed rows (through the view fund_spend_summary_live)
plus any rows of fund_spend_summary, which is what a county file receives instead
of the victim-level tables. The per-victim distribution needs the detailed rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from typing import Any, Callable

from safer_desk.domain import funds as domain
from safer_desk.domain.dhr import DhrError, check_reference, reference_key
from safer_desk.domain.disclosure import SMALL_NUMBER
from safer_desk.domain.funds import EligibilityAnswers, EligibilityRules, FundError, FundForecast
from safer_desk.domain.ids import new_id, reference_id
from safer_desk.domain.money import MoneyError, format_money, parse_pence
from safer_desk.domain.periods import MONTH_ABBR, Month, format_uk_date
from safer_desk.domain.text import counted, find_typed, in_words, tidy_spaces, typed_name_key, unknown_fields
from safer_desk.services.dhr import as_date, as_pence, free_text, invoice_code
from safer_desk.services.provenance import FUNDS, RowOrigins, row_origins
from safer_desk.services.reference import held_name_id
from safer_desk.storage import records, snapshots
from safer_desk.storage.schema.costs import FUND_SUMMARY_TABLE, FUND_SUMMARY_VIEW, MOVED_MONTHS_ID, moved_months
from safer_desk.storage.store import Store

DEFAULT_CATALOGUE = (
    # name, usual price in pence, supplier (seed 002 §6.4 names the first four)
    ("Replacement door locks", 9500, "Specialist target-hardening provider"),
    ("Fireproof letterbox", 6500, "Specialist target-hardening provider"),
    ("Door chain", 2500, "Specialist target-hardening provider"),
    ("Personal alarm", 4000, "Specialist target-hardening provider"),
    ("Window locks", 5500, "Specialist target-hardening provider"),
    ("Door viewer", 2000, "Specialist target-hardening provider"),
)

# Spend an office's export gives under no district: its rows of a district, month and item describing fewer than three
# victims, merged (domain.disclosure). Not "fewer than 3 victims each": a district of 4 over the months lands here too.
OTHER_DISTRICTS = "Not given by district (small numbers)"
OTHER_DISTRICTS_WORDS = (f"{OTHER_DISTRICTS}: the offices' exports merge each district's spend of a month and item "
                         "that describes fewer than 3 victims, so that no one can be told apart; a district with "
                         "more victims over the months may be in it too.")
UNKNOWN_DISTRICT = "Unknown district"
# A report or export (the board report, the fund's workbook) names no district of one or two victims, by the county
# export's rule (domain.disclosure); the office's own window shows every district.
SMALL_DISTRICTS_WORDS = ("Small numbers are suppressed, so that no one can be told apart: no district of one or two "
                         "victims is named. Their victims and spend are counted together under "
                         f"“{OTHER_DISTRICTS}”, and if that row would still count only one or two, the districts "
                         "with the fewest victims are added to it.")


def districts_shared(by_district: list[tuple[str, int, int]]) -> tuple[list[tuple[str, int, int]], str]:
    """A fund's spend per district as it may leave the office file (a report, an export): districts of one or two
    victims merged (``disclosure.districts_with_disclosure_control``), and the words saying why the merged row names
    no district ("" when nothing was merged and no such row came from an office's export)."""
    from safer_desk.domain.disclosure import districts_with_disclosure_control

    shared = districts_with_disclosure_control(by_district, OTHER_DISTRICTS)
    came = any(r[0] == OTHER_DISTRICTS for r in by_district)
    words = [OTHER_DISTRICTS_WORDS] * came + [SMALL_DISTRICTS_WORDS] * (shared != [tuple(r) for r in by_district])
    return shared, " ".join(words)


SMALL_MONTHS_WORDS = ("Small numbers are suppressed: a month of one or two victims first supported is given together "
                      "with the months next to it (in its quarter first), so that no one can be told apart.")
FEWER_IN_ALL_WORDS = ("Small numbers are suppressed: the fund has supported fewer than 3 victims in all, so no count "
                      "of them is given (nor a mean per victim), only its spend, which its balance tells anyway.")
SMALL_BANDS_WORDS = ("Small numbers are suppressed: a band of one or two victims is given together with the bands "
                     "next to it, so that no one can be told apart.")


def _month_spans(figures: "FundFigures") -> list[range]:
    """The fund's month rows as a paper may give them (``disclosure.spans_with_disclosure_control``, in its quarter
    first). A month is small by the victims it describes too (spend on one or two supported before), not only by
    those first supported in it. The counts are given with ``disclosure.count_given`` (a fund of fewer than 3)."""
    from safer_desk.domain.disclosure import quarter_start, spans_with_disclosure_control

    months = figures.month_rows
    return spans_with_disclosure_control([v for _, v, _ in months], [quarter_start(m.iso) for m, _, _ in months],
                                         [figures.month_described.get(m, frozenset()) for m, _, _ in months])


def months_within_spans(figures: "FundFigures") -> set[Month]:
    """The months a paper gives only together with the months after them (``months_shared``: each joined span's
    months but its last), whose spend to date it may therefore not give either: the cumulative spend at such a month
    less the month before's is that month's spend ("Jul 2018: £150", the one victim helped in July)."""
    months = figures.month_rows
    return {months[i][0] for span in _month_spans(figures) for i in span if i != span.stop - 1}


def months_shared(figures: "FundFigures", said: Callable[[Month], str] = lambda m: m.label
                  ) -> tuple[list[tuple[str, int, int]], list[str]]:
    """A fund's spend per month (its ``month_rows``) as it may leave the office file (the board report, the fund's
    workbook): a month of one or two victims first supported joined with the months next to it, within its quarter
    first (``disclosure.spans_with_disclosure_control``, as the county export merges such a month into its quarter),
    named "May 2018 to Jun 2018". Rows of (month or span said, victims, pence), a month holding spend merged from
    other months at the county marked "*"; and the notes under the table: what each such month holds, and that small
    numbers are suppressed when a month was joined. The office's own page shows every month."""
    months = figures.month_rows
    spans = _month_spans(figures)
    rows = []
    for span in spans:
        first, last = months[span.start][0], months[span.stop - 1][0]
        star = "*" if any(months[i][0] in figures.merged for i in span) else ""
        rows.append((said(first) + (f" to {said(last)}" if last != first else "") + star,
                     sum(months[i][1] for i in span), sum(months[i][2] for i in span)))
    from safer_desk.domain.disclosure import small_count

    notes = [f"* {figures.merged_words(m, said)}" for m, _, _ in months if m in figures.merged]
    if small_count(figures.victims):
        return rows, [*notes, FEWER_IN_ALL_WORDS]
    return rows, notes + [SMALL_MONTHS_WORDS] * (len(spans) < len(months))


def distribution_shared(figures: "FundFigures") -> tuple[list[tuple[str, int]], str]:
    """The spread of spend per victim (``distribution``) as it may leave the office file: a band of one or two victims
    joined with the bands next to it (``disclosure.spans_with_disclosure_control``, no group), named by the joined
    bounds ("over £200"), and the words saying small numbers are suppressed ("" when no band was joined)."""
    from safer_desk.domain.disclosure import spans_with_disclosure_control

    bands = domain.distribution_bands(figures.per_victim)
    spans = spans_with_disclosure_control([n for *_, n in bands])
    rows = [(domain.band_label(bands[span.start][0], bands[span.stop - 1][1]), sum(bands[i][2] for i in span))
            for span in spans]
    from safer_desk.domain.disclosure import small_count

    if small_count(sum(n for _, n in rows)):
        return rows, FEWER_IN_ALL_WORDS
    return rows, SMALL_BANDS_WORDS if len(spans) < len(bands) else ""


OTHER_ITEMS_SHARED = "Other items (small numbers)"
SMALL_ITEMS_WORDS = (f"Small numbers are suppressed: an item bought for one or two victims is not named but counted "
                     f"under “{OTHER_ITEMS_SHARED}”, so that no one can be told apart by what they were given.")


def items_shared(figures: "FundFigures") -> tuple[list[tuple[str, int, int]], str]:
    """A fund's spend per item (``by_item``: item, spend lines, pence) as it may leave the office file (the fund's
    workbook): an item whose spend was on one or two victims merged into OTHER_ITEMS_SHARED, as the county export
    merges such rows into "Other items" (``disclosure.groups_with_disclosure_control``), and the words saying so
    ("" when nothing was merged). The office's own page names every item."""
    from safer_desk.domain.disclosure import groups_with_disclosure_control

    shared = groups_with_disclosure_control(figures.by_item, figures.item_described, OTHER_ITEMS_SHARED)
    return shared, SMALL_ITEMS_WORDS if shared != [tuple(r) for r in figures.by_item] else ""


def victims_shared(figures: "FundFigures") -> tuple[int | str, int | None]:
    """A fund's victims and mean spend per victim as a report or export gives them outside the office file: a fund
    of one or two victims in all says "fewer than 3" and gives no mean (the mean of one is what was spent on them, and
    with the total it would tell the count); its spend and balance are kept (``disclosure.count_given``)."""
    from safer_desk.domain.disclosure import count_given, small_count

    return count_given(figures.victims), None if small_count(figures.victims) else figures.mean_per_victim_pence


def month_name(month: Month) -> str:
    """"Mar 2020": the month with its year, as the fund page, its export and the county workbook name it; never
    "Mar-20" (which reads as a date). The board report keeps the papers' "Mar-20" (``Month.label``)."""
    return f"{MONTH_ABBR[month.month - 1]} {month.year}"


def district_order(name: str) -> tuple[bool, str]:
    """Districts by name, then the lines that are no one district (the small-number rule's "Other districts", an
    unknown one) last, as a table's remainder reads: not "Other districts" between Mid Suffolk and Waveney."""
    return name in (OTHER_DISTRICTS, UNKNOWN_DISTRICT), name.casefold()

_SPEND_COLUMNS = "fund_id, district_id, month, item, victims, spend_lines, amount_pence"


def spend_sql(store: Store, *, until: date | None = None) -> str:
    """The funds' spend as summary rows: the detail through the live view, plus summaries received from other
    offices. An export for the county (read to look at it) has the summaries only: no view, no detail.

    ``until``: only the spend that had happened by that day (detail dated on or before it, summaries of months to
    its month): the live view's rows worked out from those lines only, so a victim counts from their first line."""
    summaries = f"SELECT {_SPEND_COLUMNS} FROM {FUND_SUMMARY_TABLE}"
    if until is not None:
        summaries += f" WHERE month <= '{Month.of(until).iso}'"
    if not store.scalar("SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?", (FUND_SUMMARY_VIEW,)):
        return summaries
    if until is None:
        return f"SELECT {_SPEND_COLUMNS} FROM {FUND_SUMMARY_VIEW} UNION ALL {summaries}"
    # The view's own query (storage.schema.costs) on the lines dated by ``until`` (a date: no text of the officer's).
    live = ("WITH lines AS (SELECT r.fund_id, r.district_id, substr(s.spent_on, 1, 7) AS month, i.name AS item, "
            "s.amount_pence, ROW_NUMBER() OVER (PARTITION BY s.referral_id ORDER BY s.spent_on, i.name, s.id) AS nth "
            "FROM fund_spend_lines s JOIN fund_referrals r ON r.id = s.referral_id "
            f"JOIN fund_items i ON i.id = s.item_id WHERE s.spent_on <= '{until.isoformat()}') "
            "SELECT fund_id, district_id, month, item, sum(CASE WHEN nth = 1 THEN 1 ELSE 0 END) AS victims, "
            "count(*) AS spend_lines, sum(amount_pence) AS amount_pence FROM lines "
            "GROUP BY fund_id, district_id, month, item")
    return f"SELECT {_SPEND_COLUMNS} FROM ({live}) UNION ALL {summaries}"


def _text_bool(value: Any, field_name: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    text = str(value or "").strip().lower()
    if text in ("yes", "y", "true", "1"):
        return True
    if text in ("no", "n", "false", "0"):
        return False
    raise FundError(f"{field_name}: answer yes or no.")


def _date(value: Any, field_name: str, *, required: bool = False) -> date | None:
    try:
        return as_date(value, field_name, required=required)
    except DhrError as exc:
        raise FundError(str(exc)) from None


def _pence(value: Any, field_name: str, *, allow_zero: bool = True) -> int:
    try:
        return as_pence(value, field_name, allow_zero=allow_zero)
    except DhrError as exc:
        raise FundError(str(exc)) from None


# A refund, or money a contributor takes back, is not an amount of its own: the line or contribution it gives back
# is corrected, so every total adds up from what stands.
_GIVEN_BACK = {
    "spend line": "a refund is recorded by correcting the spend line it refunds to what was finally paid (More > "
                  "Edit spend line…), or by deleting that line if all of it came back",
    "contribution": "money withdrawn or paid back is recorded by correcting the contribution to what the fund keeps "
                    "(More > Edit contribution…), or by deleting it if all of it was withdrawn",
}


def negative_amount_refusal(pence: int | None, what: str) -> str:
    """Why ``pence`` cannot be the amount of a ``what`` ("spend line" or "contribution"), saying how a refund or
    a contribution withdrawn is recorded instead; "" when it is not negative."""
    if pence is None or pence >= 0:
        return ""
    return f"Amount: a {what} cannot be negative ({format_money(pence)}): {_GIVEN_BACK[what]}."


# All of it given back: the line or contribution goes (a £0 line would count its victim as supported for nothing).
_ALL_BACK = {"spend line": "a spend line refunded in full is deleted (More > Delete spend line), not kept at £0",
             "contribution": "a contribution withdrawn in full is deleted (More > Delete contribution), not kept at "
                             "£0"}


def zero_correction_refusal(pence: int | None, what: str) -> str:
    """Why a ``what`` ("spend line" or "contribution") cannot be corrected to £0, saying that one given back in full
    is deleted instead; "" for any other amount."""
    return f"Amount: must be more than £0: {_ALL_BACK[what]}." if pence == 0 else ""


def _amount_pence(value: Any, what: str) -> int:
    """A spend line's or contribution's amount as typed: more than £0 (a negative one says what to do instead)."""
    try:
        return _pence(value, "Amount", allow_zero=False)
    except FundError:
        try:
            pence = value if isinstance(value, int) and not isinstance(value, bool) else parse_pence(str(value))
        except MoneyError:
            pence = None
        if refusal := negative_amount_refusal(pence, what):
            raise FundError(refusal) from None
        raise


# -- funds -------------------------------------------------------------------------

@dataclass(frozen=True)
class Fund:
    id: str
    name: str
    purpose: str
    starts_on: date
    ends_on: date
    status: str
    rules: EligibilityRules
    spend_keyed_to: date | None = None  # spend is fully keyed up to this date (later months are incomplete)
    # In a county file where another fund's name reads alike (``fund_names_said``), the name with its office
    said_as: str = ""

    @property
    def name_said(self) -> str:
        """The fund as a list, a sentence or a report names it: "Sanctuary fund (merged from Babergh office)" beside
        Mid Suffolk's "Sanctuary Fund" in a county file; its name alone otherwise."""
        return self.said_as or self.name

    @property
    def start_month(self) -> Month:
        return Month.of(self.starts_on)

    @property
    def end_month(self) -> Month:
        return Month.of(self.ends_on)

    @property
    def months(self) -> int:
        return self.end_month.minus(self.start_month) + 1


def _fund_from_row(r) -> Fund:
    levels = frozenset(x for x in r["risk_levels"].split(",") if x)
    keyed = r["spend_keyed_to"] if "spend_keyed_to" in r.keys() else None
    return Fund(r["id"], r["name"], r["purpose"], date.fromisoformat(r["starts_on"]), date.fromisoformat(r["ends_on"]),
                r["status"], EligibilityRules(levels, bool(r["require_marac"]), bool(r["require_idva"]),
                                              bool(r["require_perpetrator_not_resident"])),
                date.fromisoformat(keyed) if keyed else None)


def fund_names_said(store: Store, origins: RowOrigins | None = None) -> dict[str, str]:
    """The funds whose name alone does not say which they are, by id, each named with the office it came from:
    "Sanctuary fund (merged from Babergh office)" beside Mid Suffolk's "Sanctuary Fund". A county file holds two
    such funds when two offices spelt a name differently (the merge matches a fund by its name as spelt; alike, it
    is one fund the offices share); an office's own file refuses a name reading as another's, so has none.
    ``origins``: where each fund came from, when ``store`` keeps no note of it (the county workbook's staged export);
    None: read from ``store``."""
    from collections import Counter

    rows = store.rows("SELECT id, name FROM funds")
    alike = Counter(typed_name_key(r["name"]) for r in rows)
    rows = [r for r in rows if alike[typed_name_key(r["name"])] > 1]
    origins = origins if origins is not None or not rows else row_origins(store, FUNDS)
    return {r["id"]: f"{r['name']} ({origins.phrase(r['id'])})" for r in rows if origins and origins.phrase(r["id"])}


def _said(store: Store, listed: list[Fund]) -> list[Fund]:
    said = fund_names_said(store) if listed else {}
    return [replace(f, said_as=said[f.id]) if f.id in said else f for f in listed]


def list_funds(store: Store) -> list[Fund]:
    rows = store.rows("SELECT * FROM funds ORDER BY name COLLATE NOCASE, name")  # as read, not capitals first
    return _said(store, [_fund_from_row(r) for r in rows])


def get_fund(store: Store, fund_id: str) -> Fund:
    row = store.one("SELECT * FROM funds WHERE id = ?", (fund_id,))
    if row is None:
        raise FundError("That fund no longer exists.")
    return _said(store, [_fund_from_row(row)])[0]


def fund_by_name(store: Store, name: str, *, other_than: str | None = None) -> Fund | None:
    """The fund of this name as typed (any case, a hyphen for a dash, straight quotes, any spacing), the one spelt as
    typed first; ``other_than`` leaves one fund out (a rename in Fund settings refuses the names New fund refuses,
    but the fund's own)."""
    text = (name or "").strip()
    row = store.one("SELECT * FROM funds WHERE name = ? COLLATE NOCASE AND id IS NOT ? ORDER BY name = ? DESC, rowid "
                    "LIMIT 1", (text, other_than, text))
    if row is None:
        rows = (r for r in store.rows("SELECT * FROM funds ORDER BY name") if r["id"] != other_than)
        row = find_typed(rows, name, lambda r: r["name"])
    return None if row is None else _said(store, [_fund_from_row(row)])[0]


def funds_named(store: Store, name: str) -> list[Fund]:
    """Every fund whose name reads as ``name`` typed (typed_name_key): two in a county file where two offices spelt
    a fund's name differently ("Sanctuary fund", "Sanctuary Fund"), one or none otherwise."""
    key = typed_name_key(name)
    return [f for f in list_funds(store) if typed_name_key(f.name) == key]


def _no_names(value: Any, field: str) -> str:
    """Text that travels to the county with the fund (its name, purpose, notes, catalogue), stripped: refused when it
    looks like it names a person, as a victim-level field's is (never a victim's name)."""
    try:
        return free_text(value or "", field)
    except DhrError as exc:
        raise FundError(str(exc)) from None


def _fund_values(fields: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if "name" in fields:
        name = (fields["name"] or "").strip()
        if not name:
            raise FundError("Name: the fund needs a name.")
        values["name"] = _no_names(name, "Name")
    if "purpose" in fields:
        values["purpose"] = _no_names(fields["purpose"], "Purpose")
    if "starts_on" in fields:
        values["starts_on"] = _date(fields["starts_on"], "Starts", required=True).isoformat()
    if "ends_on" in fields:
        values["ends_on"] = _date(fields["ends_on"], "Ends", required=True).isoformat()
    if "status" in fields:
        if fields["status"] not in ("open", "closed"):
            raise FundError("Status: open or closed.")
        values["status"] = fields["status"]
    if "risk_levels" in fields:
        levels = fields["risk_levels"]
        levels = [x.strip() for x in (levels.split(",") if isinstance(levels, str) else levels) if x.strip()]
        EligibilityRules(frozenset(levels))
        values["risk_levels"] = ",".join(r for r in domain.RISK_LEVELS if r in levels)
    for key, label in (("require_marac", "At MARAC required"), ("require_idva", "IDVA required"),
                       ("require_perpetrator_not_resident", "Perpetrator not resident required")):
        if key in fields:
            values[key] = int(_text_bool(fields[key], label))
    unknown = set(fields) - {"name", "purpose", "starts_on", "ends_on", "status", "risk_levels", "require_marac",
                             "require_idva", "require_perpetrator_not_resident"}
    if unknown:
        raise FundError(unknown_fields("fund", unknown))
    return values


def add_fund(store: Store, *, name: str, starts_on: Any, ends_on: Any, **fields: Any) -> str:
    values = _fund_values({"name": name, "starts_on": starts_on, "ends_on": ends_on, **fields})
    if values["ends_on"] < values["starts_on"]:
        raise FundError("Ends: the fund cannot end before it starts.")
    if (held := fund_by_name(store, values["name"])) is not None:
        raise FundError(f"Name: there is already a fund called {held.name}.")
    fund_id = new_id()
    with store.transaction():
        records.insert(store.conn, "funds", {"id": fund_id, **values})
    return fund_id


def update_fund(store: Store, fund_id: str, **fields: Any) -> dict[str, Any]:
    """Change a fund's settings (the fields of ``_fund_values``, and ``spend_keyed_to``: blank for not said),
    in one transaction. Returns the stored values."""
    fund = get_fund(store, fund_id)
    keyed_given = "spend_keyed_to" in fields
    keyed_to = fields.pop("spend_keyed_to", None)
    values = _fund_values(fields)
    starts = values.get("starts_on", fund.starts_on.isoformat())
    ends = values.get("ends_on", fund.ends_on.isoformat())
    if ends < starts:
        raise FundError("Ends: the fund cannot end before it starts.")
    if "name" in values and (held := fund_by_name(store, values["name"], other_than=fund_id)) is not None:
        raise FundError(f"Name: there is already a fund called {held.name}.")
    if keyed_given:
        day = _keyed_to_date(keyed_to, date.fromisoformat(starts), date.fromisoformat(ends))
        values["spend_keyed_to"] = day.isoformat() if day else None
    outside, first, last = store.one(
        "SELECT count(*), min(s.spent_on), max(s.spent_on) FROM fund_spend_lines s JOIN fund_referrals r "
        "ON r.id = s.referral_id WHERE r.fund_id = ? AND (s.spent_on < ? OR s.spent_on > ?)", (fund_id, starts, ends))
    if outside:  # which lines (their dates) and what to do, so the officer can find them in Spend lines
        first, last = (f"{date.fromisoformat(d):%d/%m/%Y}" for d in (first, last))
        raise FundError(f"{counted(outside, 'spend line')} (dated {first}{'' if first == last else ' to ' + last}) "
                        f"would fall outside the fund's period ({date.fromisoformat(starts):%d/%m/%Y} to "
                        f"{date.fromisoformat(ends):%d/%m/%Y}): correct their dates or delete them first (Edit spend "
                        "line… on the Spend lines page), or keep the period as it was.")
    rules_changed = any(k in values and values[k] != held for k, held in (
        ("risk_levels", ",".join(r for r in domain.RISK_LEVELS if r in fund.rules.risk_levels)),
        *((k, int(getattr(fund.rules, k))) for k in ("require_marac", "require_idva",
                                                      "require_perpetrator_not_resident"))))
    # A reason is kept only while a rule is not met: one a referral meeting the rules as they were still holds goes
    # with the change of rules, not read afterwards as the reason for a rule it never answered.
    stale = reasons_held_while_met(store, fund) if rules_changed else []
    if values:
        with store.transaction():
            records.update(store.conn, "funds", fund_id, values)
            for referral_id in stale:
                records.update(store.conn, "fund_referrals", referral_id, {"override_reason": ""})
    return values


def referrals_left_out(store: Store, fund_id: str, **rules: Any) -> list[tuple[str, list[str]]]:
    """The fund's referrals that meet its rules now, with no override reason, and would not meet the rules given
    (Fund settings' ``risk_levels`` and ``require_*`` fields; the others as they are): each reference with what it
    would not meet. Made stricter, the rules leave them as overrides with no reason given."""
    fund = get_fund(store, fund_id)
    given = _fund_values({k: v for k, v in rules.items() if k == "risk_levels" or k.startswith("require_")})
    levels = given.get("risk_levels")
    new = EligibilityRules(frozenset(levels.split(",")) if levels is not None else fund.rules.risk_levels,
                           *(bool(given.get(key, getattr(fund.rules, key))) for key in (
                               "require_marac", "require_idva", "require_perpetrator_not_resident")))
    left_out = []
    # A referral meeting the rules now is named whatever reason it holds: one kept from before a reason was dropped
    # once the rules were met (a file from before s72) is no reason given for what the new rules ask.
    for r in store.rows("SELECT reference, risk_level, at_marac, idva_assigned, perpetrator_resident FROM "
                        "fund_referrals WHERE fund_id = ? ORDER BY reference", (fund_id,)):
        answers = EligibilityAnswers(r["risk_level"], bool(r["at_marac"]), bool(r["idva_assigned"]),
                                     bool(r["perpetrator_resident"]))
        if not domain.eligibility_failures(fund.rules, answers) and (
                failures := domain.eligibility_failures(new, answers)):
            left_out.append((r["reference"], failures))
    return left_out


def reasons_held_while_met(store: Store, fund: Fund) -> list[str]:
    """The fund's referrals that meet its rules yet hold a reason to accept them: kept from a file made before a
    reason was dropped once the rules were met, it would read as the override of a rule made stricter."""
    return [r["id"] for r in store.rows(
        "SELECT id, risk_level, at_marac, idva_assigned, perpetrator_resident FROM fund_referrals "
        "WHERE fund_id = ? AND coalesce(override_reason, '') <> ''", (fund.id,))
        if domain.meets_rules_as_held(fund.rules, *tuple(r)[1:])]


def _keyed_to_date(value: Any, starts_on: date, ends_on: date) -> date | None:
    """The date spend is keyed to as typed (None: blank, not said), refused outside the fund's period."""
    day = _date(value, "Spend keyed to")
    if refusal := keyed_to_refusal(day, starts_on, ends_on):
        raise FundError(refusal)
    return day


def keyed_to_refusal(day: date | None, starts_on: date, ends_on: date, *, label: str = "Spend keyed to",
                     instead: str = "type a date within it, or leave it blank") -> str:
    """Why spend cannot be said to be keyed to ``day`` ("" when it can): outside the fund's period, every month
    would be not complete (or complete before any was keyed). ``label`` and ``instead``: the field (or the command
    line's option) and what to do."""
    if day is None or starts_on <= day <= ends_on:
        return ""
    return (f"{label}: {day:%d/%m/%Y} is outside the fund's period ({starts_on:%d/%m/%Y} to {ends_on:%d/%m/%Y}): "
            f"{instead}.")


def set_spend_keyed_to(store: Store, fund_id: str, keyed_to: Any) -> date | None:
    """Record the date up to which the fund's spend is fully keyed (blank: not said); months after it are
    left out of the burn rate. Returns the date it replaced, so undo is the same call with that.
    (Fund settings records it through ``update_fund``.)"""
    fund = get_fund(store, fund_id)
    day = _keyed_to_date(keyed_to, fund.starts_on, fund.ends_on)
    with store.transaction():
        store.conn.execute("UPDATE funds SET spend_keyed_to = ? WHERE id = ?",
                           (day.isoformat() if day else None, fund_id))
    return fund.spend_keyed_to


def fund_in_use(store: Store, fund_id: str) -> str:
    """Why a fund cannot be deleted (money, referrals or merged spend recorded in it, a budget line linked to it, or
    merged from an office), or "" when it can: deleting would take those with it, and undo would not bring back
    what a merge or a budget line holds."""
    fund = get_fund(store, fund_id)
    has = []
    n, pence = store.one("SELECT count(*), coalesce(sum(amount_pence), 0) FROM fund_contributions WHERE fund_id = ?",
                         (fund_id,))
    if n:
        has.append(f"{counted(n, 'contribution')} ({format_money(pence)})")
    if n := store.scalar("SELECT count(*) FROM fund_referrals WHERE fund_id = ?", (fund_id,)):
        has.append(counted(n, "referral"))
    if store.scalar(f"SELECT count(*) FROM {FUND_SUMMARY_TABLE} WHERE fund_id = ?", (fund_id,)):
        has.append("spend merged from the offices")
    lines = [f"{r[0]}: {r[1]}" for r in store.rows(
        "SELECT p.name, l.label FROM budget_line_links k JOIN budget_lines l ON l.id = k.line_id "
        "JOIN budget_sections s ON s.id = l.section_id JOIN budget_plans p ON p.id = s.plan_id "
        "WHERE k.fund_id = ? ORDER BY p.name, s.position, l.position", (fund_id,))]
    if lines:
        which = "a budget line is" if len(lines) == 1 else f"{len(lines)} budget lines are"
        has.append(f"{which} linked to it ({'; '.join(lines)})")
    if has:
        return (f"{fund.name_said} cannot be deleted: it has {in_words(has)}. Delete those first (a budget line is "
                "unlinked on the Budgets tab), or close the fund in Fund settings… to keep its record.")
    merged_from = row_origins(store, FUNDS).by_key.get(fund_id)
    if merged_from:  # a county file's fund from an office's export: the next merge of it would bring it back
        return (f"{fund.name_said} cannot be deleted here: it was merged from {merged_from}, and the next merge of "
                "its export would bring it back. It is the office's to delete.")
    return ""


def delete_fund(store: Store, fund_id: str) -> None:
    """Delete a fund with nothing recorded in it (``fund_in_use`` says why another is refused)."""
    if refusal := fund_in_use(store, fund_id):
        raise FundError(refusal)
    with store.transaction():
        store.conn.execute("DELETE FROM funds WHERE id = ?", (fund_id,))


def _contribution_values(store: Store, *, organisation: str, amount: Any, received_on: Any = None,
                         note: str = "") -> dict[str, Any]:
    """A contribution's columns as typed, checked: an organisation of the file and an amount."""
    org = tidy_spaces(organisation)  # names are held with their spaces tidied (services.reference)
    org_id = held_name_id(store, "organisations", org)
    if org_id is None:
        raise FundError(f"Contributor: there is no organisation called “{org}”.")
    pence = _amount_pence(amount, "contribution")  # "Amount: …", beside the form's Amount
    day = _date(received_on, "Received")
    note = _no_names(note, "Note")  # it travels to the county with the contribution
    return {"organisation_id": org_id, "amount_pence": pence, "received_on": day.isoformat() if day else None,
            "note": note}


def add_contribution(store: Store, fund_id: str, **fields: Any) -> str:
    """A partner's money into the fund (the fields of ``_contribution_values``)."""
    get_fund(store, fund_id)
    values = _contribution_values(store, **fields)
    contribution_id = new_id()
    with store.transaction():
        records.insert(store.conn, "fund_contributions", {"id": contribution_id, "fund_id": fund_id, **values})
    return contribution_id


def contribution_changes(store: Store, contribution_id: str, **fields: Any) -> str:
    """What saving a contribution's correction typed so changes, in words for its undo: "amount £2,500, received
    01/06/2018" (the contributor, amount and day as the Contributions table shows them; the note named only). ""
    when it changes nothing, or what is typed is refused on save (in its own words)."""
    row = store.one("SELECT * FROM fund_contributions WHERE id = ?", (contribution_id,))
    try:
        values = _contribution_values(store, **fields) if row is not None else None
    except ValueError:
        return ""
    if values is None:
        return ""
    said = []
    if values["organisation_id"] != row["organisation_id"]:
        name = store.scalar("SELECT name FROM organisations WHERE id = ?", (values["organisation_id"],))
        said.append(f"contributor {name}")
    if values["amount_pence"] != row["amount_pence"]:
        said.append(f"amount {format_money(values['amount_pence'])}")
    if values["received_on"] != row["received_on"]:
        said.append(f"received {date.fromisoformat(values['received_on']):%d/%m/%Y}" if values["received_on"]
                    else "date received removed")
    old, new = (row["note"] or "").strip(), (values["note"] or "").strip()
    if old != new:
        said.append("note " + ("removed" if not new else "given" if not old else "changed"))
    return ", ".join(said)


def update_contribution(store: Store, contribution_id: str, **fields: Any) -> dict[str, Any]:
    """Correct a contribution keyed wrongly (its contributor, amount, date or note). Returns the stored values."""
    if store.scalar("SELECT 1 FROM fund_contributions WHERE id = ?", (contribution_id,)) is None:
        raise FundError("That contribution no longer exists.")
    values = _contribution_values(store, **fields)
    with store.transaction():
        records.update(store.conn, "fund_contributions", contribution_id, values)
    return values


def contribution_keyed_before(store: Store, fund_id: str, *, organisation: Any, amount: Any, received_on: Any = None,
                              other_than: str | None = None) -> str:
    """A doubt (asked once, never a refusal) when the fund already holds a contribution of this contributor, amount and
    day received (or both undated) other than ``other_than`` (the one being corrected): a contribution keyed twice
    from the partners' list puts money in the fund that is not there. "" when there is none, or what is typed is
    refused on Save in its own words."""
    try:
        org_id = held_name_id(store, "organisations", tidy_spaces(organisation))
        pence = _pence(amount, "Amount", allow_zero=False)
        day = _date(received_on, "Received")
    except ValueError:
        return ""
    if org_id is None:
        return ""
    held = store.one("SELECT o.name FROM fund_contributions c JOIN organisations o ON o.id = c.organisation_id "
                     "WHERE c.fund_id = ? AND c.organisation_id = ? AND c.amount_pence = ? AND c.received_on IS ? "
                     "AND c.id IS NOT ?", (fund_id, org_id, pence, day.isoformat() if day else None, other_than))
    if held is None:
        return ""
    total = int(store.scalar("SELECT coalesce(sum(amount_pence), 0) FROM fund_contributions WHERE fund_id = ? AND "
                             "id IS NOT ?", (fund_id, other_than))) + pence
    when = f"received on {day:%d/%m/%Y}" if day else "(no date received)"
    fund = get_fund(store, fund_id)
    return (f"{held['name']}'s {format_money(pence)} {when} is already recorded for {fund.name_said}: saving records "
            f"it a second time ({format_money(total)} contributed in all).")


def delete_contribution(store: Store, contribution_id: str) -> None:
    with store.transaction():
        store.conn.execute("DELETE FROM fund_contributions WHERE id = ?", (contribution_id,))


def contributions(store: Store, fund_id: str) -> list[dict]:
    return [dict(r) for r in store.rows(
        "SELECT c.*, o.name AS organisation FROM fund_contributions c JOIN organisations o ON o.id = c.organisation_id "
        "WHERE c.fund_id = ? ORDER BY o.name", (fund_id,))]


# -- the catalogue -------------------------------------------------------------------

def list_items(store: Store) -> list[dict]:
    return [dict(r) for r in store.rows("SELECT * FROM fund_items ORDER BY name COLLATE NOCASE, name")]


def save_item(store: Store, name: str, *, usual_price: Any = None, supplier: str = "") -> str:
    """Add a catalogue item, or change the usual price and supplier of the one with that name as typed (any case or
    spacing: "door  chain " is Door chain, as a fund's name is matched)."""
    name = tidy_spaces(name)
    if not name:
        raise FundError("Item: a name is required.")
    name = _no_names(name, "Item")  # the catalogue travels to the county whole
    supplier = supplier_text(supplier)
    price = None if usual_price in (None, "") else _pence(usual_price, "Usual price")
    held = item_by_name(store, name)
    item_id = held["id"] if held is not None else _new_item_id(store, name)
    with store.transaction():
        store.conn.execute("INSERT INTO fund_items(id, name, usual_price_pence, supplier) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT(id) DO UPDATE SET usual_price_pence = excluded.usual_price_pence, "
                           "supplier = excluded.supplier", (item_id, name, price, supplier))
    return item_id


def _new_item_id(store: Store, name: str) -> str:
    """The id of a new catalogue item called ``name``. A name that makes another item's id ("Door chain!" or "Door
    chain." beside Door chain, "Senor lock" beside Señor lock) is refused: saved, it changed that item's price while
    the catalogue showed no new item. So is a name of no letters or digits ("-", "£")."""
    try:
        item_id = reference_id("item", name)
    except ValueError:
        raise FundError(f"Item: “{name}” has no letters or digits: give the item a name.") from None
    same = store.scalar("SELECT name FROM fund_items WHERE id = ?", (item_id,))
    if same is not None:
        raise FundError(f"Item: “{name}” reads as {same}, already in the catalogue: type {same} to change its "
                        "usual price, or give the new item another name.")
    return item_id


def item_in_use(store: Store, item_id: str) -> str:
    """Why a catalogue item cannot be deleted (spend is keyed to it), or "" when it can."""
    used = store.scalar("SELECT count(*) FROM fund_spend_lines WHERE item_id = ?", (item_id,))
    if not used:
        return ""
    name = store.scalar("SELECT name FROM fund_items WHERE id = ?", (item_id,))
    return f"{name} is on {counted(used, 'spend line')} and cannot be removed from the catalogue."


def delete_item(store: Store, item_id: str) -> None:
    if refusal := item_in_use(store, item_id):
        raise FundError(refusal)
    with store.transaction():
        store.conn.execute("DELETE FROM fund_items WHERE id = ?", (item_id,))


def add_default_catalogue(store: Store) -> None:
    with store.transaction():
        for name, price, supplier in DEFAULT_CATALOGUE:
            save_item(store, name, usual_price=price, supplier=supplier)


# -- referrals and spend -------------------------------------------------------------------

def _answers(fields: dict[str, Any]) -> EligibilityAnswers:
    level = str(fields.get("risk_level") or "").strip().lower()
    if level not in domain.RISK_LEVELS:
        raise FundError(f"Risk level: choose {', '.join(domain.RISK_LEVELS)}.")
    return EligibilityAnswers(level, _text_bool(fields.get("at_marac"), "At MARAC"),
                              _text_bool(fields.get("idva_assigned"), "IDVA assigned"),
                              _text_bool(fields.get("perpetrator_resident"), "Perpetrator lives there"))


def _referral_values(store: Store, fund: Fund, *, reference: str, district: str, referred_on: Any,
                     risk_level: str, at_marac: Any, idva_assigned: Any, perpetrator_resident: Any,
                     override_reason: str = "", referral_id: str | None = None) -> dict[str, Any]:
    """A referral's columns as typed, checked: a pseudonymous reference not already in the fund (other than
    ``referral_id``'s own), a district of the file, a date, and the fund's rules met or an override given."""
    try:
        ref = check_reference(reference, what="referral reference")
    except DhrError as exc:
        raise FundError(str(exc)) from None
    ref = domain.refuse_household_detail(ref, "Reference", reference=True)
    held = _referral_by_reference(store, fund.id, ref)
    if held is not None and held["id"] != referral_id:  # "th-2018-001" is TH-2018-001 typed again
        raise FundError(f"Reference: {held['reference']} is already referred to this fund.")
    d = (district or "").strip()
    district_id = store.scalar("SELECT id FROM districts WHERE id = ? OR name = ? COLLATE NOCASE", (d, d))
    if district_id is None:
        raise FundError(f"District: there is no district called “{d}”." if d else "District: choose one.")
    day = _date(referred_on, "Referred on", required=True)
    answers = _answers({"risk_level": risk_level, "at_marac": at_marac, "idva_assigned": idva_assigned,
                        "perpetrator_resident": perpetrator_resident})
    try:
        override_reason = free_text(override_reason, "Override reason")
    except DhrError as exc:
        raise FundError(str(exc)) from None
    override_reason = domain.refuse_household_detail(override_reason, "Override reason")
    return {"reference": ref, "district_id": district_id, "referred_on": day.isoformat(),
            "risk_level": answers.risk_level, "at_marac": int(answers.at_marac),
            "idva_assigned": int(answers.idva_assigned), "perpetrator_resident": int(answers.perpetrator_resident),
            "override_reason": domain.check_eligibility(fund.rules, answers, override_reason)}


def reason_kept(fund: Fund, fields: dict[str, Any]) -> str | None:
    """The reason to accept a referral typed so (a form's values) keeps: "" when its answers meet the fund's rules,
    for a reason typed is kept only while a rule is not met; None when the answers are not read or need a reason not
    given (refused on save, in its own words)."""
    try:
        answers = _answers(fields)
        return domain.check_eligibility(fund.rules, answers, str(fields.get("override_reason") or ""))
    except FundError:
        return None


def add_referral(store: Store, fund_id: str, **fields: Any) -> str:
    """A victim referred to the fund, by pseudonymous reference and district only (the fields of
    ``_referral_values``)."""
    values = _referral_values(store, get_fund(store, fund_id), **fields)
    referral_id = new_id()
    with store.transaction():
        records.insert(store.conn, "fund_referrals", {"id": referral_id, "fund_id": fund_id, **values})
    return referral_id


def update_referral(store: Store, referral_id: str, **fields: Any) -> dict[str, Any]:
    """Correct a referral (all its fields, as add_referral takes them): a district or a date keyed wrongly, an
    answer that changed. Its spend lines stay with it (on a closed fund, its spend's district does too: refused).
    Returns the stored values."""
    row = _referral_row(store, referral_id)
    if row is None:
        raise FundError("That referral no longer exists.")
    fund = get_fund(store, row["fund_id"])
    values = _referral_values(store, fund, referral_id=referral_id, **fields)
    if row["spent"] and values["district_id"] != row["district_id"]:  # the spend per district as reported
        _refuse_if_closed(fund)
    with store.transaction():
        records.update(store.conn, "fund_referrals", referral_id, values)
    return values


def _referral_row(store: Store, referral_id: str):
    """A referral's fund, district and whether it has spend (``spent``), or None when it is gone."""
    return store.one("SELECT r.fund_id, r.district_id, EXISTS (SELECT 1 FROM fund_spend_lines s "
                     "WHERE s.referral_id = r.id) AS spent FROM fund_referrals r WHERE r.id = ?", (referral_id,))


def delete_referral(store: Store, referral_id: str) -> None:
    """Remove a referral keyed in error, with its spend lines (refused on a closed fund if it has any)."""
    row = _referral_row(store, referral_id)
    if row is not None and row["spent"]:
        _refuse_if_closed(get_fund(store, row["fund_id"]))
    with store.transaction():
        store.conn.execute("DELETE FROM fund_referrals WHERE id = ?", (referral_id,))


def name_warnings(**fields: Any) -> list[str]:
    """Warnings when a supplier looks like a person's name (a firm or an officer may be named there)."""
    from safer_desk.services.dhr import name_warnings as warnings_for

    return warnings_for(**fields)


def reference_warnings(reference: Any) -> list[str]:
    """The question (never a refusal) for a referral's reference with a word that may be a surname on its own
    ("Okonkwo-2026"): services.dhr.reference_warnings."""
    from safer_desk.services.dhr import reference_warnings as warnings_for

    return warnings_for(reference, referral=True)


def referral_id_by_reference(store: Store, fund_id: str, reference: str) -> str | None:
    """The referral a reference names, as typed or in another case ("th-2018-001" for TH-2018-001)."""
    row = _referral_by_reference(store, fund_id, reference)
    return None if row is None else row["id"]


def _referral_by_reference(store: Store, fund_id: str, reference: str):
    """(id, reference) of the fund's referral of that reference as typed: in any case, with any dash (an en dash
    pasted from Word for a hyphen) or spacing (typed_name_key), then with spaces or slashes for its dashes and its
    numbers' leading noughts left off (domain.dhr.reference_key); the one spelt as typed first."""
    text = (reference or "").strip()
    row = store.one("SELECT id, reference FROM fund_referrals WHERE fund_id = ? AND lower(reference) = lower(?) "
                    "ORDER BY reference = ? DESC, rowid LIMIT 1", (fund_id, text, text))
    if row is None and text:
        rows = store.rows("SELECT id, reference FROM fund_referrals WHERE fund_id = ? ORDER BY rowid", (fund_id,))
        row = find_typed(rows, text, lambda r: r["reference"])
        if row is None and (key := reference_key(text)):
            # "TH 2018 001", "TH/2018/001" or "TH-2018-1" is TH-2018-001 typed another way, as a review's reference
            # is: it was taken as a second victim, and the spend per victim fell.
            row = next((r for r in rows if reference_key(r["reference"]) == key), None)
    return row


def _refuse_if_closed(fund: Fund) -> None:
    """A closed fund's spend is as it was reported: recorded, changed or deleted only once it is open again."""
    if fund.status == "closed":
        raise FundError(f"{fund.name_said} is closed: its spend cannot be recorded, changed or deleted (open it again "
                        "in Fund settings first).")


def spend_date_refusal(fund: Fund, day: date | None) -> str:
    """Why spend on ``day`` cannot be recorded on the fund ("" when it can): dated outside its period. A form
    checks it before it queries anything about the date, so no query offers to keep a date that is refused."""
    if day is None or fund.starts_on <= day <= fund.ends_on:
        return ""
    return (f"Date: {day:%d/%m/%Y} is outside the fund's period "
            f"({fund.starts_on:%d/%m/%Y} to {fund.ends_on:%d/%m/%Y}).")


def supplier_text(value: Any) -> str:
    """A supplier as typed, stripped: FundError when it holds where a household lives (an address or a postcode:
    the job's, "Locks fitted at 12 Acacia Avenue"), as an invoice reference is refused it. A supplier travels to the
    county with the catalogue and is copied with a spend line, being a firm's name; a firm's own telephone number or
    e-mail is its own, and kept."""
    text = (value or "").strip()
    found = domain.household_detail(text)
    if found is not None and found[1] in ("an address", "a postcode"):
        raise FundError(f"Supplier: “{found[0]}” looks like {found[1]}. Give the firm's name only: never where the "
                        "work was done (the supplier travels to the county with the catalogue).")
    return text


def _spend_values(store: Store, fund: Fund, *, spent_on: Any, item: str, amount: Any = None,
                  supplier: str | None = None, invoice_ref: str = "") -> dict[str, Any]:
    """A spend line's columns as typed, checked: refused on a closed fund or dated outside the fund's period; a blank
    amount or supplier takes the catalogue's usual price and supplier."""
    _refuse_if_closed(fund)
    day = _date(spent_on, "Date", required=True)
    if refusal := spend_date_refusal(fund, day):
        raise FundError(refusal)
    item_text = (item or "").strip()
    item_row = _catalogue_item(store, item_text)
    if item_row is None:
        raise FundError(f"Item: “{item_text}” is not in the catalogue; add it there first." if item_text
                        else "Item: choose one from the catalogue.")
    if amount in (None, ""):
        if item_row["usual_price_pence"] is None:
            raise FundError("Amount: the catalogue has no usual price for this item; type the amount.")
        pence = item_row["usual_price_pence"]
        if not pence:  # refused as a typed £0 is: a £0 line would count the victim as supported for nothing
            raise FundError(f"Amount: the catalogue's usual price for {item_row['name']} is £0; the amount must be "
                            "more than £0: type what was spent.")
    else:
        pence = _amount_pence(amount, "spend line")
    try:
        invoice_ref = invoice_code(invoice_ref, "Invoice")
    except DhrError as exc:
        raise FundError(str(exc)) from None
    invoice_ref = domain.refuse_household_detail(invoice_ref, "Invoice")
    return {"spent_on": day.isoformat(), "item_id": item_row["id"],
            "supplier": item_row["supplier"] if supplier is None else supplier_text(supplier), "amount_pence": pence,
            "invoice_ref": invoice_ref}


def add_spend_line(store: Store, referral_id: str, **fields: Any) -> str:
    """Spend on a referral (the fields of ``_spend_values``)."""
    ref = store.one("SELECT * FROM fund_referrals WHERE id = ?", (referral_id,))
    if ref is None:
        raise FundError("That referral no longer exists.")
    values = _spend_values(store, get_fund(store, ref["fund_id"]), **fields)
    line_id = new_id()
    with store.transaction():
        records.insert(store.conn, "fund_spend_lines", {"id": line_id, "referral_id": referral_id, **values})
    return line_id


def spend_line_keyed_before(store: Store, referral_id: str, *, spent_on: Any, item: Any, amount: Any = None,
                            invoice_ref: Any = "", other_than: str | None = None) -> str:
    """A doubt (asked once, never a refusal) when the referral already has a spend line of this day, item, amount (a
    blank one: the usual price) and invoice, other than ``other_than`` (the line being corrected): an invoice keyed
    twice line by line spends money the fund did not. "" when there is none, or what is typed is refused on Save."""
    row = _catalogue_item(store, (item or "").strip()) if item else None
    try:
        day = _date(spent_on, "Date", required=True)
        pence = row["usual_price_pence"] if row is not None and amount in (None, "") else _pence(amount, "Amount")
    except ValueError:
        return ""
    if row is None or not pence:
        return ""
    invoice = (invoice_ref or "").strip()
    held = store.one("SELECT r.reference FROM fund_spend_lines s JOIN fund_referrals r ON r.id = s.referral_id "
                     "WHERE s.referral_id = ? AND s.spent_on = ? AND s.item_id = ? AND s.amount_pence = ? "
                     "AND coalesce(s.invoice_ref, '') = ? AND s.id IS NOT ?",
                     (referral_id, day.isoformat(), row["id"], pence, invoice, other_than))
    if held is None:
        return ""
    on_invoice = f" (invoice {invoice})" if invoice else ""
    return (f"A {row['name']} of {format_money(pence)} on {day:%d/%m/%Y}{on_invoice} is already recorded for "
            f"{held['reference']}: saving records it a second time.")


def _fund_of_spend_line(store: Store, line_id: str) -> Fund | None:
    fund_id = store.scalar("SELECT r.fund_id FROM fund_spend_lines s JOIN fund_referrals r ON r.id = s.referral_id "
                           "WHERE s.id = ?", (line_id,))
    return None if fund_id is None else get_fund(store, fund_id)


def spend_line_changes(store: Store, line_id: str, **fields: Any) -> str:
    """What saving a spend line's correction typed so (``update_spend_line``'s fields) changes, in words for its undo:
    "amount £30, invoice changed" (the date, item and amount as the tables show them; the supplier and invoice, free
    text, named only). "" when it changes nothing, or what is typed is refused on save (in its own words)."""
    fund = _fund_of_spend_line(store, line_id)
    row = store.one("SELECT * FROM fund_spend_lines WHERE id = ?", (line_id,))
    try:
        values = _spend_values(store, fund, **fields) if fund is not None and row is not None else None
    except ValueError:
        return ""
    if values is None:
        return ""
    said = []
    if values["spent_on"] != row["spent_on"]:
        said.append(f"date {date.fromisoformat(values['spent_on']):%d/%m/%Y}")
    if values["item_id"] != row["item_id"]:
        said.append(f"item {store.scalar('SELECT name FROM fund_items WHERE id = ?', (values['item_id'],))}")
    if values["amount_pence"] != row["amount_pence"]:
        said.append(f"amount {format_money(values['amount_pence'])}")
    for key, words in (("supplier", "supplier"), ("invoice_ref", "invoice")):
        old, new = (row[key] or "").strip(), (values[key] or "").strip()
        if old != new:
            said.append(f"{words} " + ("removed" if not new else "given" if not old else "changed"))
    return ", ".join(said)


def update_spend_line(store: Store, line_id: str, **fields: Any) -> dict[str, Any]:
    """Correct a spend line keyed wrongly (its date, item, amount, supplier or invoice), checked as a new one is;
    it stays with its referral. Returns the stored values."""
    fund = _fund_of_spend_line(store, line_id)
    if fund is None:
        raise FundError("That spend line no longer exists.")
    values = _spend_values(store, fund, **fields)
    with store.transaction():
        records.update(store.conn, "fund_spend_lines", line_id, values)
    return values


def item_by_name(store: Store, name: str) -> dict | None:
    """The catalogue's item of this name as typed (typed_name_key: any case, dash, quote or spacing), the one spelt
    as typed first, or None."""
    text = tidy_spaces(name)
    rows = store.rows("SELECT * FROM fund_items ORDER BY name = ? DESC, name", (text,))
    row = find_typed(rows, text, lambda r: r["name"]) if text else None
    return None if row is None else dict(row)


def _catalogue_item(store: Store, item: str):
    """The catalogue's item by id or name as typed (item_by_name), or None."""
    return store.one("SELECT * FROM fund_items WHERE id = ?", (item,)) or item_by_name(store, item)


def overspend_warning(store: Store, fund_id: str, *, item: str, amount: Any = None, instead_of: int = 0,
                      spent_on: Any = None, instead_of_on: date | None = None, today: date | None = None) -> str:
    """A doubt about a spend line (asked once, never a refusal): it takes its fund past what was contributed
    (``instead_of``: the pence of the line it corrects, dated ``instead_of_on``, no longer spent); or, dated
    ``spent_on``, past the money received by then (money counts from the month it is received, as ``receipts``
    counts it), saying which contribution is still to come.

    A pot overspent is a conversation with the contributors, not a typing slip; but a £30,000 line in a £20,000
    fund often is one (a sanctuary room keyed where a lock was meant)."""
    if amount in (None, ""):
        row = _catalogue_item(store, (item or "").strip())
        pence = row["usual_price_pence"] if row is not None else None
    else:
        try:
            pence = _pence(amount, "Amount", allow_zero=False)
        except FundError:
            return ""  # refused with its reason when saved
    try:
        day = _date(spent_on, "Date")
    except FundError:
        day = None  # refused with its reason when saved
    if not pence:
        return ""
    fund = get_fund(store, fund_id)
    month, was = (Month.of(day) if day else None), (Month.of(instead_of_on) if instead_of_on else None)
    if pence <= instead_of and (month is None or was is None or month >= was):
        return ""  # a correction downwards (and no earlier) never makes it worse
    if month is not None and (short := _short_by_month(store, fund, month, pence, instead_of, was, today)):
        return short
    contributed = int(store.scalar("SELECT coalesce(sum(amount_pence), 0) FROM fund_contributions WHERE fund_id = ?",
                                   (fund.id,)))
    spent = int(store.scalar(f"SELECT coalesce(sum(amount_pence), 0) FROM ({spend_sql(store)}) WHERE fund_id = ?",
                             (fund.id,))) - instead_of
    over = spent + pence - contributed
    if over <= 0 or pence <= instead_of:  # a correction downwards never makes it worse
        return ""
    return (f"This spend of {format_money(pence)} takes {fund.name_said} {format_money(over)} past the "
            f"{format_money(contributed)} contributed ({format_money(spent)} spent so far).")


def _short_by_month(store: Store, fund: Fund, month: Month, pence: int, instead_of: int, was: Month | None,
                    today: date | None) -> str:
    """The question about a line of ``pence`` dated in ``month`` when, in that month or a later one before all the
    money has come, the spend to date passes the money received by then, naming the money still to come ("" when
    it does not)."""
    dated = _dated_receipts(store, fund)
    money = [(m, p, who) for _, m, p, who in dated]
    by_month = {Month.parse(m): int(p) for m, p in store.rows(
        f"SELECT month, sum(amount_pence) FROM ({spend_sql(store)}) WHERE fund_id = ? GROUP BY month", (fund.id,))}
    last = max((m for m, _, _ in money), default=month)
    m = month
    while m < last:  # from the last receipt on, all the money is there: the question about the whole of it
        received = received_by(money, m)
        spent = sum(p for mm, p in by_month.items() if mm <= m) - (instead_of if was is None or was <= m else 0)
        if spent + pence > received:
            day = today or date.today()  # money dated after today is not received yet (the balance leaves it out)
            later = in_words([f"{format_money(p)} from {who} {'is due' if on and on > day else 'was received'} "
                              f"in {_month_words(mm)}" for on, mm, p, who in dated if mm > m])
            return (f"This spend of {format_money(pence)} takes {fund.name_said} "
                    f"{format_money(spent + pence - received)} past the {format_money(received)} received by "
                    f"{_month_words(m)} ({format_money(spent)} spent by then); {later}.")
        m = m.plus(1)
    return ""


def _month_words(month: Month) -> str:
    """"June 2025"."""
    return f"{month.first_day:%B %Y}"


def delete_spend_line(store: Store, line_id: str) -> None:
    fund = _fund_of_spend_line(store, line_id)
    if fund is not None:
        _refuse_if_closed(fund)
    with store.transaction():
        store.conn.execute("DELETE FROM fund_spend_lines WHERE id = ?", (line_id,))


def list_referrals(store: Store, fund_id: str, today: date | None = None) -> list[dict]:
    """Referrals with their spend and eligibility in words (no names: references only).

    With ``today`` (the fund page's day) ``spent_pence`` is the spend dated by then, as the fund's Spent figure,
    per district and per victim count it, and ``spent_later_pence`` the spend keyed for after it (it has not
    happened yet); without, every line recorded is in ``spent_pence``. ``lines`` counts every line recorded."""
    fund = get_fund(store, fund_id)
    day = today.isoformat() if today is not None else "9999-12-31"
    result = []
    for r in store.rows(
            "SELECT r.*, d.name AS district, "
            "coalesce(sum(CASE WHEN s.spent_on <= ? THEN s.amount_pence END), 0) AS spent_pence, "
            "coalesce(sum(CASE WHEN s.spent_on > ? THEN s.amount_pence END), 0) AS spent_later_pence, "
            "count(s.id) AS lines "
            "FROM fund_referrals r JOIN districts d ON d.id = r.district_id "
            "LEFT JOIN fund_spend_lines s ON s.referral_id = r.id WHERE r.fund_id = ? "
            "GROUP BY r.id ORDER BY r.reference", (day, day, fund_id)):
        row = dict(r)
        answers = EligibilityAnswers(r["risk_level"], bool(r["at_marac"]), bool(r["idva_assigned"]),
                                     bool(r["perpetrator_resident"]))
        failures = domain.eligibility_failures(fund.rules, answers)
        # A referral accepted before the fund's rules were made stricter has no reason: said, with what it fails.
        row["eligibility"] = ("✔ Eligible" if not failures else ("⚠ Override: " + r["override_reason"]
                              if r["override_reason"] else "⚠ No override reason: " + "; ".join(failures)))
        row["failures"] = "; ".join(failures)
        result.append(row)
    return result


def list_spend_lines(store: Store, fund_id: str) -> list:
    """The fund's spend lines (sqlite3.Row objects: cheap to read for 20,000 lines), oldest first.

    ``search_text`` holds what the Spend lines search matches: reference, district, item, supplier,
    invoice, the date as 2018-04-09 and 09/04/2018, and the amount in plain pounds — built in SQL so a
    worker thread spends no Python time (and holds no GIL) building it.
    """
    return store.rows(
        "SELECT s.*, r.reference, d.name AS district, i.name AS item, "
        "lower(r.reference || ' ' || d.name || ' ' || i.name || ' ' || s.supplier || ' ' || s.invoice_ref || ' ' || "
        "s.spent_on || ' ' || strftime('%d/%m/%Y', s.spent_on) || ' £' || (s.amount_pence / 100) || "
        "CASE WHEN s.amount_pence % 100 THEN printf('.%02d', s.amount_pence % 100) ELSE '' END) AS search_text "
        "FROM fund_spend_lines s "
        "JOIN fund_referrals r ON r.id = s.referral_id JOIN districts d ON d.id = r.district_id "
        "JOIN fund_items i ON i.id = s.item_id WHERE r.fund_id = ? ORDER BY s.spent_on, r.reference", (fund_id,))


# -- figures -----------------------------------------------------------------------------

@dataclass(frozen=True)
class FundFigures:
    fund: Fund
    contributions_pence: int
    spent_pence: int
    victims: int
    by_district: list[tuple[str, int, int]]  # district, victims, pence
    by_item: list[tuple[str, int, int]]  # item, spend lines, pence
    by_month: list[tuple[Month, int, int]]  # month, victims first supported, pence
    per_victim: list[int]  # detailed rows only
    summary_rows: int  # rows of fund_spend_summary included (victim-level detail not available for them)
    forecast: FundForecast
    contributors: list[tuple[str, int]] = field(default_factory=list)
    ranges: domain.ForecastRange | None = None  # the forecast over 3-, 6- and 12-month windows
    incomplete_from: Month | None = None  # the first month not complete (current, or after spend_keyed_to)
    # A month whose summary rows hold spend of other months (merged for small numbers): its first and last month.
    merged: dict[Month, tuple[Month, Month]] = field(default_factory=dict)
    keyed_to: date | None = None  # the date spend is keyed to that the figures used (given, or the fund's own)
    # by_month with every month of the fund to the as-at month: the table's rows (page, board report, workbook).
    month_rows: list[tuple[Month, int, int]] = field(default_factory=list)
    not_received_pence: int = 0  # contributions dated after today: not in the balance until they are received
    # The contributions by the month they count from (money_as_received): the fund's level rises when each comes.
    receipts: list[tuple[Month, int, str]] = field(default_factory=list)
    not_spent_pence: int = 0  # spend dated after today: it has not happened yet, so it is not in the figures
    period_ended: bool = False  # today is past the fund's last day: nothing more can be spent from it
    today: date | None = None  # the day the figures are the position on
    # Contributions received after the fund's last day, by today (pence, contributor): in the balance, not in what was
    # left at the end of the period.
    received_since_end: list[tuple[int, str]] = field(default_factory=list)
    # The victims each month's spend was on (opaque referral ids, detailed rows only): what a month describes, which
    # may be more than those first supported in it. Never given out: only counted by months_shared.
    month_described: dict[Month, frozenset[str]] = field(default_factory=dict, repr=False)
    item_described: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)  # the same, by item
    # The months a paper leaving the office gives the spend of months not complete over (``joined`` in fund_figures):
    # the first month of a joined stretch, with its last. Only in ``given``'s figures.
    joined_until: dict[Month, Month] = field(default_factory=dict)
    # The figures as they may leave the office (``shared``), when they differ from these (the office's own).
    given: "FundFigures | None" = field(default=None, repr=False, compare=False)
    # In ``given``'s figures: why the burn rate runs over other months than the page's (``_given_window_words``),
    # said in the fund report's forecast_warnings (its Figures sheet and CSV); "" when it runs over the same.
    given_words: str = ""

    @property
    def shared(self) -> "FundFigures":
        """The figures as a paper leaving the office gives them (the board report, the fund's workbook and its CSV):
        the same but for the burn rate and forecast, worked out over whole stretches of the months its Per month
        table joins for small numbers (``fund_figures``' ``joined``), so that no rate, run-out or spend so far
        less the months given alone tells what the table withholds. The office's own page shows these figures."""
        return self.given or self

    @property
    def not_begun(self) -> bool:
        """Whether today is before the fund's first day (next year's fund set up in advance)."""
        return self.today is not None and self.today < self.fund.starts_on

    @property
    def run_out_over(self) -> bool:
        """Whether the run-out month of an open fund, its period not ended, is a month already over: what happened
        (spend recorded to the money, or past it), or a projection the spend recorded since does not bear out."""
        f = self.forecast
        return (self.today is not None and not f.closed and not self.period_ended
                and f.exhaustion_month is not None and f.exhaustion_month < Month.of(self.today))

    @property
    def run_out_projected(self) -> bool:
        """Whether the run-out is a month already over while the spend recorded leaves money in the fund: a projection
        from the burn rate's month, not a forecast (``_run_out_over_words`` says so)."""
        return (self.run_out_over and self.balance_pence > 0
                and not spent_past_money(self.forecast, self.receipts, self.forecast.exhaustion_month))

    @property
    def projected(self) -> bool:
        """Whether the forecast of a fund whose period has ended is a projection from a burn-rate month before its
        last month (what it says would be left differs from what is), not what was recorded to the end."""
        f = self.forecast
        return self.period_ended and not f.closed and f.as_at is not None and f.as_at < self.fund.end_month

    @property
    def spent_to_end(self) -> bool:
        """Whether the fund's period has ended with its burn rate run to its last month (its spend keyed to its last
        day): the spend recorded is the whole story, with nothing projected (``domain.spent_to_end_forecast``)."""
        f = self.forecast
        return self.period_ended and not f.closed and f.as_at is not None and f.as_at >= self.fund.end_month

    @property
    def balance_pence(self) -> int:
        return self.contributions_pence - self.not_received_pence - self.spent_pence

    @property
    def left_at_end_pence(self) -> int | None:
        """What is left at the end of the period as the figures give it: the forecast's (a closed fund's, what it
        holds); for a fund whose period ended with nothing spent, all the money received by its end, as recorded (the
        sentence says so); None with no burn rate yet, so no forecast of the end."""
        f = self.forecast
        if f.as_at is not None or f.closed:
            return f.left_at_end_pence
        if self.nothing_spent_by_end:
            return received_by(self.receipts, self.fund.end_month) if self.receipts else self.contributions_pence
        return None

    @property
    def nothing_spent_by_end(self) -> bool:
        """Whether the fund's period ended with nothing spent from it (none keyed in a month not complete either)."""
        return self.period_ended and not self.spent_pence and not self.forecast.incomplete

    def merged_words(self, month: Month, said: Callable[[Month], str] = lambda m: m.label) -> str:
        """"Apr-18 also holds spend of May-18 to Jun-18, merged …" for a month in ``merged``; else "". ``said``: how a
        month is named (the board report's "Apr-18"; the page and its export say "Apr 2018")."""
        if month not in self.merged:
            return ""
        first, last = self.merged[month]
        if first == month:  # dated at its stretch's first month: the months after it
            first = month.plus(1)
        elif last == month:  # at its last (a county's row of Jul-18 to Aug-18 dated Aug-18): the months before it
            last = month.plus(-1)
        span = said(first) if first == last else f"{said(first)} to {said(last)}"
        return f"{said(month)} also holds spend of {span}, merged so that no row describes fewer than three victims."

    @property
    def mean_per_victim_pence(self) -> int | None:
        return None if not self.victims else domain.half_up(Fraction(self.spent_pence, self.victims))

    @property
    def median_per_victim_pence(self) -> int | None:
        return domain.median_pence(self.per_victim)

    @property
    def distribution(self) -> list[tuple[str, int]]:
        return domain.distribution(self.per_victim)


# Said with the forecast of a fund whose spend came in part from an office's summary merged across months.
MONTHS_MERGED = ("Part of this spend is from an office's summary, where months of fewer than three victims are "
                 "merged into their quarter (or the whole period): the burn rate here spreads that spend evenly "
                 "over the months it covers, which run across the burn rate's window (or past its month), so the "
                 "burn rate and forecast may differ from the office's own; the totals and balance do not.")


def merged_months(store: Store, fund_id: str) -> dict[Month, tuple[Month, Month]]:
    """The months the fund's summary rows merged across months are dated at (for small numbers: their quarter, or
    the whole period), each with the first and last month of the spend it holds."""
    spans: dict[Month, tuple[Month, Month]] = {}
    for row_id, month in store.rows(f"SELECT id, month FROM {FUND_SUMMARY_TABLE} WHERE fund_id = ? AND "
                                    "substr(id, 1, ?) = ?", (fund_id, len(MOVED_MONTHS_ID), MOVED_MONTHS_ID)):
        if (span := moved_months(row_id)) is None:
            continue
        dated, first, last = Month.parse(month), Month.parse(span[0]), Month.parse(span[1])
        was = spans.get(dated, (first, last))
        spans[dated] = (min(was[0], first), max(was[1], last))
    return spans


def moved_rows(store: Store, fund_id: str) -> list[tuple[Month, Month, Month, int]]:
    """The fund's summary rows merged across months (for small numbers): the month each is dated at, the first and
    last month of its spend, and its pence (domain.spread_merged_spend spreads them for the burn rate)."""
    rows = []
    for row_id, month, pence in store.rows(
            f"SELECT id, month, amount_pence FROM {FUND_SUMMARY_TABLE} WHERE fund_id = ? AND substr(id, 1, ?) = ?",
            (fund_id, len(MOVED_MONTHS_ID), MOVED_MONTHS_ID)):
        if (span := moved_months(row_id)) is not None:
            rows.append((Month.parse(month), Month.parse(span[0]), Month.parse(span[1]), int(pence)))
    return rows


def _moved_months_change(spans: list[tuple[Month, Month]], forecasts: list[FundForecast]) -> bool:
    """Whether summary rows merged across months (their spend spread over them) can make these forecasts' burn
    rates other than the office's: a row whose months run past the month the rate is worked out as at, or across
    the start of its window (a window holding all of a row's months holds all its spend, however it was spread)."""
    for f in forecasts:
        if f.as_at is None:
            continue
        window_start = f.as_at.plus(-(f.window_months - 1))
        for first, last in spans:
            if last > f.as_at or first < window_start <= last:
                return True
    return False


def receipts(store: Store, fund: Fund) -> list[tuple[Month, int, str]]:
    """The fund's contributions as (the month the money counts from, pence, contributor): the month it is received,
    or the fund's first month when it came before the fund began or has no date."""
    return [(month, pence, who) for _, month, pence, who in _dated_receipts(store, fund)]


def _dated_receipts(store: Store, fund: Fund) -> list[tuple[date | None, Month, int, str]]:
    """``receipts`` with the day each is dated (None: no date)."""
    rows = []
    for received_on, pence, who in store.rows(
            "SELECT c.received_on, c.amount_pence, o.name FROM fund_contributions c JOIN organisations o "
            "ON o.id = c.organisation_id WHERE c.fund_id = ? ORDER BY c.received_on, o.name", (fund.id,)):
        day = date.fromisoformat(received_on) if received_on else None
        month = Month.of(day) if day else fund.start_month
        rows.append((day, max(month, fund.start_month), int(pence), who))
    return rows


def received_by(money: list[tuple[Month, int, str]], month: Month) -> int:
    """The pence of ``receipts`` there by ``month`` (money counts from the month it is received)."""
    return sum(p for m, p, _ in money if m <= month)


def spent_past_money(forecast: FundForecast, money: list[tuple[Month, int, str]], month: Month | None) -> int:
    """The pence the spend recorded to the end of ``month`` (one to the burn rate's month) went past the money
    ``receipts`` says was received by then: 0 when it did not, or for a month past the burn rate's (a projection). A
    run-out the spend recorded reached stays one when money received since leaves the fund a balance."""
    if month is None or forecast.as_at is None or month > forecast.as_at or not money:
        return 0
    spent = max((p for m, p in forecast.cumulative if m <= month), default=0)
    return max(0, spent - received_by(money, month))


def money_as_received(forecast: FundForecast, money: list[tuple[Month, int, str]], *,
                      in_hand: tuple[Month, int] | None = None,
                      to_come: list[tuple[Month, int, str]] = ()) -> FundForecast:
    """The forecast with money counted from the month it is received (domain.forecast_fund counts all of it from the
    fund's first month): a month whose spend to date (actual, then at the burn rate) passes the money received by then
    is short. The run-out is the first month of the first shortage not over by the as-at month, nor by the money
    ``in_hand`` (today's month and the pence received by today: a top-up paid since the as-at month is there, even
    with more money due later this month);
    each shortage that money received later ends is said (one over names only the money received: not the ``receipts``
    ``to_come``, dated after today). What is left at the end of the period counts only money
    received by then. With no complete month (no burn rate), the spend keyed in the months not complete is money
    gone: a month it passes the money received by then is short the same way (the run-out, with no forecast)."""
    start = forecast.start or min((m for m, _, _ in money), default=None)
    late = [(m, p, who) for m, p, who in money if start is not None and m > start]
    if not late:
        return forecast
    as_at = forecast.as_at
    if as_at is None:  # no burn rate: only the spend keyed (past all the money contributed: maybe past less first)
        if not forecast.incomplete:
            return forecast
        spend, keyed = {}, dict(forecast.incomplete)
        m, total = forecast.incomplete[0][0], 0
        while m <= forecast.incomplete[-1][0]:
            total += keyed.get(m, 0)
            spend[m] = total
            m = m.plus(1)
    else:
        spend = dict(forecast.cumulative)
        spend.update(forecast.forecast_line)  # from the as-at month on (its first value: the spend to the as-at month)
    line_end = max(spend)
    last = max(line_end, *(m for m, _, _ in late))

    def spent_by(m: Month) -> int:  # past the forecast line: on at the burn rate
        return spend[m] if m in spend else spend[line_end] + domain.half_up(forecast.burn_rate * m.minus(line_end))

    def over(came: Month) -> bool:  # a shortage the money came by then ended is past
        if in_hand is None:
            return came <= (as_at if as_at is not None else line_end)
        month, pence = in_hand  # in today's month, only the money received by today ends it
        return (as_at is not None and came <= as_at) or came < month or (came == month and spent_by(came) <= pence)

    runs: list[list[Month | None]] = []  # [first short month, last short month, month the money came (None: never)]
    m = min(spend)
    while m <= last:
        short = spent_by(m) > received_by(money, m)
        if short and (not runs or runs[-1][2] is not None):
            runs.append([m, m, None])
        elif short:
            runs[-1][1] = m
        elif runs and runs[-1][2] is None:
            runs[-1][2] = m
        m = m.plus(1)
    warnings = []
    for n, (first, end, came) in enumerate(runs):
        if came is None:
            continue
        arrived = [(p, who) for mm, p, who in late if mm == came]
        if over(came):  # "was short … until £… received": not the money still to come this month
            for mm, p, who in to_come:
                if mm == came and (p, who) in arrived:
                    arrived.remove((p, who))
        given = (f"{format_money(sum(p for p, _ in arrived))} received in {came.label} "
                 f"({', '.join(w for _, w in arrived)})")
        span = first.label if first == end else f"{first.label} to {end.label}"
        again = f"; it then runs out again in {runs[n + 1][0].label}" if n + 1 < len(runs) else ""
        warnings.append(f"The fund was short of money from {span}, until {given}: spending passed the money "
                        "received by then." if over(came) else
                        f"Money counts from the month it is received: the fund is short of money from {span}, until "
                        f"{given}{again}.")
    current = next((first for first, _, came in runs if came is None or not over(came)), None)
    if as_at is None:  # the spend keyed is money gone: counted, not left out of "the forecast"
        if forecast.exhaustion_month is not None and current == forecast.exhaustion_month:
            return forecast  # past all the money contributed in the month it passed the money received: as said
        said = [f"{mm.label} is not complete: the {format_money(v)} keyed in it so far is left out of the burn rate."
                for mm, v in forecast.incomplete] if current is not None else list(forecast.warnings)
        if any(first == current and came is None for first, _, came in runs):  # no money to come ends it
            said.append(f"The {format_money(spent_by(current))} keyed by {current.label} is more than the "
                        f"{format_money(received_by(money, current))} received by then: "
                        + domain.gone_words(current, in_hand[0] if in_hand else None))
        return replace(forecast, exhaustion_month=current, warnings=(*said, *warnings))
    later = sum(p for mm, p, _ in late if mm > max(forecast.pilot_end, as_at))
    if not warnings and not later and current == forecast.exhaustion_month:
        return forecast
    return replace(forecast, exhaustion_month=current,
                   lasts_past=forecast.lasts_past if current is None else None,
                   left_at_end_pence=forecast.left_at_end_pence - later,
                   warnings=(*forecast.warnings, *warnings))


def every_month(fund: Fund, by_month: list[tuple[Month, int, int]], merged: dict[Month, tuple[Month, Month]], *,
                last: Month | None) -> list[tuple[Month, int, int]]:
    """Spend per month with every month from the fund's first to ``last`` (and to the last month with spend): £0 and
    0 victims where nothing was spent, as the burn rate counts it. A month whose spend a summary merged into another
    month holds (small numbers) is left out, not £0: its spend is in the marked month that says so."""
    spent = {m: (v, p) for m, v, p in by_month}
    ends = [*spent, *([last] if last is not None else [])]
    if not ends:
        return []
    held_elsewhere = {first.plus(i) for dated, (first, end) in merged.items() for i in range(end.minus(first) + 1)
                      if first.plus(i) != dated}
    rows, month = [], min([fund.start_month, *spent])
    while month <= max(ends):
        if month in spent or month not in held_elsewhere:
            rows.append((month, *spent.get(month, (0, 0))))
        month = month.plus(1)
    return rows


@dataclass(frozen=True)
class _FundReads:
    """What ``fund_figures`` reads of one fund from the file on a day: read once, then worked out as the office's
    figures and, when the Per month table joins months, again as a paper leaving the office may give them. Values
    only, never the connection: the Pooled funds page reads them on its worker thread and hands them on."""

    fund: Fund
    contributors: list[tuple[str, int]]
    district_names: dict[str, str]
    spend_rows: list[tuple]  # district_id, month, item, victims, spend_lines, amount_pence (to today)
    per_victim: list[int]
    described: list[tuple]  # month, item, referral of each spend line to today
    # Summary rows of one or two spend lines to today (id, month, item, spend lines): spend on one or two victims the
    # file holds no referral of (an office's part of a fund at the county).
    few_lines: list[tuple[str, str, str, int]]
    summary_rows: int
    moved: list[tuple[Month, Month, Month, int]]
    dated: list[tuple[date | None, Month, int, str]]
    not_received: tuple[int, str | None]  # pence dated after today, and the first such day
    not_spent: tuple[int, str]
    merged: dict[Month, tuple[Month, Month]]


def _fund_reads(store: Store, fund_id: str, today: date, day_named: bool) -> _FundReads:
    fund = get_fund(store, fund_id)
    contributors = [(r[0], int(r[1])) for r in store.rows(
        "SELECT o.name, sum(c.amount_pence) FROM fund_contributions c JOIN organisations o ON o.id = c.organisation_id "
        "WHERE c.fund_id = ? GROUP BY o.name ORDER BY o.name", (fund_id,))]
    # One pass over the summarised rows (detail through the live view, plus received summaries).
    spend_rows = [tuple(r) for r in store.rows(
        f"SELECT district_id, month, item, victims, spend_lines, amount_pence FROM "
        f"({spend_sql(store, until=today)}) WHERE fund_id = ?", (fund_id,))]
    per_victim = [int(r[0]) for r in store.rows(
        "SELECT sum(s.amount_pence) FROM fund_spend_lines s JOIN fund_referrals r ON r.id = s.referral_id "
        "WHERE r.fund_id = ? AND s.spent_on <= ? GROUP BY r.id", (fund_id, today.isoformat()))]
    described = [tuple(r) for r in store.rows(
        "SELECT DISTINCT substr(s.spent_on, 1, 7), i.name, s.referral_id FROM fund_spend_lines s "
        "JOIN fund_referrals r ON r.id = s.referral_id JOIN fund_items i ON i.id = s.item_id "
        "WHERE r.fund_id = ? AND s.spent_on <= ?", (fund_id, today.isoformat()))]
    summary_rows = int(store.scalar(f"SELECT count(*) FROM {FUND_SUMMARY_TABLE} WHERE fund_id = ?", (fund_id,)))
    few_lines = [(str(r[0]), r[1], r[2], int(r[3])) for r in store.rows(
        f"SELECT id, month, item, spend_lines FROM {FUND_SUMMARY_TABLE} WHERE fund_id = ? AND spend_lines > 0 "
        "AND spend_lines < ? AND month <= ?", (fund_id, SMALL_NUMBER, Month.of(today).iso))] if summary_rows else []
    moved = [r for r in moved_rows(store, fund_id) if r[0] <= Month.of(today)] if summary_rows else []
    not_received = store.one("SELECT coalesce(sum(amount_pence), 0), min(received_on) FROM fund_contributions "
                             "WHERE fund_id = ? AND received_on > ?", (fund_id, today.isoformat()))
    return _FundReads(fund, contributors, {r[0]: r[1] for r in store.rows("SELECT id, name FROM districts")},
                      spend_rows, per_victim, described, few_lines, summary_rows, moved,
                      _dated_receipts(store, fund),  # the money by month, in hand today, and still to come
                      (int(not_received[0]), not_received[1]),
                      not_spent_yet(store, fund_id, today, day_named=day_named),
                      merged_months(store, fund_id) if summary_rows else {})


def fund_figures(store: Store, fund_id: str, *, as_at: Month | None = None, window: int = 3,
                 today: date | None = None, keyed_to: date | None = None, day_named: bool = False) -> FundFigures:
    """Balance, spend by district/item/month, victims, burn rate and forecast (detail plus summaries).

    ``today``: the day the figures are the position on (None: the machine's). ``day_named``: the warnings name it
    ("dated after 31/03/2019") rather than call it today, for a board report as at a day gone by; the figures are
    the same, but for that day being over: a month ending on it is complete (as at 30/06/2018, June's spend is all
    in the burn rate).

    The current month (of ``today``) and months after the fund's spend-keyed-to date (or ``keyed_to``)
    are incomplete: left out of the burn rate, and said to be (a fund's last month is complete once keyed to, or
    past, the fund's last day). The forecast is also given over 3-, 6-
    and 12-month windows (``ranges``).

    ``joined``: the stretches of months (first, last) a paper leaving the office gives only together (small numbers:
    ``months_shared``); the figures are then worked out as that paper may give them (``FundFigures.shared``): a
    stretch running into a month not complete is not complete as a whole, its spend so far given for the stretch,
    never a month of it alone; a burn-rate window (each of the range's too) cutting a stretch is widened to take it
    whole (``disclosure.run_given``: "the 4 months to Oct-18"); a month chosen inside a stretch runs to its end, or
    to the month before it when the stretch runs into a month not complete. The office's figures carry them
    (``given``) when the table joins months, worked out from the same reads of the file: it is read once.
    """
    today = today or date.today()
    reads = _fund_reads(store, fund_id, today, day_named)
    figures = _figures_from(reads, as_at=as_at, window=window, today=today, keyed_to=keyed_to, day_named=day_named)
    months = figures.month_rows
    stretches = tuple((months[s.start][0], months[s.stop - 1][0]) for s in _month_spans(figures) if len(s) > 1)
    if not stretches:
        return figures
    given = _figures_from(reads, as_at=as_at, window=window, today=today, keyed_to=keyed_to, day_named=day_named,
                          joined=stretches)
    # The table's rows are the office's (the same spans): only the forecast and what it counts as complete differ.
    return replace(figures, given=replace(figures, forecast=given.forecast, ranges=given.ranges,
                                          incomplete_from=given.incomplete_from, joined_until=given.joined_until,
                                          given_words=_given_window_words(figures, given, stretches)))


def joined_stretches(figures: FundFigures) -> list[tuple[Month, Month]]:
    """The stretches of months (first, last) a paper leaving the office gives only together (``months_shared``)."""
    months = figures.month_rows
    return [(months[s.start][0], months[s.stop - 1][0]) for s in _month_spans(figures) if len(s) > 1]


def stretches_said(stretches, said: Callable[[Month], str] = lambda m: m.label, *, given: bool = True) -> str:
    """"Jul-18 is given only together with Aug-18" (``given``), or "Jul-18 only together with Aug-18", for each
    stretch (joined by "; "); three months or more "Jul-18 to Sep-18 are given only together"."""
    parts = []
    for first, last in stretches:
        if last == first.plus(1):
            parts.append(f"{said(first)} {'is given ' if given else ''}only together with {said(last)}")
        else:
            parts.append(f"{said(first)} to {said(last)} {'are given ' if given else ''}only together")
    return "; ".join(parts)


def stretches_near(stretches, *forecasts: FundForecast) -> list[tuple[Month, Month]]:
    """The stretches that the forecasts' burn-rate windows reach (all of them when none does)."""
    windows = [(f.as_at.plus(-(f.window_months - 1)), f.as_at) for f in forecasts if f.as_at is not None]
    near = [(a, b) for a, b in stretches if any(a <= last and b >= first for first, last in windows)]
    return near or list(stretches)


def _given_window_words(own: FundFigures, given: FundFigures, stretches) -> str:
    """What the fund report says under its figures when its burn rate (or a window of its range) runs over other
    months than the page's: over which, and why ("" when they are the same months). Its rows keep their names
    (monthly_burn_rate_3m is the figure for the 3-month window, worked out over 4 months where it is widened)."""
    mine, theirs = own.forecast, given.forecast
    said = []
    if theirs.as_at is not None and (theirs.as_at, theirs.window_months) != (mine.as_at, mine.window_months):
        instead = (f", not {mine.window_months}" if mine.as_at == theirs.as_at else
                   f", not the {counted(mine.window_months, 'month')} to {mine.as_at.label}"
                   if mine.as_at is not None else "")
        said.append(f"The burn rate is worked out over the {counted(theirs.window_months, 'month')} to "
                    f"{theirs.as_at.label}{instead}: "
                    f"{stretches_said(stretches_near(stretches, mine, theirs))} (small numbers), and a rate over "
                    "part of them would tell a month's spend this report withholds.")
    pairs = zip(own.ranges.forecasts, given.ranges.forecasts, given.ranges.windows) \
        if own.ranges is not None and given.ranges is not None else ()
    widened = [(w, b) for a, b, w in pairs if b.as_at is not None and b.window_months > w
               and (a.as_at, a.window_months) != (b.as_at, b.window_months)]
    if widened:
        those = [f"the {w}-month figures (the _{w}m rows) are over those {b.window_months} months too"
                 if (b.as_at, b.window_months) == (theirs.as_at, theirs.window_months) else
                 f"the {w}-month figures (the _{w}m rows) are over the {counted(b.window_months, 'month')} to "
                 f"{b.as_at.label}" for w, b in widened]
        if not said:
            said.append(f"{stretches_said(stretches_near(stretches, *(b for _, b in widened)))} (small numbers):")
        said.append(f"{in_words(those)[0].upper()}{in_words(those)[1:]}, so as not to split them.")
    return " ".join(said)


def _figures_from(reads: _FundReads, *, as_at: Month | None, window: int, today: date, keyed_to: date | None,
                  day_named: bool, joined: tuple[tuple[Month, Month], ...] = ()) -> FundFigures:
    """``fund_figures`` worked out from what it read (``joined``: the stretches a paper leaving the office gives
    together, as its docstring says)."""
    from safer_desk.domain.disclosure import run_given

    fund = reads.fund
    keyed_to = keyed_to or fund.spend_keyed_to
    incomplete_from = domain.first_incomplete_month(today=today, keyed_to=keyed_to, ends_on=fund.ends_on,
                                                   day_over=day_named)
    for first, last in joined:  # a stretch given together runs into a month not complete: not complete as a whole
        if incomplete_from is not None and first < incomplete_from <= last:
            incomplete_from = first
    for first, last in joined:  # a month chosen inside a stretch: its end, or before it when that is not complete
        if as_at is not None and first <= as_at < last:
            as_at = last if incomplete_from is None or last < incomplete_from else (
                first.plus(-1) if first > fund.start_month else None)
    # Said to be keyed to a date: the months up to it are complete, those with no spend too (spend that stopped).
    complete_to = incomplete_from.plus(-1) if keyed_to else None
    contributors = reads.contributors
    contributions_total = sum(v for _, v in contributors)
    district_names = reads.district_names
    districts: dict[str | None, list[int]] = {}
    items: dict[str, list[int]] = {}
    months: dict[str, list[int]] = {}
    for r in reads.spend_rows:
        d = districts.setdefault(r[0], [0, 0])
        d[0] += r[3]
        d[1] += r[5]
        i = items.setdefault(r[2], [0, 0])
        i[0] += r[4]
        i[1] += r[5]
        m = months.setdefault(r[1], [0, 0])
        m[0] += r[3]
        m[1] += r[5]
    # A blank district is a summary row merged so that no row describes fewer than three victims.
    by_district = sorted(((district_names.get(k) or (OTHER_DISTRICTS if k is None else UNKNOWN_DISTRICT), v[0], v[1])
                          for k, v in districts.items()),
                         key=lambda t: district_order(t[0]))
    by_item = sorted(((k, v[0], v[1]) for k, v in items.items()), key=lambda t: t[0].casefold())
    by_month = sorted((Month.parse(k), v[0], v[1]) for k, v in months.items())
    per_victim = list(reads.per_victim)
    described: dict[Month, set[str]] = {}
    item_described: dict[str, set[str]] = {}
    for month, item, referral in reads.described:
        described.setdefault(Month.parse(month), set()).add(referral)
        item_described.setdefault(item, set()).add(referral)
    # A summary row of one or two spend lines was spent on one or two victims, though the file holds none of their
    # referrals (the county's, of an office's part: "Jul-18: 0 victims, £45" on one helped before): each line one.
    for row_id, month, item, lines in reads.few_lines:
        victims = {f"{row_id}#{k}" for k in range(lines)}
        described.setdefault(Month.parse(month), set()).update(victims)
        item_described.setdefault(item, set()).update(victims)
    summary_rows = reads.summary_rows
    spent = sum(v for _, _, v in by_month)
    victims = sum(v for _, v, _ in by_month)
    # Spend an office's summary merged across months (small numbers) is spread over them for the burn rate.
    moved = reads.moved
    monthly = domain.spread_merged_spend({m: v for m, _, v in by_month}, moved, incomplete_from=incomplete_from)
    joined_until = {}
    for first, last in joined:  # months not complete given together: their spend so far as one, at the first
        if incomplete_from is not None and first >= incomplete_from:
            monthly[first] = sum(monthly.pop(first.plus(k), 0) for k in range(last.minus(first) + 1))
            joined_until[first] = last

    def window_given(w: int, at: Month | None) -> int:  # a window cutting a stretch given together takes it whole
        if at is None or not joined:
            return w
        first = fund.start_month if w > at.minus(fund.start_month) else at.plus(-(w - 1))
        return max(w, at.minus(run_given(first, at, joined)[0]) + 1)

    def forecast_over(w: int) -> FundForecast:
        return domain.forecast_fund(contributions_total, monthly, start=fund.start_month, end=fund.end_month,
                                    as_at=as_at, window=w, incomplete_from=incomplete_from, complete_to=complete_to,
                                    over_before=Month.of(today))

    forecast = forecast_over(window)
    if (widened := window_given(window, forecast.as_at)) != window:
        forecast = forecast_over(widened)
    if joined:
        ranges = domain.ForecastRange(tuple(forecast_over(window_given(w, forecast.as_at))
                                            for w in domain.FORECAST_WINDOWS), domain.FORECAST_WINDOWS)
    else:
        ranges = domain.forecast_range(contributions_total, monthly, start=fund.start_month, end=fund.end_month,
                                       as_at=as_at, incomplete_from=incomplete_from, complete_to=complete_to)
    dated = reads.dated
    money = [(month, pence, who) for _, month, pence, who in dated]
    if fund.status == "closed":  # its spend is as reported: the money received by the period's end less it is left
        left = received_by(money, fund.end_month) - spent
        forecast = domain.closed_forecast(forecast, left)
        if ranges is not None:
            ranges = replace(ranges, forecasts=tuple(domain.closed_forecast(f, left) for f in ranges.forecasts))
    else:
        seen = today or date.today()
        # Today's month and the pence received by today (money dated later this month is still to come).
        in_hand = Month.of(seen), sum(p for on, _, p, _ in dated if on is None or on <= seen)
        to_come = [(m, p, who) for on, m, p, who in dated if on is not None and on > seen]
        forecast = money_as_received(forecast, money, in_hand=in_hand, to_come=to_come)
        if ranges is not None:
            ranges = replace(ranges, forecasts=tuple(money_as_received(f, money, in_hand=in_hand, to_come=to_come)
                                                     for f in ranges.forecasts))
        if today > fund.ends_on:  # ended: a burn rate run to its last month has nothing after it to project
            def to_end(f: FundForecast) -> FundForecast:
                return domain.spent_to_end_forecast(f) if f.as_at is not None and f.as_at >= fund.end_month else f

            forecast = to_end(forecast)
            if ranges is not None:
                ranges = replace(ranges, forecasts=tuple(map(to_end, ranges.forecasts)))
    not_received, first_due = reads.not_received
    if not_received:
        forecast = replace(forecast, warnings=(*forecast.warnings, (
            f"{format_money(not_received)} of the contributions is dated after {_day_said(today, day_named)} (the "
            "first on "
            f"{date.fromisoformat(first_due):%d/%m/%Y}): it is not in the balance until it is received.")))
    not_spent, later = reads.not_spent
    if later:
        forecast = replace(forecast, warnings=(*forecast.warnings, later))
    if said := _run_out_over_words(forecast, contributions_total - int(not_received) - spent, today,
                                   closed=fund.status == "closed" or today > fund.ends_on, money=money):
        forecast = replace(forecast, warnings=(*forecast.warnings, said))
    merged = reads.merged
    spans = [(first, last) for _, first, last, _ in moved]
    if spans and _moved_months_change(spans, [forecast, *ranges.forecasts]):
        forecast = replace(forecast, warnings=(*forecast.warnings, MONTHS_MERGED))
    # The months to list: to the as-at month (the last keyed), never past the fund's end or the current month.
    last = min(forecast.as_at, fund.end_month, Month.of(today or date.today())) if forecast.as_at else None
    if joined:
        def words(f: FundForecast) -> FundForecast:
            return replace(f, warnings=tuple(_joined_words(w, joined_until, joined, f.as_at) for w in f.warnings))

        forecast = words(forecast)
        if ranges is not None:
            ranges = replace(ranges, forecasts=tuple(map(words, ranges.forecasts)))
    figures = FundFigures(fund, contributions_total, spent, victims, by_district, by_item, by_month, per_victim,
                          summary_rows, forecast, contributors, ranges, incomplete_from, merged,
                          keyed_to, every_month(fund, by_month, merged, last=last),
                          int(not_received), money, not_spent, today > fund.ends_on, today,
                          [(pence, who) for on, _, pence, who in dated
                           if on is not None and fund.ends_on < on <= today],
                          {m: frozenset(v) for m, v in described.items()},
                          {k: frozenset(v) for k, v in item_described.items()}, joined_until)
    return figures


def _joined_words(said: str, joined_until: dict[Month, Month], joined: tuple[tuple[Month, Month], ...] = (),
                  as_at: Month | None = None) -> str:
    """A forecast's words of spend keyed in a month not complete, for months given together (``joined_until``: each
    stretch's first month, where its spend so far is counted, and its last): "Jul-18 to Aug-18 are not complete: the
    £450 keyed in them so far …", never one month's spend alone. Nor the as-at month's spend against the average of
    the months before it ("Aug-18's spend (£60) is under half …") when those months are given together with others
    (``joined``): August's £60 less the joined row would be July's; the words stay, without the figures."""
    import re

    if as_at is not None and any(a <= as_at and as_at.plus(-3) <= b and a != b for a, b in joined):
        said = re.sub(rf"^{re.escape(as_at.label)}'s spend \(\S+\) is under half the average of the months before "
                      r"it \(\S+\)", f"{as_at.label}'s spend is under half the average of the months before it", said)

    for first, last in joined_until.items():
        if first == last:
            continue
        said = re.sub(rf"^{re.escape(first.label)} is not complete: the (\S+) keyed in it so far",
                      rf"{first.label} to {last.label} are not complete: the \1 keyed in them so far", said)
        said = said.replace(f"counts it as {first.label}'s spend", f"counts it as spent in {first.label}")
    return said


def _run_out_over_words(forecast: FundForecast, balance_pence: int, today: date, *, closed: bool,
                        money: list[tuple[Month, int, str]] = ()) -> str:
    """What the forecast says when its run-out month is already over while the spend recorded to ``today`` leaves
    money in the fund (``balance_pence``): a projection from the burn rate's month that the spend recorded since does
    not bear out (spend not keyed, or stopped), not a forecast. "" otherwise: a closed or ended fund says what it is,
    and a run-out the spend recorded reached is what happened (``forecast_sentence`` says it ran out)."""
    out = forecast.exhaustion_month
    if closed or out is None or forecast.as_at is None or not out < Month.of(today) or balance_pence <= 0:
        return ""
    if spent_past_money(forecast, list(money), out):  # it ran out, money received since making the balance
        return ""
    return (f"At this rate the money would have run out in {out.label}, a month already over, yet "
            f"{format_money(balance_pence)} is left as recorded on {today:%d/%m/%Y}: the run-out is a projection from "
            f"{forecast.as_at.label} that the spend recorded since does not bear out, not a forecast.")


def _day_said(today: date, day_named: bool) -> str:
    """"today", or the day itself ("31/03/2019") when the figures are a report's as at a day gone by."""
    return f"{today:%d/%m/%Y}" if day_named else "today"


def not_spent_yet(store: Store, fund_id: str, today: date, *, day_named: bool = False) -> tuple[int, str]:
    """The pence of the spend dated after ``today`` (it has not happened yet, so the figures on that day leave it out)
    and what they say of it ("" when there is none; ``day_named``: "after 31/03/2019", not "after today"). A summary
    received from an office is dated by its month only."""
    pence, first = store.one("SELECT coalesce(sum(s.amount_pence), 0), min(s.spent_on) FROM fund_spend_lines s "
                             "JOIN fund_referrals r ON r.id = s.referral_id WHERE r.fund_id = ? AND s.spent_on > ?",
                             (fund_id, today.isoformat()))
    summed, month = store.one(f"SELECT coalesce(sum(amount_pence), 0), min(month) FROM {FUND_SUMMARY_TABLE} "
                              "WHERE fund_id = ? AND month > ?", (fund_id, Month.of(today).iso))
    if not pence and not summed:
        return 0, ""
    when = [f"the first on {date.fromisoformat(first):%d/%m/%Y}"] if first else []
    when += [f"{format_money(summed)} of it in offices' summaries from {Month.parse(month).label}"] if summed else []
    total = int(pence) + int(summed)
    return total, (f"{format_money(total)} of the spend is dated after {_day_said(today, day_named)} "
                   f"({'; '.join(when)}): it is not in the "
                   "spend, the balance or the forecast until then.")


def fund_report_rows(figures: FundFigures, *, shared: bool = False) -> list[tuple[str, str]]:
    """The figures as name,value pairs (pounds as plain numbers), for the command line and exports.

    ``shared``: for an export leaving the office file, a fund of one or two victims says "fewer than 3" and gives no
    mean (``victims_shared``); the command line prints the office's own figures."""
    from safer_desk.domain.money import format_pounds_plain

    f = figures.forecast
    victims, mean = victims_shared(figures) if shared else (figures.victims, figures.mean_per_victim_pence)
    return [
        ("fund", figures.fund.name_said),
        ("period", f"{figures.fund.starts_on.isoformat()} to {figures.fund.ends_on.isoformat()}"),
        ("status", status_word(figures)),
        ("contributions", format_pounds_plain(figures.contributions_pence)),
        ("spend", format_pounds_plain(figures.spent_pence)),
        ("balance", format_pounds_plain(figures.balance_pence)),
        ("victims", str(victims)),
        ("mean_spend_per_victim", "" if mean is None else format_pounds_plain(mean)),
        ("burn_rate_as_at_month", f.as_at.iso if f.as_at else ""),
        ("burn_rate_window_months", str(f.window_months)),
        # With no complete month of spend there is no burn rate (the window's "—"), not one of £0 a month.
        ("monthly_burn_rate", format_pounds_plain(f.burn_rate_pence) if f.as_at is not None else ""),
        ("forecast_exhaustion_month", f.exhaustion_month.iso if f.exhaustion_month else ""),
        ("last_fully_funded_month", f.last_funded_month.iso if f.last_funded_month else ""),
        ("period_end_month", f.pilot_end.iso),
        # With no complete month there is no burn rate, so no forecast of what is left at the end.
        ("left_at_period_end", "" if (left := figures.left_at_end_pence) is None else format_pounds_plain(left)),
        ("spend_keyed_to", figures.keyed_to.isoformat() if figures.keyed_to else ""),
        ("incomplete_months_left_out", "; ".join(f"{incomplete_said(figures, m, lambda m: m.iso)}: "
                                                 f"{format_pounds_plain(v)}" for m, v in f.incomplete)),
        *_range_rows(figures),
        ("forecast_warnings", " ".join([*f.warnings, *([figures.given_words] if shared and figures.given_words
                                                       else [])])),
        *kind_rows(figures),  # after every row there was: what each run-out month and the end's figure is
        # Contributions dated after today: in "contributions", not yet in "balance" (contributions less this, less
        # spend, is the balance); only the warnings said so, and the rows did not add up.
        ("contributions_not_received", format_pounds_plain(figures.not_received_pence)),
        # Spend keyed for after today: recorded (the Referrals table's tooltips and Spend lines show it) but not in
        # "spend" yet; spend plus this is every line recorded.
        ("spend_dated_after_today", format_pounds_plain(figures.not_spent_pence)),
    ]


def incomplete_said(figures: FundFigures, month: Month, said: Callable[[Month], str] = lambda m: m.label) -> str:
    """A month not complete as the figures list its spend so far: "2018-07", or for months a paper gives together
    (``FundFigures.joined_until``: their spend so far counted at the first) "2018-07 to 2018-08"."""
    last = figures.joined_until.get(month, month)
    return said(month) + (f" to {said(last)}" if last != month else "")


def kind_rows(figures: FundFigures) -> list[tuple[str, str]]:
    """What each run-out month and the end's figure of ``fund_report_rows`` is, as name,value pairs the command line
    prints after every row there was (none renamed or changed): "forecast", "ran_out", "projected" or "recorded"."""
    ranged = zip(figures.ranges.windows, figures.ranges.forecasts) if figures.ranges else ()
    return [("forecast_exhaustion_month_kind", run_out_kind(figures, figures.forecast.exhaustion_month)),
            *((f"forecast_exhaustion_month_{window}m_kind", run_out_kind(figures, each.exhaustion_month))
              for window, each in ranged),
            ("left_at_period_end_kind", left_at_end_kind(figures))]


def run_out_kind(figures: FundFigures, month: Month | None) -> str:
    """What a run-out month of the figures is, for a script reading the command line's rows: "forecast" (a month to
    come, the fund running), "ran_out" (a month already over, or of a fund whose period ended, that the spend recorded
    reached: nothing is left), "projected" (such a month the spend recorded does not bear out: money is left, as
    ``run_out_projected`` and an ended fund's projection say); "" with no month."""
    if month is None:
        return ""
    this_month = Month.of(figures.today) if figures.today is not None else None
    if this_month is None or (not figures.period_ended and not month < this_month):
        return "forecast"
    # Past the money received by then on the spend recorded, it ran out, whatever money came since (a top-up).
    reached = spent_past_money(figures.forecast, figures.receipts, month)
    return "ran_out" if reached or (figures.balance_pence <= 0 and month <= this_month) else "projected"


def left_at_end_kind(figures: FundFigures) -> str:
    """What left_at_period_end is: "forecast" (the fund running), "projected" (a fund whose period ended, from a
    burn-rate month before its last: ``projected``), "recorded" (closed, or ended with the burn rate to its last
    month: what the spend recorded leaves); "" when there is no figure (no burn rate yet)."""
    f = figures.forecast
    if f.closed or (f.as_at is None and figures.nothing_spent_by_end):
        return "recorded"
    if f.as_at is None:
        return ""
    if figures.period_ended:
        return "projected" if figures.projected else "recorded"
    return "forecast"


def status_word(figures: FundFigures) -> str:
    """"open", "closed" (in Fund settings), "ended": open in Fund settings, but today is past its last day, so
    nothing more can be spent from it (not "open" with a run-out in the future tense), or "not_begun": today is
    before its first day."""
    if figures.fund.status == "closed":
        return "closed"
    return "ended" if figures.period_ended else "not_begun" if figures.not_begun else "open"


def _range_rows(figures: FundFigures) -> list[tuple[str, str]]:
    from safer_desk.domain.money import format_pounds_plain

    rows = []
    for window, f in zip(figures.ranges.windows, figures.ranges.forecasts) if figures.ranges else ():
        rate = format_pounds_plain(f.burn_rate_pence) if f.as_at is not None else ""  # no complete month: no rate
        rows.append((f"monthly_burn_rate_{window}m", rate))
        rows.append((f"forecast_exhaustion_month_{window}m", f.exhaustion_month.iso if f.exhaustion_month else ""))
    return rows


def forecast_sentence(figures: FundFigures) -> str:
    f = figures.forecast
    if f.closed:
        left = (f"{format_money(f.left_at_end_pence)} is left at the end of the period" if f.left_at_end_pence >= 0
                else f"{format_money(-f.left_at_end_pence)} is missing at the end of the period")
        return " ".join([f"The fund is closed: nothing more is spent from it, so it does not run out; {left} "
                         f"({f.pilot_end.label}).",
                         *(w for w in f.warnings if w != domain.CLOSED)])
    if figures.period_ended:
        return ended_sentence(figures)
    # Spent past the money received, said first: the rest reads as a forecast, and the run-out month may be to come.
    # A run-out month over says it already ("ran out in Nov-26: £600 more than the £5,000 received is spent").
    overspent = overspent_words(figures)
    if overspent and not (getattr(figures, "run_out_over", False) and f.last_funded_month is not None):
        return f"{overspent} {_open_forecast_sentence(figures)}"
    return _open_forecast_sentence(figures)


def overspent_words(figures: FundFigures) -> str:
    """"The fund is overspent: £600 more than the £5,000 received is already spent." when the spend recorded is
    past the money received (the balance is below £0); "" otherwise."""
    balance = getattr(figures, "balance_pence", 0)  # 0 for figures of no fund (a forecast alone)
    if balance >= 0:
        return ""
    received = figures.contributions_pence - figures.not_received_pence
    return (f"The fund is overspent: {format_money(-balance)} more than the {format_money(received)} received is "
            "already spent.")


def _open_forecast_sentence(figures: FundFigures) -> str:
    """``forecast_sentence`` of a fund neither closed nor past its period."""
    f = figures.forecast

    def rate() -> str:  # only with spend: before any, there is no month the rate is "as at"
        months = counted(f.window_months, "month")
        return f"At {format_money(f.burn_rate_pence)} a month (the {months} to {f.as_at.label})"

    if (f.exhaustion_month is None and f.lasts_past is not None and not f.burn_rate_pence
            and getattr(figures, "spent_pence", None) == 0 and figures.left_at_end_pence is not None):
        # Nothing spent in the months keyed to (Spend keyed to set on a fund with no spend): what the months say,
        # not a forecast fifty years long.
        keyed = getattr(figures, "keyed_to", None)  # the month keyed to, or one chosen (--as-at) before it
        said = ", the last month spend is keyed to" if keyed is not None and Month.of(keyed) == f.as_at else ""
        return " ".join([f"Nothing spent to {f.as_at.label}{said}: at £0 a month the fund does not run out, and"
                         f" {format_money(figures.left_at_end_pence)} would be left at the "
                         f"end of the period ({f.pilot_end.label}).", *f.warnings])
    if f.exhaustion_month is None and f.lasts_past is not None:  # spend, but none (or next to none) lately
        lasts = f"{f.lasts_past.first_day:%B %Y}"  # the year whole: "Mar-69" would read as 1969
        range_text = range_sentence(figures)  # other windows may run out: the range shows this window's luck
        return " ".join([f"{rate()}, the fund does not run out: it lasts past {lasts}, as far as the forecast looks "
                         f"({domain.FORECAST_YEARS} years past the period's end).",
                         *([range_text] if range_text else []), *f.warnings])
    if f.as_at is None and f.exhaustion_month is not None:  # no burn rate, but the spend keyed is past the fund
        return " ".join(["No complete month of spend yet, so no burn rate.", *f.warnings])
    if f.exhaustion_month is None and getattr(figures, "not_begun", False):
        return " ".join([f"The fund begins on {format_uk_date(figures.fund.starts_on)}: no spend yet, so no forecast.",
                         *f.warnings])
    if f.exhaustion_month is None:
        return " ".join(["No spend yet, so no forecast." if not f.incomplete else
                         "No complete month of spend yet, so no forecast.", *f.warnings])
    end_text = (f"{format_money(f.left_at_end_pence)} would be left at the end of the period ({f.pilot_end.label})"
                if f.left_at_end_pence >= 0 else
                f"{format_money(-f.left_at_end_pence)} would be missing by the end of the period ({f.pilot_end.label})")
    # A run-out already over is what happened, or a projection from a month past: not a range of months to come.
    over = getattr(figures, "run_out_over", False)  # False for figures of no day (a forecast alone)
    range_text = "" if over else range_sentence(figures)
    if over and f.last_funded_month is not None:  # a month over: what happened, or a projection
        covered = f"the fund covered spending to {f.last_funded_month.label}"
        if figures.balance_pence < 0:
            received = figures.contributions_pence - figures.not_received_pence
            covers = (f"{covered} and ran out in {f.exhaustion_month.label}: {format_money(-figures.balance_pence)} "
                      f"more than the {format_money(received)} received is spent")
        elif figures.balance_pence == 0:
            covers = f"{covered} and has nothing left"
        elif past := spent_past_money(f, figures.receipts, f.exhaustion_month):  # topped up since it ran out
            received = received_by(figures.receipts, f.exhaustion_month)
            covers = (f"{covered} and ran out in {f.exhaustion_month.label}: {format_money(past)} more than the "
                      f"{format_money(received)} received by then was spent; money received since makes the "
                      f"balance {format_money(figures.balance_pence)}")
        else:  # run_out_projected: the warning says what it is
            covers = (f"the fund would have covered spending to {f.last_funded_month.label} and run out in "
                      f"{f.exhaustion_month.label}")
    elif f.last_funded_month is not None:
        covers = (f"the fund covers spending to {f.last_funded_month.label} and runs out in "
                  f"{f.exhaustion_month.label}")
    elif f.fund_pence <= 0:  # never "covers spending to" a month before the fund began
        covers = (f"nothing has been contributed to the fund yet, so it covers no month's spending: it ran out in "
                  f"{f.exhaustion_month.label}")
    else:
        covers = f"the fund did not cover its first month's spending: it ran out in {f.exhaustion_month.label}"
    return " ".join([f"{rate()}, {covers}; {end_text}.", *([range_text] if range_text else []), *f.warnings])


FORECAST_SERIES = "Forecast at the recent rate"


def forecast_series_name(figures: FundFigures) -> str:
    """The burn-down chart's forecast line, in the window and the board report: the forecast at the recent rate, or
    for a fund whose period has ended, what it is (``ended_sentence``): "Projected from Jun-18"."""
    f = figures.forecast
    return f"Projected from {f.as_at.label}" if figures.projected and f.as_at is not None else FORECAST_SERIES


RUN_OUT_SHOWN_MONTHS = 12  # how far past the period's end a burn-down chart follows a forecast to its run-out
PAST_THE_CHART = "past the end of this chart (a year after the period's end)"  # a run-out said, not drawn


def forecast_within_chart(figures: FundFigures) -> tuple[list[tuple[Month, int]], bool]:
    """The forecast line a burn-down chart draws (the window's and the board report's alike), and whether the run-out
    lies past it: to the period's end, or on to the run-out when that comes within a year of it; a run-out later than
    that (£60 a month of £20,000 lasts to 2052) is said, not drawn, so the months the officer keyed are not squeezed
    into the chart's left edge."""
    f = figures.forecast
    limit = f.pilot_end.plus(RUN_OUT_SHOWN_MONTHS)
    line = [(m, p) for m, p in f.forecast_line if m <= limit]
    return line, f.exhaustion_month is not None and f.exhaustion_month > limit


def months_over_at_nothing(figures: FundFigures) -> list[Month]:
    """The months a fund with no burn rate yet has over, its first to the last before the first month not complete
    (within its period): a burn-down chart draws its spend to date at £0 through them (the window's and the board
    report's), and the fund report's *Forecast* sheet lists them so."""
    start, incomplete = figures.fund.start_month, figures.incomplete_from
    return [start.plus(k) for k in range(figures.fund.end_month.minus(start) + 1)
            if incomplete is None or start.plus(k) < incomplete]


def exhaustion_words(figures: FundFigures) -> str:
    """The chart's run-out mark, as the sentence says the month: "Runs out" (a month to come), "Ran out" (a month over
    that the spend recorded reached: ``run_out_kind``'s "ran_out"), or "Would have run out" (a projection: an ended
    fund's, or a month over that the spend recorded since does not bear out)."""
    if run_out_kind(figures, figures.forecast.exhaustion_month) == "ran_out":
        return "Ran out"
    return "Would have run out" if figures.projected or figures.run_out_projected else "Runs out"


def ended_sentence(figures: FundFigures) -> str:
    """What an open fund whose period has ended says: that it ended, what is recorded as spent and left unspent of
    the money received by its end, and the forecast only as a projection from the burn-rate month (none when the
    burn rate runs to the last month: what is recorded is then the whole story)."""
    f, fund = figures.forecast, figures.fund
    received = received_by(figures.receipts, fund.end_month) if figures.receipts else figures.contributions_pence
    left = received - figures.spent_pence
    spent = (f"{format_money(figures.spent_pence)} is recorded as spent, so " if figures.spent_pence
             else "nothing is recorded as spent, so ")
    since = figures.received_since_end  # in the balance, not in what was left at the end: said, not left a puzzle
    got = f"{format_money(received)} received" + (" by then" if since else "")
    unspent = (f"all {got} is left unspent" if not figures.spent_pence else
               f"{format_money(left)} of the {got} is left unspent as recorded"
               if left >= 0 else f"{format_money(-left)} more than the {got} was spent")
    later = (f"; {format_money(sum(p for p, _ in since))} received since "
             f"({', '.join(dict.fromkeys(name for _, name in since))}) makes the balance "
             f"{format_money(figures.balance_pence)}") if since else ""
    said = [f"The fund's period ended on {fund.ends_on:%d/%m/%Y}: {spent}{unspent}{later}."]
    out = f.exhaustion_month
    if out is not None and f.as_at is not None and out <= f.as_at and run_out_kind(figures, out) == "ran_out":
        # The spend recorded reached it, before the month a projection would run from: what happened, not a
        # projection (it was said as one: "would have … run out in Mar-20", projected from Apr-20).
        covered = f", having covered spending to {f.last_funded_month.label}" if f.last_funded_month else ""
        said.append(f"It ran out in {out.label} on the spend recorded{covered}.")
    elif figures.projected:
        rate = (f"Projected from {f.as_at.label} at {format_money(f.burn_rate_pence)} a month (the "
                f"{counted(f.window_months, 'month')} to {f.as_at.label})")
        if f.exhaustion_month is None:
            course = "not have run out"
        elif f.last_funded_month is not None:
            course = f"covered spending to {f.last_funded_month.label} and run out in {f.exhaustion_month.label}"
        else:
            course = f"run out in {f.exhaustion_month.label}"
        end = (f"{format_money(f.left_at_end_pence)} left" if f.left_at_end_pence >= 0
               else f"{format_money(-f.left_at_end_pence)} missing")
        said.append(f"{rate}, the fund would have {course}, with {end} at the period's end ({f.pilot_end.label}): "
                    "a projection, not spend recorded.")
    elif f.as_at is not None and not f.closed:  # the burn rate runs to the last month: the rate it was spent at
        said.append(f"It was spent at {format_money(f.burn_rate_pence)} a month (the "
                    f"{counted(f.window_months, 'month')} to {f.as_at.label}).")
    said += f.warnings
    said.append("When its spend is all keyed, close it in Fund settings…: its spend then stays as recorded.")
    return " ".join(said)


def range_sentence(figures: FundFigures) -> str:
    """"Over 3, 6 and 12 months of spend the fund runs out between … ." ("" without a forecast)."""
    # A window's run-out in a month already over (the fund still running) is a projection, not a month to come.
    today = getattr(figures, "today", None)  # None for figures of no day (a forecast alone)
    over_before = Month.of(today) if today is not None and not figures.period_ended else None
    text = figures.ranges.describe(over_before=over_before) if figures.ranges else ""
    return f"Over 3-, 6- and 12-month windows the fund {text}." if text else ""


# -- undo: a fund's or referral's rows before and after an action -----------------------------

@dataclass(frozen=True)
class RowsSnapshot:
    """A fund's, referral's or catalogue item's rows as they were (parts None: it did not exist)."""

    kind: str  # "fund" | "referral" | "item"
    key: str
    parts: tuple[snapshots.Part, ...] | None


# Each kind's own table first, then the rows that belong to it.
# A fund's referrals are in its rows for Fund settings, whose change of rules takes a reason off a referral meeting
# them (``update_fund``).
_ROWS = {"fund": ("funds", {"funds": "id = ?", "fund_contributions": "fund_id = ?", "fund_referrals": "fund_id = ?"}),
         "referral": ("fund_referrals", {"fund_referrals": "id = ?", "fund_spend_lines": "referral_id = ?"}),
         "item": ("fund_items", {"fund_items": "id = ?"})}


def snapshot(store: Store, kind: str, key: str) -> RowsSnapshot:
    if kind not in _ROWS:
        raise ValueError(kind)
    root, rows = _ROWS[kind]
    return RowsSnapshot(kind, key, snapshots.take_record(store.conn, root, key, rows))


def restore(store: Store, snap: RowsSnapshot) -> None:
    """Put the rows back as they were, writing only what differs: the fund's other contributions (a referral's
    other spend lines) are not touched, so the History of Changes reads as the one change undone."""
    with store.transaction():
        snapshots.put_back_record(store.conn, _ROWS[snap.kind][0], snap.key, snap.parts)
