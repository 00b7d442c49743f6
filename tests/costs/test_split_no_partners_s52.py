"""The Split window of a review whose partnership has no statutory partners (round 52's bug hunt): Western CSP, the
2009/10 partnership, chosen for a death notified in 2026. The grid stood empty, Save greyed, and nothing said why,
where Bill partners says "The partnership has no statutory partners to share the cost"."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr

TODAY = date(2026, 3, 1)
# the review's own day, the death notified on 01/02/2026, whose partners the grid lists (session 60), not today
SAID = ("Western CSP (01/04/2009 to 31/03/2010) has no statutory partners on 01/02/2026 to share the cost: choose "
        "the partnership conducting the review in Edit case…")


def a_review_of_western_csp(store) -> str:
    case = dhr.add_case(store, reference="WSCSP-DHR-2026-07", district="Mid Suffolk", partnership="Western CSP",
                        notified_on="2026-02-01")
    dhr.add_cost_line(store, case, category="Administration", amount="1000")
    return case


def test_the_split_says_why_its_grid_is_empty(demo_store):
    case = a_review_of_western_csp(demo_store)
    reviews = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    reviews.reload()
    reviews.select(case)
    split = reviews.split_form()
    assert split.partners == [] and not split.editable
    assert split.no_partners_why().startswith(SAID), split.no_partners_why()


def test_a_review_with_partners_says_nothing_of_it(demo_store):
    reviews = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    reviews.reload()
    reviews.select(dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02"))
    assert reviews.split_form().no_partners_why() == ""


def test_the_split_window_shows_it(demo_window, qtbot):
    from tests.costs.test_search_choice_round22 import reviews_page

    page = reviews_page(demo_window, qtbot, TODAY)
    case = a_review_of_western_csp(page.store)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert page.select_case(case)
    dialog = page.split_dialog()
    qtbot.waitUntil(dialog.isVisible)
    shown = [lab.text() for lab in dialog.findChildren(QLabel)
             if lab.accessibleName() == "Form message" and lab.isVisible()]
    assert any(text.startswith(SAID) for text in shown), shown
    dialog.reject()


def test_a_partnership_not_in_being_when_the_death_was_notified_is_asked_about(demo_store):
    reviews = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    reviews.reload()
    form = reviews.new_case_form()
    for key, value in (("reference", "WSCSP-DHR-2026-07"), ("district", "Mid Suffolk"),
                       ("partnership", "Western CSP"), ("notified_on", "01/02/2026")):
        form.set_value(key, value)
    assert not form.save()  # asked first, not saved
    said = form.message("partnership")
    assert "Western CSP was in being 01/04/2009 to 31/03/2010, not when the death was notified (01/02/2026)" in said
    assert form.save()  # asked once: Save again keeps it
    assert dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2026-07")


def test_the_partnership_of_the_day_is_not_asked_about(demo_store):
    reviews = DhrPresenter(demo_store, perform=ActionLog(), today=lambda: TODAY)
    reviews.reload()
    form = reviews.new_case_form()
    for key, value in (("reference", "WSCSP-DHR-2026-08"), ("district", "Mid Suffolk"),
                       ("partnership", "Western Suffolk CSP"), ("notified_on", "01/02/2026")):
        form.set_value(key, value)
    assert form.save(), form.message("partnership")
