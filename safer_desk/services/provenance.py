"""Which office each row of a county file came from, as the window says it (DESIGN §3: each row keeps where it came
from).

The county workbook says it on its Register, Reviews, Funds and other sheets (*Merged from*); the Projects register,
Costs > Reviews and Costs > Pooled funds say the same words, read by the same function
(``county_workbook.merged_origins``): the office that sent the row (called what it is called now), every office that
sent it alike, or that it was typed in the county file. In an office's own file (nothing merged into it) nothing is
said.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Mapping, Sequence

from safer_desk.domain.frozen import Frozen

if TYPE_CHECKING:
    from safer_desk.exchange.files import Sheet
    from safer_desk.storage.store import Store

PROJECTS, REVIEWS, FUNDS, SCENARIOS = "projects", "dhr_cases", "funds", "commissioning_scenarios"
AWARDS, ALLOCATIONS, TOP_SLICES = "funding_awards", "allocation_scenarios", "allocation_top_slices"
# The column's heading, as services.county_workbook.MERGED_FROM (a test holds them alike): that module is not imported
# here, because it brings in the exchange (~0.1 s) and the register and the Costs pages are on the first-paint path.
MERGED_FROM = "Merged from"
# A row several offices sent alike, in a county file merged before the county kept which (county_workbook's words).
SEVERAL_OFFICES = "Several offices"
# A row only offices' copies of the example sent, unchanged (services.example_rows): no office's own work.
EXAMPLE_DATA = "Example data"
EXAMPLE_PHRASE = "example data, as copies of Safer Desk's example sent it"


class RowOrigins(Frozen):
    """The office each row of one table came from, by row id; ``shown`` only in a county file (something merged).

    Frozen, compared (and, its mapping being a dict, not hashable) as the tuple of its fields, as the
    ``@dataclass(frozen=True)`` it was: written out, its methods are compiled into the .pyc, where a dataclass's are
    compiled each start (issue 16)."""

    __slots__ = ("by_key", "shown", "typed")
    __match_args__ = ("by_key", "shown", "typed")
    by_key: Mapping[str, str]
    shown: bool
    typed: str  # the words for a row typed in the county file (services.county_workbook.TYPED_AT_COUNTY)

    def __init__(self, by_key: Mapping[str, str] | None = None, shown: bool = False, typed: str = "") -> None:
        object.__setattr__(self, "by_key", {} if by_key is None else by_key)
        object.__setattr__(self, "shown", shown)
        object.__setattr__(self, "typed", typed)

    def of(self, key: str | None) -> str:
        """The row's *Merged from* words ("Babergh office"; "Typed in the county file"); "" in an office's own file."""
        if not self.shown:
            return ""
        return self.by_key.get(key or "", self.typed)

    def phrase(self, key: str | None) -> str:
        """The row's origin within a sentence ("merged from Babergh office", "typed in the county file"); "" in an
        office's own file."""
        words = self.of(key)
        if not words:
            return ""
        if words == EXAMPLE_DATA:  # not "merged from Example data"
            return EXAMPLE_PHRASE
        words = words.lower() if words == SEVERAL_OFFICES else words  # "merged from several offices"
        said = words if words == self.typed else f"{MERGED_FROM} {words}"
        return f"{said[0].lower()}{said[1:]}"

    def sentence(self, key: str | None) -> str:
        """The row's origin as its detail says it ("Merged from Babergh office."); "" in an office's own file."""
        phrase = self.phrase(key)
        return f"{phrase[0].upper()}{phrase[1:]}." if phrase else ""

    def comes_back_words(self, keys: Sequence[str]) -> str:
        """What Delete asks in a county file of rows an office sent: "It was merged from Babergh office, whose file
        still has it: its next export, merged, puts it back. To remove it for good, ask Babergh office to delete it
        in its own file." (the merge says it only afterwards, "Added again, though deleted in the county file …");
        "" for rows typed in the county file and in an office's own file. Offices not recorded (a row several sent
        alike, in a county file merged before the county kept which) are "several offices", "other offices"."""
        merged = [k for k in keys if self.shown and k in self.by_key]
        if not merged:
            return ""
        from safer_desk.domain.text import in_words

        if all(self.by_key[k] == EXAMPLE_DATA for k in merged):  # only copies of the example hold them
            it, one = ("it", "It is") if len(merged) == 1 else ("them", "They are")
            who = one if len(merged) == len(keys) else \
                f"{len(merged)} of them {'is' if len(merged) == 1 else 'are'}"
            return (f"{who} the example data, which the offices that sent their copies of Safer Desk's example "
                    f"still hold: their next exports, merged, put {it} back. To remove {it} for good, ask those "
                    f"offices to delete {it} in their own files.")

        offices = sorted({o for k in merged for o in self.by_key[k].split(", ")} - {SEVERAL_OFFICES, EXAMPLE_DATA},
                         key=str.casefold)
        # which is not recorded (never one), or copies of the example
        unrecorded = any(self.by_key[k] in (SEVERAL_OFFICES, EXAMPLE_DATA) for k in merged)
        if unrecorded:
            offices.append("other offices" if offices else "several offices")
        it = "it" if len(merged) == 1 else "them"
        who = ("It was" if len(keys) == 1 else "They were" if len(merged) == len(keys)
               else f"{len(merged)} of them {'was' if len(merged) == 1 else 'were'}")
        if len(offices) == 1 and not unrecorded:
            return (f"{who} merged from {offices[0]}, whose file still has {it}: its next export, merged, puts {it} "
                    f"back. To remove {it} for good, ask {offices[0]} to delete {it} in its own file.")
        return (f"{who} merged from {in_words(offices)}, whose files still have {it}: their next exports, merged, put "
                f"{it} back. To remove {it} for good, ask those offices to delete {it} in their own files.")

    def in_sheet(self, sheet: "Sheet", keys: Sequence[str | None], *, after: str | None = None) -> "Sheet":
        """``sheet`` (one a table's Export… writes) with the *Merged from* column the window shows, after the heading
        ``after`` (last when None); ``keys`` are its rows' ids, in its order. In an office's own file the sheet as it
        is. Text that reads as a formula is quoted by the writer, as every cell is (``domain.text.neutralise_cell``)."""
        if not self.shown:
            return sheet
        if len(keys) != len(sheet.rows):
            raise ValueError(f"{len(keys)} row ids for the {len(sheet.rows)} rows of sheet {sheet.name}")
        at = list(sheet.header).index(after) + 1 if after is not None else len(sheet.header)

        def moved(columns: set[int]) -> set[int]:
            return {c + 1 if c >= at else c for c in columns}

        return replace(sheet, header=[*sheet.header[:at], MERGED_FROM, *sheet.header[at:]],
                       rows=[[*row[:at], self.of(key), *row[at:]] for row, key in zip(sheet.rows, keys)],
                       money_columns=moved(sheet.money_columns), percent_columns=moved(sheet.percent_columns))


NOT_A_COUNTY_FILE = RowOrigins()


def titles_said(rows, origins: RowOrigins) -> dict[str, str]:
    """The rows (projects) whose title alone does not say which they are, by id, each as a sentence names it:
    "Outreach worker (merged from Babergh office)" where two offices of a county file each sent an "Outreach worker";
    in an office's own file, by its ref and title as the Ref column tells them apart ("17. Outreach worker" beside
    this year's 16), unless the ref tells nothing more (none, or another twin's too). Commissioning, the register,
    Budgets and the board report name them so."""
    from collections import Counter

    repeated = {title for title, n in Counter(r.title for r in rows).items() if n > 1}
    if origins.shown:
        return {r.id: f"{r.title} ({origins.phrase(r.id)})" for r in rows if r.title in repeated}
    twins = [r for r in rows if r.title in repeated and getattr(r, "ref", "")]
    refs = Counter((r.title, r.ref) for r in twins)
    return {r.id: f"{r.ref}. {r.title}" for r in twins if refs[(r.title, r.ref)] == 1}


def names_said(rows, origins: RowOrigins) -> dict[str, str]:
    """The merged rows (commissioning scenarios) of a county file by id, each named with the office it came from:
    "Option A (merged from Babergh office)". Every office may save an "Option A" of its own (one conflict at the
    county, which keeps one of them), so each merged name is said so; one typed in the county file is the county
    lead's own, and is not. None in an office's own file."""
    if not origins.shown:
        return {}
    return {r.id: f"{r.name} ({origins.phrase(r.id)})" for r in rows if r.id in origins.by_key}


def merged_into(store: "Store") -> bool:
    """Whether anything was merged into the file (a county file): two queries, nothing county-related imported."""
    from safer_desk.storage.schema import PROVENANCE_TABLE

    return bool(store.scalar("SELECT 1 FROM sqlite_master WHERE name = ?", (PROVENANCE_TABLE,))
                and store.scalar(f"SELECT 1 FROM {PROVENANCE_TABLE} LIMIT 1"))


def row_origins(store: "Store", table: str) -> RowOrigins:
    """Where each row of ``table`` (projects, dhr_cases or funds) came from, read once for a whole list."""
    return rows_origins(store, (table,))[table]


def rows_origins(store: "Store", tables: Sequence[str]) -> dict[str, RowOrigins]:
    """``row_origins`` of several tables (a fund's, its contributions', referrals' and spend lines'), asked whether
    the file is a county file once and read in one pass."""
    if not merged_into(store):  # an office's own file, told before the county's words are imported
        return {table: NOT_A_COUNTY_FILE for table in tables}
    from safer_desk.services.county_workbook import TYPED_AT_COUNTY, merged_origins

    origins = merged_origins(store, tuple(tables))  # these tables only, not every indicator figure's
    if not origins:
        return {table: NOT_A_COUNTY_FILE for table in tables}
    return {table: RowOrigins(origins.get(table, {}), True, TYPED_AT_COUNTY) for table in tables}
