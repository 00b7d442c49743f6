"""A Welsh regional pot (South Wales: Cardiff, Swansea, Bridgend) saved last year with the partnerships' Welsh names
("Caerdydd", "Abertawe", "Pen-y-bont ar Ogwr", as the region's bilingual papers print them) and this year with the
English ones ("Cardiff CSP", "Swansea", "Bridgend"): Compare scenarios showed six partnerships, each blank on one
side, and the Last year check paired none of them, so figures carried over from two years back went unsaid. A Welsh
name is its principal area's English name, as the office's districts and Find already take it."""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.services import allocation as service

OPTIONS = AllocationOptions(previous_total_pence=900_000_00, retain=Fraction(0), fixed_share=Fraction(1, 3))
WELSH = [("Caerdydd", 5_000, 400_000_00), ("Abertawe", 3_000, 300_000_00), ("Pen-y-bont ar Ogwr", 2_000, 200_000_00)]
ENGLISH = ["Cardiff CSP", "Swansea", "Bridgend"]


def saved(store, name, year, rows):
    service.save_scenario(store, name, year, [PartnershipInput(n, 1, {"basis": c}, last) for n, c, last in rows],
                          OPTIONS)
    return service.load_scenario(store, next(s.id for s in service.list_scenarios(store) if s.name == name))


def test_compare_pairs_a_welsh_name_with_its_english_one(store):
    last = saved(store, "2024/25 as agreed", "2024/25", WELSH)
    this = saved(store, "2025/26 draft", "2025/26",
                 [(english, count, None) for english, (_, count, _) in zip(ENGLISH, WELSH)])
    rows = service.compare_scenarios(this, last)
    assert [r.partnership for r in rows] == ENGLISH + ["Total"]
    assert all(r.first_pence is not None and r.second_pence is not None for r in rows)
    assert rows[0].second_pence == last.saved_totals["Caerdydd"][3]


def last_total(store, name):
    scenario = next(s for s in service.list_scenarios(store) if s.year == "2024/25")
    return service.load_scenario(store, scenario.id).saved_totals[name][3] // 100


def test_last_year_figures_carried_over_under_english_names_are_said(store):
    saved(store, "2024/25 as agreed", "2024/25", WELSH)
    carried = [PartnershipInput(english, 1, {"basis": count}, last)
               for english, (_, count, last) in zip(ENGLISH, WELSH)]  # 2023/24's figures, not 2024/25's allocation
    said = service.last_year_carried_over(store, "2025/26", carried, OPTIONS)
    assert "are the ones the 2024/25 allocation “2024/25 as agreed” was itself compared with, 2023/24's, not what " \
        f"it allocated (Cardiff CSP £{last_total(store, 'Caerdydd'):,}" in said, said
    assert "not in that allocation" not in said


def test_the_board_report_places_a_pot_typed_in_welsh_under_its_own_area(store):
    """A Cardiff and Swansea office's two pots, typed "Caerdydd" and "Abertawe": the report for Cardiff showed
    Swansea's pot as well (a pot naming no area the file knows is the office's own), where typed in English each
    showed under its own area alone."""
    from safer_desk.services import reference as ref
    from safer_desk.services.report import report_areas
    from safer_desk.services.report_sections.allocation import _allocates_to

    ref.set_office_scope(store, districts=["Cardiff", "Swansea"])
    saved(store, "Cardiff pot", "2025/26", [("Caerdydd", 5_000, None), ("Caerdydd North", 3_000, None)])
    saved(store, "Swansea pot", "2025/26", [("Abertawe", 5_000, None), ("Gower", 3_000, None)])
    scenarios = service.list_scenarios(store)
    shown = {area: [s.name for s in scenarios if _allocates_to(store, s, report_areas(store, area))]
             for area in ("Cardiff", "Swansea")}
    assert shown == {"Cardiff": ["Cardiff pot"], "Swansea": ["Swansea pot"]}
