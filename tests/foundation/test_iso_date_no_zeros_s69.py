"""`safer-desk dhr-ledger FILE --as-at 2018-4-1` (ISO without leading zeros) was refused as "not a date", while
1/4/2018 was read: a date written year first is read with or without its zeros."""

from __future__ import annotations

from safer_desk.domain.periods import parse_uk_date
from tests.cli_run import run


# -- 5. ISO dates without leading zeros -----------------------------------------------------------------------------

def test_an_iso_date_without_leading_zeros_is_read():
    from datetime import date

    assert parse_uk_date("2018-4-1") == date(2018, 4, 1)
    assert parse_uk_date("2018-04-1") == date(2018, 4, 1)
    assert parse_uk_date("2018-12-31") == date(2018, 12, 31)


def test_dhr_ledger_as_at_2018_4_1_is_read_as_1_4_2018(capsys, demo_path):
    expected = run(capsys, "dhr-ledger", demo_path, "--as-at", "1/4/2018")
    assert expected[0] == 0, expected[2]
    assert run(capsys, "dhr-ledger", demo_path, "--as-at", "2018-4-1") == expected
