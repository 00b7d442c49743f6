"""Session 72: Edit > Undo after Accept suggestion read "Undo accept the suggestion of What fits?": a menu line
ending in a question mark, and two suggestions accepted (the fund changed between them) read alike. It now says
what the suggestion ticked: "Accept suggestion: tick Suffolk Strive, Suffolk Recre8 and 2 more"."""

from __future__ import annotations

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services.projects import load_projects


def _page(store) -> CommissioningPresenter:
    p = CommissioningPresenter(store)
    p.set_projects(load_projects(store))
    return p


def test_an_accepted_suggestion_names_what_it_ticked(demo_store):
    p = _page(demo_store)
    by_ref = {q.ref: q.id for q in p.projects}
    p.accept([by_ref["6"], by_ref["7"], by_ref["8"], by_ref["15"]])
    assert p.tick_undo_text == "Accept suggestion: tick Suffolk Strive, Suffolk Recre8 and 2 more"
    p.accept([by_ref["6"], by_ref["7"]])
    assert p.tick_undo_text == "Accept suggestion: tick Suffolk Strive and Suffolk Recre8"
    assert not p.tick_undo_text.endswith("?")
