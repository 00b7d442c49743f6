"""A scale typed as an amount on Commissioning is committed as typed (session 53).

Seen: £50,000 typed for the Sexual Exploitation project (£54,372 - £62,372) was kept as 12500/15593 of the upper end;
counting the lower end then committed £43,586.87, not a word said, and the Scale column, the board's table and the
report showed "12500/15593". Against the PCC award, £55,000 of P1's share kept as 1/2 committed £60,000 once the
share was corrected to £120,000 in the register.
"""

from __future__ import annotations

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com
from safer_desk.storage.store import open_store


def presenter(store) -> tuple[CommissioningPresenter, dict]:
    p = CommissioningPresenter(store)
    p.set_projects(svc.load_projects(store))
    return p, {x.ref: x for x in p.projects}


def committed(result, ref: str) -> tuple[str, int]:
    row = next(r for r in result.rows if r.project.ref == ref)
    return row.scale.describe(), row.scaled_pence


def test_an_amount_typed_stays_committed_when_the_other_end_of_a_range_is_counted(demo_path):
    store = open_store(demo_path)
    try:
        p, ref = presenter(store)
        p.new()
        p.set_fund("£65,512")
        p.tick(ref["13"].id)
        assert p.set_scale(ref["13"].id, "£50,000")
        assert "£50,000 of £62,372" in p.message and "committed as typed" in p.message
        assert committed(p.result(), "13") == ("£50,000", 5_000_000)
        p.set_range_end("lower")
        assert committed(p.result(), "13") == ("£50,000", 5_000_000)
        assert p.result().commitment.remaining_pence == 6_551_200 - 5_000_000
        p.set_name("Amount typed")
        assert p.save()
    finally:
        store.close()
    store = open_store(demo_path)  # kept in the file, the amount with it
    try:
        saved = next(s for s in com.list_scenarios(store) if s.name == "Amount typed")
        assert committed(com.evaluate_saved(store, saved), "13") == ("£50,000", 5_000_000)
    finally:
        store.close()


def test_an_amount_typed_against_an_award_stays_when_the_share_is_corrected_and_more_than_it_is_said(demo_store):
    p, ref = presenter(demo_store)
    award = next(a for a in p.awards() if "Plymouth" in a.name)
    p.new()
    p.set_award(award.id, "2017/18")
    p.set_name("PCC amount typed")
    p.tick(ref["P1"].id)
    assert p.set_scale(ref["P1"].id, "£55,000")
    assert p.save()
    more = "£55,000 is committed as typed, more than the £40,000"
    for share, problems in (("£120,000", []), ("£40,000", [more])):
        project = svc.get_project(demo_store, ref["P1"].id)
        fields = svc.project_fields(project)
        fields["funding_sources"] = f"OPCC (2017/18): {share}"
        svc.save_project(demo_store, svc.project_from_fields(fields, base=project), loaded=project)
        saved = next(s for s in com.list_scenarios(demo_store) if s.name == "PCC amount typed")
        result = com.evaluate_saved(demo_store, saved)
        assert committed(result, "P1") == ("£55,000", 5_500_000)
        assert [x for x in result.problems if "committed as typed" in x] == \
            [x for x in result.problems if any(w in x for w in problems)] and \
            len([x for x in result.problems if "committed as typed" in x]) == len(problems), result.problems


def test_the_whole_or_none_typed_as_an_amount_is_still_a_scale(demo_store):
    p, ref = presenter(demo_store)
    p.new()
    p.set_fund("£65,512")
    p.tick(ref["13"].id)
    assert p.set_scale(ref["13"].id, "£62,372")
    assert committed(p.result(), "13") == ("in full", 6_237_200)
    p.set_range_end("lower")
    assert committed(p.result(), "13") == ("in full", 5_437_200)
    assert p.set_scale(ref["13"].id, "£0")
    assert committed(p.result(), "13") == ("none", 0)


def test_an_amount_typed_above_the_cost_is_kept_as_the_amount_after_asking(demo_store):
    """Session 55 (a tester): £200,000 typed twice for Suffolk ELEV8 (£101,500) was kept as the scale 400/203, shown
    so in the Scale column and the board's table; the cost corrected to £100,000 then committed £197,044.33, not a
    word said. It is kept as the amount typed, asked about once as more than the whole cost."""
    p, ref = presenter(demo_store)
    elev8 = ref["5"]
    p.new()
    p.set_fund("£250,000")
    p.set_name("Above the cost")
    assert not p.type_scale(elev8.id, "£200,000")
    assert "more than the project's whole cost" in p.message and "Type £200,000 again" in p.message
    assert p.type_scale(elev8.id, "£200,000")
    assert committed(p.result(), "5") == ("£200,000", 20_000_000)
    assert p.save()
    fields = svc.project_fields(elev8)
    fields["cost"], fields["cost_lines"] = "£100,000", ""
    svc.save_project(demo_store, svc.project_from_fields(fields, base=elev8), loaded=elev8)
    saved = next(s for s in com.list_scenarios(demo_store) if s.name == "Above the cost")
    result = com.evaluate_saved(demo_store, saved)
    assert committed(result, "5") == ("£200,000", 20_000_000)
    assert any("£200,000 is committed as typed, more than" in x for x in result.problems), result.problems
