"""`safer-desk dhr-ledger` and `safer-desk fund` on the example file."""

import csv
import io

from safer_desk.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_dhr_ledger(demo_path, capsys):
    code, out, _ = run(capsys, "dhr-ledger", str(demo_path), "--as-at", "01/09/2018")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["partner", "billed", "paid", "refused", "outstanding", "overdue", "net_billed"]
    total = rows.pop()
    assert total["partner"] == "Total"
    by = {r["partner"]: r for r in rows}
    assert by["National Probation Service"]["refused"] == "684.14"
    assert by["Suffolk County Council"] == {"partner": "Suffolk County Council", "billed": "684.14", "paid": "400",
                                            "refused": "0", "outstanding": "284.14", "overdue": "284.14",
                                            "net_billed": "684.14"}
    assert sum(int(r["billed"].replace(".", "")) for r in rows) == 752558
    assert total["billed"] == "7525.58" and total["net_billed"] == "6841.44"  # the refusal not yet dealt with


def test_fund_figures(demo_path, capsys):
    code, out, _ = run(capsys, "fund", str(demo_path), "Suffolk Target Hardening Pilot")
    assert code == 0
    values = dict(csv.reader(io.StringIO(out)))
    assert values["contributions"] == "20000" and values["spend"] == "2417" and values["balance"] == "17583"
    assert values["victims"] == "15" and values["mean_spend_per_victim"] == "161.13"
    assert values["monthly_burn_rate"] == "805.67"
    assert values["forecast_exhaustion_month"] == "2020-04" and values["last_fully_funded_month"] == "2020-03"


def test_unknown_fund_lists_the_funds(demo_path, capsys):
    code, _, err = run(capsys, "fund", str(demo_path), "Nope")
    assert code == 1 and "Suffolk Target Hardening Pilot" in err


def test_missing_file(tmp_path, capsys):
    code, _, err = run(capsys, "dhr-ledger", str(tmp_path / "none.sqlite"))
    assert code == 1 and "no file" in err


def test_a_burn_rate_window_longer_than_the_fund_runs_from_its_start(demo_path, capsys):
    # "--window 99999999999" went back 8 billion years before the fund began, and stopped with a traceback.
    name = "Suffolk Target Hardening Pilot"
    code, whole, err = run(capsys, "fund", str(demo_path), name, "--window", "99999999999")
    assert code == 0, err
    code, three, _ = run(capsys, "fund", str(demo_path), name, "--window", "3")  # Apr-18 to Jun-18: the fund so far
    assert dict(csv.reader(io.StringIO(whole)))["monthly_burn_rate"] == dict(csv.reader(io.StringIO(three)))[
        "monthly_burn_rate"]


def test_fund_window_and_as_at(demo_path, capsys):
    code, out, _ = run(capsys, "fund", str(demo_path), "suffolk target hardening pilot", "--window", "1")
    values = dict(csv.reader(io.StringIO(out)))
    assert code == 0 and values["monthly_burn_rate"] == "787" and values["burn_rate_window_months"] == "1"
    code, out, _ = run(capsys, "fund", str(demo_path), "Suffolk Target Hardening Pilot", "--as-at", "2018-05",
                       "--window", "2")
    values = dict(csv.reader(io.StringIO(out)))
    assert values["monthly_burn_rate"] == "815"  # (795 + 835) / 2
    code, _, err = run(capsys, "fund", str(demo_path), "Suffolk Target Hardening Pilot", "--as-at", "June")
    assert code == 2 and "--as-at" in err
    code, out, err = run(capsys, "fund", str(demo_path), "Suffolk Target Hardening Pilot", "--as-at", "2017-01")
    assert code == 1 and out == "" and "Jan-17 is before the fund starts (Apr-18)" in err
