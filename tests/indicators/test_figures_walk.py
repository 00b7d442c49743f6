"""Random runs of the Indicators tab's figures through its presenter, as an officer keys a year of monthly and
quarterly counts: figures typed over, cleared, mistyped ("abc", "-3", "2.5", "1e3"), pasted in a row from Excel,
comments written, one indicator after another, and Edit > Undo / Redo of any step. The walk keeps its own account
of every figure and comment saved (never read back from the program), and after every step:

- the file holds exactly that account for the area and year (and nothing else changed for a refused step);
- the grid shows each figure as typed and saved; the cumulative row is the running total of those figures up to
  the last month with one (blank before the first and after the last); the gap is the cumulative less the target;
- a month judged against a target after a missing month is "incomplete", never a colour; a month with no figure
  has no RAG;
- last year's figures never move;
- what the presenter shows is what a fresh presenter on the file shows (nothing stale);
- undo gives back exactly the file before the step, and redo the file after it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from safer_desk.domain.indicators import Rag
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from tests.walks import unwind, walk_step, walk_test, walked_copy

TODAY = date(2026, 11, 28)
AREA, YEAR = "district:plymouth", FinancialYear(2016)
GOOD = ("0", "7", "12", "1,480", " 56 ", "1480", "23,456")
BAD = ("abc", "-3", "2.5", "1e3", "£12", "12 crimes")


def presenter_on(store, log=None) -> IndicatorsPresenter:
    p = IndicatorsPresenter(store, perform=log or ActionLog(), today=lambda: TODAY)
    p.load(AREA, YEAR)
    return p


def counts(p: IndicatorsPresenter) -> list[str]:
    """The area's count indicators that add up: the walk's own account can say what their rows must show."""
    out = []
    for row in p.rows:
        ind = row.indicator
        if ind.unit == "count" and ind.adds_up and ind.measure == "performance":
            out.append(ind.id)
    return out


def file_rows(store) -> list[tuple]:
    return [tuple(r) for r in store.rows(
        "SELECT indicator_id, area_id, period, value, numerator, denominator, comment, source FROM indicator_values "
        "ORDER BY indicator_id, area_id, period")]


def figure_text(value: Decimal | None) -> str:
    return "" if value is None else f"{int(value):,}"


def grid_texts(p: IndicatorsPresenter) -> tuple:
    grid = p.figures.grid
    return tuple((row.key, tuple(c.text for c in row.cells)) for row in grid.rows)


class Followed:
    """What a walk itself saved, taken back and forth as Edit > Undo and Redo take the file."""

    def __init__(self) -> None:
        self.undone: list = []
        self.redone: list = []

    def state(self):
        raise NotImplementedError

    def restore(self, state) -> None:
        raise NotImplementedError

    def saved(self, change) -> None:
        """A save the program made (one step of Edit > Undo): the account takes it (change() updates it)."""
        self.undone.append(self.state())
        self.redone.clear()
        change()

    def follow(self, log: ActionLog) -> None:
        undo, redo = log.undo, log.redo

        def undone() -> None:
            undo()
            self.redone.append(self.state())
            self.restore(self.undone.pop())

        def redone() -> None:
            redo()
            self.undone.append(self.state())
            self.restore(self.redone.pop())

        log.undo, log.redo = undone, redone


class Account(Followed):
    """What the walk itself saved: figure and comment by (indicator, period), read once from the file at the start."""

    def __init__(self, store, p: IndicatorsPresenter, ids: list[str]):
        super().__init__()
        self.figures: dict[tuple[str, str], Decimal | None] = {}
        self.comments: dict[tuple[str, str], str] = {}
        self.periods: dict[str, tuple[str, ...]] = {}
        for ind_id in ids:
            grid = svc.entry_grid(store, ind_id, AREA, YEAR, today=TODAY)
            self.periods[ind_id] = grid.periods
            stored = svc.value_rows(store, ind_id, AREA, grid.periods)
            for period in grid.periods:
                row = stored.get(period) or {}
                value = row.get("value")
                self.figures[(ind_id, period)] = None if value is None else Decimal(str(value))
                self.comments[(ind_id, period)] = row.get("comment") or ""

    def state(self) -> tuple[dict, dict]:
        return dict(self.figures), dict(self.comments)

    def restore(self, state: tuple[dict, dict]) -> None:
        self.figures, self.comments = state

    def check(self, store, p: IndicatorsPresenter, last_year: dict, done: list[str]) -> None:
        ind_id = p.selected
        periods = self.periods[ind_id]
        stored = svc.value_rows(store, ind_id, AREA, periods)
        for period in periods:
            row = stored.get(period) or {}
            held = None if row.get("value") is None else Decimal(str(row["value"]))
            assert held == self.figures[(ind_id, period)], (period, held, done)
            assert (row.get("comment") or "") == self.comments[(ind_id, period)], (period, done)
        grid = p.figures.grid
        figures = [self.figures[(ind_id, period)] for period in periods]
        assert [c.text for c in grid.row(svc.GRID_VALUE).cells] == [figure_text(f) for f in figures], done
        last = max((i for i, f in enumerate(figures) if f is not None), default=-1)
        running, expected = Decimal(0), []
        for i, f in enumerate(figures):
            running += f or 0
            seen = any(x is not None for x in figures[:i + 1])
            expected.append(running if seen and i <= last else None)
        cumulative = [c.value for c in grid.row(svc.GRID_CUMULATIVE).cells]
        # A period with no figure shows none to date, as the chart's gap (round 32), never the total carried over it.
        assert cumulative == [None if e is None or f is None else float(e) for e, f in zip(expected, figures)], \
            (cumulative, expected, done)
        # (none at all: last is -1, and no period is before it; a slice to -1 took all but the last)
        assert all(c.text == "No figure" for c, f in zip(grid.row(svc.GRID_CUMULATIVE).cells[:max(last, 0)], figures)
                   if f is None), done
        keys = grid.keys
        if svc.GRID_GAP in keys:
            target = [c.value for c in grid.row(svc.GRID_TARGET).cells]
            gap = [c.value for c in grid.row(svc.GRID_GAP).cells]
            assert gap == [None if e is None or t is None else float(e) - t for e, t in zip(expected, target)], done
        rags = grid.row(svc.GRID_RAG).cells
        first_gap = next((i for i, f in enumerate(figures) if f is None), len(figures))
        for i, (f, cell) in enumerate(zip(figures, rags)):
            if f is None:
                assert cell.text == "", (i, cell.text, done)
            elif svc.GRID_GAP in keys and p.view.indicator.polarity != "monitor" and i > first_gap:
                # A count already red where lower is better, or green where higher is, stays so whatever the missing
                # period's figure (s61, s62): judged, over its target to date; any other total short by it is not.
                ind = p.view.indicator
                certain = ind.unit == "count" and (cell.rag, ind.polarity) in ((Rag.RED, "lower"),
                                                                               (Rag.GREEN, "higher"))
                target_to_date = grid.row(svc.GRID_TARGET).cells[i].value
                if certain:
                    assert target_to_date is not None and (float(expected[i]) >= target_to_date if cell.rag is Rag.GREEN
                                                           else float(expected[i]) > target_to_date), (i, done)
                else:
                    assert cell.rag is Rag.INCOMPLETE, (i, cell.rag, done)
        assert tuple(c.text for c in grid.row(svc.GRID_LAST_YEAR).cells) == last_year[ind_id], done
        fresh = presenter_on(store)
        assert fresh.choose_indicator(ind_id, lambda text: None)
        assert grid_texts(fresh) == grid_texts(p), done


@walk_test(12)
def test_typed_figures_add_up_to_what_was_saved_and_undo_exactly(tmp_path_factory, demo_master, seed, steps):
    with walked_copy(tmp_path_factory, demo_master, seed) as (store, rng):
        log = ActionLog()
        p = presenter_on(store, log)
        ids = counts(p)
        assert len(ids) >= 5, ids  # monthly and quarterly counts, one with a target
        account = Account(store, p, ids)
        account.follow(log)
        last_year = {}
        for ind_id in ids:
            assert p.choose_indicator(ind_id, lambda text: None)
            last_year[ind_id] = tuple(c.text for c in p.figures.grid.row(svc.GRID_LAST_YEAR).cells)
        done: list[str] = []

        def save(typed: dict[int, str]) -> str:
            """Save what was typed in the value row; the account takes it only when the program did."""
            ind_id, editor = p.selected, p.figures
            periods = account.periods[ind_id]
            mistyped = any(text.strip() in BAD for text in typed.values())
            steps_before = len(log.done)
            saved = editor.save() or editor.save()  # a figure queried is kept when saved again
            if mistyped:
                assert not saved and editor.messages(), (typed, done)
            elif saved and len(log.done) > steps_before:
                account.saved(lambda: account.figures.update(
                    {(ind_id, periods[col]): Decimal(text.strip().replace(",", "")) if text.strip() else None
                     for col, text in typed.items()}))
            editor.discard()  # a refused save leaves nothing typed for the next step
            return f"{ind_id} {typed} {'saved' if saved else 'refused'}"

        def step() -> str | None:
            ind_id = rng.choice(ids)
            assert p.choose_indicator(ind_id, lambda text: None)
            editor = p.figures
            cols = [i for i, c in enumerate(editor.grid.row(svc.GRID_VALUE).cells) if c.editable]
            kind = rng.choice(("type", "type", "paste", "comment"))
            if kind == "type":
                typed = {}
                for col in rng.sample(cols, rng.randint(1, min(3, len(cols)))):
                    typed[col] = rng.choice(GOOD + ("",) + (BAD if rng.random() < 0.2 else ()))
                    editor.set_text(svc.GRID_VALUE, col, typed[col])
                return save(typed)
            if kind == "paste":
                start = rng.choice(cols)
                row = [rng.choice(GOOD) for _ in range(rng.randint(1, 4))]
                pasted = editor.paste(svc.GRID_VALUE, start, [row])
                if len(row) > len(editor.grid.periods) - start:  # past the year's end: nothing pasted, and said
                    assert pasted == 0 and "nothing was pasted" in editor.form_message and not editor.is_dirty, done
                    return None
                assert pasted == len(row), (start, row, pasted, done)
                return "paste " + save(dict(zip(range(start, start + pasted), row)))
            col = rng.choice(cols)
            text = rng.choice(("Recording change in April", "", "Operation Tide; see note"))
            editor.set_text(svc.GRID_COMMENT, col, text)
            steps_before = len(log.done)
            saved = editor.save() or editor.save()
            if saved and len(log.done) > steps_before:
                account.saved(lambda: account.comments.update({(ind_id, account.periods[ind_id][col]): text.strip()}))
            editor.discard()
            return f"comment {ind_id} {col} {text!r} {'saved' if saved else 'refused'}"

        history: list = []
        for _ in range(steps):
            walk_step(log, rng, lambda: file_rows(store), lambda: account.check(store, p, last_year, done), done,
                      step, history)
        unwind(log, history, lambda: file_rows(store), lambda: account.check(store, p, last_year, done), done)


SATISFACTION = "indicator:level-two-ist-incidents-satisfaction"


class Figures(Followed):
    """The percentages the walk saved, by period."""

    def __init__(self, held: dict[str, tuple | None]):
        super().__init__()
        self.held = held

    def state(self) -> dict:
        return dict(self.held)

    def restore(self, state: dict) -> None:
        self.held = state


def ratio_account(store) -> dict[str, tuple]:
    """Each period's figure as the file holds it: ("ratio", numerator, denominator), ("value", v) or None."""
    grid = svc.entry_grid(store, SATISFACTION, AREA, YEAR, today=TODAY)
    rows = svc.value_rows(store, SATISFACTION, AREA, grid.periods)
    out = {}
    for period in grid.periods:
        r = rows.get(period) or {}
        if r.get("numerator") is not None:
            out[period] = ("ratio", r["numerator"], r["denominator"])
        else:
            out[period] = None if r.get("value") is None else ("value", r["value"])
    return out


def percentage(figure: tuple) -> float:
    return figure[1] / figure[2] * 100 if figure[0] == "ratio" else figure[1]


def expected_cumulative(figures: list) -> list:
    """Year to date as the paper works it: a ratio of sums while every period so far has its numerator and
    denominator, else the mean of the periods' percentages; blank before the first figure and after the last."""
    last = max((i for i, f in enumerate(figures) if f is not None), default=-1)
    out = []
    for i in range(len(figures)):
        seen = [f for f in figures[:i + 1] if f is not None]
        if not seen or i > last:
            out.append(None)
        elif all(f[0] == "ratio" for f in seen):
            out.append(sum(f[1] for f in seen) / sum(f[2] for f in seen) * 100)
        else:
            out.append(sum(percentage(f) for f in seen) / len(seen))
    return out


def close(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-9)


@walk_test(10)
def test_percentages_typed_as_figures_or_as_ratios_add_up_as_the_paper_does(tmp_path_factory, demo_master, seed,
                                                                             steps):
    """The satisfaction rate, typed a month at a time as numerator and denominator (or as a percentage where no
    ratio is held), cleared and mistyped (over 100%, a denominator of 0, one without the other): the file holds
    what was saved, each month shows its percentage and the cumulative row the year to date."""
    with walked_copy(tmp_path_factory, demo_master, seed) as (store, rng):
        log = ActionLog()
        p = presenter_on(store, log)
        assert p.choose_indicator(SATISFACTION, lambda text: None)
        account = Figures(ratio_account(store))
        account.follow(log)
        periods = list(account.held)
        done: list[str] = []

        def check() -> None:
            assert ratio_account(store) == account.held, done
            grid = p.figures.grid
            figures = [account.held[period] for period in periods]
            shown = [c.value for c in grid.row(svc.GRID_VALUE).cells]
            assert all(close(s, None if f is None else percentage(f)) for s, f in zip(shown, figures)), (shown, done)
            cumulative = [c.value for c in grid.row(svc.GRID_CUMULATIVE).cells]
            # A month with no figure shows none to date (round 32: the chart's gap), never the ratio carried over it.
            expected = [None if f is None else e for e, f in zip(expected_cumulative(figures), figures)]
            assert all(close(c, e) for c, e in zip(cumulative, expected)), (cumulative, done)

        def step() -> str | None:
            editor = p.figures
            col = rng.randrange(len(periods))
            period = periods[col]
            kind = rng.choice(("ratio", "ratio", "value", "clear", "bad"))
            if kind == "value" and not editor.cell(svc.GRID_VALUE, col).editable:
                kind = "ratio"  # a month held as a ratio is changed through its numerator and denominator
            if kind == "ratio":
                den = rng.randint(1, 400)
                num = rng.randint(0, den)
                texts = {svc.GRID_NUMERATOR: f"{num:,}", svc.GRID_DENOMINATOR: f"{den:,}"}
                figure = ("ratio", float(num), float(den))
            elif kind == "value":
                value = rng.choice((0, 12.5, 57, 88.9, 100))
                texts, figure = {svc.GRID_VALUE: rng.choice((f"{value:g}", f"{value:g}%"))}, ("value", float(value))
            elif kind == "clear":
                held = account.held[period]
                texts = {svc.GRID_NUMERATOR: "", svc.GRID_DENOMINATOR: ""} if held and held[0] == "ratio" \
                    else {svc.GRID_VALUE: ""}
                figure = None
            else:
                texts = rng.choice(({svc.GRID_NUMERATOR: "51", svc.GRID_DENOMINATOR: "50"},
                                    {svc.GRID_NUMERATOR: "5", svc.GRID_DENOMINATOR: "0"},
                                    {svc.GRID_NUMERATOR: "5", svc.GRID_DENOMINATOR: ""} if account.held[period] is None
                                    or account.held[period][0] != "ratio" else {svc.GRID_DENOMINATOR: "abc"}))
                figure = account.held[period]
            for key, text in texts.items():
                editor.set_text(key, col, text)
            steps_before = len(log.done)
            saved = editor.save() or editor.save()
            if kind == "bad":
                assert not saved and (editor.messages() or editor.form_message), (texts, done)
            elif saved and len(log.done) > steps_before:
                account.saved(lambda: account.held.__setitem__(period, figure))
            editor.discard()
            return f"{kind} {period} {texts}: {'saved' if saved else editor.form_message or editor.messages()}"

        history: list = []
        for _ in range(steps):
            walk_step(log, rng, lambda: file_rows(store), check, done, step, history)
        unwind(log, history, lambda: file_rows(store), check, done)
