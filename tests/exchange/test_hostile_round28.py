"""Round 28: files from outside that a county lead is given, as an attacker or an unlucky office makes them.

Each is merged with `safer-desk merge` into a county file that holds the office's first export; it must be refused
naming the file, and the county file left byte for byte as it was.
"""

from __future__ import annotations

import pytest

from safer_desk.services.county import export_for_county
from tests.exchange.helpers import cli_output, file_sha256, other_officer_key, resign_export
from tests.exchange.test_signatures import county_with_babergh  # noqa: F401  (a fixture)


@pytest.mark.parametrize("field, value", [
    ("sequence", "abc"), ("audit_head_id", "x"), ("audit_entries", "1.5"), ("row_counts", "[1]"),
    ("migration_steps", "nope"), ("table_checksums", "[]"), ("internal_tables", "5"),
    ("tables", "{\"x_projects\": 1}"), ("audit_repairs", "many"),
])
def test_a_signed_manifest_with_a_field_that_is_not_what_it_should_be_is_refused_naming_the_file(
        district, county_with_babergh, tmp_path, field, value):  # noqa: F811
    # Anyone can sign a file with a key of their own: the manifest is read before the key is looked up, so a
    # field that is not a number or a list where one is due must be a refusal, not a crash of the merge.
    export = export_for_county(district, tmp_path / "babergh-2.sqlite").path
    forged = resign_export(export, key=other_officer_key(), **{field: value})
    before = file_sha256(county_with_babergh)
    code, out, err = cli_output(["merge", str(county_with_babergh), str(forged)])
    assert code == 1, (out, err)
    assert "Traceback" not in err
    assert f"{forged.name} cannot be merged: its manifest is damaged" in err, err
    assert "has not been changed" in err
    assert file_sha256(county_with_babergh) == before
    code, out, err = cli_output(["check", str(forged)])
    assert code == 1 and "Traceback" not in out + err, (out, err)


@pytest.mark.parametrize("statement, table", [
    ("DROP TABLE project_status_history", "project_status_history"),
    ("ALTER TABLE x_projects DROP COLUMN cost_pence", "x_projects"),
    ("ALTER TABLE x_projects ADD COLUMN note TEXT", "x_projects"),
])
def test_an_export_signed_with_the_offices_key_after_its_tables_were_reshaped_is_refused_naming_it(
        district, county_with_babergh, tmp_path, statement, table):  # noqa: F811
    # The office's own key signs whatever it is given (a file changed with the sqlite3 tool, then signed again):
    # a table the county has missing from it, or a column more or less, is the export's fault, said of it, and
    # nothing of it is merged (never "county.sqlite could not be written or read", never a column dropped unsaid).
    export = export_for_county(district, tmp_path / "babergh-2.sqlite").path
    forged = resign_export(export, edit=lambda c: (c.execute("PRAGMA foreign_keys = OFF"), c.execute(statement)))
    before = file_sha256(county_with_babergh)
    code, out, err = cli_output(["merge", str(county_with_babergh), str(forged)])
    assert code == 1, (out, err)
    words = f"{forged.name} cannot be merged: its tables are not laid out as Safer Desk lays them out ({table})"
    assert words in err, err
    assert "has not been changed" in err
    assert file_sha256(county_with_babergh) == before
