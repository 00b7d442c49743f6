"""Round 37 (xpc): the exchange tried as a county lead would. An export in a newer export format (the program that
made it writes a format this one does not read) is refused saying so, as one made with a newer file layout is: not
as a damaged manifest, which sent the lead to ask the office for the file again."""

from __future__ import annotations

import pytest

from safer_desk.services.county import export_for_county
from tests.exchange.helpers import cli_output, file_sha256, resign_export


@pytest.mark.parametrize("version", ["3", "10"])
def test_an_export_in_a_newer_format_is_refused_as_the_newer_version_s(district, county, tmp_path, version):
    path = export_for_county(district, tmp_path / "babergh-export.sqlite").path
    resign_export(path, format_version=version, app_version="9.9")
    before = file_sha256(county.path)
    code, out, err = cli_output(["merge", str(county.path), str(path)])
    assert code == 1, out
    assert (f"babergh-export.sqlite cannot be merged: it was made by a newer version of Safer Desk (9.9), which writes "
            f"exports in a format this version does not read (format {version}); install the newer version at the "
            "county first. The county file has not been changed.") in err, err
    assert "missing or incomplete" not in err
    assert file_sha256(county.path) == before


# An older or unreadable format version is said as what it is, not as an incomplete manifest:
# tests/exchange/test_format_refusal_words_s74.py.
