"""A district formed from others, its "same period last year" tried hard (review of commit 06e9e3c).

On 1 April 2019 Waveney and Suffolk Coastal became East Suffolk: East Suffolk's 2019/20 is compared with their
2018/19 figures, summed for a count, as a ratio of the summed numerators and denominators for a percentage, blank
(and said) where one of them has no figure, East Suffolk's own figure winning where it has one. Property tests for
those rules; then the places last year is used besides the comparison (a target in last year's seasonal profile),
and what is said when the predecessors' figures cannot be added up, or when there was only one (a rename).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.demo_data import reference
from safer_desk.services.indicators import PeriodValue

Y17, Y18, Y19 = FinancialYear(2017), FinancialYear(2018), FinancialYear(2019)
EAST, WAVENEY, COASTAL = "district:east-suffolk", "district:waveney", "district:suffolk-coastal"
FIXTURE = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _save(store, ind, area, values):
    svc.save_values(store, ind, area, values, require_red_comments=False)


@pytest.fixture
def suffolk(store):
    reference.add_examples(store)
    count = svc.save_indicator(store, "Domestic abuse incidents", polarity="lower")
    share = svc.save_indicator(store, "Repeat MARAC cases", unit="percentage")
    return store, count, share


# -- the rules, for any figures ----------------------------------------------------------------------------------
MONTH = st.one_of(st.none(), st.integers(0, 5_000))


@FIXTURE
@given(waveney=st.lists(MONTH, min_size=12, max_size=12), coastal=st.lists(MONTH, min_size=12, max_size=12),
       own=st.lists(st.one_of(st.none(), st.integers(0, 5_000)), min_size=12, max_size=12),
       this=st.integers(1, 12))
def test_a_count_s_last_year_is_the_predecessors_sum_to_the_unit_blank_where_one_has_none(
        suffolk, waveney, coastal, own, this):
    store, count, _ = suffolk
    _save(store, count, WAVENEY, [PeriodValue(m.iso, None if x is None else float(x)) for m, x in zip(Y18.months,
                                                                                                         waveney)])
    _save(store, count, COASTAL, [PeriodValue(m.iso, None if x is None else float(x)) for m, x in zip(Y18.months,
                                                                                                         coastal)])
    # East Suffolk's own figures typed for 2018/19 win where it has one (as typed: nothing added to them).
    _save(store, count, EAST, [PeriodValue(m.iso, None if x is None else float(x)) for m, x in zip(Y18.months, own)])
    _save(store, count, EAST, [PeriodValue(m.iso, 10.0 if i < this else None) for i, m in enumerate(Y19.months)])
    v = svc.year_view(store, count, EAST, Y19)
    for i, (w, c, o) in enumerate(zip(waveney, coastal, own)):
        expected = o if o is not None else None if w is None or c is None else w + c
        assert v.values_last[i] == expected, (i, w, c, o)
        made = v.last_derived[i]
        if o is not None:
            assert made is None  # its own figure: nothing of the predecessors'
        elif w is None or c is None:
            # Blank, never one predecessor's alone; and the one without a figure is named for that month.
            lacking = {n for n, x in (("Waveney", w), ("Suffolk Coastal", c)) if x is None}
            if made is not None:
                assert set(made.missing) == lacking
                assert all(n in v.last_year_words() for n in lacking)
    same = [v.values_last[i] for i in range(this)]
    assert v.ytd_last == (None if None in same else svc.Figure(float(sum(same))))
    if v.ytd_last is not None:
        assert v.change.difference == 10 * this - sum(same)


@FIXTURE
@given(parts=st.lists(st.tuples(st.integers(0, 40), st.integers(1, 40), st.integers(0, 40), st.integers(1, 40)),
                      min_size=12, max_size=12))
def test_a_percentage_s_last_year_is_the_ratio_of_the_summed_parts_never_the_mean(suffolk, parts):
    store, _, share = suffolk
    parts = [(min(a, b), b, min(c, d), d) for a, b, c, d in parts]
    _save(store, share, WAVENEY, [PeriodValue(m.iso, numerator=a, denominator=b) for m, (a, b, _, _) in
                                  zip(Y18.months, parts)])
    _save(store, share, COASTAL, [PeriodValue(m.iso, numerator=c, denominator=d) for m, (_, _, c, d) in
                                  zip(Y18.months, parts)])
    _save(store, share, EAST, [PeriodValue(m.iso, numerator=1, denominator=4) for m in Y19.months])
    v = svc.year_view(store, share, EAST, Y19)
    for i, (a, b, c, d) in enumerate(parts):
        assert v.last_year[i].value == pytest.approx(100 * (a + c) / (b + d))
        assert (v.last_year[i].numerator, v.last_year[i].denominator) == (a + c, b + d)
    num, den = sum(a + c for a, _, c, _ in parts), sum(b + d for _, b, _, d in parts)
    assert v.ytd_last.value == pytest.approx(100 * num / den)


# -- a target in last year's seasonal profile -----------------------------------------------------------------------
def test_a_seasonal_target_follows_the_predecessors_last_year(suffolk):
    """East Suffolk's 2019/20 target, 1,500 in last year's seasonal profile: last year is Waveney's and Suffolk
    Coastal's 2018/19, as the grid beside it shows, not refused as a year with no figures."""
    store, count, _ = suffolk
    _save(store, count, WAVENEY, [PeriodValue(m.iso, 100.0 if i < 6 else 50.0) for i, m in enumerate(Y18.months)])
    _save(store, count, COASTAL, [PeriodValue(m.iso, 50.0) for m in Y18.months])
    svc.set_target(store, count, EAST, Y19, kind="annual", value=1500, profile="seasonal")
    target = svc.get_target(store, count, EAST, Y19)
    assert target.profile == "seasonal"
    # 150 a month for six months, then 100: 1,500 in all, 900 of it by September.
    trajectory = [target.trajectory[m.iso] for m in Y19.months]
    assert trajectory[5] == pytest.approx(900) and trajectory[-1] == 1500


def test_a_seasonal_target_without_every_predecessor_s_figure_says_whose_is_missing(suffolk):
    store, count, _ = suffolk
    _save(store, count, WAVENEY, [PeriodValue(m.iso, 100.0) for m in Y18.months])
    _save(store, count, COASTAL, [PeriodValue(m.iso, 50.0) for m in Y18.months[1:]])
    with pytest.raises(svc.IndicatorError) as refused:
        svc.set_target(store, count, EAST, Y19, kind="annual", value=1500, profile="seasonal")
    assert str(refused.value) == ("Domestic abuse incidents: a seasonal trajectory needs every period of 2018/19 "
                                  "entered (for Apr-18 there is no figure for Suffolk Coastal, one of the districts "
                                  "East Suffolk replaced).")


# -- what is said when the predecessors' figures cannot be added up ------------------------------------------------
def test_predecessors_percentages_typed_without_their_parts_say_why_last_year_is_blank(suffolk):
    """Waveney's 30% and Suffolk Coastal's 10% cannot be added up (ratio of sums, never the mean of the two): the
    blank says so, not that one of them has no figure, and the headline does not call the blank their figures."""
    store, _, share = suffolk
    _save(store, share, WAVENEY, [PeriodValue(m.iso, 30.0) for m in Y18.months])
    _save(store, share, COASTAL, [PeriodValue(m.iso, 10.0) for m in Y18.months])
    _save(store, share, EAST, [PeriodValue(m.iso, 20.0) for m in Y19.months[:3]])
    v = svc.year_view(store, share, EAST, Y19)
    assert v.values_last == [None] * 12 and v.change is None
    words = v.last_year_words()
    assert words == ("2018/19: Suffolk Coastal and Waveney; not added up: their percentages are not all given with a "
                     "numerator and denominator, and are never averaged"), words
    tip = v.last_year_tooltip(0)
    assert "numerators and denominators" in tip and "others' figures alone" not in tip, tip
    assert "Last year's figures are those of" not in v.headline(), v.headline()
    assert "No figures for last year from the districts East Suffolk replaced" in v.headline()
    assert words in v.change_sentence()


def test_a_rate_s_reason_names_counts_and_populations(suffolk):
    store, *_ = suffolk
    rate = svc.save_indicator(store, "Violence per 1,000", unit="rate", rate_per=1000)
    _save(store, rate, WAVENEY, [PeriodValue(m.iso, 1.0) for m in Y18.months])  # no population recorded
    _save(store, rate, COASTAL, [PeriodValue(m.iso, 2.0) for m in Y18.months])
    _save(store, rate, EAST, [PeriodValue(m.iso, 1.5) for m in Y19.months[:3]])
    v = svc.year_view(store, rate, EAST, Y19)
    assert v.values_last[0] is None
    assert "counts and populations" in v.last_year_tooltip(0)


# -- a rename: one district replaced -------------------------------------------------------------------------------
def test_a_renamed_district_s_last_year_is_the_one_it_replaced_said_in_the_singular(store):
    from safer_desk.services import reference as ref

    ref.add_district(store, "Folkestone and Hythe", county="Kent", valid_from="2018-04-01")
    ref.add_district(store, "Shepway", county="Kent", valid_to="2018-03-31", successor="Folkestone and Hythe")
    count = svc.save_indicator(store, "Domestic abuse incidents")
    _save(store, count, "district:shepway", [PeriodValue(m.iso, 7.0) for m in Y17.months])
    _save(store, count, "district:folkestone-and-hythe", [PeriodValue(m.iso, 8.0) for m in Y18.months[:3]])
    v = svc.year_view(store, count, "district:folkestone-and-hythe", Y18)
    assert v.values_last == [7.0] * 12 and v.change.difference == 3
    assert v.last_year_words() == "2017/18: Shepway"
    assert ("Last year's figures are those of the district Folkestone and Hythe replaced (2017/18: Shepway)."
            in v.headline()), v.headline()


def test_the_board_report_says_a_rename_in_the_singular(store):
    from safer_desk.services import reference as ref
    from safer_desk.services.report import build_report

    ref.add_district(store, "Folkestone and Hythe", county="Kent", valid_from="2018-04-01")
    ref.add_district(store, "Shepway", county="Kent", valid_to="2018-03-31", successor="Folkestone and Hythe")
    count = svc.save_indicator(store, "Domestic abuse incidents")
    _save(store, count, "district:shepway", [PeriodValue(m.iso, 7.0) for m in Y17.months])
    _save(store, count, "district:folkestone-and-hythe", [PeriodValue(m.iso, 8.0) for m in Y18.months[:3]])
    doc = build_report(store, year="2018/19", area="Folkestone and Hythe", today=date(2018, 7, 10))
    section = next(s for s in doc.sections if s.title == "Indicators: Folkestone and Hythe")
    said = " ".join(section.paragraphs)
    # One district: nothing summed, so no word of sums and ratios.
    assert ("its 2017/18 figures here (Last year, and the 2017/18 bars) are those of the district it replaced, "
            "Shepway.") in said, said
    assert "districts it replaced" not in said


# -- Compare Areas ---------------------------------------------------------------------------------------------------
def test_compare_areas_does_not_blame_the_predecessors_for_a_year_with_no_figure_yet(suffolk):
    """East Suffolk with no 2019/20 figure yet beside Babergh's: its change is blank as any area's without a figure,
    not "not compared: 2018/19: Suffolk Coastal and Waveney" (their figures are all there)."""
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter

    store, count, _ = suffolk
    _save(store, count, WAVENEY, [PeriodValue(m.iso, 100.0) for m in Y18.months])
    _save(store, count, COASTAL, [PeriodValue(m.iso, 50.0) for m in Y18.months])
    _save(store, count, "district:babergh", [PeriodValue(m.iso, 30.0) for m in Y19.months[:3]])
    presenter = AreaComparisonPresenter(store)
    presenter.load(count, Y19)
    rows = {r.area_id: r for r in presenter.rows}
    assert rows[EAST].figure_text == "No figure recorded"  # 2019/20 is over (round 37 pol: not "No figure yet")
    assert rows[EAST].change_text == ""


# -- the board report's sentence, when some of last year is the district's own ---------------------------------------
def test_the_board_report_does_not_call_its_own_police_counts_the_predecessors(suffolk):
    """Police.uk files count 2018/19's crimes under East Suffolk (today's district): those are its own figures, not
    Waveney's and Suffolk Coastal's added up. The section's sentence names the indicators whose last year is theirs."""
    from safer_desk.services.police_import import load_counts
    from safer_desk.services.report import build_report

    store, count, _ = suffolk
    _save(store, count, WAVENEY, [PeriodValue(m.iso, 100.0) for m in Y18.months])
    _save(store, count, COASTAL, [PeriodValue(m.iso, 50.0) for m in Y18.months])
    _save(store, count, EAST, [PeriodValue(m.iso, 160.0) for m in Y19.months[:8]])
    rows = [("Suffolk Constabulary", m.iso, district, "Burglary", n)
            for m in Y18.months for district, n in (("Waveney", 20), ("Suffolk Coastal", 10))]
    rows += [("Suffolk Constabulary", m.iso, "East Suffolk", "Burglary", 25) for m in Y19.months[:8]]
    load_counts(store, rows, file_name="suffolk.zip", file_sha256="b" * 64)
    burglary = svc.year_view(store, "indicator:burglary", EAST, Y19)
    assert burglary.values_last == [30.0] * 12 and burglary.last_year_words() == ""  # its own, filed by the import
    doc = build_report(store, year="2019/20", area="East Suffolk", today=date(2019, 12, 10))
    section = next(s for s in doc.sections if s.title == "Indicators: East Suffolk")
    said = next(p for p in section.paragraphs if p.startswith("East Suffolk began on"))
    assert "Domestic abuse incidents" in said and "Burglary" in said, said
    assert said.index("Burglary") > said.index("its own"), said


# -- undo while the new district is in view --------------------------------------------------------------------------
def test_undoing_a_predecessor_s_figure_refreshes_the_new_district_s_last_year(suffolk):
    """Suffolk Coastal's 2018/19 typed, then East Suffolk's 2019/20 in view: Edit > Undo of the typing takes its
    figures out of East Suffolk's last year at once, and says Suffolk Coastal has none."""
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.indicators import IndicatorsPresenter

    store, count, _ = suffolk
    _save(store, count, WAVENEY, [PeriodValue(m.iso, 100.0) for m in Y18.months])
    _save(store, count, EAST, [PeriodValue(m.iso, 160.0) for m in Y19.months[:8]])
    log = ActionLog()
    presenter = IndicatorsPresenter(store, perform=log, today=lambda: date(2019, 12, 10))
    presenter.load(COASTAL, Y18)
    assert presenter.choose_indicator(count, lambda *a: True)
    for i in range(12):
        presenter.figures.set_text(svc.GRID_VALUE, i, "50")
    assert presenter.figures.save()
    assert presenter.choose_area(EAST, lambda *a: True) and presenter.choose_year(Y19, lambda *a: True)

    def last_year() -> list[str]:
        return [c.text for c in next(r for r in presenter.figures.grid.rows if r.key == svc.GRID_LAST_YEAR).cells]

    assert last_year() == ["150"] * 12
    log.undo()
    assert presenter.area_id == EAST and last_year() == [""] * 12
    assert "not held in this file: Suffolk Coastal" in presenter.headline()  # none of its figures left
