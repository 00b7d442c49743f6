"""A figure an office typed for a district outside the police forces whose counts the county holds (s68).

The county file holds Suffolk Constabulary's counts, which place 10 crimes in Great Yarmouth in Jun 2025 (a Norfolk
district: its own force's counts are not in the file, so 10 is only part of its count). Babergh office, its scope
Babergh, typed 900 for Great Yarmouth. The merge took the 900 with no conflict, in either order ("0 conflicts"), as
it did for any office, although s67 made a figure typed for a district not the office's own the lead's to decide.
It is now a conflict, which says the counts' figure is partial; an office whose own area it is is still followed.
"""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as ind
from safer_desk.services.county import list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

YARMOUTH_JUNE = ("indicator:all-crime", "district:great-yarmouth", "2025-06")


def figure(store, key=YARMOUTH_JUNE):
    return tuple(store.one("SELECT value, source FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND "
                           "period = ?", key))


def _words(sender: str) -> str:
    return ("Indicator 'All crime', Great Yarmouth, Jun 2025: 10 from police.uk counts sent by "
            f"{sender} (only Suffolk Constabulary's crimes there, not Great Yarmouth's own force's), 900 typed by "
            "Babergh office (Great Yarmouth is not one of Babergh office's areas)")


@pytest.fixture
def sent(tmp_path):
    """Babergh office's two exports (900 typed for Great Yarmouth, Jun 2025) and Ipswich office's export."""
    base = template(tmp_path)
    b = office_from(base, tmp_path / "b.sqlite", "Babergh office", districts=["Babergh"])
    i = office_from(base, tmp_path / "i.sqlite", "Ipswich office", districts=["Ipswich"])
    try:
        assert figure(i) == (10, "police.uk")
        ind.save_values(b, *YARMOUTH_JUNE[:2], [ind.PeriodValue(YARMOUTH_JUNE[2], 900.0)], require_red_comments=False)
        return {"b1": export(b, tmp_path / "b-1.sqlite"), "i1": export(i, tmp_path / "i-1.sqlite"),
                "b2": export(b, tmp_path / "b-2.sqlite")}
    finally:
        b.close()
        i.close()


@pytest.fixture
def county(tmp_path):
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    yield store
    store.close()


def test_counts_merged_first_then_babergh_typed_for_great_yarmouth_is_a_conflict(sent, county):
    assert merge(county, [sent["i1"]]).conflicts == []
    report = merge(county, [sent["b1"]])
    assert [c.detail for c in report.conflicts if c.table == "indicator_values"] == [_words("Ipswich office")]
    assert figure(county) == (10, "police.uk")


def test_babergh_merged_first_with_the_counts_is_a_conflict(sent, county):
    report = merge(county, [sent["b1"]])
    assert [c.detail for c in report.conflicts if c.table == "indicator_values"] == [_words("Babergh office")]
    assert figure(county) == (10, "police.uk")
    merge(county, [sent["i1"]])
    assert figure(county) == (10, "police.uk")
    assert len([c for c in list_conflicts(county) if c.table == "indicator_values"]) == 1


def test_the_leads_choice_of_the_typed_figure_stands_through_later_files(sent, county):
    merge(county, [sent["i1"], sent["b1"]])
    [c] = [c for c in list_conflicts(county) if c.table == "indicator_values"]
    resolve_conflicts(county, "district", which=c.id)
    assert figure(county) == (900, "typed")
    report = merge(county, [sent["b2"], sent["i1"]])
    assert [x for x in report.conflicts if x.table == "indicator_values"] == []
    assert figure(county) == (900, "typed")


def test_an_office_of_that_district_is_still_followed_over_the_partial_counts(tmp_path, county):
    base = template(tmp_path)
    y = office_from(base, tmp_path / "y.sqlite", "Great Yarmouth office", districts=["Great Yarmouth"],
                    county="Norfolk")
    i = office_from(base, tmp_path / "i.sqlite", "Ipswich office", districts=["Ipswich"])
    try:
        ind.save_values(y, *YARMOUTH_JUNE[:2], [ind.PeriodValue(YARMOUTH_JUNE[2], 900.0)], require_red_comments=False)
        paths = [export(i, tmp_path / "i-1.sqlite"), export(y, tmp_path / "y-1.sqlite")]
    finally:
        y.close()
        i.close()
    report = merge(county, paths)
    assert [c for c in report.conflicts if c.table == "indicator_values"] == []
    assert figure(county) == (900, "typed")
