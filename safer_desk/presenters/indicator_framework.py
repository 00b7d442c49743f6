"""The performance framework of an indicator in an area and year, without Qt: its baseline, its regional and
national benchmarks, a milestone's due date and when it was achieved, an estimated RAG with its basis, and the
year's target withdrawn (with the date and the reason) or reinstated.

``FrameworkForm.make`` builds the form presenter of the Baseline, Benchmarks and Milestone dialog (opened from
the Indicators tab beside Indicator and Target…). A field cleared removes what it held; what is wrong is refused
beside its field (a benchmark with no figure, a milestone with no date, an estimated RAG with no basis, a
withdrawal with no reason); Save is one step of Edit > Undo, named for what changed.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from safer_desk.domain import indicators as dom
from safer_desk.domain.checks import NumberError, Slip
from safer_desk.domain.indicators import IndicatorError, Rag
from safer_desk.domain.periods import FinancialYear, PeriodError, YearOutOfRange, format_uk_date, parse_uk_date
from safer_desk.domain.text import in_words
from safer_desk.presenters.actions import Action, run_now, snapshot_action
from safer_desk.presenters.formats import Unit, plain
from safer_desk.presenters.forms import Field, FieldKind, FormError, FormPresenter
from safer_desk.presenters.indicators import under_one_percent
from safer_desk.services import indicators as svc

TAB = "indicators"
BENCHMARKS = ("regional", "national")
ESTIMATE_CHOICES = (("", "None"), (Rag.GREEN.key, Rag.GREEN.word), (Rag.AMBER.key, Rag.AMBER.word),
                    (Rag.RED.key, Rag.RED.word))


def framework_fields(view: svc.YearView) -> list[Field]:
    """The fields for this indicator: a milestone measure's date and achievement, a target's withdrawal where the
    year has a target."""
    ind, year = view.indicator, view.year
    # A percentage's figures are typed as the grid takes them ("47%" or 47): one over 100 is asked about once. A
    # rate's and a count's are read in check() as the grid reads them: "1,610 per 100,000", as the sentence shows
    # it, or 1,610; "12%" for a count said to be a percentage.
    number = FieldKind.PERCENTAGE if ind.unit == "percentage" else FieldKind.TEXT
    fields = [
        Field("baseline_value", "&Baseline", number, placeholder="88.75 or 1,352",
              help="The figure the indicator is measured from in this area (any year)"),
        Field("baseline_period", "Baseline &year", placeholder="2009/10"),
        Field("benchmark_period", "Benchmarks &for", placeholder=svc.period_label(view.periods[-1]),
              help=f"The {'year' if ind.frequency == 'annual' else 'period'} of {year.label} the benchmarks are "
                   "figures for"),
        Field("regional_value", "&Regional benchmark", number),
        Field("regional_name", "Re&gion", placeholder="Regional, or the region's name (East of England)"),
        Field("national_value", "&National benchmark", number),
        Field("national_name", "Na&tion", placeholder="National, or the nation's name (England)"),
    ]
    if ind.measure == "milestone":
        fields += [
            Field("due", "Milestone &due", placeholder="August 2012 or 31/08/2012",
                  help=f"The date that is {ind.name}'s target for {year.label}"),
            Field("achieved", "Ac&hieved on", placeholder="14/08/2012 (blank until it is achieved)"),
        ]
    fields += [
        Field("estimate_rag", "&Estimated RAG", FieldKind.CHOICE, choices=ESTIMATE_CHOICES,
              help=f"The RAG stated for {year.label} before its figure is known"),
        Field("estimate_basis", "Basis of esti&mate", placeholder="What the estimate rests on"),
    ]
    if view.target is not None and view.target.status != "tbc" and ind.measure == "performance":
        fields += [
            Field("withdrawn_on", "Target &withdrawn on", placeholder="29/06/2010 (blank: the target stands)"),
            Field("withdrawn_reason", "Withdrawal reas&on", placeholder="Withdrawn by the new Government …"),
        ]
    return fields


def day_or_month(text: str) -> str:
    """A date as stored ("2010-06-29"), or a month ("2012-08"); IndicatorError says how to write it."""
    s = (text or "").strip()
    try:
        return parse_uk_date(s).isoformat()
    except PeriodError:
        pass
    try:
        return dom.parse_due(s)
    except IndicatorError:
        raise IndicatorError(f"“{s}” is not a date: write it like 29/06/2010 (or a month: June 2010).") from None


def due_date(text: str) -> str:
    """A milestone's due date as stored: a day typed as dates are ("31/08/2012"), or a month ("August 2012")."""
    try:
        return parse_uk_date((text or "").strip()).isoformat()
    except PeriodError:
        return dom.parse_due(text)


def done_after(stored: str, today: date) -> bool:
    """A day, or a month, stored ("2030-01-01", "2030-01") that has not begun by today."""
    return date.fromisoformat(stored if len(stored) > 7 else f"{stored}-01") > today


def _loaded_benchmarks(view: svc.YearView) -> dict[str, svc.Benchmark]:
    """The regional and national benchmark the form shows: the first of each kind of the period in view
    (``_period_in_view``); the year's others are named in the heading as kept."""
    period = _period_in_view(view)
    shown: dict[str, svc.Benchmark] = {}
    for b in view.benchmarks:
        if b.kind in BENCHMARKS and b.period == period:
            shown.setdefault(b.kind, b)
    return shown


def _period_in_view(view: svc.YearView) -> str:
    """The period the tab looks at: the year's latest figure, which its year to date and RAG are judged at (DESIGN
    §2.4). The last benchmarks saved had been offered instead (Oct-16, with October's figures in the fields, while
    the tab spoke of Nov-16): this month's typed there changed October's. A year without a figure yet: its latest
    benchmarks, else its last period."""
    if view.periods_to_date:
        return view.periods[view.periods_to_date - 1]
    held = [b.period for b in view.benchmarks if b.kind in BENCHMARKS]
    return max(held) if held else view.periods[-1]


class FrameworkForm:
    """Builds the form presenter of the Baseline, Benchmarks and Milestone dialog for the indicator in view."""

    @staticmethod
    def make(store, view: svc.YearView, area_id: str, year: FinancialYear, *,
             perform: Callable[[Action], Any] = run_now, after: Callable[[str], None] | None = None,
             today: Callable[[], date] = date.today, read_only: bool = False) -> FormPresenter:
        """``read_only``: the file is open read-only; the form is there to be read, its heading asking no change."""
        ind = view.indicator
        title = f"Baseline, benchmarks and milestone of {ind.name} for {view.area_name}, {year.label}"
        shown = _loaded_benchmarks(view)
        fields = framework_fields(view)
        keys = {f.key for f in fields}

        def number(value) -> float | None:
            return None if value is None else float(value)

        def check(parsed: dict[str, Any]) -> dict[str, str]:
            """What cannot be saved, beside its field; the parsed dates and period are put in ``parsed``."""
            errors: dict[str, str] = {}
            for key in ("baseline_value", "regional_value", "national_value") if ind.unit != "percentage" else ():
                if parsed[key] is not None:
                    try:
                        parsed[key] = svc.parse_figure(ind, parsed[key])
                    except NumberError as exc:
                        errors[key] = str(exc)
                    else:
                        if parsed[key] < 0:
                            errors[key] = "A figure here cannot be negative."
            if parsed["baseline_period"] and parsed["baseline_value"] is None:
                errors["baseline_value"] = "Give the baseline's figure (or clear its year)."
            # One baseline stands for every year, so its year is kept as a year ("09/10" as 2009/10), never as
            # words ("last year") whose year is lost; a year an older file holds as typed stays until retyped.
            if parsed["baseline_period"] and form._typed("baseline_period"):
                try:
                    parsed["baseline_period"] = FinancialYear.parse(parsed["baseline_period"]).label
                except YearOutOfRange as exc:
                    errors["baseline_period"] = str(exc)
                except PeriodError:
                    errors["baseline_period"] = (f"“{parsed['baseline_period'].strip()}” is not a financial year: "
                                                 "give the baseline's year as 2009/10 (or leave it blank).")
            for kind in BENCHMARKS:
                if parsed[f"{kind}_name"] and parsed[f"{kind}_value"] is None:
                    errors[f"{kind}_value"] = (f"Give the {kind} benchmark's figure (or clear the "
                                               f"{'region' if kind == 'regional' else 'nation'}).")
            typed, period, problem = parsed["benchmark_period"] or "", None, ""
            try:
                period = svc.parse_period(typed, ind.frequency) if typed else None
            except IndicatorError as exc:
                problem = str(exc)
            if period is not None and period not in view.periods:
                period, problem = None, (f"{svc.period_label(period)} is not in {year.label}: choose that year "
                                         "to give its benchmarks.")
            if any(parsed[f"{kind}_value"] is not None for kind in BENCHMARKS) and period is None:
                errors["benchmark_period"] = problem or \
                    f"Give the {'year' if ind.frequency == 'annual' else 'period'} the benchmarks are for."
            parsed["benchmark_period"] = period
            if "due" in keys:
                for key in ("due", "achieved"):
                    if parsed[key]:
                        try:
                            parsed[key] = due_date(parsed[key]) if key == "due" else day_or_month(parsed[key])
                        except IndicatorError as exc:
                            errors[key] = str(exc)
                if parsed["achieved"] and not parsed["due"] and "due" not in errors:
                    errors["due"] = "A milestone needs its due date: give it (as August 2012), then when it was done."
            if parsed["estimate_rag"] and not (parsed["estimate_basis"] or "").strip():
                errors["estimate_basis"] = "Say what the estimated RAG rests on (or choose None)."
            if parsed["estimate_basis"] and not parsed["estimate_rag"]:
                errors["estimate_rag"] = "Choose the estimated RAG (or clear its basis)."
            if "withdrawn_on" in keys:
                if parsed["withdrawn_on"]:
                    try:
                        parsed["withdrawn_on"] = day_or_month(parsed["withdrawn_on"])
                    except IndicatorError as exc:
                        errors["withdrawn_on"] = str(exc)
                    if not parsed["withdrawn_reason"]:
                        errors["withdrawn_reason"] = "Give the reason the target was withdrawn."
                elif parsed["withdrawn_reason"]:
                    errors["withdrawn_on"] = "Give the date the target was withdrawn (or clear the reason)."
            return errors

        def save(values: dict[str, Any], parsed: dict[str, Any]) -> None:
            changed: list[str] = []
            base = svc.get_baseline(store, ind.id, area_id)
            base_value = number(parsed["baseline_value"])
            base_period = (parsed["baseline_period"] or "").strip()
            if (base is None and base_value is not None) or (base is not None and (
                    base_value != base.value or base_period != base.period)):
                changed.append("baseline")
            bench = {kind: (number(parsed[f"{kind}_value"]),
                            (parsed[f"{kind}_name"] or "").strip() or dom.BENCHMARK_LABELS[kind])
                     for kind in BENCHMARKS}
            period = parsed["benchmark_period"]
            # Given for another period, the benchmarks shown stay as they are (they are that period's): only a
            # figure cleared, or a name changed, for the same period removes one.
            drop = [shown[k] for k in BENCHMARKS if shown.get(k) is not None and period in (None, shown[k].period)
                    and (bench[k][0] is None or bench[k][1] != shown[k].name)]
            put = [k for k in BENCHMARKS if bench[k][0] is not None and (shown.get(k) is None or (
                shown[k].period, shown[k].name, shown[k].value) != (period, bench[k][1], bench[k][0]))]
            if drop or put:
                changed.append("benchmarks")
            milestone = view.milestone
            due, achieved = parsed.get("due"), parsed.get("achieved")
            if "due" in keys and (due, achieved) != ((milestone.due, milestone.achieved_on) if milestone else
                                                     (None, None)):
                changed.append("milestone")
            est = view.estimate
            rag, basis = parsed["estimate_rag"] or "", (parsed["estimate_basis"] or "").strip()
            if (rag, basis) != ((est.rag.key, est.basis) if est is not None else ("", "")):
                changed.append("estimated RAG")
            target = view.target
            withdraw = None
            if "withdrawn_on" in keys:
                on, reason = parsed["withdrawn_on"], (parsed["withdrawn_reason"] or "").strip()
                was = (target.withdrawn_on, target.withdrawn_reason) if target.status == "withdrawn" else (None, "")
                if (on, reason) != was:
                    withdraw = (on, reason)
                    changed.append("target's withdrawal")
            if not changed:
                return  # saved as it is: nothing written, no step in Edit > Undo

            def change() -> None:
                with store.transaction():
                    if "baseline" in changed:
                        if base_value is None:
                            svc.delete_baseline(store, ind.id, area_id)
                        else:
                            svc.set_baseline(store, ind.id, area_id, base_value, period=base_period,
                                             note=base.note if base is not None else "")
                    for old in drop:
                        svc.delete_benchmark(store, ind.id, area_id, old.period, old.name)
                    for kind in put:
                        old, (value, name) = shown.get(kind), bench[kind]
                        same = old is not None and (old.period, old.name) == (period, name)
                        svc.set_benchmark(store, ind.id, area_id, period, kind=kind, name=name, value=value,
                                          note=old.note if same else "")
                    if "milestone" in changed:
                        if due is None:
                            svc.delete_milestone(store, ind.id, area_id, year)
                        else:
                            svc.set_milestone(store, ind.id, area_id, year, due=due, achieved_on=achieved,
                                              note=milestone.note if milestone is not None else "")
                    if "estimated RAG" in changed:
                        if not rag:
                            svc.delete_estimate(store, ind.id, area_id, year)
                        else:
                            svc.set_estimate(store, ind.id, area_id, year, rag=rag, basis=basis,
                                             stated_on=est.stated_on if est is not None else None)
                    if withdraw is not None:
                        if withdraw[0] is None:
                            svc.reinstate_target(store, ind.id, area_id, year)
                        else:
                            svc.withdraw_target(store, ind.id, area_id, year, on=withdraw[0], reason=withdraw[1])

            if changed == ["target's withdrawal"]:
                text = f"{'Reinstate' if withdraw[0] is None else 'Withdraw'} the target of {ind.name}"
            elif changed == ["milestone"] and due is not None and achieved and \
                    (milestone is None or not milestone.achieved_on):
                text = f"Mark {ind.name} achieved"
            else:
                text = f"Save the {in_words(changed)} of {ind.name}"
            try:
                perform(snapshot_action(
                    f"{text} ({view.area_name}, {year.label})", key=ind.id,
                    snap=lambda k: svc.snapshot_indicator(store, k),
                    restore=lambda parts: svc.restore_indicator(store, ind.id, parts), absent=lambda k: None,
                    change=change, after=lambda k: after(ind.id) if after is not None else None, tab=TAB))
            except IndicatorError as exc:
                raise FormError(message=f"Not saved: {exc}") from None

        class _Form(FormPresenter):
            def validate(self):
                parsed = super().validate()
                # An achievement dated after today is asked about beside its field, like any date of something done.
                if parsed is not None and parsed.get("achieved") and self._typed("achieved"):
                    today = self.today()
                    if done_after(parsed["achieved"], today):
                        self.slips["achieved"] = Slip(
                            f"{svc.day_or_month_text(parsed['achieved'])} is after today ({format_uk_date(today)}): "
                            f"{ind.name} cannot have been achieved yet. Is the date right?")
                        self.changed.emit()
                # So is a withdrawal: kept at once, the tab said "Target withdrawn" today of one dated years ahead.
                if parsed is not None and parsed.get("withdrawn_on") and self._typed("withdrawn_on"):
                    today = self.today()
                    if done_after(parsed["withdrawn_on"], today):
                        self.slips["withdrawn_on"] = Slip(
                            f"{svc.day_or_month_text(parsed['withdrawn_on'])} is after today "
                            f"({format_uk_date(today)}): the target of {ind.name} cannot have been withdrawn yet. "
                            "Is the date right?")
                        self.changed.emit()
                # A percentage under 1 typed without its % sign (0.8875 for 88.75%) is asked about, as the grid asks.
                for key in ("baseline_value", "regional_value", "national_value") if ind.unit == "percentage" else ():
                    slip = under_one_percent(parsed[key], self.values[key]) \
                        if parsed is not None and parsed[key] is not None and self._typed(key) else None
                    if slip is not None and key not in self.slips:
                        self.slips[key] = slip
                        self.changed.emit()
                base_year = parsed.get("baseline_period") if parsed is not None else None
                if base_year and self._typed("baseline_period") and base_year > year.label:
                    self.slips["baseline_period"] = Slip(
                        f"{base_year} is after {year.label}, the year in view: a baseline is the figure a target is "
                        "measured from. Is the year right?")
                    self.changed.emit()
                return parsed

        form = _Form(fields, save_fn=save, check_fn=check, title=title, today=today)
        base = view.baseline
        milestone, est, target = view.milestone, view.estimate, view.target
        values = {
            "baseline_value": "" if base is None else plain(float(base.value), Unit.NUMBER),
            "baseline_period": base.period if base is not None else "",
            "benchmark_period": svc.period_label(_period_in_view(view)),
            "due": milestone.due_text if milestone is not None else "",
            "achieved": svc.day_or_month_text(milestone.achieved_on) if milestone is not None else "",
            "estimate_rag": est.rag.key if est is not None else "",
            "estimate_basis": est.basis if est is not None else "",
            "withdrawn_on": svc.day_or_month_text(target.withdrawn_on)
            if target is not None and target.status == "withdrawn" else "",
            "withdrawn_reason": target.withdrawn_reason if target is not None and target.status == "withdrawn" else "",
        }
        for kind in BENCHMARKS:
            b = shown.get(kind)
            values[f"{kind}_value"] = "" if b is None else plain(float(b.value), Unit.NUMBER)
            values[f"{kind}_name"] = "" if b is None or b.name == dom.BENCHMARK_LABELS[kind] else b.name
        # The year's other benchmarks (a comparator area's "Sussex average", an earlier period's), which no field
        # holds: named, so the officer knows they are there and that Save keeps them.
        others = [b for b in view.benchmarks if b not in shown.values()]
        kept = "" if not others else (
            f" Also held for {year.label}, shown in the sentence and the board report and kept as they are: "
            + ", ".join(f"{b.label} {ind.format_typed(b.value)} ({svc.period_label(b.period)})" for b in others) + ".")
        form.load(values, title=title, heading=f"{title}.{kept}" if read_only else (
            f"{title}: change them, then Save. A field cleared removes what it held; nothing is written until you "
            f"save.{kept}"))
        form.read_only = read_only
        return form


FRAMEWORK_COLUMNS = ("indicator", "area", "year", "baseline", "baseline_year", "regional", "national", "milestone_due",
                     "achieved", "estimated_rag", "withdrawn")


def framework_rows(store) -> list[list[str]]:
    """The `safer-desk framework` output: what the Baseline, Benchmarks and Milestone dialog shows for each indicator,
    area and year holding any of it (svc.framework_holdings), a baseline alone with no year. Figures plain (88.75,
    1448), dates as stored (2012-08 for a month, 2010-06-29), the estimated RAG in words; the regional and national
    benchmarks the dialog shows (of the year's latest period holding one)."""
    rows = []
    holdings = svc.framework_holdings(store)
    names = svc.csv_area_names(store, [area_id for _, area_id, _ in holdings])  # as `indicators` names them
    for indicator_id, area_id, label in holdings:
        ind = svc.get_indicator(store, indicator_id)
        if not label:
            base, shown, milestone, est, target = svc.get_baseline(store, indicator_id, area_id), {}, None, None, None
        else:
            view = svc.year_view(store, ind, area_id, FinancialYear.parse(label))
            base, shown = view.baseline, _loaded_benchmarks(view)
            milestone, est, target = view.milestone, view.estimate, view.target
        rows.append([
            ind.name, names.get(area_id, area_id), label,
            "" if base is None else plain(float(base.value), Unit.NUMBER), base.period if base is not None else "",
            *("" if kind not in shown else plain(float(shown[kind].value), Unit.NUMBER) for kind in BENCHMARKS),
            milestone.due if milestone is not None else "",
            (milestone.achieved_on or "") if milestone is not None else "",
            est.rag.word if est is not None else "",
            (target.withdrawn_on or "") if target is not None and target.status == "withdrawn" else ""])
    return rows
