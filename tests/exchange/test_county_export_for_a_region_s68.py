"""s68: a county file's export, merged into a second, regional file, "showed no funds".

A county file's export is refused by another county file (county_merge.verify_for_county), so that each row keeps
the office it came from: nothing of it goes in, funds or anything else, and the refusal names the offices whose own
exports to merge instead. The county officer was told so only at the region's merge: `safer-desk export` (and the
window's Export for County) wrote the export as an office's, numbered and signed, without a word. It now says so when
it is written; an office's export and a county's workbook say nothing of it."""

from __future__ import annotations

from safer_desk.cli import main
from safer_desk.services import funds
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

NOTE = ("is an export of a county file: another county file, a region's, does not merge it, so that each row keeps "
        "the office it came from. A region merges the exports the offices sent (Babergh office)")


def _county(folder):
    base = template(folder, police=False)
    office = office_from(base, folder / "Babergh.sqlite", "Babergh office", districts=["Babergh"])
    try:
        fund = funds.add_fund(office, name="Sanctuary fund", starts_on="01/04/2025", ends_on="31/03/2026")
        funds.add_contribution(office, fund, organisation="Babergh District Council", amount="£2,000",
                               received_on="01/04/2025")
        sent = export(office, folder / "Babergh-1.sqlite")
    finally:
        office.close()
    county = open_store(folder / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [sent])
        assert [f.name for f in funds.list_funds(county)] == ["Sanctuary fund"]
    finally:
        county.close()
    return folder / "county.sqlite", sent


def test_a_county_files_export_says_a_region_will_not_merge_it_and_the_region_refuses_it(tmp_path, capsys):
    county, _sent = _county(tmp_path)
    out = tmp_path / "county-export.sqlite"
    assert main(["export", str(county), str(out)]) == 0
    err = capsys.readouterr().err
    assert f"county-export.sqlite {NOTE}" in err
    region = tmp_path / "region.sqlite"
    assert main(["merge", str(region), str(out)]) == 1
    err = capsys.readouterr().err
    assert "it is an export of a county file (Suffolk county team, merged from Babergh office)" in err
    assert "Merge the exports those offices sent" in err and not region.exists()


def test_an_offices_export_and_a_countys_workbook_say_nothing_of_it(tmp_path, capsys):
    county, _sent = _county(tmp_path)
    assert main(["export", str(tmp_path / "Babergh.sqlite"), str(tmp_path / "Babergh-2.sqlite")]) == 0
    assert "export of a county file" not in capsys.readouterr().err
    assert main(["export", str(county), str(tmp_path / "county.xlsx")]) == 0
    assert "export of a county file" not in capsys.readouterr().err


def test_the_windows_export_of_a_county_file_says_it_too(window, qtbot, prompts, tmp_path):
    from tests.exchange.test_export_number_said_window_s64 import _export_in_window

    county, _sent = _county(tmp_path)
    assert window.open_path(county)
    text = _export_in_window(window, qtbot, prompts, tmp_path / "county-export.sqlite")
    assert f"county-export.sqlite {NOTE}" in text, text
