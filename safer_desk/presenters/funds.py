"""The pooled fund page without Qt: which fund is shown, its forms and actions, and its export.

``FundsPresenter`` owns the selected fund (a fund just created is selected and shown), the burn-rate
window, the open form (its ``editor``, held while unsaved) and each change as one named Action
("Spend line for TH-2018-016 in Tower Hamlets Sanctuary"). The figures are read by
``load_fund_data`` (on a worker thread in the window).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

from safer_desk.domain.disclosure import count_given, total_given
from safer_desk.domain.enums import LabelledEnum
from safer_desk.domain.funds import RISK_LEVELS, contribution_amount_words, spend_amount_words
from safer_desk.domain.money import format_money, searched_amount
from safer_desk.domain.periods import MONTH_ABBR, FinancialYear, Month
from safer_desk.domain.text import counted, tidy_spaces, typed_name_key
from safer_desk.exchange.files import Sheet
from safer_desk.exchange.tables import write_table
from safer_desk.presenters.actions import Action, run_now
from safer_desk.presenters.costs import CostForm, FormScreen, YesNo, choices, snapshot_action, yes_no
from safer_desk.presenters.forms import Field, FieldKind, FormError
from safer_desk.services import funds
from safer_desk.services.funds import month_name
from safer_desk.services.provenance import FUNDS, MERGED_FROM, NOT_A_COUNTY_FILE, RowOrigins, rows_origins
from safer_desk.services.reference import list_districts, list_organisations, office_districts

WINDOWS = (1, 3, 6, 12)
# The tables whose rows a county file says the office of (``provenance.row_origins``), besides the funds themselves.
CONTRIBUTIONS, REFERRALS, SPEND_LINES = "fund_contributions", "fund_referrals", "fund_spend_lines"
NO_ITEMS = "The catalogue has no items yet: add one with More > Catalogue item… first."
# A new office file: nothing to choose in the Contributor or District box, said with where to add it.
NO_PARTNERS = ("The file has no partners yet: add the contributor in View > Districts, Partnerships and Partners… "
               "first.")
NO_DISTRICTS = ("The file has no districts yet: tick the office's districts in File > Office Details… (or add one in "
                "View > Districts, Partnerships and Partners…) first.")
# What each empty box of a new file's fund form shows, as a review's form does (presenters/dhr.py): where its names
# come from. Its value is blank: Save refuses it with the words above, beside the box.
PARTNERS_FROM = "(none yet: add one in View > Districts, Partnerships and Partners…)"
DISTRICTS_FROM = "(none yet: tick the office's districts in File > Office Details…)"
ITEMS_FROM = "(none yet: add one with More > Catalogue item…)"
REFERRALS_FROM = "(none yet: add one with New referral…)"


def _none_held(fields: list[Field], key: str) -> bool:
    """The box has no name to choose (its one line, if any, says where names come from: ``_named_or_where``)."""
    return not any(value for value, _ in next(f for f in fields if f.key == key).choices)


def _named_or_where(names: list[str], where: str) -> tuple[tuple[str, str], ...]:
    """The names to choose from; none, a blank saying where they come from (an empty list said nothing)."""
    return choices(names) if names else choices([], blank=where)
# The More menu's actions that change the file, in its order (FundsPresenter.more_actions says which apply).
MORE_ACTIONS = ("new_fund", "fund_settings", "item", "edit_referral", "edit_spend_line", "edit_contribution",
                "delete_referral", "delete_spend_line", "delete_contribution", "delete_item", "delete_fund")


RULE_FIELDS = ("risk_levels", "require_marac", "require_idva", "require_perpetrator_not_resident")
MOST_NAMED = 5  # referrals named in Fund settings' question; the rest counted


class FundStatus(LabelledEnum):
    OPEN = ("open", "Open")
    CLOSED = ("closed", "Closed")


class RiskLevels(LabelledEnum):
    """Which risk levels a fund accepts (stored as the comma-separated levels)."""

    HIGH = ("high", "High risk only")
    MEDIUM = ("high,medium", "High and medium risk")
    ALL = ("high,medium,standard", "Any risk level")


@dataclass
class FundData:
    """Everything the page shows for one fund, read off the GUI thread."""

    fund_names: list[tuple[str, str]]
    figures: funds.FundFigures | None
    referrals: list[dict]
    lines: list[dict]
    contributions: list[dict]
    items: list[dict]
    origins: RowOrigins = NOT_A_COUNTY_FILE  # in a county file, the office each fund came from
    # In a county file, the office each of the fund's contributions, referrals and spend lines came from: a fund
    # several offices share holds each office's top-ups and referrals (their *Merged from* columns).
    contribution_origins: RowOrigins = NOT_A_COUNTY_FILE
    referral_origins: RowOrigins = NOT_A_COUNTY_FILE
    line_origins: RowOrigins = NOT_A_COUNTY_FILE

    def merged_from(self, fund_id: str | None) -> str:
        """The fund's origin as a sentence in a county file ("Merged from Babergh office."); "" in an office's own."""
        return self.origins.sentence(fund_id) if fund_id else ""


def load_fund_data(store, fund_id: str | None, window: int, today: date | None = None) -> FundData:
    """The fund's figures and rows (the first fund's when ``fund_id`` is gone), on ``today`` (the page's date)."""
    listed = funds.list_funds(store)
    names = [(f.id, f.name_said) for f in listed]
    if fund_id is None or fund_id not in {i for i, _ in names}:
        fund_id = names[0][0] if names else None
    items = funds.list_items(store)
    came = rows_origins(store, (FUNDS, CONTRIBUTIONS, REFERRALS, SPEND_LINES))
    origins = came[FUNDS]
    if fund_id is None:
        return FundData(names, None, [], [], [], items, origins)
    referrals = funds.list_referrals(store, fund_id, today or date.today())
    for r in referrals:  # what the search box matches, built here (on the worker thread), not per keystroke
        r["search_text"] = referral_search_text(r)
    return FundData(names, funds.fund_figures(store, fund_id, window=window, today=today), referrals,
                    funds.list_spend_lines(store, fund_id), funds.contributions(store, fund_id), items, origins,
                    came[CONTRIBUTIONS], came[REFERRALS], came[SPEND_LINES])


def search_keeps(text: str, money_key: str) -> Callable[[Any], bool]:
    """What *Search referrals and spend…* keeps of a referral's or spend line's row (``money_key``: its amount's
    column): typed as money ("£1,450", "1,450 GBP", "£1.45k"), the rows of that amount, as the tables show it (and
    only that amount: "£25" is not £250, as the register's search reads it); otherwise the rows whose words hold what
    is typed (``search_text``, built off the GUI thread)."""
    needle = (text or "").strip().casefold()
    amount = searched_amount(needle)
    if amount is not None:
        return lambda r: r[money_key] == amount
    return lambda r: needle in r["search_text"]


def referral_search_text(r: dict) -> str:
    """Reference, district, eligibility, risk, the dates both ways and the spend in plain pounds, lower case."""
    from safer_desk.domain.money import format_pounds_plain
    from safer_desk.domain.periods import format_uk_date

    referred = r.get("referred_on") or ""
    uk = format_uk_date(date.fromisoformat(referred)) if referred else ""
    return " ".join(str(v) for v in (r.get("reference"), r.get("district"), r.get("eligibility"), r.get("risk_level"),
                                     referred, uk, "£" + format_pounds_plain(r.get("spent_pence") or 0))).casefold()


# What a correction of a referral changed, for its undo text, as other corrections name theirs ("Change plan …:
# unit pounds"): each field's words and its new value. The reason to accept is free text: said as given or removed.
_REFERRAL_CHANGE_WORDS: dict[str, Callable[[str], str]] = {
    "reference": lambda v: f"reference {v}", "district": lambda v: f"district {v}",
    "referred_on": lambda v: f"referred on {v}", "risk_level": lambda v: f"risk level {v}",
    "at_marac": lambda v: f"at MARAC {v}", "idva_assigned": lambda v: f"IDVA assigned {v}",
    "perpetrator_resident": lambda v: f"perpetrator lives at the address {v}",
    "override_reason": lambda v: "reason to accept " + ("given" if v else "removed"),
}


def _referral_changes(shown: dict, typed: dict) -> str:
    """"district Mid Suffolk, at MARAC no": the fields of a referral's form saved with another value than it opened
    with (``shown``, the form's words; ``typed``, as the form read them: a date as a date)."""
    said = []
    for key, words in _REFERRAL_CHANGE_WORDS.items():
        if key not in typed:
            continue
        value = typed[key]
        text = _uk(value) if isinstance(value, date) else ("" if value is None else str(value).strip())
        if text != str(shown.get(key) or "").strip():
            said.append(words(text))
    return ", ".join(said)


# What Fund settings changed, for its undo text, in the form's words ("status Closed"): the purpose, free text, named.
_SETTINGS_CHANGE_WORDS: dict[str, Callable[[str], str]] = {
    "name": lambda v: f"name {v}", "purpose": lambda v: "purpose " + ("given" if v else "removed"),
    "starts_on": lambda v: f"starts {v}", "ends_on": lambda v: f"ends {v}",
    "spend_keyed_to": lambda v: f"spend keyed to {v or 'removed'}",
    "status": lambda v: f"status {_label(FundStatus, v)}",
    "risk_levels": lambda v: f"risk levels accepted {_label(RiskLevels, v)}",
    "require_marac": lambda v: f"must be at MARAC {v}", "require_idva": lambda v: f"must have an IDVA assigned {v}",
    "require_perpetrator_not_resident": lambda v: f"perpetrator must not live there {v}",
}


def _label(kind: type[LabelledEnum], value: str) -> str:
    """A choice's words as the form lists it ("Closed"); a value the list does not offer, as it is."""
    try:
        return kind.parse(value).label
    except ValueError:
        return value


def _settings_changes(shown: dict, typed: dict, reasons_removed: int) -> str:
    """"status Closed, spend keyed to 30/06/2018": the fields of Fund settings saved with another value than it
    opened with (``shown``, the form's words; ``typed``, as read: a date as a date), then the reasons to accept the
    change of rules takes off referrals that meet them (``reasons_removed``)."""
    said = []
    for key, words in _SETTINGS_CHANGE_WORDS.items():
        if key not in typed:
            continue
        value = typed[key]
        text = _uk(value) if isinstance(value, date) else ("" if value is None else str(value).strip())
        old = str(shown.get(key) or "").strip()
        if text != old:
            said.append("purpose changed" if key == "purpose" and text and old else words(text))
    if reasons_removed:
        said.append(f"reason to accept removed from {counted(reasons_removed, 'referral')}")
    return ", ".join(said)


def _item_changes(held: dict, typed: dict) -> str:
    """"usual price £30, supplier changed": what saving a catalogue item's form changes in the item held."""
    said = []
    price = typed.get("usual_price")
    price = None if price in (None, "") else price
    if price != held.get("usual_price_pence"):
        said.append(f"usual price {format_money(price)}" if price is not None else "usual price removed")
    old, new = (held.get("supplier") or "").strip(), (typed.get("supplier") or "").strip()
    if old != new:
        said.append("supplier " + ("removed" if not new else "given" if not old else "changed"))
    return ", ".join(said)


class FundsPresenter(FormScreen):
    """The pooled fund page: the fund shown, the burn-rate window, the open form and the actions."""

    def __init__(self, store, *, perform: Callable[[Action], object] = run_now,
                 today: Callable[[], date] = date.today, read_only: bool | None = None):
        super().__init__(perform=perform)
        self.store = store
        self.today = today
        self.read_only = bool(getattr(store, "read_only", False)) if read_only is None else read_only
        self.window = 3
        self.data: FundData | None = None
        # While a step on a referral (its spend lines) is shown again after it is done, undone or redone: the
        # referral's id, chosen on the page so the officer sees what the step changed (another may be chosen).
        self.step_referral: str | None = None
        from safer_desk.presenters.events import Event

        # The fund's figures and rows arrived: the page shows them. (``changed`` also fires at every keystroke in
        # an open form, for the window's unsaved marker: setting every table again then would be wasted.)
        self.shown = Event()

    # -- the fund shown ----------------------------------------------------------------------------
    def read(self, store=None) -> FundData:
        """The fund's data (``store``: a reading connection on a worker thread)."""
        return load_fund_data(store if store is not None else self.store, self.selected, self.window, self.today())

    def show(self, data: FundData) -> None:
        self.data = data
        self.selected = data.figures.fund.id if data.figures else None
        self.shown.emit()
        self.changed.emit()

    def reload(self, select: str | None = None) -> None:
        if select is not None:
            self.selected = select
        self.show(self.read())

    def select(self, fund_id: str | None) -> bool:
        """Another fund chosen: True when it differs (the page then reads it)."""
        if fund_id == self.selected or fund_id is None:
            return False
        self.selected = fund_id
        return True

    def set_window(self, months: int) -> None:
        self.window = months

    @property
    def fund(self) -> funds.Fund | None:
        return self.data.figures.fund if self.data is not None and self.data.figures is not None else None

    def more_actions(self) -> dict[str, bool]:
        """Which of the More menu's actions have anything to act on in the fund shown (the others are greyed):
        no referral to edit or delete before the first, no spend line, contribution or catalogue item either.
        A closed fund's spend lines stay offered: changing one says to open the fund again first."""
        if self.read_only:
            return dict.fromkeys(MORE_ACTIONS, False)
        data, shown = self.data, self.fund is not None
        referrals, lines, given = (bool(shown and getattr(data, rows)) for rows in ("referrals", "lines",
                                                                                    "contributions"))
        return {"new_fund": True, "fund_settings": shown, "item": True,
                "edit_referral": referrals, "edit_spend_line": lines, "edit_contribution": given,
                "delete_referral": referrals, "delete_spend_line": lines, "delete_contribution": given,
                "delete_item": bool(data is not None and data.items),
                # offered for any fund shown: one with money or referrals recorded is refused at once, saying why
                "delete_fund": shown}

    def _need_fund(self) -> funds.Fund:
        fund = self.fund if self.fund is not None else (funds.get_fund(self.store, self.selected)
                                                        if self.selected else None)
        if fund is None:
            raise LookupError("There is no fund yet: add one with New fund.")
        return fund

    # -- actions -------------------------------------------------------------------------------------
    def _refreshed(self, select: str | None = None, referral: str | None = None) -> None:
        self.step_referral = referral
        try:
            self.reload(select=select)
        finally:
            self.step_referral = None
        self.data_changed.emit()

    def rows_action(self, text: str, kind: str, key: str | None, change: Callable[[], Any], *,
                    select_fund: bool = False) -> Any:
        """One undoable step on a fund, a referral or a catalogue item (key None: the change creates it).

        After it, its undo and its redo the page shows the fund changed: a fund's own (``select_fund``), or the fund
        a referral is in, which is the one shown when the action was made (another may be chosen since)."""
        store, shown = self.store, self.selected

        def fund_of(k: str | None) -> str | None:
            fund_id = k if kind == "fund" and select_fund else shown if kind == "referral" else None
            return fund_id if fund_id and self._fund_exists(fund_id) else None

        return self.perform(snapshot_action(
            text, key=key, snap=lambda k: funds.snapshot(store, kind, k), restore=lambda s: funds.restore(store, s),
            absent=lambda k: funds.RowsSnapshot(kind, k, None), change=change,
            after=lambda k: self._refreshed(fund_of(k), k if kind == "referral" else None)))

    def _fund_exists(self, fund_id: str) -> bool:
        return any(f.id == fund_id for f in funds.list_funds(self.store))

    def _came_from(self, origins_of: str, row) -> str:
        """" (merged from Babergh office)" after a row's words in a county file (``origins_of``: which of the data's
        origins, by table); "" in an office's own file. A fund several offices share holds lines alike from each."""
        origins = getattr(self.data, origins_of) if self.data is not None else NOT_A_COUNTY_FILE
        return f" ({origins.phrase(row['id'])})" if origins.shown else ""

    def _spend_line_words(self, line) -> str:
        return (f"{line['item']} ({format_money(line['amount_pence'])}) for {line['reference']}"
                + self._came_from("line_origins", line))

    def delete_spend_line_question(self, line) -> str:
        return f"Delete {self._spend_line_words(line)}?"

    def delete_spend_line(self, line: dict) -> None:
        fund = self._need_fund()
        self.rows_action(f"Delete {self._spend_line_words(line)} from {fund.name_said}", "referral",
                         line["referral_id"], lambda: funds.delete_spend_line(self.store, line["id"]))

    # -- forms ---------------------------------------------------------------------------------------
    def _form(self, fields: list[Field], title: str, commit, *, heading: str = "", **kw: Any) -> CostForm:
        form = CostForm(fields, title=title, heading=heading or title, commit=commit, today=self.today, **kw)
        form.read_only = self.read_only
        return self.open_form(form)

    @staticmethod
    def _fund_fields(*, settings: bool = False) -> list[Field]:
        """A fund's fields; in Fund settings (``settings``) also the date its spend is keyed to."""
        yes = tuple(YesNo.choices())
        keyed = [Field("spend_keyed_to", "Spend &keyed to", FieldKind.DATE, placeholder="blank: not said",
                       help="The date the fund's spend is fully keyed to: spend in later months is left out of the "
                            "burn rate as not complete. Leave it blank when nothing is missing.")] if settings else []
        return [
            Field("name", "&Name", required=True), Field("purpose", "&Purpose", FieldKind.LONG_TEXT),
            Field("starts_on", "St&arts", FieldKind.DATE, required=True),
            Field("ends_on", "&Ends", FieldKind.DATE, required=True), *keyed,
            Field("status", "S&tatus", FieldKind.CHOICE, choices=tuple(FundStatus.choices())),
            Field("risk_levels", "&Risk levels accepted", FieldKind.CHOICE, choices=tuple(RiskLevels.choices())),
            Field("require_marac", "Must be at &MARAC", FieldKind.CHOICE, choices=yes),
            Field("require_idva", "Must have an &IDVA assigned", FieldKind.CHOICE, choices=yes),
            Field("require_perpetrator_not_resident", "Perpetrator must not &live there", FieldKind.CHOICE,
                  choices=yes),
        ]

    def new_fund_form(self) -> CostForm:
        def commit(v: dict) -> str:
            return self.rows_action(f"Add fund {v['name']}", "fund", None, lambda: funds.add_fund(self.store, **v),
                                    select_fund=True)

        return self._form(self._fund_fields(), "New fund", commit, heading="New fund — not saved yet",
                          values={"status": "open", "risk_levels": "high", "require_marac": "yes",
                                  "require_idva": "yes", "require_perpetrator_not_resident": "yes"})

    def edit_fund_form(self) -> CostForm:
        fund = self._need_fund()
        from safer_desk.domain.periods import format_uk_date

        values = {"name": fund.name, "purpose": fund.purpose, "starts_on": format_uk_date(fund.starts_on),
                  "ends_on": format_uk_date(fund.ends_on), "status": fund.status,
                  "risk_levels": ",".join(r for r in RISK_LEVELS if r in fund.rules.risk_levels),
                  "require_marac": yes_no(fund.rules.require_marac), "require_idva": yes_no(fund.rules.require_idva),
                  "require_perpetrator_not_resident": yes_no(fund.rules.require_perpetrator_not_resident),
                  "spend_keyed_to": format_uk_date(fund.spend_keyed_to) if fund.spend_keyed_to else ""}
        def commit(v: dict) -> dict:
            rules_changed = any(str(v.get(k) or "") != str(values.get(k) or "") for k in RULE_FIELDS)
            removed = len(funds.reasons_held_while_met(self.store, fund)) if rules_changed else 0
            changed = _settings_changes(values, v, removed)
            return self.rows_action(f"Change the settings of {fund.name_said}" + (f": {changed}" if changed else ""),
                                    "fund", fund.id, lambda: funds.update_fund(self.store, fund.id, **v),
                                    select_fund=True)

        return self._form(self._fund_fields(settings=True), f"Settings of {fund.name_said}", commit, values=values,
                          correcting=True, warnings=lambda v: {**self._keyed_to_doubts(values, v),
                                                               **self._stricter_rules_doubts(fund, values, v)})

    def _keyed_to_doubts(self, saved: dict, typed: dict) -> dict[str, list[str]]:
        """*Spend keyed to* after today, changed: asked once, as a spend line dated after today is."""
        day, today = typed.get("spend_keyed_to"), self.today()
        if not isinstance(day, date) or day <= today or _uk(day) == saved.get("spend_keyed_to"):
            return {}
        return {"spend_keyed_to": [f"{_uk(day)} is after today ({_uk(today)}): spend cannot be keyed to a day not "
                                   "yet come. Is the date right?"]}

    def _stricter_rules_doubts(self, fund: funds.Fund, saved: dict, typed: dict) -> dict[str, list[str]]:
        """Asked once, beside the first rule changed: the referrals accepted under the rules as they were that the
        rules typed leave out (they would read as overrides with no reason)."""
        changed = [k for k in RULE_FIELDS if str(typed.get(k) or "") != str(saved.get(k) or "")]
        if not changed:
            return {}
        try:
            left_out = funds.referrals_left_out(self.store, fund.id, **{k: typed.get(k) for k in RULE_FIELDS})
        except ValueError:  # refused on Save, in its own words
            return {}
        if not left_out:
            return {}
        named = "; ".join(f"{ref} ({'; '.join(failures)})" for ref, failures in left_out[:MOST_NAMED])
        more = f"; and {len(left_out) - MOST_NAMED} more" if len(left_out) > MOST_NAMED else ""
        one = len(left_out) == 1
        return {changed[0]: [
            f"{counted(len(left_out), 'referral')} accepted under the fund's rules as they were "
            f"{'does' if one else 'do'} not meet these: {named}{more}. {'It is' if one else 'They are'} kept, as "
            f"{'an override' if one else 'overrides'} with no reason given until one is given with Edit referral…."]}

    def _contribution_fields(self) -> list[Field]:
        partners = [o.name for o in list_organisations(self.store)]  # none: _contribution_check says where to add one
        return [Field("organisation", "&Contributor", FieldKind.CHOICE, required=bool(partners),
                      choices=_named_or_where(partners, PARTNERS_FROM)),
                # read when negative, to be refused saying how money withdrawn is recorded (_refund_check)
                Field("amount", "A&mount", FieldKind.MONEY, required=True, allow_negative=True,
                      refused_words=contribution_amount_words),
                Field("received_on", "&Received", FieldKind.DATE, happened="a contribution"), Field("note", "&Note")]

    def contribution_form(self) -> CostForm:
        fund = self._need_fund()
        fields = self._contribution_fields()
        first = next(iter(fields[0].choices), ("", ""))[0]  # what the Contributor box shows is what is saved
        return self._form(fields, f"Contribution to {fund.name_said}", lambda v: self.rows_action(
            f"Add a contribution of {format_money(v['amount'])} from {v['organisation']} to {fund.name_said}", "fund",
            fund.id, lambda: funds.add_contribution(self.store, fund.id, **v), select_fund=True),
            values={"organisation": first}, check=_contribution_check(fields), note="" if first else NO_PARTNERS,
            warnings=lambda v: {"amount": self._keyed_before(fund, v)})

    def edit_contribution_form(self, contribution: dict) -> CostForm:
        """Correct a contribution keyed wrongly: its contributor, amount, date or note."""
        fund = self._need_fund()
        said = (f"{format_money(contribution['amount_pence'])} from {contribution['organisation']}"
                + self._came_from("contribution_origins", contribution))
        values = {"organisation": contribution["organisation"], "amount": format_money(contribution["amount_pence"]),
                  "received_on": _uk(date.fromisoformat(contribution["received_on"]))
                  if contribution["received_on"] else "", "note": contribution["note"] or ""}

        def commit(v: dict) -> dict:
            changed = funds.contribution_changes(self.store, contribution["id"], **v)
            return self.rows_action(f"Change the contribution of {said} to {fund.name_said}"
                                    + (f": {changed}" if changed else ""), "fund", fund.id,
                                    lambda: funds.update_contribution(self.store, contribution["id"], **v),
                                    select_fund=True)

        def twin(v: dict) -> dict[str, list[str]]:  # asked only when it now reads as another contribution's twin
            same = (typed_name_key(v["organisation"]) == typed_name_key(contribution["organisation"])
                    and v["amount"] == contribution["amount_pence"]
                    and (v["received_on"].isoformat() if v["received_on"] else None) == contribution["received_on"])
            short = (self._short_of_spend(contribution["amount_pence"] - v["amount"])
                     if isinstance(v["amount"], int) else "")  # lowered below the spend: money already gone
            return {"amount": ([] if same else self._keyed_before(fund, v, other_than=contribution["id"]))
                    + ([f"Saving {format_money(v['amount'])} leaves {short}"] if short else [])}

        fields = self._contribution_fields()
        return self._form(fields, f"Contribution of {said} to {fund.name_said}", commit,
                          values=values, correcting=True, check=_contribution_check(fields, correcting=True),
                          warnings=twin)

    def _keyed_before(self, fund: funds.Fund, v: dict, *, other_than: str | None = None) -> list[str]:
        """The contribution typed, already recorded for the fund (the same contributor, amount and day): asked once."""
        doubt = funds.contribution_keyed_before(self.store, fund.id, organisation=v["organisation"], amount=v["amount"],
                                                received_on=v["received_on"], other_than=other_than)
        return [doubt] if doubt else []

    def _referral_fields(self) -> list[Field]:
        yes = tuple(YesNo.choices())
        districts = [d.name for d in list_districts(self.store)]  # none: the form's check says where to add them
        return [Field("reference", "&Reference", required=True, placeholder="e.g. TH-2018-016",
                      help="A pseudonymous code such as TH-2018-016 — never a name"),
                Field("district", "&District", FieldKind.CHOICE, required=bool(districts),
                      choices=_named_or_where(districts, DISTRICTS_FROM)),
                Field("referred_on", "Referred &on", FieldKind.DATE, required=True, happened="a referral"),
                Field("risk_level", "Risk &level", FieldKind.CHOICE, choices=choices(RISK_LEVELS)),
                Field("at_marac", "At &MARAC", FieldKind.CHOICE, choices=yes),
                Field("idva_assigned", "&IDVA assigned", FieldKind.CHOICE, choices=yes),
                Field("perpetrator_resident", "&Perpetrator lives at the address", FieldKind.CHOICE, choices=yes),
                Field("override_reason", "Reason to &accept if a rule is not met", FieldKind.LONG_TEXT)]

    def _referral_form(self, fund: funds.Fund, title: str, commit, values: dict, *,
                       correcting: bool = False, referral_id: str | None = None) -> CostForm:
        def outside(v: dict) -> dict[str, list[str]]:
            # A reference as kept is not asked about again at each correction of the referral.
            kept = (v["reference"] or "").strip() == (values.get("reference") or "").strip() and correcting
            doubts = {"reference": [] if kept else funds.reference_warnings(v["reference"])}
            day = v["referred_on"]
            early = [early] if (early := self._spend_before(referral_id, values, day)) else []
            if day and day < fund.starts_on:
                return {**doubts, "referred_on": [f"{_uk(day)} is before {fund.name_said} started "
                                                  f"({_uk(fund.starts_on)})."]}
            if day and day > fund.ends_on:
                return {**doubts, "referred_on": [f"{_uk(day)} is after {fund.name_said} ended "
                                                  f"({_uk(fund.ends_on)}): no spend can be made on it.", *early]}
            return {**doubts, "referred_on": early}

        fields = self._referral_fields()
        none = _none_held(fields, "district")  # a new file: no district to choose yet
        return self._form(fields, title, commit, warnings=outside,
                          heading=f"{title}. Record the victim by a reference and district only — never a name.",
                          note=f"This fund accepts: {fund.rules.describe()}." + (f" {NO_DISTRICTS}" if none else ""),
                          values=values, correcting=correcting,
                          check=lambda v: {"district": NO_DISTRICTS} if none and not v.get("district") else {})

    def _spend_before(self, referral_id: str | None, saved: dict, day: date | None) -> str:
        """A referral's date corrected to after some of its spend lines: asked once, as a line keyed before its
        referral is ("" when the date is as saved, or leaves no line before it)."""
        if referral_id is None or day is None or _uk(day) == saved.get("referred_on"):
            return ""
        before = sorted(r["spent_on"] for r in (self.data.lines if self.data else [])
                        if r["referral_id"] == referral_id and r["spent_on"] < day.isoformat())
        if not before:
            return ""
        lines = counted(len(before), "spend line")
        return (f"{lines} of {saved.get('reference')} {'is' if len(before) == 1 else 'are'} dated before {_uk(day)} "
                f"(the first on {_uk(date.fromisoformat(before[0]))}): saved so, its spend is before its referral.")

    def _office_district(self) -> str:
        """The district a new referral opens on: the office's own (this year's first), as every district of the file
        is listed (a pooled fund may take the whole county's) and the first by name may be a neighbour's."""
        listed = [d.name for d in list_districts(self.store)]
        own = [a.name for a in office_districts(self.store, FinancialYear.of(self.today()))]
        return next((name for name in own if name in listed), listed[0] if listed else "")

    def referral_form(self) -> CostForm:
        fund = self._need_fund()
        first_district = self._office_district()

        def commit(v: dict) -> str:
            return self.rows_action(f"Add referral {v['reference']} to {fund.name_said}", "referral", None,
                                    lambda: funds.add_referral(self.store, fund.id, **v), select_fund=True)

        return self._referral_form(fund, f"Referral to {fund.name_said}", commit, {
            "district": first_district, "referred_on": _uk(self.today()),
            "risk_level": RISK_LEVELS[0], "at_marac": "yes", "idva_assigned": "yes", "perpetrator_resident": "no"})

    def edit_referral_form(self, referral: dict) -> CostForm:
        """Correct a referral keyed wrongly (its district, date, answers or reference); its spend stays with it."""
        fund = self._need_fund()
        values = {"reference": referral["reference"], "district": referral["district"],
                  "referred_on": _uk(date.fromisoformat(referral["referred_on"])), "risk_level": referral["risk_level"],
                  "at_marac": yes_no(referral["at_marac"]), "idva_assigned": yes_no(referral["idva_assigned"]),
                  "perpetrator_resident": yes_no(referral["perpetrator_resident"]),
                  "override_reason": referral.get("override_reason") or ""}

        def commit(v: dict) -> dict:
            # The reason left in the form of a referral that now meets the rules is not kept: its undo says removed.
            kept = funds.reason_kept(fund, v)
            changed = _referral_changes(values, v if kept is None else {**v, "override_reason": kept})
            return self.rows_action(f"Change referral {referral['reference']} in {fund.name_said}"
                                    + (f": {changed}" if changed else ""), "referral",
                                    referral["id"], lambda: funds.update_referral(self.store, referral["id"], **v))

        return self._referral_form(fund, f"Referral {referral['reference']} in {fund.name_said}", commit, values,
                                   correcting=True, referral_id=referral["id"])

    @staticmethod
    def delete_referral_question(referral: dict) -> str:
        lines = int(referral.get("lines") or 0)
        if not lines:
            return f"Delete referral {referral['reference']}? It has no spend lines."
        spent, later = referral['spent_pence'], int(referral.get('spent_later_pence') or 0)
        if not later:
            return (f"Delete referral {referral['reference']} and its {counted(lines, 'spend line')} "
                    f"({format_money(spent)})? The fund's spend goes down by that much.")
        # The fund's Spent figure is the spend dated by today: the lines keyed for later are not in it yet.
        return (f"Delete referral {referral['reference']} and its {counted(lines, 'spend line')} "
                f"({format_money(spent + later)}: {format_money(spent)} spent by today and {format_money(later)} "
                f"dated after it)? The fund's spend goes down by {format_money(spent)}, and the "
                f"{format_money(later)} keyed ahead is deleted with it.")

    def delete_referral(self, referral: dict) -> None:
        fund = self._need_fund()
        self.rows_action(f"Delete referral {referral['reference']} from {fund.name_said}", "referral", referral["id"],
                         lambda: funds.delete_referral(self.store, referral["id"]))

    def _contribution_words(self, contribution: dict) -> str:
        return (f"the contribution of {format_money(contribution['amount_pence'])} from "
                f"{contribution['organisation']}" + self._came_from("contribution_origins", contribution))

    def delete_contribution_question(self, contribution: dict) -> str:
        """Asked before the delete; when the money left would be less than the spend already made, saying so (as
        deleting a referral says what it does to the fund)."""
        question = f"Delete {self._contribution_words(contribution)}?"
        short = self._short_of_spend(contribution["amount_pence"])
        return f"{question} It leaves {short}" if short else question

    def _short_of_spend(self, taken_pence: int) -> str:
        """"£5,000 contributed to …, £500 less than the £5,500 already spent from it." when taking ``taken_pence``
        off the fund's contributions leaves less than its spend; else ""."""
        f = self.data.figures if self.data is not None else None
        if f is None or taken_pence <= 0:
            return ""
        left = f.contributions_pence - taken_pence
        if left >= f.spent_pence:
            return ""
        return (f"{format_money(left)} contributed to {f.fund.name_said}, {format_money(f.spent_pence - left)} less "
                f"than the {format_money(f.spent_pence)} already spent from it.")

    def delete_contribution(self, contribution: dict) -> None:
        fund = self._need_fund()
        self.rows_action(f"Delete {self._contribution_words(contribution)} to {fund.name_said}", "fund", fund.id,
                         lambda: funds.delete_contribution(self.store, contribution["id"]), select_fund=True)

    def delete_fund_refusal(self) -> str:
        """Why the fund shown cannot be deleted (money, referrals or a budget line's link recorded), said before any
        question; "" when it can."""
        return funds.fund_in_use(self.store, self._need_fund().id)

    def delete_fund_question(self) -> str:
        return f"Delete the fund {self._need_fund().name_said}? It has no contributions, referrals or spend."

    def delete_fund(self) -> None:
        """More > Delete fund: one step of Edit > Undo; the page then shows another fund (undone: this one again)."""
        fund = self._need_fund()
        self.rows_action(f"Delete fund {fund.name_said}", "fund", fund.id,
                         lambda: funds.delete_fund(self.store, fund.id), select_fund=True)

    def delete_item_refusal(self, item: dict) -> str:
        """Why the item cannot be deleted (spend is keyed to it), said before any question; "" when it can."""
        return funds.item_in_use(self.store, item["id"])

    def delete_item(self, item: dict) -> None:
        self.rows_action(f"Delete catalogue item {item['name']}", "item", item["id"],
                         lambda: funds.delete_item(self.store, item["id"]))

    def _spend_fields(self, items: list[dict] | None = None) -> list[Field]:
        """A spend line's fields; with the catalogue empty, the Item's refusal says to add an item (``_spend_check``),
        not only that it is needed."""
        items = funds.list_items(self.store) if items is None else items
        return [Field("spent_on", "&Date", FieldKind.DATE, required=True, happened="a purchase"),
                Field("item", "&Item", FieldKind.CHOICE, required=bool(items),
                      choices=_named_or_where([i["name"] for i in items], ITEMS_FROM)),
                Field("amount", "A&mount (blank: the usual price)", FieldKind.MONEY, allow_negative=True,
                      refused_words=spend_amount_words),
                Field("supplier", "Su&pplier (blank: the catalogue's)"), Field("invoice_ref", "Invoi&ce")]

    @staticmethod
    def _spend_check(fund: funds.Fund, *, correcting: bool = False) -> Callable[[dict], dict[str, str]]:
        """A spend line dated outside the fund's period is refused at the first Save, before any query about its
        date (before the referral, after today) could offer to keep it; a correction to £0 too (``_refund_check``)."""
        def check(v: dict) -> dict[str, str]:
            refusal = funds.spend_date_refusal(fund, v.get("spent_on"))
            return {**({"spent_on": refusal} if refusal else {}), **({} if v.get("item") else {"item": NO_ITEMS}),
                    **_refund_check("spend line", correcting=correcting)(v)}

        return check

    def _spend_doubts(self, fund: funds.Fund, reference: Callable[[dict], str], instead_of: int = 0,
                      instead_of_on: date | None = None, line: dict | None = None):
        """What a spend line's form queries once: the same line already recorded for the referral (``line``: the one
        corrected, asked only when it now reads as another's twin), past the money contributed (or received by the
        line's month), dated before its referral, a supplier that reads like a person's name."""
        def doubts(v: dict) -> dict[str, list[str]]:
            same = line is not None and self._same_line(line, v)
            twin = "" if same else self._line_keyed_before(reference(v), v, line)
            over = funds.overspend_warning(self.store, fund.id, item=v["item"], amount=v["amount"],
                                           instead_of=instead_of, spent_on=v["spent_on"],
                                           instead_of_on=instead_of_on, today=self.today())
            referred = next((date.fromisoformat(r["referred_on"]) for r in (self.data.referrals if self.data else [])
                             if r["reference"] == reference(v)), None)
            early = (f"{_uk(v['spent_on'])} is before the referral ({_uk(referred)})."
                     if v["spent_on"] and referred and v["spent_on"] < referred else "")
            return {"supplier": funds.name_warnings(supplier=v["supplier"]), "amount": [d for d in (twin, over) if d],
                    "spent_on": [early] if early else []}

        return doubts

    def _line_keyed_before(self, reference: str, v: dict, line: dict | None) -> str:
        referral = next((r for r in (self.data.referrals if self.data else []) if r["reference"] == reference), None)
        if referral is None:
            return ""
        return funds.spend_line_keyed_before(self.store, referral["id"], spent_on=v["spent_on"], item=v["item"],
                                             amount=v["amount"], invoice_ref=v["invoice_ref"],
                                             other_than=line["id"] if line is not None else None)

    def _same_line(self, line: dict, v: dict) -> bool:
        """Whether what is typed is the line as it is (its day, item, amount and invoice): no twin of its own."""
        item = funds.item_by_name(self.store, v["item"] or "")
        amount = v["amount"] if v["amount"] not in (None, "") else (item or {}).get("usual_price_pence")
        return (v["spent_on"] is not None and v["spent_on"].isoformat() == line["spent_on"]
                and item is not None and item["name"] == line["item"] and amount == line["amount_pence"]
                and (v["invoice_ref"] or "").strip() == (line["invoice_ref"] or ""))

    def spend_form(self, referral: dict | None = None, *, first_when_none: bool = True) -> CostForm:
        """A spend line for ``referral``; with none, the fund's first referral, or (``first_when_none`` False: a page
        whose search or district left no referral in view) none, to be chosen in the form."""
        fund = self._need_fund()
        refs = [r["reference"] for r in (self.data.referrals if self.data else [])]
        items = funds.list_items(self.store)
        fields = [Field("referral", "&Referral", FieldKind.CHOICE, required=True,
                        choices=_named_or_where(refs, REFERRALS_FROM)),
                  *self._spend_fields(items)]
        # A new file: nothing to choose in a box is said where the officer is, with where to add it.
        note = " ".join(([] if refs else [f"{fund.name_said} has no referral yet: add one with New referral… first."])
                        + ([] if items else [NO_ITEMS]))

        def commit(v: dict) -> str:
            referral_id = funds.referral_id_by_reference(self.store, fund.id, v.pop("referral"))
            if referral_id is None:
                raise FormError({"referral": "Choose a referral (add the referral first)."})
            supplier = (v.pop("supplier") or "").strip() or None
            # Named as deleting one is ("Add Door chain (£25) for TH-2018-001 to …"): what it did, and its figure
            # (a blank amount is the item's usual price), so Edit > Undo and the History tell one line from another.
            held = funds.item_by_name(self.store, v["item"]) if v.get("amount") is None and v.get("item") else None
            pence = v.get("amount") if held is None else held["usual_price_pence"]
            words = f"{v['item']} ({format_money(pence)})" if pence is not None else f"a spend line ({v['item']})"
            return self.rows_action(f"Add {words} for {self._reference(referral_id)} to {fund.name_said}",
                                    "referral", referral_id,
                                    lambda: funds.add_spend_line(self.store, referral_id, supplier=supplier, **v))

        def heading(values) -> str:  # the referral chosen now, as its Referral field reads it; else the fund only
            typed = str(values.get("referral") or "").strip().casefold()
            chosen = next((r for r in refs if typed and r.casefold() == typed), None)
            return f"Spend line for {chosen} in {fund.name_said}" if chosen else f"Spend line in {fund.name_said}"

        first = referral["reference"] if referral else (refs[0] if refs and first_when_none else "")
        return self._form(fields, f"Spend line for {fund.name_said}", commit, heading_for=heading, note=note,
                          # after the fund ended, its last day: today is outside its period, which Save refuses
                          values={"referral": first, "spent_on": _uk(min(self.today(), fund.ends_on)),
                                  "item": items[0]["name"] if items else ""},
                          warnings=self._spend_doubts(fund, lambda v: v["referral"]), check=self._spend_check(fund))

    def edit_spend_form(self, line) -> CostForm:
        """Correct a spend line keyed wrongly (its date, item, amount, supplier or invoice); it stays with its
        referral (spend for another victim is deleted here and added there)."""
        fund = self._need_fund()
        said = self._spend_line_words(line)

        def commit(v: dict) -> dict:
            supplier = (v.pop("supplier") or "").strip() or None
            changed = funds.spend_line_changes(self.store, line["id"], supplier=supplier, **v)
            return self.rows_action(f"Change the spend line {said} in {fund.name_said}"
                                    + (f": {changed}" if changed else ""), "referral",
                                    line["referral_id"],
                                    lambda: funds.update_spend_line(self.store, line["id"], supplier=supplier, **v))

        return self._form(self._spend_fields(), f"Spend line {said}", commit,
                          values={"spent_on": _uk(date.fromisoformat(line["spent_on"])), "item": line["item"],
                                  "amount": format_money(line["amount_pence"]), "supplier": line["supplier"] or "",
                                  "invoice_ref": line["invoice_ref"] or ""}, correcting=True,
                          warnings=self._spend_doubts(fund, lambda v: line["reference"], line["amount_pence"],
                                                      date.fromisoformat(line["spent_on"]), line=line),
                          check=self._spend_check(fund, correcting=True))

    def _reference(self, referral_id: str) -> str:
        return self.store.scalar("SELECT reference FROM fund_referrals WHERE id = ?", (referral_id,)) or "a referral"

    def item_form(self, item: dict | None = None) -> CostForm:
        fields = [Field("name", "&Item", required=True), Field("usual_price", "&Usual price", FieldKind.MONEY),
                  Field("supplier", "Su&pplier")]

        def commit(v: dict) -> str:
            existing = (held := funds.item_by_name(self.store, v["name"])) and held["id"]
            # A change says what it changes, as a spend line's correction does; the supplier, free text, named only.
            said = _item_changes(held, v) if held else ""
            return self.rows_action(f"Change catalogue item {held['name']}" + (f": {said}" if said else "")
                                    if existing else f"Add catalogue item {v['name'].strip()}", "item",
                                    existing,
                                    lambda: funds.save_item(self.store, v["name"], usual_price=v["usual_price"],
                                                            supplier=v["supplier"]))

        title = f"Catalogue item {item['name']}" if item else "New catalogue item"
        values = {"name": item["name"], "usual_price": format_money(item["usual_price_pence"])
                  if item.get("usual_price_pence") is not None else "", "supplier": item["supplier"] or ""} if item else {}
        note = "Typing the name of an existing item changes its usual price and supplier."
        if item:  # an item is known by its name (spend keyed keeps it; the county's catalogue matches by it)
            note += f" A new name adds a new item: {item['name']} stays as it is."
        return self._form(fields, title, commit, values=values, note=note,
                          warnings=lambda v: {"supplier": funds.name_warnings(supplier=v["supplier"]),
                                              "name": self._item_name_doubts(item, v["name"])})

    def _item_name_doubts(self, item: dict | None, typed: str | None) -> list[str]:
        """Asked once when an item's dialog holds another name: saving changes or adds that item, not this one."""
        name = tidy_spaces(typed)
        if not item or not name or typed_name_key(name) == typed_name_key(item["name"]):
            return []
        if (other := funds.item_by_name(self.store, name)) is not None:
            return [f"Saving changes the usual price and supplier of {other['name']}: {item['name']} stays as it is."]
        return [(f"Saving adds “{name}” as a new item: {item['name']} stays in the catalogue as it is, with the "
                 "spend already keyed to it (an item's name is not changed here).")]

    # -- export: the kit's one export path --------------------------------------------------------------
    def report_sheets(self) -> list[Sheet]:
        # The workbook leaves the office: its burn rate and forecast over whole stretches of the months it joins.
        f = self.data.figures if self.data is not None else None
        f = f.shared if f is not None else None
        if f is None:
            raise LookupError("There is no fund to export.")
        shared, shared_words = funds.districts_shared(f.by_district)
        # The workbook leaves the office: no month or spend band of one or two victims (the page shows each).
        months, month_notes = funds.months_shared(f, month_name)
        bands, bands_words = funds.distribution_shared(f)
        items, items_words = funds.items_shared(f)
        return [
            Sheet("Figures", ["Name", "Amount", "Value"], figures_rows(f, shared=True), money_columns={1},
                  title=f.fund.name_said),
            # A month holding spend merged from other months (at the county) is marked, as in the report.
            # Months named as the page names them ("Apr 2018"), as the Figures sheet and the county workbook do.
            # A fund of fewer than three victims in all says so, not 1 or 2 (``disclosure.count_given``).
            Sheet("Per month", ["Month", "Victims first supported", "Spend"], _with_total(months, shared=True),
                  money_columns={2}, title=" ".join(month_notes) or None),
            # The workbook leaves the office: no district of one or two victims named (the page shows each).
            Sheet("Per district", ["District", "Victims", "Spend"], _with_total(shared, shared=True),
                  money_columns={2}, title=shared_words or None),
            # Nor an item bought for one or two victims (the county export merges them into "Other items").
            Sheet("Per item", ["Item", "Spend lines", "Spend"], _with_total(items), money_columns={2},
                  title=items_words or None),
            Sheet("Per victim", ["Spend per victim", "Victims"], [[band, count_given(n)] for band, n in bands],
                  title=" ".join(filter(None, [per_victim_note(f), bands_words])) or None),
            self._contributions_sheet(f),
            # An ended fund's months past its burn rate's are a projection, as its chart's "Projected from Jun-18";
            # the chart's fund line too, the money received by each month (a top-up counts from its month).
            # Nor the spend to date at a month given only together with the next (it would tell that month's).
            Sheet("Forecast", list(FORECAST_HEADER), forecast_rows(f, withheld=funds.months_within_spans(f)),
                  money_columns={1, 3}, title=funds.SMALL_MONTHS_WORDS if funds.months_within_spans(f) else None),
        ]

    def sheet(self, name: str) -> Sheet:
        """One sheet of the fund report (``report_sheets``) by its name: what every copy of the page's figures gives
        (Copy figures, Ctrl+C on the chart, a figures table or a figure), so that no copy tells what the export
        suppresses."""
        return next(s for s in self.report_sheets() if s.name == name)

    def _contributions_sheet(self, f: funds.FundFigures) -> Sheet:
        """Each contribution, as the page's Contributions table lists it: the contributor, the amount, the day its
        money is received (a top-up still to come is not money in the fund yet) and the note; in a county file the
        office it came from (*Merged from*: a fund several offices share holds each office's top-ups). A Total
        line last."""
        origins = self.data.contribution_origins
        rows = [[c["organisation"], c["amount_pence"],
                 date.fromisoformat(c["received_on"]) if c["received_on"] else None, c["note"] or ""]
                + ([origins.of(c["id"])] if origins.shown else []) for c in self.data.contributions]
        rows.sort(key=lambda r: (r[0].casefold(), r[2] or date.min, r[-1].casefold() if origins.shown else ""))
        if rows:
            rows.append(["Total", sum(r[1] for r in rows), None, ""] + ([""] if origins.shown else []))
        return Sheet("Contributions", ["Contributor", "Amount", "Received", "Note"]
                     + ([MERGED_FROM] if origins.shown else []), rows, money_columns={1})

    def export(self, target: Path | str) -> Path:
        """The fund report, in the format the suffix names: .xlsx every sheet (money as £ numbers, dates as dates);
        .csv or .tsv the figures as ``safer-desk fund`` prints them: its heading (name,value), rows and plain
        pounds, with merged_from last in a county file (and the byte-order mark every tab's CSV has, for Excel)."""
        target, sheets = Path(target), self.report_sheets()
        if target.suffix.lower() != ".xlsx":
            rows = [list(r) for r in funds.fund_report_rows(self.data.figures.shared, shared=True)]
            if (origins := self.data.origins).shown:
                rows.append(["merged_from", origins.of(self.data.figures.fund.id)])
            sheets[0] = Sheet("Figures", ["name", "value"], rows)
        return write_table(target, sheets)


FORECAST_HEADER = ("Month", "Cumulative spend", "Kind", "Fund")


def forecast_rows(f: funds.FundFigures, withheld: set = frozenset()) -> list[list[Any]]:
    """The chart's lines month by month (the Forecast sheet's rows): the month as the page names it, the cumulative
    spend (pence), actual then forecast (or projected: an ended fund's months past its burn rate's, as its chart's
    "Projected from Jun 2018"), and the money in the fund by that month (a top-up counts from its month).
    ``withheld``: months whose spend to date is left blank (the workbook's: ``funds.months_within_spans``)."""
    return ([[month_name(m), None if m in withheld else p, "actual", _fund_by(f, m)]
             for m, p in f.forecast.cumulative
             # no burn rate yet: the months over at £0 spent, as the chart draws them
             or [(m, 0) for m in funds.months_over_at_nothing(f)]]
            + [[month_name(m), p, "projected" if f.projected else "forecast", _fund_by(f, m)]
               for m, p in f.forecast.forecast_line[1:]])


def suppresses_small_numbers(sheet: Sheet) -> bool:
    """Whether a figures sheet of the fund report gives its table otherwise than the page shows it: a row of one or
    two victims joined with others, or a count said "fewer than 3" (its words under it say so)."""
    return any(words in (sheet.title or "") for words in (
        funds.SMALL_DISTRICTS_WORDS, funds.SMALL_MONTHS_WORDS, funds.FEWER_IN_ALL_WORDS, funds.SMALL_BANDS_WORDS,
        funds.SMALL_ITEMS_WORDS))


def copied_sheet_rows(sheet: Sheet, *, figures: bool = False) -> list[list[str]]:
    """A sheet of the fund report as a copy puts it on the clipboard, its heading first: money in plain pounds that
    Excel adds up, days as "01/04/2018", a blank for a figure withheld or not there. ``figures``: the Figures sheet
    as Copy figures gives it, "Figure" and "Value" (a money figure's pounds, else its value)."""
    from safer_desk.domain.money import format_pounds_plain

    def cell(value: Any, money: bool) -> str:
        if value is None:
            return ""
        if money:
            return format_pounds_plain(value)
        return _uk(value) if isinstance(value, date) else str(value)

    if figures:
        return [["Figure", "Value"], *([name, cell(pence, True) if pence is not None else cell(value, False)]
                                       for name, pence, value in sheet.rows)]
    return [list(sheet.header), *([cell(v, i in sheet.money_columns) for i, v in enumerate(row)]
                                  for row in sheet.rows)]


def _fund_by(figures: funds.FundFigures, month) -> int:
    """The pence in the fund by ``month``, as the burn-down chart's fund line and the board report's *Fund* give it."""
    return funds.received_by(figures.receipts, month) if figures.receipts else figures.contributions_pence


def _with_total(rows, *, shared: bool = False) -> list[list[Any]]:
    """A (name, count, pence) table's rows and its Total line, as the page's table ends with one. ``shared``: counts
    of victims given outside the office file, one or two said "fewer than 3" (``disclosure.count_given``)."""
    rows = [list(r) for r in rows]
    if not rows:
        return rows
    total = ["Total", sum(r[1] or 0 for r in rows), sum(r[2] or 0 for r in rows)]
    if shared:
        total[1] = total_given([r[1] for r in rows])
        rows = [[r[0], count_given(r[1]), *r[2:]] for r in rows]
    return rows + [total]


def _contribution_check(fields: list[Field], *, correcting: bool = False) -> Callable[[dict], dict[str, str]]:
    """A contribution's first-Save refusals: a negative amount (``_refund_check``; corrected to £0 too), and with no
    partner in the file to choose as its contributor, where to add one (the box is empty: "This field is needed" said
    nothing of where)."""
    refund = _refund_check("contribution", correcting=correcting)
    none = _none_held(fields, "organisation")

    def check(v: dict) -> dict[str, str]:
        return {**({"organisation": NO_PARTNERS} if none and not v.get("organisation") else {}), **refund(v)}

    return check


def _refund_check(what: str, *, correcting: bool = False) -> Callable[[dict], dict[str, str]]:
    """A negative Amount refused at the first Save, saying how a refund (or money withdrawn) is recorded instead; in a
    correction (``correcting``), £0 too, saying that all of it given back is deleted."""
    def check(v: dict) -> dict[str, str]:
        refusal = (funds.negative_amount_refusal(v.get("amount"), what)
                   or (funds.zero_correction_refusal(v.get("amount"), what) if correcting else ""))
        return {"amount": refusal} if refusal else {}

    return check


def per_victim_note(figures: funds.FundFigures) -> str:
    """What the spread of spend per victim leaves out when some of the fund came as an office's district summaries
    (no referrals, so no victim's spend to count): "" when every victim is recorded in detail in this file."""
    if not figures.summary_rows:
        return ""
    return (f"The spread per victim covers only the victims recorded in detail in this file: "
            f"{len(figures.per_victim)} of the {figures.victims} victims. {counted(figures.summary_rows, 'row')} "
            "of this fund came as district summaries (no individual referrals): they are in every total.")


_REPORT_MONTH = re.compile(r"\b(" + "|".join(MONTH_ABBR) + r")-(\d{4}|\d{2})\b")


def months_as_the_window_names_them(text: str) -> str:
    """The services' forecast words (shared with the board report, which names a month as the papers do, "Jun-18":
    ``Month.label``) with each month as the page names it, "Jun 2018" (``month_name``)."""
    return _REPORT_MONTH.sub(lambda m: month_name(Month.parse(m.group(0))), text)


def figures_rows(figures: funds.FundFigures, *, shared: bool = False) -> list[list[Any]]:
    """The figures ``funds.fund_report_rows`` names, in its order, for the workbook: money as pence in the Amount
    column (a £ number Excel adds up), counts as numbers, a date as a date and a month as "Apr 2020" in the Value
    column; a figure with no value is blank. ``shared``: the workbook leaving the office file, where a fund of one
    or two victims says "fewer than 3" and gives no mean (``funds.victims_shared``), as Copy figures copies it."""
    f, fund = figures.forecast, figures.fund
    victims, mean = funds.victims_shared(figures) if shared else (figures.victims, figures.mean_per_victim_pence)

    def month(m) -> str | None:
        return month_name(m) if m is not None else None

    rows = [
        ["fund", None, fund.name_said], ["period", None, f"{_uk(fund.starts_on)} to {_uk(fund.ends_on)}"],
        ["status", None, funds.status_word(figures)], ["contributions", figures.contributions_pence, None],
        ["spend", figures.spent_pence, None], ["balance", figures.balance_pence, None],
        ["victims", None, victims], ["mean_spend_per_victim", mean, None],
        ["burn_rate_as_at_month", None, month(f.as_at)], ["burn_rate_window_months", None, f.window_months],
        ["monthly_burn_rate", f.burn_rate_pence if f.as_at is not None else None, None],  # no rate: not £0
        ["forecast_exhaustion_month", None, month(f.exhaustion_month)],
        ["last_fully_funded_month", None, month(f.last_funded_month)], ["period_end_month", None, month(f.pilot_end)],
        # With no complete month there is no burn rate, so no forecast of what is left at the end.
        ["left_at_period_end", figures.left_at_end_pence, None],
        ["spend_keyed_to", None, figures.keyed_to],
        ["incomplete_months_left_out", None, "; ".join(f"{funds.incomplete_said(figures, m, month_name)}: "
                                                       f"{format_money(v)}" for m, v in f.incomplete) or None],
    ]
    for window, ranged in zip(figures.ranges.windows, figures.ranges.forecasts) if figures.ranges else ():
        rows += [[f"monthly_burn_rate_{window}m", ranged.burn_rate_pence if ranged.as_at is not None else None, None],
                 [f"forecast_exhaustion_month_{window}m", None, month(ranged.exhaustion_month)]]
    warnings = [*f.warnings, *([figures.given_words] if shared and figures.given_words else [])]
    return [*rows, ["forecast_warnings", None, months_as_the_window_names_them(" ".join(warnings)) or None],
            *([name, None, value or None] for name, value in funds.kind_rows(figures)),
            ["contributions_not_received", figures.not_received_pence, None],
            ["spend_dated_after_today", figures.not_spent_pence, None]]


# A copy of referrals or spend lines without these columns names no victim's. A referral's Eligibility too: an
# override's reason ("⚠ Override: medium risk, but …") is free text about one victim, which the county export also
# leaves out unless individual referrals are included; and a spend line's Invoice: the supplier's reference, free text
# typed from their invoice, which may carry the job's address or the victim's name ("LOCKS-12ACACIA"). The rest of a
# row is a date, an amount, an item or a supplier's name (a firm's, from the catalogue).
COPY_LEAVES_OUT = {"referral": ("reference", "district", "eligibility"),
                   "spend line": ("reference", "district", "invoice_ref")}
_ALSO_LEFT_OUT = {"eligibility": (" and eligibility (with any override's reason)",) * 2,
                  "invoice_ref": (" and the supplier's invoice reference", " and the suppliers' invoice references")}


def victim_level_copy_question(rows: int, what: str) -> str:
    """What a copy of the Referrals or Spend lines table asks first, as the History of Changes' copy does: the rows
    are victim-level (a referral's reference and district, its eligibility with any override's reason, a spend
    line's invoice reference), left out unless the answer is Include it."""
    also = "".join(_ALSO_LEFT_OUT[key][rows != 1] for key in COPY_LEAVES_OUT[what] if key in _ALSO_LEFT_OUT)
    said = (f"The {what} copied is victim-level: the copy leaves out its referral reference and district{also}, and "
            "gives the rest of the row." if rows == 1 else
            f"The {counted(rows, what)} copied are victim-level: the copy leaves out their referral references and "
            f"districts{also}, and gives the rest of each row.")
    return f"{said}\n\nInclude them only when it is pasted where the referrals themselves may be kept."


def given_otherwise_words(figures: funds.FundFigures | None) -> str:
    """What the page says, after its forecast, when the fund report and board report give the forecast otherwise
    (``FundFigures.shared``: worked out over whole stretches of the months their Per month table gives together):
    which months they join, and the burn rate, run-out and end they give, so that the page and the papers agree in
    what they say ("" when they give the page's forecast). Months as the page names them."""
    if figures is None or figures.given is None:
        return ""
    mine, theirs = figures.forecast, figures.given.forecast
    if theirs.as_at is None or (theirs.as_at, theirs.window_months) == (mine.as_at, mine.window_months):
        return ""
    stretches = funds.stretches_near(funds.joined_stretches(figures), mine, theirs)
    out = theirs.exhaustion_month
    course = (f"the fund runs out in {out.label}" if out is not None and not figures.given.projected else
              f"the fund would have run out in {out.label}" if out is not None else "the fund does not run out")
    left = theirs.left_at_end_pence
    end = (f"{format_money(left)} would be left" if left >= 0 else f"{format_money(-left)} would be missing")
    return months_as_the_window_names_them(
        f"The fund report and board report give {funds.stretches_said(stretches, given=False)} (small numbers), so "
        f"they work the burn rate out over whole stretches: {format_money(theirs.burn_rate_pence)} a month (the "
        f"{counted(theirs.window_months, 'month')} to {theirs.as_at.label}); {course}, and {end} at the end of the "
        f"period ({theirs.pilot_end.label}).")


def burn_rate_text(figures: funds.FundFigures) -> str:
    """The page's Burn rate: "£787 a month"; with spend only in months not yet complete, no rate (a week's spend is
    not a month's) but what is spent so far and that it is a part month, "£3,000 so far (part month)", as the command
    line's incomplete_months_left_out and its warning (the sentence under the figures) give it; "—" with nothing
    spent."""
    f = figures.forecast
    if f.as_at is not None:
        return f"{format_money(f.burn_rate_pence)} a month"
    if not f.incomplete:
        return "—"
    part = "part month" if len(f.incomplete) == 1 else "months not complete"
    return f"{format_money(sum(v for _, v in f.incomplete))} so far ({part})"


def fund_level(receipts: list[tuple[Any, int, str]], start, right: float,
               total_pence: int) -> tuple[list[float], list[float]]:
    """The chart's fund line in pounds (x counts month ends from ``start``): the money there at the start, rising at
    the start of each month money is received (it counts from that month), to ``right``; flat at ``total_pence``
    without contributions."""
    steps: dict[float, int] = {}
    for month, pence, _ in receipts:
        x = float(max(0, month.minus(start)))
        steps[x] = steps.get(x, 0) + pence
    if not steps:
        return [0.0, right], [total_pence / 100] * 2
    level = steps.pop(0.0, 0)
    xs, ys = [0.0], [level / 100]
    for x in sorted(steps):
        xs += [x, x]
        ys += [level / 100, (level + steps[x]) / 100]
        level += steps[x]
    return [*xs, right], [*ys, level / 100]


def _uk(value: date) -> str:
    from safer_desk.domain.periods import format_uk_date

    return format_uk_date(value)
