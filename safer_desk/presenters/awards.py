"""View > Funders' Awards…: the awards an office commissions against (Qt-free).

An award is a funder's money for one or more financial years (Plymouth's PCC: £400,568 a year, seed 003), with
its conditions and, where a paper gives it, its revenue/capital split (69% / 31%, seed 000). Commissioning
against an award counts that funder's share of each project only. Adding, correcting and deleting an award are
each one step of Edit > Undo; deleting one leaves the scenarios against it with their fund, and undo links them
again (services.funders).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable

from safer_desk.domain.commissioning import Award, FundingError
from safer_desk.domain.dhr import format_bp
from safer_desk.domain.money import format_money
from safer_desk.domain.text import counted
from safer_desk.presenters.actions import change_text, snapshot_action
from safer_desk.presenters.costs import CostForm, RecordsScreen
from safer_desk.presenters.forms import Field, FieldKind, FormError
from safer_desk.services import funders
from safer_desk.services.projects import titles_in_sentences
from safer_desk.services.provenance import AWARDS, NOT_A_COUNTY_FILE, row_origins

TAB = "projects"  # where Edit > Undo of an award brings the window: the awards serve commissioning
FIELDS = (
    Field("funder", "&Funder", required=True, placeholder="e.g. OPCC", help="Who made the award"),
    Field("name", "&Name", required=True, placeholder="e.g. PCC Community Safety Grant 2017/18"),
    Field("years", "Amounts by &year", FieldKind.LONG_TEXT, placeholder="e.g. 2017/18: £400,568",
          help="One financial year a line, then its amount (2017/18: £400,568)"),
    Field("total", "&Total stated", FieldKind.MONEY,
          help="The total as the paper states it, where it gives one (checked against the years)"),
    Field("first_year", "F&irst year", placeholder="e.g. 2017/18", help="For a total not split by year"),
    Field("last_year", "&Last year", placeholder="e.g. 2018/19"),
    Field("revenue", "&Revenue %", placeholder="e.g. 69", help="The revenue share, where the paper splits the award"),
    Field("capital", "&Capital %", placeholder="e.g. 31"),
    Field("conditions", "C&onditions", FieldKind.LONG_TEXT),
    Field("notes", "Not&es", FieldKind.LONG_TEXT),
)
# make_award's refusals that name no field of the form by its label ("Total:" is the Total stated field's)
_FIELD_OF = (("Year", "years"), ("Amount for", "years"), ("Total:", "total"), ("Revenue/capital", "revenue"))


class AwardsPresenter(RecordsScreen):
    tab = TAB
    origins = NOT_A_COUNTY_FILE  # where each listed award came from (a county file), read with the rows

    def rows(self) -> list[Award]:
        self.origins = row_origins(self.store, AWARDS)
        return funders.list_awards(self.store)

    def merged_from(self, award: Award) -> str:
        """The award's *Merged from* words in a county file ("Babergh office", "Typed in the county file"), as the
        workbook's Awards sheet says them; "" in an office's own file."""
        return self.origins.of(award.id)

    def award(self, award_id: str) -> Award:
        return funders.get_award(self.store, award_id)

    @staticmethod
    def amounts_text(award: Award) -> str:
        """An award's money in one line, as the list shows it ("£400,568 a year (2017/18, 2018/19)"), with a stated
        total its years do not add up to, kept as the paper states it, flagged beside them."""
        if not award.checks():
            return award.amount_text()
        return (f"{award.amount_text()} ⚠ stated as {format_money(award.total_pence)} in total; the years add up to "
                f"{format_money(award.years_total_pence)}")

    @staticmethod
    def split_text(award: Award) -> str:
        if award.revenue_bp is None:
            return ""
        return f"{format_bp(award.revenue_bp)} revenue / {format_bp(award.capital_bp)} capital"

    def summary(self) -> str:
        awards = self.rows()
        if not awards:
            return ("No awards yet. Add the funders' awards this office commissions against (Plymouth's PCC: "
                    "£400,568 a year): Commissioning then counts each project's share from that funder.")
        return (f"{counted(len(awards), 'award')}. Commissioning against one counts each project's share from "
                "its funder.")

    # -- the forms ------------------------------------------------------------------------------------------
    def _read(self, v: dict[str, Any], award_id: str | None) -> Award:
        try:
            return funders.make_award(
                funder=v["funder"], name=v["name"], years=funders.years_from_text(v["years"]), total=v["total"],
                first_year=v["first_year"], last_year=v["last_year"], conditions=v["conditions"],
                revenue=v["revenue"], capital=v["capital"], notes=v["notes"], award_id=award_id)
        except FundingError as exc:
            raise _tied(str(exc)) from None

    def _form(self, title: str, heading: str, commit, values: dict[str, Any] | None = None, *,
              old: Award | None = None, **kw: Any) -> CostForm:
        form = CostForm(FIELDS, title=title, heading=heading, commit=commit, values=values,
                        warnings=lambda v: self._doubts(v, old), **kw)
        form.read_only = self.read_only
        return self.open_form(form)

    def _doubts(self, v: dict[str, Any], old: Award | None) -> dict[str, list[str]]:
        """What is asked once before saving: a stated total the years do not add up to; a year taken out that
        saved scenarios are against (they then use the fund they saved)."""
        try:
            award = self._read(v, None)
        except FormError:
            return {}  # refused on saving, beside its field
        doubts = {"total": award.checks()}
        if old is not None and (award.name, award.funder) != (old.name, old.funder):
            still = {p.id for p in funders.projects_naming(self.store, award)}  # "County Lines" names both
            lost = [p for p in funders.projects_naming(self.store, old) if p.id not in still]
            named = _named_by(old.funder, lost, titles_in_sentences(self.store, lost), old_name=old.name)
            if named:
                doubts["name"] = [named]
        if old is not None and award.funder != old.funder:  # the shares say their funder by name
            lost = funders.projects_from_funder(self.store, old, award)
            if lost:
                doubts["funder"] = [_from_funder(old.funder, award.funder, titles_in_sentences(self.store, lost))]
        if old is not None:
            gone = [y for y in sorted(old.years) if y not in award.years]
            against = funders.scenarios_against(self.store, old.id, years=gone)
            if against:
                one = against == 1
                scenarios = f"{counted(against, 'commissioning scenario')} {'is' if one else 'are'}"
                those = "that year" if len(gone) == 1 else "those years"
                doubts["years"] = [
                    f"{scenarios} against {', '.join(gone)}: without {those}, {'it counts' if one else 'they count'} "
                    f"the fund {'it was' if one else 'they were'} saved with."]
        return doubts

    def new_form(self) -> CostForm:
        """An empty award; written on Save, one step of Edit > Undo."""
        def commit(v: dict[str, Any]) -> Award:
            award = self._read(v, None)
            self._perform(f"Add award {award.name}", None, lambda: funders.save_award(self.store, award).id)
            return award

        return self._form("New award", "New award — a funder's money for one or more years. Nothing is written "
                                       "until you save.", commit)

    def edit_form(self, award_id: str) -> CostForm:
        """Correct an award: what the form does not change is kept; undo gives the award back as it was."""
        old = self.award(award_id)

        def commit(v: dict[str, Any]) -> Award:
            award = self._read(v, old.id)
            self._perform(self.correction_text(old, award), old.id, lambda: funders.save_award(self.store, award))
            return award

        values = {"funder": old.funder, "name": old.name, "years": funders.years_text(old),
                  "total": "" if old.total_pence is None else format_money(old.total_pence),
                  # years that follow from the yearly amounts are left blank, to follow them when they change
                  "first_year": "" if old.years and old.first_year == min(old.years) else old.first_year,
                  "last_year": "" if old.years and old.last_year == max(old.years) else old.last_year,
                  "revenue": "" if old.revenue_bp is None else format_bp(old.revenue_bp),
                  "capital": "" if old.capital_bp is None else format_bp(old.capital_bp),
                  "conditions": old.conditions, "notes": old.notes}
        doing = "Viewing" if self.read_only else "Editing"  # a file open read-only: the award to read, Close only
        return self._form(f"Award {old.name}", f"{doing} the award {old.name} ({old.funder}).", commit,
                          values=values, correcting=True, old=old)

    @staticmethod
    def correction_text(old: Award, new: Award) -> str:
        """A correction as Edit > Undo and the History of Changes name it, saying what changed ("Change total stated
        of award CSP funding 2018-2021 to £90,000"): "Change award …" told nothing of which correction an undo
        would take back. A name changed alone names the award as it was ("Change name of award X to Y")."""
        changed = funders.award_changes_said(old, new)
        if not changed:
            return f"Change award {old.name}"
        named = old if [name for name, _value in changed] == ["name"] else new
        return change_text(changed, f"award {named.name}")

    def _perform(self, text: str, award_id: str | None, change: Callable[[], Any]) -> None:
        """One step of Edit > Undo on an award (award_id None: the change adds it and returns its id): undo and
        redo put its rows back exactly as they were either side, ids and times included."""
        store = self.store  # a refusal (a name another award has) is tied to its field by the form
        self.perform(snapshot_action(
            text, key=award_id, snap=lambda k: funders.snapshot_award(store, k),
            restore=lambda snap: funders.restore_award(store, snap),
            absent=lambda k: funders.AwardSnapshot(k, None), change=change, after=lambda _k: self._refresh(),
            tab=TAB))

    def delete_question(self, award_id: str) -> str:
        award = self.award(award_id)
        against = funders.scenarios_against(self.store, award_id)
        one = against == 1
        keep = (f" {counted(against, 'commissioning scenario')} against it "
                f"{'keeps its' if one else 'keep their'} fund and no longer count{'s' if one else ''} the funder's "
                "share only." if against else "")
        naming = funders.projects_naming(self.store, award)
        named = _named_by(award.funder, naming, titles_in_sentences(self.store, naming))
        back = row_origins(self.store, AWARDS).comes_back_words([award_id])  # a county file: the office's export
        said = " ".join(filter(None, (keep.strip(), named, back)))
        return f"Delete the award {award.name} ({award.funder})?{' ' + said if said else ''}"

    def delete(self, award_id: str) -> None:
        """Delete an award; undo puts it back and links the scenarios that were against it again."""
        award = self.award(award_id)
        self._perform(f"Delete award {award.name}", award_id, lambda: funders.delete_award(self.store, award_id))


def _named_by(funder: str, projects, titles: Sequence[str], *, old_name: str = "") -> str:
    """"The share of Suffolk Strive names it: …": said before a delete or a new name leaves the shares naming an
    award after its funder ("Suffolk Public Sector Leaders — County Lines") naming none; "" when none names it.
    ``titles``: the projects as sentences name them (``titles_in_sentences``: "17. Outreach worker" beside 16)."""
    from safer_desk.domain.commissioning import named_award, names_award

    if not titles:
        return ""
    one = len(titles) == 1
    shown = ", ".join(titles[:3]) + (", …" if len(titles) > 3 else "")
    whose = f"The share of {titles[0]} names" if one else f"Shares of {counted(len(titles), 'project')} ({shown}) name"
    words = ""
    if old_name and one:  # the words the share names it by, which the new name no longer starts with
        said = (named_award(s.source, funder) or "" for s in projects[0].funding_sources)
        word = next((w for w in said if w and names_award(w, old_name)), "")
        words = f" as “{word}”" if word else ""
    return (f"{whose} it{words}: {'it' if one else 'they'} would then name an award {funder} does not have, and "
            "count against none.")


def _from_funder(funder: str, new_funder: str, titles: Sequence[str]) -> str:
    """"Shares of 8 projects (…) are from OPCC: …": said before a funder corrected on the award ("Office of the
    Police and Crime Commissioner") leaves the projects' shares from its old name counted against none of its
    money. ``titles``: the projects as sentences name them (``titles_in_sentences``)."""
    one = len(titles) == 1
    shown = ", ".join(titles[:3]) + (", …" if len(titles) > 3 else "")
    whose = f"The share of {titles[0]} is" if one else f"Shares of {counted(len(titles), 'project')} ({shown}) are"
    return (f"{whose} from {funder}: with {new_funder} as its funder, the award would "
            f"{'no longer count it' if one else 'count none of them'}, and scenarios against it would count "
            f"{'the' if one else 'each'} project's cost instead of its share. Give the funder its new name in "
            f"{'its share' if one else 'their shares'} too.")


def _tied(message: str) -> FormError:
    """A refusal of make_award or save_award beside the field it is about."""
    for start, key in _FIELD_OF:
        if message.startswith(start):
            return FormError({key: message})
    for field in FIELDS:
        if message.casefold().startswith(field.plain_label.casefold() + ":"):
            return FormError({field.key: message})
    return FormError(message="Not saved: " + message)
