"""`check` finds a text value that cannot be read (damage inside a value, not valid UTF-8: SQLite's integrity check
does not look at text) and says where, as `export` meets it: `check` said "All checks passed" while `export` refused
the file as damaged, naming nothing, so the office could neither send it nor find what was wrong."""

from __future__ import annotations

from safer_desk.services.integrity import check_file
from tests.exchange.helpers import cli_output

NOTE = b"Not in the paper: the paper's inputs split"


def damage_a_note(path):
    data = bytearray(path.read_bytes())
    at = data.index(NOTE)
    data[at + 4] = 0xC3  # "Not i…" with a lead byte before an ASCII letter: not UTF-8
    path.write_bytes(bytes(data))
    return path


def test_check_names_the_table_whose_text_cannot_be_read(demo_path, tmp_path):
    damage_a_note(demo_path)
    assert cli_output(["export", str(demo_path), str(tmp_path / "x.sqlite")])[0] == 1  # as export meets it
    report = check_file(demo_path)
    assert not report.ok
    said = "\n".join(report.lines())
    assert "SQLite's integrity check found no damage" in said
    # the first copy of the note in the file: the audit trail's record of it
    assert "a text in the table audit_log cannot be read (it is not valid text: a damaged value)" in said
    assert "All checks passed" not in said
