"""Funders: their awards, and each project's funding split by funder and year.

One function per user action, each in one transaction, each returning what its undo needs:
``save_award`` / ``delete_award`` (returns the award and the scenarios that pointed at it) /
``restore_award``; ``set_project_funding`` returns the funding it replaced.

A project's funding by funder is its funding sources (services.projects.FundingSource: funder,
amount or the paper's words, financial year). Seed 003: the Plymouth Domestic Abuse contract is
£501,753 in total, of which the OPCC pays £110,000 in 2017/18.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping, Sequence

from safer_desk.domain import clock
from safer_desk.domain.commissioning import Award, FundingError, Share, funder_key, same_funder, share_for
from safer_desk.domain.ids import new_id
from safer_desk.domain.money import LEAVE_BLANK, MoneyError, format_money, format_pounds_plain, parse_pence
from safer_desk.domain.periods import FinancialYear, PeriodError
from safer_desk.domain.text import find_typed
from safer_desk.services.projects import YEAR_WORD, one_year, year_after_amount
from safer_desk.services.provenance import NOT_A_COUNTY_FILE, RowOrigins
from safer_desk.storage import snapshots
from safer_desk.storage.store import Store


def _now() -> str:
    return clock.now_iso()


# -- awards ----------------------------------------------------------------------------------------------

def _award_from_row(store: Store, r) -> Award:
    years = {y["financial_year"]: y["amount_pence"] for y in store.rows(
        "SELECT financial_year, amount_pence FROM funding_award_years WHERE award_id = ? ORDER BY financial_year",
        (r["id"],))}
    return Award(r["id"], r["funder"], r["name"], years, r["total_pence"], r["first_year"], r["last_year"],
                 r["conditions"], r["revenue_bp"], r["capital_bp"], r["notes"])


def list_awards(store: Store, *, funder: str | None = None) -> list[Award]:
    """Every award (or one funder's), by funder then name."""
    awards = [_award_from_row(store, r) for r in store.rows(
        "SELECT * FROM funding_awards ORDER BY funder COLLATE NOCASE, name COLLATE NOCASE")]
    return [a for a in awards if funder is None or same_funder(a.funder, funder)]


def get_award(store: Store, award_id: str) -> Award:
    row = store.one("SELECT * FROM funding_awards WHERE id = ?", (award_id,))
    if row is None:
        raise FundingError("That award is no longer in the file.")
    return _award_from_row(store, row)


def award_by_name(store: Store, name: str, *, other_than: str | None = None) -> Award | None:
    """The award with this id, or this name as typed (any case, a hyphen for the paper's dash, straight quotes, any
    spacing: "2018–2020" pasted finds "2018-2020"); ``other_than`` leaves one award out."""
    text = (name or "").strip()
    row = store.one("SELECT * FROM funding_awards WHERE (id = ? OR name = ? COLLATE NOCASE) AND id IS NOT ?",
                    (text, text, other_than))
    if row is None:
        rows = (r for r in store.rows("SELECT * FROM funding_awards ORDER BY name") if r["id"] != other_than)
        row = find_typed(rows, text, lambda r: r["name"])
    return None if row is None else _award_from_row(store, row)


def _year(text: str, what: str) -> str:
    s = (text or "").strip()
    if not s:
        return ""
    try:
        return FinancialYear.parse(s).label
    except PeriodError as exc:
        raise FundingError(f"{what}: {exc}") from None


def _pence(value: Any, what: str, *, blank: str = LEAVE_BLANK) -> int | None:
    """An amount typed (None when blank); ``blank``: what a refusal of "TBC" says to do where it cannot be blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        pence = value
    else:
        try:
            pence = parse_pence(str(value), blank=blank)
        except MoneyError as exc:
            raise FundingError(f"{what}: {exc}") from None
    if pence < 0:
        raise FundingError(f"{what}: an amount cannot be negative.")
    return pence


def _percent_bp(value: Any, what: str) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    from safer_desk.domain.dhr import DhrError, percent_to_bp

    try:
        return percent_to_bp(str(value))
    except DhrError as exc:
        raise FundingError(f"{what}: {exc}") from None


# A financial year as an award's yearly amounts give it: "2017/18" (or "17/18", as First year and the Budgets tab take
# it), or "2017–18" as Word writes it.
_AWARD_YEAR = r"\d{2}(?:\d{2})?\s*[/\-\u2013\u2014]\s*\d{2,4}"
# The year (after the papers' "FY" or "Yr 1", as a share takes it), then its amount after ":", "=", a space or a dash
# with a space either side ("2017/18 – £400,568", as Word writes "2017/18 - £400,568"); a dash against the amount
# ("2017/18 -£5") is its minus.
_YEAR_AMOUNT = re.compile(rf"{YEAR_WORD}({_AWARD_YEAR})(?:\s*[:=]|\s+[\-\u2013\u2014](?=\s))?\s*(.*)", re.IGNORECASE)


def years_from_text(text: str) -> dict[str, str]:
    """The yearly amounts of an award as typed, one a line ("2017/18: £400,568"; "2018/19 £400,568",
    "2017/18 – £400,568", "FY 2017/18: £400,568", "£400,568 (2017/18)" and ";" between them read the same, as a
    share's year does): {"2017/18": "£400,568"}, the amounts still as typed (make_award reads them). A range of years
    ("2017/18 – 2019/20") is refused: each year has its own amount; so is a year before the amount and another
    after it, and two amounts for one year.

    Cells copied from a sheet (a tab between them) read as the year and its amount, either way round; the sheet's
    heading row ("Year⇥Amount") holds no money and is skipped; years across a row with their amounts in the row below
    read year by year. A refusal names the cells, never a raw tab."""
    years: dict[str, str] = {}
    for line in _sheet_lines([s.strip() for s in re.split(r"[\n;]", text or "") if s.strip()]):
        said = _said(line)
        cells = _cells(line)
        if "\t" in line and len(cells) == 2 and _YEAR_CELL.fullmatch(cells[1]) and not _YEAR_CELL.fullmatch(cells[0]):
            cells.reverse()  # "£400,568⇥2017/18": the amount's column first
        if "\t" in line and len(cells) > 2 and _YEAR_CELL.fullmatch(cells[0]) and \
                not any(_YEAR_CELL.fullmatch(c) for c in cells[1:]):
            _refuse_crowded(_year(re.sub(YEAR_WORD, "", cells[0], count=1, flags=re.IGNORECASE), "Year"), cells[1:])
        if "\t" in line and len(cells) == 2 and _YEAR_CELL.fullmatch(cells[0]):
            line = f"{cells[0]}: {cells[1]}"
        amount, after = year_after_amount(line)
        if after and _YEAR_AMOUNT.fullmatch(amount) is None:  # "£10,000 (2009/10)": the year after its amount
            line = f"{after}: {amount}"
        m = _YEAR_AMOUNT.fullmatch(line)
        if m is None:
            raise FundingError(f"Year: {said} should read like “2017/18: £400,568” (a financial year, then its "
                               "amount).")
        label = _year(m.group(1), "Year")  # FinancialYear reads the dashes Word and Excel put in
        end = re.match(rf"({_AWARD_YEAR})(?![\d,.])", m.group(2))
        if end is not None:  # "2017/18 – 2019/20": not 2017/18's amount
            last = _year(end.group(1), "Year")
            raise FundingError(f"Year: {said} is a range of years: give each year its own line with its amount "
                               f"(“{label}: £400,568” on one, “{last}: £400,568” on another).")
        amount, after = year_after_amount(m.group(2))
        if "\t" in amount:  # more cells after the year's ("2017/18⇥£400,568⇥£300,000")
            _refuse_crowded(label, _cells(amount))
        _refuse_two_amounts(label, amount)
        try:
            one_year(label, after, "amount", f"{after}: {amount}")
        except PeriodError as exc:
            raise FundingError(f"Year: {exc}") from None
        if label in years:
            raise FundingError(f"Year: {label} is given twice.")
        years[label] = amount
    return years


# A cell holding a financial year alone, as a sheet's Year column or heading across gives it.
_YEAR_CELL = re.compile(rf"{YEAR_WORD}{_AWARD_YEAR}", re.IGNORECASE)
# The words a sheet heads its year and amount columns with ("Financial year", "Amount (£)", "FY", "Award").
_HEADING_WORDS = frozenset("year years financial fy yr amount amounts award awarded grant funding value total sum "
                           "allocation allocated period gbp pounds".split())
_YEAR_HEADINGS = frozenset({"year", "years", "fy", "yr", "period"})


def _cells(line: str) -> list[str]:
    """A line's cells as a sheet copies them (a tab between each), the empty ones left out."""
    return [c.strip() for c in line.split("\t") if c.strip()]


def _said(line: str) -> str:
    """A line as a message quotes it: cells copied from a sheet as the row of cells they are, never a raw tab."""
    if "\t" not in line:
        return f"“{line}”"
    cells = _cells(line)
    if len(cells) == 1:
        return f"“{cells[0]}”"
    return "the row of cells " + ", ".join(f"“{c}”" for c in cells)


def _heading(cells: Sequence[str]) -> bool:
    """Cells that head a sheet's columns or rows ("Year", "Amount (£)"): words of a year and an amount, no figure;
    a row of several also with the headings of other columns beside the year's ("Year⇥Amount⇥Notes")."""
    if any(ch.isdigit() for c in cells for ch in c):
        return False
    words = [set(re.findall(r"[^\W\d_]+", c.casefold())) for c in cells]
    if len(cells) > 1:
        return any(w and w <= _HEADING_WORDS and w & _YEAR_HEADINGS for w in words)
    return bool(words and words[0]) and words[0] <= _HEADING_WORDS


def _sheet_lines(lines: list[str]) -> list[str]:
    """The lines of an award's years as a sheet gives them, the heading row left out ("Year⇥Amount": it holds no
    money), and years across a row with their amounts in the row below ("2017/18⇥2018/19" over
    "£400,568⇥£300,000", with the sheet's labels down the left or not) made a line each."""
    lines = [line for n, line in enumerate(lines)  # typed, "Year: Amount" heads the lines below it
             if not (_heading(_cells(line)) if "\t" in line else n == 0 < len(lines) - 1 and _heading([line]))]
    if len(lines) == 2 and all("\t" in line for line in lines):
        top, below = _cells(lines[0]), _cells(lines[1])
        if top and below and _heading(top[:1]) and _heading(below[:1]):  # "Year⇥2017/18" over "Amount⇥£400,568"
            top, below = top[1:], below[1:]
        if len(top) > 1 and len(top) == len(below) and all(_YEAR_CELL.fullmatch(c) for c in top) and \
                not any(_YEAR_CELL.fullmatch(c) for c in below):
            return [f"{year}: {amount}" for year, amount in zip(top, below)]
    return lines


def _amounts(cells: Sequence[str]) -> list[int] | None:
    """The amounts the cells or words are, each read alone; None unless every one is an amount."""
    try:
        return [parse_pence(c) for c in cells]
    except MoneyError:
        return None


def _refuse_crowded(label: str, cells: Sequence[str]) -> None:
    """Refuse a year's line with more than its amount after the year: two amounts, or an amount and a note."""
    amounts = _amounts(cells)
    if amounts is not None and len(amounts) > 1:
        _refuse_amounts(label, amounts)
    listed = ", ".join(f"“{c}”" for c in cells)
    raise FundingError(f"Year: the line for {label} has more beside its amount: {listed}. Give each year one amount "
                       f"(“{label}: £400,568”), and copy the year and amount columns only.")


def _refuse_two_amounts(label: str, amount: str) -> None:
    """Refuse "£400,568 £300,000" after a year: two amounts, not one read as a guess."""
    words = amount.split()
    if len(words) < 2:
        return
    try:
        parse_pence(amount)
        return  # "400 568": one amount, its thousands spaced
    except MoneyError:
        pass
    amounts = _amounts(words)
    if amounts is not None:
        _refuse_amounts(label, amounts)


def _refuse_amounts(label: str, amounts: Sequence[int]) -> None:
    said = ", ".join(format_money(p) for p in amounts[:-1]) + f" and {format_money(amounts[-1])}"
    count = "two" if len(amounts) == 2 else str(len(amounts))
    raise FundingError(f"Year: the line for {label} has {count} amounts, {said}: give each year one amount on its own "
                       f"line (“{label}: {format_money(amounts[0])}”), and the next year's on the next line.")


def years_text(award: Award) -> str:
    """An award's yearly amounts as ``years_from_text`` reads them back: one a line."""
    return "\n".join(f"{year}: {format_money(pence)}" for year, pence in sorted(award.years.items()))


def _split_said(award: Award) -> str:
    if award.revenue_bp is None:
        return "not stated"
    from safer_desk.domain.dhr import format_bp

    return f"{format_bp(award.revenue_bp)} revenue / {format_bp(award.capital_bp or 0)} capital"


def _own_end(award: Award, end: str) -> bool:
    """Whether the award's first (or last) year is only its yearly amounts' own: not typed, so not a change."""
    return bool(award.years) and getattr(award, end) == (min if end == "first_year" else max)(award.years)


def award_changes_said(old: Award, new: Award) -> list[tuple[str, str | None]]:
    """What a correction of an award changed, as its undo text names it (``presenters.actions.change_text``): each
    field of the form saved with another value, in the form's order, with its new value where a line may say it
    ("total stated", "£90,000"; None not said); one year's amount changed or added is that year's ("amount for
    2019/20"). The conditions and notes, free text, are named, never quoted. A first or last year that follows from
    the yearly amounts is not a change of its own."""
    said: list[tuple[str, str | None]] = []
    if new.funder != old.funder:
        said.append(("funder", new.funder))
    if new.name != old.name:
        said.append(("name", new.name))
    if dict(new.years) != dict(old.years):
        differ = sorted(y for y in set(old.years) | set(new.years) if old.years.get(y) != new.years.get(y))
        if len(differ) == 1 and differ[0] in new.years:
            said.append((f"amount for {differ[0]}", format_money(new.years[differ[0]])))
        else:
            said.append(("amounts by year", None))
    if new.total_pence != old.total_pence:
        said.append(("total stated", "not stated" if new.total_pence is None else format_money(new.total_pence)))
    for end, words in (("first_year", "first year"), ("last_year", "last year")):
        if getattr(new, end) != getattr(old, end) and not (_own_end(new, end) and _own_end(old, end)):
            said.append((words, getattr(new, end) or "not stated"))
    if (new.revenue_bp, new.capital_bp) != (old.revenue_bp, old.capital_bp):
        said.append(("revenue/capital split", _split_said(new)))
    if new.conditions != old.conditions:
        said.append(("conditions", None))
    if new.notes != old.notes:
        said.append(("notes", None))
    return said


def make_award(*, funder: str, name: str, years: Mapping[str, Any] | None = None, total: Any = None,
               first_year: str = "", last_year: str = "", conditions: str = "", revenue: Any = None,
               capital: Any = None, notes: str = "", award_id: str | None = None) -> Award:
    """An award from what was typed: years {"2017/18": "£400,568"}, a total, percentages "69" / "31"."""
    parsed_years = {}
    for year, amount in (years or {}).items():
        label = _year(year, "Year")
        if not label:
            raise FundingError("Year: each yearly amount needs its financial year.")
        # "TBC" for a year: a line's amount cannot be blank, so the line goes until its amount is known
        parsed_years[label] = _pence(amount, f"Amount for {label}", blank="leave the year's line out")
        if parsed_years[label] is None:
            raise FundingError(f"Amount for {label}: give the amount.")
    first, last = _year(first_year, "First year"), _year(last_year, "Last year")
    if last and not first and not parsed_years:  # said as "£500,000", and counted against every year's shares
        raise FundingError(f"First year: the award ends in {last} but does not say when it starts: give its first "
                           f"year too ({last} again for one year's money).")
    if first and last and last < first:
        raise FundingError("Last year: the award cannot end before it starts.")
    _years_within(sorted(parsed_years), first, last)
    if parsed_years:
        first, last = first or min(parsed_years), last or max(parsed_years)
    return Award(award_id or new_id(), (funder or "").strip(), (name or "").strip(), parsed_years,
                 _pence(total, "Total"), first, last, (conditions or "").strip(),
                 _percent_bp(revenue, "Revenue %"), _percent_bp(capital, "Capital %"), (notes or "").strip())


def _years_within(years: Sequence[str], first: str, last: str) -> None:
    """Refuse a yearly amount outside the first and last year typed (labels sort as the years run): an award
    saved as running 2018/19 to 2019/20 with its money in 2017/18 says two different things."""
    early = [y for y in years if first and y < first]
    late = [y for y in years if last and y > last]
    if not (early or late):
        return
    year, which = (early[0], "first") if early else (late[-1], "last")
    if first and last:
        where = f"is outside the award's years {first} to {last}"
        instead = f"under a year from {first} to {last}" if first != last else f"under {first}"
    else:
        where = f"is before the award's first year {first}" if early else f"is after the award's last year {last}"
        instead = f"under {first} or a later year" if early else f"under {last} or an earlier year"
    raise FundingError(f"{which.capitalize()} year: {year} {where}. Give its amount {instead}, or make the {which} "
                       f"year {year} (or leave it blank to follow the amounts by year).")


def _funder_as_held(store: Store, award: Award) -> str:
    """The award's funder as the file already spells it (" opcc " typed where the file has "OPCC": the lists would
    show two funders), its awards' spelling first, then its projects' shares'; as typed when the file names no such
    funder, or when it is the award's own funder re-spelt ("opcc" corrected to "OPCC")."""
    own = store.scalar("SELECT funder FROM funding_awards WHERE id = ?", (award.id,))
    if own is not None and same_funder(own, award.funder):
        return award.funder
    held = [r[0] for r in store.rows("SELECT funder FROM funding_awards WHERE id <> ? ORDER BY created_at, id",
                                     (award.id,))]
    held += [r[0] for r in store.rows("SELECT source FROM project_funding_sources ORDER BY rowid")]
    return next((name for name in held if same_funder(name, award.funder)), award.funder)


def save_award(store: Store, award: Award) -> Award:
    """Add an award, or replace the one with its id (its yearly amounts with it), in one transaction; a funder the
    file names already in other capitals or spacing is saved as the file spells it (``_funder_as_held``)."""
    twin = award_by_name(store, award.name, other_than=award.id)
    if twin is not None and twin.id != award.id:  # the same name as typed: another dash, case or spacing
        raise FundingError(f"Name: there is already an award called “{twin.name}”.")
    award = replace(award, funder=_funder_as_held(store, award))
    now = _now()
    with store.transaction():
        store.conn.execute(
            "INSERT INTO funding_awards(id, funder, name, total_pence, first_year, last_year, conditions, revenue_bp, "
            "capital_bp, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET funder = excluded.funder, name = excluded.name, "
            "total_pence = excluded.total_pence, first_year = excluded.first_year, last_year = excluded.last_year, "
            "conditions = excluded.conditions, revenue_bp = excluded.revenue_bp, capital_bp = excluded.capital_bp, "
            "notes = excluded.notes, updated_at = excluded.updated_at",
            (award.id, award.funder, award.name, award.total_pence, award.first_year, award.last_year,
             award.conditions, award.revenue_bp, award.capital_bp, award.notes, now, now))
        # Each year's row keeps its identity, as a project's cost lines do: a note added deleted every year and added
        # it again under a new id, which the audit trail (and the county it is sent to) recorded as years removed.
        held = dict(store.conn.execute("SELECT financial_year, amount_pence FROM funding_award_years "
                                       "WHERE award_id = ?", (award.id,)).fetchall())
        store.conn.executemany(
            "UPDATE funding_award_years SET amount_pence = ? WHERE award_id = ? AND financial_year = ?",
            [(pence, award.id, year) for year, pence in sorted(award.years.items())
             if year in held and held[year] != pence])
        store.conn.executemany("DELETE FROM funding_award_years WHERE award_id = ? AND financial_year = ?",
                               [(award.id, year) for year in sorted(held) if year not in award.years])
        store.conn.executemany(
            "INSERT INTO funding_award_years(id, award_id, financial_year, amount_pence) VALUES (?, ?, ?, ?)",
            [(new_id(), award.id, year, pence) for year, pence in sorted(award.years.items()) if year not in held])
    return get_award(store, award.id)


# Where an award's rows are (one "?": its id), in the order they are written back.
_AWARD_ROWS = {"funding_awards": "id = ?", "funding_award_years": "award_id = ?"}


@dataclass(frozen=True)
class AwardSnapshot:
    """An award's rows as they were (parts None when it was not in the file: restoring removes it), and the
    scenarios that were against it (against it again when it is put back)."""

    award_id: str
    parts: tuple[snapshots.Part, ...] | None
    scenario_ids: tuple[str, ...] = ()


def snapshot_award(store: Store, award_id: str) -> AwardSnapshot:
    scenarios = tuple(r[0] for r in store.rows("SELECT id FROM commissioning_scenarios WHERE award_id = ?",
                                               (award_id,)))
    return AwardSnapshot(award_id, snapshots.take_record(store.conn, "funding_awards", award_id, _AWARD_ROWS),
                         scenarios)


def delete_award(store: Store, award_id: str) -> AwardSnapshot:
    """Delete an award (scenarios against it keep their fund and lose the link); returns what undo needs."""
    get_award(store, award_id)  # one no longer in the file is said so
    snapshot = snapshot_award(store, award_id)
    with store.transaction():
        store.conn.execute("DELETE FROM funding_awards WHERE id = ?", (award_id,))
    return snapshot


def scenarios_against(store: Store, award_id: str, *, years: Sequence[str] | None = None) -> int:
    """How many saved commissioning scenarios are against the award (deleting it unlinks them), or against it
    for one of ``years``."""
    sql = "SELECT count(*) FROM commissioning_scenarios WHERE award_id = ?"
    if years is not None:
        sql += f" AND award_year IN ({', '.join('?' * len(years))})"
    return int(store.scalar(sql, (award_id, *(years or ()))) or 0)


def projects_naming(store: Store, award: Award) -> list:
    """The projects with a share naming the award after its funder ("Suffolk Public Sector Leaders — County Lines"):
    deleting or renaming the award leaves those shares naming an award the funder does not have."""
    from safer_desk.domain.commissioning import named_award, names_award
    from safer_desk.services.projects import load_projects, register_order

    def names_it(share: Share) -> bool:
        words = named_award(share.funder, award.funder)
        return words is not None and names_award(words, award.name)

    return sorted((p for p in load_projects(store) if any(names_it(s) for s in shares_of(p))), key=register_order)


def projects_from_funder(store: Store, old: Award, new: Award) -> list:
    """The projects with a share from the award's funder by its name alone ("OPCC (2017/18): £110,000") that the award
    no longer counts under the funder it is given (corrected to "Office of the Police and Crime Commissioner"): their
    shares are then from a funder with no award, and count against none."""
    from safer_desk.domain.commissioning import counts_against
    from safer_desk.services.projects import load_projects, register_order

    return sorted((p for p in load_projects(store) if any(
        same_funder(s.funder, old.funder) and not counts_against(s.funder, new) for s in shares_of(p))),
        key=register_order)


def restore_award(store: Store, snapshot: AwardSnapshot) -> None:
    """Put an award back exactly as the snapshot took it, ids and times included (or remove it, if it was not in
    the file then), with the scenarios that pointed at it pointing at it again."""
    with store.transaction():
        snapshots.put_back_record(store.conn, "funding_awards", snapshot.award_id, snapshot.parts)
        if snapshot.parts is not None:
            store.conn.executemany("UPDATE commissioning_scenarios SET award_id = ? WHERE id = ?",
                                   [(snapshot.award_id, sid) for sid in snapshot.scenario_ids])


def funder_names(store: Store) -> list[str]:
    """Funders named by awards or by projects' funding, each once (for choosing in an editor)."""
    names: dict[str, str] = {}
    for r in store.rows("SELECT funder FROM funding_awards UNION ALL SELECT source FROM project_funding_sources"):
        names.setdefault(funder_key(r[0]), r[0])
    return sorted(names.values(), key=str.casefold)


# -- a project's funding by funder ---------------------------------------------------------------------------

def shares_of(project) -> list[Share]:
    """A project's funding sources as funders' shares (domain.commissioning.Share)."""
    return [Share(s.source, s.amount_pence, s.amount_note, s.financial_year) for s in project.funding_sources]


def set_project_funding(store: Store, project_id: str, sources: Sequence) -> tuple:
    """Replace a project's funding by funder and year (a sequence of services.projects.FundingSource).

    Returns the funding it replaced, so undo is the same call with that.
    """
    from safer_desk.services.projects import FundingSource, get_project, save_project

    project = get_project(store, project_id)
    cleaned = []
    for s in sources:
        if not isinstance(s, FundingSource):
            raise FundingError("Each share is a funding source (funder, amount or words, year).")
        if not s.source.strip():
            raise FundingError("Funder: say who pays each share.")
        if s.amount_pence is not None and s.amount_pence < 0:
            raise FundingError(f"{s.source}: a share cannot be negative.")
        cleaned.append(replace(s, source=s.source.strip(), financial_year=_year(s.financial_year, s.source)))
    before = project.funding_sources
    save_project(store, replace(project, funding_sources=tuple(cleaned)))
    return before


@dataclass(frozen=True)
class FunderShareRow:
    """One project's share from one funder, against the project's total (for the register and the report)."""

    project_id: str
    ref: str
    title: str
    funder: str
    financial_year: str
    amount_pence: int | None
    words: str  # the paper's words when the amount is not known ("Tbc")
    total_pence: int | None  # the project's planning cost
    of: str = ""  # the cost as stated, as a share is of it (``of_cost``: " of at least £50,000")

    def describe(self) -> str:
        year = f" ({self.financial_year})" if self.financial_year else ""
        if self.amount_pence is None:
            return f"{self.funder}{year}: {self.words or 'not known'}"
        return f"{self.funder}{year}: {format_money(self.amount_pence)}{self.of}"


def of_cost(project) -> str:
    """What a share is of, as the editor says it: " of £501,753", " of £54,372 - £62,372" (a range: not its upper end
    alone), " of at least £50,000" (a minimum: not the whole cost); "" with no cost stated."""
    cost = project.cost
    if cost is None or not cost.planning_pence:
        return ""
    if cost.kind == "minimum":
        return f" of at least {format_money(cost.min_pence)}"
    return f" of {cost.describe()}"


def funder_share_rows(projects: Iterable, funder: str | None = None) -> list[FunderShareRow]:
    """Each project's shares by funder (one funder's only when given), in register order."""
    rows = []
    for p in projects:
        for s in p.funding_sources:
            if funder is not None and not same_funder(s.source, funder):
                continue
            rows.append(FunderShareRow(p.id, p.ref, p.title, s.source, s.financial_year, s.amount_pence,
                                       s.amount_note, p.planning_pence, of_cost(p)))
    return rows


def shares_text(project, *, plain: bool = False, with_cost: bool = True) -> str:
    """A project's funders' shares in one cell: "OPCC (2017/18): £110,000 of £501,753" (plain pounds if asked; without
    " of £501,753" where the cost has a column of its own, as the editor's Funding sources are typed)."""
    from safer_desk.services.projects import year_cost_by_lines  # (it reads this module's shares)

    parts = []
    for s in project.funding_sources:
        year = f" ({s.financial_year})" if s.financial_year else ""
        if s.amount_pence is None:
            parts.append(f"{s.source}{year}: {s.amount_note or 'not known'}")
        elif plain:
            parts.append(f"{s.source}{year}: {format_pounds_plain(s.amount_pence)}")
        elif with_cost and s.financial_year and (year_cost := year_cost_by_lines(project, s.financial_year)):
            # the year's money pays the year's cost, where the cost lines give it (2017/18's £30,000 of £90,000)
            parts.append(f"{s.source}{year}: {format_money(s.amount_pence)} of {format_money(year_cost)} for "
                         f"{s.financial_year}")
        else:
            parts.append(f"{s.source}{year}: {format_money(s.amount_pence)}{of_cost(project) if with_cost else ''}")
    return "; ".join(parts)



def award_share(project, award: Award, year: str | None = None):
    """The project's share from the award's funder for the year (domain.commissioning.ShareLookup)."""
    return share_for(shares_of(project), award.funder, year)


# -- `safer-desk projects` -------------------------------------------------------------------------------------

def register_cli_header(origins: RowOrigins = NOT_A_COUNTY_FILE) -> list[str]:
    """The register's CSV header: the first columns as before, then the ref, each criterion's qualifier
    ("(in some areas)" where the criterion reads yes) and the funders' shares; in a county file (``origins`` shown)
    last ``merged_from``, the office each project came from (an office's own output is as it always was)."""
    from safer_desk.domain.projects import CRITERIA_KEYS
    from safer_desk.services.projects import CLI_HEADER

    merged = ["merged_from"] if origins.shown else []
    return [*CLI_HEADER, "ref", *(f"{k}_qualifier" for k in CRITERIA_KEYS), "funders", *merged]


def register_cli_rows(store: Store, origins: RowOrigins = NOT_A_COUNTY_FILE) -> list[list[str]]:
    """The register for `safer-desk projects FILE`: each row as before, plus ref, qualifiers and funders'
    shares ("OPCC (2017/18): 110000"; the paper's words where the amount is not known: "OPCC (2017/18): Tbc");
    in a county file (``origins`` shown: ``provenance.row_origins``) where each came from, in the window's words
    ("Babergh office", "Typed in the county file")."""
    from safer_desk.domain.projects import CRITERIA_KEYS
    from safer_desk.services.projects import load_projects, register_csv_rows

    base = register_csv_rows(store)
    by_id = {p.id: p for p in load_projects(store)}
    rows = []
    for row in base:
        p = by_id[row[0]]
        merged = [origins.of(p.id)] if origins.shown else []
        rows.append([*row, p.ref, *(p.criterion(k).qualifier for k in CRITERIA_KEYS), shares_text(p, plain=True),
                     *merged])
    return rows


def awards_cli_header(origins: RowOrigins = NOT_A_COUNTY_FILE) -> list[str]:
    """``safer-desk awards``'s header; in a county file (``origins`` shown) last ``merged_from``, as the register's."""
    return ["funder", "name", "year", "amount", "total", "first_year", "last_year", "revenue_pct", "capital_pct",
            "conditions", *(["merged_from"] if origins.shown else [])]


def awards_cli_rows(store: Store, origins: RowOrigins = NOT_A_COUNTY_FILE) -> list[list[str]]:
    """``safer-desk awards``: one row per award and year (one row with no year for an award not split by year); in a
    county file each ends with the office the award came from ("Babergh office", "Typed in the county file")."""
    from safer_desk.domain.dhr import format_bp

    out = []
    for a in list_awards(store):
        split = ["", ""] if a.revenue_bp is None else [format_bp(a.revenue_bp).rstrip("%"),
                                                       format_bp(a.capital_bp).rstrip("%")]
        total = "" if a.total_pence is None else format_pounds_plain(a.total_pence)
        years = sorted(a.years.items()) or [("", None)]
        for year, pence in years:
            out.append([a.funder, a.name, year, "" if pence is None else format_pounds_plain(pence), total,
                        a.first_year, a.last_year, *split, a.conditions,
                        *([origins.of(a.id)] if origins.shown else [])])
    return out
