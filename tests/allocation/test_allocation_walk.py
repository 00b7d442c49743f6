"""Random runs of the Allocation tab through its presenter, as a coordinator works up next year's split: inputs
typed (fixed units, the basis, last year; good and mistyped), partnerships added and removed, the pot given or made
from last year's total less a share kept back, the fixed share, rounding, unit and damping changed, scenarios
saved, saved as new, opened, deleted, marked and unmarked as agreed, and Edit > Undo / Redo of any step. After
every step:

- a result adds up exactly: the rows' totals are the pot, each row's total is its fixed part, its variable part
  and what damping moved, and the fixed and variable parts add up to their own totals;
- nothing is lost by leaving: a fresh presenter on the file has the same working inputs, compares them with the
  same saved scenario and shows the same split (the draft is kept in the file at every edit);
- every saved scenario reads back as what was saved, and a year has at most one agreed scenario;
- a refused edit changes nothing; undo gives back exactly what was there before the step, and redo what after.
"""

from __future__ import annotations

from safer_desk.domain.allocation import AllocationError
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.allocation import AllocationPresenter
from safer_desk.services import allocation as service
from safer_desk.services import allocation_workbench as bench
from tests.walks import unwind, walk_step, walk_test, walked_copy

CELLS = ("0", "1", "2", "3", "2,442", "7937", "12.5", "", "abc", "-4", "1e3")
OPTIONS = {"pot": ("589608", "£589,608", "100", "0", "abc", "-5"),
           "previous_total": ("655120", "£1,000,000", "abc"),
           "retain": ("10", "10%", "0", "2.5", "150", "x"),
           "fixed_share": ("1/3", "0.25", "25%", "£28,077", "0", "2", "1"),
           "damping": ("", "5", "10%", "-3"),
           "rounding": ("exact", "percent-2dp"), "unit": ("pound", "penny")}
NAMES = ("Option 1", "Option 2 - retained", "2010/11 draft")
YEARS = ("2009/10", "2010/11", "2010")


def scenarios(store) -> tuple:
    out = []
    for s in service.list_scenarios(store):
        full = service.load_scenario(store, s.id)
        out.append((s.id, full.name, full.year, s.adopted, full.partnerships, full.options))
    return tuple(sorted(out, key=lambda t: t[0]))


def shown(p: AllocationPresenter) -> tuple:
    # Whether the inputs are as saved, not the label's words: those also say whether the name typed in Working on is
    # the loaded scenario's, and an undo keeps the name the window shows (as typed), by design.
    saved = (p.loaded.title, p.is_modified()) if p.loaded else bool(p.state.partnerships)
    return (p.state, p.loaded.id if p.loaded else None, saved, scenarios(p.store))


def check(p: AllocationPresenter, done: list[str]) -> None:
    result, problem = p.state.calculate()
    assert (p.result is None) == (result is None) and p.problem == problem, done
    if result is not None:
        assert p.result == result, done
        rows = result.rows
        assert result.total_pence == sum(r.total_pence for r in rows) == result.pot_pence, done
        for r in rows:
            assert r.total_pence == r.fixed_pence + r.variable_pence + r.damping_pence, (r, done)
        assert sum(r.fixed_pence for r in rows) + sum(r.variable_pence for r in rows) \
            + sum(r.damping_pence for r in rows) == result.pot_pence, done
        assert sum(r.damping_pence for r in rows) == 0, done  # damping moves money between rows, never adds any
    fresh = AllocationPresenter(p.store)
    assert fresh.state == p.state, done
    assert (fresh.loaded.id if fresh.loaded else None) == (p.loaded.id if p.loaded else None), done
    assert fresh.result == p.result, done
    agreed = [s for s in service.list_scenarios(p.store) if s.adopted]
    assert len({s.year for s in agreed}) == len(agreed), done  # one agreed scenario a year at most


@walk_test(12)
def test_an_allocation_always_adds_up_is_never_lost_and_undoes_exactly(tmp_path_factory, demo_master, seed, steps):
    with walked_copy(tmp_path_factory, demo_master, seed) as (store, rng):
        log = ActionLog()
        p = AllocationPresenter(store, perform=log)
        done: list[str] = []

        def edit(change, text: str) -> str:
            try:
                p.edit(change, text)
            except AllocationError as exc:
                return f"{text}: refused ({exc})"
            return text

        def step() -> str | None:
            kind = rng.choice(("cell", "cell", "option", "option", "row", "save", "open", "delete", "agree"))
            state = p.state
            if kind == "cell" and state.partnerships:
                row, key = rng.randrange(len(state.partnerships)), rng.choice(state.input_columns()[1:])
                text = rng.choice(CELLS)
                return edit(lambda s: bench.with_cell(s, row, key, text), f"cell {row} {key} = {text!r}")
            if kind == "option":
                key = rng.choice(tuple(OPTIONS))
                text = rng.choice(OPTIONS[key])
                return edit(lambda s: bench.with_option(s, key, text), f"option {key} = {text!r}")
            if kind == "row":
                if state.partnerships and rng.random() < 0.5:
                    rows = rng.sample(range(len(state.partnerships)), 1)
                    return edit(lambda s: bench.without_rows(s, rows), f"remove row {rows}")
                return edit(lambda s: bench.with_new_row(s), "new row")
            if kind == "save":
                name, year = rng.choice(NAMES), rng.choice(YEARS)
                if p.loaded is not None and rng.random() < 0.5:
                    name, year = p.loaded.name, p.loaded.year
                saved = p.save(name, year) if rng.random() < 0.6 else p.save_as_new(name, year)
                return f"save {name!r} {year!r}: {'saved' if saved else p.error}"
            listed = service.list_scenarios(store)
            if not listed:
                return None
            chosen = rng.choice(listed)
            if kind == "open":
                p.open(chosen.id)
                return f"open {chosen.name}"
            if kind == "delete":
                p.delete(chosen.id)
                return f"delete {chosen.name}"
            (p.unadopt if chosen.adopted else p.adopt)(chosen.id)
            return f"{'unmark' if chosen.adopted else 'mark'} {chosen.name} as agreed"

        history: list = []
        for _ in range(steps):
            walk_step(log, rng, lambda: shown(p), lambda: check(p, done), done, step, history)
        unwind(log, history, lambda: shown(p), lambda: check(p, done), done)
