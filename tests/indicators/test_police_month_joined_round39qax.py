"""Round 39 (qax): a street file named for one month holding rows of another.

data.police.uk writes one street file per force and month, every row of that month. A file named for February that
also held a row of January (files joined without their second heading line, or a row pasted in) was imported as
it stood: re-importing a month replaces it, so the whole of January (298 crimes in Babergh) was replaced by that one
row, and the summary said only "Replaced 2 force-months imported before". Such a file is refused now, naming the
line, and nothing is imported.
"""

from __future__ import annotations

import shutil

from tests.conftest import shared_data
from tests.exchange.helpers import cli_output


def _figure(path, month: str) -> str:
    code, out, _ = cli_output(["indicators", str(path)])
    assert code == 0
    return next(line for line in out.splitlines() if line.startswith(f"All crime,Babergh,{month},"))


def test_a_file_named_for_one_month_with_a_row_of_another_is_refused(demo_path, tmp_path):
    folder = shared_data("police-uk", "suffolk-2025")
    january = (folder / "2025-01-suffolk-street.csv").read_text(encoding="utf-8").splitlines()
    february = (folder / "2025-02-suffolk-street.csv").read_text(encoding="utf-8").splitlines()
    joined = tmp_path / "download" / "2025-02-suffolk-street.csv"
    joined.parent.mkdir()
    joined.write_text("\n".join(february + january[1:2]) + "\n", encoding="utf-8")
    before = _figure(demo_path, "2025-01")
    code, out, err = cli_output(["import-police", str(demo_path), str(joined.parent)])
    assert code == 1, out
    assert f"2025-02-suffolk-street.csv is a street file for 2025-02 but holds a row of 2025-01 at line " \
           f"{len(february) + 1:,}" in err
    assert "nothing was imported" in err
    assert _figure(demo_path, "2025-01") == before


def test_files_of_their_own_month_are_imported_as_before(demo_path, tmp_path):
    folder = tmp_path / "download"
    folder.mkdir()
    for month in ("01", "02"):
        shutil.copyfile(shared_data("police-uk", "suffolk-2025", f"2025-{month}-suffolk-street.csv"),
                        folder / f"2025-{month}-suffolk-street.csv")
    code, out, err = cli_output(["import-police", str(demo_path), str(folder)])
    assert code == 0, err
    assert _figure(demo_path, "2025-01") == "All crime,Babergh,2025-01,298"
