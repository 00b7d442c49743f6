"""s75: Babergh CSP starts a new office file on a new laptop (a new office id, a new key) and sends its export. The
county, already holding the office's first file, said only "a key the county has not registered for Babergh CSP …
confirm the fingerprint by phone": accepted, the county then held two offices called Babergh CSP, both for Babergh,
and its board report counted both files' figures. The refusal now says the county already holds an office of that
name, merged from a different file, and what accepting it would do."""

from __future__ import annotations

from safer_desk.services.county import export_for_county
from tests.exchange.helpers import (cli_output, county_with_first_export, new_office, other_officer_key,
                                    resign_export)


def _second_babergh(district, folder):
    """An export of a new file named as the district's office ("Babergh office"), signed on another computer."""
    name = "Babergh office"
    again = new_office(folder / "babergh-new-laptop.sqlite", name)
    try:
        export = export_for_county(again, folder / "babergh-new-1.sqlite").path
    finally:
        again.close()
    key = other_officer_key()
    return resign_export(export, key=key), key, name


def test_a_new_file_of_an_office_the_county_holds_is_said_before_its_key_is_accepted(district, tmp_path):
    county, _first = county_with_first_export(district, tmp_path)
    export, key, name = _second_babergh(district, tmp_path)
    code, _, err = cli_output(["merge", str(county), str(export)])
    assert code == 1, err
    assert f"The county already holds another office called {name}, merged from a different file" in err, err
    assert "export number 1" in err and "the board report counts both files' figures" in err, err
    assert f'--accept-key "{key.fingerprint}"' in err, err  # still the lead's to accept, a different office


def test_an_office_the_county_has_not_met_is_told_as_before(district, tmp_path):
    county = tmp_path / "county.sqlite"
    new_office(county, "Suffolk county").close()
    export, _key, _name = _second_babergh(district, tmp_path)
    code, _, err = cli_output(["merge", str(county), str(export)])
    assert code == 1 and "has not registered" in err and "already holds" not in err, err
