"""Committed by financial year put a share stated for 2018/19 under "(no year)" when the same funder also had an
undated "Tbc" line for the project (session 55, a tester): a share not yet known, which counts nothing, made the
project's dated shares unplaceable. Only the shares that count say where it falls."""

from __future__ import annotations

from safer_desk.domain.commissioning import share_years
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import projects as svc

FUNDER = "Suffolk Public Sector Leaders"


def _set(store, ref: str, **fields) -> None:
    project = next(x for x in svc.load_projects(store) if x.ref == ref)
    typed = svc.project_fields(project)
    typed.update(fields)
    svc.save_project(store, svc.project_from_fields(typed, base=project), loaded=project)


def test_a_share_not_yet_known_leaves_the_dated_shares_in_their_years(demo_store):
    _set(demo_store, "6",
         funding_sources=f"{FUNDER} — County Lines (2018/19): £3,333.33\n{FUNDER} — County Lines: Tbc")
    p = CommissioningPresenter(demo_store)
    p.set_projects(svc.load_projects(demo_store))
    strive = next(x for x in p.projects if x.ref == "6")
    award = next(a for a in p.awards() if "County Lines" in a.name)
    p.new()
    p.set_award(award.id, "")
    p.tick(strive.id)
    row = next(r for r in p.result().rows if r.project.ref == "6")
    assert row.scaled_pence == 333_333 and row.by_year == {"2018/19": 333_333}, row.by_year


def test_an_undated_share_with_an_amount_still_cannot_be_placed(demo_store):
    project = next(x for x in svc.load_projects(demo_store) if x.ref == "6")
    typed = svc.project_fields(project)
    typed["funding_sources"] = f"{FUNDER} (2018/19): £3,000\n{FUNDER}: £1,000"
    from safer_desk.services.funders import shares_of

    shares = shares_of(svc.project_from_fields(typed, base=project))
    assert share_years(shares, FUNDER) == {}
    typed["funding_sources"] = f"{FUNDER} (2018/19): £3,000\n{FUNDER}: Tbc"
    assert share_years(shares_of(svc.project_from_fields(typed, base=project)), FUNDER) == {"2018/19": 300_000}
