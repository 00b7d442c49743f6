"""`safer-desk dhr-ledger` and `safer-desk fund` on the example file."""

import csv
import io

from safer_desk.cli import main


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's usage errors (a malformed option value)
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_dhr_ledger(demo_path, capsys):
    code, out, _ = run(capsys, "dhr-ledger", str(demo_path), "--as-at", "01/09/2018")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == ["partner", "billed", "paid", "refused", "outstanding", "overdue", "net_billed",
                             "refunded"]
    total = rows.pop()
    assert total["partner"] == "Total"
    by = {r["partner"]: r for r in rows}
    assert by["National Probation Service"]["refused"] == "684.14"
    assert by["Suffolk County Council"] == {"partner": "Suffolk County Council", "billed": "684.14", "paid": "400",
                                            "refused": "0", "outstanding": "284.14", "overdue": "284.14",
                                            "net_billed": "684.14", "refunded": "0"}
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


def test_dhr_ledger_as_at_a_date_counts_only_what_had_happened_by_then(demo_path, capsys):
    # Suffolk County Council paid £400 on 01/08/2018: as at 20/07/2018 its whole £684.14 was overdue, not £284.14.
    code, out, _ = run(capsys, "dhr-ledger", str(demo_path), "--as-at", "20/07/2018")
    rows = {r["partner"]: r for r in csv.DictReader(io.StringIO(out))}
    assert code == 0
    assert rows["Suffolk County Council"] == {"partner": "Suffolk County Council", "billed": "684.14", "paid": "0",
                                              "refused": "0", "outstanding": "684.14", "overdue": "684.14",
                                              "net_billed": "684.14", "refunded": "0"}
    assert rows["Total"]["paid"] == "3420.73" and rows["Total"]["outstanding"] == "3420.71"
    # 01/07/2018: only Mid Suffolk had paid (20/06), Babergh paid on 02/07, and Probation had not yet refused (05/07)
    code, out, _ = run(capsys, "dhr-ledger", str(demo_path), "--as-at", "01/07/2018")
    rows = {r["partner"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["Babergh District Council"]["paid"] == "0"
    assert rows["Babergh District Council"]["outstanding"] == "684.15"
    assert rows["National Probation Service"]["refused"] == "0"
    assert rows["National Probation Service"]["outstanding"] == "684.14"
    assert (rows["Total"]["paid"], rows["Total"]["refused"], rows["Total"]["outstanding"]) == ("684.15", "0", "6841.43")
    # the same position per review
    code, out, _ = run(capsys, "dhr-ledger", str(demo_path), "--as-at", "20/07/2018", "--by-case")
    case = next(r for r in csv.DictReader(io.StringIO(out)) if r["case"] == "WSCSP-DHR-2017-01")
    assert (case["paid"], case["outstanding"], case["shortfall"], case["cost"]) == ("3420.73", "3420.71", "684.14",
                                                                                    "7525.58")
    # an as-at date before the invoices: nothing billed yet, the whole cost not yet billed
    code, out, _ = run(capsys, "dhr-ledger", str(demo_path), "--as-at", "01/06/2018", "--by-case")
    case = next(r for r in csv.DictReader(io.StringIO(out)) if r["case"] == "WSCSP-DHR-2017-01")
    assert (case["billed"], case["paid"], case["outstanding"], case["unbilled"]) == ("0", "0", "0", "7525.58")


def test_fund_says_the_date_spend_was_keyed_to_that_its_figures_used(demo_path, capsys):
    """--keyed-to 31/05/2018 cut the burn rate at May (June's £787 left out) but printed spend_keyed_to blank:
    whoever read the CSV later could not tell the figures were cut."""
    code, out, _ = run(capsys, "fund", str(demo_path), "Suffolk Target Hardening Pilot", "--keyed-to", "31/05/2018")
    values = dict(csv.reader(io.StringIO(out)))
    assert code == 0 and values["burn_rate_as_at_month"] == "2018-05"
    assert values["spend_keyed_to"] == "2018-05-31"


def test_a_fund_with_no_complete_month_says_nothing_is_left_at_the_end_rather_than_more_than_it_holds(demo_path,
                                                                                                        capsys):
    """As at mid-April 2018 (no complete month of spend), left_at_period_end read 20000, more than the balance
    (£19,680: the £320 spent by then): with no burn rate there is no forecast, so nothing is said for the end of the
    period."""
    code, out, _ = run(capsys, "fund", str(demo_path), "Suffolk Target Hardening Pilot", "--today", "15/04/2018")
    values = dict(csv.reader(io.StringIO(out)))
    # No complete month: no burn rate either (blank, as the window's "—"), not one of £0 a month.
    assert code == 0 and values["monthly_burn_rate"] == "" and values["balance"] == "19680"
    assert values["left_at_period_end"] == ""


def test_a_review_whose_cost_is_not_yet_known_is_blank_by_case_not_0(demo_path, capsys):
    """The window says "Not yet known" (a blank would read as £0); --by-case printed 0."""
    code, out, _ = run(capsys, "dhr-ledger", str(demo_path), "--by-case", "--as-at", "01/09/2018")
    rows = {r["case"]: r for r in csv.DictReader(io.StringIO(out))}
    assert code == 0 and rows["WSCSP-DHR-2014-01"]["cost"] == "" and rows["WSCSP-DHR-2017-01"]["cost"] == "7525.58"
