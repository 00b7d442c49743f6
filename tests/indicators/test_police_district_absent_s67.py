"""s67: a month's street file with no row in one of the force's own districts (rows deleted, or a file filtered to
other districts and saved), imported for the first time, was taken in silence: "Imported … 3 months", and Babergh
simply had no figures for Feb-25, nor Suffolk's total (not derived). The import now says which district the month's
file leaves out and what to do; re-importing a month that loses a district said so already, and says it once."""

from __future__ import annotations

import shutil

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import fixture, import_in_window

FEB = "2025-02-suffolk-street.csv"


def _without_babergh_in_february(tmp_path):
    folder = tmp_path / "download"
    shutil.copytree(fixture("suffolk-2025"), folder)
    lines = (folder / FEB).read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if ",Babergh " not in line]
    assert len(kept) < len(lines)
    (folder / FEB).write_text("".join(kept), encoding="utf-8")
    return folder


def test_a_month_s_file_without_one_of_the_force_s_districts_is_said(store, tmp_path):
    result = import_police_files(store, [_without_babergh_in_february(tmp_path)])
    assert list(result.absent) == [("Suffolk Constabulary", "2025-02")]
    (area, rows, months), = result.absent[("Suffolk Constabulary", "2025-02")]
    assert (area, months) == ("Babergh", 2) and rows > 0
    said = [line for line in result.summary_lines() if line.startswith("Suffolk Constabulary 2025-02")]
    assert said == [f"Suffolk Constabulary 2025-02 has no rows in Babergh ({rows:,} rows in the force's files of 2 "
                    "other months): the file is probably not the whole month (cut short, or rows deleted), so Babergh "
                    "has no figures from it for Feb-25. Import that month's file from data.police.uk again."]
    # What it says is what the figures are: none for Babergh's February.
    view = svc.year_view(store, "indicator:all-crime", "district:babergh", FinancialYear(2024))
    assert view.values[10] is None and view.values[9] is not None and view.values[11] is not None


def test_whole_files_say_nothing_of_it_and_a_month_that_loses_a_district_says_it_once(store, tmp_path):
    whole = import_police_files(store, [fixture("suffolk-2025")])
    assert whole.absent == {} and not any("has no rows in" in line for line in whole.summary_lines())
    again = import_police_files(store, [_without_babergh_in_february(tmp_path) / FEB])
    assert again.absent == {} and list(again.gone) == [("Suffolk Constabulary", "2025-02")]
    # said once (the line of what the month replaced changed names Babergh's counts before and now besides)
    assert sum("Babergh" in line and "no figures" in line for line in again.summary_lines()) == 1
    # The month's whole file put back: nothing missing.
    assert import_police_files(store, [fixture("suffolk-2025", FEB)]).absent == {}


def test_the_window_s_import_says_it_too(new_file_window, prompts, qtbot, tmp_path):
    folder = _without_babergh_in_february(tmp_path)
    infos, errors = import_in_window(new_file_window, prompts, qtbot, folder, folder=True)
    assert errors == []
    assert "Suffolk Constabulary 2025-02 has no rows in Babergh (" in "\n".join(str(i) for i in infos)
