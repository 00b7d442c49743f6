"""An export whose list of layout steps was extended after it was signed is a changed file, not a newer version's.

Found in round 64: a step added to an export's migrations table by hand (its signed manifest left alone) was refused
as "made by a newer version of Safer Desk (0.2.4)", this very version, so the county lead would look for a newer
version that does not exist instead of asking the office for its file again. The signed list of steps is checked
against the file first; a file signed as this version (or an older one) naming a step no version up to this one made
is said to be changed, not newer. A genuine newer version's export is still said to be one (tests/exchange/
test_bad_input.py)."""

from __future__ import annotations

import pytest

from safer_desk import __version__
from safer_desk.exchange.county_merge import ExportRefused, read_export
from safer_desk.services.county import export_for_county
from tests.exchange.helpers import resign_export
from tests.exchange.test_bad_input import writable


def _add_step(conn) -> None:
    conn.execute("INSERT INTO _sqlite_migrations(migration_set, name, applied_at) "
                 "VALUES ('safer_desk.core', 'zz_made_up', '2026-01-01')")


@pytest.fixture
def export_path(district, tmp_path):
    return export_for_county(district, tmp_path / "babergh-export.sqlite").path


def test_a_step_added_after_signing_is_a_change_not_a_newer_version(export_path):
    conn = writable(export_path)
    _add_step(conn)
    conn.commit()
    conn.close()
    with pytest.raises(ExportRefused) as refused:
        read_export(export_path)
    said = str(refused.value)
    assert "changed after it was signed" in said
    assert "newer version" not in said


def test_a_file_signed_as_this_version_naming_an_unknown_step_is_not_called_newer(export_path):
    resign_export(export_path, edit=_add_step, app_version=__version__)
    with pytest.raises(ExportRefused) as refused:
        read_export(export_path)
    said = str(refused.value)
    assert "newer version" not in said
    assert f"signed as made by Safer Desk {__version__}" in said
    assert "no version of Safer Desk up to this one" in said
