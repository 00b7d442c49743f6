"""The county's police.uk figure refresh scoped to the force-months a merge took (issue 13, merge speed) gives
exactly what the whole refresh gives, zeros included.

Each case builds the same file twice from counts loaded as an import loads them (two forces sharing a far-away
area, a typed figure), replaces some force-months' counts the way the merge does (outside an import), then
works the figures out on one copy scoped (``counts_change`` before, ``refresh_police_figures(changed=...)``
after) and on the other whole (every force, every month); both must equal a third file that imported the final
counts directly.
"""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.police_import import counts_change, load_counts, refresh_police_figures
from tests.exchange.helpers import new_office

SUFFOLK, DEVON = "Suffolk Constabulary", "Devon & Cornwall Police"
MONTHS = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"]


def base_counts() -> dict[tuple[str, str], list[tuple[str, str, int]]]:
    """(force, month) -> [(district as in the file, crime type, count)]."""
    counts = {}
    for i, month in enumerate(MONTHS):
        counts[(SUFFOLK, month)] = [
            ("Babergh", "Burglary", 10 + i), ("Babergh", "Anti-social behaviour", 30 + i),
            ("Ipswich", "Burglary", 20 + i), ("Ipswich", "Vehicle crime", 5 + i),
            ("Mid Suffolk", "Shoplifting", 3 + i),
        ] + ([("Plymouth", "Burglary", 1)] if month == "2025-02" else []) \
            + ([("Mid Suffolk", "Burglary", 2)] if month == "2025-01" else [])  # its only burglary
        counts[(DEVON, month)] = [
            ("Plymouth", "Burglary", 40 + i), ("Plymouth", "Robbery", 2 + i),
            ("Torbay", "Vehicle crime", 7 + i),
        ] + ([("Torbay", "Robbery", 1)] if i % 2 else []) \
            + ([("Plymouth", "Vehicle crime", 1)] if month == "2025-04" else [])
    return counts


def load(store, counts) -> None:
    rows = [(force, month, district, crime, n) for (force, month), lines in sorted(counts.items())
            for district, crime, n in lines]
    load_counts(store, rows, file_name="base.csv", file_sha256="0" * 64, imported_at="")


def replace_counts(store, new: dict[tuple[str, str], list[tuple[str, str, int]]]) -> None:
    """Replace whole force-months' counts and vintages as the county merge does (no import, no refresh)."""
    areas = {r[0]: r[1] for r in store.rows("SELECT name, id FROM indicator_areas")}
    with store.transaction():
        for (force, month), lines in new.items():
            store.conn.execute("DELETE FROM _police_counts WHERE force = ? AND month = ?", (force, month))
            store.conn.executemany(
                "INSERT INTO _police_counts(force, month, source_district, crime_type, area_id, count) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(force, month, d, crime, areas[d], n) for d, crime, n in sorted(lines)])
            store.conn.execute("UPDATE _police_vintages SET file_sha256 = ?, file_name = 'later.csv', rows = ? "
                               "WHERE force = ? AND month = ?", ("1" * 64, sum(n for *_, n in lines), force, month))


def figures(store) -> list[tuple]:
    return [tuple(r) for r in store.rows(
        "SELECT CASE WHEN id LIKE 'pv:%' THEN id ELSE '(typed)' END, indicator_id, area_id, period, value, numerator, "
        "source FROM indicator_values ORDER BY indicator_id, area_id, period")]


def office(tmp_path, name: str, counts, typed: bool = True):
    store = new_office(tmp_path / f"{name}.sqlite", name, standins=False)
    # Every area the later counts name is known beforehand (the merge brings areas as rows before the counts).
    for district in ("Babergh", "Ipswich", "Mid Suffolk", "Plymouth", "Torbay", "Exeter"):
        svc.ensure_area(store, district, "district")
    load(store, counts)
    if typed:  # a figure someone typed, which the counts contradict
        indicator = store.scalar("SELECT id FROM indicators WHERE id = 'indicator:burglary'")
        area = store.scalar("SELECT id FROM indicator_areas WHERE name = 'Ipswich'")
        svc.save_values(store, indicator, area, [PeriodValue("2025-03", 99.0)], require_red_comments=False)
    return store


CHANGES = {
    # Counts that change value only: the months changed, the areas touched.
    "values only": {(SUFFOLK, "2025-03"): [
        ("Babergh", "Burglary", 50), ("Babergh", "Anti-social behaviour", 31),
        ("Ipswich", "Burglary", 21), ("Ipswich", "Vehicle crime", 6), ("Mid Suffolk", "Shoplifting", 4)]},
    # A district that drops out of a later download (its figures of that month go, its zeros elsewhere stay
    # where the other months still have it), and a crime type gone from the month's file.
    "district drops out": {(SUFFOLK, "2025-04"): [
        ("Babergh", "Burglary", 13), ("Ipswich", "Burglary", 23), ("Ipswich", "Vehicle crime", 8)]},
    # A crime type new to an area in the force's files: zeros for it in every other month of the force where
    # the file has the crime type.
    "new series": {(SUFFOLK, "2025-05"): [
        ("Babergh", "Burglary", 14), ("Babergh", "Anti-social behaviour", 34), ("Babergh", "Vehicle crime", 2),
        ("Ipswich", "Burglary", 24), ("Ipswich", "Vehicle crime", 9), ("Mid Suffolk", "Shoplifting", 7)]},
    # The only month where an area had a crime type loses it: that area's zeros go from every month.
    "series gone": {(SUFFOLK, "2025-01"): [
        ("Babergh", "Burglary", 10), ("Babergh", "Anti-social behaviour", 30), ("Ipswich", "Burglary", 20),
        ("Ipswich", "Vehicle crime", 5), ("Mid Suffolk", "Shoplifting", 3)]},
    # The far-away area one force's month touches: its zeros from the other force depend on what that force's
    # file of the month has elsewhere (Torbay's vehicle crime gives Plymouth a 0).
    "far-away area": {(SUFFOLK, "2025-02"): [
        ("Babergh", "Burglary", 12), ("Babergh", "Anti-social behaviour", 31), ("Ipswich", "Burglary", 22),
        ("Ipswich", "Vehicle crime", 6), ("Mid Suffolk", "Shoplifting", 4), ("Plymouth", "Burglary", 2)]},
    # The far-away area shared by two forces; a new area; two forces and several months at once.
    "two forces": {
        (SUFFOLK, "2025-02"): [("Babergh", "Burglary", 11), ("Ipswich", "Burglary", 21),
                               ("Plymouth", "Robbery", 2), ("Exeter", "Burglary", 1)],
        (DEVON, "2025-02"): [("Plymouth", "Burglary", 45), ("Torbay", "Vehicle crime", 8)],
        (DEVON, "2025-06"): [("Plymouth", "Burglary", 45), ("Plymouth", "Robbery", 7), ("Torbay", "Robbery", 3)],
    },
}


@pytest.mark.parametrize("case", sorted(CHANGES))
def test_scoped_refresh_equals_the_whole_refresh(tmp_path, case):
    change = CHANGES[case]
    final = {**base_counts(), **change}

    scoped = office(tmp_path, "scoped", base_counts())
    whole = office(tmp_path, "whole", base_counts())
    fresh = office(tmp_path, "fresh", final)
    try:
        before = counts_change(scoped, list(change))
        replace_counts(scoped, change)
        replace_counts(whole, change)
        typed_scoped = refresh_police_figures(scoped, sorted({f for f, _ in change}), changed=before)
        refresh_police_figures(whole)
        assert figures(scoped) == figures(whole) == figures(fresh)
        # A typed figure the changed counts contradict is reported by the scoped refresh as by the whole one.
        months = {m for _, m in change}
        if "2025-03" in months and (SUFFOLK, "2025-03") in change:
            assert [(t.area, t.period, t.typed_value, t.imported_value) for t in typed_scoped] == \
                [("Ipswich", "2025-03", 99.0, 21.0)]
    finally:
        for store in (scoped, whole, fresh):
            store.close()


def test_scoped_refresh_reads_fewer_figures_than_the_whole(tmp_path):
    """What the scoping is for: another force's areas are not worked out again."""
    store = office(tmp_path, "scoped", base_counts(), typed=False)
    try:
        change = CHANGES["values only"]
        before = counts_change(store, list(change))
        assert before.areas == frozenset(store.scalar(f"SELECT id FROM indicator_areas WHERE name = '{n}'")
                                         for n in ("Babergh", "Ipswich", "Mid Suffolk"))
        replace_counts(store, change)
        after = before.after(store)
        assert after.months == ["2025-03"] and not after.series_areas
        assert "Plymouth" not in {store.scalar("SELECT name FROM indicator_areas WHERE id = ?", (a,))
                                  for a in after.areas}
    finally:
        store.close()
