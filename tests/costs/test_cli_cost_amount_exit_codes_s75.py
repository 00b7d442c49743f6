"""Session 75: `safer-desk dhr-costs --correct LINE --amount -5` exits 2 and `--amount 0` exits 1, and that is the
command-line contract (DESIGN.md §4: 1 bad input, 2 usage), kept as every command holding money keeps it.

An amount is read when the options are (``cli.common.read_amount``, "never negative"): a minus is refused there, before
any file is opened, as a usage error with argparse's usage line (allocate --pot -5, top-slice -5, awards --total -5).
£0 is an amount the reader takes, refused by what it is for (a cost line must be more than £0; a pot of £0 is nothing
to split): exit 1, as allocate --pot 0. Pinned side by side with allocate, so the two cannot drift apart, and the file
is left as it was either way.
"""

from __future__ import annotations

import hashlib

import pytest

from tests.costs.test_cli import run

CASE = "WSCSP-DHR-2017-01"


@pytest.mark.parametrize("typed", ["-5", "-0", "£-5", "−5", "0", "0.00", "£0"])
def test_a_cost_line_amount_is_refused_with_the_exit_allocate_gives_it(capsys, demo_path, tmp_path, typed):
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    code, out, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", "1", f"--amount={typed}")
    assert out == "" and err.strip(), (code, out, err)
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    basis = tmp_path / "basis.csv"
    basis.write_text("partnership,fixed_units,basis\nBabergh,1,2442\nIpswich,1,7937\n", encoding="utf-8")
    pot, _, pot_err = run(capsys, "allocate", str(basis), f"--pot={typed}")
    assert code == pot, (err, pot_err)
    if typed.lstrip("£").startswith(("-", "−")):
        assert code == 2 and "usage: safer-desk dhr-costs" in err and "--amount: “" in err and "is negative" in err
    else:
        assert code == 1 and err == "safer-desk: --amount: must be more than £0.\n", err
