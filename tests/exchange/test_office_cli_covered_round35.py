"""Round 35: `safer-desk office --district` says when a district named is not kept on its own.

A district the office's partnerships cover in every year is not recorded on its own as well (one rule with File >
Office Details…, which shows it "(covered by …)"). The command line dropped it without a word: the officer who typed
--district Babergh saw it missing from nothing they were told.
"""

from __future__ import annotations

from tests.exchange.helpers import cli_output


def test_a_covered_district_named_is_said_as_covered(demo_path):
    code, out, err = cli_output(["office", str(demo_path), "--district", "Babergh"])
    assert code == 0, err
    assert ("safer-desk: note: Babergh is not kept on its own: Safer Suffolk Partnership Board gives the office its "
            "figures in every year.") in err, err


def test_a_district_kept_on_its_own_says_nothing_of_it(demo_path):
    code, out, err = cli_output(["office", str(demo_path), "--clear", "--district", "Babergh"])
    assert code == 0, err
    assert "not kept on its own" not in err, err
