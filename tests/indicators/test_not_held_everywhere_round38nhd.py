"""Round 38 (nhd): "not held in this file" wherever a county's figure is not derived for a district the file lacks.

A county file merged from today's offices holds no figure of the districts they replaced (Suffolk Coastal and Waveney,
until 1 July 2019 here). The board report's derived-figures paragraph said so (ynd), but two places still said "no
figure … for Suffolk Coastal" of them: the report's "Not given for Suffolk …" sentence and the grid's Source row (and
its tooltip), and so did the grid's Last year tooltip and `safer-desk indicators --derived`'s warnings (in the grid's
words). Each says "not held in this file" of such a district, by the rule the paragraph uses (``districts_not_held``);
a held district without a figure (Forest Heath's Q1) is said as before.
"""

from __future__ import annotations

from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.report import build_report
from tests.cli_run import run
from tests.indicators.test_not_held_words_round38ynd import FY19, TODAY, _suffolk

NOT_HELD = ("Suffolk Coastal", "Waveney")


def _burglary_q1(store, *, names=("Babergh", "Ipswich", "Mid Suffolk", "St Edmundsbury", "Forest Heath")) -> None:
    """A second indicator with figures for Q1 2019/20 only, of these districts: Suffolk's section leaves it out."""
    ind = svc.save_indicator(store, "Burglary", polarity="lower", frequency="quarterly")
    for district, row in svc.district_rows(store).items():
        if row["name"] in names:
            svc.save_values(store, ind, district, [PeriodValue("2019-Q1", 5.0)])


def _not_given(store) -> str:
    doc = build_report(store, year="2019/20", area="Suffolk", today=TODAY)
    section = next(s for s in doc.sections if s.title == "Indicators: Suffolk")
    return next(p for p in section.paragraphs if p.startswith("Not given for Suffolk"))


def _source_q1(store) -> svc.GridCell:
    suffolk = next(a for a in svc.list_areas(store) if a.name == "Suffolk")
    ind = next(i for i in svc.list_indicators(store) if i.name == "Hate incidents")
    return svc.entry_grid(store, ind.id, suffolk.id, FY19, today=TODAY).row(svc.GRID_SOURCE).cells[0]


def test_the_not_given_sentence_says_a_district_the_file_lacks_is_not_held(store):
    _suffolk(store, "2019-07-01", not_held=NOT_HELD)
    _burglary_q1(store, names=("Babergh", "Ipswich", "Mid Suffolk", "St Edmundsbury"))
    said = _not_given(store)
    assert said.endswith("Burglary (no figure for Forest Heath in Q1 2019/20; not held in this file: Suffolk Coastal "
                         "in Q1 2019/20 and Waveney in Q1 2019/20)."), said
    assert "no figure for Suffolk Coastal" not in said and "Waveney in Q1 2019/20 and" not in said


def test_the_not_given_sentence_with_only_districts_the_file_lacks(store):
    _suffolk(store, "2019-07-01", not_held=NOT_HELD)
    _burglary_q1(store)
    said = _not_given(store)
    assert said.endswith(": Burglary (not held in this file: Suffolk Coastal in Q1 2019/20 and Waveney in "
                         "Q1 2019/20)."), said
    assert "no figure for" not in said


def test_the_not_given_sentence_for_a_held_district_is_as_before(store):
    _suffolk(store, "2019-07-01")  # every district held: Waveney merely has no Burglary figure
    _burglary_q1(store, names=("Babergh", "Ipswich", "Mid Suffolk", "St Edmundsbury", "Forest Heath",
                               "Suffolk Coastal"))
    said = _not_given(store)
    assert said.endswith(": Burglary (no figure for Waveney in Q1 2019/20)."), said


def test_the_grid_s_source_row_says_a_district_the_file_lacks_is_not_held(store):
    _suffolk(store, "2019-07-01", not_held=NOT_HELD, without=("Forest Heath", "2019-Q1"))
    cell = _source_q1(store)
    assert cell.text == "Not derived: no figure was recorded for Forest Heath; not held in this file: " \
                        "Suffolk Coastal, Waveney"
    assert cell.tooltip == "Suffolk's figure is worked out from its districts' figures, and this one cannot be: no " \
                           "figure was recorded for Forest Heath; not held in this file: Suffolk Coastal, Waveney."


def test_the_grid_s_source_row_with_only_districts_the_file_lacks(store):
    _suffolk(store, "2019-07-01", not_held=NOT_HELD)
    assert _source_q1(store).text == "Not derived: not held in this file: Suffolk Coastal, Waveney"


def test_the_grid_s_source_row_for_a_held_district_is_as_before(store):
    _suffolk(store, "2019-07-01", without=("Waveney", "2019-Q1"))
    assert _source_q1(store).text == "Not derived: no figure was recorded for Waveney"


def test_the_grid_s_last_year_tooltip_says_a_district_the_file_lacks_is_not_held(store):
    """Suffolk's 2019/20 grid: its Last year row (2018/19, when Suffolk Coastal and Waveney were members) is blank,
    and pointing at it says why in the same words."""
    _suffolk(store, "2019-07-01", not_held=NOT_HELD)
    suffolk = next(a for a in svc.list_areas(store) if a.name == "Suffolk")
    ind = next(i for i in svc.list_indicators(store) if i.name == "Hate incidents")
    cell = svc.entry_grid(store, ind.id, suffolk.id, FY19, today=TODAY).row(svc.GRID_LAST_YEAR).cells[0]
    assert cell.text == "" and cell.tooltip == "Blank: not held in this file: Suffolk Coastal, Waveney."


def test_the_cli_warns_in_the_grid_s_words(store, capsys):
    _suffolk(store, "2019-07-01", not_held=NOT_HELD, without=("Forest Heath", "2019-Q1"))
    path = store.path
    store.close()
    code, out, err = run(capsys, "indicators", path, "--derived")
    assert code == 0 and "Hate incidents,Suffolk,2019/20-Q2,50," in out
    lines = err.splitlines()
    assert "safer-desk: warning: Hate incidents, Suffolk (county), 2018/19-Q1: not derived: not held in this file: " \
           "Suffolk Coastal, Waveney" in lines
    assert "safer-desk: warning: Hate incidents, Suffolk (county), 2019/20-Q1: not derived: no figure was recorded " \
           "for Forest Heath; not held in this file: Suffolk Coastal, Waveney" in lines
    assert "no figure was recorded for Suffolk Coastal" not in err
