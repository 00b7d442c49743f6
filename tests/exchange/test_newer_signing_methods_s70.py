"""Session 70: an export made by a newer version that signs its police.uk counts, or the manifest itself, in a way this
version does not know says to install that version at the county, as a newer checksum method or export format does.

Seen: the manifest's method of the police.uk digests was never read. An export from a newer version whose digests are
made another way was refused as "its police.uk counts for Suffolk Constabulary Jan 2025 were changed after it was
signed": the county lead was told the office had tampered with a file it sent as it was made. A method of signing this
version does not know was said only to be unknown ("it is signed in a way this version does not know"), leaving the
lead to ask the office for the same file again.
"""

from __future__ import annotations

import hashlib

import pytest

from safer_desk import __version__
from safer_desk.exchange import county_schema
from safer_desk.exchange.county_merge import ExportRefused, read_export
from tests.exchange.district_offices import district_exports
from tests.exchange.helpers import cli_output, file_sha256, resign_export


_THIS_VERSIONS_DIGESTS = county_schema.public_digests


def _digests_another_way(conn):
    """A newer version's police.uk digests: the same rows, hashed with another function."""
    found = {}
    for (force, month), (rows, _) in _THIS_VERSIONS_DIGESTS(conn).items():
        lines = [r[0] for r in conn.execute(
            f"SELECT {county_schema.PUBLIC_LINE_SQL} FROM _police_counts WHERE force = ? AND month = ? "
            "ORDER BY source_district, crime_type", (force, month))]
        found[(force, month)] = (rows, hashlib.sha3_256("".join(f"{x}\n" for x in lines).encode()).hexdigest())
    return found


@pytest.fixture
def county(tmp_path):
    from safer_desk.storage.store import open_store

    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    yield store
    store.close()


def test_police_digests_made_by_a_newer_method_say_to_install_it_not_that_the_counts_were_edited(
        tmp_path, county, monkeypatch):
    (path,) = district_exports(tmp_path, ["Babergh"])
    with monkeypatch.context() as m:  # the newer version makes its digests its own way
        m.setattr(county_schema, "public_digests", _digests_another_way)
        resign_export(path, public_digest_method="sha3-police-force-month-v2", app_version="9.9")
    before = file_sha256(county.path)
    code, out, err = cli_output(["merge", str(county.path), str(path)])
    assert code == 1, out
    assert ("babergh-export.sqlite cannot be merged: it was made by a newer version of Safer Desk (9.9), whose method "
            "of signing the police.uk counts ('sha3-police-force-month-v2') this version does not know; install the "
            "newer version at the county first.") in err, err
    assert "changed after it was signed" not in err, err
    assert file_sha256(county.path) == before


@pytest.mark.parametrize("app_version", [__version__, "0.0.1", "", "dev"])
def test_an_unknown_police_digest_method_from_this_version_or_an_older_one_is_said_unknown(tmp_path, app_version):
    (path,) = district_exports(tmp_path, ["Babergh"])
    resign_export(path, public_digest_method="sha3-police-force-month-v2", app_version=app_version)
    with pytest.raises(ExportRefused) as refused:
        read_export(path)
    assert "its method of signing the police.uk counts ('sha3-police-force-month-v2') is unknown" in str(refused.value)
    assert "newer version" not in str(refused.value)


def test_the_police_digest_method_this_version_makes_is_read_as_ever(tmp_path):
    (path,) = district_exports(tmp_path, ["Babergh"])
    assert read_export(path).public_tables == ["_police_counts"]


def test_a_newer_version_s_way_of_signing_says_to_install_it(tmp_path, county):
    (path,) = district_exports(tmp_path, ["Babergh"])
    resign_export(path, signature_method="ed448/sorted-json-v2", app_version="9.9")
    before = file_sha256(county.path)
    code, out, err = cli_output(["merge", str(county.path), str(path)])
    assert code == 1, out
    assert ("babergh-export.sqlite cannot be merged: it says it was made by a newer version of Safer Desk (9.9), which "
            "signs exports in a way this version does not know ('ed448/sorted-json-v2'); install the newer version at "
            "the county first. The county file has not been changed.") in err, err
    assert file_sha256(county.path) == before


@pytest.mark.parametrize("app_version", [__version__, "0.0.1", "", "dev"])
def test_an_unknown_way_of_signing_from_this_version_or_an_older_one_is_said_unknown(tmp_path, app_version):
    (path,) = district_exports(tmp_path, ["Babergh"])
    resign_export(path, signature_method="ed448/sorted-json-v2", app_version=app_version)
    with pytest.raises(ExportRefused) as refused:
        read_export(path)
    assert "it is signed in a way this version does not know ('ed448/sorted-json-v2')" in str(refused.value)
    assert "newer version" not in str(refused.value)
