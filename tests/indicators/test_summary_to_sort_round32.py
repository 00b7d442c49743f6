"""The summary's To column sorts by when its period ends, not by its label's letters (round 32, lead): "Nov-16"
sorted before "Oct-16", and a quarterly indicator's "Q3" among the months by its letter."""

from types import SimpleNamespace

from safer_desk.ui.indicators.models import summary_columns


def _row(done: int, of: int):
    return SimpleNamespace(view=SimpleNamespace(periods_to_date=done, periods=[""] * of))


def test_the_to_column_orders_by_how_far_into_the_year_its_period_ends():
    to = next(c for c in summary_columns() if c.key == "to")
    october, november, third_quarter, nothing = _row(7, 12), _row(8, 12), _row(3, 4), _row(0, 12)
    ordered = sorted([third_quarter, november, nothing, october], key=to.raw)
    assert ordered == [nothing, october, november, third_quarter]
