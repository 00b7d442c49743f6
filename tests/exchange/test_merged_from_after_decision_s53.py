"""After the county keeps one office's version of a row several offices sent alike, "Merged from" names that office
alone (session 53).

Seen: Ipswich and Western Suffolk sent project 4 alike (£30,000); Western Suffolk then sent £31,000.50, and the county
lead kept it (`conflicts --keep district`). The workbook's Register, the board report's "Merged from" and `projects`
still said "Ipswich office, Western Suffolk CSP office": Ipswich's £30,000 was the version set aside.
"""

from __future__ import annotations

from safer_desk.services import projects as ps
from safer_desk.services.county import list_conflicts, resolve_conflicts
from safer_desk.services.county_workbook import merged_origins
from tests.exchange.district_offices import merge


def set_cost(store, cost: str) -> None:
    p = ps.get_project(store, "p-shared")
    ps.save_project(store, ps.project_from_fields({**ps.project_fields(p), "cost": cost}, base=p))


def merged_from(county) -> str:
    return merged_origins(county, ("projects",))["projects"]["p-shared"]


def test_keeping_one_office_s_version_of_a_shared_row_names_that_office_alone(offices):
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    assert merged_from(o.county) == "Babergh office, Mid Suffolk office"  # sent alike

    set_cost(o.mid, "£31,000.50")
    merge(o.county, [o.send(o.mid)])
    [conflict] = [c for c in list_conflicts(o.county) if c.table == "projects"]
    resolve_conflicts(o.county, "district", which=conflict.id)
    assert o.county_cost() == 3_100_050
    assert merged_from(o.county) == "Mid Suffolk office"

    # Babergh's next file, its project as it was, raises nothing (its version was set aside) and is still not named.
    merge(o.county, [o.send(o.babergh)])
    assert [c for c in list_conflicts(o.county) if c.table == "projects"] == []
    assert merged_from(o.county) == "Mid Suffolk office"
    # Babergh then sends what the county holds: alike again, both named.
    set_cost(o.babergh, "£31,000.50")
    merge(o.county, [o.send(o.babergh)])
    assert merged_from(o.county) == "Babergh office, Mid Suffolk office"


def test_keeping_the_county_s_version_leaves_the_offices_that_sent_it_named(offices):
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    set_cost(o.mid, "£31,000.50")
    merge(o.county, [o.send(o.mid)])
    [conflict] = [c for c in list_conflicts(o.county) if c.table == "projects"]
    resolve_conflicts(o.county, "county", which=conflict.id)
    assert merged_from(o.county) == "Babergh office"


def test_an_office_s_own_row_whose_other_version_is_kept_names_the_office_kept_not_several(offices):
    """Seen by a tester: the two offices' first files disagreed on the project; keeping Mid Suffolk's version left
    it "merged from Several offices" (no one held it before the decision)."""
    o = offices
    set_cost(o.mid, "£31,000.50")
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    [conflict] = [c for c in list_conflicts(o.county) if c.table == "projects"]
    resolve_conflicts(o.county, "district", which=conflict.id)
    assert o.county_cost() == 3_100_050
    assert merged_from(o.county) == "Mid Suffolk office"


def test_two_offices_committing_the_same_amount_typed_against_different_costs_chose_alike(offices):
    """Seen by a tester: both offices' "Option C" commit £50,000 typed for the project (one against £125,000, the
    other after changing the cost to £100,000): a conflict whose two sides read "scaled £50,000" alike."""
    from safer_desk.domain.projects import Scale
    from safer_desk.services import projects_commissioning as com

    def typed(pence: int, cost: int) -> Scale:  # as the Commissioning page keeps an amount typed, whatever the cost
        return Scale(1, 1, amount_pence=pence)

    o = offices
    com.save_scenario(o.babergh, com.new_scenario("Option C", 6_000_000, [
        com.ScenarioItem("p-shared", typed(5_000_000, 12_500_000))]))
    com.save_scenario(o.mid, com.new_scenario("Option C", 6_000_000, [
        com.ScenarioItem("p-shared", typed(5_000_000, 10_000_000))]))
    report = merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    assert not [c for c in list_conflicts(o.county) if c.table in ("commissioning_scenarios", "scenario_items")], \
        report.text()


def test_a_row_sent_alike_and_edited_at_the_county_is_a_conflict_about_the_county_s_edit(offices):
    """Seen by a tester: the county lead's edit of a project both offices sent alike, then another cost from one
    office, read "cost £31,000 in the county file" under Projects, and `--conflict edited-at-county` found nothing."""
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    set_cost(o.county, "£31,000")
    set_cost(o.mid, "£33,000")
    merge(o.county, [o.send(o.mid)])
    [conflict] = [c for c in list_conflicts(o.county) if c.table == "projects"]
    assert conflict.kind == "edited-at-county"
    assert "cost £31,000 at the county (edited there since it was merged), £33,000 from Mid Suffolk office" \
        in conflict.detail, conflict.detail
    assert [c.id for c in resolve_conflicts(o.county, "county", which="edited-at-county")] == [conflict.id]
    assert o.county_cost() == 3_100_000


def test_a_commissioning_choice_of_two_amounts_says_the_amounts(offices):
    from safer_desk.domain.projects import Scale
    from safer_desk.services import projects_commissioning as com

    o = offices
    for office, pence in ((o.babergh, 4_500_000), (o.mid, 5_000_000)):
        com.save_scenario(office, com.new_scenario("Option C", 6_000_000, [
            com.ScenarioItem("p-shared", Scale(1, 1, amount_pence=pence))]))
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    said = [c.detail for c in list_conflicts(o.county) if c.table in ("commissioning_scenarios", "scenario_items")]
    assert said and all("numerator" not in d and "denominator" not in d for d in said), said
    assert any("£45,000" in d and "£50,000" in d for d in said), said
