"""The same export named twice in different case (session 70): on Windows "Babergh.sqlite" and "BABERGH.sqlite" are one
file. Forced here as Windows compares names (without case), with a byte-for-byte copy standing for the one file: it
is merged once, said as the file given more than once, and the summary counts it once."""

from __future__ import annotations

import shutil

from safer_desk.paths import same_file
from safer_desk.services import county as county_service
from safer_desk.services.county import export_for_county
from tests.exchange.helpers import accept_key_args, cli_output, new_office


def test_an_export_named_twice_in_different_case_is_merged_once(district, tmp_path, monkeypatch):
    export = export_for_county(district, tmp_path / "Babergh.sqlite").path
    shouted = tmp_path / "BABERGH.sqlite"
    shutil.copyfile(export, shouted)  # on Windows: the same file, named so

    def as_windows(a, b):
        return str(a).casefold() == str(b).casefold() or same_file(a, b)

    monkeypatch.setattr(county_service, "same_file", as_windows)
    county = tmp_path / "county.sqlite"
    new_office(county, "Suffolk county").close()
    code, out, err = cli_output(["merge", str(county), str(export), str(shouted), *accept_key_args()])
    assert code == 0, err
    assert out.count("Babergh.sqlite (Babergh office):") == 1 and "BABERGH.sqlite (" not in out
    assert "BABERGH.sqlite was given more than once: merged once." in out
