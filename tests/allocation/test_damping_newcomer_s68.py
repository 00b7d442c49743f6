"""alloc2 (s68): `safer-desk allocate` with a 1% damping limit and a £440,000 pot, well below last year's £655,120,
widened the limit to the pot's own fall (32.84%): the five partnerships with last year's figures, each at the bottom
of its band, took the whole pot, and the new partnership with no last-year figure (not limited, DESIGN.md §2.2) got
£0, printed as a variable fee of -18333 beside its fixed fee of 18333. The limit is now widened so that the pot's
fall and the newcomer's formula amount are both met, the note says so, and no printed fee is negative."""

from __future__ import annotations

import csv
import io

from tests.cli_run import run

SUFFOLK_AND_NEW = ("partnership,fixed_units,basis,previous\nBabergh,1,2442,70725\nIpswich,1,7937,160607\n"
                   "Waveney,1,4857,113832\nSuffolk Coastal,1,3324,86775\nWest,3,8335,223181\nNew CSP,1,3000,\n")


def _allocate(capsys, tmp_path, text: str, *args: str):
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "allocate", path, *args)
    assert code == 0, err
    return {r["partnership"]: r for r in csv.DictReader(io.StringIO(out))}, err


def _adds_up(rows, pot: int) -> None:
    for name, r in rows.items():
        assert int(r["fixed"]) >= 0 and int(r["variable"]) >= 0, name
        assert int(r["fixed"]) + int(r["variable"]) == int(r["total"]), name
    assert sum(int(r["total"]) for n, r in rows.items() if n != "Totals") == int(rows["Totals"]["total"]) == pot


def test_a_new_partnership_is_not_left_at_nothing_when_the_pot_falls(capsys, tmp_path):
    rows, err = _allocate(capsys, tmp_path, SUFFOLK_AND_NEW, "--pot", "440000", "--damping", "1",
                          "--fixed-share", "1/3")
    _adds_up(rows, 440_000)
    assert rows["New CSP"]["total"] == "46951" and rows["New CSP"]["fixed"] == "18333"
    assert ("The pot is 32.84% below last year's total, more than the ±1% damping limit allows, so the limit was "
            "widened to ±40.13% for every partnership, leaving room for New CSP, with no allocation last year and so "
            "not limited, to have a share by the formula.") in err
    for name in ("Babergh", "Ipswich", "Waveney", "Suffolk Coastal", "West"):  # each within the widened band
        change = int(rows[name]["total"]) / int(rows[name]["previous"]) - 1
        assert -0.4014 < change < -0.39, (name, change)


def test_damping_taking_more_than_the_variable_fee_takes_it_from_the_fixed_fee_and_says_so(capsys, tmp_path):
    # Small's fixed fee (£100,000, a third of the pot on 2 units of 6) is more than its damped total (£6,000, last
    # year's £10,000 down 40%): the variable column printed -94000.
    text = "partnership,fixed_units,basis,previous\nSmall,1,1,10000\nLarge,1,9,990000\n"
    rows, err = _allocate(capsys, tmp_path, text, "--pot", "600000", "--damping", "1", "--fixed-share", "1/3")
    _adds_up(rows, 600_000)
    assert (rows["Small"]["fixed"], rows["Small"]["variable"], rows["Small"]["total"]) == ("6000", "0", "6000")
    assert ("For Small damping took more than its variable fee, £94,000 of its £100,000 fixed fee too: the fixed "
            "column shows the £6,000 it keeps and the variable column 0.") in err
