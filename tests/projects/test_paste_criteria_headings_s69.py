"""Projects, round s69: the criteria's headings as officers' own sheets write them.

The seed paper heads its columns "Cross cutting?" and "Innovative/ experimental?"; an officer's sheet writes
"Cross-cutting?", "Cross cutting", "Innovative?", "Innovative / experimental?", "LAA2 outcome" or "Title:". Each of
these was "a heading the register does not know": its column of √ and X left out of the pasted projects unless
the officer chose the field above every column. A heading is now known whatever its hyphens, spaces around "/", a
closing "?" or ":", and "Innovative" alone names the innovative/experimental criterion.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services.projects import field_of_heading


@pytest.mark.parametrize("heading, key", [
    ("Cross-cutting?", "cross_cutting"), ("Cross cutting", "cross_cutting"), ("Innovative?", "innovative"),
    ("Innovative / experimental?", "innovative"), ("Innovative/experimental", "innovative"),
    ("LAA2 outcome", "laa_outcome"), ("Title:", "title"), ("Status?", "status"),
    ("Lead organisation:", "lead_organisation"),
    ("Cross cutting?", "cross_cutting"), ("Innovative/ experimental?", "innovative")])
def test_a_heading_is_known_whatever_its_hyphens_slashes_and_closing_mark(heading, key):
    assert field_of_heading(heading) == key


@pytest.mark.parametrize("heading", ["Comments on cost", "Crosscutting themes", "Outcome", "?", ":", "-"])
def test_other_headings_stay_unknown(heading):
    assert field_of_heading(heading) is None


def test_the_criteria_are_pasted_into_the_projects(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    preview = presenter.paste_preview([["Title", "Cross-cutting?", "Innovative?"], ["Nightsafe", "√", "X"]])
    assert preview.left_out() == ""
    (project,) = preview.projects()
    assert (project.criteria["cross_cutting"].value, project.criteria["innovative"].value) == ("yes", "no")
