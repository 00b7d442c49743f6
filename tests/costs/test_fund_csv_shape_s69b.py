"""S69: the fund page's CSV export and `safer-desk fund` in two shapes.

Export fund report… as .csv wrote the command line's rows under the heading "Name,Value", while `safer-desk fund`
(DESIGN.md §4: "a pooled fund's figures as CSV of name,value") prints "name,value"; in a county file the command
line's last row, merged_from, was missing from the export. The CSV is now the command line's output line for line
(with the byte-order mark every tab's CSV export has, so Excel shows the £ in the warnings)."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.funds import FundsPresenter
from safer_desk.services import funds
from tests.costs.test_cli import run
from tests.costs.test_fund_merged_from_round37mf3 import PILOT as MERGED_PILOT, _files

PILOT = "Suffolk Target Hardening Pilot"


def _exported(store, fund_id: str, today: date, path) -> bytes:
    presenter = FundsPresenter(store, today=lambda: today)
    presenter.reload(select=fund_id)
    return presenter.export(path).read_bytes()


def _printed(capsys, path, name: str, today: str) -> str:
    code, out, err = run(capsys, "fund", str(path), name, "--today", today)
    assert code == 0, err
    return out


def test_the_csv_export_is_the_command_line_s_output(demo_store, demo_path, capsys, tmp_path):
    fund = funds.fund_by_name(demo_store, PILOT)
    exported = _exported(demo_store, fund.id, date(2019, 3, 12), tmp_path / "fund.csv")
    assert exported.startswith(b"\xef\xbb\xbfname,value\r\n")
    assert exported.decode("utf-8-sig").replace("\r\n", "\n") == _printed(capsys, demo_path, PILOT, "12/03/2019")


def test_a_county_file_s_export_ends_with_merged_from_as_the_command_line(tmp_path, capsys):
    files = _files(tmp_path)
    try:
        exported = _exported(files.county, files.fund, date(2025, 11, 15), tmp_path / "county-fund.csv")
        printed = _printed(capsys, files.county_path, MERGED_PILOT, "15/11/2025")
    finally:
        files.county.close()
        files.babergh.close()
    assert printed.splitlines()[-1].startswith("merged_from,")
    # A fund of two victims: the export leaves the office, so it says "fewer than 3" and gives no mean (s71); the
    # command line prints the office's own figures. Every other line is the same.
    assert "victims,2\n" in printed
    shared = [("victims,fewer than 3" if line.startswith("victims,") else
               "mean_spend_per_victim," if line.startswith("mean_spend_per_victim,") else line)
              for line in printed.split("\n")]
    assert exported.decode("utf-8-sig").replace("\r\n", "\n") == "\n".join(shared)
