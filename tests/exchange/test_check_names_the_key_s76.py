"""s76: `check` of an export for the county said "signed by key 1A2B … (officer) for Babergh office", not whether
that key is this computer's own: an officer checking the export they made, and a county lead checking one an office
sent (or one the officer made on the county's computer by mistake), could not tell which. It now says who it was
signed for, by whom and with which key, then whether the key is this computer's own, was until it was replaced,
or is another computer's. Nothing is made in the data folder by asking."""

from __future__ import annotations

from safer_desk.exchange.signing import existing_officer_key, replace_withdrawn_key
from safer_desk.services.county import export_for_county
from safer_desk.services.integrity import check_file


def _lines(path) -> list[str]:
    report = check_file(path)
    assert report.ok, report.lines()
    return report.lines()


def test_an_export_signed_here_is_said_to_be_signed_with_this_computers_key(district, tmp_path):
    export = export_for_county(district, tmp_path / "babergh-for-county.sqlite").path
    fp = existing_officer_key().fingerprint
    lines = _lines(export)
    assert any(line.startswith("  ok: signed for Babergh office by ") and f"with the key {fp}, export number 1"
               in line for line in lines), lines
    assert f"  ok: key {fp} is this computer's own signing key (safer-desk key prints it): the export was signed on " \
           "this computer" in lines


def test_an_export_from_another_computer_is_said_to_be_so(district, tmp_path, monkeypatch):
    export = export_for_county(district, tmp_path / "babergh-for-county.sqlite").path
    fp = existing_officer_key().fingerprint
    county_home = tmp_path / "county home"
    county_home.mkdir()
    monkeypatch.setenv("SAFER_DESK_HOME", str(county_home))
    assert (f"  ok: key {fp} is not this computer's: this computer has no signing key of its own yet (one is made "
            "at its first export), so the export was signed on another computer, the office's that made it"
            ) in _lines(export)
    assert list(county_home.iterdir()) == []  # no key made by asking
    from safer_desk.exchange.signing import officer_key

    own = officer_key().fingerprint
    assert (f"  ok: key {fp} is not this computer's own signing key (this computer's is {own}): the export was "
            "signed on another computer, the office's that made it") in _lines(export)


def test_an_export_signed_with_a_key_since_replaced_here_is_said_to_be(district, tmp_path):
    export = export_for_county(district, tmp_path / "babergh-for-county.sqlite").path
    fp = existing_officer_key().fingerprint
    replace_withdrawn_key(fp)
    assert any(line.startswith(f"  ok: key {fp} was this computer's own signing key until it was replaced on ")
               and line.endswith("(the county withdrew it): the export was signed on this computer before then")
               for line in _lines(export))
