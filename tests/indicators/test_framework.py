"""The papers' performance framework (issue 14), figure by figure from seeds 000, 001, 003 and 004."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from safer_desk.domain import indicators as dom
from safer_desk.domain.indicators import IndicatorError, Rag, describe_source, rag_status
from safer_desk.domain.periods import FinancialYear
from safer_desk.exchange.files import Sheet, write_xlsx
from safer_desk.services import indicators as svc
from safer_desk.services.illustrative import illustrative_rows
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.indicators_import import apply_values, preview_values
from safer_desk.services.report_sections.indicators import board_report_sections

SUFFOLK, EAST_SUSSEX, PLYMOUTH = "county:suffolk", "county:east-sussex", "district:plymouth"
FY08, FY09, FY10, FY11, FY12, FY16 = (FinancialYear(y) for y in (2008, 2009, 2010, 2011, 2012, 2016))


def view(store, name, area, year, **kw):
    return svc.year_view(store, svc.get_indicator(store, name), area, year, **kw)


# -- seed 001 ----------------------------------------------------------------------------------
def test_ni30_17_against_18_is_amber_with_one_point_and_red_relatively(demo_store):
    assert rag_status(17, 18, "higher", 1, "points") is Rag.AMBER
    assert rag_status(17, 18, "higher", 5, "relative") is Rag.RED  # 5.6% short of 18: the old reading
    assert rag_status(16.9, 18, "higher", 1, "points") is Rag.RED
    v = view(demo_store, "NI 30", SUFFOLK, FY10)
    assert v.ytd.value == 17 and v.rag is Rag.AMBER
    assert v.indicator.tolerance_text == "amber within 1 percentage point of target"
    assert "Against target (18% by Q1 2010/11): amber." in v.headline()


def test_tolerance_defaults_to_points_for_a_new_percentage_and_edits_keep_it(store):
    pct = svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    count = svc.save_indicator(store, "Burglary")
    assert svc.get_indicator(store, pct).tolerance_kind == "points"
    assert svc.get_indicator(store, count).tolerance_kind == "relative"
    svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher", tolerance_kind="relative")
    svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher", tolerance_pct=3)  # a dialog
    assert (svc.get_indicator(store, pct).tolerance_kind, svc.get_indicator(store, pct).tolerance_pct) == \
        ("relative", 3)
    rate = svc.save_indicator(store, "Admissions", unit="rate", rate_per=100000)
    svc.save_indicator(store, "Admissions", unit="rate", description="edited without saying the rate")
    assert svc.get_indicator(store, rate).rate_per == 100000
    with pytest.raises(IndicatorError, match="1,000, 10,000 or 100,000"):
        svc.save_indicator(store, "Admissions", unit="rate", rate_per=500)
    with pytest.raises(IndicatorError, match="relative or in points"):
        svc.save_indicator(store, "X", tolerance_kind="percent")


def test_baselines_lt6_and_lt7(demo_store):
    lt6 = view(demo_store, "LT6", SUFFOLK, FY10)
    assert (lt6.baseline.value, lt6.baseline.period) == (88.75, "2009/10")
    assert lt6.indicator.format(lt6.baseline.value) == "88.75%"
    assert "Baseline 88.75% (2009/10)." in lt6.headline()
    lt7 = view(demo_store, "LT7", SUFFOLK, FY10)
    assert lt7.baseline.value == 1352 and "Baseline 1,352." in lt7.headline()
    assert lt7.target_words() == "1,256 in the year"


def test_withdrawn_confidence_target_46_9_against_54_9(demo_store):
    v = view(demo_store, "NI 21", SUFFOLK, FY10)
    assert v.ytd.value == 46.9
    assert v.target.value == 54.9 and v.target.status == "withdrawn" and v.target.withdrawn_on == "2010-06-29"
    assert v.rag is Rag.WITHDRAWN and v.status_label() == "\u25cb Target withdrawn"
    assert v.target_words() == "At least 54.9% (withdrawn 29/06/2010)"
    assert "The target of 54.9% was withdrawn on 29/06/2010: withdrawn by the new Government" in v.headline()
    assert v.target_at == [None] * 4  # never judged against


def test_withdrawing_needs_a_date_and_reason_and_an_edit_keeps_it_withdrawn(store):
    area = svc.ensure_area(store, "Suffolk", "county")
    ind = svc.save_indicator(store, "Confidence", unit="percentage", polarity="higher", frequency="quarterly")
    svc.set_target(store, ind, area, FY10, kind="threshold", value=54.9)
    with pytest.raises(IndicatorError, match="date and the reason"):
        svc.withdraw_target(store, ind, area, FY10, on="29/06/2010", reason=" ")
    svc.withdraw_target(store, ind, area, FY10, on="June 2010", reason="withdrawn by the new Government")
    assert svc.get_target(store, ind, area, FY10).withdrawn_on == "2010-06"
    svc.set_target(store, ind, area, FY10, kind="threshold", value=54.9, note="edited in the dialog")
    t = svc.get_target(store, ind, area, FY10)
    assert t.status == "withdrawn" and t.note == "edited in the dialog"
    assert svc.target_text(svc.get_indicator(store, ind), t, with_reason=True) == \
        "At least 54.9% (withdrawn June 2010: withdrawn by the new Government)"


def test_activity_counts_marac_174_and_home_shield_1242(demo_store):
    marac = view(demo_store, "Cases supported through MARAC", SUFFOLK, FY10)
    assert marac.indicator.measure == "activity" and marac.ytd.value == 174
    assert marac.rag is Rag.GREY and marac.target_words() == "No target (activity count)"
    assert "174 in the 12 months to Q1 2010/11" in marac.headline()
    shield = view(demo_store, "Home Shield referrals", SUFFOLK, FY09)
    assert shield.ytd.value == 1242 and shield.rag.word == "No target"
    with pytest.raises(IndicatorError, match="activity count"):
        svc.set_target(demo_store, shield.indicator.id, SUFFOLK, FY10, kind="annual", value=1300)


# -- seed 004 ----------------------------------------------------------------------------------
def test_estimated_rag_g_with_its_basis(demo_store):
    v = view(demo_store, "IDVA service users reporting improved safety", EAST_SUSSEX, FY11)
    assert v.ytd is None and v.rag is Rag.NO_FIGURE
    assert v.estimate.rag is Rag.GREEN and "made before the 2011/12 outturn was known" in v.estimate.basis
    assert v.status_label() == "Est. \u25cf Green"
    assert "Estimated RAG for 2011/12: green (the portfolio plan's estimate, made before" in v.headline()
    with pytest.raises(IndicatorError, match="basis"):
        svc.set_estimate(demo_store, v.indicator.id, EAST_SUSSEX, FY12, rag="G", basis="")
    with pytest.raises(IndicatorError, match="R, A or G"):
        svc.set_estimate(demo_store, v.indicator.id, EAST_SUSSEX, FY12, rag="blue", basis="x")


def test_tbc_targets_of_safe_from_harm(demo_store):
    name = "\u201cSafe from Harm\u201d service users reporting reduced risk from anti-social behaviour"
    v = view(demo_store, name, EAST_SUSSEX, FY12)
    assert v.target.status == "tbc" and v.rag is Rag.TBC and v.target_words() == "Target to be confirmed"
    assert view(demo_store, name, EAST_SUSSEX, FY11).target.value == 80


def test_the_august_2012_milestone(demo_store):
    name = "Produce a Strategic Assessment of Community Safety"
    before = view(demo_store, name, EAST_SUSSEX, FY12, today=date(2012, 3, 1))
    assert before.target_words() == "By August 2012"
    assert before.rag is Rag.NOT_DUE and before.headline() == "Due by August 2012: not yet due."
    assert view(demo_store, name, EAST_SUSSEX, FY12, today=date(2012, 8, 31)).rag is Rag.NOT_DUE
    assert view(demo_store, name, EAST_SUSSEX, FY12, today=date(2012, 9, 1)).rag is Rag.RED
    ind = svc.get_indicator(demo_store, name)
    svc.set_milestone(demo_store, ind.id, EAST_SUSSEX, FY12, due="August 2012", achieved_on="20/07/2012")
    done = view(demo_store, name, EAST_SUSSEX, FY12, today=date(2013, 1, 1))
    assert done.rag is Rag.GREEN and done.target_words() == "By August 2012; achieved 20/07/2012"
    svc.set_milestone(demo_store, ind.id, EAST_SUSSEX, FY12, due="August 2012", achieved_on="2012-10-02")
    assert view(demo_store, name, EAST_SUSSEX, FY12).rag is Rag.AMBER  # achieved, late
    with pytest.raises(IndicatorError, match="milestone"):
        svc.save_values(demo_store, ind.id, EAST_SUSSEX, [PeriodValue(FY12.label, 1.0)])
    assert view(demo_store, "Collate and analyse community engagement findings to inform the Strategic "
                "Intelligence Assessment, Community Safety Agreement and Police and Crime Commissioner",
                EAST_SUSSEX, FY12).target_words() == "By September 2012"


def test_planned_exits_64_against_regional_48_and_national_43(demo_store):
    v = view(demo_store, "Adults leaving drug treatment in a planned way", EAST_SUSSEX, FY10)
    assert v.ytd.value == 64 and v.rag is Rag.GREEN
    assert [(b.kind, b.label, b.value) for b in v.benchmarks] == [("regional", "Regional", 48),
                                                                   ("national", "National", 43)]
    assert "Compared with: regional 48%, national 43%." in v.headline()
    comparator = view(demo_store, "Re-offending by adults under probation supervision", EAST_SUSSEX, FY10)
    assert [(b.kind, b.label, b.value) for b in comparator.benchmarks] == [("comparator", "Sussex average", 8.7)]


def test_alcohol_admissions_1610_per_100000_an_increase_of_162(demo_store):
    v = view(demo_store, "Alcohol-related hospital admissions", EAST_SUSSEX, FY10)
    assert v.indicator.rate_per == 100000
    assert v.indicator.format(v.ytd.value) == "1,610 per 100,000"
    assert "1,610 per 100,000, an increase of 162 (11.2%)" in v.headline()
    assert v.change.signed_percent() == "+11.2%"
    assert v.population.population == 515500
    assert v.population_text() == "per 100,000 of a population 515,500 (ONS mid-2010 estimate)"
    assert dom.format_value(1448, "rate", rate_per=100000) == "1,448 per 100,000"
    assert dom.format_value(0.5, "rate") == "0.5 per 1,000"


@pytest.mark.parametrize("value, target, unit, polarity, tolerance, kind, shown", [
    (0.845, 0.8, "rate", "lower", 5, "relative", ("0.85 per 1,000", "0.8 per 1,000")),  # red, not "0.8 … 0.8"
    (281 / 1003 * 100, 28, "percentage", "lower", 5, "relative", ("28.02%", "28%")),  # amber, not "28% … 28%"
    (29.404, 28, "percentage", "lower", 5, "relative", ("29.404%", "28%")),  # red: 29.4 would be amber
    (0.42, 5 / 12, "rate", "lower", 5, "relative", ("0.42 per 1,000", "0.417 per 1,000")),  # a computed target
    # What already explains its status is shown as before.
    (29.5, 28, "percentage", "lower", 5, "relative", ("29.5%", "28%")),
    (17, 18, "percentage", "higher", 1, "points", ("17%", "18%")),
    (1610, 1448, "rate", "lower", 5, "relative", ("1,610 per 1,000", "1,448 per 1,000")),
    # green: at or better; not "0.8" twice beside its gap of -0.05 (s73: the three add up as read)
    (0.75, 0.8, "rate", "lower", 5, "relative", ("0.75 per 1,000", "0.8 per 1,000")),
    (0.845, 0.8, "rate", "monitor", 5, "relative", ("0.85 per 1,000", "0.8 per 1,000")),  # a gap of +0.05
])
def test_a_figure_judged_against_its_target_is_shown_so_that_it_reads_as_judged(value, target, unit, polarity,
                                                                               tolerance, kind, shown):
    assert dom.format_against_target(value, target, unit, polarity, tolerance, kind) == shown


def test_marac_cases_228_to_318_an_increase_of_90(demo_store):
    v = view(demo_store, "Cases discussed at MARAC (East Sussex)", EAST_SUSSEX, FY11)
    assert v.indicator.figure_basis == "rolling12" and v.indicator.measure == "activity"
    assert (v.ytd.value, v.ytd_last.value) == (318, 228)
    assert v.change.words() == "an increase of 90 (39.5%) on the same period last year"


def test_no_target_no_figure_yet_and_withdrawn_are_told_apart_in_the_report(demo_store):
    def table_rows(area, year):
        (section,) = board_report_sections(demo_store, year=year, area_id=area, today=date(2012, 3, 1))
        return {r[1]: r for r in section.tables[0].rows}, section

    rows, section = table_rows(SUFFOLK, FY10)
    assert rows["LT7 Serious violent crime in a public place where alcohol or substance misuse was a factor"][0] \
        == "\u25cb No figure recorded"  # a target of 1,256, no 2010/11 figure: not "No target" (nor "yet": 2010/11
    # was over by the report's day, round 37 pol)
    ni21 = [r for k, r in rows.items() if k.startswith("NI 21")][0]
    assert ni21[0] == "\u25cb Target withdrawn" and ni21[3] == "46.9%"
    assert ni21[7] == "At least 54.9% (withdrawn 29/06/2010)"
    assert rows["Cases supported through MARAC"][0] == "\u25cb No target"
    assert [r for k, r in rows.items() if k.startswith("NI 30")][0][0] == "\u25c6 Amber"
    framework = section.tables[1]
    assert any(r[1] == "88.75% (2009/10)" for r in framework.rows)
    rows, section = table_rows(EAST_SUSSEX, FY11)
    assert rows["IDVA service users reporting improved safety"][0] == "Est. \u25cf Green"
    est = [r for r in section.tables[1].rows if r[0] == "IDVA service users reporting improved safety"][0]
    assert est[3].startswith("Green (the portfolio plan's estimate")
    rows, section = table_rows(EAST_SUSSEX, FY12)
    assert rows["Produce a Strategic Assessment of Community Safety"][0] == "\u25cb Not yet due"
    assert rows["Produce a Strategic Assessment of Community Safety"][7] == "By August 2012"
    assert rows["\u201cSafe from Harm\u201d service users reporting reduced risk from anti-social behaviour"][0] \
        == "\u25cb Target to be confirmed"
    rows, section = table_rows(EAST_SUSSEX, FY10)
    admissions = rows["Alcohol-related hospital admissions"]
    assert admissions[3:7] == ["1,610 per 100,000", "1,448 per 100,000", "+162", "+11.2%"]
    # 1,610 per 100,000 is in its row: the sentence says the change (s73)
    assert any("An increase of 162 (11.2%) on 2009/10 (worse)" in p for p in section.paragraphs)
    population = [r for r in section.tables[1].rows if r[0] == "Alcohol-related hospital admissions"][0][5]
    assert population.endswith("\u2020")  # the population is not from the paper
    assert any(p.startswith("\u2020 Illustrative, not from a board paper") for p in section.paragraphs)
    drugs = [r for r in section.tables[1].rows if r[0] == "Adults leaving drug treatment in a planned way"][0]
    assert drugs[2] == "Regional 48% (2010/11); National 43% (2010/11)"


# -- seed 000, Appendix A ------------------------------------------------------------------------
def test_appendix_a_outcomes_are_indicators(demo_store):
    arson = view(demo_store, "Arson offences", SUFFOLK, FY08)
    assert (arson.ytd.value, arson.ytd_last.value) == (459, 543)
    assert arson.change.words() == "a reduction of 84 (15.5%) on the same period last year"  # "reduction of 84"
    damage = view(demo_store, "Criminal damage offences", SUFFOLK, FY08)
    assert (damage.ytd.value, damage.ytd_last.value, damage.change.difference) == (10643, 11650, -1007)
    ni42 = view(demo_store, "NI 42", SUFFOLK, FY08)
    assert ni42.ytd.value == 16.9 and ni42.change is None
    assert ni42.change_sentence() == "a reduction of 0.2 percentage points since Jun-08 (better: lower is better)"
    ppo = view(demo_store, "PPO", SUFFOLK, FY09)
    assert ppo.ytd.value == 137 and ppo.movement.words("Jan-09", "since") == "a reduction of 10 (6.8%) since Jan-09"
    # Rolling and snapshot figures are the latest, never added up.
    assert arson.cumulative[8] == 459 and arson.cumulative[9] is None
    assert arson.range_text() == "Dec-08"


# -- seed 003: the grid rows of the paper ----------------------------------------------------------
def test_the_entry_grid_has_the_papers_rows(demo_store):
    grid = svc.entry_grid(demo_store, svc.get_indicator(demo_store, "All crime").id, PLYMOUTH, FY16)
    assert grid.keys == [svc.GRID_VALUE, svc.GRID_COMMENT, svc.GRID_LAST_YEAR, svc.GRID_CHANGE, svc.GRID_CUMULATIVE,
                         svc.GRID_CUMULATIVE_LAST, svc.GRID_RAG, svc.GRID_SOURCE]
    assert [c.value for c in grid.row(svc.GRID_CHANGE).cells[:8]] == [-317, -108, 204, 223, 251, 123, 5, 189]
    assert grid.row(svc.GRID_CHANGE).label == "Monthly change"
    assert grid.row(svc.GRID_CHANGE).cells[0].text == "\u2212317"
    assert grid.row(svc.GRID_CUMULATIVE).cells[7].text == "12,586"
    assert grid.row(svc.GRID_CUMULATIVE_LAST).cells[11].value == sum(
        [1652, 1684, 1407, 1469, 1386, 1467, 1565, 1386, 1427, 1332, 1334, 1498])
    assert grid.row(svc.GRID_VALUE).cells[0].editable and grid.row(svc.GRID_VALUE).label == "2016/17"
    assert grid.row(svc.GRID_SOURCE).cells[0].text == "Board paper (seed 003)"
    ist = svc.entry_grid(demo_store, svc.get_indicator(demo_store, "L2").id, PLYMOUTH, FY16)
    assert [c.value for c in ist.row(svc.GRID_GAP).cells[:7]] == [-14, -6, 0, 15, -5, -7, -14]
    assert ist.row(svc.GRID_TARGET).cells[11].text == "640"
    sat = svc.entry_grid(demo_store, svc.get_indicator(demo_store, "L2 sat").id, PLYMOUTH, FY16)
    assert sat.row(svc.GRID_NUMERATOR).cells[1].value == 16 and sat.row(svc.GRID_DENOMINATOR).cells[1].value == 18
    assert not sat.row(svc.GRID_VALUE).cells[1].editable  # a ratio's figure comes from its counts
    assert sat.row(svc.GRID_VALUE).cells[1].illustrative  # the counts are invented, the percentages are not
    read_only = svc.entry_grid(demo_store, svc.get_indicator(demo_store, "All crime").id, PLYMOUTH, FY16,
                               read_only=True)
    assert not any(c.editable for r in read_only.rows for c in r.cells)


# -- sources, and nothing written by looking or by saving the same figure ------------------------------
def test_each_figure_keeps_its_source(store, tmp_path):
    area = svc.ensure_area(store, "Babergh")
    ind = svc.save_indicator(store, "Burglary")
    svc.save_values(store, ind, area, [PeriodValue("2016-04", 12.0)])
    assert store.scalar("SELECT source FROM indicator_values") == "typed"
    xlsx = tmp_path / "march-figures.xlsx"
    write_xlsx(xlsx, [Sheet("Figures", ["Indicator", "Area", "Period", "Value"], [["Burglary", "Babergh", "2016-05", 9]])])
    apply_values(store, preview_values(store, xlsx))
    v = svc.year_view(store, ind, area, FY16)
    assert [s.label for s in v.sources[:2]] == ["Typed", "Imported from march-figures.xlsx"]
    # A figure merged into a county file names the office it came from.
    row_id = store.scalar("SELECT id FROM indicator_values WHERE period = '2016-04'")
    with store.transaction():  # as the county merge records it (exchange.county_merge: the export, the row's origin)
        store.conn.execute("INSERT INTO _county_imports(export_id, office_id, office_name, exported_at, exported_by, "
                           "checksum, include_referrals, file_name, imported_at, imported_by, number) VALUES ('e1', "
                           "'o1', 'Babergh office', '2026-01-01', 'x', 'c', 0, 'b.sqlite', '2026-01-02', 'y', 1)")
        store.conn.execute("INSERT INTO _county_origins(table_name, row_key, import_number, row_hash) "
                           "VALUES ('indicator_values', ?, 1, x'00')", (row_id,))
    v = svc.year_view(store, ind, area, FY16)
    assert v.sources[0].kind == "merged" and v.sources[0].label == "Merged from Babergh office (typed)"
    assert describe_source("police.uk").label == "police.uk import"
    assert describe_source("entered").typed  # files written before this change
    assert describe_source("seed 001").label == "Board paper (seed 001)"


def data_version(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA data_version").fetchone()[0]
    finally:
        conn.close()


class Watcher:
    """Another connection to the file: PRAGMA data_version changes when any other connection commits."""

    def __init__(self, path):
        self.conn = sqlite3.connect(path)
        self.first = self.version()

    def version(self) -> int:
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def unchanged(self) -> bool:
        return self.version() == self.first


def test_reading_never_writes(demo_store):
    watcher = Watcher(demo_store.path)
    audit = demo_store.scalar("SELECT count(*) FROM audit_log")
    s = demo_store
    areas = svc.list_areas(s) + svc.list_areas(s, with_values_only=True)
    assert svc.find_area(s, "Western Suffolk CSP").kind == "partnership"
    for area_id, year in ((PLYMOUTH, FY16), (SUFFOLK, FY10), (EAST_SUSSEX, FY11),
                          ("partnership:western-suffolk-csp", FinancialYear(2025)),
                          ("county:suffolk", FinancialYear(2025)), ("district:babergh", FinancialYear(2025))):
        rows = svc.summary(s, area_id, year)
        for r in rows[:6]:
            svc.entry_grid(s, r.indicator.id, area_id, year)
            svc.rolling_12_months(s, r.indicator, area_id)
            svc.target_text(r.indicator, r.view.target)
        svc.years_with_values(s, area_id=area_id)
        svc.membership_by_year(s, area_id, year)
    svc.figure_rows(s, derived=True)
    svc.export_rows(s)
    board_report_sections(s)
    svc.validate_values(s, svc.get_indicator(s, "All crime").id, PLYMOUTH, [PeriodValue("2016-04", 1.0)])
    assert areas and watcher.unchanged()
    assert s.scalar("SELECT count(*) FROM audit_log") == audit


def stored_values(store, indicator_id, area_id, periods) -> list[PeriodValue]:
    """The stored figures of these periods as the grid would send them back (blank ones too)."""
    rows = svc.value_rows(store, indicator_id, area_id, list(periods))
    return [PeriodValue(p, None, None, None, "") if p not in rows else
            PeriodValue(p, rows[p]["value"], rows[p]["numerator"], rows[p]["denominator"], rows[p]["comment"])
            for p in periods]


def test_saving_the_same_figures_again_writes_nothing(demo_store):
    ind = svc.get_indicator(demo_store, "All crime").id
    before = stored_values(demo_store, ind, PLYMOUTH, svc.year_periods("monthly", FY16))
    watcher = Watcher(demo_store.path)
    assert svc.save_values(demo_store, ind, PLYMOUTH, before) == []
    svc.set_comment(demo_store, ind, PLYMOUTH, "2016-04", before[0].comment or "")
    svc.save_indicator(demo_store, "All crime", unit="count", polarity="lower", frequency="monthly",
                       source=svc.get_indicator(demo_store, ind).source)
    t = svc.get_target(demo_store, svc.get_indicator(demo_store, "L2").id, PLYMOUTH, FY16)
    svc.set_target(demo_store, t.indicator_id, PLYMOUTH, FY16, kind="trajectory",
                   trajectory=[t.trajectory[p] for p in sorted(t.trajectory)])
    svc.sync_reference_areas(demo_store)
    assert watcher.unchanged()
    changed = svc.save_values(demo_store, ind, PLYMOUTH, [PeriodValue("2016-04", 1336.0)])
    assert changed == ["2016-04"] and not watcher.unchanged()
    assert demo_store.scalar("SELECT source FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND "
                             "period = '2016-04'", (ind, PLYMOUTH)) == "typed"


def test_changed_values_pairs_each_change_with_what_was_stored(demo_store):
    ind = svc.get_indicator(demo_store, "All crime").id
    stored = stored_values(demo_store, ind, PLYMOUTH, ["2016-04", "2016-05", "2016-12"])
    edits = [stored[0], PeriodValue("2016-05", 1577.0, comment=""), PeriodValue("2016-12", 1400.0, comment="")]
    changes = svc.changed_values(demo_store, ind, PLYMOUTH, edits)
    assert [(new.period, old.value) for new, old in changes] == [("2016-05", 1576.0), ("2016-12", None)]
    with pytest.raises(IndicatorError, match="cannot be negative"):
        svc.changed_values(demo_store, ind, PLYMOUTH, [PeriodValue("2016-05", -1.0)])


def test_a_figure_for_a_reference_partnership_adds_its_area_only_when_saved(store):
    from safer_desk.services import reference as ref

    ref.add_district(store, "Babergh")
    ref.add_partnership(store, "Babergh CSP", districts=["Babergh"])
    assert store.scalar("SELECT count(*) FROM indicator_areas") == 0
    assert [a.id for a in svc.list_areas(store)] == ["partnership:babergh-csp", "district:babergh"]
    ind = svc.save_indicator(store, "Burglary")
    svc.save_values(store, ind, "partnership:babergh-csp", [PeriodValue("2016-04", 4.0)])
    assert store.scalar("SELECT kind FROM indicator_areas WHERE id = 'partnership:babergh-csp'") == "partnership"


def test_invented_example_figures_are_marked_illustrative(demo_store):
    marked = illustrative_rows(demo_store, "indicator_values")
    sat = svc.get_indicator(demo_store, "L2 sat").id
    ids = {r[0] for r in demo_store.rows("SELECT id FROM indicator_values WHERE indicator_id = ?", (sat,))}
    assert ids and ids <= set(marked)  # the satisfaction counts behind the paper's percentages
    assert "percentages" in marked[next(iter(ids))]
    paper = {r[0] for r in demo_store.rows("SELECT id FROM indicator_values WHERE source LIKE 'seed%'")} - ids
    assert not paper & set(marked) - {r[0] for r in demo_store.rows(
        "SELECT id FROM indicator_values WHERE indicator_id = ?", (svc.get_indicator(demo_store, "PPO").id,))}
    assert len(illustrative_rows(demo_store, "indicator_populations")) == 2


def test_an_older_file_keeps_its_indicators_rag_on_upgrade(tmp_path, monkeypatch):
    """Indicators already in a file keep a relative tolerance: a RAG must not change because a file was upgraded."""
    from safer_desk.storage import schema as schema_module
    from safer_desk.storage.schema import MigrationSet
    from safer_desk.storage.schema import indicators as indicator_schema
    from safer_desk.storage.store import open_store

    path = tmp_path / "old.sqlite"
    names = indicator_schema.migrations.names()
    before_step = MigrationSet(indicator_schema.migrations.name,
                               indicator_schema.migrations.steps[:names.index("add_performance_framework")])
    sets = [before_step if s.name == before_step.name else s for s in schema_module.all_sets()]
    steps = {(s.name, n) for s in sets for n in s.names()}
    monkeypatch.setattr(schema_module, "all_sets", lambda: sets)
    monkeypatch.setattr("safer_desk.storage.store.all_sets", lambda: sets)
    monkeypatch.setattr("safer_desk.storage.store.known_steps", lambda: steps)
    old = open_store(path, create=True)
    with old.transaction():
        old.conn.execute("INSERT INTO indicator_areas(id, name, kind) VALUES ('county:suffolk', 'Suffolk', 'county')")
        old.conn.execute("INSERT INTO indicators(id, name, code, unit, polarity, frequency) VALUES "
                         "('indicator:ni-30', 'Re-offending', 'NI 30', 'percentage', 'higher', 'quarterly')")
        old.conn.execute("INSERT INTO indicator_targets(id, indicator_id, area_id, year, kind, value) VALUES "
                         "('t', 'indicator:ni-30', 'county:suffolk', '2010/11', 'threshold', 18)")
        old.conn.execute("INSERT INTO indicator_values(id, indicator_id, area_id, period, value, source) VALUES "
                         "('v', 'indicator:ni-30', 'county:suffolk', '2010-Q1', 17, 'entered')")
    old.close()
    monkeypatch.undo()
    store = open_store(path)
    try:
        ind = svc.get_indicator(store, "NI 30")
        assert (ind.tolerance_kind, ind.tolerance_pct, ind.measure, ind.figure_basis) == \
            ("relative", 5, "performance", "period")
        v = svc.year_view(store, ind, "county:suffolk", FY10)
        assert v.rag is Rag.RED and v.target.status == "set"  # as before the upgrade: 5.6% short of 18%
        assert v.sources[0].label == "Typed"  # "entered", as files before this change say
    finally:
        store.close()


# -- a target of zero --------------------------------------------------------------------------
def test_a_target_of_zero_is_judged_not_read_as_no_target():
    """"No domestic homicides", "no repeat cases": a target of 0 read "○ No target" whatever the figure, because
    how far a figure misses zero cannot be a percentage of it. At or better than zero is green; any figure worse
    than a zero target is beyond every relative tolerance: red."""
    assert rag_status(0, 0, "lower", 5) is Rag.GREEN
    assert rag_status(1, 0, "lower", 5) is Rag.RED
    assert rag_status(0.001, 0, "lower", 50) is Rag.RED
    assert rag_status(3, 0, "higher", 5) is Rag.GREEN
    assert rag_status(0, 0, "higher", 5) is Rag.GREEN
    assert rag_status(-1, 0, "higher", 5) is Rag.RED  # a net change below a target of no loss
    assert rag_status(1, 0, "lower", 1, "points") is Rag.AMBER  # in points the tolerance still applies
    assert rag_status(2, 0, "lower", 1, "points") is Rag.RED
    assert rag_status(1, 0, "monitor", 5) is Rag.MONITOR


def test_a_year_with_a_target_of_zero_shows_red_or_green(store):
    area = svc.ensure_area(store, "Babergh", "district")
    homicides = svc.save_indicator(store, "Domestic homicides", polarity="lower", frequency="annual")
    svc.set_target(store, homicides, area, FY12, kind="annual", value=0)
    svc.save_values(store, homicides, area, [PeriodValue("2012/13", value=0)])
    assert svc.year_view(store, homicides, area, FY12).rag is Rag.GREEN
    with pytest.raises(IndicatorError, match="comment"):  # red needs its comment (DESIGN §2.4)
        svc.save_values(store, homicides, area, [PeriodValue("2012/13", value=1)])
    svc.save_values(store, homicides, area, [PeriodValue("2012/13", value=1, comment="Review under way")])
    v = svc.year_view(store, homicides, area, FY12)
    assert v.rag is Rag.RED and v.period_rags == [Rag.RED]
