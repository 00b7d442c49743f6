"""S76 (report): `safer-desk report --year Y` asked the file which years it holds twice: once to refuse a year it holds
nothing of (``year_not_held_words``), then again to refuse a report with nothing in it (``nothing_to_report_words``),
each reading every table's dates. The years are now read once, and the one answer passed to both checks; the words
and exit codes are as they were."""

from __future__ import annotations

import pytest

from safer_desk.services import report
from tests.cli_run import run


@pytest.fixture
def asked(monkeypatch):
    calls = []
    real = report._years_with_anything

    def counted(store, today=None):
        calls.append(today)
        return real(store, today)

    monkeypatch.setattr(report, "_years_with_anything", counted)
    return calls


@pytest.mark.parametrize("year", [None, "2018/19"])
def test_the_report_reads_the_years_held_once(capsys, demo_path, tmp_path, asked, year):
    out = tmp_path / "board.html"
    code, printed, err = run(capsys, "report", demo_path, out, *(["--year", year] if year else []))
    assert code == 0, err
    assert out.exists() and len(asked) == 1


def test_a_year_not_held_and_an_empty_year_are_still_refused_in_their_words(capsys, demo_path, tmp_path, asked):
    out = tmp_path / "board.html"
    code, _, err = run(capsys, "report", demo_path, out, "--year", "2099/00")
    assert code == 1 and "this file holds nothing of 2099/00" in err and len(asked) == 1
    asked.clear()
    code, _, err = run(capsys, "report", demo_path, out, "--year", "2012/13")
    assert code == 1 and "nearest to it are of 2011/12 and 2013/14" in err and len(asked) == 1
    assert not out.exists()
