"""Issue 12, crashes instead of messages: amounts beyond what SQLite's INTEGER holds, and an allocation row
missing its basis (read as 0 before), are refused with a message naming the value or the row; exit 1."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain.dhr import DhrError
from safer_desk.domain.money import MAX_PENCE, MoneyError, check_within_bounds, format_pounds_plain, parse_pence
from safer_desk.services.dhr import as_pence
from tests.exchange.helpers import cli_output

SQLITE_MAX = 2 ** 63 - 1


@pytest.mark.parametrize("text", ["92233720368547758.08", "£99,999,999,999,999,999,999", "9999999bn",
                                  "10,000,000,000,000.01", "-10000000000001", "(10000000000000.01)"])
def test_amounts_beyond_the_bound_are_refused_with_the_amount_named(text):
    with pytest.raises(MoneyError, match="larger than Safer Desk can hold"):
        parse_pence(text)


def test_the_bound_leaves_room_for_totals_in_sqlite():
    assert MAX_PENCE * 9000 < SQLITE_MAX
    assert parse_pence("£10,000,000,000,000") == MAX_PENCE


@given(st.integers(min_value=-MAX_PENCE, max_value=MAX_PENCE))
def test_every_amount_within_the_bound_round_trips(pence):
    assert parse_pence(format_pounds_plain(pence)) == pence
    assert check_within_bounds(pence) == pence


def test_an_int_amount_beyond_the_bound_is_refused_by_the_services():
    with pytest.raises(DhrError, match="Amount: .*larger than Safer Desk can hold"):
        as_pence(2 ** 64, "Amount")


def test_a_huge_cost_line_is_refused_and_nothing_is_written(demo_store):
    from safer_desk.services import dhr

    case = next(iter(dhr.case_ids(demo_store)))
    before = demo_store.scalar("SELECT count(*) FROM dhr_cost_lines")
    with pytest.raises(DhrError, match="larger than Safer Desk can hold"):
        dhr.add_cost_line(demo_store, case, category="Legal", amount="£92,233,720,368,547,758.08")
    assert demo_store.scalar("SELECT count(*) FROM dhr_cost_lines") == before


def test_the_command_line_refuses_a_huge_pot(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("partnership,fixed_units,basis\nA,1,5\nB,1,7\n", encoding="utf-8")
    code, out, err = cli_output(["allocate", str(src), "--pot", "99999999999999999999"])
    assert code == 2 and "larger than Safer Desk can hold" in err and "Traceback" not in err and out == ""


@pytest.mark.parametrize("body", ["A,1,5\nB,1\n", "A,1,5\nB,1,\n", "A,1,5\nB,1,  \n"])
def test_an_allocation_row_missing_its_basis_is_refused_with_its_row(tmp_path, body):
    src = tmp_path / "in.csv"
    src.write_text("partnership,fixed_units,basis\n" + body, encoding="utf-8")
    code, out, err = cli_output(["allocate", str(src), "--pot", "1000"])
    assert code == 1 and "row 3 (B)" in err and "basis is missing" in err and out == "", err


def test_a_zero_basis_written_as_zero_is_still_a_zero(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("partnership,fixed_units,basis\nA,1,5\nB,1,0\n", encoding="utf-8")
    code, out, err = cli_output(["allocate", str(src), "--pot", "1000"])
    assert code == 0, err


def test_a_missing_factor_column_value_is_refused_too(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("partnership,fixed_units,crime,population\nA,1,5,100\nB,1,7,\n", encoding="utf-8")
    code, out, err = cli_output(["allocate", str(src), "--pot", "1000", "--factor", "crime=50",
                                 "--factor", "population=50"])
    assert code == 1 and "row 3 (B)" in err and "population is missing" in err, err
