"""s75: F1 in a modal form (Payment…, Refused…, an award, the merge's summary) did nothing: the main window's F1 opens
the guide, but a form opened with ``open()`` holds the window's keys. Now every modal dialog of the window takes F1
(one place: ``ui.kit.dialogs.GuideInForms``) and opens the guide as the form's own window, which the form does not
hold, at the place the guide names the form ("*Payment…*"), the words selected and in view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from safer_desk.services import dhr
from safer_desk.ui.guide import GuideWindow
from tests.costs.test_costs_gui import BILLED, tab  # noqa: F401 (the Costs tab fixture)
from tests.exchange.test_merge_summary_open_besides_s72 import merged  # noqa: F401 (a county file merged into)


def _press_f1(qtbot, dialog) -> GuideWindow:
    assert QTest.qWaitForWindowActive(dialog)
    qtbot.waitUntil(lambda: dialog.focusWidget() is not None and dialog.focusWidget().hasFocus(), timeout=5000)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_F1)
    guides = [g for g in dialog.findChildren(GuideWindow) if g.parent() is dialog]
    assert guides, "F1 in the form opened no guide"
    guide = guides[0]
    qtbot.waitUntil(guide.isVisible, timeout=5000)
    return guide


def _place(guide) -> tuple[str, str, bool]:
    """The page shown, the words selected, and whether they are in view."""
    browser = guide.browser
    in_view = browser.viewport().rect().intersects(browser.cursorRect())
    return guide.current_page().name, browser.textCursor().selectedText(), in_view


def _share_form(tab, qtbot, open_form):  # noqa: F811
    page = tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentIndex(2)
    assert page.shares.select_where(lambda s: s.outstanding_pence > 0)
    open_form(page)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    return page.dialog


def test_f1_in_payment_opens_the_guide_at_payments(tab, qtbot):  # noqa: F811
    dialog = _share_form(tab, qtbot, lambda page: page.payment_dialog())
    assert dialog.isModal() and dialog.windowTitle().startswith("Payment from ")
    guide = _press_f1(qtbot, dialog)
    assert _place(guide) == ("costs.md", "Payment", True)
    assert not guide.isModal() and not dialog.isHidden()  # read beside the form, which stays open
    dialog.reject()
    qtbot.waitUntil(lambda: not guide.isVisible(), timeout=5000)  # closed with its form


def test_f1_in_refused_opens_the_guide_at_refusals(tab, qtbot):  # noqa: F811
    dialog = _share_form(tab, qtbot, lambda page: page.refuse_dialog())
    guide = _press_f1(qtbot, dialog)
    assert _place(guide) == ("costs.md", "Refused", True)
    dialog.reject()


def test_f1_in_an_award_over_the_awards_list_opens_the_guide_at_awards(demo_window, qtbot):
    from tests.projects.test_awards_window import open_awards

    demo_window.show()
    awards = open_awards(demo_window, qtbot)
    awards.view.selectRow(0)
    qtbot.keyClick(awards.view, Qt.Key.Key_Return)
    form = awards.dialog
    qtbot.waitUntil(form.isVisible, timeout=5000)
    guide = _press_f1(qtbot, form)
    page, words, in_view = _place(guide)
    assert page == "projects.md" and "award" in words.casefold() and in_view, (page, words, form.windowTitle())
    form.reject()


def test_f1_in_the_merge_summary_opens_the_guide_at_merging(window, merged, qtbot):  # noqa: F811
    from safer_desk.ui.exchange.dialogs import MergeResultDialog
    from tests.exchange.district_offices import export, merge

    county, offices, tmp_path = merged
    report = merge(county, [export(offices["Mid Suffolk"], tmp_path / "mid-1.sqlite")])
    window.show()
    dialog = MergeResultDialog(report, window, session=window.session)
    dialog.open()
    guide = _press_f1(qtbot, dialog)
    assert _place(guide) == ("exchange.md", "Import District Files", True)
    dialog.reject()


def test_a_first_word_naming_no_one_form_is_not_looked_for():
    from safer_desk.ui.guide import form_phrases

    assert form_phrases("New catalogue item") == ["New catalogue item", "New catalogue"]  # not the reviews' *New…*
    assert form_phrases("Payment from Babergh DC", ("Record a payment",))[::3] == ["Record a payment", "Payment from"]


def test_f1_in_fund_settings_opens_the_guide_at_fund_settings(tab, qtbot):  # noqa: F811
    """The fund's form is titled "Settings of <fund>", which the guide names nowhere: F1 opened the Costs page at its
    top. The guide calls it by the menu's words, *Fund settings…*."""
    from tests.costs.test_costs_tab import wait_loaded

    page = tab.funds
    wait_loaded(qtbot, page)
    dialog = page.edit_fund_dialog()
    assert dialog.windowTitle().startswith("Settings of ")
    guide = _press_f1(qtbot, dialog)
    assert _place(guide) == ("costs.md", "Fund settings", True)
    dialog.reject()
