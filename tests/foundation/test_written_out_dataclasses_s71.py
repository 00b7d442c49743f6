"""Start-up (issue 16): value classes made on the way to the first screen are written out, not ``@dataclass``es
(Python 3.11 compiles a dataclass's generated methods each time the program starts: 2-5 M instructions a class).
Each must behave exactly as the dataclass it was: compared, hashed, ordered, shown and frozen alike. Each is checked
here against that dataclass, made again from the same fields."""
from __future__ import annotations

import copy
import dataclasses
import itertools
import pickle

import pytest

from safer_desk.domain.money import Cost
from safer_desk.domain.periods import FinancialYear, Month
from safer_desk.domain.projects import BLANK, NO, UNKNOWN, YES, Criterion, ProjectError


def _as_dataclass(name: str, fields: tuple[str, ...], *, order: bool):
    """The dataclass a written-out class was: the same name and fields, no checks."""
    return dataclasses.make_dataclass(name, fields, frozen=True, order=order)


def _same_as_the_dataclass(cls, values: list[tuple], *, order: bool) -> None:
    fields = cls.__match_args__
    old = _as_dataclass(cls.__name__, fields, order=order)
    made = [(cls(*v), old(*v)) for v in values]
    for (new, was) in made:
        assert repr(new) == repr(was).replace("types.", "")
        assert hash(new) == hash(was)
        assert new == cls(*(getattr(new, f) for f in fields)) and not new != cls(*(getattr(new, f) for f in fields))
        assert new != was and (new == was) is False  # another class is never equal, as between dataclasses
        assert (new == (getattr(new, fields[0]),)) is False and new != None  # noqa: E711
        for name in (*fields, "other"):
            with pytest.raises(dataclasses.FrozenInstanceError) as refused:
                setattr(new, name, 1)
            with pytest.raises(dataclasses.FrozenInstanceError) as refused_was:
                setattr(was, name, 1)
            assert str(refused.value) == str(refused_was.value)
            with pytest.raises(dataclasses.FrozenInstanceError):
                delattr(new, name)
        assert copy.copy(new) == new and copy.deepcopy(new) == new and pickle.loads(pickle.dumps(new)) == new
        assert {new: 1}[cls(*(getattr(new, f) for f in fields))] == 1
    for (a, a_was), (b, b_was) in itertools.product(made, repeat=2):
        assert (a == b) is (a_was == b_was) and (a != b) is (a_was != b_was)
        assert (hash(a) == hash(b)) is (hash(a_was) == hash(b_was))
        if order:
            assert (a < b, a <= b, a > b, a >= b) == (a_was < b_was, a_was <= b_was, a_was > b_was, a_was >= b_was)
    if order:
        with pytest.raises(TypeError):
            made[0][0] < made[0][1]  # noqa: B015 - not between classes, as between dataclasses
        assert sorted(n for n, _ in reversed(made)) == sorted((n for n, _ in made),
                                                               key=lambda n: tuple(getattr(n, f) for f in fields))


def test_a_month_is_as_its_dataclass_was():
    _same_as_the_dataclass(Month, [(2016, 4), (2016, 12), (2017, 1), (2016, 4), (1999, 3), (2200, 12)], order=True)
    with pytest.raises(ValueError, match="month must be 1 to 12, not 13"):
        Month(2016, 13)
    with pytest.raises(ValueError, match="year 1850 is out of range"):
        Month(year=1850, month=1)
    assert Month(month=4, year=2016) == Month(2016, 4)
    assert not dataclasses.is_dataclass(Month)  # written out: nothing compiled as it is imported


def test_a_financial_year_is_as_its_dataclass_was():
    _same_as_the_dataclass(FinancialYear, [(2018,), (2019,), (2018,), (1999,), (2020,)], order=True)
    assert FinancialYear(start_year=2018) == FinancialYear(2018) == Month(2018, 5).financial_year
    assert not dataclasses.is_dataclass(FinancialYear)


def test_a_cost_is_as_its_dataclass_was():
    _same_as_the_dataclass(Cost, [("amount", 100, 100), ("range", 100, 200), ("minimum", 100, None),
                                  ("amount", 100, 100), ("range", 0, 0), ("minimum", 5_000_000, None)], order=False)
    with pytest.raises(TypeError):
        Cost.amount(1) < Cost.amount(2)  # noqa: B015 - not ordered, as the dataclass was not
    for kind, low, high, said in (("pound", 1, 1, "unknown kind of cost: pound"),
                                  ("amount", 1, 2, "a single amount has equal minimum and maximum"),
                                  ("range", 2, 1, "a range needs a maximum at least its minimum"),
                                  ("range", 2, None, "a range needs a maximum at least its minimum"),
                                  ("minimum", 2, 3, "a minimum has no maximum")):
        with pytest.raises(ValueError, match=said):
            Cost(kind, low, high)
    assert Cost(kind="range", max_pence=9, min_pence=1) == Cost("range", 1, 9)
    assert Cost.amount(500) == Cost("amount", 500, 500) and not dataclasses.is_dataclass(Cost)


def test_a_criterion_is_as_its_dataclass_was():
    _same_as_the_dataclass(Criterion, [(YES, ""), (YES, "for Ipswich only"), (NO, ""), (BLANK, ""), (YES, ""),
                                       (UNKNOWN, "at this stage")], order=False)
    assert Criterion() == Criterion(BLANK, "") == Criterion(qualifier="", value=BLANK)
    assert repr(Criterion()) == f"Criterion(value={BLANK!r}, qualifier='')"
    with pytest.raises(ProjectError, match="is not a criterion value"):
        Criterion("maybe")
    assert not dataclasses.is_dataclass(Criterion)


def _words(text: str) -> str:
    return "more than £0"


def _get(row: dict) -> object:
    return row["x"]


def test_a_form_field_is_as_its_dataclass_was():
    from safer_desk.presenters.forms import Field, FieldKind

    _same_as_the_dataclass(Field, [
        ("name", "&Name", FieldKind.TEXT, False, (), "", "", False, 10, "", None, None),
        ("name", "&Name", FieldKind.TEXT, True, (), "", "", False, 10, "", None, None),
        ("cost", "&Cost", FieldKind.MONEY, True, (), "e.g. £5,000", "help", True, 5, "a payment", _words, _words),
        ("kind", "&Kind", FieldKind.CHOICE, False, (("a", "A"), ("b", "B")), "", "", False, 10, "", None, None),
        ("name", "&Name", FieldKind.TEXT, False, (), "", "", False, 10, "", None, None)], order=False)
    assert Field("name", "&Name") == Field("name", "&Name", FieldKind.TEXT, False, (), "", "", False, 10, "", None,
                                           None)
    assert Field("a", "A&&&B").plain_label == "A&B" and not dataclasses.is_dataclass(Field)


def test_a_table_column_is_as_its_dataclass_was():
    from safer_desk.presenters.formats import Unit
    from safer_desk.ui.allocation.models import _SignedMoney
    from safer_desk.ui.costs.dhr_page import BlankAs
    from safer_desk.ui.kit.tables import LEFT, RIGHT, Column, money_column

    get = _get
    base = ("x", "X", None, None, LEFT, None, Unit.TEXT, None, None, (), None)
    money = ("x", "X", get, str, RIGHT, get, Unit.MONEY, None, None, (("Y", str),), "Excel's X")
    for cls in (Column, _SignedMoney):
        _same_as_the_dataclass(cls, [base, money, base, ("y", *base[1:])], order=False)
    _same_as_the_dataclass(BlankAs, [(*base, ""), (*base, "Not yet known"), (*money, ""), (*base, "")], order=False)
    assert Column("x", "X") == Column(*base) and money_column("x", "X") == Column("x", "X", align=RIGHT,
                                                                                   unit=Unit.MONEY)
    assert Column(*base) != _SignedMoney(*base) != BlankAs(*base)  # another class, as between the dataclasses
    assert BlankAs("x", "X", blank="none") == BlankAs(*base, "none")
    # replace, for dataclasses.replace: a copy of the same class with the fields changed
    old = _as_dataclass("Column", Column.__match_args__, order=False)
    assert Column(*money).replace(tooltip=None, key="k")._fields() == dataclasses.astuple(
        dataclasses.replace(old(*money), tooltip=None, key="k"))
    kept = BlankAs(*money, "Not yet known").replace(tooltip=None)
    assert type(kept) is BlankAs and kept == BlankAs(*money[:5], None, *money[6:], "Not yet known")
    assert type(_SignedMoney(*base).replace(header="Y")) is _SignedMoney
    with pytest.raises(TypeError):
        Column(*base).replace(nothing=1)
    assert not any(dataclasses.is_dataclass(c) for c in (Column, BlankAs, _SignedMoney))


def test_where_rows_came_from_is_as_its_dataclass_was():
    from safer_desk.services.provenance import NOT_A_COUNTY_FILE, RowOrigins

    old = _as_dataclass("RowOrigins", RowOrigins.__match_args__, order=False)
    for values in (({"p1": "Babergh office"}, True, "Typed in the county file"), ({}, False, "")):
        new, was = RowOrigins(*values), old(*values)
        assert repr(new) == repr(was) and new == RowOrigins(*values) and new != was
        with pytest.raises(TypeError):  # its mapping is a dict: not a key, as the dataclass was not
            hash(new)
        for name in (*RowOrigins.__match_args__, "other"):
            with pytest.raises(dataclasses.FrozenInstanceError, match=f"cannot assign to field '{name}'"):
                setattr(new, name, 1)
    assert NOT_A_COUNTY_FILE == RowOrigins() == RowOrigins({}, False, "") != RowOrigins({}, True, "")
    assert RowOrigins().by_key == {} and RowOrigins().by_key is not RowOrigins().by_key  # a new dict each
    assert not dataclasses.is_dataclass(RowOrigins)


def test_a_set_of_schema_steps_is_as_its_dataclass_was():
    from safer_desk.storage.schema import MigrationSet

    def m001_first(db) -> None:
        pass

    made, again = MigrationSet("core"), MigrationSet("core")
    assert made.steps == [] and made.steps is not again.steps  # a new list each, as default_factory made
    made.step(m001_first)
    assert made != again and made.names() == ["m001_first"]
    again.step(m001_first)
    assert made == again and repr(made) == f"MigrationSet(name='core', steps={made.steps!r})"
    assert made != MigrationSet("projects", list(made.steps)) and (made == ("core", made.steps)) is False
    with pytest.raises(TypeError):  # mutable: not hashable, as the dataclass was not
        hash(made)
    made.name = "renamed"  # not frozen, as the dataclass was not
    assert made.name == "renamed" and not dataclasses.is_dataclass(MigrationSet)
