"""Round 38 (ynd): the board report and `safer-desk indicators --derived` say what a county figure left out lacks.

A county file merged from today's offices holds no figure of the districts they replaced (Suffolk Coastal and Waveney,
until 1 July 2019 here): the board report's derived-figures paragraph said "no figure for Waveney" of a district the
file does not hold at all, as it says of a held district without a figure for the period (Forest Heath's 2019/20 Q1).
It says "not held in this file" of the one, as the Indicators tab says of a county whose districts the file does not
all hold. And `safer-desk indicators --derived` left out a period it could not derive without a word: standard output
is as it was (scripts read it), and each period left out is said once on standard error, in the grid's words, as
`safer-desk budget` warns.
"""

from __future__ import annotations

from datetime import date, timedelta

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.report import build_report
from tests.cli_run import run

FY18, FY19 = FinancialYear(2018), FinancialYear(2019)
TODAY = date(2026, 1, 20)
CHANGED = "East Suffolk, Forest Heath, St Edmundsbury, Suffolk Coastal, Waveney, West Suffolk"


def _suffolk(store, began: str, *, not_held: tuple[str, ...] = (), without: tuple[str, str] | None = None) -> str:
    """Suffolk's districts, the four old ones replaced on ``began``; a quarterly count of 10 a quarter for each district
    that covered the whole quarter, but none at all for the districts ``not_held`` and none for ``without`` (a
    district and a quarter)."""
    for name in ("Babergh", "Ipswich", "Mid Suffolk"):
        ref.add_district(store, name, county="Suffolk")
    last = (date.fromisoformat(began) - timedelta(days=1)).isoformat()
    for new, old in (("East Suffolk", ("Suffolk Coastal", "Waveney")),
                     ("West Suffolk", ("Forest Heath", "St Edmundsbury"))):
        ref.add_district(store, new, county="Suffolk", valid_from=began)
        for name in old:
            ref.add_district(store, name, county="Suffolk", successor=new, valid_to=last)
    ind = svc.save_indicator(store, "Hate incidents", polarity="lower", frequency="quarterly")
    for district, row in svc.district_rows(store).items():
        if row["name"] in not_held:
            continue
        for year in (FY18, FY19):
            for period in svc.year_periods("quarterly", year):
                if (row["name"], period) == without:
                    continue
                if not (svc.outside_dates(store, district, period) or svc.part_way_question(store, district, period)):
                    svc.save_values(store, ind, district, [PeriodValue(period, 10.0)])
    svc.ensure_area(store, "Suffolk", "county")
    return ind


def _derived_paragraph(store) -> str:
    doc = build_report(store, year="2019/20", area="Suffolk", today=TODAY)
    section = next(s for s in doc.sections if s.title == "Indicators: Suffolk")
    return next(p for p in section.paragraphs if p.startswith("Figures marked as derived for Suffolk"))


def test_the_report_says_a_district_the_file_does_not_hold_is_not_held(store):
    _suffolk(store, "2019-07-01", not_held=("Suffolk Coastal", "Waveney"), without=("Forest Heath", "2019-Q1"))
    said = _derived_paragraph(store)
    assert "1 period before the latest could not be derived: no figure for Forest Heath (1); not held in this file: " \
           "Suffolk Coastal (1), Waveney (1)." in said, said
    assert "no figure for Waveney" not in said and "no figure for Suffolk Coastal" not in said


def test_a_held_district_without_a_figure_is_said_as_before(store):
    _suffolk(store, "2019-07-01", without=("Waveney", "2019-Q1"))
    said = _derived_paragraph(store)
    assert said.endswith("1 period before the latest could not be derived: no figure for Waveney (1).")


def test_the_cli_says_each_period_it_leaves_out_on_standard_error(store, capsys):
    _suffolk(store, "2019-06-01")  # a change within Q1 2019/20: that quarter cannot be added up
    path = store.path
    store.close()
    code, out, err = run(capsys, "indicators", path, "--derived")
    assert code == 0
    assert "Hate incidents,Suffolk,2019/20-Q1" not in out
    assert "Hate incidents,Suffolk,2019/20-Q2,50," in out
    assert err.splitlines() == [f"safer-desk: warning: Suffolk (county), 2019/20-Q1: not derived: the membership "
                                f"changed within the period ({CHANGED})"]


def test_the_cli_s_standard_output_is_as_it_was(store, capsys):
    _suffolk(store, "2019-06-01")
    path = store.path
    store.close()
    code, out, _ = run(capsys, "indicators", path, "--derived")
    lines = [x for x in out.splitlines() if x.startswith("Hate incidents,Suffolk,")]
    assert code == 0 and [x.split(",")[2] for x in lines] == \
        ["2018/19-Q1", "2018/19-Q2", "2018/19-Q3", "2018/19-Q4", "2019/20-Q2", "2019/20-Q3", "2019/20-Q4"]
    code, out, err = run(capsys, "indicators", path)  # without --derived nothing is derived, nothing said
    assert code == 0 and err == "" and "Suffolk," not in out.replace("Mid Suffolk", "").replace("East Suffolk", "") \
        .replace("West Suffolk", "")


def test_a_county_the_file_holds_part_of_is_said_once(demo_path, capsys):
    """The example filed with Mid Devon alone of Devon's districts: Devon is said once, not for each of Mid Devon's
    periods (Plymouth, filed under Devon too, is a unitary: none of Devon's districts, so not said)."""
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    ref.add_district(store, "Mid Devon", county="Devon")
    store.close()
    code, out, err = run(capsys, "indicators", demo_path, "--derived")
    assert code == 0 and out.startswith("indicator,area,period,value,derived_from\n")
    # Nor is Babergh CSP's 2025 said: it had no districts then (it ended), so there was nothing to add up.
    assert err.splitlines() == ["safer-desk: warning: Devon (county), every period: not derived: the file does not "
                                "hold every district of Devon (not East Devon, Exeter, North Devon, South Hams and 3 "
                                "more)"]
