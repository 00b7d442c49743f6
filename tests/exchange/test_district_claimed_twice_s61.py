"""S61 (exch2): two offices naming the same district as theirs are named in the merge summary, once.

Babergh office names Babergh; Ipswich office names Ipswich and Babergh. The county's figures count Babergh once, but
the merge said nothing: the county lead is now told, in one line of the summary, which offices claim it.
"""

from __future__ import annotations

from tests.exchange.district_offices import export, merge, office_from, template

CLAIMED = ("Babergh is named as their district by 2 offices: Babergh office and Ipswich office. Its figures "
           "count once in Suffolk's")


def _exports(tmp_path, ipswich_districts, babergh_districts=("Babergh",)):
    base = template(tmp_path, police=False)
    out = []
    for name, districts in (("Babergh office", babergh_districts), ("Ipswich office", ipswich_districts)):
        office = office_from(base, tmp_path / f"{name}.sqlite", name, districts=districts)
        try:
            out.append(export(office, tmp_path / f"{name}-1.sqlite"))
        finally:
            office.close()
    return out


def _merge(tmp_path, paths):
    from safer_desk.storage.store import open_store

    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        return merge(county, paths).text()
    finally:
        county.close()


def test_a_district_two_offices_name_is_said_once_with_both_offices(tmp_path):
    text = _merge(tmp_path, _exports(tmp_path, ["Ipswich", "Babergh"]))
    assert text.count(CLAIMED) == 1, text


def test_nothing_is_said_when_each_office_names_its_own(tmp_path):
    text = _merge(tmp_path, _exports(tmp_path, ["Ipswich"]))
    assert "named as their district" not in text, text


def test_the_districts_the_same_offices_both_name_are_said_in_one_line(tmp_path):
    text = _merge(tmp_path, _exports(tmp_path, ["Ipswich", "Babergh", "Mid Suffolk"], ["Babergh", "Mid Suffolk"]))
    assert text.count("named as their district") == 1, text
    assert ("Babergh and Mid Suffolk are named as their districts by 2 offices: Babergh office and Ipswich office. "
            "Their figures count once in Suffolk's") in text, text
