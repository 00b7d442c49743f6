"""Random runs of a plan typed in through the Budgets presenter, as an officer copies a paper's table: sections of
each kind, lines, cells in every form a paper prints (amounts, per-district splits, TBC, N/K, nil, negatives,
blanks and typing errors), printed totals typed over the worked-out ones, lines and sections renamed (a name that
reads as a total refused) or deleted, and Edit > Undo / Redo. After every step:

- each section's subtotal is the sum of its lines' known cells, and says so when a TBC or N/K cell leaves it
  incomplete; the plan total is the sections' subtotals with their signs (expenditure adds, income and savings take
  away, a section outside the total adds nothing); each line's Total across the years adds up its cells;
- a printed figure is flagged exactly when it disagrees with the complete figure worked out beside it;
- what the presenter shows is what a fresh presenter reads from the file (nothing stale);
- a refused cell changes nothing; undo puts back exactly what was shown before the step, and redo what was after.
"""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain.budgets import add_cells, format_amount
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as service
from safer_desk.storage.store import open_store
from tests.walks import unwind, walk_settings, walk_step

KINDS = ("expenditure", "income", "savings", "budget", "other")
CELLS = ("£1,234", "£4,000 (£2,000 per District)", "TBC", "N/K", "nil", "(6,957)", "£0", "12.34", "£30K",
         "£7525.58 (Cost to be reimbursed)", "-£250", "", "bad", "£3.250", "1e6")


def shown(presenter: BudgetsPresenter) -> tuple:
    return tuple(presenter.rows), tuple(presenter.columns)


def worked_out_text(figure, cell, unit: str) -> str:
    """A worked-out figure as the grid shows it: blank where no line has a cell, unless a printed total disagrees with
    it there, when it is the £0 the printed total was checked against, flagged (round 34)."""
    return figure.describe(unit) or (format_amount(0, unit) if cell.flag else "")


def check(presenter: BudgetsPresenter, done: list[str]) -> None:
    view = presenter.view
    assert view is not None, done
    plan = view.plan
    columns = [c.id for c in plan.columns]
    signs = {s.id: s.sign for s in plan.sections}
    lines: dict[str, list] = {s.id: list(s.lines) for s in plan.sections}
    plan_total = {cid: add_cells([]) for cid in columns}
    for section in plan.sections:
        for cid in columns:
            figure = add_cells(line.cells.get(cid) for line in lines[section.id])
            if signs[section.id]:
                plan_total[cid] = plan_total[cid] + figure.signed(signs[section.id])
    rows = view.rows
    for i, row in enumerate(rows):
        if row.kind == "line":
            line = next(ln for ls in lines.values() for ln in ls if ln.id == row.line_id)
            for cid, cell in zip(columns, row.cells):
                stored = line.cells.get(cid)
                assert (cell.pence if stored is not None and stored.known else None) == (
                    stored.pence if stored is not None and stored.known else None), (row.label, done)
            if row.across is not None:
                across = add_cells(line.cells.get(c.id) for c in plan.year_columns)
                assert row.across.text == across.describe(plan.unit), (row.label, row.across.text, done)
        elif row.kind == "subtotal":
            section_lines = lines[row.section_id]
            for cid, cell in zip(columns, row.cells):
                figure = add_cells(line.cells.get(cid) for line in section_lines)
                assert cell.text == worked_out_text(figure, cell, plan.unit), (row.label, cell.text, figure, done)
                assert (cell.status == "total-incomplete") == (not figure.complete and not figure.empty), done
        elif row.kind == "total":
            for cid, cell in zip(columns, row.cells):
                assert cell.text == worked_out_text(plan_total[cid], cell, plan.unit), (cell.text, plan_total[cid],
                                                                                         done)
        elif row.kind in ("stated", "stated-total"):
            worked = next(r for r in reversed(rows[:i]) if r.kind == ("subtotal" if row.kind == "stated"
                                                                       else "total") or
                          (row.kind == "stated" and r.kind == "line" and r.section_id == row.section_id))
            for cell, beside in zip(row.cells, worked.cells):
                if not cell.text or worked.kind == "line":
                    continue
                # An empty worked-out figure (no line has a cell there) is £0, complete.
                complete = beside.status == "total" and beside.pence is not None or not beside.text
                differs = complete and cell.pence is not None and cell.pence != (beside.pence or 0)
                assert (cell.status == "stated-differs") == differs, (row.label, cell, beside, done)
    fresh = BudgetsPresenter(presenter.store)
    fresh.reload()
    fresh.select(presenter.selected)
    assert shown(fresh) == shown(presenter), done


def step(presenter: BudgetsPresenter, rng: random.Random) -> str:
    sections = presenter.sections()
    line_rows = [r for r in presenter.rows if r.kind == "line"]
    totals = [r for r in presenter.rows if r.kind in ("subtotal", "total", "stated", "stated-total")]
    kind = rng.choice(["section", "line", "line", "cell", "cell", "cell", "cell", "printed", "clear", "rename",
                       "delete"])
    named = [r for r in presenter.rows if r.kind in ("line", "section")]
    if kind == "rename" and named:
        row = rng.choice(named)
        text = rng.choice([f"Renamed {rng.randint(1, 999)}", row.label, "Total", ""])
        presenter.rename(row, text)
        return f"rename {row.kind} {row.label} to {text!r}"
    if kind == "delete" and named and rng.random() < 0.5:
        row = rng.choice(named)
        presenter.delete_row(row)
        return f"delete {row.kind} {row.label}"
    if kind == "section" or not sections:
        name, what = f"Section {rng.randint(1, 99)}", rng.choice(KINDS)
        presenter.add_section(name, what)
        return f"add {what} section {name}"
    if kind == "line" or not line_rows:
        section_id, label = rng.choice(sections)[0], f"Line {rng.randint(1, 999)}"
        presenter.add_line(section_id, label)
        return f"add line {label}"
    column = rng.choice(presenter.columns)
    if kind == "printed" and totals:
        row, text = rng.choice(totals), rng.choice(CELLS)
        presenter.set_printed_total(row, column, text)
        return f"printed {row.label}, {column}: {text!r}"
    row = rng.choice(line_rows)
    text = "" if kind == "clear" else rng.choice(CELLS)
    presenter.set_cell(row.line_id, column, text)
    return f"cell {row.label}, {column}: {text!r}"


@walk_settings(15)
@given(seed=st.integers(0, 2**32 - 1), steps=st.integers(10, 40), years=st.integers(1, 4),
       thousands=st.booleans(), across=st.booleans())
def test_a_plan_typed_in_always_adds_up_and_undoes_exactly(tmp_path_factory, seed, steps, years, thousands, across):
    rng = random.Random(seed)
    store = open_store(tmp_path_factory.mktemp("budget-walk") / "office.sqlite", create=True)
    log = ActionLog()
    presenter = BudgetsPresenter(store, perform=log)
    done: list[str] = []
    try:
        presenter.reload()
        columns = [f"{2017 + i}/{(18 + i) % 100:02d}" for i in range(years)]
        plan_id = presenter.new_plan("Walk", ", ".join(columns), unit="thousand" if thousands else "pound",
                                     show_total_column=across)
        assert plan_id, presenter.error
        history: list = []
        for _ in range(steps):
            walk_step(log, rng, lambda: shown(presenter), lambda: check(presenter, done), done,
                      lambda: step(presenter, rng), history)
        unwind(log, history, lambda: shown(presenter), lambda: check(presenter, done), done)
        while len(log.done) > 1:  # everything but the plan itself, undone step by step
            log.undo()
            check(presenter, done + ["undo all"])
        assert [r.kind for r in presenter.rows] == [], done
        assert service.list_plans(store)[0].name == "Walk"
    finally:
        store.close()
