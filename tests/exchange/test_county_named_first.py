"""A county file whose county was named before its first merge (`safer-desk office COUNTY --county Suffolk`).

Naming the county adds its districts from the shipped lookup, with no first or last day: the county said nothing
about them. The first merged district export, a copy of `safer-desk demo` like every office's, has East and West
Suffolk from 01/04/2019. That was two false conflicts ("valid from blank in the county file, 2019-04-01 from Babergh
office") on the county lead's first merge: the county's blank is filled in from the office, and the summary and the
History of Changes say so. Two offices that give two different days still disagree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from safer_desk.services import reference
from safer_desk.services.county import list_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory) -> Path:
    from safer_desk.services.demo import build_demo

    return build_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite")


@pytest.fixture
def county(tmp_path):
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    reference.set_office_scope(store, county="Suffolk")
    yield store
    store.close()


def office_export(demo_path: Path, folder: Path, name: str, district: str, *, east_suffolk_from: str | None = None):
    store = office_from(demo_path, folder / f"{name}.sqlite", f"{name} office", districts=[district])
    try:
        if east_suffolk_from is not None:
            with store.action("Change East Suffolk's first day"), store.transaction():
                store.conn.execute("UPDATE districts SET valid_from = ? WHERE name = 'East Suffolk'",
                                   (east_suffolk_from,))
        return export(store, folder / f"{name}-export.sqlite")
    finally:
        store.close()


def district_days(store, name: str) -> tuple:
    return tuple(store.one("SELECT valid_from, valid_to FROM districts WHERE name = ?", (name,)))


def test_naming_the_county_adds_its_districts_with_no_days(county):
    assert district_days(county, "East Suffolk") == (None, None)
    assert district_days(county, "West Suffolk") == (None, None)


def test_the_first_merge_fills_in_the_days_the_county_never_stated(county, demo_path, tmp_path):
    from safer_desk.presenters.history import history_lines

    a = office_export(demo_path, tmp_path, "Babergh", "Babergh")
    b = office_export(demo_path, tmp_path, "Mid Suffolk", "Mid Suffolk")
    result = merge(county, [a, b])
    assert [c.detail for c in result.conflicts if c.table == "districts"] == []
    assert [c.detail for c in list_conflicts(county) if c.table == "districts"] == []
    assert district_days(county, "East Suffolk") == ("2019-04-01", None)
    assert district_days(county, "West Suffolk") == ("2019-04-01", None)
    text = result.text()
    for name in ("East Suffolk", "West Suffolk"):
        assert (f"  District {name}: first day 01/04/2019 from Babergh office, filled in where the county file had "
                "none") in text.splitlines()[2:4], text
    assert text.count("filled in") == 2, text  # Mid Suffolk office says the same: nothing more to fill in
    merged = next(line for line in history_lines(county, limit=20) if line.action == "Merge Babergh office export 1")
    assert "Changed 2 districts" in merged.details, merged.details


def test_two_offices_giving_two_days_still_disagree(county, demo_path, tmp_path):
    a = office_export(demo_path, tmp_path, "Babergh", "Babergh")
    b = office_export(demo_path, tmp_path, "Mid Suffolk", "Mid Suffolk", east_suffolk_from="2019-05-01")
    result = merge(county, [a, b])
    about = [c.detail for c in result.conflicts if c.table == "districts"]
    # The county's day is the one Babergh office's file filled in (round 37: the conflict says whose each side is).
    assert about == ["District East Suffolk: first day 01/04/2019 from Babergh office, 01/05/2019 from Mid Suffolk "
                     "office"], about
    assert district_days(county, "East Suffolk") == ("2019-04-01", None)


def test_a_day_the_county_stated_is_not_filled_in(county, demo_path, tmp_path):
    """A day typed at the county is the county's own: an office's other day is a conflict, not filled in."""
    with county.action("Change East Suffolk's first day"), county.transaction():
        county.conn.execute("UPDATE districts SET valid_from = '2019-05-01' WHERE name = 'East Suffolk'")
    result = merge(county, [office_export(demo_path, tmp_path, "Babergh", "Babergh")])
    about = [c.detail for c in result.conflicts if c.table == "districts"]
    assert about == ["District East Suffolk: first day 01/05/2019 in the county file, 01/04/2019 from Babergh "
                     "office"], about
    assert district_days(county, "West Suffolk") == ("2019-04-01", None)


def test_a_conflict_raised_before_closes_and_a_decision_made_on_one_stands(county, demo_path, tmp_path, monkeypatch):
    """A county file merged before blanks were filled in holds the two conflicts. Merging the same export again
    fills in the day the county lead has not decided about (its conflict closes); Keep County Version stands."""
    from safer_desk.exchange.county_merge import _Merger
    from safer_desk.services.county import resolve_conflicts

    a = office_export(demo_path, tmp_path, "Babergh", "Babergh")
    with monkeypatch.context() as m:
        m.setattr(_Merger, "fill_blanks", lambda *args: False)
        first = merge(county, [a])
    west = next(c for c in first.conflicts if c.subject == "District West Suffolk")
    assert sorted(c.subject for c in first.conflicts if c.table == "districts") == [
        "District East Suffolk", "District West Suffolk"]
    resolve_conflicts(county, "county", which=west.id)
    again = merge(county, [a])
    assert [c.detail for c in list_conflicts(county) if c.table == "districts"] == []
    assert district_days(county, "East Suffolk") == ("2019-04-01", None)
    assert district_days(county, "West Suffolk") == (None, None)
    assert again.merged[0].decided == 1
