"""`--partners 1,000` was refused as "not a whole number": a count with thousands commas, as Excel writes it, is read
(and 1,000 partners then refused as more than a partnership has)."""

from __future__ import annotations

import pytest

from tests.cli_run import run


# -- 3. counts with thousands commas --------------------------------------------------------------------------------

def test_a_count_with_thousands_commas_is_read_as_excel_writes_it():
    from safer_desk.cli.common import read_count

    assert read_count("1,000") == 1000
    assert read_count("12") == 12
    for wrong in ("1,5", "1.5", "12 34", "abc", "3_000"):
        with pytest.raises(ValueError):
            read_count(wrong)
    with pytest.raises(ValueError, match="at least 1"):
        read_count("-2")


def test_partners_1_000_is_refused_as_too_many_not_as_no_number(capsys):
    code, out, err = run(capsys, "top-slice", "589608", "--partners", "1,000")
    assert code == 2 and out == ""
    assert "not a whole number" not in err and "more partners than a partnership has" in err, err
    code, out, err = run(capsys, "top-slice", "589608", "--partners", "1,0")
    assert code == 2 and "not a whole number" in err
