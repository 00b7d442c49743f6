"""A county and a district of one name (Cornwall) in the board report and the export's command line.

The report names an area whose name another area of the file shares with its kind ("Cornwall (county) ·
All years"), and "no such area" lists the office's areas as they can be typed. A wrong OUT name is a usage
error for export as it is for report and screenshot (DESIGN §4: 1 bad input, 2 usage).
"""

from __future__ import annotations

import pytest

from safer_desk.services import reference as ref
from safer_desk.services.report import ReportError, build_report, resolve_area
from tests.exchange.helpers import cli_output


def test_no_such_area_lists_the_office_areas_as_they_can_be_typed(cornwall):
    with pytest.raises(ReportError) as caught:
        resolve_area(cornwall, "Narnia")
    assert str(caught.value) == ("There is no district, partnership or county called “Narnia” "
                                 "(this office's areas: Cornwall (county), Cornwall (district)).")
    for typed in ("Cornwall (county)", "Cornwall (district)"):  # each way listed finds its area
        assert resolve_area(cornwall, typed).name == "Cornwall"


def test_a_shared_name_is_the_reports_own_error(cornwall):
    with pytest.raises(ReportError) as caught:
        build_report(cornwall, area="Cornwall")
    assert str(caught.value) == ('"Cornwall" names more than one area: the county and the district. '
                                 'Name the one you mean: "Cornwall (county)" or "Cornwall (district)".')
    assert [a.id for a in caught.value.matches] == ["county:cornwall", "district:cornwall"]


def test_report_command_says_no_such_area_as_the_area_options(cornwall_path, tmp_path):
    code, out, err = cli_output(["report", str(cornwall_path), str(tmp_path / "r.html"), "--area", "Narnia"])
    assert (code, out) == (1, "")
    assert err == ("safer-desk: --area: there is no district, partnership or county called “Narnia” "
                   "(this office's areas: Cornwall (county), Cornwall (district)).\n")


def test_no_such_area_names_a_name_no_other_area_has_alone(tmp_path):
    from safer_desk.storage.store import open_store

    store = open_store(tmp_path / "suffolk.sqlite", create=True)
    try:
        ref.set_office_scope(store, districts=["Babergh", "Mid Suffolk"], county="Suffolk")
        with pytest.raises(ReportError) as caught:
            resolve_area(store, "Narnia")
        assert str(caught.value).endswith("(this office's areas: Suffolk, Babergh, Mid Suffolk).")
    finally:
        store.close()


@pytest.mark.parametrize("area, label", [
    ("Cornwall (county)", "Cornwall (county)"), ("county:cornwall", "Cornwall (county)"),
    ("Cornwall (district)", "Cornwall (district)"), ("district:cornwall", "Cornwall (district)"),
    ("Isles of Scilly", "Isles of Scilly"),  # a name no other area has: as before
    (None, "All areas"),
])
def test_the_title_names_the_kind_when_another_area_has_the_name(cornwall, area, label):
    document = build_report(cornwall, area=area)
    assert document.area_label == label
    assert document.subtitle == f"{label} · All years"


def test_the_title_is_unchanged_for_a_name_only_one_area_has(demo_store):
    assert build_report(demo_store, area="Babergh", year="2016/17").subtitle == "Babergh · 2016/17"


@pytest.mark.parametrize("kind, other", [("county", "district"), ("district", "county")])
def test_the_county_and_district_reports_say_which_they_are(cornwall_path, tmp_path, kind, other):
    target = tmp_path / "r.html"
    code, _, err = cli_output(["report", str(cornwall_path), str(target), "--area", f"Cornwall ({kind})"])
    assert code == 0, err
    html = target.read_text(encoding="utf-8")
    assert f"<title>Community Safety Partnership board report — Cornwall ({kind}) · All years</title>" in html
    if kind == "district":
        assert f"Cornwall ({other})" not in html
    else:  # the county's report holds the district's section too, headed apart from the county's (round 27)
        assert "Indicators: Cornwall (county)" in html and "Indicators: Cornwall (district)" in html
        assert "Indicators: Cornwall<" not in html


@pytest.mark.parametrize("name", ["out.csv", "out.txt", "out", "out.pdf"])
def test_export_to_a_name_of_the_wrong_kind_is_a_usage_error(demo_path, tmp_path, name):
    from safer_desk.services.county import CountyError, export_for_county
    from safer_desk.storage.store import open_store

    before = demo_path.read_bytes()
    target = tmp_path / name
    code, out, err = cli_output(["export", str(demo_path), str(target)])
    store = open_store(demo_path, read_only=True)
    try:
        with pytest.raises(CountyError) as said:  # the window's words for the same mistake
            export_for_county(store, target)
    finally:
        store.close()
    assert (code, out) == (2, "")
    assert err == f"safer-desk: {said.value}\n"
    assert err.startswith(f"safer-desk: {name}: the export must end in .sqlite")
    assert not target.exists() and demo_path.read_bytes() == before


def test_export_name_is_checked_before_the_file(tmp_path):
    """A usage mistake is said first, as for report: nothing is opened, not even a file that is not there."""
    code, _, err = cli_output(["export", str(tmp_path / "missing.sqlite"), str(tmp_path / "out.csv")])
    assert code == 2 and "out.csv: the export must end in .sqlite" in err and not (tmp_path / "out.csv").exists()
