"""Session 64: the register's area filter matched the names typed in *Areas covered* exactly, so choosing "Ipswich"
kept the three Ipswich projects and hid the county-wide Suffolk ones, which cover Ipswich too (seed 000: the board's
county-wide schemes run in every district). An officer filtering by district asks what runs in it, and the board
report for Ipswich counts those projects (DESIGN.md 3: a district means the same in every list and report): the filter
now keeps a county-wide project of the district's own county, never another county's (Plymouth's are not Ipswich's,
nor Suffolk's county-wide ones Plymouth's)."""

from __future__ import annotations


def _kept(register, area: str) -> list[str]:
    keep = register.filter_predicate(area=area)
    return sorted((p.ref for p in register.rows if keep(p)), key=lambda r: (r[0] == "P", len(r), r))


def test_ipswich_keeps_the_county_wide_suffolk_projects(register):
    assert _kept(register, "Ipswich") == [str(n) for n in range(1, 16)]  # 9, 14 and 15 name Ipswich; the rest county


def test_plymouth_keeps_its_own_and_no_suffolk_county_wide_project(register):
    assert _kept(register, "Plymouth") == [f"P{n}" for n in range(1, 9)]


def test_countywide_chosen_keeps_the_projects_typed_so(register):
    assert _kept(register, "Countywide") == ["1", "2", "3", "4", "5", "6", "7", "8", "10", "11", "12", "13"]
