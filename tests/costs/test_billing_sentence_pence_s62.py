"""A review's billing sentence shows its figures alike: pence on every one when any has them.

Session 62: the sentence over a review's details (and the board report's) read "Billed £8,900, less £684.14 refused
= £8,215.86 net, £684.14 short of the review's cost of £8,900.": whole pounds beside pence in one sentence, as no
table of the tab shows them.
"""

import re

from safer_desk.domain.dhr import Billing

MONEY = re.compile(r"£[\d,]+(?:\.\d\d)?")


def test_pence_on_every_figure_of_the_sentence_when_any_has_them():
    said = Billing(890_000, 890_000, 68_414, 0, 0, 0, 0).describe()
    assert said == ("Billed £8,900.00, less £684.14 refused = £8,215.86 net, £684.14 short of the review's cost of "
                    "£8,900.00.")
    with_unbilled = Billing(950_000, 890_000, 68_414, 0, 0, 0, 0).describe()  # £600 added since billing
    figures = MONEY.findall(with_unbilled)
    assert "£600.00" in figures and all("." in f for f in figures), with_unbilled


def test_a_sentence_of_whole_pounds_keeps_them_whole():
    said = Billing(900_000, 900_000, 100_000, 0, 0, 0, 0).describe()
    assert said == "Billed £9,000, less £1,000 refused = £8,000 net, £1,000 short of the review's cost of £9,000."


def test_the_billed_split_total_shows_pence_on_every_figure(demo_store):
    from datetime import date

    from safer_desk.presenters.dhr import DhrPresenter
    from safer_desk.services import dhr

    presenter = DhrPresenter(demo_store, today=lambda: date(2026, 12, 6))
    presenter.reload()
    presenter.select(dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01"))  # billed, its cost £7,525.58
    form = presenter.cost_line_form()
    form.set_value("amount", "£600")
    assert form.save()
    said = presenter.split_form().total_text()
    assert "£600.00 of it not yet billed" in said and "£8,125.58" in said, said
