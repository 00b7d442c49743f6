"""`safer-desk report FILE OUT --year 2099/00` (2019/20 mistyped) was accepted and wrote a report of nothing but the
reviews still open, exit 0, so a script's log showed a board report written. A year the file holds nothing of is
refused now, naming the years it holds, and nothing is written."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.services.report import years_held
from safer_desk.storage.store import open_store
from tests.cli_run import run

TODAY = date(2026, 12, 6)


def test_the_years_the_example_holds(demo_path):
    store = open_store(demo_path, read_only=True)
    try:
        first, last = years_held(store, TODAY)
    finally:
        store.close()
    assert first <= FinancialYear(2009) and FinancialYear(2019) <= last  # its papers run 2009/10 to 2019/20
    assert last == FinancialYear(2026)  # two reviews not yet published are open to this day


@pytest.mark.parametrize("year", ["2099/00", "2001/02"])
def test_a_year_the_file_holds_nothing_of_is_refused_naming_its_years(capsys, demo_path, tmp_path, year):
    out = tmp_path / "board.html"
    code, printed, err = run(capsys, "report", demo_path, out, "--year", year)
    assert code == 1 and printed == ""
    assert f"this file holds nothing of {year}: its records and figures are of " in err
    assert "Nothing was written." in err and not out.exists()
    first, _, last = err.partition(" are of ")[2].partition(" to ")
    assert FinancialYear.parse(first) <= FinancialYear(2009) and last.startswith(FinancialYear.of(date.today()).label)


def test_a_year_the_file_holds_is_written(capsys, demo_path, tmp_path):
    code, _, err = run(capsys, "report", demo_path, tmp_path / "board.html", "--year", "2016/17")
    assert code == 0, err


def test_a_new_empty_file_still_writes_its_report_saying_it_has_no_figures(capsys, tmp_path):
    empty = tmp_path / "new.sqlite"
    open_store(empty, create=True).close()
    code, _, err = run(capsys, "report", empty, tmp_path / "board.html", "--year", "2025/26")
    assert code == 0, err
    assert "has no projects" in (tmp_path / "board.html").read_text(encoding="utf-8")
