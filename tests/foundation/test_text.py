"""domain.text's LazyPattern: a module's regular expressions compiled when first used (start-up, issue 16)."""

import re
import threading

from safer_desk.domain.text import LazyPattern


def test_a_lazy_pattern_is_compiled_at_its_first_use_and_answers_as_the_compiled_pattern_does():
    lazy = LazyPattern(r"(?P<n>\d+)\s*of\s*(\d+)", re.IGNORECASE)
    assert lazy._compiled is None  # importing its module compiled nothing
    plain = re.compile(r"(?P<n>\d+)\s*of\s*(\d+)", re.IGNORECASE)
    for text in ("3 OF 12 months", "none", "10of 10"):
        assert (lazy.match(text) and lazy.match(text).groups()) == (plain.match(text) and plain.match(text).groups())
    assert lazy._compiled is not None and lazy._compiled.pattern == plain.pattern and lazy.flags == plain.flags
    assert lazy.sub("x", "1 of 2; 3 of 4") == "x; x"
    assert lazy.split("a 1 of 2 b") == plain.split("a 1 of 2 b")
    assert lazy.fullmatch("1 of 2").group("n") == "1"
    assert repr(lazy) == "LazyPattern('(?P<n>\\\\d+)\\\\s*of\\\\s*(\\\\d+)')"


def test_a_lazy_pattern_first_used_by_two_threads_at_once_answers_both():
    lazy = LazyPattern(r"\s+")
    results, start = [], threading.Barrier(4)

    def use():
        start.wait()
        results.append(lazy.sub(" ", "a \t b\n c"))

    threads = [threading.Thread(target=use) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["a b c"] * 4


def test_a_bad_pattern_is_refused_at_its_first_use_with_re_s_own_error():
    lazy = LazyPattern(r"(unclosed")
    try:
        lazy.match("x")
    except re.error as exc:
        assert "missing )" in str(exc)
    else:
        raise AssertionError("a bad pattern matched")
