"""Round 37 (xp2): an export whose checksum method this version does not know, made by a newer version, says to
install that version at the county (as an export in a newer format does), not only that the method is unknown."""

from __future__ import annotations

import pytest

from safer_desk import __version__
from safer_desk.services.county import export_for_county
from tests.exchange.helpers import cli_output, file_sha256, resign_export


def test_a_newer_version_s_checksum_method_says_to_install_it(district, county, tmp_path):
    path = export_for_county(district, tmp_path / "babergh-export.sqlite").path
    resign_export(path, checksum_method="sha256-rows-v2", app_version="9.9")
    before = file_sha256(county.path)
    code, out, err = cli_output(["merge", str(county.path), str(path)])
    assert code == 1, out
    assert ("babergh-export.sqlite cannot be merged: it was made by a newer version of Safer Desk (9.9), whose "
            "checksum method ('sha256-rows-v2') this version does not know; install the newer version at the county "
            "first. The county file has not been changed.") in err, err
    assert file_sha256(county.path) == before


@pytest.mark.parametrize("app_version", [__version__, "0.0.1", "", "dev"])
def test_an_unknown_checksum_method_from_this_version_or_an_older_one_is_said_unknown(district, county, tmp_path,
                                                                                      app_version):
    path = export_for_county(district, tmp_path / "babergh-export.sqlite").path
    resign_export(path, checksum_method="sha256-rows-v2", app_version=app_version)
    code, _, err = cli_output(["merge", str(county.path), str(path)])
    assert code == 1 and "its checksum method 'sha256-rows-v2' is unknown" in err, err
    assert "newer version" not in err, err
