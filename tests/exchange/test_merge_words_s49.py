"""A conflict about a thing several offices sent alike names only the offices that still send it as the county holds
it (s49, found by the tester).

Babergh office and Mid Suffolk office sent Babergh's All crime for April 2025 alike (1,335); Mid Suffolk then typed
1,340. Its conflict said "1,335 in the county file, sent alike by Babergh office and Mid Suffolk office, 1,340 typed
by Mid Suffolk office": the county lead would ring Mid Suffolk about the county's 1,335, which Mid Suffolk no longer
says. An office that sends another version of a thing is not one that sends it alike; the county's side names those
that do ("typed by Babergh office"), in the merge's summary, in `safer-desk conflicts` and in the confirmation of a
decision, for figures and awards alike. Once every office that sent it alike sends another version, the county's
version is what they all sent alike before, and each is named, as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from safer_desk.services import indicators as ind
from safer_desk.services.county import list_conflicts, refresh_stale_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template
from tests.exchange.helpers import cli_output
from tests.exchange.test_award_conflict_stale_round38 import type_award

FIGURE = "Indicator 'All crime', Babergh, Apr 2025: 1,335"
AWARD = "Funding award 'PCC grant': first year 2027/28"
OTHER_YEARS = "first year 2026/27, years only in it “2026/27”"


class County:
    """A county file and the offices (Babergh, Mid Suffolk, Ipswich) that each sent it the same figure and award."""

    def __init__(self, folder: Path, names: tuple[str, ...]) -> None:
        self.folder, self.sent = folder, 0
        folder.mkdir()
        base = template(folder, police=False)
        store = open_store(base)
        try:
            self.indicator = ind.save_indicator(store, "All crime")
            self.type(store, 1335)
            type_award(store, {"2027/28": "£380,000"})
        finally:
            store.close()
        self.offices = {name: office_from(base, folder / f"{name}.sqlite", f"{name} office", districts=[name])
                        for name in names}
        self.store = open_store(folder / "county.sqlite", create=True, office_name="Suffolk county team")
        self.merge(*names)
        assert list_conflicts(self.store) == []  # held alike by every office

    def type(self, store, figure: int) -> None:
        ind.save_values(store, self.indicator, "district:babergh", [ind.PeriodValue("2025-04", float(figure))],
                        require_red_comments=False)

    def figure(self, name: str, figure: int) -> None:
        self.type(self.offices[name], figure)
        self.merge(name)

    def merge(self, *names: str) -> None:
        paths = []
        for name in names:
            self.sent += 1
            paths.append(export(self.offices[name], self.folder / f"export-{self.sent}.sqlite"))
        merge(self.store, paths)

    def said(self, table: str = "indicator_values") -> dict[str, str]:
        return {c.office_name: c.detail for c in list_conflicts(self.store) if c.table == table}

    def close(self) -> None:
        for store in (self.store, *self.offices.values()):
            store.close()


@pytest.fixture
def two(tmp_path):
    county = County(tmp_path / "two", ("Babergh", "Mid Suffolk"))
    yield county
    county.close()


@pytest.fixture
def three(tmp_path):
    county = County(tmp_path / "three", ("Babergh", "Mid Suffolk", "Ipswich"))
    yield county
    county.close()


def test_the_office_that_sends_another_figure_is_not_said_to_have_sent_the_county_s_alike(two):
    two.figure("Mid Suffolk", 1340)
    assert two.said() == {"Mid Suffolk office": f"{FIGURE} typed by Babergh office, 1,340 typed by Mid Suffolk office"}


def test_of_three_offices_the_two_that_still_send_it_alike_are_named(three):
    three.figure("Ipswich", 1340)
    assert three.said() == {"Ipswich office": f"{FIGURE} in the county file, sent alike by Babergh office and Mid "
                                              "Suffolk office, 1,340 typed by Ipswich office"}


def test_an_award_is_said_from_the_offices_that_still_send_it_alike(two, three):
    for county, alike in ((two, "from Babergh office"),
                          (three, "in the county file, sent alike by Babergh office and Ipswich office")):
        type_award(county.offices["Mid Suffolk"], {"2026/27": "£380,000", "2027/28": "£380,000"})
        county.merge("Mid Suffolk")
        assert county.said("funding_awards") == {
            "Mid Suffolk office": f"{AWARD} {alike}; {OTHER_YEARS} from Mid Suffolk office"}


def test_another_office_s_conflict_is_told_again_as_the_offices_that_send_it_alike_change(three):
    three.figure("Ipswich", 1340)
    three.figure("Mid Suffolk", 1350)  # Mid Suffolk no longer sends it alike: Ipswich's conflict says so too
    babergh = f"{FIGURE} typed by Babergh office"
    assert three.said() == {"Ipswich office": f"{babergh}, 1,340 typed by Ipswich office",
                            "Mid Suffolk office": f"{babergh}, 1,350 typed by Mid Suffolk office"}
    three.figure("Babergh", 1360)  # none sends it now: the county's is what all three sent alike before
    alike = "in the county file, sent alike by Babergh office, Ipswich office and Mid Suffolk office"
    assert three.said() == {"Babergh office": f"{FIGURE} {alike}, 1,360 typed by Babergh office",
                            "Ipswich office": f"{FIGURE} {alike}, 1,340 typed by Ipswich office",
                            "Mid Suffolk office": f"{FIGURE} {alike}, 1,350 typed by Mid Suffolk office"}
    three.figure("Mid Suffolk", 1335)  # alike again: its conflict is over, and the others name it
    assert three.said() == {"Babergh office": f"{FIGURE} typed by Mid Suffolk office, 1,360 typed by Babergh office",
                            "Ipswich office": f"{FIGURE} typed by Mid Suffolk office, 1,340 typed by Ipswich office"}


def test_an_office_whose_version_the_lead_set_aside_is_not_said_to_send_it_alike(three):
    three.figure("Ipswich", 1340)
    three.figure("Mid Suffolk", 1350)
    mid = next(c for c in list_conflicts(three.store) if c.office_name == "Mid Suffolk office")
    resolve_conflicts(three.store, "county", which=mid.id)
    assert three.said() == {"Ipswich office": f"{FIGURE} typed by Babergh office, 1,340 typed by Ipswich office"}
    three.merge("Mid Suffolk", "Ipswich")  # the decision stands, and so do the words
    assert three.said() == {"Ipswich office": f"{FIGURE} typed by Babergh office, 1,340 typed by Ipswich office"}


def test_the_command_line_lists_and_confirms_it_in_the_same_words(two):
    two.figure("Mid Suffolk", 1340)
    [conflict] = list_conflicts(two.store)
    two.store.close()
    path = str(two.folder / "county.sqlite")
    words = f"#{conflict.id} {FIGURE} typed by Babergh office, 1,340 typed by Mid Suffolk office"
    code, out, err = cli_output(["conflicts", path])
    assert code == 0 and f"  {words}" in out.splitlines(), (out, err)
    code, out, err = cli_output(["conflicts", path, "--keep", "county", "--conflict", str(conflict.id)])
    assert code == 0 and f"  {words}" in out.splitlines(), (out, err)
    two.store = open_store(two.folder / "county.sqlite")


def test_a_conflict_found_before_is_told_again_when_listed(two):
    """A county file merged by an earlier version holds the words it said then: listing the conflicts says them
    anew, against who sends it alike now."""
    two.figure("Mid Suffolk", 1340)
    old = f"{FIGURE} in the county file, sent alike by Babergh office and Mid Suffolk office"
    with two.store.transaction():
        two.store.conn.execute("UPDATE _county_conflicts SET county_side = ?, detail = ?",
                               (old[len(FIGURE) - 5:], f"{old}, 1,340 typed by Mid Suffolk office"))
    refresh_stale_conflicts(two.store)
    assert two.said() == {"Mid Suffolk office": f"{FIGURE} typed by Babergh office, 1,340 typed by Mid Suffolk office"}
