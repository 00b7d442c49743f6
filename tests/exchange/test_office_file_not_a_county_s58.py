"""An office's own file named as the county file of a merge (s58): Babergh's officer, who also merges for the county,
picks Babergh's own file instead of the county's. Merging Mid Suffolk's export into it made it a county file: its
rows mixed with Mid Suffolk's, and every export Babergh made from then on refused at the county as "an export of a
county file". Refused, with the file left as it was and the way to the county file said."""

from __future__ import annotations

import pytest

from safer_desk.services.county import CountyError, merge_district_files
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, export, merge
from tests.exchange.helpers import accept_key_args, cli_output, file_sha256, officer_keys


def _babergh_file_and_mid_export(tmp_path):
    babergh_export, mid_export = district_exports(tmp_path, ["Babergh", "Mid Suffolk"])
    return tmp_path / "babergh.sqlite", babergh_export, mid_export


def test_the_command_line_refuses_to_merge_into_an_office_s_own_file(tmp_path):
    babergh, _, mid_export = _babergh_file_and_mid_export(tmp_path)
    before = file_sha256(babergh)
    code, out, err = cli_output(["merge", str(babergh), str(mid_export), *accept_key_args()])
    assert code == 1, (out, err)
    assert ("babergh.sqlite is Babergh office's own file: it has made 1 export for the county (number 1, on "
            in err), err
    assert "not a county file" in err and "safer-desk merge COUNTY.sqlite" in err, err
    assert out == ""
    assert file_sha256(babergh) == before


def test_the_merge_refuses_it_in_the_window_s_way_too(tmp_path):
    babergh, _, mid_export = _babergh_file_and_mid_export(tmp_path)
    store = open_store(babergh)
    try:
        with pytest.raises(CountyError, match="Babergh office's own file"):
            merge_district_files(store, [mid_export], accept_keys=officer_keys())
        assert store.scalar("SELECT count(*) FROM _county_imports") == 0
        assert store.scalar("SELECT count(*) FROM projects WHERE title = 'Mid Suffolk youth diversion'") == 0
    finally:
        store.close()


def test_a_county_file_that_made_an_export_still_takes_the_offices_files(tmp_path):
    """A county file exported (to read, or for a region) after its first merge is still the county's: it merges."""
    babergh_export, mid_export = district_exports(tmp_path, ["Babergh", "Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, [babergh_export])
        export(county, tmp_path / "county-export.sqlite")
        assert len(merge(county, [mid_export]).merged) == 1
    finally:
        county.close()


def test_the_window_says_so_before_asking_for_the_files(window, prompts, tmp_path):
    babergh, _, _ = _babergh_file_and_mid_export(tmp_path)
    assert window.open_path(babergh)
    before = len(prompts.file_names)
    window.exchange_actions["merge"].trigger()
    ((title, text),) = prompts.errors
    assert title == "Import District Files" and "Babergh office's own file" in text, text
    assert len(prompts.file_names) == before  # no file was asked for
    assert window.session.store.scalar("SELECT count(*) FROM _county_imports") == 0
