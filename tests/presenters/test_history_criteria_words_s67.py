"""Session 67: a project's criterion qualifier ("in some areas", "√ for Ipswich only", seed 000) was said in the
History by the file's column: "Changed the LAA outcome, laa outcome note and cross cutting note of project Homeshield
Plus", "Changed the laa outcome note of project Homeshield Plus from (blank) to in some areas". The project editor
calls each the criterion's qualifier; the words now say so, and "cross-cutting" as the register and report write it."""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.projects import ProjectsPresenter


def test_a_criterion_s_qualifier_is_said_as_the_editor_labels_it(demo_store):
    register = ProjectsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2026, 4, 1))
    register.reload()
    project = register.rows[0]
    register.select(project.id)
    for key, value in (("laa_outcome_note", "in some areas"), ("cross_cutting", "yes"),
                       ("cross_cutting_note", "for Ipswich only"), ("innovative_note", "a first for Suffolk")):
        register.editor.set_value(key, value)
    assert register.save() or register.save()
    line = history_lines(demo_store)[0]
    said = "\n".join([line.summary, *line.details])
    assert " note" not in said and "cross cutting" not in said, said
    assert (f"Changed the LAA outcome qualifier of project {project.title} from (blank) to in some areas"
            in line.details), line.details
    assert (f"Changed the cross-cutting qualifier of project {project.title} from (blank) to for Ipswich only"
            in line.details), line.details
    assert "innovative qualifier" in line.summary, line.summary
