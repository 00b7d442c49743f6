"""Invariants of the disclosure rule as a fund's tables leave the office file (s71): months judged by the victims their
spend was on as well as by those first supported in them (``spans_with_disclosure_control(described=)``), and counts
given by ``count_given`` and ``total_given``. Whatever the rows: the spans cover every row once, in order, so the
totals (victims, money) hold; no span given describes one or two victims or counts one or two first supported, unless
the whole table is one span (a fund of fewer than three in all), and then its count is never given as 1 or 2; a
total never tells a withheld count."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from safer_desk.domain.disclosure import (FEWER_THAN_SMALL, SMALL_NUMBER, count_given, spans_with_disclosure_control,
                                          total_given)

VICTIMS = "abcdefgh"


def small(count: int) -> bool:
    return 0 < count < SMALL_NUMBER


@st.composite
def months(draw):
    """Months of a fund: each victim first supported in one month, with spend in that month and maybe later ones."""
    n = draw(st.integers(0, 12))
    first = {v: draw(st.integers(0, n - 1)) for v in draw(st.sets(st.sampled_from(VICTIMS))) if n}
    described = [set() for _ in range(n)]
    for v, month in first.items():
        described[month].add(v)
        for later in draw(st.sets(st.integers(month, n - 1), max_size=3)) if n else ():
            described[later].add(v)
    counts = [sum(1 for m in first.values() if m == i) for i in range(n)]
    quarters = [i // 3 for i in range(n)]
    return counts, [frozenset(d) for d in described], quarters


def people(described, span) -> int:
    return len(frozenset().union(*(described[i] for i in span)))


@settings(max_examples=300)
@given(months(), st.booleans())
@example(([5, 5, 5, 0, 0], [frozenset("abcde"), frozenset("fghij"), frozenset("klmno"), frozenset("a"),
                             frozenset()], [0, 0, 0, 1, 1]), True)
def test_no_month_given_describes_one_or_two_and_the_totals_hold(case, with_groups):
    counts, described, quarters = case
    spans = spans_with_disclosure_control(counts, quarters if with_groups else None, described)
    assert [i for span in spans for i in span] == list(range(len(counts)))  # each month once, in order
    joined = [sum(counts[i] for i in span) for span in spans]
    assert sum(joined) == sum(counts)
    if any(small(c) or small(people(described, s)) for c, s in zip(joined, spans)):
        assert len(spans) == 1  # only a fund whose months together describe fewer than three
        assert small(people(described, spans[0]))
        assert count_given(joined[0]) not in (1, 2)


@settings(max_examples=150)
@given(months())
def test_months_of_no_small_number_come_back_as_they_were(case):
    counts, described, quarters = case
    if any(small(c) or small(len(d)) for c, d in zip(counts, described)):
        return
    assert spans_with_disclosure_control(counts, quarters, described) == [range(i, i + 1) for i in range(len(counts))]


@settings(max_examples=150)
@given(months())
def test_described_only_ever_joins_more(case):
    """Judging a month by the victims its spend was on as well never gives a month alone that the count alone
    joined: every span of the counts alone lies within one span given."""
    counts, described, quarters = case
    with_described = spans_with_disclosure_control(counts, quarters, described)
    for span in spans_with_disclosure_control(counts, quarters):
        if len(span) > 1:
            assert any(span.start >= s.start and span.stop <= s.stop for s in with_described), (counts, described)


@settings(max_examples=200)
@given(st.lists(st.integers(0, 9), max_size=8))
def test_counts_and_totals_given_never_tell_one_or_two(counts):
    given_out = [count_given(n) for n in counts]
    assert not {1, 2} & {n for n in given_out if isinstance(n, int)}
    total = total_given(counts)
    assert total not in (1, 2)
    if not any(small(n) for n in counts):
        assert total == sum(counts)
    elif isinstance(total, str) and total.startswith("at least "):
        least = int(total.removeprefix("at least "))
        # no more than the total, and less the counts given it leaves at least one for each withheld
        assert least <= sum(counts)
        assert least - sum(n for n in given_out if isinstance(n, int)) == sum(1 for n in counts if small(n))
    else:
        assert total == FEWER_THAN_SMALL and small(sum(counts))


OTHER = "Other items"


@st.composite
def items(draw):
    """A fund's items: each with the victims it was bought for (some an office's summary: none known)."""
    names = draw(st.lists(st.sampled_from(["Locks", "Chain", "Alarm", "Viewer", "Letterbox", OTHER]), unique=True,
                          max_size=6))
    rows, described = [], {}
    for name in names:
        people = draw(st.frozensets(st.sampled_from(VICTIMS), max_size=5))
        if people or draw(st.booleans()):
            described[name] = people
        rows.append((name, draw(st.integers(len(people), len(people) + 4)), draw(st.integers(0, 10**5))))
    return rows, described


@settings(max_examples=300)
@given(items())
def test_items_keep_the_totals_and_name_none_of_one_or_two(case):
    from safer_desk.domain.disclosure import groups_with_disclosure_control

    rows, described = case
    given_out = groups_with_disclosure_control(rows, described, OTHER)
    assert sum(r[1] for r in given_out) == sum(r[1] for r in rows)
    assert sum(r[2] for r in given_out) == sum(r[2] for r in rows)
    assert all(r in rows and not small(len(described.get(r[0], frozenset()))) for r in given_out if r[0] != OTHER)
    assert sum(1 for r in given_out if r[0] == OTHER) <= 1
    merged = [r for r in rows if r not in given_out or r[0] == OTHER]
    people = frozenset().union(*(described.get(r[0], frozenset()) for r in merged))
    if small(len(people)) and any(r[0] in described for r in merged):
        # only when every item whose victims are known is in it: a fund of fewer than three in all
        assert all(r[0] == OTHER for r in given_out if r[0] in described), (rows, described, given_out)
    if not any(small(len(d)) for d in described.values()):
        assert given_out == rows
