"""The History of Changes of a share in whole tens of percent (session 63, helper hist).

View > Funders' Awards…, correcting the PCC grant's split to Revenue 60% / Capital 40%, read in the History of
Changes "Changed the revenue share … from (blank) to 6%" and "… capital share … to 4%": the basis points were
written as a decimal and every trailing nought taken off, the whole number's included, so 50% read 5%, 10% 1% and
100% 1% (a review's cap of 50% of the chair's costs too). A share is now said as the awards list and the review's
form say it.
"""

from __future__ import annotations

from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.presenters.history import Namer, history_lines

AWARD = "PCC grant to Safer Plymouth 2017-19"


def test_an_award_s_split_in_tens_of_percent_is_said_as_typed(demo_store):
    page = AwardsPresenter(demo_store)
    award = next(a for a in page.rows() if a.name == AWARD)
    form = page.edit_form(award.id)
    form.set_value("revenue", "60")
    form.set_value("capital", "40")
    assert form.save() or form.save()
    details = history_lines(demo_store)[0].details
    assert f"Changed the revenue share of funding award {AWARD} from (blank) to 60%" in details, details
    assert f"Changed the capital share of funding award {AWARD} from (blank) to 40%" in details, details


def test_every_share_keeps_its_whole_number(demo_store):
    namer = Namer(demo_store, [])
    said = {bp: namer.value("dhr_cases", "cap_percent_bp", bp) for bp in (0, 1000, 5000, 10000, 3333, 250, 5)}
    assert said == {0: "0%", 1000: "10%", 5000: "50%", 10000: "100%", 3333: "33.33%", 250: "2.5%", 5: "0.05%"}
