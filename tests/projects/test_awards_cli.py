"""`safer-desk awards FILE`: the funders' awards as CSV, and --add / --delete through the window's services."""

from __future__ import annotations

import csv
import io

import pytest

from safer_desk.cli import main
from safer_desk.services import funders
from safer_desk.storage.store import open_store


def run(capsys, *args) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors (a malformed option value)
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_examples_awards_one_row_per_year(demo_path, capsys):
    code, out, _ = run(capsys, "awards", str(demo_path))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    pcc = [r for r in rows if r["name"] == "PCC grant to Safer Plymouth 2017-19"]
    assert [(r["year"], r["amount"]) for r in pcc] == [("2017/18", "400568"), ("2018/19", "400568")]
    sspb = next(r for r in rows if r["name"] == "SSPB 10% retained budget 2009/10")
    assert (sspb["revenue_pct"], sspb["capital_pct"]) == ("69", "31")
    lines = next(r for r in rows if r["name"] == "County Lines and Urban Street Gangs 2018-2020")
    assert (lines["year"], lines["total"], lines["first_year"], lines["last_year"]) == ("", "500000", "2018/19",
                                                                                       "2019/20")


def test_add_and_delete_an_award(tmp_path, capsys):
    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    code, out, err = run(capsys, "awards", str(path), "--add", "PCC grant", "--funder", "OPCC",
                         "--year", "2017/18=£400,568", "--year", "2018/19=£380,000", "--total", "£780,568")
    assert code == 0 and out == "added OPCC: £400,568 in 2017/18, £380,000 in 2018/19 (PCC grant)\n" and err == ""
    store = open_store(path, read_only=True)
    try:
        award = funders.award_by_name(store, "PCC grant")
        assert award.years == {"2017/18": 40056800, "2018/19": 38000000} and award.total_pence == 78056800
    finally:
        store.close()
    code, out, _ = run(capsys, "awards", str(path), "--delete", "pcc GRANT")
    assert code == 0 and out == "deleted PCC grant\n"
    assert run(capsys, "awards", str(path))[1].strip() == ",".join(funders.awards_cli_header())


@pytest.mark.parametrize("args, code, words", [
    (["--add", "Grant", "--funder", "OPCC", "--year", "2017=£5"], 2, "“2017=£5” should read like"),
    (["--add", "Grant", "--funder", "OPCC", "--revenue", "69"], 2, "--revenue/--capital: give both percentages"),
    (["--add", "Grant"], 2, "--add needs --funder"),
    (["--funder", "OPCC"], 2, "describe an award to --add"),
    (["--add", "Grant", "--funder", "OPCC", "--delete", "Grant"], 2, "not both"),
    (["--delete", "Nothing"], 1, "there is no award called “Nothing” (known: none yet)"),
])
def test_refusals_say_why_and_write_nothing(tmp_path, capsys, args, code, words):
    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    before = path.read_bytes()
    got, _, err = run(capsys, "awards", str(path), *args)
    assert got == code and words in err
    assert path.read_bytes() == before


def test_a_stated_total_the_years_do_not_reach_is_kept_and_warned_about(tmp_path, capsys):
    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    code, _, err = run(capsys, "awards", str(path), "--add", "Grant", "--funder", "OPCC", "--year", "2017/18=£1",
                       "--total", "£5")
    assert code == 0 and "warning: Grant: the years add up to £1 but the award is stated as £5." in err
