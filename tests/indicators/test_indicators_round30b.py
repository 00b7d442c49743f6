"""Round 30, follow-ups: a % sign on a count's figure said as such, a percentage's trajectory typed with its % signs,
a sheet's row with no figure said in a sentence, and the performance framework printed by `safer-desk framework`."""

from __future__ import annotations

import csv
import io
from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from tests.cli_run import run

FY10, FY16 = FinancialYear(2010), FinancialYear(2016)
SUFFOLK, PLYMOUTH = "county:suffolk", "district:plymouth"
MARAC = "indicator:repeat-cases-at-marac"


def _indicator_form(store, indicator_id, area_id, year):
    from safer_desk.presenters.indicators import IndicatorForm

    view = svc.year_view(store, indicator_id, area_id, year, today=date(2011, 5, 1))
    return IndicatorForm.make(store, view, area_id, year)


# -- 1. "12.5%" in a count's grid cell ---------------------------------------------------------------------------
def test_a_percentage_typed_in_a_count_s_cell_is_refused_saying_why(demo_window, prompts):
    """An officer types the paper's "12.5%" (a change) in All crime's grid: it was refused as "not a figure (try a
    form like 1,234 or 88.9)", which 12.5% plainly is; the target form says why (it is a count)."""
    tab = demo_window.show_tab("indicators")
    tab.select_area(PLYMOUTH)
    tab.select_year(FY16)
    tab.select_indicator("All crime")
    tab.grid.edit_text("value", 9, "12.5%")
    assert not tab.save_figures()
    text = tab.grid_messages.text()
    assert "“12.5%” is a percentage, but this indicator is a count" in text
    assert "not a figure" not in text


def test_a_percent_sign_on_a_numerator_or_a_rate_says_why(store):
    import pytest

    from safer_desk.domain.checks import NumberError

    rate = svc.get_indicator(store, svc.save_indicator(store, "Admissions", unit="rate", rate_per=100_000))
    share = svc.get_indicator(store, svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher"))
    with pytest.raises(NumberError, match="“12%” is a percentage, but this indicator is a rate per 100,000"):
        svc.parse_figure(rate, "12%")
    with pytest.raises(NumberError, match="“12%” is a percentage, but a numerator is a number counted"):
        svc.parse_figure(share, "12%", svc.GRID_NUMERATOR)
    assert svc.parse_figure(share, "12%") == 12


def test_a_percentage_typed_as_a_count_s_benchmark_says_why(demo_store):
    """Baseline and Benchmarks… of a count (serious violent crime, 1,352 offences): "12%" typed as the regional
    benchmark was refused as "not a number (try a form like 1,234 or 88.9)"; said as the grid and target say it."""
    from safer_desk.presenters.indicator_framework import FrameworkForm

    ind = "indicator:serious-violent-crime-in-a-public-place-where-alcohol-or-substance-misuse-was-a-factor"
    view = svc.year_view(demo_store, ind, SUFFOLK, FY10)
    form = FrameworkForm.make(demo_store, view, SUFFOLK, FY10)
    form.set_value("regional_value", "12%")
    assert not form.save()
    assert form.message("regional_value").startswith("“12%” is a percentage, but this indicator is a count")
    form.set_value("regional_value", "1,290")
    form.set_value("baseline_value", "−3")
    assert not form.save() and form.message("baseline_value") == "A figure here cannot be negative."
    form.set_value("baseline_value", "1,352")
    assert form.save(), form.errors
    assert [(b.kind, b.value) for b in svc.year_view(demo_store, ind, SUFFOLK, FY10).benchmarks] == [
        ("regional", 1290)]


# -- 2. a percentage's trajectory typed with its % signs ---------------------------------------------------------
def test_a_percentage_s_trajectory_takes_its_percent_signs_and_a_count_s_refuses_them(demo_store):
    """The paper's trajectory "29%, 28.5%, 28%" for MARAC repeats was refused as not a trajectory figure, where
    Target figure takes "28%"; on a count the % sign is refused saying why, never read as 29 crimes."""
    form = _indicator_form(demo_store, MARAC, SUFFOLK, FY10)
    form.set_value("target_kind", "trajectory")
    form.set_value("trajectory", "29%, 28.5%, 28%, 28%")
    assert form.save(), form.message("trajectory")
    view = svc.year_view(demo_store, MARAC, SUFFOLK, FY10)
    assert [t for t in view.target_at if t is not None][:4] == [29, 28.5, 28, 28]

    form = _indicator_form(demo_store, "indicator:level-two-ist-incidents-reported", PLYMOUTH, FY16)
    form.set_value("target_kind", "trajectory")
    form.set_value("trajectory", "55%, 108, 162")
    assert not form.save()
    assert "“55%” is a percentage, but this indicator is a count" in form.message("trajectory")


# -- 3. a sheet's row with no figure ------------------------------------------------------------------------------
def test_a_row_with_no_figure_says_it_leaves_the_file_s_figure_as_it_is(store, tmp_path):
    """A blanked value in a sheet is refused "There is no value (or numerator and denominator)", with no full stop
    and nothing said of the figure the file holds: a blank does not clear it."""
    from safer_desk.services.indicators_import import preview_values

    svc.save_indicator(store, "Burglary")
    svc.ensure_area(store, "Babergh", "district")
    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,value,comment\nBurglary,Babergh,2016-04,,Closed for refurbishment\n",
                    encoding="utf-8")
    preview = preview_values(store, path)
    assert len(preview.refused) == 1
    why = preview.refused[0][1]
    assert why.startswith("There is no value (or numerator and denominator)") and why.endswith(".")
    assert "as it is" in why and "grid" in why


# -- 4. safer-desk framework FILE ---------------------------------------------------------------------------------
def _framework(capsys, path):
    code, out, err = run(capsys, "framework", path)
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def test_framework_prints_baselines_benchmarks_milestones_and_withdrawals(demo_path, capsys):
    """`safer-desk indicators` prints figures only: the baselines, benchmarks, milestones, estimated RAGs and
    withdrawn targets of the Baseline and Benchmarks… dialog had no command."""
    code, out, _ = run(capsys, "framework", demo_path)
    assert code == 0
    assert out.splitlines()[0] == ("indicator,area,year,baseline,baseline_year,regional,national,milestone_due,"
                                   "achieved,estimated_rag,withdrawn")
    rows = _framework(capsys, demo_path)
    by = {(r["indicator"], r["area"], r["year"]): r for r in rows}
    safe = by[("People feeling safe and secure in their own homes", "Suffolk", "")]
    assert (safe["baseline"], safe["baseline_year"]) == ("88.75", "2009/10")
    drugs = by[("Adults leaving drug treatment in a planned way", "East Sussex", "2010/11")]
    assert (drugs["regional"], drugs["national"]) == ("48", "43")
    strategic = by[("Produce a Strategic Assessment of Community Safety", "East Sussex", "2012/13")]
    assert (strategic["milestone_due"], strategic["achieved"]) == ("2012-08", "")
    idva = by[("IDVA service users reporting improved safety", "East Sussex", "2011/12")]
    assert idva["estimated_rag"] == "Green"
    confidence = [r for r in rows if r["withdrawn"]]
    assert [(r["area"], r["year"], r["withdrawn"]) for r in confidence] == [
        ("Suffolk", "2010/11", "2010-06-29")]  # as `indicators` names it (s57)


def test_framework_reads_what_the_dialog_saved_and_never_writes(demo_path, capsys):
    from safer_desk.presenters.indicator_framework import FrameworkForm
    from safer_desk.storage.store import open_store

    ind, area = "indicator:alcohol-related-hospital-admissions", "county:east-sussex"
    store = open_store(demo_path)
    try:
        view = svc.year_view(store, ind, area, FY10)
        form = FrameworkForm.make(store, view, area, FY10)
        form.set_value("regional_value", "1,500 per 100,000")
        form.set_value("baseline_value", "1,448")
        form.set_value("baseline_period", "09/10")
        assert form.save(), form.errors
    finally:
        store.close()
    before = demo_path.read_bytes()
    rows = [r for r in _framework(capsys, demo_path) if r["indicator"] == "Alcohol-related hospital admissions"]
    assert [(r["year"], r["baseline"], r["baseline_year"], r["regional"]) for r in rows] == [
        ("2010/11", "1448", "2009/10", "1500")]
    assert demo_path.read_bytes() == before


def test_framework_of_a_file_that_is_not_there_exits_1(tmp_path, capsys):
    code, out, err = run(capsys, "framework", tmp_path / "missing.sqlite")
    assert code == 1 and out == "" and err
