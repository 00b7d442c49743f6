"""The costs tab's part of the board report: DHR cost recovery and each pooled fund's burn-down."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from safer_desk.domain.disclosure import count_given
from safer_desk.domain.dhr import LABELS, first_stage_done, timescales_words, welsh_name_words
from safer_desk.domain.funds import KEYED_TO_ON_THE_COMMAND_LINE
from safer_desk.domain.money import format_money, table_money
from safer_desk.domain.periods import FinancialYear, format_uk_date
from safer_desk.domain.text import counted
from safer_desk.services.provenance import FUNDS, MERGED_FROM, REVIEWS, row_origins
from safer_desk.services.report_model import ReportAreas, ReportChart, ReportSection, ReportSeries, ReportTable
from safer_desk.services.report_sections import merged_from_cells
from safer_desk.storage.store import Store


# What the number in a case's "⚠ Overdue (7)" counts (services.dhr.CaseSummary.overdue_items).
OVERDUE_COUNTED = "Overdue (n): n stages, recommendations or partners' invoices past their due dates."


def board_report_sections(store: Store, *, year: FinancialYear | None = None, areas: ReportAreas | None = None,
                          today: date | None = None) -> list[ReportSection]:
    """This tab's sections for the board report: the reviews open in the year and the funds running in it,
    in the report's areas (a review by its district or partnership, a fund by the districts it spent in).

    The reviews' figures are as at ``areas.as_at`` (None: ``today``, everything recorded), read as `dhr-ledger
    --as-at` reads them: what had happened by that day, overdue counted on it; a review notified after it is left
    out. The funds' are as at the same day (``funds.fund_figures`` on it, as `safer-desk fund --today` and the fund's
    page on that day give them), saying the day when it is not today; a fund not begun by then is not listed."""
    from safer_desk.services import dhr, funds
    from safer_desk.services.report_sections import office_areas_for
    from safer_desk.services.illustrative import illustrative_rows

    areas = office_areas_for(store, year, areas)
    today = today or date.today()
    as_at = areas.as_at
    day = as_at or today  # overdue counted on the day the figures are as at, as dhr-ledger --as-at counts it
    sections = []
    label = dhr.review_label(store)
    held = {r["id"]: r for r in store.rows("SELECT id, district_id, partnership_id, notified_on, published_on "
                                          "FROM dhr_cases")}  # each review's areas and dates, read once
    case_areas = {i: (r["district_id"], r["partnership_id"]) for i, r in held.items()}
    every_case = dhr.list_cases(store, today=day, as_at=as_at)
    # A review naming no district or partnership is the office's own business, as a fund not yet spent is. One
    # notified after the day the figures are as at is not listed (dhr.notified_after), nor counted in the ledger.
    cases = [c for c in every_case
             if (areas.covers(*case_areas.get(c.id, ())) or (areas.office and not any(case_areas.get(c.id, ()))))
             and (year is None or _case_open_during(held.get(c.id), year))
             and (areas.until is None or _notified_by(held.get(c.id), areas.until))]
    if cases:
        # Of the reviews shown: a note about another review's example figures would be about nothing in the table.
        shown = {c.id for c in cases}
        # A payment is marked in a review's Paid only when it had been made by the day the figures are as at.
        day_iso = as_at.isoformat() if as_at else None
        paid_marked = shown & _cases_with_marked(store, illustrative_rows(store, "dhr_payments"),
                                                 "SELECT p.id, s.case_id FROM dhr_payments p JOIN dhr_shares s "
                                                 "ON s.id = p.share_id WHERE ? IS NULL OR p.paid_on <= ?",
                                                 (day_iso, day_iso))
        lines_marked = shown & _cases_with_marked(store, illustrative_rows(store, "dhr_cost_lines"),
                                                  "SELECT id, case_id FROM dhr_cost_lines")
        # Pence throughout a table when any of its figures has them, as the window's Costs tables show them.
        # A review's refunds (paid beyond a partner's share and given back) are a last column where there are any.
        refunds = ["refunded_pence"] if any(c.refunded_pence for c in cases) else []
        money = table_money(v for c in cases for v in (c.cost_pence, c.net_billed_pence, c.recovered_pence,
                                                       c.outstanding_pence, c.shortfall_pence, c.unbilled_pence,
                                                       c.refunded_pence))
        case_rows = [[c.reference, dhr.KIND_WORDS.get(c.kind, c.kind), c.district, c.current_stage, c.flag,
                      money(c.cost_pence) if c.cost_known else "Not yet known",
                      money(c.net_billed_pence),
                      money(c.recovered_pence) + (" (illustrative)" if c.id in paid_marked else ""),
                      money(c.outstanding_pence),
                      money(c.shortfall_pence), money(c.unbilled_pence),
                      *(money(getattr(c, f)) for f in refunds)] for c in cases]
        billing = [f"{c.reference}: {c.billing_text}" for c in cases if c.billing_text]
        marks = []
        if paid_marked:
            marks.append("Payments marked (illustrative) are example figures, not from a paper.")
        if lines_marked:
            marks.append("The split of a review's cost into cost lines is illustrative where the paper gives only "
                         "the total.")
        if any(c.overdue_items for c in cases):
            marks.append(OVERDUE_COUNTED)
        known = [c for c in cases if c.cost_known]
        if known and len(known) < len(cases):
            marks.append("The total cost is of the reviews whose cost is known so far.")
        # As the Costs tab's Total: of costs none of which is known, "Not yet known", never £0.
        total_cost = money(sum(c.cost_pence for c in known)) if known else "Not yet known"
        ledger = (dhr.partner_ledger(store, today=day, as_at=as_at) if len(cases) == len(every_case)
                  else _ledger_of(dhr, store, [c.id for c in cases], day, as_at))
        # In a county file, after the case, the office each review came from, as Costs > Reviews and the Ledger say.
        origins = row_origins(store, REVIEWS)
        merged = [MERGED_FROM] if origins.shown else []
        came, every = merged_from_cells(origins, [c.id for c in cases])  # "5 offices", named in the note
        tables = [ReportTable("Cost recovery per case", ["Case", *merged, "Kind", "District", "Stage reached",
                                                         "Status", "Cost", "Net billed", "Paid", "Outstanding",
                                                         "Shortfall", "Not yet billed",
                                                         *(["Refunded"] if refunds else [])],
                              [[row[0], *([o] if merged else []), *row[1:]]
                               for o, row in zip(came, case_rows)],
                              align=["l", *(["l"] if merged else []), "l", "l", "l", "l", "r", "r", "r", "r", "r", "r",
                                     *(["r"] if refunds else [])],
                              total_row=["Total", *([""] if merged else []), "", "", "", "", total_cost, *(
                                  money(sum(getattr(c, f) for c in cases)) for f in (
                                      "net_billed_pence", "recovered_pence", "outstanding_pence", "shortfall_pence",
                                      "unbilled_pence", *refunds))],  # as the Costs tab's list adds them up
                              note=" ".join([*marks, *filter(None, [every])]))]
        if ledger:
            refunded = any(p.refunded_pence for p in ledger)
            ledger_rows, ledger_total = recovery_rows(ledger, refunded=refunded)
            tables.append(ReportTable("Cost recovery per partner", ["Partner", "Billed", "Paid",
                                                                    "Refused or written off", "Outstanding",
                                                                    "Overdue", *(["Refunded"] if refunded else [])],
                                      ledger_rows, align=["l", "r", "r", "r", "r", "r", *(["r"] if refunded else [])],
                                      total_row=ledger_total))
        else:
            # A table of partners with nothing but "Total £0" under it would read as if the partners owed nothing.
            unbilled = sum(c.unbilled_pence for c in cases)
            past = as_at is not None and as_at < today
            said, was = ((f"Nothing had been billed to the partners by {format_uk_date(as_at)}", "was") if past
                         else ("Nothing has been billed to the partners yet", "is"))
            billing.append(said + (f": {format_money(unbilled)} of cost {was} not yet billed." if unbilled else "."))
        reviews = sum(c.kind == "review" for c in cases)
        # Billed again by an earlier Safer Desk, which kept none of the invoices it withdrew: said, not invented.
        shown = {c.reference for c in cases}
        unkept = [dhr.unkept_words([r for r in dhr.billed_again_unkept(store, as_at) if r in shown], as_at),
                  # cost lines an earlier Safer Desk deleted without keeping them: their cost then may read short
                  dhr.deleted_unkept_words([r for r in dhr.deleted_lines_unkept(store, as_at) if r in shown], as_at),
                  # and deleted while the audit trail was not recording them: not known at all
                  dhr.unrecorded_words(dhr.deleted_lines_unrecorded(store, as_at), as_at),
                  # nor corrected while it was not recording them: read as corrected
                  dhr.corrections_unrecorded_words(dhr.corrections_unrecorded(store, as_at), as_at)
                  ] if as_at is not None else []
        unkept = [w for w in unkept if w]
        sections.append(ReportSection(
            title=f"{label}s: cost recovery",
            paragraphs=[f"{review_kinds_words(reviews, len(cases) - reviews)}. Costs are shared "
                        f"between the partnership's statutory partners; {_as_at_words(day, as_at, year, today, label)} "
                        "Net billed is what was billed less what was refused or written off (shares re-split "
                        "from a refusal are billed again), so once every refusal is dealt with it equals the cost.",
                        *(["Refunded is what was given back to a partner that paid more than its share (billed again "
                           "with another split after it paid): it is taken off net billed, and the cost it had "
                           "covered is billed again to the partners short of their shares."] if refunds else []),
                        *_boards_words(cases),
                        *billing, *_refunds_held_words(store, {c.id for c in cases}, as_at), *unkept,
                        # a SUSR's Welsh name; its stage deadlines: none statutory known, so its overdue is the
                        # file's rules'
                        *[w for w in [welsh_name_words(label), timescales_words(label)] if w]],
            tables=tables, as_at="reviews"))
    fund_origins = row_origins(store, FUNDS)  # in a county file, the office each fund came from
    district_names = {r[0].casefold() for r in store.rows("SELECT name FROM districts")}  # a fund's rows' places
    for fund in funds.list_funds(store):
        if year is not None and (fund.starts_on > year.last_day or fund.ends_on < year.first_day):
            continue  # a board report for a year shows the funds running in that year
        if areas.until is not None and fund.starts_on > areas.until.last_day:
            continue  # begun after the partnership the report is for had ended: another partnership's
        if as_at is not None and fund.starts_on > as_at:
            continue  # not begun by the day the report is as at: nothing of it had happened
        if not _fund_in_areas(store, fund.id, areas):
            continue
        # As at a day gone by (the reviews' too), the figures say which: the board's paper for a year is its end's.
        past = as_at is not None and as_at < today
        # The paper leaves the office: the burn rate and forecast over whole stretches of the months it joins.
        figures = funds.fund_figures(store, fund.id, today=day, day_named=past).shared
        when = f"As at {_day_words(as_at, year)}: c" if past else "C"
        money = table_money([*(p for *_, p in figures.by_month), *(p for *_, p in figures.by_district),
                             figures.spent_pence])
        # The paper leaves the office: no month of one or two victims first supported (the county export's rule).
        months, merged_notes = funds.months_shared(figures)
        # A fund of fewer than three victims in all says so, not 1 or 2: its money is kept (disclosure.count_given).
        victims, mean = funds.victims_shared(figures)
        month_rows = [[m, str(count_given(v)), money(p)] for m, v, p in months]
        # The paper leaves the office: no district of one or two victims is named (the county export's rule).
        shared, shared_words = funds.districts_shared(figures.by_district)
        # Every district it spent in is the report's (a partnership of them all): so is the spend not named.
        part = _area_part(shared, areas, district_names,
                          all_here=all(r[0].casefold() in areas.names for r in figures.by_district))
        district_rows = [[d, str(count_given(v)), money(p)] for d, v, p in (shared if part is None else part.rows)]
        whole = " (whole fund)" if part is not None else ""
        tables = [ReportTable(f"Spend per month{whole}", ["Month", "Victims first supported", "Spend"], month_rows,
                              align=["l", "r", "r"],
                              total_row=["Total", str(victims), money(figures.spent_pence)],
                              note=" ".join(filter(None, [_fund_marks(store, fund.id), *merged_notes]))),
                  # Its lines are the same spend as the months' (by district), so the same total, as the window's.
                  ReportTable("Spend per district", ["District", "Victims", "Spend"], district_rows,
                              align=["l", "r", "r"],
                              total_row=[f"Total{whole}", str(victims), money(figures.spent_pence)],
                              note=shared_words if any(r[0] == funds.OTHER_DISTRICTS for r in shared) else "")]
        chart = _burn_down_chart(fund, figures)
        chart.title += whole
        sections.append(ReportSection(
            title=f"{fund.name_said}: burn-down",
            paragraphs=[
                *([part.words(fund.name, areas, figures)] if part is not None else []),
                f"{when}ontributions {format_money(figures.contributions_pence)}; "
                + (f"spent {format_money(figures.spent_pence)} supporting {victims_counted(figures.victims)}"
                   + (f" (mean {format_money(mean)} per victim)" if mean is not None else "")
                   if figures.spent_pence or figures.victims else "nothing spent yet")  # not "£0 on 0 victims"
                + f"; balance {format_money(figures.balance_pence)}.",
                # The board reads it: the command line's --keyed-to, advice to the officer who types it, is left out.
                funds.forecast_sentence(figures).replace(KEYED_TO_ON_THE_COMMAND_LINE, ""),
                *filter(None, [_month_counted_whole(store, fund.id, as_at if past else None)]),
                # In a county file where it came from, as the fund's page says it under its figures.
                *filter(None, [fund_origins.sentence(fund.id)])],
            tables=[t for t in tables if t.rows],  # no spend yet: the paragraph says so, not a table of £0
            charts=[chart], as_at="funds"))
    return sections


def victims_counted(victims: int) -> str:
    """"5 victims", as a paper leaving the office says it: "fewer than 3 victims" for one or two
    (``disclosure.count_given``)."""
    given = count_given(victims)
    return f"{given} victims" if isinstance(given, str) else counted(given, "victim")


@dataclass(frozen=True)
class _AreaPart:
    """A pooled fund's spend in the report's areas, when the report is for part of what the fund covers."""

    # the areas' districts (name, victims, pence), "Other districts", then the rows of no district
    rows: list[tuple[str, int, int]]
    victims: int
    spent_pence: int
    unplaced_pence: int = 0  # spend a county holds only as "Other districts" (the small-number rule): no district's

    def words(self, fund_name: str, areas: ReportAreas, figures) -> str:
        """Its first paragraph: the figures below are the whole pot's (contributions pooled from every contributor
        cannot be split by district), and what of it was spent in the report's areas."""
        from safer_desk.services.funds import OTHER_DISTRICTS

        where = "this office's areas" if areas.kind == "office" else areas.label
        part = (f"{format_money(self.spent_pence)} supporting {victims_counted(self.victims)}"
                if self.spent_pence or self.victims else "none that the figures place there" if self.unplaced_pence
                else "nothing yet")
        if figures.spent_pence and not self.unplaced_pence and (self.spent_pence, self.victims) == (
                figures.spent_pence, figures.victims):
            # Every penny spent in the report's areas (a partnership of every district the fund spent in): "not only
            # in" them would tell the board some of it went elsewhere.
            return (f"{fund_name} is a pooled fund: its contributions, balance, spend per month and forecast below "
                    f"are the whole fund's. All of its spend so far was in {where}: {part}.")
        return (f"{fund_name} is a pooled fund: its contributions, balance, spend per month and forecast below are the "
                f"whole fund's, across every district it spent in, not only in {where}. Spent in {where}: {part}, "
                f"of the fund's {format_money(figures.spent_pence)} and "
                f"{victims_counted(figures.victims)}."
                + (f" {format_money(self.unplaced_pence)} of the fund's spend is held only under "
                   f"“{OTHER_DISTRICTS}” (spend of fewer than three victims, merged so that "
                   f"no one can be told apart), which names no district: some of it may have been spent in "
                   f"{where}." if self.unplaced_pence else ""))


def _area_part(by_district: list[tuple[str, int, int]], areas: ReportAreas, districts: set[str], *,
               all_here: bool = False) -> _AreaPart | None:
    """The report's districts' rows of a pooled fund's spend, the rest summed as "Other districts" (so the table still
    adds up to the fund), when the report is for a district or partnership, or the fund spent outside the report's
    areas; None when the report covers the whole fund (the office's or county's report of every district it spent
    in). Spend a county holds only as "Other districts" (the small-number rule names no district) is no district's:
    the part of none, and no sign of spend outside an office's or county's areas; ``all_here``: every district the
    fund spent in is one of the report's, so the rows its districts of one or two victims are merged into (named by
    no district on a paper) are the report's part too."""
    if areas.unnamed:
        return None
    mine = [r for r in by_district if all_here or r[0].casefold() in areas.names]
    others = [r for r in by_district if not all_here and r[0].casefold() not in areas.names]
    if areas.kind not in ("district", "partnership") and not any(r[0].casefold() in districts for r in others):
        return None
    # The rows of no district (the small-number rule's, an unknown one) stay as they are, after the districts named
    # elsewhere: the note under the table and the paragraph above it point at "Not given by district (small numbers)".
    named = [r for r in others if r[0].casefold() in districts]
    unnamed = [r for r in others if r[0].casefold() not in districts]
    rows = mine + ([("Other districts", sum(v for _, v, _ in named), sum(p for *_, p in named))] if named else [])
    rows += unnamed
    return _AreaPart(rows, sum(v for _, v, _ in mine), sum(p for *_, p in mine),
                     sum(p for name, _, p in others if name.casefold() not in districts))


def _month_counted_whole(store: Store, fund_id: str, as_at: date | None) -> str:
    """What a county's burn-down as at a day inside a month says of the spend the offices' exports hold for that
    month: it is by month, not by day, so all of it is counted (an office's own paper as at the same day leaves out
    what is dated after it); "" with no such spend, or as at a month's last day."""
    from safer_desk.domain.periods import Month
    from safer_desk.storage.schema.costs import FUND_SUMMARY_TABLE

    if as_at is None or Month.of(as_at) != Month.of(as_at + timedelta(days=1)):
        return ""
    month = Month.of(as_at)
    pence = store.scalar(f"SELECT coalesce(sum(amount_pence), 0) FROM {FUND_SUMMARY_TABLE} WHERE fund_id = ? AND "
                         "month = ?", (fund_id, month.iso))
    if not pence:
        return ""
    return (f"The offices' exports give this county file their spend by month, not by day: the {format_money(pence)} "
            f"of {month.label} is counted whole, though some of it may be dated after {format_uk_date(as_at)}.")


def review_kinds_words(reviews: int, learning: int, *, none_said: bool = True) -> str:
    """ "2 reviews and 1 learning review", "1 review and no learning reviews" (or "1 review" when not none_said),
    "1 learning review": only the kinds there are, never "0 learning reviews"."""
    if not reviews and learning:
        return counted(learning, "learning review")
    if not learning:
        return counted(reviews, "review") + (" and no learning reviews" if none_said else "")
    return f"{counted(reviews, 'review')} and {counted(learning, 'learning review')}"


def _burn_down_chart(fund, figures) -> ReportChart:
    """Spend to date, the forecast at the recent rate and the fund's level; before any complete month of spend,
    the fund's level over its period with spend at £0 to date (as the window's fund page draws it, and an axis
    from £0), never an empty chart."""
    from safer_desk.services import funds
    from safer_desk.services.funds import forecast_series_name, received_by

    f = figures.forecast

    def level(months) -> ReportSeries:  # the money from the month each contribution counts from, as the window's
        pence = [received_by(figures.receipts, m) if figures.receipts else figures.contributions_pence for m in months]
        return ReportSeries("Fund", [p / 100 for p in pence], "step", [format_money(p) for p in pence])

    if not f.cumulative:
        months = [fund.start_month.plus(i) for i in range(fund.end_month.minus(fund.start_month) + 1)]
        complete = sum(1 for m in months if figures.incomplete_from is None or m < figures.incomplete_from)
        why = "No complete month of spend yet" if f.incomplete else "No spend yet"
        return ReportChart(f"{fund.name_said}: spend to date against the fund", [m.label for m in months],
                           [ReportSeries("Spend to date", [0.0] * max(1, complete)
                                         + [None] * (len(months) - max(1, complete)), "line",
                                         [format_money(0)] * max(1, complete)),
                            level(months)], y_label="£",
                           note=f"{why}, so no forecast line. Period ends {fund.end_month.label}.")
    line, past = _forecast_shown(figures)
    months = [m for m, _ in f.cumulative] + [m for m, _ in line[1:]]
    categories = [m.label for m in months]
    n_actual = len(f.cumulative)
    # A month the paper gives only together with the next (small numbers) gives no spend to date either: its own
    # spend would be the difference. The line runs straight across it; the figures table leaves it blank.
    withheld = funds.months_within_spans(figures)
    cumulative = _straight_across(f.cumulative, withheld)
    actual = [p / 100 for p in cumulative] + [None] * (len(categories) - n_actual)
    forecast = [None] * (n_actual - 1) + [p / 100 for _, p in line] if line else []
    # The figures table in money as the tables show it (£3,222.67, not 3,222.67).
    shown = ["" if m in withheld else format_money(p) for m, p in f.cumulative]
    shown_forecast = [""] * (n_actual - 1) + [format_money(p) for _, p in line] if line else []
    # No forecast (a closed fund, or one ended with its burn rate to its last month): no legend for a line not there.
    drawn = [ReportSeries(forecast_series_name(figures), forecast, "dashed", shown_forecast)] if line else []
    return ReportChart(f"{fund.name_said}: spend to date " + ("and forecast" if line else "against the fund"),
                       categories,
                       [ReportSeries("Spend to date", actual, "line", shown), *drawn, level(months)],
                       y_label="£", note=f"Period {'ended' if figures.period_ended else 'ends'} {f.pilot_end.label}."
                       + past)


def _straight_across(cumulative: list, withheld: set) -> list[float]:
    """The spend to date of each month, those ``withheld`` put on the straight line from the month before them to the
    first month after them that is given (so the line tells nothing of how the spend fell across them)."""
    values = [float(p) for _, p in cumulative]
    i = 0
    while i < len(values):
        if cumulative[i][0] not in withheld:
            i += 1
            continue
        start = i
        while i < len(values) and cumulative[i][0] in withheld:
            i += 1
        before = values[start - 1] if start else 0.0
        after = values[i] if i < len(values) else values[start - 1] if start else 0.0
        steps = i - start + 1
        for k in range(start, i):
            values[k] = before + (after - before) * (k - start + 1) / steps
    return values


def _forecast_shown(figures) -> tuple[list, str]:
    """The forecast line a board paper draws, and the words its chart's note adds: as the window's chart draws it
    (``funds.forecast_within_chart``: a rate of £40 a month on £17,463 lasts to 2056, 440 months of chart and figures
    table, so a run-out more than a year after the period's end is said, not drawn). A fund whose period has ended
    with its burn rate to its last month has no forecast: the spend recorded is the whole story."""
    from safer_desk.services.funds import PAST_THE_CHART, forecast_series_name, forecast_within_chart

    f = figures.forecast
    if figures.period_ended and not figures.projected:
        return [], ""
    line, past = forecast_within_chart(figures)
    if not past:
        return line, ""

    course = (f"{forecast_series_name(figures)} it would have run out" if figures.projected
              else "At the recent rate the fund runs out")
    return line, f" {course} in {f.exhaustion_month.label}, {PAST_THE_CHART}."


def fund_district_ids(store: Store, fund_id: str) -> set[str]:
    """The districts a pooled fund has spent in (victim-level rows, or their totals in a county file)."""
    return {r[0] for r in store.rows(
        "SELECT district_id FROM fund_referrals WHERE fund_id = ? UNION "
        "SELECT district_id FROM fund_spend_summary WHERE fund_id = ?", (fund_id, fund_id)) if r[0]}


def _fund_in_areas(store: Store, fund_id: str, areas: ReportAreas) -> bool:
    """A fund is in the areas it spent in. A fund typed in this file and spent in the office's county is the office's
    own, wherever in the county it was spent (a county-wide fund an office coordinates, its victims all in other
    districts): the office's report lists it, and its part says none of it was spent in the office's areas. Spend a
    county holds only as "Other districts" (the small-number rule names no district), or no spend yet, places a
    merged fund by the office it came from: that office's districts, in the counties of the areas the fund was set up
    for where the file records them (``fund_set_up_district_ids``): a Suffolk fund an Exeter office also sent is not
    Exeter's. Such spend also places it in the districts it was set up for (its contributors' partnerships'), whichever
    offices sent it: some of it may have been spent there."""
    from safer_desk.services.reference import county_names_of

    districts = fund_district_ids(store, fund_id)
    if districts & areas.district_ids:
        return True
    held_unplaced = store.scalar(
        "SELECT 1 FROM fund_spend_summary WHERE fund_id = ? AND district_id IS NULL LIMIT 1", (fund_id,))
    if held_unplaced and fund_set_up_district_ids(store, fund_id, local=True) & areas.district_ids:
        return True  # a district it was set up for: its spend held under no district may be that district's
    origin = fund_origin_district_ids(store, fund_id)
    if not origin:  # the office's own file, an export, a fund typed at the county, or an office with no scope
        return areas.office and (not districts or any(map(areas.covers_county, county_names_of(store, districts))))
    unplaced = not districts or held_unplaced
    here = origin & areas.district_ids if unplaced else set()
    # An office may hold a fund of another county's (a file copied from the example): the fund belongs to the areas
    # it was set up for, so only the sending offices' districts in the counties of those areas place it.
    counties = county_names_of(store, fund_set_up_district_ids(store, fund_id))
    return bool(here and (not counties or county_names_of(store, here) & counties))


def fund_set_up_district_ids(store: Store, fund_id: str, *, local: bool = False) -> set[str]:
    """The districts a pooled fund was set up for, as far as the file records them: those it spent in, those its
    district and unitary councils are named for (Babergh District Council's is Babergh, East Suffolk Council's East
    Suffolk: a council is its district's, whichever partnerships the file records it in, or none), and for any other
    contributor those of the partnerships it is a member of (a fund of district councils, the county council and the
    PCC is their partnerships'); none when it records none of them. ``local``: the councils' districts only, since a
    county council or a PCC sits on every partnership of its county, whichever district a fund it pays into is for;
    a council named for no district of the file is read by its partnerships, as before."""
    councils = {r[0]: r[1] for r in store.rows(
        "SELECT DISTINCT o.id, o.name FROM fund_contributions c JOIN organisations o ON o.id = c.organisation_id "
        "WHERE c.fund_id = ? AND o.kind IN ('district council', 'unitary council')", (fund_id,))}
    named = {org_id: district for org_id, name in councils.items()
             if (district := _district_named_by(store, name)) is not None}
    by_partnership = {(r[0], r[1]) for r in store.rows(
        "SELECT DISTINCT c.organisation_id, pd.district_id FROM fund_contributions c "
        "JOIN partnership_members m ON m.organisation_id = c.organisation_id "
        "JOIN partnership_districts pd ON pd.partnership_id = m.partnership_id WHERE c.fund_id = ?", (fund_id,))}
    return fund_district_ids(store, fund_id) | set(named.values()) | {
        district for org_id, district in by_partnership
        if org_id not in named and (org_id in councils or not local)}


def _district_named_by(store: Store, organisation: str) -> str | None:
    """The district a council's name names ("Mid Suffolk District Council": Mid Suffolk; "Bristol City Council":
    Bristol, City of, as the file spells it; "East Suffolk Council"), the longest such name; None for none."""
    from safer_desk.domain.text import typed_name_key

    said = typed_name_key(organisation)
    best: tuple[int, str] | None = None
    for district_id, name in store.rows("SELECT id, name FROM districts"):
        for form in {name, name.split(",")[0]}:  # "Bristol, City of" is Bristol City Council's
            key = typed_name_key(form)
            if key and (said == key or said.startswith(key + " ")) and (best is None or len(key) > best[0]):
                best = (len(key), district_id)
    return best[1] if best else None


def fund_origin_offices(store: Store, fund_id: str) -> set[str] | None:
    """The offices whose exports brought a fund (its row and its spend totals) into a county file: none for a fund
    typed in this file (an office's own, or the county's), None in a file that records no origins (an export)."""
    from safer_desk.storage.schema.exchange import HOLDERS_TABLE, PROVENANCE_TABLE

    if not store.scalar("SELECT 1 FROM sqlite_master WHERE name = ?", (PROVENANCE_TABLE,)):
        return None
    # A fund several offices send alike is one row at the county, its origin the office merged first: the others
    # that hold it are in the holders' table (Mid Suffolk's report left out the fund it sent with Babergh).
    tables = [PROVENANCE_TABLE] + [HOLDERS_TABLE] * bool(
        store.scalar("SELECT 1 FROM sqlite_master WHERE name = ?", (HOLDERS_TABLE,)))
    return {r[0] for table in tables for r in store.rows(
        f"SELECT DISTINCT office_id FROM {table} WHERE (table_name = 'funds' AND row_key = ?) OR "
        "(table_name = 'fund_spend_summary' AND row_key IN (SELECT id FROM fund_spend_summary WHERE fund_id = ?))",
        (fund_id, fund_id))}


def fund_origin_district_ids(store: Store, fund_id: str) -> set[str]:
    """The districts of the offices a merged fund came from (a county-wide office: its county's districts)."""
    from safer_desk.services import reference as ref

    offices = fund_origin_offices(store, fund_id)
    if not offices:
        return set()
    out: set[str] = set()
    for office in ref.office_scope(store).merged_offices:
        if office.office_id not in offices:
            continue
        # Every district office names its county too: the county counts only for an office naming nothing else.
        local = [a for a in office.areas if a.kind != "county"] or list(office.areas)
        for area in local:
            out.update(ref.area_district_ids(store, area))
    return out


def _notified_by(row, until: FinancialYear) -> bool:
    """A review notified by the end of the last year of a partnership that has ended (``ReportAreas.until``): one
    notified after it is another partnership's, though in one of its old districts."""
    notified = row["notified_on"] if row else None
    return not (notified and date.fromisoformat(notified) > until.last_day)


def _case_open_during(row, year: FinancialYear) -> bool:
    """A review (its dhr_cases row) belongs to a year's report if it was notified by the year's end and not published
    before it began."""
    notified, published = (row["notified_on"], row["published_on"]) if row else (None, None)
    if notified and date.fromisoformat(notified) > year.last_day:
        return False
    return not (published and date.fromisoformat(published) < year.first_day)


def _as_at_words(day: date, as_at: date | None, year: FinancialYear | None, today: date,
                 label: str = LABELS[0]) -> str:
    """"figures as at 01/12/2026 (today).", "figures as at 31/03/2018, the end of 2017/18. Invoices, …" for a
    past day, in the words of Costs > Ledger's note (``presenters.dhr.LedgerShown.note``)."""
    if as_at is None or as_at >= today:
        return f"figures as at {format_uk_date(day)} (today)."
    return (f"figures as at {_day_words(as_at, year)}. Invoices, payments, refunds, refusals and write-offs dated "
            f"after it are not counted, and a review {first_stage_done(label)} after it is not listed. Each "
            "review's stage is the one "
            "it had reached by then (a stage, a panel meeting, a workshop or a recommendation completed after it is "
            "not yet reached), overdue is counted on that day, and its cost is its cost lines dated on or before it "
            "or billed to the partners by then.")


def _refunds_held_words(store: Store, shown: set[str], as_at: date | None = None) -> list[str]:
    """In a county file, each office's refund on a review shown that the merge held back as a conflict (its ledger held
    no overpayment to refund, ``refund-cannot-take``), in the Conflicts window's words: the figures leave it out until
    the county lead decides, which the board would not otherwise know. As at a day, only a refund dated by then (one
    after it would not be in the figures either way)."""
    from safer_desk.services.county import list_conflicts

    day = as_at.isoformat() if as_at else None
    return [f"{c.detail}. It is not in these figures until the county lead decides it (File > Conflicts…)."
            for c in list_conflicts(store) if c.kind == "refund-cannot-take"
            and (row := c.incoming_row or {}).get("case_id") in shown
            and (day is None or str(row.get("refunded_on") or "")[:10] <= day)]


def _day_words(day: date, year: FinancialYear | None) -> str:
    """"31/03/2019, the end of 2018/19" (a year's last day), or "20/07/2018"."""
    return format_uk_date(day) + (f", the end of {year.label}" if year is not None and day == year.last_day else "")


def _ledger_of(dhr, store: Store, case_ids: list[str], today: date, as_at: date | None = None) -> list:
    """The per-partner ledger over some cases only, added up case by case (to the penny); as at a day, as
    ``dhr.partner_ledger``."""
    from dataclasses import fields, replace

    by_partner: dict = {}
    for case_id in case_ids:
        for line in dhr.partner_ledger(store, today=today, case_id=case_id, as_at=as_at):
            seen = by_partner.get(line.partner)
            if seen is None:
                by_partner[line.partner] = line
            else:
                by_partner[line.partner] = replace(seen, **{f.name: getattr(seen, f.name) + getattr(line, f.name)
                                                             for f in fields(line) if f.name.endswith("_pence")})
    return sorted(by_partner.values(), key=lambda p: p.partner)


def _cases_with_marked(store: Store, marked: dict[str, str], rows: str, params: tuple = ()) -> set[str]:
    """The cases some of whose rows (payments, cost lines) are marked illustrative: ``rows`` reads each row's id and
    its case's (``id``, ``case_id``), in one query."""
    if not marked:
        return set()
    return {r["case_id"] for r in store.rows(rows, params) if r["id"] in marked}


def _fund_marks(store: Store, fund_id: str) -> str:
    """A note when the fund's detail (spend lines, referrals, catalogue prices) is illustrative."""
    from safer_desk.services.illustrative import illustrative_rows

    lines = illustrative_rows(store, "fund_spend_lines")
    if not lines:
        return ""
    ids = {r[0] for r in store.rows("SELECT s.id FROM fund_spend_lines s JOIN fund_referrals r ON r.id = s.referral_id "
                                    "WHERE r.fund_id = ?", (fund_id,))}
    marked = ids & set(lines)
    if not marked:
        # A county file without the individual referrals keeps the marks but not the lines: the fund's
        # monthly figures were still made from them when the fund has summaries only.
        held = {r[0] for r in store.rows("SELECT id FROM fund_spend_lines")}
        summarised = store.scalar("SELECT 1 FROM fund_spend_summary WHERE fund_id = ? LIMIT 1", (fund_id,))
        if ids or not summarised:
            return ""
        marked = _unheld_marks_of(store, fund_id, set(lines) - held)
        if not marked:
            return ""
    note = lines[sorted(marked)[0]]
    return f"Illustrative: {note}" if note else "The spend lines are illustrative (example figures)."


def _unheld_marks_of(store: Store, fund_id: str, unheld: set[str]) -> set[str]:
    """The marked spend lines, not held here, that a fund held only as summaries can have been made from.

    The marks name no fund, so they are the fund's only when they came from the office the fund came from (a
    county file records each row's office) and that office's summaries-only funds leave no doubt which of them
    holds that many lines: the example's note is never printed for another office's fund, nor for the example
    office's own real fund beside the example's.
    """
    if not unheld:
        return set()
    offices = fund_origin_offices(store, fund_id)
    if offices is not None:
        from safer_desk.storage.schema.exchange import PROVENANCE_TABLE

        came_from = dict(store.rows(
            f"SELECT m.row_id, p.office_id FROM illustrative_marks m JOIN {PROVENANCE_TABLE} p "
            "ON p.table_name = 'illustrative_marks' AND p.row_key = json_array(m.table_name, m.row_id) "
            "WHERE m.table_name = 'fund_spend_lines'"))
        unheld = {row for row in unheld if came_from.get(row) in offices}
        if not unheld:
            return set()
    # The funds (of the same office) held only as summaries whose spend lines number at least the marks.
    candidates = {r[0]: r[1] for r in store.rows(
        "SELECT fund_id, sum(spend_lines) FROM fund_spend_summary WHERE fund_id NOT IN "
        "(SELECT fund_id FROM fund_referrals) GROUP BY fund_id HAVING sum(spend_lines) >= ?", (len(unheld),))
        if offices is None or (fund_origin_offices(store, r[0]) or set()) & offices}
    if fund_id not in candidates:
        return set()
    exact = [f for f, n in candidates.items() if n == len(unheld)]
    if len(candidates) > 1 and exact != [fund_id]:
        return set()  # several of the office's funds could hold them: say nothing rather than mislabel one
    return unheld


def recovery_rows(ledger, *, refunded: bool = False) -> tuple[list[list[str]], list[str]]:
    """Recovery per partner (billed, paid, refused or written off, outstanding, overdue, and with ``refunded`` what
    was refunded) and its totals row, with pence throughout when any figure has them."""
    figures = [[p.billed_pence, p.paid_pence, p.refused_pence + p.written_off_pence, p.outstanding_pence,
                p.overdue_pence, *([p.refunded_pence] if refunded else [])] for p in ledger]
    total = [sum(column) for column in zip(*figures)] or [0] * (6 if refunded else 5)
    money = table_money([*(v for row in figures for v in row), *total])
    return [[p.partner, *map(money, row)] for p, row in zip(ledger, figures)], ["Total", *map(money, total)]


def _boards_words(cases) -> list[str]:
    """Which Regional Safeguarding Board commissioned each review that has one (a SUSR, Wales): "Commissioned by:
    WSCSP-DHR-2017-01, Gwent Safeguarding Board; …" ([] when none has)."""
    said = [f"{c.reference}, {c.safeguarding_board}" for c in cases if c.safeguarding_board]
    return [f"Commissioned by (Regional Safeguarding Board): {'; '.join(said)}."] if said else []
