"""A signed export whose format version this version cannot read is refused saying what is wrong with it: "a newer
version of Safer Desk (0.2.8)" was said of an export signed as made by this very version (or an older one), and an
older or unreadable format version was "missing or incomplete", though the manifest had it. The county file is left
byte for byte as it was."""

from __future__ import annotations

import pytest

from safer_desk import __version__
from safer_desk.services.county import export_for_county
from tests.exchange.helpers import cli_output, file_sha256, resign_export


def _refusal(district, county, tmp_path, **fields) -> str:
    path = export_for_county(district, tmp_path / "babergh-export.sqlite").path
    resign_export(path, **fields)
    before = file_sha256(county.path)
    code, out, err = cli_output(["merge", str(county.path), str(path)])
    assert code == 1, out
    assert "The county file has not been changed." in err
    assert file_sha256(county.path) == before
    return err


@pytest.mark.parametrize("app_version", [__version__, "0.1.0"])
def test_a_later_format_signed_as_this_or_an_older_version_is_not_said_newer(district, county, tmp_path,
                                                                           app_version):
    err = _refusal(district, county, tmp_path, format_version="3", app_version=app_version)
    assert "newer version" not in err, err
    assert (f"babergh-export.sqlite cannot be merged: it is signed as made by Safer Desk {app_version}, but says it is "
            f"in export format 3, which no version of Safer Desk up to this one ({__version__}) writes: it was not "
            "made by Safer Desk as it says, or was changed after it was made.") in err, err


def test_a_later_format_from_a_newer_version_is_still_said_so(district, county, tmp_path):
    err = _refusal(district, county, tmp_path, format_version="3", app_version="9.9")
    assert "it was made by a newer version of Safer Desk (9.9), which writes exports in a format this version does " \
           "not read (format 3)" in err, err


def test_an_older_format_is_said_as_older(district, county, tmp_path):
    err = _refusal(district, county, tmp_path, format_version="1")
    assert "missing or incomplete" not in err and "newer" not in err, err
    assert ("it says it is in export format 1, an older format than signed exports use (format 2): it was not made by "
            "Safer Desk as it says, or was changed after it was made.") in err, err


@pytest.mark.parametrize("version", ["two", "2.0", "02"])
def test_a_format_version_that_is_not_one_is_said_so(district, county, tmp_path, version):
    err = _refusal(district, county, tmp_path, format_version=version)
    assert "missing or incomplete" not in err and "newer" not in err, err
    assert (f"its export format “{version}” is not a format version Safer Desk writes (this version reads format 2)"
            ) in err, err


def test_a_blank_format_version_is_said_so(district, county, tmp_path):
    err = _refusal(district, county, tmp_path, format_version="")
    assert "its export format version is blank (this version reads format 2): it was not made by Safer Desk as it " \
           "says, or was changed after it was made." in err, err
