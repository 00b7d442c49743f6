"""S68: in a county file, marking the county's main split agreed took the agreed mark off Ipswich office's separate
£40,000 small-grants pot, as though the two were versions of one allocation. One scenario is agreed per allocation:
in an office's own file one a year, in a county file one a year for each office's allocation. Marking one clears only
the other versions from the same office, in the window (with its undo) and through a later merge."""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.allocation import AllocationPresenter
from safer_desk.services import allocation as service
from safer_desk.services.county import list_conflicts
from tests.exchange.district_offices import merge
from tests.exchange.test_county_overview_every_pot_s68 import _county


def _agreed(store) -> list[str]:
    return sorted(s.name.split(" - ")[0] for s in service.list_scenarios(store, year="2009/10") if s.adopted)


def _named(store, start: str) -> str:
    return next(s.id for s in service.list_scenarios(store, year="2009/10") if s.name.startswith(start))


def test_marking_the_main_split_agreed_keeps_the_other_office_s_pot_agreed(tmp_path, demo_path):
    county = _county(tmp_path, demo_path)
    try:
        assert _agreed(county) == ["Ipswich small grants", "Option 2"]
        exact, option_2 = _named(county, "Option 2 with"), _named(county, "Option 2 -")
        service.set_adopted(county, option_2, adopted=False)
        assert service.set_adopted(county, option_2) is None  # none of Western's was agreed: Ipswich's is not it
        assert _agreed(county) == ["Ipswich small grants", "Option 2"]
        # Another version of Western office's split (exact shares) replaces Option 2, not Ipswich office's pot.
        assert service.set_adopted(county, exact) == option_2
        assert _agreed(county) == ["Ipswich small grants", "Option 2 with exact shares"]
    finally:
        county.close()


def test_the_window_s_mark_and_its_undo_leave_the_other_office_s_pot_alone(tmp_path, demo_path):
    county = _county(tmp_path, demo_path)
    try:
        log = ActionLog()
        presenter = AllocationPresenter(county, perform=log)
        presenter.adopt(_named(county, "Option 2 with"))
        assert _agreed(county) == ["Ipswich small grants", "Option 2 with exact shares"]
        log.undo()
        assert _agreed(county) == ["Ipswich small grants", "Option 2"]
    finally:
        county.close()


def test_a_later_merge_keeps_both_marks_without_a_conflict(tmp_path, demo_path):
    county = _county(tmp_path, demo_path)
    try:
        service.set_adopted(county, _named(county, "Option 2 -"))
        merge(county, [tmp_path / "western-export.sqlite", tmp_path / "ipswich-export.sqlite"])
        assert _agreed(county) == ["Ipswich small grants", "Option 2"]
        assert [c for c in list_conflicts(county) if c.table.startswith("allocation")] == []
    finally:
        county.close()


def test_the_allocation_tab_opens_on_the_main_pot_not_the_last_saved_office_s(tmp_path, demo_path):
    # Both agreed, each by its own office: the tab opened on Ipswich's £40,000 pot, saved last; now on the largest,
    # the one the board report puts first.
    county = _county(tmp_path, demo_path)
    try:
        loaded = AllocationPresenter(county).loaded
        assert loaded is not None and loaded.name.startswith("Option 2 -") and loaded.adopted
    finally:
        county.close()
