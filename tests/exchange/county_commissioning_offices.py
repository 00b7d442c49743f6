"""A county file holding each office's award, commissioning scenario, allocation scenario and top-slice (S62): the
rows an office sends besides its projects, reviews, funds and plans, for the tests of what the county file says of
where they came from."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from safer_desk.storage.store import Store, open_store
from tests.exchange.district_offices import export, merge, office_from, template

OFFICES = (("Babergh office", "Babergh"), ("Mid Suffolk office", "Mid Suffolk"))


def add_commissioning_rows(store: Store, tag: str) -> None:
    """The office's award, a scenario against a fund, an allocation and a top-slice, each named with ``tag``."""
    from safer_desk.domain.allocation import AllocationOptions, Factor, PartnershipInput
    from safer_desk.services import allocation, funders
    from safer_desk.services import projects_commissioning as commissioning
    from safer_desk.services.projects import Project, add_projects

    project = Project(id=f"{tag} project", title=f"{tag} youth diversion", areas=(tag,))
    add_projects(store, [project])
    funders.save_award(store, funders.make_award(funder="Suffolk PCC", name=f"{tag} community safety grant",
                                                 years={"2025/26": "£20,000"}))
    commissioning.save_scenario(store, commissioning.new_scenario(
        f"{tag} option A", 10_000_00, [commissioning.ScenarioItem(project.id)]))
    rows = [PartnershipInput("Babergh", 1, {"basis": 2442}, 70_725_00),
            PartnershipInput("Ipswich", 1, {"basis": 7937}, 160_607_00)]
    allocation.save_scenario(store, f"{tag} split", "2025/26", rows,
                             AllocationOptions(pot_pence=200_000_00, factors=(Factor("basis"),)))
    allocation.save_top_slice(store, f"{tag} reward grant", "2025/26", 10_000_00,
                              slices=(("LSP share", Fraction(1, 2)),), remainder_label="SSP share",
                              retained=Fraction(1, 10), partners=2, scenario=Fraction(1, 5))


def county_with_commissioning(folder: Path) -> tuple[Store, list[Path]]:
    """The county file (open: the caller closes it) with Babergh's and Mid Suffolk's rows merged; their exports."""
    base = template(folder, months=["2025-04"], police=False)
    sent = []
    for name, district in OFFICES:
        office = office_from(base, folder / f"{district}.sqlite", name, districts=[district])
        try:
            add_commissioning_rows(office, district)
            sent.append(export(office, folder / f"{district}-export.sqlite"))
        finally:
            office.close()
    county = open_store(folder / "county.sqlite", create=True, office_name="Suffolk county team")
    merge(county, sent)
    return county, sent
