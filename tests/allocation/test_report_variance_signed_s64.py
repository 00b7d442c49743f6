"""The board report printed a partnership's gain on last year as "£10,079" where the Allocation tab shows
"+£10,079": a variance (and a damping adjustment) is a change, signed both ways on the tab, and now in the report too.
Seed 000's losses are printed as the paper prints them ("-£6,957")."""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.report_sections.allocation import allocation_section


def _section(store, rows, options):
    saved = service.save_scenario(store, "Plan A", "2024/25", rows, options)
    return allocation_section(service.load_scenario(store, saved))


def test_a_gain_on_last_year_is_signed_as_the_tab_signs_it(store):
    rows = [PartnershipInput("North CSP", 1, {"basis": Fraction(3_000)}, 20_000_00),
            PartnershipInput("South CSP", 1, {"basis": Fraction(6_000)}, 80_000_00)]
    table = _section(store, rows, AllocationOptions(pot_pence=90_000_00, fixed_share=Fraction(0))).tables[0]
    assert table.header[-1] == "Variance"
    assert [r[-1] for r in table.rows] == ["+£10,000", "-£20,000"]
    assert table.total_row[-1] == "-£10,000"


def test_a_damping_adjustment_upwards_is_signed(store):
    rows = [PartnershipInput("North CSP", 1, {"basis": Fraction(1_000)}, 50_000_00),
            PartnershipInput("South CSP", 1, {"basis": Fraction(9_000)}, 50_000_00)]
    table = _section(store, rows, AllocationOptions(pot_pence=100_000_00, fixed_share=Fraction(0),
                                                     damping=Fraction(1, 10))).tables[0]
    damping = table.header.index("Damping")
    shown = [r[damping] for r in table.rows]
    assert shown[0].startswith("+£") and shown[1].startswith("-£"), shown


def test_seed_000s_losses_are_printed_as_the_paper_prints_them(demo_store):
    agreed = service.adopted_scenario(demo_store, "2009/10")
    table = allocation_section(service.load_scenario(demo_store, agreed.id)).tables[0]
    assert [r[-1] for r in table.rows] == ["-£6,957", "-£16,535", "-£14,767", "-£10,115", "-£17,138"]
    assert table.total_row[-1] == "-£65,512"


def test_the_county_overview_signs_a_gain_too(tmp_path, demo_path):
    from dataclasses import replace

    from safer_desk.services.report import build_report
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import export, merge, office_from

    office = office_from(demo_path, tmp_path / "western.sqlite", "Western CSP office", partnerships=["Western CSP"])
    try:
        agreed = service.load_scenario(office, service.adopted_scenario(office, "2009/10").id)
        gained = [replace(p, previous_pence=200_000_00) if p.name == "Western CSP" else p for p in agreed.partnerships]
        with office.action("Save"):
            service.set_adopted(office, service.save_scenario(office, "Gain", "2009/10", gained, agreed.options))
        sent = export(office, tmp_path / "western-export.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [sent])
        report = build_report(county, year="2009/10")
    finally:
        county.close()
    [table] = [t for s in report.sections if s.title == "County overview" for t in s.tables if "llocation" in t.title]
    assert table.header[-1] == "Variance"
    assert dict((r[0], r[-1]) for r in table.rows)["Western CSP"] == "+£6,043"
