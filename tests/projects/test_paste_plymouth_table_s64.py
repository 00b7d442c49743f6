"""Session 64: Safer Plymouth's commissioning table (seed 003, §5) pasted into the register.

Its columns are headed "Area/Need", "Recommendation", "OPCC contribution" and "Total budget". None was a heading the
register knows, so the columns were guessed from what they hold, and the first column of amounts, the OPCC
contribution, was taken for the cost: the Plymouth Domestic Abuse contract would have been added costing £110,000,
not its £501,753 total budget (the paper: £110,000 of the PCC's money within a £501,753 total). "Total budget" is the
project's cost, as "Total cost" is; the OPCC's column is never taken for the cost (it is the OPCC's share:
test_paste_funder_share_column_s64).
"""

from __future__ import annotations

from safer_desk.presenters.projects import PastePreview
from safer_desk.services import projects as svc

PLYMOUTH = [
    ["Area/Need", "Recommendation", "OPCC contribution", "Total budget"],
    ["Ensure we support victims of Domestic Abuse with an integrated service",
     "Continue to commission the Plymouth Domestic Abuse contract", "£110,000", "£501,753"],
    ["Ensure that we support victims of sexual violence with access to therapeutic counselling services",
     "Continue to commission a therapeutic counselling service", "£25,000", "£75,000"],
    ["Ensure access to an alcohol and substance misuse programme",
     "Continue to commission a community drug and alcohol treatment programme", "£98,500", "£2m"],
    ["Both CSE and PDAP groups have identified a need for earlier intervention",
     "Work with PDAP and MACSE to scope, commission and deliver Healthy Relationship work",
     "Awaiting confirmation", ""],
]


def test_total_budget_is_the_cost_and_the_opcc_contribution_is_not():
    preview = PastePreview(svc.read_paste(PLYMOUTH))
    assert preview.keys[3] == "cost" and preview.keys[2] != "cost"
    preview.set_heading_row(True)
    assert [p.cost_text for p in preview.projects()] == ["£501,753", "£75,000", "£2,000,000", ""]
    assert preview.keys[2] == "share" and "“OPCC contribution”" not in preview.left_out()


def test_total_budget_and_budget_are_headings_of_the_cost():
    assert svc.field_of_heading("Total budget") == "cost"
    assert svc.field_of_heading("Total budget (£)") == "cost"
    assert svc.field_of_heading("Budget") == "cost"
