"""The Indicators presenter without a window (issue 11): typed figures kept until saved or discarded,
slips queried beside the cell, one undoable named action, looking never writes; and the tab's words (issue 15)."""

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import AreaGroup, ChartMode, IndicatorsPresenter, month_label
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import indicators as svc

FY16 = FinancialYear(2016)
ALL_CRIME = "indicator:all-crime"
SATISFACTION = "indicator:level-two-ist-incidents-satisfaction"


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def presenter(demo_store, log):
    p = IndicatorsPresenter(demo_store, perform=log, today=lambda: date(2026, 11, 28))
    p.load("district:plymouth", FY16)
    return p


def answers(*choices):
    queue, asked = list(choices), []

    def ask(text):
        asked.append(text)
        return queue.pop(0)

    ask.asked = asked
    return ask


def stored(store, period="2016-04", indicator=ALL_CRIME):
    return store.scalar("SELECT value FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ?",
                        (indicator, "district:plymouth", period))


def version(store):
    return store.conn.total_changes


def test_a_typed_figure_is_kept_until_saved_discarded_or_cancelled(presenter, demo_store, log):
    assert presenter.selected == ALL_CRIME and not presenter.has_unsaved_changes()
    presenter.figures.set_text("value", 8, "1,480")
    assert presenter.has_unsaved_changes()
    assert presenter.describe_unsaved() == "Figures of All crime for Plymouth, 2016/17 have unsaved changes in Dec-16."
    ask = answers(UnsavedChoice.CANCEL)
    assert not presenter.choose_indicator("indicator:anti-social-behaviour", ask)
    assert ask.asked and presenter.selected == ALL_CRIME
    assert presenter.figures.texts[("value", 8)] == "1,480"  # stayed, figure kept
    assert not presenter.choose_year(FinancialYear(2015), answers(UnsavedChoice.CANCEL))
    assert not presenter.choose_area("district:ipswich", answers(UnsavedChoice.CANCEL))
    assert presenter.area_id == "district:plymouth" and presenter.year == FY16
    assert stored(demo_store, "2016-12") is None  # nothing written while asking
    assert presenter.choose_indicator("indicator:anti-social-behaviour", answers(UnsavedChoice.SAVE))
    assert stored(demo_store, "2016-12") == 1480
    assert log.undo_text == "Undo change Dec 2016 of All crime for Plymouth, 2016/17 to 1,480"
    assert log.done[-1].tab == "indicators"
    assert presenter.selected == "indicator:anti-social-behaviour"


def test_discard_throws_the_typed_figure_away_and_goes_on(presenter, demo_store):
    presenter.figures.set_text("value", 0, "2000")
    assert presenter.choose_indicator("indicator:anti-social-behaviour", answers(UnsavedChoice.DISCARD))
    assert stored(demo_store) == 1335
    assert presenter.choose_indicator(ALL_CRIME, answers())
    assert presenter.figures.texts[("value", 0)] == "1,335" and not presenter.has_unsaved_changes()


def test_a_stray_separator_is_queried_beside_the_cell_never_stored(presenter, demo_store, log):
    headline = presenter.view.headline()
    assert "(worse)" in headline
    before = version(demo_store)
    presenter.figures.set_text("value", 0, "1,2,3")
    assert not presenter.save()
    message = presenter.figures.message("value", 0)
    assert "“1,2,3” has a comma where a thousands separator cannot be" in message
    assert presenter.figures.messages()[0].startswith("Apr-16, 2016/17: “1,2,3”")
    assert stored(demo_store) == 1335 and version(demo_store) == before and not log.done
    assert presenter.view.headline() == headline  # still "worse": 123 never replaced 1,335
    presenter.figures.set_text("value", 0, "1,235")  # a thousands separator in its place is fine
    assert presenter.figures.message("value", 0) == ""
    assert presenter.save()
    assert stored(demo_store) == 1235


def test_a_figure_too_large_to_hold_is_refused_beside_the_cell(presenter, demo_store, log):
    # 400 nines typed in a cell became an infinite float, and the count check raised an OverflowError (the window's
    # "Something went wrong") instead of saying what was wrong with the cell.
    before = version(demo_store)
    presenter.figures.set_text("value", 0, "9" * 400)
    assert not presenter.save()
    assert "larger than Safer Desk can hold" in presenter.figures.message("value", 0)
    assert stored(demo_store) == 1335 and version(demo_store) == before and not log.done


def test_a_percentage_over_100_is_asked_about_once_then_kept(presenter, demo_store, log):
    assert presenter.choose_indicator(SATISFACTION, answers())
    assert presenter.figures.cell("value", 0).text.endswith("%")  # one format: "88.9%", never "88.8889"
    editable = [c for c in range(12) if presenter.figures.cell("value", c).editable]
    col = editable[-1]
    presenter.figures.set_text("value", col, "950")
    assert not presenter.save()
    assert "950% is more than 100%" in presenter.figures.message("value", col)
    assert "Save again" in presenter.figures.message("value", col) and not log.done
    presenter.figures.set_text("value", col, "95")
    assert presenter.save()
    assert log.done


def test_undo_puts_back_the_figures_and_names_the_action(presenter, demo_store, log):
    presenter.figures.set_text("value", 0, "1,400")
    presenter.figures.set_text("comment", 0, "Checked with the police analyst")
    assert presenter.save()
    assert stored(demo_store) == 1400 and not presenter.has_unsaved_changes()
    assert presenter.figures.texts[("value", 0)] == "1,400"  # the grid shows the file again
    assert log.undo_text == "Undo change Apr 2016 and Apr 2016 comment of All crime for Plymouth, 2016/17"
    log.undo()
    assert stored(demo_store) == 1335
    assert presenter.figures.texts[("value", 0)] == "1,335"


def test_a_refused_save_says_why_and_keeps_the_figures(presenter, demo_store):
    presenter.figures.set_text("value", 0, "-5")
    assert not presenter.save()
    assert presenter.figures.message("value", 0) == "A figure here cannot be negative."
    assert presenter.has_unsaved_changes() and stored(demo_store) == 1335


def test_looking_at_every_area_year_indicator_and_chart_writes_nothing(demo_store, log):
    before = version(demo_store)
    p = IndicatorsPresenter(demo_store, perform=log)
    p.load()
    for choice in p.area_choices()[:6] + p.search_areas("ips")[:2]:
        assert p.choose_area(choice.id, answers())
        for year in p.years():
            assert p.choose_year(year, answers())
            for row in p.rows:
                assert p.choose_indicator(row.indicator.id, answers())
                for mode in ChartMode:
                    p.chart(mode)
                p.headline(), p.details()
    assert version(demo_store) == before and not log.done


def test_the_area_list_puts_the_office_areas_first_and_the_rest_behind_a_search(presenter):
    choices = presenter.area_choices()
    own = [c for c in choices if c.group is AreaGroup.OWN]
    assert own[0].label == "Suffolk (county)" and "Ipswich" in [c.label for c in own]
    assert choices.index(own[-1]) == len(own) - 1  # own areas first
    labels = [c.label for c in choices]
    assert "Plymouth" in labels and "Birmingham" not in labels  # 140 police-only areas are not listed
    assert "Western Suffolk CSP (partnership, derived)" in labels  # derived areas labelled
    found = presenter.search_areas("birm")
    assert [c.label for c in found] == ["Birmingham"]
    assert presenter.choose_area(found[0].id, answers())
    assert "Birmingham" in [c.label for c in presenter.area_choices()]


def test_chart_labels_legends_and_summary(presenter):
    data = presenter.chart(ChartMode.YEAR)
    assert list(data.series) == ["2016/17", "2015/16"]  # the legend names the years
    assert data.labels[0] == "Apr" and data.labels[-1] == "Mar"
    assert data.summary.startswith("All crime, Plymouth: 2016/17 against 2015/16 by month.")
    assert "latest 1,575 (Nov 2016)" in data.summary and "latest 1,498 (Mar 2016)" in data.summary
    rolling = presenter.chart(ChartMode.ROLLING)
    assert all(len(label.split(" ")) == 2 and label.split(" ")[1].isdigit() for label in rolling.labels)
    assert month_label("2020-03") == "Mar 2020"
    areas = presenter.chart(ChartMode.AREAS)
    assert list(areas.series)[0] == "Plymouth"
    assert "Safer Plymouth (partnership, derived)" in areas.series  # derived areas charted like the others


def test_a_new_empty_file_says_what_to_do(store):
    p = IndicatorsPresenter(store)
    p.load()
    assert p.rows == [] and p.view is None
    assert "Import police data (File > Import Police Data…)" in p.empty_message()
    data = p.chart(ChartMode.YEAR)
    assert data.series == {} and data.empty
    assert p.headline() == ""  # what to do is said once, in the chart's place (round 33 ism), not again here


def test_read_only_cells_cannot_be_typed_in(demo_store):
    p = IndicatorsPresenter(demo_store, read_only=True)
    p.load("district:plymouth", FY16)
    assert not p.figures.cell("value", 8).editable
    assert not p.save() or not p.has_unsaved_changes()


def test_paste_from_excel_fills_the_editable_cells(presenter):
    assert presenter.figures.paste("value", 8, [["1,500", "1600", "", "1,700"]]) == 4
    assert presenter.figures.describe_unsaved().endswith("in Dec-16, Jan-17, Mar-17.")
    assert presenter.figures.texts[("value", 9)] == "1600"


def test_the_framework_shows_as_the_services_give_it(demo_store):
    """East Sussex (paper 004): estimated RAG with its basis, milestones by date, Tbc, no figure yet, rates."""
    p = IndicatorsPresenter(demo_store, today=lambda: date(2026, 11, 28))
    p.load("county:east-sussex", FinancialYear(2011))
    status = {r.indicator.name: r.view.status_label() for r in p.rows}
    assert status["IDVA service users reporting improved safety"] == "Est. \u25cf Green"
    est = next(r for r in p.rows if r.indicator.name == "IDVA service users reporting improved safety")
    assert est.view.estimate.basis  # shown beside the RAG (its tooltip) and in the headline
    assert p.choose_year(FinancialYear(2012), answers())
    words = {r.indicator.name: (r.view.status_label(), r.view.target_words()) for r in p.rows}
    assert words["Produce a Strategic Assessment of Community Safety"][1] == "By August 2012"
    # not "No target"; nor "yet": 2012/13 is over by the day it is looked at (round 37 pol)
    assert words["IDVA service users reporting improved safety"][0] == "\u25cb No figure recorded"
    assert words["Cases discussed at MARAC (East Sussex)"][1] == "No target (activity count)"
    assert p.choose_year(FinancialYear(2010), answers())
    alcohol = next(r for r in p.rows if r.indicator.name == "Alcohol-related hospital admissions")
    assert alcohol.indicator.format(alcohol.view.ytd.value) == "1,610 per 100,000"
    assert p.choose_indicator(alcohol.indicator.id, answers())
    assert "per 100,000" in p.details()


def test_the_indicator_form_writes_only_when_saved_and_undoes_by_name(demo_store, log):
    from safer_desk.presenters.indicators import IndicatorForm

    before = version(demo_store)
    shown = []
    form = IndicatorForm.make(demo_store, None, "district:plymouth", FY16, perform=log, after=shown.append)
    assert form.title == "New indicator" and "Nothing is written until you save" in form.heading
    form.set_value("name", "Arson")
    form.set_value("target_kind", "annual")
    form.set_value("target_value", "1,2,0")
    assert not form.save()
    assert "has a comma where a thousands separator cannot be" in form.message("target_value")
    assert version(demo_store) == before and not log.done
    form.set_value("target_value", "")
    assert not form.save() and form.message("target_value") == "Give the target's figure (or choose No target)."
    form.set_value("target_value", "120")
    assert form.save()
    assert shown == ["indicator:arson"] and log.undo_text == "Undo save indicator Arson"
    assert svc.get_target(demo_store, "indicator:arson", "district:plymouth", FY16).value == 120
    log.undo()
    assert demo_store.scalar("SELECT count(*) FROM indicators WHERE id = 'indicator:arson'") == 0


def test_the_indicator_form_keeps_the_description_and_the_targets_note_it_does_not_show(demo_store, log):
    """Found looking for the lost comment's kind elsewhere: saving the Indicator and Target dialog (its tolerance
    changed) blanked the indicator's description and its target's note ("No more than 28% by March 2011"),
    neither of which the dialog shows."""
    from safer_desk.presenters.indicators import IndicatorForm

    marac, suffolk, year = "indicator:repeat-cases-at-marac", "county:suffolk", FinancialYear(2010)
    described = svc.get_indicator(demo_store, marac).description
    noted = svc.get_target(demo_store, marac, suffolk, year)
    assert described.startswith("Percentage of cases considered by MARAC") and noted.note
    form = IndicatorForm.make(demo_store, svc.year_view(demo_store, marac, suffolk, year), suffolk, year, perform=log)
    form.set_value("tolerance", "3")
    assert form.save()
    assert svc.get_indicator(demo_store, marac).tolerance_pct == 3
    assert svc.get_indicator(demo_store, marac).description == described
    kept = svc.get_target(demo_store, marac, suffolk, year)
    assert (kept.note, kept.kind, kept.value) == (noted.note, noted.kind, noted.value)
    log.undo()
    assert svc.get_indicator(demo_store, marac).tolerance_pct != 3
    assert svc.get_target(demo_store, marac, suffolk, year) == noted


def test_the_indicator_form_names_the_indicator_and_queries_a_percentage_target(presenter, demo_store, log):
    from safer_desk.presenters.indicators import IndicatorForm

    assert presenter.choose_indicator(SATISFACTION, answers())
    form = IndicatorForm.make(demo_store, presenter.view, presenter.area_id, presenter.year, perform=log)
    assert form.title == "Indicator Level Two “ist” incidents satisfaction and its target for Plymouth, 2016/17"
    form.set_value("target_value", "900")
    assert not form.save() and "900% is more than 100%" in form.message("target_value")
    assert form.save()  # asked once: Save again keeps it
    assert svc.get_target(demo_store, SATISFACTION, "district:plymouth", FY16).value == 900
    form.set_value("trajectory", "1, 2")
    form.set_value("target_kind", "trajectory")
    form.set_value("trajectory", "10, 1,2,3")
    assert not form.save() and "comma" in form.message("trajectory")


def test_the_summary_exports_through_the_one_export_path(presenter, tmp_path):
    import csv

    target = presenter.export_summary(tmp_path / "indicators.csv")
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[0][:4] == ["RAG", "Indicator", "Code", "Year to date"]
    crime = next(r for r in rows if r[1] == "All crime")
    assert crime[0] == "No target" and crime[3] in ("12586", "12586.0") and crime[5] in ("570", "570.0")
    assert presenter.export_summary(tmp_path / "indicators.xlsx").stat().st_size > 0


def test_a_paste_that_does_not_fit_the_year_is_refused_whole(presenter):
    # Twelve months copied from April but pasted from December: four would land in the wrong months and eight
    # would be dropped. Nothing is pasted, and the message says why and what to do.
    before = dict(presenter.figures.texts)
    year = [str(1000 + m) for m in range(12)]
    assert presenter.figures.paste("value", 8, [year]) == 0
    assert presenter.figures.texts == before and not presenter.figures.is_dirty
    message = presenter.figures.form_message
    assert "12 values" in message and "4 months" in message and "Dec-16" in message and "nothing was pasted" in message
    assert presenter.figures.paste("value", 0, [year]) == 12 and presenter.figures.form_message == ""
    assert presenter.figures.paste("value", 12, [["1"]]) == 0 and "nothing was pasted" in presenter.figures.form_message


def test_figures_pasted_down_a_column_never_become_comments(presenter):
    """Two months copied down a column and pasted on April: the second figure went into April's comment."""
    before = dict(presenter.figures.texts)
    for column in ([["1400"], ["1500"]], [["1400"], ["1500"], ["1600"]]):
        assert presenter.figures.paste("value", 0, column) == 0
        assert presenter.figures.texts == before and not presenter.figures.is_dirty
        message = presenter.figures.form_message
        assert f"{len(column)} figures were copied down a column" in message and "run across" in message
        assert "nothing was pasted" in message and "Transpose" in message
    # A block of a row of figures and a row of comments below it: the comments are not figures' row either.
    assert presenter.figures.paste("value", 8, [["1,500", "1,600"], ["Quiet month", ""]]) == 0
    assert "Comment" in presenter.figures.form_message and not presenter.figures.is_dirty
    # Comments pasted from the Comment row itself go there, and one row of comments is no more than one row.
    assert presenter.figures.paste("comment", 8, [["Quiet month", "Busy"]]) == 2
    assert presenter.figures.texts[("comment", 9)] == "Busy" and presenter.figures.texts[("value", 9)] == ""
    assert presenter.figures.paste("comment", 8, [["A"], ["B"]]) == 0 and presenter.figures.texts[("comment", 8)] == \
        "Quiet month"
    # A row of figures with an empty row below it (as Excel copies one) needs no room for the empty one.
    assert presenter.figures.paste("value", 10, [["1,300", "1,200"], ["", ""]]) == 2
    assert presenter.figures.texts[("comment", 10)] == ""


def test_numerators_and_denominators_pasted_down_a_column_land_in_their_rows(presenter):
    presenter.choose_indicator(SATISFACTION, answers())
    # A column of two from the Numerator row is one month's numerator and denominator, not a comment.
    assert presenter.figures.paste("numerator", 6, [["16"], ["18"]]) == 2
    assert presenter.figures.texts[("numerator", 6)] == "16" and presenter.figures.texts[("denominator", 6)] == "18"
    assert presenter.figures.texts[("comment", 6)] == ""
    assert presenter.figures.paste("denominator", 7, [["16"], ["18"]]) == 0
    assert "down a column" in presenter.figures.form_message


def test_a_count_typed_with_a_fraction_is_marked_beside_its_cell(presenter):
    presenter.figures.set_text("value", 8, "12.5")
    assert not presenter.save()
    assert presenter.figures.message("value", 8) == "A count is a whole number."


def test_the_grid_reads_a_typed_figure_by_the_one_rule_the_figures_sheet_uses(presenter, monkeypatch):
    read = []

    def parse_figure(indicator, text, row=svc.GRID_VALUE):
        read.append((indicator.id, text, row))
        return parse(indicator, text, row)

    parse = svc.parse_figure
    monkeypatch.setattr(svc, "parse_figure", parse_figure)
    presenter.figures.set_text("value", 8, "1,480")
    presenter.figures.set_text("value", 9, "12%")
    assert not presenter.save()
    assert read == [(ALL_CRIME, "1,480", svc.GRID_VALUE), (ALL_CRIME, "12%", svc.GRID_VALUE)]
    assert "12%" in presenter.figures.message("value", 9)


def test_a_figure_for_a_month_that_has_not_begun_is_asked_about_once(demo_store, log):
    # Today is 28/11/2026: a figure typed under Jan-27 (one column too far, or next year's sheet) is asked about;
    # November, under way, is not; Save again keeps it.
    p = IndicatorsPresenter(demo_store, perform=log, today=lambda: date(2026, 11, 28))
    p.load("district:plymouth", FinancialYear(2026))
    labels = p.figures.grid.labels
    january, november = labels.index("Jan-27"), labels.index("Nov-26")
    p.figures.set_text("value", november, "1,200")
    p.figures.set_text("value", january, "1,300")
    assert not p.save()
    assert p.figures.message("value", january).startswith("Jan-27 has not begun yet (today is 28/11/2026): is "
                                                         "this the right month?")
    assert not p.figures.message("value", november)
    assert p.save()
    assert stored(demo_store, "2027-01") == 1300 and stored(demo_store, "2026-11") == 1200


def test_every_year_up_to_this_one_can_be_chosen_to_type_its_figures(demo_store, log):
    # Plymouth's figures end in 2016/17: its year list offered 2015/16 and 2016/17 only, so neither 2017/18 nor
    # this year could be chosen to type the figures in (the list held only years that already had some).
    p = IndicatorsPresenter(demo_store, perform=log, today=lambda: date(2026, 11, 28))
    p.load("district:plymouth")
    assert p.year == FY16  # opens on the latest year with figures, as before
    labels = [y.label for y in p.years()]
    # From the year before its first with figures (round 34: the one its first year's are compared with).
    assert labels[0] == "2014/15" and labels[-1] == "2026/27"
    assert labels == [FinancialYear(y).label for y in range(2014, 2027)]
    listed = [r.indicator.id for r in p.rows]
    march = IndicatorsPresenter(demo_store, perform=log, today=lambda: date(2027, 2, 10))
    march.load("district:plymouth")
    assert march.years()[-1] == FinancialYear(2027)  # from January, next year's targets can be set
    assert p.choose_year(FinancialYear(2017), answers())
    assert p.figures.cell("value", 0).editable
    p.figures.set_text("value", 0, "1,234")
    assert p.save()
    assert stored(demo_store, "2017-04") == 1234
    # This year, with no figure yet: the indicators of Plymouth's latest year with figures are listed to type in.
    fresh = IndicatorsPresenter(demo_store, perform=log, today=lambda: date(2026, 11, 28))
    fresh.load("district:plymouth", FinancialYear(2026))
    assert [r.indicator.id for r in fresh.rows] == [i for i in listed if i in [r.indicator.id for r in fresh.rows]]
    assert ALL_CRIME in [r.indicator.id for r in fresh.rows] and fresh.figures.cell("value", 0).editable


def test_a_quarter_that_has_not_begun_is_asked_about_as_a_quarter(demo_store, log):
    # Plymouth's referrals to domestic abuse services are quarterly: Q4 2026/27 is January to March 2027.
    p = IndicatorsPresenter(demo_store, perform=log, today=lambda: date(2026, 11, 28))
    p.load("district:plymouth", FinancialYear(2026))
    referrals = next(r.indicator for r in p.rows if r.indicator.frequency == "quarterly")
    assert p.choose_indicator(referrals.id, answers())
    p.figures.set_text("value", 3, "12")
    assert not p.save()
    assert p.figures.message("value", 3).startswith("Q4 2026/27 has not begun yet (today is 28/11/2026): is this "
                                                    "the right quarter?")


def test_a_new_indicator_named_as_one_already_kept_is_refused_never_written_over_it(presenter, demo_store, log):
    # "New indicator" named "level two “ist” incidents satisfaction" overwrote the percentage indicator of that name
    # with the new form's defaults: its unit became a count and its polarity "lower is better", re-reading every
    # figure (88.9% satisfaction as 88.9 incidents, judged the wrong way round).
    from safer_desk.presenters.indicators import IndicatorForm

    kept = svc.get_indicator(demo_store, SATISFACTION)
    before = version(demo_store)
    form = IndicatorForm.make(demo_store, None, "district:plymouth", FY16, perform=log)
    form.set_value("name", kept.name.lower())
    assert not form.save()
    assert form.message("name") == (f"There is already an indicator called “{kept.name}”: choose it in the list to "
                                    "change it, or give the new one another name.")
    assert version(demo_store) == before and not log.done
    assert svc.get_indicator(demo_store, SATISFACTION) == kept


def test_an_indicator_is_not_renamed_into_another_or_away_from_its_figures(presenter, demo_store, log):
    from safer_desk.presenters.indicators import IndicatorForm

    assert presenter.choose_indicator(SATISFACTION, answers())
    kept = svc.get_indicator(demo_store, SATISFACTION)
    form = IndicatorForm.make(demo_store, presenter.view, presenter.area_id, presenter.year, perform=log)
    form.set_value("name", "All crime")  # another indicator's name: its unit and polarity would be written over
    assert not form.save() and form.message("name").startswith("There is already an indicator called “All crime”")
    form.set_value("name", kept.name.upper())  # the same name in other letters: its own
    assert form.save()
    assert svc.get_indicator(demo_store, SATISFACTION).name == kept.name.upper()
    # A name of its own adds another indicator (the figures stay under this one): it reads like a rename, so it
    # is asked about once.
    form = IndicatorForm.make(demo_store, presenter.view, presenter.area_id, presenter.year, perform=log)
    form.set_value("name", "Victim satisfaction")
    assert not form.save()
    assert form.message("name").startswith("“Victim satisfaction” is a new name: Save adds it as another indicator, "
                                           "and Level Two “ist” incidents satisfaction stays as it is, with its "
                                           "figures")
    assert form.save()
    assert svc.get_indicator(demo_store, "Victim satisfaction").unit == "percentage"
    assert svc.get_indicator(demo_store, SATISFACTION).unit == "percentage"


@pytest.mark.parametrize("area, period, source", [("district:plymouth", "2016-04", "seed 003"),
                                                  (None, None, "police.uk")])
def test_undo_of_a_typed_figure_puts_back_where_the_old_one_came_from(demo_store, log, area, period, source):
    """Undo wrote the old figure back as typed: a paper's figure lost its source, and a police.uk count became a
    typed figure that the next download would no longer update."""
    if area is None:
        area, period = demo_store.one("SELECT area_id, period FROM indicator_values WHERE indicator_id = ? "
                                      "AND source = 'police.uk' ORDER BY period DESC LIMIT 1", (ALL_CRIME,))
    query = "SELECT id, value, source FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ?"
    before = tuple(demo_store.one(query, (ALL_CRIME, area, period)))
    assert before[2] == source
    presenter = IndicatorsPresenter(demo_store, perform=log, today=lambda: date(2026, 11, 28))
    year = FinancialYear.of(date(int(period[:4]), int(period[5:7]), 1))
    presenter.load(area, year)
    assert presenter.choose_indicator(ALL_CRIME, answers())
    column = presenter.figures.grid.view.periods.index(period)
    presenter.figures.set_text("value", column, "1,111")
    assert presenter.figures.save() or presenter.figures.save()
    after = tuple(demo_store.one(query, (ALL_CRIME, area, period)))
    assert after[1:] == (1111.0, "typed")
    log.undo()
    assert tuple(demo_store.one(query, (ALL_CRIME, area, period))) == before
    log.redo()
    assert tuple(demo_store.one(query, (ALL_CRIME, area, period))) == after


def test_a_quarterly_chart_names_the_quarter_not_this_years_quarter_under_last_years_bar(presenter):
    """The ticks read "Q1 2016/17" under both the 2015/16 and the 2016/17 bars, and the summary said "by month"."""
    referrals = next(r for r in presenter.rows if r.indicator.name == "Referrals to domestic abuse services")
    assert presenter.choose_indicator(referrals.indicator.id, answers())
    data = presenter.chart(ChartMode.YEAR)
    assert data.labels == ["Q1", "Q2", "Q3", "Q4"]
    assert " 2016/17 against 2015/16 by quarter." in data.summary
    assert "(Q2 2016/17)" in data.summary  # the series' own periods stay whole where one is named


def test_the_report_charts_quarters_as_q1_to_q4(demo_store):
    from safer_desk.services.report_sections.indicators import board_report_sections

    sections = board_report_sections(demo_store, year=FY16, area_id="district:plymouth")
    chart = next(c for s in sections for c in s.charts if c.title.startswith("Referrals to domestic abuse services"))
    assert chart.categories == ["Q1", "Q2", "Q3", "Q4"]


def every_row_of(store, indicator_id):
    return svc.snapshot_indicator(store, indicator_id)


def test_an_indicator_is_deleted_with_what_it_holds_and_undo_puts_every_row_back(presenter, demo_store, log):
    # An indicator keyed twice or under a name with a slip stayed in every list for good: nothing deleted one.
    figures, areas, targets = svc.indicator_holdings(demo_store, SATISFACTION)
    assert figures and targets
    question = presenter.delete_question(SATISFACTION)
    assert question == ("Delete the indicator “Level Two “ist” incidents satisfaction” with its 6 figures in 1 area "
                        "and 1 target? Edit > Undo brings it back.")
    assert (figures, areas, targets) == (6, 1, 1)
    before = every_row_of(demo_store, SATISFACTION)
    presenter.choose_indicator(SATISFACTION, answers())
    presenter.delete_indicator(SATISFACTION)
    assert every_row_of(demo_store, SATISFACTION) is None
    assert SATISFACTION not in [r.indicator.id for r in presenter.rows] and presenter.selected != SATISFACTION
    assert log.undo_text == "Undo delete indicator Level Two “ist” incidents satisfaction"
    log.undo()
    assert every_row_of(demo_store, SATISFACTION) == before
    assert SATISFACTION in [r.indicator.id for r in presenter.rows]
    log.redo()
    assert every_row_of(demo_store, SATISFACTION) is None


def test_a_read_only_presenter_deletes_nothing(demo_store):
    p = IndicatorsPresenter(demo_store, read_only=True)
    p.load("district:plymouth", FY16)
    changes = version(demo_store)
    p.delete_indicator(ALL_CRIME)
    assert version(demo_store) == changes and svc.snapshot_indicator(demo_store, ALL_CRIME) is not None


def test_the_charts_words_count_figures_in_words(presenter):
    # The chart's summary under it read "2016/17: 8 figure(s), latest 1,575 (Nov 2016)".
    data = presenter.chart(ChartMode.YEAR)
    assert "2016/17: 8 figures, latest 1,575 (Nov 2016)" in data.summary and "(s)" not in data.summary
    from safer_desk.presenters.indicators import typed_figures_question

    class Kept:
        def describe(self):
            return "All crime, Plymouth, Apr-16: typed 1,335, police.uk 1,330"

    assert typed_figures_question([Kept()]).startswith("1 figure typed in (or imported from a sheet) differs from ")


def held(store, period):
    return svc.value_rows(store, ALL_CRIME, "district:plymouth", [period]).get(period)


def test_clearing_a_figure_keeps_the_comment_written_about_it(presenter, demo_store, log):
    """Found by the figures walk: clearing Nov-16's figure of All crime threw away its comment ("Between April and the
    end of November … increased by 570 crimes"), which was never touched."""
    note = held(demo_store, "2016-11")["comment"]
    assert note.startswith("Between April and the end of November")
    presenter.choose_indicator(ALL_CRIME, lambda text: None)
    col = presenter.figures.grid.periods.index("2016-11")
    presenter.figures.set_text(svc.GRID_VALUE, col, "")
    assert presenter.figures.save()
    row = held(demo_store, "2016-11")
    assert row["value"] is None and row["comment"] == note
    assert presenter.figures.cell(svc.GRID_COMMENT, col).text == note
    log.undo()
    assert stored(demo_store, "2016-11") is not None
    presenter.figures.set_text(svc.GRID_VALUE, col, "")  # the figure and its comment both cleared: nothing stays
    presenter.figures.set_text(svc.GRID_COMMENT, col, "")
    assert presenter.figures.save()
    assert held(demo_store, "2016-11") is None


def test_clearing_a_months_numerator_and_denominator_takes_its_percentage_out_too(presenter, demo_store, log):
    """Found by the percentages walk: clearing August's numerator and denominator kept its 75% as a typed
    percentage (the value row, worked out from them and not editable, was read as typed)."""
    assert presenter.choose_indicator(SATISFACTION, answers())
    editor = presenter.figures
    col = editor.grid.periods.index("2016-08")
    stored = svc.value_rows(demo_store, SATISFACTION, "district:plymouth", ["2016-08"])["2016-08"]
    assert stored["numerator"] is not None and not editor.cell(svc.GRID_VALUE, col).editable
    editor.set_text(svc.GRID_NUMERATOR, col, "")
    editor.set_text(svc.GRID_DENOMINATOR, col, "")
    assert editor.save()
    assert svc.value_rows(demo_store, SATISFACTION, "district:plymouth", ["2016-08"]).get("2016-08") is None
    assert presenter.figures.cell(svc.GRID_VALUE, col).text == ""
    log.undo()
    assert svc.value_rows(demo_store, SATISFACTION, "district:plymouth", ["2016-08"])["2016-08"] == stored


def test_a_target_the_paper_states_as_tbc_survives_the_dialog_and_takes_its_figure_when_known(demo_store, log):
    """Saving the dialog of an indicator whose target the paper states as "Tbc" was refused ("Give the target's
    figure"), so nothing else of it could be changed; and a figure typed for it was dropped as the target stayed
    Tbc."""
    from safer_desk.presenters.indicators import IndicatorForm

    ind, area, year = ("indicator:safe-from-harm-service-users-reporting-reduced-risk-from-anti-social-behaviour",
                       "county:east-sussex", FinancialYear(2012))
    assert svc.get_target(demo_store, ind, area, year).status == "tbc"
    form = IndicatorForm.make(demo_store, svc.year_view(demo_store, ind, area, year), area, year, perform=log)
    form.set_value("tolerance", "3")
    assert form.save(), form.form_message
    target = svc.get_target(demo_store, ind, area, year)
    assert (target.status, target.value) == ("tbc", None) and svc.get_indicator(demo_store, ind).tolerance_pct == 3
    form = IndicatorForm.make(demo_store, svc.year_view(demo_store, ind, area, year), area, year, perform=log)
    form.set_value("target_value", "82")
    assert form.save() or form.save()
    target = svc.get_target(demo_store, ind, area, year)
    assert (target.status, target.value) == ("set", 82)
    log.undo()
    assert svc.get_target(demo_store, ind, area, year).status == "tbc"


def test_undo_of_the_dialog_gives_a_withdrawn_target_back_withdrawn(demo_store, log):
    """Undo put a target back without its status: the confidence target the Home Secretary withdrew on
    29 June 2010 came back as set, and was judged again."""
    from safer_desk.presenters.indicators import IndicatorForm

    ind = ("indicator:people-who-agree-the-police-and-local-council-are-dealing-with-the-anti-social-behaviour-"
           "and-crime-issues-that-matter-in-their-area")
    area, year = "county:suffolk", FinancialYear(2010)
    withdrawn = svc.get_target(demo_store, ind, area, year)
    assert withdrawn.status == "withdrawn" and withdrawn.withdrawn_on == "2010-06-29"
    form = IndicatorForm.make(demo_store, svc.year_view(demo_store, ind, area, year), area, year, perform=log)
    form.set_value("tolerance", "2")
    assert form.save() or form.save()
    assert svc.get_target(demo_store, ind, area, year) == withdrawn  # the dialog does not show it: it stays
    log.undo()
    assert svc.get_target(demo_store, ind, area, year) == withdrawn


def indicator_rows(store, indicator_id):
    """Every row the file holds of an indicator (its figures, targets and trajectories among them), ids and all."""
    return svc.snapshot_indicator(store, indicator_id)


def test_a_frequency_is_not_changed_while_figures_of_the_old_frequency_are_held(presenter, demo_store, log):
    """Serious acquisitive crime (20 monthly figures for Plymouth) set to Quarterly was saved: "No figures yet for
    2016/17", gone from the summary, its 20 rows still in the file and shown nowhere."""
    from safer_desk.presenters.indicators import IndicatorForm

    sac = "indicator:serious-acquisitive-crime"
    assert presenter.choose_indicator(sac, answers())
    before, rows = version(demo_store), indicator_rows(demo_store, sac)
    form = IndicatorForm.make(demo_store, presenter.view, presenter.area_id, presenter.year, perform=log)
    form.set_value("frequency", "quarterly")
    assert not form.save() and not form.save()  # refused, not asked: Save again does not keep it
    message = form.message("frequency")
    assert message.startswith("Serious acquisitive crime holds 20 monthly figures (Plymouth)"), message
    assert "another name" in message and "Save again" not in message
    assert version(demo_store) == before and not log.done and indicator_rows(demo_store, sac) == rows
    assert sac in [r.indicator.id for r in svc.summary(demo_store, "district:plymouth", FY16)]
    # The service refuses it too, whoever calls it.
    ind = svc.get_indicator(demo_store, sac)
    with pytest.raises(svc.IndicatorError, match="holds 20 monthly figures"):
        svc.save_indicator(demo_store, ind.name, unit=ind.unit, polarity=ind.polarity, frequency="quarterly")
    assert version(demo_store) == before


def test_a_unit_change_is_asked_about_once_naming_what_it_rereads_and_undo_puts_every_row_back(demo_store, log):
    """All crime set to Percentage was saved without a word: "1,573.25%, an increase of 71.25 percentage points"."""
    from safer_desk.presenters.indicators import IndicatorForm

    l2, area = "indicator:level-two-ist-incidents-reported", "district:plymouth"
    rows = indicator_rows(demo_store, l2)
    before = version(demo_store)
    form = IndicatorForm.make(demo_store, svc.year_view(demo_store, l2, area, FY16), area, FY16, perform=log)
    form.set_value("unit", "percentage")
    assert not form.save()
    message = form.message("unit")
    assert "7 figures and 1 target (Plymouth) as counts" in message and "as percentages" in message, message
    assert message.endswith("Save again to keep it.")
    assert version(demo_store) == before and not log.done
    assert form.save()  # asked once
    assert svc.get_indicator(demo_store, l2).unit == "percentage"
    after = indicator_rows(demo_store, l2)
    assert log.undo_text == "Undo save indicator Level Two “ist” incidents reported"
    log.undo()
    assert indicator_rows(demo_store, l2) == rows
    log.redo()
    assert indicator_rows(demo_store, l2) == after
    # Without the question answered the service does not reinterpret them.
    log.undo()
    ind = svc.get_indicator(demo_store, l2)
    with pytest.raises(svc.IndicatorError, match="7 figures"):
        svc.save_indicator(demo_store, ind.name, code=ind.code, unit="percentage", polarity=ind.polarity,
                           frequency=ind.frequency)
    assert indicator_rows(demo_store, l2) == rows


def test_a_percentage_held_as_numerator_and_denominator_cannot_become_a_count(demo_store, log):
    from safer_desk.presenters.indicators import IndicatorForm

    area = "district:plymouth"
    form = IndicatorForm.make(demo_store, svc.year_view(demo_store, SATISFACTION, area, FY16), area, FY16,
                              perform=log)
    form.set_value("unit", "count")
    assert not form.save() and not form.save()
    assert "6 figures (Plymouth) as numerator and denominator" in form.message("unit"), form.message("unit")
    assert not log.done and svc.get_indicator(demo_store, SATISFACTION).unit == "percentage"


def test_the_indicator_form_undoes_exactly_what_it_changed(demo_store, log):
    """Undo saved the indicator again from its old fields, which worked its tolerance's kind out afresh: a count
    judged in points came back judged relative to its target."""
    from safer_desk.presenters.indicators import IndicatorForm

    arson, area = "indicator:arson-offences", "district:plymouth"
    ind = svc.get_indicator(demo_store, arson)
    svc.save_indicator(demo_store, ind.name, code=ind.code, unit=ind.unit, polarity=ind.polarity,
                       frequency=ind.frequency, source=ind.source, tolerance_pct=2, tolerance_kind="points")
    rows = indicator_rows(demo_store, arson)
    form = IndicatorForm.make(demo_store, svc.year_view(demo_store, arson, area, FY16), area, FY16, perform=log)
    form.set_value("unit", "rate")
    assert form.save() or form.save()
    log.undo()
    assert indicator_rows(demo_store, arson) == rows
