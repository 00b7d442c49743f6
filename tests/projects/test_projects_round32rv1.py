"""Projects and commissioning, round 32 (review rv1): the session's changes tried as a sceptical officer would.

1. Rows pasted back were said to be in the register only when their titles matched letter for letter: a title that
   had been through Word ("Children’s", "Off–street", a non-breaking hyphen) was added as a silent second copy. The
   register's titles are matched as typed names are elsewhere (any quote, dash, case or spacing).
2. An amount typed as a scale that is the whole cost, or £0, was said as "a scale of in full" and "a scale of 0/1".
3. The whole register copied out and pasted back (to edit it in Excel) listed every row number and every title under
   the preview: 1,000 projects made a note of 39,930 characters that pushed Add off the dialog. The rows are said as
   runs ("Rows 1 to 23") and the titles after the first three are counted.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.presenters.projects import PastePreview
from safer_desk.services import projects as svc


@pytest.mark.parametrize("title", ["Sexual Exploitation of Adults / Children in Off–street Premises",
                                   "Sexual Exploitation of Adults / Children in Off\u2011street Premises",
                                   "Sexual  exploitation of adults / children in Off - street Premises"])
def test_a_title_pasted_back_through_word_is_said_to_be_in_the_register(demo_store, title):
    preview = PastePreview(svc.read_paste([["Title", "Cost"], [title, "£54,372"]]),
                           existing=svc.load_projects(demo_store))
    preview.set_heading_row(True)
    assert preview.already_in_register().startswith(
        "Row 1 has the title of a project already in the register (“Sexual Exploitation of Adults / Children in "
        "Off-street Premises”)"), preview.already_in_register()


def test_a_new_title_is_not_said_to_be_in_the_register(demo_store):
    preview = PastePreview(svc.read_paste([["Title", "Cost"], ["Street pastors", "£2,500"]]),
                           existing=svc.load_projects(demo_store))
    preview.set_heading_row(True)
    assert preview.already_in_register() == ""


@pytest.mark.parametrize(("typed", "said"), [
    ("£105K", "Supported accommodation for young offenders: £105,000 of £105,000: the whole of it."),
    ("£0", "Supported accommodation for young offenders: £0 of £105,000: none of it."),
    ("£35K", "Supported accommodation for young offenders: £35,000 of £105,000: committed as typed (1/3 of it "
             "now)."),
])
def test_an_amount_typed_as_a_scale_says_the_whole_or_none_in_words(demo_store, typed, said):
    projects = svc.load_projects(demo_store)
    young = next(p for p in projects if p.ref == "10")
    page = CommissioningPresenter(demo_store)
    page.set_projects(projects)
    page.new()
    page.set_fund("£65,512")
    page.tick(young.id)
    assert page.set_scale(young.id, typed), page.message
    assert page.message == said


def test_the_whole_register_pasted_back_is_said_in_a_few_words(demo_store):
    projects = svc.load_projects(demo_store)
    rows = [["Title", "Cost"], ["Street pastors", "£2,500"]] + [[p.title, "£1"] for p in projects]
    preview = PastePreview(svc.read_paste(rows), existing=projects)
    preview.set_heading_row(True)
    said = preview.already_in_register()
    assert said.startswith(f"Rows 2 to {len(projects) + 1} have the title of a project already in the register "
                           f"(“{projects[0].title}”, “{projects[1].title}”, “{projects[2].title}” and "
                           f"{len(projects) - 3} more)"), said
    assert len(said) < 400
