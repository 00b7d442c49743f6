"""Budgets and plans in the board report: each plan's table in the paper's shape, with its checks.

Computed subtotals and totals are shown beside the totals the paper printed ("as printed"); a printed
figure that disagrees with its lines is marked ⚠ and said in a sentence under the table, one that could not be
checked (a TBC or N/K in its lines) is marked "(not checked)", as the Budgets tab marks it ℹ. A plan with
annual change columns (seed 004's revenue budget) shows them as the paper does, "(27.5)" for a fall.
"""

from __future__ import annotations

from collections.abc import Sequence

from dataclasses import replace
from datetime import date

from safer_desk.domain.budgets import (change_spans, change_word, format_actual_total, format_change,
                                      skipped_years_sentence)
from safer_desk.domain.periods import FinancialYear
from safer_desk.domain.text import counted, in_words
from safer_desk.services.provenance import row_origins
from safer_desk.services.report_model import ReportAreas, ReportSection, ReportTable
from safer_desk.storage.store import Store

FLAG = " ⚠"
# A printed total that could not be checked (a TBC or N/K in its lines): the grid's ℹ has no glyph in the PDF's font.
UNCHECKED = " (not checked)"


def _plan_in(store: Store, plan_id: str, year: FinancialYear | None, areas: ReportAreas) -> bool:
    """A plan is in the report for a year it has a column of, and for the areas it is the plan of: its
    partnership's or district's, its county's, or (naming no area) the office's own business."""
    if year is not None:
        years = {r[0] for r in store.rows("SELECT financial_year FROM budget_columns WHERE plan_id = ? "
                                          "AND financial_year <> ''", (plan_id,))}
        if years and year.label not in years:
            return False
    plan_area = store.scalar("SELECT area_id FROM budget_plans WHERE id = ?", (plan_id,))
    if not plan_area:
        return areas.office
    county = store.scalar("SELECT name FROM indicator_areas WHERE id = ? AND kind = 'county'", (plan_area,))
    return areas.covers_county(county) if county else areas.covers(plan_area)


def plans_outside_office(store: Store, plan_ids: Sequence[str]) -> frozenset[str]:
    """The plans the office's board report (All areas, any year) leaves out as of no area of the office's (the
    example's East Sussex plans in a Suffolk office's file): the Budgets tab lists them after the office's own, said
    apart. None for an office naming no areas yet (the areas it holds figures for are its own)."""
    from safer_desk.services.report_sections import office_areas_for

    if not plan_ids:
        return frozenset()
    areas = office_areas_for(store, None, None)
    if areas.unnamed:
        return frozenset()
    return frozenset(i for i in plan_ids if not _plan_in(store, i, None, areas))


def plan_area_names(store: Store, plan_ids: Sequence[str]) -> list[str]:
    """The areas these plans are of, by name ("East Sussex"), each once, in order."""
    names = {store.scalar("SELECT a.name FROM budget_plans p JOIN indicator_areas a ON a.id = p.area_id "
                          "WHERE p.id = ?", (i,)) for i in plan_ids}
    return sorted((n for n in names if n), key=str.casefold)


def board_report_sections(store: Store, *, year: FinancialYear | None = None, areas: ReportAreas | None = None,
                          today: date | None = None) -> list[ReportSection]:
    """One section for the file's budgets and plans (those with a column in the year, in the report's areas); the
    report's day (``today``) changes none of it."""
    from safer_desk.services import budgets
    from safer_desk.services.illustrative import illustrative_rows
    from safer_desk.services.report_sections import office_areas_for

    areas = office_areas_for(store, year, areas)
    plans = [p for p in budgets.list_plans(store) if _plan_in(store, p.id, year, areas)]
    absent = _partnership_plans_left_out(store, year, areas, plans)
    if not plans:
        return [ReportSection("Budgets and plans", [absent])] if absent else []
    marked = illustrative_rows(store, "budget_cells")
    origins = row_origins(store, "budget_plans")  # in a county file, the office each plan came from
    tables, views = [], []
    for summary in plans:
        view = budgets.plan_view(store, summary.id)
        views.append(view)
        table = plan_table(view, marked_cells=_marked_cells(store, summary.id, marked))
        whose = _partnership_label(store, summary.id, year, areas)
        said = origins.sentence(summary.id)  # as a fund's burn-down and the register say it
        if whose or said:
            table = replace(table, note=" ".join(filter(None, [whose, table.note, said])))
        tables.append(table)
    paragraphs = ["Each plan as its paper sets it out. Subtotals and totals are worked out from the lines and shown "
                  "beside the totals the paper printed (“as printed”); TBC and N/K cells are carried, so a total that "
                  "depends on them says so. " + _checks_sentence(sum(p.flags for p in plans), views)]
    if absent:
        paragraphs.append(absent)
    return [ReportSection("Budgets and plans", paragraphs, tables)]


def _plan_partnership(store: Store, plan_id: str) -> tuple[str, str] | None:
    """The partnership a plan is the plan of, as (id, name), or None for a district's, a county's or the office's."""
    r = store.rows("SELECT p.id, p.name FROM budget_plans b JOIN partnerships p ON p.id = b.area_id WHERE b.id = ?",
                   (plan_id,))
    return (r[0][0], r[0][1]) if r else None


def _members_in_report(store: Store, partnership_id: str, year: FinancialYear | None, areas: ReportAreas) -> list[str]:
    """The report's districts that the partnership covered in the year (any year when None), by name."""
    from safer_desk.services import reference as ref

    ids = set(ref.partnership_district_ids(store, partnership_id, year)) & areas.district_ids
    names = [r[0] for r in store.rows("SELECT name FROM districts WHERE id IN (%s)" % ",".join("?" * len(ids)),
                                      tuple(ids))] if ids else []
    return sorted(names, key=str.casefold)


def _partnership_label(store: Store, plan_id: str, year: FinancialYear | None, areas: ReportAreas) -> str:
    """A partnership's plan in a report that is not that partnership's (a district office's "All areas", a county's):
    whose plan it is, so its amounts are not read as the district's own."""
    owner = _plan_partnership(store, plan_id)
    if owner is None or areas.kind == "partnership" or areas.unnamed:
        return ""
    from safer_desk.services import reference as ref

    if owner[0] in {p.id for p in ref.office_scope(store).partnerships}:
        return ""  # the office's own partnership, named as such
    members = _members_in_report(store, owner[0], year, areas)
    if not members:
        return ""
    whose = f"the partnership {members[0]} is part of" if len(members) == 1 else \
        f"the partnership of {in_words(members)}"
    return (f"The plan of {owner[1]}, {whose}: its amounts are the partnership's, not one district's (a “per "
            "district” figure is each district's part).")


def _partnership_plans_left_out(store: Store, year: FinancialYear | None, areas: ReportAreas, shown) -> str:
    """A district's report shows the district's own figures, not its partnership's plan: it says which plan it leaves
    out and where it is, rather than leaving the budgets out without a word."""
    if areas.kind != "district" or areas.unnamed:
        return ""
    from safer_desk.services import budgets
    from safer_desk.services import reference as ref

    partnerships = {p.id: p.name for p in ref.partnerships_of(store, areas.district_ids, year)}
    shown_ids = {p.id for p in shown}
    left = []
    for plan in budgets.list_plans(store):
        owner = _plan_partnership(store, plan.id)
        if plan.id in shown_ids or owner is None or owner[0] not in partnerships:
            continue
        whole = replace(areas, partnership_ids=frozenset({owner[0]}))
        if _plan_in(store, plan.id, year, whole):  # in the partnership's report of this year
            left.append((plan.name, owner[1]))
    if not left:
        return ""
    owners = sorted({o for _, o in left}, key=str.casefold)
    named = in_words([f"“{n}”" for n, _ in left])
    return (f"Not shown: {named}, the {'plan' if len(left) == 1 else 'plans'} of {in_words(owners)}, the "
            f"{'partnership' if len(owners) == 1 else 'partnerships'} {areas.label} is part of. This report shows "
            f"{areas.label}'s own figures only; the partnership's report ({in_words(owners)}) shows "
            f"{'it' if len(left) == 1 else 'them'}.")


def _checks_sentence(flagged: int, views: list) -> str:
    """The printed figures against their lines, as the Budgets tab's summary says it: not "every printed figure
    agrees" when some could not be checked (a TBC or N/K in their lines), and a total the paper prints as TBC or N/K
    said as such, not as a TBC in the lines."""
    printed_words = sum(1 for v in views for c in (*v.plan.stated_totals.values(),
                                                   *(x for section in v.plan.sections for x in section.stated.values()))
                        if not c.known)
    unchecked = max(0, sum(len(v.unchecked) for v in views) - printed_words)
    not_checked = f"{counted(unchecked, 'printed total')} could not be checked (a TBC or N/K in the lines, marked " \
        "“not checked”)"
    as_words = (f"{counted(printed_words, 'printed total')} {'is' if printed_words == 1 else 'are'} TBC or N/K as the "
                f"paper prints {'it' if printed_words == 1 else 'them'}, so not checked") if printed_words else ""
    if flagged:
        verb = "disagrees" if flagged == 1 else "disagree"
        return f"{counted(flagged, 'printed figure')} {verb} with the lines (marked ⚠)" + \
            "".join(f"; {s}" for s in (not_checked if unchecked else "", as_words) if s) + "."
    # "agrees" only when some printed figure was checked and agreed: of none, it misleads.
    others = any(c.agrees for v in views for c in v.totals.checks)
    if not unchecked and not others and as_words:
        return as_words[0].upper() + as_words[1:] + "."
    if not unchecked:
        # A plan printing no totals of its own has nothing to agree, as the Budgets tab says of it.
        return ("Every printed figure agrees with its lines" + (f"; {as_words}." if as_words else ".")) if others \
            else ("The plan prints no totals of its own to check against its lines." if len(views) == 1 else
                  "The plans print no totals of their own to check against their lines.")
    return not_checked + ("; the others agree with their lines" if others else "") + \
        (f"; {as_words}." if as_words else ".")


def _marked_cells(store: Store, plan_id: str, marked: dict[str, str]) -> dict[tuple[str, str], str]:
    if not marked:
        return {}
    out = {}
    for r in store.rows("SELECT c.id, c.line_id, c.column_id FROM budget_cells c JOIN budget_lines l "
                        "ON l.id = c.line_id JOIN budget_sections s ON s.id = l.section_id WHERE s.plan_id = ?",
                        (plan_id,)):
        if r[0] in marked:
            out[(r[1], r[2])] = marked[r[0]]
    return out


def plan_table(view, *, marked_cells: dict[tuple[str, str], str] | None = None) -> ReportTable:
    """A plan as a report table: the paper's rows and columns, computed totals, printed totals and flags."""
    plan = view.plan
    marked_cells = marked_cells or {}
    # Each year's annual change stands between it and the year before it, as the paper prints it: before the year
    # when the year before is to its left, after it in a plan saved with its years newest first (older versions).
    years = sorted((c for c in plan.columns if c.is_year), key=lambda c: c.financial_year)
    place = {c.id: i for i, c in enumerate(plan.columns)}
    change_before, change_after = set(), set()
    if plan.show_changes:
        for previous, current in zip(years, years[1:]):
            (change_before if place[previous.id] < place[current.id] else change_after).add(current.id)
    # "2-year change %" where the paper skips a year (2011/12, 2013/14): that change is over two years, not one.
    spans = {cid: years for cid, (_, years) in change_spans(plan).items()}
    header = [""]
    for column in plan.columns:
        heading = f"{change_word(spans.get(column.id, 1)).capitalize()} %"
        if column.id in change_before:
            header.append(heading)
        header.append(column.label)
        if column.id in change_after:
            header.append(heading)
    if plan.show_total_column:
        header.append("Total")
    rows, illustrative, keep = [], False, []
    for row in view.rows:
        if row.kind == "section":
            if len(plan.sections) > 1:  # a heading row, as the paper's "Community Safety" row
                keep.append(len(rows))
                rows.append([f"{row.label}:", *[""] * (len(header) - 1)])
            continue
        label = {"subtotal": row.label, "stated": row.label, "total": row.label,
                 "stated-total": row.label}.get(row.kind, "  " + row.label)
        if row.kind in ("subtotal", "total") and any(r.kind in ("stated", "stated-total") and r.section_id ==
                                                      row.section_id for r in view.rows):
            label += " (worked out)"
        out = [label]
        for column, cell in zip(plan.columns, row.cells):
            # An "(as printed)" row has no change worked out: the change the paper printed beside its total, if typed.
            change = format_change(cell.change.percent, paper=True) if cell.change else \
                cell.stated_change if row.kind in ("stated", "stated-total") else ""
            if column.id in change_before:
                out.append(change)
            text = cell.text + (FLAG if cell.flagged else UNCHECKED if cell.unchecked else "")
            if row.line_id and (row.line_id, column.id) in marked_cells:
                text += " (illustrative)"
                illustrative = True
            if (cell.note or cell.words) and row.kind == "line":  # the paper's own words for TBC said under it
                text += " *"
            out.append(text)
            if column.id in change_after:
                out.append(change)
        if plan.show_total_column:
            out.append(row.across.text if row.across is not None else "")
        rows.append(out)
        if row.actuals and any(a.text for a in row.actuals):
            keep.append(len(rows) - 1)  # the line stays with its actual
            actual = ["    actual: " + "; ".join(link.describe() for link in row.links)]
            for column, cell in zip(plan.columns, row.actuals):
                if column.id in change_before:
                    actual.append("")
                actual.append(cell.text)
                if column.id in change_after:
                    actual.append("")
            if plan.show_total_column:
                actual.append(format_actual_total((a.pence for a in row.actuals if a.pence is not None), plan.unit)
                              if any(a.pence is not None for a in row.actuals) else "")
            rows.append(actual)
    from safer_desk.services.budgets import shows_pence, with_pence

    if plan.unit == "pound" and shows_pence(text for row in rows for text in row[1:]):
        # One table writes its money one way, as the report's other tables do (``table_money``) and the Budgets tab
        # does: "£0" beside "£7,525.58" (seed 002's implications) did not line up, and read as a figure rounded away.
        rows = [[row[0], *(with_pence(text) for text in row[1:])] for row in rows]
    unit = "£'000" if plan.unit == "thousand" else "£"
    notes = [f"Amounts in {unit}." + (f" Source: {plan.source}." if plan.source else "")]
    # A year with nothing typed in it yet prints a blank column, its totals blank too: said, not read as figures lost.
    typed = [row for row in view.rows if row.kind in ("line", "stated", "stated-total")]
    empty = [column.label for i, column in enumerate(plan.columns)
             if typed and all(i >= len(row.cells) or not row.cells[i].text for row in typed)]
    if empty and len(empty) < len(plan.columns):
        notes.append(f"No figures are entered for {in_words(empty)} yet: "
                     + ("its column is blank." if len(empty) == 1 else "their columns are blank."))
    cell_notes = [f"* {row.label}, {column.label}: " + "; ".join(filter(None, (
                      cell.words and f"the paper states “{cell.words}” ({cell.text})", cell.note)))
                  for row in view.rows if row.kind == "line"
                  for column, cell in zip(plan.columns, row.cells) if cell.note or cell.words]
    notes += cell_notes
    # A linked line's actual leaves out what belongs to no year (a review's undated costs), as the tab says.
    from safer_desk.services.budgets import actuals_notes

    notes += actuals_notes(view)
    if plan.show_changes:
        notes.append(skipped_years_sentence(plan))
    notes += [f"⚠ {w}" for w in view.warnings]
    notes += list(view.unchecked)
    if plan.notes:
        notes.append(plan.notes)
    if illustrative:
        notes.append("Figures marked (illustrative) are example figures, not taken from a paper.")
    # A note typed without a full stop ("… key statutory partners") would run into the next ("Merged from …").
    return ReportTable(plan.name, header, rows, ["l", *["r"] * (len(header) - 1)],
                       note=" ".join(_as_sentence(n) for n in notes if n), keep_with_next=tuple(keep))


def _as_sentence(words: str) -> str:
    """The words ending as a sentence: a full stop added unless they end in one (or "!", "?", "…", a quote after
    one)."""
    words = words.rstrip()
    return words if words.rstrip("”’\"')").endswith((".", "!", "?", "…")) else f"{words}."
