"""County exchange, round 26: an allocation an older version saved, and the words of a merge refused part way."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.allocation import seed
from tests.exchange.district_offices import district_exports, merge


# -- an allocation saved by an older version under one name spelt two ways -----------------------------------------

def _near_duplicates_saved(store) -> None:
    """As tests/allocation/test_allocation_round26.py: "Mid Suffolk – Babergh" and "Mid Suffolk - Babergh" (rows 1 and
    4) in one saved allocation, agreed, as an older version wrote it before that was refused; row 2 is Babergh CSP,
    the merged office's partnership, so the county's report is about it."""
    from safer_desk.services import allocation as service

    rows = seed.partnerships()
    rows[0] = replace(rows[0], name="Kept apart")
    rows[1] = replace(rows[1], name="Babergh CSP")
    rows[3] = replace(rows[3], name="Mid Suffolk - Babergh")
    scenario_id = service.save_scenario(store, "Old names", "2009/10", rows, seed.options())
    with store.transaction():
        store.conn.execute("UPDATE allocation_scenario_rows SET partnership = ? WHERE partnership = 'Kept apart'",
                           ("Mid Suffolk \u2013 Babergh",))
        store.conn.execute("UPDATE allocation_scenarios SET adopted = (id = ?)", (scenario_id,))


def _county_with_old_allocation(tmp_path):
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    merge(county, district_exports(tmp_path, ["Babergh"]))
    _near_duplicates_saved(county)
    return county


def test_the_county_overview_says_an_allocation_it_cannot_work_out_in_words(tmp_path):
    """The county overview (and so the board report) stopped with AllocationError; the allocation section said it."""
    county = _county_with_old_allocation(tmp_path)
    try:
        doc = build_report(county, year="2009/10", today=date(2025, 12, 1))
        overview = next(s for s in doc.sections if s.title == "County overview")
        said = " ".join(overview.paragraphs)
        assert "“Old names” (2009/10) cannot be worked out" in said and "Allocation tab" in said
        assert "no allocation for 2009/10" not in said  # there is one: it is said, not taken for none
        section = next(s for s in doc.sections if s.title == "Allocation 2009/10")
        assert section.paragraphs[0] in said  # the allocation section's own words
    finally:
        county.close()


def test_the_county_workbook_says_an_allocation_it_cannot_work_out_in_words(tmp_path):
    """The county workbook stopped with AllocationError, every other sheet lost with it."""
    import openpyxl

    from safer_desk.services.county import export_for_county

    county = _county_with_old_allocation(tmp_path)
    try:
        export_for_county(county, tmp_path / "county.xlsx")
    finally:
        county.close()
    book = openpyxl.load_workbook(tmp_path / "county.xlsx", read_only=True)
    cells = [str(c) for row in book["Allocation"].iter_rows(values_only=True) for c in row if c]
    assert any("“Old names” (2009/10) cannot be worked out" in c and "Allocation tab" in c for c in cells), cells


# -- a file refused while other files of the same merge went in ----------------------------------------------------

def _changed_once_the_first_is_merged(monkeypatch, later):
    """The office sends `later` again (other bytes) while the merge runs, once the first file has gone in."""
    from safer_desk.exchange import county_merge

    real = county_merge.merge_export

    def merge_export(county, manifest, **kwargs):
        summary = real(county, manifest, **kwargs)
        if manifest.path != later:
            with open(later, "r+b") as f:
                f.seek(-1, 2)
                last = f.read(1)
                f.seek(-1, 2)
                f.write(bytes([last[0] ^ 1]))
        return summary

    monkeypatch.setattr(county_merge, "merge_export", merge_export)


def test_the_command_line_says_which_files_went_in_when_one_is_refused_part_way(offices, tmp_path, monkeypatch):
    # Babergh's export number 1 merged, then its number 2 refused as changed since it was checked: the command said
    # "The county file has not been changed." though number 1's rows had gone into it (and stay there).
    from tests.exchange.district_offices import add_own_rows, export
    from tests.exchange.helpers import accept_key_args, cli_output

    first = export(offices.babergh, tmp_path / "a1.sqlite")
    add_own_rows(offices.babergh, "Babergh", review=False, fund=False)
    second = export(offices.babergh, tmp_path / "a2.sqlite")
    _changed_once_the_first_is_merged(monkeypatch, second)
    county = tmp_path / "suffolk.sqlite"
    code, out, err = cli_output(["merge", str(county), str(first), str(second), *accept_key_args()])
    assert code == 1 and f"{first.name} (Babergh office)" in out, (out, err)
    assert f"{second.name} cannot be merged: it was changed after it was checked" in err
    assert "has not been changed" not in err
    assert f"Nothing of it was merged; {first.name} was merged and stays merged." in err
    store = open_store(county)
    try:
        assert [r[0] for r in store.rows("SELECT office_name FROM _county_imports")] == ["Babergh office"]
    finally:
        store.close()


def test_the_merge_report_says_which_files_went_in_beside_a_refused_one(tmp_path):
    # A damaged file named with two good ones: none goes in (s68: as `safer-desk merge` has it), and the report names
    # the two that passed their checks and were held back with it.
    first, second, third = district_exports(tmp_path, ["Babergh", "Mid Suffolk", "Ipswich"])
    second.write_bytes(second.read_bytes()[:4096])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        report = merge(county, [first, second, third])
        assert report.merged == []
        (name, why), = report.refused
        assert name == second.name and "truncated" in why and why.endswith("The county file has not been changed.")
        assert report.held_back == sorted([first.name, third.name])
        assert f"Refused: {why}" in report.text()
        assert (f"{' and '.join(sorted([first.name, third.name]))} passed the checks but were not merged either"
                in report.text())
        assert county.scalar("SELECT count(*) FROM _county_imports") == 0
    finally:
        county.close()


def test_a_file_refused_alone_still_says_the_county_file_is_as_it_was(tmp_path):
    first, = district_exports(tmp_path, ["Babergh"])
    first.write_bytes(first.read_bytes()[:4096])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        (_, why), = merge(county, [first]).refused
        assert why.endswith("The county file has not been changed.")
    finally:
        county.close()


def test_the_window_says_which_files_went_in_beside_a_refused_one(window, qtbot, prompts, tmp_path):
    # s68: nothing goes in beside a refused file, in the window as by `safer-desk merge`, and the window says so.
    from safer_desk.ui.exchange.dialogs import import_district_files
    from tests.exchange.helpers import officer_keys

    first, second = district_exports(tmp_path, ["Babergh", "Mid Suffolk"])
    second.write_bytes(second.read_bytes()[:4096])
    open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team").close()
    assert window.open_path(tmp_path / "county.sqlite")
    import_district_files(window, [str(first), str(second)], accept_keys=officer_keys())
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=20000)
    said = prompts.errors[-1][1]
    assert second.name in said and "The county file has not been changed." in said
    assert f"{first.name} passed the checks but was not merged either" in said
    assert getattr(window, "merge_result", None) is None
    assert window.session.store.scalar("SELECT count(*) FROM _county_imports") == 0