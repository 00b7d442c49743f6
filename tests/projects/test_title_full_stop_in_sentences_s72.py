"""Session 72: Commissioning against the SSPB's 2009/10 retained budget said "Supported accommodation for young
offenders.: no share from Safer Suffolk Partnership Board is stated, so its whole cost is counted." The register holds
that title with the paper's full stop; a sentence that begins with a title and a colon now leaves the stop out
("… young offenders: no share …"), and the title itself is kept as typed."""

from __future__ import annotations

from safer_desk.domain.text import as_subject
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services.projects import load_projects

YOUNG = "Supported accommodation for young offenders."


def test_a_title_ending_in_a_full_stop_heads_a_sentence_without_it(demo_store):
    page = CommissioningPresenter(demo_store)
    page.set_projects(load_projects(demo_store))
    page.set_award(funders.award_by_name(demo_store, "SSPB 10% retained budget 2009/10").id, "2009/10")
    page.tick(next(p.id for p in page.projects if p.title == YOUNG))
    said = [*page.evaluation().problems, *page.evaluation().notes]
    assert "Supported accommodation for young offenders: no share from Safer Suffolk Partnership Board is stated, " \
           "so its whole cost is counted." in said, said
    assert not any(".:" in s for s in said), said
    assert next(p.title for p in page.projects if p.title.startswith("Supported accommodation for young")) == YOUNG


def test_only_a_single_full_stop_is_left_out():
    assert as_subject("Supported accommodation for young offenders.") == "Supported accommodation for young offenders"
    assert as_subject("Outreach…") == "Outreach…" and as_subject("Wait...") == "Wait..."
    assert as_subject("Homeshield Plus") == "Homeshield Plus"
