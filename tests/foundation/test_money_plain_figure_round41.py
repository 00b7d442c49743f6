"""Round 41 (start-up, issue 16): a figure of digits, commas and points after a £ ("£2,500", "3.250") is read without
the patterns for cells, spaces, words and signs around a figure (``money._unwrapped``), so a file's stored cost line
read for the register's first screen compiles none of them. Read that way or the whole way, every such text gives
the same pence or the same refusal."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from safer_desk.domain import money
from safer_desk.domain.money import MoneyError, parse_cost, parse_pence

PLAIN = st.text(alphabet="£0123456789,.", min_size=1, max_size=14)


def _outcome(read, text: str):
    try:
        return "read", read(text)
    except MoneyError as exc:
        return "refused", str(exc)


@settings(max_examples=400, deadline=None)
@given(PLAIN)
@example("£3.250")
@example("£2,500")
@example("2,500.50")
@example("1.2.3")
@example("£")
@example("£0")
@example("12,50")
@example("££5")
@example("5£")
def test_a_plain_figure_reads_as_the_whole_reading_reads_it(text):
    fast = _outcome(parse_pence, text), _outcome(parse_cost, text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(money, "_PLAIN_FIGURE", frozenset())  # every text the whole way
        whole = _outcome(parse_pence, text), _outcome(parse_cost, text)
    assert fast == whole


def test_reading_a_plain_figure_compiles_none_of_the_patterns_around_a_figure(monkeypatch):
    compiled = []
    original = money.LazyPattern.__getattr__

    def spy(self, name):
        if self._compiled is None:
            compiled.append(self._args[0])
        return original(self, name)

    monkeypatch.setattr(money.LazyPattern, "__getattr__", spy)
    for name in ("_CELL_BREAKS", "_APPROX_BEFORE", "_APPROX_AFTER", "_NOT_KNOWN_YET", "_NO_FIGURE", "_NIL",
                 "_SHEET_ERROR", "_CREDIT_DEBIT", "_TRAILING_MINUS"):
        monkeypatch.setattr(getattr(money, name), "_compiled", None)
    assert parse_pence("£2,500") == 250000
    with pytest.raises(MoneyError, match="point followed by three digits"):
        parse_pence("£3.250")
    around = {getattr(money, name)._args[0] for name in ("_CELL_BREAKS", "_APPROX_BEFORE", "_APPROX_AFTER",
                                                         "_NOT_KNOWN_YET", "_NO_FIGURE", "_NIL", "_SHEET_ERROR",
                                                         "_CREDIT_DEBIT", "_TRAILING_MINUS")}
    assert not around & set(compiled)
    assert parse_pence("about £2,500") == 250000  # the whole way, as before
    assert around & set(compiled)
