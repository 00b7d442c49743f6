"""Random runs of the register through its presenter, as an officer keeps it: projects added, edited field by field
(costs in every form the papers write them, dates, statuses, funders' shares, criteria, typing errors and figures
queried), saved (Save again after a query), deleted, pasted from a sheet, and Edit > Undo / Redo. After every step:

- the rows the presenter shows are the projects in the file, field for field (nothing stale, nothing lost);
- a refused save writes nothing, and its typing stays in the editor, marked;
- every cost reads min <= max;
- undo puts the file back exactly as it was before the step, and redo exactly as it was after.
"""

from __future__ import annotations

import random
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from safer_desk.exchange.county_schema import content_checksums, data_tables
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import projects as svc
from tests.walks import unwind, walk_on_copy, walk_settings, walk_step

VALUES = {
    "title": ["Nightsafe", "Drugs & Alcohol Team", "  Spaced  out  ", "", "Homeshield Plus"],
    "ref": ["", "16", "P9", "1"],
    "status": ["proposed", "shortlisted", "commissioned", "live", "completed", "declined", "withdrawn"],
    "status_date": ["", "01/04/2018", "31/02/2018", "1/4/26 00:00", "yesterday"],
    "cost": ["£30,000", "£54,372 - £62,372", "Minimum £50,000", "£30K", "£3.250", "", "tbc", "-£5", "£9 - £3"],
    "cost_note": ["", "Not stated", "To be confirmed"],
    "capital": ["", "£10,000", "bad"],
    "start_date": ["", "01/04/2009", "2017-04-01", "13/13/2019"],
    "end_date": ["", "31/03/2010", "31/03/2008", "31/03/2018"],
    "areas": ["", "Countywide", "Ipswich; Babergh"],
    "funding_sources": ["", "OPCC (2017/18): £110,000", "PRG: Tbc", "SSPB: £5,000\nPRG (2009/10): £3,000", "?? £"],
    "lead_organisation": ["", "Suffolk County Council"],
    "laa_outcome": ["", "yes", "no", "unknown"],
    "laa_outcome_note": ["", "for Ipswich only"],
    "notes": ["", "Pilot in one area first"],
}


def content(store) -> dict[str, str]:
    return content_checksums(store.conn, data_tables(store.conn))[1]


def check(presenter: ProjectsPresenter, done: list[str]) -> None:
    in_file = {p.id: p for p in svc.load_projects(presenter.store)}
    shown = {p.id: p for p in presenter.rows}
    assert shown == in_file, done
    for p in in_file.values():
        if p.cost is not None and p.cost.max_pence is not None:
            assert p.cost.min_pence <= p.cost.max_pence, (p.title, p.cost, done)


def edit(presenter: ProjectsPresenter, rng: random.Random, done: list[str]) -> None:
    for key in rng.sample(sorted(VALUES), rng.randint(1, 3)):
        value = rng.choice(VALUES[key])
        presenter.editor.set_value(key, value)
        done.append(f"  {key} = {value!r}")


def step(presenter: ProjectsPresenter, rng: random.Random, done: list[str]) -> None:
    kind = rng.choice(["edit", "edit", "edit", "add", "delete", "paste"])
    if kind in ("edit", "add") or not presenter.rows:
        if kind == "add" or not presenter.rows:
            presenter.add_project()
            presenter.editor.set_value("title", f"New {rng.randint(1, 999)}")
            done.append("add")
        else:
            project = rng.choice(presenter.rows)
            presenter.select(project.id)
            done.append(f"edit {project.title}")
        edit(presenter, rng, done)
        saved = presenter.save() or presenter.save()  # a figure queried once is kept when saved again
        done.append(f"  saved: {saved}")
        if not saved:
            assert presenter.has_unsaved_changes(), done  # the typing stays, marked
            presenter.discard()
        return
    if kind == "delete":
        ids = [p.id for p in rng.sample(presenter.rows, min(len(presenter.rows), rng.randint(1, 2)))]
        presenter.delete(ids)
        done.append(f"delete {len(ids)}")
        return
    rows = [["Title", "Cost", "Status", "Start"], *[[f"Pasted {rng.randint(1, 99)}", rng.choice(VALUES["cost"][:4]),
                                                    "Proposed", "01/04/2019 00:00"] for _ in range(rng.randint(1, 3))]]
    presenter.add_pasted(svc.projects_from_rows(rows))
    done.append(f"paste {len(rows) - 1}")


@walk_settings(10)
@given(seed=st.integers(0, 2**32 - 1), steps=st.integers(5, 25))
def test_the_register_always_shows_the_file_and_undoes_exactly(demo_master, tmp_path_factory, seed, steps):
    store, rng = walk_on_copy(tmp_path_factory, demo_master, seed)
    log = ActionLog()
    presenter = ProjectsPresenter(store, perform=log, today=lambda: date(2019, 4, 1))
    done: list[str] = []
    history: list = []
    try:
        presenter.reload()
        check(presenter, done)
        for _ in range(steps):
            walk_step(log, rng, lambda: content(store), lambda: check(presenter, done), done,
                      lambda: step(presenter, rng, done), history)
        unwind(log, history, lambda: content(store), lambda: check(presenter, done), done)
    finally:
        store.close()
