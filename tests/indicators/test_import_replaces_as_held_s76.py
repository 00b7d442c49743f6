"""Session 76 (figures): Import Figures' preview showed what a row replaces as the sheet would give it ("86 (typed)",
"16/18 (board paper, seed 003)", a rate's "600 (typed)") beside the Value column's figures as the grid shows them
("85.5%", "94.4% (17 of 18)", "612.5 per 100,000"), and the command's list of figures replaced did the same
("86 (typed) → 85.5"). What a row replaces now reads as the grid shows it too, with its unit and with the places
of the figure replacing it ("86.0%" beside "85.5%", one number of places along the row as the grid's rows read)."""

from __future__ import annotations

from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import preview_values
from tests.indicators.test_import_figures_round25 import _csv


def _office(store):
    area = svc.ensure_area(store, "Mid Suffolk", "district")
    sat = svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    rate = svc.save_indicator(store, "Admissions", unit="rate", rate_per=100000, polarity="lower")
    burglary = svc.save_indicator(store, "Burglary")
    svc.save_values(store, sat, area, [svc.PeriodValue("2016-04", 86.0)])
    svc.save_values(store, sat, area, [svc.PeriodValue("2016-05", None, 16, 18)], source="seed 003")
    svc.save_values(store, rate, area, [svc.PeriodValue("2016-04", 600.0)])
    svc.save_values(store, burglary, area, [svc.PeriodValue("2016-04", 9)])
    return area


def test_what_a_row_replaces_reads_as_the_grid_shows_it(store, tmp_path):
    _office(store)
    path = _csv(tmp_path, "indicator,area,period,value,numerator,denominator\n"
                          "Satisfaction,Mid Suffolk,2016-04,85.5,,\n"
                          "Satisfaction,Mid Suffolk,2016-05,,17,18\n"
                          "Admissions,Mid Suffolk,2016-04,612.5,,\n"
                          "Burglary,Mid Suffolk,2016-04,12,,\n")
    preview = preview_values(store, path)
    assert preview.refused == []
    # was "86 (typed)", "16/18 (board paper, seed 003)", "600 (typed)"
    assert preview.replaces == {2: "86.0% (typed)", 3: "88.9% (16 of 18; board paper, seed 003)",
                                4: "600.0 per 100,000 (typed)", 5: "9 (typed)"}
    assert {g.line: g.shown for g in preview.good} == {2: "85.5%", 3: "94.4% (17 of 18)", 4: "612.5 per 100,000",
                                                       5: "12"}
    assert preview.replaced_lines() == [
        "Line 2: Satisfaction, Mid Suffolk, Apr-16: 86.0% (typed) → 85.5%",
        "Line 3: Satisfaction, Mid Suffolk, May-16: 88.9% (16 of 18; board paper, seed 003) → 94.4% (17 of 18)",
        "Line 4: Admissions, Mid Suffolk, Apr-16: 600.0 per 100,000 (typed) → 612.5 per 100,000",
        "Line 5: Burglary, Mid Suffolk, Apr-16: 9 (typed) → 12"]


def test_a_whole_figure_replacing_a_finer_one_reads_with_its_places(store, tmp_path):
    _office(store)
    svc.save_values(store, "indicator:satisfaction", "district:mid-suffolk", [svc.PeriodValue("2016-06", 85.25)])
    path = _csv(tmp_path, "indicator,area,period,value\nSatisfaction,Mid Suffolk,2016-06,86\n")
    preview = preview_values(store, path)
    assert preview.replaces == {2: "85.25% (typed)"}
    assert [g.shown for g in preview.good] == ["86.00%"]  # was "86%" beside "85.25%"


def test_an_indicators_rows_for_an_area_read_with_one_number_of_places(store, tmp_path):
    _office(store)
    path = _csv(tmp_path, "indicator,area,period,value,numerator,denominator\n"
                          "Satisfaction,Mid Suffolk,2016-07,86,,\n"  # new: was "86%" a line above "85.5%"
                          "Satisfaction,Mid Suffolk,2016-08,85.5,,\n"
                          "Burglary,Mid Suffolk,2016-07,12,,\n")
    preview = preview_values(store, path)
    assert [g.shown for g in preview.good] == ["86.0%", "85.5%", "12"]
