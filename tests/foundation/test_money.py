from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain.money import (Cost, MoneyError, format_money, format_pounds_plain, parse_cost, parse_pence,
                                     split_by_weights, split_equally)


@pytest.mark.parametrize("text, pence", [
    ("£1,234.56", 123456), ("1234.56", 123456), ("£589,608", 58960800), ("-£6,957", -695700),
    ("(6,957)", -695700), ("£30K", 3000000), ("£30k", 3000000), ("£105K", 10500000), ("£2m", 200000000),
    ("£ 2,900,692.00", 290069200), ("£145,034.60", 14503460), ("7525.58", 752558), ("0", 0), ("£0.05", 5),
    ("approx £50,000", 5000000), ("£-6,957", -695700), ("1.5", 150), ("£1.5K", 150000),
])
def test_parses_what_people_type(text, pence):
    assert parse_pence(text) == pence


def test_point_as_thousands_separator_is_queried_with_a_suggestion():
    # Seed 000, Suffolk Recre8: "Volunteer/staff training and expenses £3.250" means £3,250.
    with pytest.raises(MoneyError) as err:
        parse_pence("£3.250")
    assert "£3,250" in str(err.value)
    assert "£3.250" in str(err.value)


@pytest.mark.parametrize("text", ["£0.004", "20000.999", "1234.567", "£0.125"])
def test_three_decimals_that_cannot_be_a_thousands_group_are_refused_without_a_silly_suggestion(text):
    # "£0.004" was queried "if it means £4, type £4", and "20000.999" as £20,000,999: only one to three digits
    # before the point, not starting with 0, can be a group of thousands typed with a point.
    with pytest.raises(MoneyError, match="more than two decimal places") as err:
        parse_pence(text)
    assert "if it means" not in str(err.value)


@pytest.mark.parametrize("text, suggestion", [("£12.500", "£12,500"), ("125.000", "£125,000"), ("3.250", "£3,250")])
def test_one_to_three_digits_then_three_after_the_point_are_queried(text, suggestion):
    with pytest.raises(MoneyError, match="point followed by three digits") as err:
        parse_pence(text)
    assert suggestion in str(err.value)


@pytest.mark.parametrize("text", ["12,34", "abc", "£1.2.3", "£1.234,56", "1,2345", "£", "--5", "£12.345.678",
                                  "(-500)", "(-£20)", "(−£20)"])
def test_malformed_amounts_are_refused_naming_the_text(text):
    with pytest.raises(MoneyError) as err:
        parse_pence(text)
    assert text.strip() in str(err.value)


def test_empty_is_refused():
    with pytest.raises(MoneyError):
        parse_pence("  ")


def test_costs_amount_range_minimum():
    assert parse_cost("£125,000") == Cost.amount(12500000)
    assert parse_cost("£54,372 - £62,372") == Cost("range", 5437200, 6237200)
    assert parse_cost("£30,000 – £38,000") == Cost("range", 3000000, 3800000)
    assert parse_cost("Minimum £50,000") == Cost("minimum", 5000000, None)
    assert parse_cost("£50,000+") == Cost("minimum", 5000000, None)
    assert parse_cost("Minimum £50,000").describe() == "Minimum £50,000"
    assert parse_cost("£54,372 - £62,372").describe() == "£54,372 - £62,372"
    with pytest.raises(MoneyError):
        parse_cost("£62,372 - £54,372")
    with pytest.raises(MoneyError):
        parse_cost("-£5")


@pytest.mark.parametrize("text", ["up to £30,000", "Up to £30K", "Maximum £30,000", "no more than £30,000"])
def test_a_cost_with_only_an_upper_figure_is_refused_saying_so(text):
    with pytest.raises(MoneyError, match="gives only an upper figure") as err:
        parse_cost(text)
    assert "is not an amount" not in str(err.value)


def test_formatting_en_gb():
    assert format_money(6376800) == "£63,768"
    assert format_money(752558) == "£7,525.58"
    assert format_money(-695700) == "-£6,957"
    assert format_money(14503460) == "£145,034.60"
    assert format_money(100, show_pence=True) == "£1.00"
    assert format_pounds_plain(6376800) == "63768"
    assert format_pounds_plain(752558) == "7525.58"
    assert format_pounds_plain(-695700) == "-6957"
    assert format_pounds_plain(5) == "0.05"
    with pytest.raises(TypeError):
        format_money(1.5)


def test_dhr_cost_split_equally_to_the_penny():
    # Seed 002 §6: £7,525.58 shared equally by the Western Suffolk statutory partners.
    partners = [f"partner {i:02d}" for i in range(11)]
    shares = split_equally(752558, partners)
    assert sum(shares.values()) == 752558
    assert sorted(set(shares.values())) == [68414, 68415]
    assert list(shares.values()).count(68415) == 4


def test_split_by_weights_to_whole_pounds():
    # Seed 000: the variable fee split by BCS comparator offences, exact shares.
    basis = {"Babergh": 2442, "Ipswich": 7937, "Waveney": 4857, "Suffolk Coastal": 3324, "West": 8335}
    parts = split_by_weights(39306900, basis, unit=100)
    assert {k: v // 100 for k, v in parts.items()} == {
        "Babergh": 35690, "Ipswich": 115999, "Waveney": 70985, "Suffolk Coastal": 48580, "West": 121815}


def test_split_refuses_nonsense():
    with pytest.raises(ValueError):
        split_by_weights(100, {"a": -1, "b": 2})
    with pytest.raises(ValueError):
        split_by_weights(100, {"a": 0, "b": 0})
    with pytest.raises(ValueError):
        split_by_weights(100, {})
    assert split_by_weights(0, {}) == {}


keys = st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=12, unique=True)
totals = st.integers(min_value=0, max_value=10**12)


@given(total=totals, names=keys, data=st.data())
def test_weighted_split_adds_up_exactly_and_never_negative(total, names, data):
    weights = {k: data.draw(st.integers(min_value=0, max_value=10**6)) for k in names}
    if sum(weights.values()) == 0:
        weights[names[0]] = 1
    unit = data.draw(st.sampled_from([1, 100]))
    parts = split_by_weights(total, weights, unit=unit)
    assert sum(parts.values()) == total
    assert all(p >= 0 for p in parts.values())
    assert set(parts) == set(weights)


@given(total=totals, names=keys, data=st.data())
def test_weighted_split_does_not_depend_on_input_order(total, names, data):
    weights = {k: data.draw(st.fractions(min_value=0, max_value=1000)) for k in names}
    if sum(weights.values()) == 0:
        weights[names[0]] = Fraction(1)
    shuffled = dict(data.draw(st.permutations(list(weights.items()))))
    assert split_by_weights(total, weights) == split_by_weights(total, shuffled)


@given(total=st.integers(min_value=-10**9, max_value=10**9), names=keys)
def test_equal_split_adds_up_and_parts_differ_by_at_most_a_penny(total, names):
    parts = split_equally(total, names)
    assert sum(parts.values()) == total
    assert max(parts.values()) - min(parts.values()) <= 1
    assert split_equally(total, list(reversed(names))) == parts


@given(pence=st.integers(min_value=-10**12, max_value=10**12))
def test_formatting_round_trips_through_the_parser(pence):
    assert parse_pence(format_money(pence)) == pence
    assert parse_pence(format_pounds_plain(pence)) == pence


@given(total=st.integers(min_value=-10**9, max_value=10**9), names=keys, data=st.data())
def test_whole_number_weights_take_the_integer_path_with_the_same_parts(total, names, data):
    weights = {k: data.draw(st.integers(min_value=0, max_value=10**12)) for k in names}
    if sum(weights.values()) == 0:
        weights[names[0]] = 1
    unit = data.draw(st.sampled_from([1, 100]))
    as_fractions = {k: Fraction(w) for k, w in weights.items()}
    assert split_by_weights(total, weights, unit=unit) == split_by_weights(total, as_fractions, unit=unit)


@pytest.mark.parametrize("typed, pence", [("50p", 50), ("50 p", 50), ("12P", 12), ("1,250p", 1250), ("-50p", -50),
                                          ("(50p)", -50)])
def test_pence_are_read_as_they_are_written(typed, pence):
    # "50p" was refused as "not an amount of money (try a form like £1,234.56)".
    assert parse_pence(typed) == pence


@pytest.mark.parametrize("typed, words", [
    ("1.50p", "“1.50p” is not a whole number of pence (for pounds, type £1.50)."),
    ("£50p", "“£50p” is not an amount of money"),
    ("p", "“p” is not an amount of money"),
])
def test_pence_that_are_not_whole_pence_are_refused(typed, words):
    with pytest.raises(MoneyError) as caught:
        parse_pence(typed)
    assert str(caught.value).startswith(words)


def test_a_table_writes_pence_for_all_its_money_when_any_amount_has_them():
    from safer_desk.domain.money import table_money

    whole = table_money([100_000, 0, None, "Not yet known"])
    assert [whole(v) for v in (100_000, 0, -695_700)] == ["£1,000", "£0", "-£6,957"]
    mixed = table_money([100_000, 68_414, None])
    assert [mixed(v) for v in (100_000, 0, -695_700, 68_414)] == ["£1,000.00", "£0.00", "-£6,957.00", "£684.14"]
    assert table_money([])(0) == "£0"


def test_a_range_with_its_scale_on_the_top_only_is_refused_not_read_as_pounds():
    """'£50-60k' was read as £50 to £60,000 without a word (a paper's range of £50,000 to £60,000, most likely)."""
    from safer_desk.domain.money import MoneyError, parse_cost

    for text, bottom in (("£50-60k", "£50"), ("£500 - £1.2m", "£500")):
        with pytest.raises(MoneyError, match=f"so its bottom would be {bottom}:"):
            parse_cost(text)
    assert parse_cost("£50k-60k") == parse_cost("£50,000 - £60,000") == Cost("range", 5_000_000, 6_000_000)
    assert parse_cost("£5k - 60k") == Cost("range", 500_000, 6_000_000)


def test_a_pound_sign_before_the_brackets_is_a_negative_amount_as_sheets_print_it():
    """'£(6,957)' was 'not an amount of money' outside budgets, where '(£6,957)' and '-6,957' read as -£6,957."""
    assert parse_pence("£(6,957)") == parse_pence("(£6,957)") == parse_pence("£ (6,957.50)") + 50 == -695_700
    with pytest.raises(MoneyError, match="negative twice"):
        parse_pence("£(-6,957)")
    with pytest.raises(MoneyError, match="not an amount of money"):
        parse_pence("£(abc)")


@pytest.mark.parametrize("text", ["-", "\u2212", "\u2013", "about", "£ -"])
def test_a_sign_or_a_word_alone_is_not_an_amount_rather_than_negative_twice(text):
    """'-' alone (as `allocate --pot -` gave it) was refused as "negative twice": the empty rest of the text was
    taken for a second minus. It is no amount of money."""
    with pytest.raises(MoneyError, match="not an amount of money"):
        parse_pence(text)


def test_a_minus_after_the_pound_sign_is_a_negative_cost_not_a_range_with_no_bottom():
    # Round 32: "£-500" was "“£” is not an amount of money", the minus read as a range's dash.
    for typed in ("£-500", "£ -500", "£\u2212500"):
        with pytest.raises(MoneyError, match="cannot be negative"):
            parse_cost(typed)
    assert parse_cost("£500 - £600") == Cost("range", 50_000, 60_000)
