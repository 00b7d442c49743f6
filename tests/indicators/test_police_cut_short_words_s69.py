"""A street file cut short in its first value of a line says "1 column", not "1 columns" (session 69).

A Suffolk download cut short half way (a dropped connection) ended in the middle of a Crime ID, and was refused
"… is damaged or cut short at line 1848: it has 1 columns where 12 were expected"."""

from __future__ import annotations

from pathlib import Path

from tests.exchange.helpers import cli_output


def test_a_file_cut_short_in_a_lines_first_value_says_one_column(tmp_path):
    from tests.indicators.test_police_group_typed_s49 import FIXTURE

    text = (Path(__file__).resolve().parents[2] / FIXTURE).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    street = tmp_path / "2025-01-suffolk-street.csv"
    street.write_text("".join(lines[:5]) + lines[5][:20], encoding="utf-8")  # cut in line 6's Crime ID
    code, out, err = cli_output(["import-police", str(tmp_path / "office.sqlite"), str(street)])
    assert (code, out) == (1, "")
    assert "at line 6: it has 1 column where 12 were expected." in err, err
