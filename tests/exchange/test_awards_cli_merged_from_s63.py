"""S63 (cnty): `safer-desk awards COUNTY_FILE` says which office each award came from, as `projects` does.

The county team's script listing the county file's awards got "Suffolk PCC,Babergh community safety grant,…" and
"Suffolk PCC,Mid Suffolk community safety grant,…" with no word of whose, where `safer-desk projects` ends each row
with `merged_from` (and the window's Funders' Awards and the workbook's Awards sheet say it). In a county file the
CSV now ends with `merged_from`; an office's own output is as it always was.
"""

from __future__ import annotations

import csv
import io

from safer_desk.services import funders
from tests.exchange.county_commissioning_offices import county_with_commissioning
from tests.exchange.helpers import cli_output


def _rows(path) -> list[dict[str, str]]:
    code, out, err = cli_output(["awards", str(path)])
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def test_a_county_files_awards_end_with_the_office_each_came_from(tmp_path):
    county, _ = county_with_commissioning(tmp_path)
    funders.save_award(county, funders.make_award(funder="Suffolk PCC", name="County grant",
                                                  years={"2025/26": "£5,000"}))
    county.close()
    rows = _rows(tmp_path / "county.sqlite")
    assert {r["name"]: r["merged_from"] for r in rows} == {
        "Babergh community safety grant": "Babergh office", "Mid Suffolk community safety grant": "Mid Suffolk office",
        "County grant": "Typed in the county file"}
    code, out, _ = cli_output(["awards", str(tmp_path / "county.sqlite")])
    assert out.splitlines()[0].endswith(",conditions,merged_from")


def test_an_offices_own_awards_are_printed_as_before(tmp_path):
    county_with_commissioning(tmp_path)[0].close()
    code, out, _ = cli_output(["awards", str(tmp_path / "Babergh.sqlite")])
    assert out.splitlines()[0] == ",".join(funders.awards_cli_header())
    assert "merged_from" not in out
