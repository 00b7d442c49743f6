"""Session 55: once the county lead had decided the only conflict (keeping Ipswich office's cost over Babergh
office's), the Conflicts window said "No open conflicts: every district file merged agrees with the county file".
Babergh office's file does not agree: its cost was set aside. The heading says so only when nothing was decided."""

from __future__ import annotations

import pytest

from safer_desk.services.county import ConflictsPresenter, CountyError, resolve_conflicts
from tests.exchange.district_offices import merge
from tests.exchange.test_conflict_sides_round37xp2 import three  # noqa: F401  (the fixture)


def test_no_conflict_at_all_says_every_file_agrees(three):  # noqa: F811
    county, send = three
    merge(county, [send("Babergh", "council"), send("Mid Suffolk", "council")])
    heading = ConflictsPresenter(county).heading()
    assert heading == "No open conflicts: every district file merged agrees with the county file."


def test_conflicts_all_decided_does_not_say_the_files_agree(three):  # noqa: F811
    county, send = three
    merge(county, [send("Babergh", "council"), send("Mid Suffolk", "other")])
    presenter = ConflictsPresenter(county)
    [conflict] = presenter.conflicts
    resolve_conflicts(county, "district", which=conflict.id)
    presenter.refresh()
    heading = presenter.heading()
    assert presenter.conflicts == [] and "agrees" not in heading, heading
    assert heading == ("No open conflicts: every conflict found so far was decided (View > History of Changes names "
                       "each decision).")


def test_a_number_already_decided_names_the_menu_the_window_has(three):  # noqa: F811
    """The refusal of a conflict number decided (the window's and `safer-desk conflicts --conflict N`) pointed to
    "File > History of Changes"; it is under View."""
    county, send = three
    merge(county, [send("Babergh", "council"), send("Mid Suffolk", "other")])
    [conflict] = ConflictsPresenter(county).conflicts
    resolve_conflicts(county, "district", which=conflict.id)
    with pytest.raises(CountyError) as refused:
        resolve_conflicts(county, "county", which=conflict.id)
    assert "View > History of Changes" in str(refused.value) and "File > History" not in str(refused.value)
