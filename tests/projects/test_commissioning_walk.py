"""Random runs of commissioning against a fund through its presenter, as an officer tries sets of projects: the
fund typed (and mistyped), projects ticked and unticked, scaled (halves, months, a slip asked about once),
"What fits?" accepted, commissioning against a funder's award, scenarios saved, saved as new, loaded, deleted,
and Edit > Undo / Redo of each save or delete. After every step:

- the set adds up to the penny: each row's scaled cost is its years' amounts, the committed sum is the rows', the
  years' and the lines', and what remains is the fund less what is committed;
- a saved scenario reads back as the set saved, and evaluated from the file it gives the same figures;
- "as saved" is said exactly when the set is the scenario it was loaded from;
- undo of a save or a delete gives back the file and the scenario worked on exactly as before, redo as after.
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.commissioning import CHANGED, CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services import projects as projects_service
from safer_desk.services import projects_commissioning as service
from tests.walks import unwind, walk_test, walked_copy

FUNDS = ("£400,568", "150000", "£1,000,000", "0", "abc", "-5", "")
SCALES = ("1", "1/2", "0.5", "6 months", "3/12", "2", "abc", "0")
NAMES = ("Retained budget", "Option A", "Option B - half year")


def file_scenarios(store) -> tuple:
    return tuple(sorted((s.id, s.name, s.fund_pence, s.fund_label, tuple(sorted((i.project_id, i.scale)
                                                                              for i in s.items)),
                         s.award_id, s.award_year, s.range_end) for s in service.list_scenarios(store)))


def worked_on(p: CommissioningPresenter) -> tuple:
    return (p.loaded.id if p.loaded else None, p.name, p.fund_text, tuple(sorted(p.ticks.items())), p.award_id,
            p.award_year, p.status_text())


def check(p: CommissioningPresenter, done: list[str]) -> None:
    result = p.result()
    if result is not None:
        c = result.commitment
        assert c.committed_pence == sum(r.scaled_pence for r in result.rows) == sum(c.by_year.values()) \
            == sum(c.lines.values()), done
        for row in result.rows:
            assert row.scaled_pence == sum(row.by_year.values()), (row.project.title, done)
        assert c.remaining_pence == c.fund_pence - c.committed_pence, done
        assert {row.project.id for row in result.rows} <= set(p.ticks), done
    if p.loaded is not None:
        saved = next(s for s in service.list_scenarios(p.store) if s.id == p.loaded.id)
        assert p._key(saved) == p._key(p.loaded), done  # what the file holds is what was loaded or saved
        again = service.evaluate_saved(p.store, saved, p.projects)
        if not p.is_modified() and result is not None:
            assert again.committed_pence == result.committed_pence, done
            assert again.fund_pence == result.fund_pence, done
        assert (p.status_text() == "") == (not p.is_modified()), done
    else:
        assert p.status_text() != CHANGED, done


@walk_test(12)
def test_a_commissioning_set_adds_up_reads_back_and_undoes_exactly(tmp_path_factory, demo_master, seed, steps):
    with walked_copy(tmp_path_factory, demo_master, seed) as (store, rng):
        log = ActionLog()
        p = CommissioningPresenter(store, perform=log)
        p.set_projects(projects_service.load_projects(store))
        ids = [x.id for x in p.projects]
        awards = funders.list_awards(store)
        done: list[str] = []

        def step() -> str | None:
            kind = rng.choice(("fund", "tick", "tick", "scale", "fits", "award", "name", "save", "save", "load",
                               "delete", "new"))
            if kind == "fund":
                text = rng.choice(FUNDS)
                p.set_fund(text)
                return f"fund {text!r}"
            if kind == "tick":
                pid = rng.choice(ids)
                on = pid not in p.ticks or rng.random() < 0.2
                p.tick(pid, on)
                return f"{'tick' if on else 'untick'} {pid}"
            if kind == "scale" and p.ticks:
                pid, text = rng.choice(sorted(p.ticks)), rng.choice(SCALES)
                kept = p.set_scale(pid, text) or p.set_scale(pid, text)  # a slip is kept when typed again
                return f"scale {pid} {text!r}: {'kept' if kept else p.message}"
            if kind == "fits":
                suggestion = p.suggest()
                if suggestion is not None:
                    p.accept(suggestion.keys)
                return "what fits"
            if kind == "award" and awards:
                award = rng.choice([None, *awards])
                p.set_award(award.id if award else None, rng.choice(("", "2017/18", "2018/19")) if award else "")
                return f"award {award.name if award else None}"
            if kind == "name":
                p.set_name(rng.choice(NAMES))
                return f"name {p.name!r}"
            if kind == "new":
                p.new()
                return "new"
            listed = service.list_scenarios(store)
            if kind == "load" and listed:
                chosen = rng.choice(listed)
                p.load(chosen.id)
                return f"load {chosen.name}"
            if kind == "delete":
                return f"delete: {p.delete()}"
            if kind == "save":
                saved = p.save() if rng.random() < 0.6 else p.save_as_new()
                return f"save {p.name!r}: {'saved' if saved else p.message}"
            return None

        history: list = []
        for _ in range(steps):
            before_file, before_work, size = file_scenarios(store), worked_on(p), len(log.done)
            said = step()
            if said is not None:
                done.append(said)
            check(p, done)
            if len(log.done) > size:  # the file's scenarios only: the set being worked on changes between saves
                history.append((before_file, file_scenarios(store)))
            if len(log.done) > size and rng.random() < 0.4:
                after_file, after_work = file_scenarios(store), worked_on(p)
                log.undo()
                done.append("undo")
                assert (file_scenarios(store), worked_on(p)) == (before_file, before_work), done
                check(p, done)
                log.redo()
                done.append("redo")
                assert (file_scenarios(store), worked_on(p)) == (after_file, after_work), done
                check(p, done)
        unwind(log, history, lambda: file_scenarios(store), lambda: check(p, done), done)
