"""The check for a table's total line under another label ("Suffolk") asks of each row whether it is the sum of the
others. It added up the other rows again for every row: `allocate` of 1,600 partnerships took 3.4 s and of 6,400
took 51 s, nearly all of it this check (session 54). The rows are now added up once; what the check finds must
not change, which this compares with the check as it was written."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from safer_desk.domain.allocation import ColumnTotals, PartnershipInput, others_total_message


def _as_written(partnerships, row):
    """The check as it was: the other rows added up afresh."""
    others = [p for i, p in enumerate(partnerships) if i != row]
    p = partnerships[row]
    if 0 < row < len(partnerships) - 1:  # between two partnerships: a partnership (session 75)
        return False
    if len(others) < 2 or not p.values:
        return False
    for factor, value in p.values.items():
        if not value or value != sum((o.values.get(factor, Fraction(0)) for o in others), Fraction(0)):
            return False
    units_too = p.fixed_units > 0 and p.fixed_units == sum(o.fixed_units for o in others)
    previous_too = bool(p.previous_pence) and p.previous_pence == sum(o.previous_pence or 0 for o in others)
    return units_too or previous_too


_row = st.builds(
    lambda units, values, previous: (units, values, previous),
    st.integers(0, 3),
    st.dictionaries(st.sampled_from(["basis", "crime", "population"]),
                    st.fractions(min_value=0, max_value=20, max_denominator=4), max_size=2),
    st.one_of(st.none(), st.integers(0, 500)))


def _table(rows, total_at):
    partnerships = [PartnershipInput(f"P{i}", u, v, prev) for i, (u, v, prev) in enumerate(rows)]
    if total_at is not None and len(partnerships) >= 2:  # a real total line among them, sometimes
        at = total_at % (len(partnerships) + 1)
        totals = ColumnTotals.of(partnerships)
        partnerships.insert(at, PartnershipInput("Suffolk", totals.fixed_units, dict(totals.values),
                                                 totals.previous_pence or None))
    return partnerships


@settings(max_examples=300, deadline=None)
@given(st.lists(_row, max_size=6), st.one_of(st.none(), st.integers(0, 10)))
def test_the_total_line_is_found_where_the_check_as_written_finds_it(rows, total_at):
    partnerships = _table(rows, total_at)
    totals = ColumnTotals.of(partnerships)
    for row in range(len(partnerships)):
        found = others_total_message(partnerships, row, totals)
        assert (found is not None) == _as_written(partnerships, row)
        assert found == others_total_message(partnerships, row)  # without the totals given: the same words


def test_a_total_line_among_many_partnerships_is_still_named():
    partnerships = [PartnershipInput(f"P{i}", 1, {"basis": Fraction(i + 1)}, 100 * (i + 1)) for i in range(2000)]
    totals = ColumnTotals.of(partnerships)
    partnerships.append(PartnershipInput("Suffolk", 2000, {"basis": totals.values["basis"]}, totals.previous_pence))
    totals = ColumnTotals.of(partnerships)
    found = [r for r in range(len(partnerships)) if others_total_message(partnerships, r, totals)]
    assert found == [2000]
    assert others_total_message(partnerships, 2000, totals).startswith("“Suffolk” holds the total of the other "
                                                                       "partnerships' figures (2,001,000, £")
