"""S63 (cnty): a county file's Allocation tab names the office each saved scenario and top-slice came from.

Every office may save a "2025/26 allocation" or a "Reward grant" of its own; in the county file the Saved scenarios
list, the Compare lists and the top-slice list showed only "2025/26 — Babergh split (saved …)", so the county lead
could not tell which office's allocation was which, where Commissioning's saved scenarios say "(merged from Babergh
office)". Each merged one is now listed with its office; one typed in the county file, and an office's own file, are
listed as before.
"""

from __future__ import annotations

from safer_desk.domain.allocation import AllocationOptions, Factor, PartnershipInput
from safer_desk.services import allocation
from tests.exchange.county_commissioning_offices import county_with_commissioning


def _save_split(store, name: str) -> None:
    allocation.save_scenario(store, name, "2025/26", [PartnershipInput("Babergh", 1, {"basis": 1}, 1_00)],
                             AllocationOptions(pot_pence=1_000_00, factors=(Factor("basis"),)))


def _items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_allocation_tab_lists_each_merged_scenario_with_its_office(tmp_path, window):
    county, _ = county_with_commissioning(tmp_path)
    _save_split(county, "County split")  # the county lead's own
    county.close()
    assert window.open_path(tmp_path / "county.sqlite")
    tab = window.show_tab("allocation")
    listed = _items(tab.scenario_combo)
    babergh = next(t for t in listed if "Babergh split" in t)
    assert babergh.startswith("2025/26 — Babergh split (merged from Babergh office, saved ")
    assert any(t.startswith("2025/26 — Mid Suffolk split (merged from Mid Suffolk office, saved ") for t in listed)
    county_own = next(t for t in listed if "County split" in t)
    assert "merged" not in county_own and county_own.startswith("2025/26 — County split (saved ")
    assert _items(tab.compare_first) == listed  # Compare scenarios lists them alike
    slices = _items(tab.top_slice_combo)
    assert "2025/26 — Babergh reward grant (merged from Babergh office)" in slices
    assert "2025/26 — Mid Suffolk reward grant (merged from Mid Suffolk office)" in slices


def test_an_offices_own_allocation_tab_lists_its_scenarios_as_before(tmp_path, window):
    from safer_desk.storage.store import open_store

    store = open_store(tmp_path / "office.sqlite", create=True, office_name="Babergh office")
    _save_split(store, "Split")
    store.close()
    assert window.open_path(tmp_path / "office.sqlite")
    tab = window.show_tab("allocation")
    assert [t.split(" (saved ")[0] for t in _items(tab.scenario_combo)] == ["2025/26 — Split"]
