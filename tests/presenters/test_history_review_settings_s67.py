"""Session 67: the reviews' settings were said in the History as the file keeps them. Calling the reviews Domestic
Abuse Related Death Reviews read "Changed the value of cost setting from Domestic Homicide Review to Domestic Abuse
Related Death Review"; a stage rule changed read "Changed the months of stage rule from 1 to 2" (which stage not
said) and its Due after "Changed the after stage of stage rule from decision to chair_appointed" (the program's keys).
Each is now said as the Reviews page and its Stage rules form say it."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.history import history_lines
from safer_desk.services import dhr

QA = "Report to the Home Office Quality Assurance Panel"


def test_what_the_reviews_are_called_is_said_as_such(demo_store):
    log = ActionLog()
    reviews = DhrPresenter(demo_store, perform=log, today=lambda: date(2018, 9, 1))
    reviews.change_label("Domestic Abuse Related Death Review")
    line = history_lines(demo_store)[0]
    assert line.details == ("Changed the name of the reviews from Domestic Homicide Review to Domestic Abuse Related "
                            "Death Review",), line.details
    assert line.summary == line.details[0]
    log.undo()
    assert history_lines(demo_store)[0].summary == ("Changed the name of the reviews from Domestic Abuse Related "
                                                    "Death Review to Domestic Homicide Review")


def test_a_stage_rule_changed_is_named_by_its_stage_and_says_stages_in_words(demo_store):
    rule = next(r for r in dhr.stage_rules(demo_store) if r.stage == "qa_submitted")
    assert (rule.after, rule.months) == ("decision", 6)
    reviews = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: date(2018, 9, 1))
    form = reviews.stage_rule_form()
    for key, value in (("stage", "qa_submitted"), ("after", "chair_appointed"), ("months", "7"), ("days", "5")):
        form.set_value(key, value)
    assert form.save() or form.save(), form.errors
    line = history_lines(demo_store)[0]
    said = "\n".join([line.summary, *line.details])
    assert "from decision " not in said and "chair_appointed" not in said and "the after stage" not in said, said
    assert (f"Changed the due-after stage of stage rule for {QA} from Decision to hold a review (or not) to "
            "Independent chair appointed") in line.details, line.details
    assert f"Changed the months of stage rule for {QA} from 6 to 7" in line.details, line.details
