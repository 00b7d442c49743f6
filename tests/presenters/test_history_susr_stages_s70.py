"""Session 70: the history names a SUSR's stage rules as Stage rules… names them.

With the reviews called Single Unified Safeguarding Reviews, Stage rules… offers "Report sent for quality assurance"
due after "Chair and reviewer(s) appointed", but the history said the change was to the "stage rule for Report to
the Home Office Quality Assurance Panel" from "Decision to hold a review (or not)" to "Independent chair appointed".
It now says the stages as the file's reviews name them; a DHR's history reads as before
(test_history_review_settings_s67).
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.history import history_lines
from safer_desk.services import dhr


def test_a_susrs_stage_rule_changed_is_said_in_its_stages_names(demo_store):
    dhr.set_review_label(demo_store, "Single Unified Safeguarding Review")
    form = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: date(2018, 9, 1)).stage_rule_form()
    for key, value in (("stage", "qa_submitted"), ("after", "chair_appointed"), ("months", "7")):
        form.set_value(key, value)
    assert form.save() or form.save(), form.errors
    line = history_lines(demo_store)[0]
    said = "\n".join([line.summary, *line.details])
    assert "Home Office" not in said and "Independent chair" not in said, said
    assert ("Changed the due-after stage of stage rule for Report sent for quality assurance from Board chair's "
            "decision to hold a review (or not) to Chair and reviewer(s) appointed") in line.details, line.details
