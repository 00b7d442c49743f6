"""`safer-desk export EXPORT.sqlite OUT.sqlite` was refused as a change (session 61).

An export given as the FILE of `export` (the county lead's, or the office's own `for county.sqlite` picked by
mistake) was refused with "… not a file to change: an export is never changed …; to look at it, open it read-only",
though the command changes nothing and the officer asked for no change; the same export made into a workbook said
what is wrong: an export is made from the office's own file, not from another export. Both now say that.
"""

from __future__ import annotations

from tests.exchange.helpers import cli_output


def test_an_export_of_an_export_says_it_is_made_from_the_office_s_file(demo_path, tmp_path):
    first = tmp_path / "for county.sqlite"
    assert cli_output(["export", str(demo_path), str(first)])[0] == 0
    said = {}
    for out in (tmp_path / "again.sqlite", tmp_path / "again.xlsx"):
        code, stdout, err = cli_output(["export", str(first), str(out)])
        assert (code, stdout) == (1, "") and not out.exists(), err
        said[out.suffix] = err
    assert said[".sqlite"] == said[".xlsx"] == (
        "safer-desk: for county.sqlite is Example office (seed papers)'s export for the county (export number 1): an "
        "export is made from the office's own file, not from another export. Nothing was written.\n")
