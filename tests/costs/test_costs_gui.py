"""The Costs tab as a person uses it: clicking, typing, reading what the window shows.

Unsaved edits guarded, the modified marker, Enter saves, the split grid with a live total,
dates typed the British way, a context menu and Excel copy on every table, and the key
columns in view at the two laptop sizes (issue 15).
"""

from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import dhr
from safer_desk.ui.kit.dates import DateField
from safer_desk.ui.kit.table_view import DataTableView
from tests.costs.test_new_case_then_cost_line import button, field, first_line, open_dialog, shown_cost, type_into
from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, columns_out_of_view, resize_window, widget_in_window

BILLED = "WSCSP-DHR-2017-01"


@pytest.fixture
def tab(costs_tab):
    return costs_tab


def cost(store, reference):
    return dhr.case_cost_pence(store, dhr.case_id_by_reference(store, reference))


def test_an_unsaved_cost_line_is_asked_about_before_leaving(tab, demo_window, qtbot, prompts):
    page = tab.reviews
    dialog = open_dialog(qtbot, page, "Cost line")
    assert not demo_window.isWindowModified()  # opened, nothing typed
    type_into(qtbot, field(dialog, "Amount"), "150")
    assert demo_window.isWindowModified()  # the title's marker
    prompts.unsaved_answers.append(UnsavedChoice.CANCEL)
    demo_window.show_tab("projects")
    assert demo_window.current_tab_key() == "costs" and dialog.isVisible()
    assert prompts.unsaved_questions[-1][1] == f"Cost line for {BILLED} has not been saved."
    prompts.unsaved_answers.append(UnsavedChoice.DISCARD)
    demo_window.show_tab("projects")
    assert demo_window.current_tab_key() == "projects"
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert cost(page.store, BILLED) == 752558 and not demo_window.isWindowModified()


def test_cancel_with_typed_figures_asks_and_save_from_the_question_saves(tab, qtbot, prompts):
    page = tab.reviews
    dialog = open_dialog(qtbot, page, "Cost line")
    type_into(qtbot, field(dialog, "Amount"), "25")
    prompts.unsaved_answers.append(UnsavedChoice.SAVE)
    qtbot.mouseClick(button(dialog, "Cancel"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert cost(page.store, BILLED) == 752558 + 2500


def test_enter_saves_and_a_date_is_read_the_british_way(tab, qtbot):
    page = tab.reviews
    dialog = open_dialog(qtbot, page, "Cost line")
    date_field = next(w for w in dialog.findChildren(DateField) if w.edit.accessibleName() == "Invoice date")
    type_into(qtbot, date_field.edit, "1 April 2026")
    type_into(qtbot, field(dialog, "Amount"), "12.50")
    qtbot.keyClick(field(dialog, "Amount"), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    lines = dhr.cost_lines(page.store, dhr.case_id_by_reference(page.store, BILLED))
    assert any(line["amount_pence"] == 1250 and line["invoiced_on"] == "2026-04-01" for line in lines)


def test_a_refusal_shows_beside_its_field_in_the_dialog(tab, qtbot):
    page = tab.reviews
    dialog = open_dialog(qtbot, page, "New case")
    type_into(qtbot, field(dialog, "Reference"), "Jane Smith")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    message = dialog.view.messages["reference"]
    assert message.isVisible() and "looks like a person's name" in message.text()
    assert dialog.isVisible() and dhr.case_id_by_reference(page.store, "Jane Smith") is None


def test_the_split_is_a_grid_with_a_live_total(tab, qtbot, demo_window):
    page = tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, "WSCSP-DHR-2017-02"))
    dialog = open_dialog(qtbot, page, "Cost line")
    type_into(qtbot, field(dialog, "Amount"), "1000")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    split = open_dialog(qtbot, page, "Split")
    assert split.windowTitle() == "Split the cost of WSCSP-DHR-2017-02"
    type_into(qtbot, field(split, "Split"), "A percentage per partner")
    # the eleven partners of the review's day (13/11/2017; today's are ten): Share equally makes them Equal shares
    # (session 73), so ten are typed 10% each here
    for edit in list(split.percent_edits.values())[:10]:
        type_into(qtbot, edit, "10")
    total = next(lab for lab in split.findChildren(QLabel) if lab.accessibleName() == "Total")
    shares = next(lab for lab in split.findChildren(QLabel) if lab.accessibleName() == "Total of the shares")
    assert total.text() == "Total 100%" and shares.text() == "£1,000.00"
    police = field(split, "Percentage for Suffolk Constabulary")
    type_into(qtbot, police, "20")
    assert "too much" in total.text()  # live, as the figure is typed
    type_into(qtbot, police, "10")
    assert total.text() == "Total 100%"
    qtbot.mouseClick(button(split, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not split.isVisible(), timeout=5000)
    case_id = dhr.case_id_by_reference(page.store, "WSCSP-DHR-2017-02")
    assert dhr.split_rule(page.store, case_id).kind == "percentages"
    assert demo_window.session.undo_stack.undoText() == "Split the cost of WSCSP-DHR-2017-02: a percentage per partner"


def test_a_billed_split_shows_refusals_and_cannot_be_changed(tab, qtbot):
    page = tab.reviews
    split = open_dialog(qtbot, page, "Split")
    assert not button(split, "Save").isEnabled()
    refused = [lab.text() for lab in split.findChildren(QLabel) if "Refused" in lab.text()]
    assert any("not yet dealt with" in t for t in refused)
    total = next(lab for lab in split.findChildren(QLabel) if lab.accessibleName() == "Total")
    assert total.text() == "Net billed £6,841.44 of the cost £7,525.58"


def test_every_costs_table_has_a_context_menu_and_copies_excel_numbers(tab, qtbot):
    tab.ledger  # noqa: B018 - built
    tab.funds  # noqa: B018
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    views = tab.findChildren(DataTableView)
    assert len(views) == 16  # 6 on the reviews page, 2 on the ledger, 8 on the fund page
    for view in views:
        assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
        texts = [a.text() for a in view.context_menu(0).actions()]
        assert "&Copy" in texts and "Copy with &Headings" in texts, view.accessibleName()
    ledger = tab.ledger.partners
    assert ledger.select_where(lambda p: getattr(p, "partner", "") == "Suffolk County Council")
    text = ledger.view.selected_rows_text(with_header=False)
    assert text.strip() == "Suffolk County Council\t284.14\t284.14\t684.14\t400\t0\t0\t0"  # … refunded last


def test_the_ledger_has_totals_and_money_right_aligned(tab, qtbot):
    ledger = tab.ledger
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    proxy = ledger.partners.proxy
    last = proxy.rowCount() - 1
    assert proxy.index(last, 0).data() == "Total" and proxy.index(last, 3).data() == "£7,525.58"
    paid = proxy.index(0, 4)
    assert paid.data().endswith(".00") or "." in paid.data()  # pence for the whole column
    assert int(paid.data(Qt.ItemDataRole.TextAlignmentRole)) & int(Qt.AlignmentFlag.AlignRight)
    assert not any("⚠" in (proxy.index(r, 2).data() or "") for r in range(proxy.rowCount()))


def test_fund_month_and_district_spend_have_totals(tab, qtbot):
    funds_page = tab.funds
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    for table in (funds_page.by_month, funds_page.by_district):
        last = table.proxy.rowCount() - 1
        assert table.proxy.index(last, 0).data() == "Total"
        assert table.proxy.index(last, 2).data() == funds_page.figure_labels["spent"].text()
    assert funds_page.by_month.proxy.index(0, 0).data() == "Apr 2018"


def test_fund_item_spend_has_a_total_as_its_sheet_does(tab, qtbot):
    """The Per item table ended at its last item, no Total line, though the export's Per item sheet has one (and the
    Per district and Per month tables beside it do): the Total is the fund's spend and the count of its spend lines."""
    funds_page = tab.funds
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    proxy = funds_page.by_item.proxy
    last = proxy.rowCount() - 1
    assert proxy.index(last, 0).data() == "Total"
    assert proxy.index(last, 2).data() == funds_page.figure_labels["spent"].text()
    lines = funds_page.presenter.data.figures.by_item
    assert proxy.index(last, 1).data() == str(sum(n for _, n, _ in lines))


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_key_costs_columns_in_view_at_laptop_sizes(tab, demo_window, qtbot, size):
    resize_window(demo_window, size)
    assert columns_out_of_view(tab.reviews.cases.view, ["Reference", "Cost", "Net billed", "Paid",
                                                         "Outstanding"]) == []
    for button_ in tab.reviews.edit_buttons + [tab.reviews.more]:
        assert widget_in_window(button_, demo_window), button_.text()
    tab.pages.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    resize_window(demo_window, size)
    assert columns_out_of_view(tab.ledger.partners.view, ["Partner", "Outstanding", "Overdue"]) == []
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    resize_window(demo_window, size)
    page = tab.funds
    for key in ("balance", "burn", "runs_out"):
        assert widget_in_window(page.figure_labels[key], demo_window), key
    assert widget_in_window(page.table_list, demo_window)
    assert columns_out_of_view(page.referrals.view, ["Reference", "Eligibility", "Spent"]) == []


def test_the_referral_table_shows_an_override_in_view(tab, qtbot, demo_window):
    page = tab.funds
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    from safer_desk.services import funds

    funds.add_referral(page.store, page.fund_id, reference="TH-2018-016", district="Babergh",
                       referred_on="02/07/2018", risk_level="medium", at_marac=True, idva_assigned=True,
                       perpetrator_resident=False, override_reason="MARAC chair agreed")
    page.refresh()
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    resize_window(demo_window, LAPTOP_SIZES[0])
    proxy = page.referrals.shown
    column = next(c for c in range(proxy.columnCount()) if proxy.headerData(c, Qt.Orientation.Horizontal)
                  == "Eligibility")
    shown = [proxy.index(r, column).data() for r in range(proxy.rowCount())]
    assert any((t or "").startswith("⚠ Override") for t in shown)
    assert columns_out_of_view(page.referrals.view, ["Eligibility"]) == []


def test_today_is_read_when_used_on_the_page(tab):
    page = tab.reviews
    assert page.today == date.today()
    page.today = date(2018, 9, 1)
    assert page.presenter.today() == date(2018, 9, 1)


def test_opening_every_costs_page_and_dialog_writes_nothing(tab, demo_window, demo_path, qtbot):
    """Behaviour 8 for Costs: every page shown and every dialog opened and cancelled, the file unchanged."""
    from PySide6.QtCore import QThreadPool

    from tests.foundation.test_window_guard import Watcher

    store = demo_window.session.store
    changes = store.conn.total_changes
    watcher = Watcher(demo_path)
    try:
        for i in range(tab.pages.count()):
            tab.pages.setCurrentIndex(i)
            qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
        for r in range(tab.funds.table_list.count()):
            tab.funds.table_list.setCurrentRow(r)
        reviews, fund_page = tab.reviews, tab.funds
        assert reviews.shares.select_where(lambda s: getattr(s, "status", "") == "refused")
        opened = []
        for make in (reviews.new_case_dialog, reviews.edit_case_dialog, reviews.cost_line_dialog,
                     reviews.split_dialog, reviews.bill_dialog,
                     # Refused… and Write off… on a share with something outstanding (on the refused one, s75, they
                     # say there is nothing more to refuse); Re-split or carry on the refused one
                     _on_owing(reviews, reviews.refuse_dialog),
                     _on_owing(reviews, reviews.write_off_dialog),
                     _on_refused(reviews, reviews.resolve_dialog), reviews.panel_meeting_dialog,
                     reviews.recommendation_dialog, reviews.stage_rule_dialog, fund_page.new_fund_dialog,
                     fund_page.edit_fund_dialog, fund_page.contribution_dialog, fund_page.referral_dialog,
                     fund_page.spend_dialog, fund_page.item_dialog,
                     lambda: fund_page.referrals.select_where(lambda r: r["reference"] == "TH-2018-001")
                     and fund_page.edit_referral_dialog(),
                     lambda: reviews.shares.select_where(lambda s: getattr(s, "paid_pence", 0) > 0)
                     and reviews.delete_payment_dialog(),
                     # Payment… on a share with something outstanding (on the refused one it says there is nothing)
                     lambda: reviews.shares.select_where(lambda s: getattr(s, "outstanding_pence", 0) > 0)
                     and reviews.payment_dialog()):
            dialog = make()
            assert dialog is not None and dialog.isVisible()
            opened.append(dialog.windowTitle())
            dialog.reject()
            qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=5000)
        assert len(opened) == 20 and all(opened)
        QThreadPool.globalInstance().waitForDone(15000)
        assert store.conn.total_changes == changes
        assert watcher.changes() == ""
    finally:
        watcher.close()


def test_the_reviews_splitter_is_remembered(tab, demo_window, qtbot):
    splitter = tab.reviews.splitter
    total = sum(splitter.sizes())
    splitter.moveSplitter(total // 3, 1)
    splitter.splitterMoved.emit(total // 3, 1)  # as a drag does
    wanted = splitter.sizes()
    from safer_desk.ui.costs.dhr_page import DhrPage

    again = DhrPage(demo_window.session)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: not again.is_busy(), timeout=10000)
    again.resize(tab.reviews.size())
    assert again.splitter.saveState() == splitter.saveState()
    assert wanted[0] < total // 2


def test_ctrl_s_saves_the_open_form(tab, qtbot):
    page = tab.reviews
    dialog = open_dialog(qtbot, page, "Cost line")
    type_into(qtbot, field(dialog, "Amount"), "7")
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)  # shortcuts go to the active window
    qtbot.keyClick(field(dialog, "Description"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert cost(page.store, BILLED) == 752558 + 700


def test_an_empty_file_says_what_to_do(window, tmp_path, qtbot):
    from safer_desk.storage.store import open_store

    path = tmp_path / "empty.sqlite"
    open_store(path, create=True).close()
    assert window.open_path(path)
    window.show()
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert tab.reviews.empty_note.isVisible() and "New case" in tab.reviews.empty_note.text()
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert "New fund" in tab.funds.sentence.text()


def dialog_letters(dialog):
    from PySide6.QtWidgets import QAbstractButton

    from tests.foundation.test_window_guard import mnemonic

    found = []
    for w in dialog.findChildren(QAbstractButton) + dialog.findChildren(QLabel):
        if not w.isVisible() or (isinstance(w, QLabel) and w.buddy() is None):
            continue
        letter = mnemonic(w.text())
        if letter:
            found.append((letter, w.text()))
    return found


def _on_owing(reviews, open_dialog):
    """The dialog opened on a share with something outstanding (Refused…, Write off…: on one paid or refused, s75,
    they say there is nothing to refuse and open nothing)."""
    return lambda: reviews.shares.select_where(lambda s: getattr(s, "outstanding_pence", 0) > 0) and open_dialog()


def _on_refused(reviews, open_dialog):
    """The dialog opened on the refused share (Re-split or carry)."""
    return lambda: reviews.shares.select_where(lambda s: getattr(s, "status", "") == "refused") and open_dialog()


def test_no_alt_letter_clashes_in_the_costs_dialogs(tab, qtbot):
    reviews, fund_page = tab.reviews, tab.funds
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert reviews.shares.select_where(lambda s: getattr(s, "status", "") == "refused")
    clashes = []
    for make in (reviews.new_case_dialog, reviews.edit_case_dialog, reviews.cost_line_dialog, reviews.split_dialog,
                 reviews.bill_dialog,
                 # Refused… and Write off… on a share with something outstanding (on the refused one, s75, they say
                 # there is nothing more to refuse); Re-split or carry on the refused one
                 _on_owing(reviews, reviews.refuse_dialog),
                 _on_owing(reviews, reviews.write_off_dialog),
                 _on_refused(reviews, reviews.resolve_dialog), reviews.panel_meeting_dialog,
                 reviews.recommendation_dialog,
                 reviews.stage_rule_dialog, fund_page.new_fund_dialog, fund_page.edit_fund_dialog,
                 fund_page.contribution_dialog, fund_page.referral_dialog, fund_page.spend_dialog,
                 fund_page.item_dialog,
                 # Payment… on a share with something outstanding (on the refused one it says there is nothing)
                 lambda: reviews.shares.select_where(lambda s: getattr(s, "outstanding_pence", 0) > 0)
                 and reviews.payment_dialog()):
        dialog = make()
        letters = dialog_letters(dialog)
        seen = {}
        for letter, text in letters:
            if letter in seen:
                clashes.append(f"{dialog.windowTitle()}: Alt+{letter.upper()} {seen[letter]} / {text}")
            seen.setdefault(letter, text)
        dialog.reject()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=5000)
    assert clashes == [], "\n".join(clashes)


@pytest.mark.parametrize("months,width", [(18, 300), (84, 400), (120, 300), (30, 900)])
def test_fund_chart_month_labels_say_the_year_and_never_collide(qapp, months, width):
    import re

    from safer_desk.domain.periods import Month
    from safer_desk.ui.costs.fund_page import FinancialMonthAxis

    axis = FinancialMonthAxis()
    axis.start = Month(2018, 4)
    (step, labelled), _minor = axis.tickValues(0, months, width)
    texts = axis.tickStrings(labelled, 1, step)
    assert texts and all(re.fullmatch(r"[A-Z][a-z]{2} 20\d\d", t) for t in texts), texts
    if len(labelled) > 1:
        gap_px = (labelled[1] - labelled[0]) * width / months
        assert gap_px >= FinancialMonthAxis.LABEL_PX  # room for "Sep 2021" and a gap: no collisions


def shown_column(table, title):
    proxy = table.shown
    column = next(c for c in range(proxy.columnCount()) if proxy.headerData(c, Qt.Orientation.Horizontal) == title)
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_a_referral_opens_with_enter_is_corrected_and_del_deletes_a_contribution(tab, qtbot, prompts, demo_window):
    # The fund page could add referrals and contributions but not correct them: a victim keyed to the wrong
    # district, or a contribution keyed twice, stayed in every figure for good.
    from PySide6.QtWidgets import QDialog

    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    assert "Babergh" in shown_column(page.by_district, "District")
    assert page.referrals.select_where(lambda r: r["reference"] == "TH-2018-008")
    page.referrals.view.setFocus()
    qtbot.keyClick(page.referrals.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    dialog = page.dialog
    assert dialog.windowTitle().startswith("Referral TH-2018-008 in ")
    type_into(qtbot, field(dialog, "District"), "Mid Suffolk")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert "Babergh" not in shown_column(page.by_district, "District")  # its only victim moved
    assert shown_column(page.by_district, "District")[-1] == "Total"
    qtbot.keyClick(demo_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Babergh" in shown_column(page.by_district, "District"), timeout=10000)

    page.table_list.setCurrentRow(page.table_titles.index("Contributions"))
    assert page.contributions.select_where(lambda c: c["organisation"] == "Suffolk County Council")
    page.contributions.view.setFocus()
    prompts.answers.append(True)
    qtbot.keyClick(page.contributions.view, Qt.Key.Key_Delete)
    assert prompts.questions[-1] == ("Delete contribution",
                                     "Delete the contribution of £4,000 from Suffolk County Council?")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert page.figure_labels["contributions"].text() == "£16,000"
    assert "Suffolk County Council" not in shown_column(page.contributions, "Contributor")
    assert not any(d.isVisible() for d in page.findChildren(QDialog))


def test_typing_in_a_fund_dialog_leaves_the_page_and_its_selection_alone(tab, qtbot, prompts):
    # Every keystroke in a fund's dialog set every table of the page again (twenty thousand spend lines
    # re-sorted per key), and the referral chosen before opening it was no longer chosen afterwards.
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    assert page.referrals.select_where(lambda r: r["reference"] == "TH-2018-005")
    resets = []
    page.lines.model.modelReset.connect(lambda: resets.append(1))
    dialog = open_dialog(qtbot, page, "Contribution")
    type_into(qtbot, field(dialog, "Amount"), "2000")
    assert resets == []
    prompts.unsaved_answers.append(UnsavedChoice.DISCARD)
    qtbot.mouseClick(button(dialog, "Cancel"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert page.referrals.current()["reference"] == "TH-2018-005"


def test_the_chosen_referral_is_still_chosen_after_a_change_is_saved(tab, qtbot):
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    assert page.referrals.select_where(lambda r: r["reference"] == "TH-2018-005")
    dialog = open_dialog(qtbot, page, "Spend line")
    assert dialog.windowTitle().startswith("Spend line for ") and "TH-2018-005" in first_line(dialog)
    type_into(qtbot, field(dialog, "Date"), "01/07/2018")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    chosen = page.referrals.current()
    assert chosen is not None and chosen["reference"] == "TH-2018-005" and chosen["lines"] == 4


def test_a_payment_is_deleted_and_a_refusal_reopened_from_the_more_menu(tab, qtbot, prompts):
    # A payment keyed on the wrong partner's share, or a refusal the partner withdrew, could not be put right
    # once the window had closed (Edit > Undo only): both are under More, on the chosen share.
    page = tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentIndex(2)
    assert page.shares.select_where(lambda s: s.partner == "Suffolk County Council")
    page.more_menu.actions()[[a.text().replace("&", "") for a in page.more_menu.actions()].index(
        "Delete a payment…")].trigger()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    dialog = page.dialog
    assert field(dialog, "Payment").currentText() == "01/08/2018: £400 (BACS part)"
    qtbot.mouseClick(button(dialog, "Delete"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    county = page.shares.current()  # still the share chosen
    assert county.partner == "Suffolk County Council"
    assert (county.paid_pence, county.outstanding_pence) == (0, 68414)

    assert page.shares.select_where(lambda s: s.partner == "National Probation Service")
    prompts.answers.append(True)
    page.more_menu.actions()[[a.text().replace("&", "") for a in page.more_menu.actions()].index(
        "Reopen a refused or written-off share")].trigger()
    assert prompts.questions[-1][0] == "Reopen share" and "£684.14 refused is owed again" in prompts.questions[-1][1]
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    probation = next(s for s in page.shares.source_rows() if s.partner == "National Probation Service")
    assert probation.status == "invoiced"
    assert shown_cost(page, BILLED) == "£7,525.58"


def test_a_recommendation_opens_with_enter_and_del_asks_to_delete_a_panel_meeting(tab, qtbot, prompts):
    page = tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    page.details.setCurrentIndex(3)
    assert page.actions.select_where(lambda r: r["number"] == 1)
    page.actions.view.setFocus()
    qtbot.keyClick(page.actions.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    dialog = page.dialog
    assert dialog.windowTitle() == f"Recommendation 1 of {BILLED}"
    type_into(qtbot, field(dialog, "Due"), "31/03/2019")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert page.actions.rows[0]["due_on"] == "2019-03-31"

    page.details.setCurrentIndex(4)
    meetings = len(page.meetings.rows)
    assert page.meetings.select_where(lambda m: True)
    page.meetings.view.setFocus()
    prompts.answers.append(True)
    qtbot.keyClick(page.meetings.view, Qt.Key.Key_Delete)
    assert prompts.questions[-1][0] == "Delete panel meeting"
    qtbot.waitUntil(lambda: len(page.meetings.rows) == meetings - 1, timeout=10000)


def more_menu_as_shown(qtbot, page) -> dict[str, bool]:
    """Click More as a user does and read which entries the menu shows enabled (then close it)."""
    seen: dict[str, bool] = {}

    def read_and_close() -> None:
        seen.update({a.text().replace("&", ""): a.isEnabled() for a in page.more_menu.actions()})  # each has a letter
        page.more_menu.hide()

    def shown() -> None:  # connected after the page's own greying, so it runs after it
        QTimer.singleShot(0, read_and_close)

    page.more_menu.aboutToShow.connect(shown)
    qtbot.mouseClick(page.more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and not page.more_menu.isVisible(), timeout=5000)
    page.more_menu.aboutToShow.disconnect(shown)
    return seen


def test_the_more_menu_greys_what_the_chosen_case_has_nothing_for(tab, qtbot):
    page = tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, BILLED))
    shown = more_menu_as_shown(qtbot, page)
    assert not shown.pop("Delete a refund…")  # nothing refunded on the example's review
    assert all(shown.values())
    assert page.select_case(dhr.case_id_by_reference(page.store, "WSCSP-DHR-2017-02"))  # nothing billed yet
    shown = more_menu_as_shown(qtbot, page)
    assert not shown["Delete a payment…"] and not shown["Reopen a refused or written-off share"]
    assert not shown["Edit cost line…"] and shown["Panel meeting…"] and shown["Delete case"]


def test_the_fund_pages_more_menu_greys_what_a_new_fund_has_nothing_for(tab, qtbot):
    from safer_desk.services import funds

    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    assert all(more_menu_as_shown(qtbot, page).values())
    new = funds.add_fund(page.presenter.store, name="Sanctuary Scheme", starts_on="01/04/2018", ends_on="31/03/2019")
    page.presenter.reload(select=new)
    shown = more_menu_as_shown(qtbot, page)
    assert not shown["Edit referral…"] and not shown["Delete spend line"] and not shown["Edit contribution…"]
    assert shown["Fund settings…"] and shown["New fund…"] and shown["Export fund report…"]


def test_a_share_with_no_payment_says_so_under_its_own_title(tab, qtbot, prompts):
    """More > Delete a payment… on a share nothing has been paid on: said as what it is, not as "Choose first"."""
    reviews = tab.reviews
    assert reviews.shares.select_where(lambda s: getattr(s, "status", "") == "invoiced"
                                       and getattr(s, "paid_pence", 0) == 0)
    assert reviews.delete_payment_dialog() is None
    [(title, text)] = prompts.errors
    assert title == "No payment to delete"
    assert text.startswith("No payment has been recorded on ") and text.endswith(".")


def test_a_spend_line_and_a_cost_line_open_with_a_double_click_and_are_corrected(tab, qtbot, demo_window):
    # A spend line or a cost line keyed wrongly (£950 for a £95 lock) could only be deleted and keyed again.
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    page.table_list.setCurrentRow(page.table_titles.index("Spend lines"))
    spent = page.figure_labels["spent"].text()
    assert page.lines.select_where(lambda r: r["reference"] == "TH-2018-006" and r["amount_pence"] == 9500)
    view = page.lines.view
    cell = view.visualRect(view.currentIndex()).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # a double-click's first press
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    dialog = page.dialog
    assert dialog.windowTitle() == "Spend line Replacement door locks (£95) for TH-2018-006"
    type_into(qtbot, field(dialog, "Amount (blank: the usual price)"), "£59")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert page.lines.current()["amount_pence"] == 5900  # the same line, still chosen
    assert page.figure_labels["spent"].text() != spent
    qtbot.keyClick(demo_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.figure_labels["spent"].text() == spent, timeout=10000)

    reviews = tab.reviews
    tab.pages.setCurrentIndex(0)
    assert reviews.select_case(dhr.case_id_by_reference(reviews.store, BILLED))
    reviews.details.setCurrentIndex(1)
    assert reviews.costs.select_where(lambda c: c["category"] == "Independent chair/author")
    reviews.costs.view.setFocus()
    qtbot.keyClick(reviews.costs.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: reviews.dialog is not None and reviews.dialog.isVisible(), timeout=5000)
    dialog = reviews.dialog
    assert dialog.windowTitle().startswith("Independent chair/author cost of £") and dialog.windowTitle().endswith(
        f" for {BILLED}")
    type_into(qtbot, field(dialog, "Amount"), "£1")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused: the partners paid more than the costs would come to
    assert "paid, refused or written off £4,504.87" in " ".join(label.text() for label in dialog.findChildren(QLabel))


def test_correcting_a_cost_line_with_no_review_chosen_says_to_choose_one(window, tmp_path, qtbot, prompts):
    # More > Edit cost line… in a file with no review yet ended in an unexpected error (no line was ever read).
    from safer_desk.storage.store import open_store

    path = tmp_path / "empty.sqlite"
    open_store(path, create=True).close()
    assert window.open_path(path)
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert tab.reviews.edit_cost_line_dialog() is None
    assert prompts.errors == [("Choose first", "Select a case in the list first.")]


def test_the_referrals_total_row_says_no_yes_or_no_and_has_no_row_number(tab, qtbot):
    # The Referrals table's Total row read "No | No | No" under MARAC, IDVA and "Perpetrator lives there" (bold, and
    # in the copy), and its row header said 16 as if a 16th referral.
    from PySide6.QtGui import QGuiApplication

    page = tab.funds
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    view = page.referrals.view
    model = view.model()
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    last = model.rowCount() - 1
    shown = dict(zip(header, (model.index(last, c).data() for c in range(model.columnCount()))))
    assert shown["Reference"] == "Total" and shown["Spent"] == page.figure_labels["spent"].text()
    assert [shown[h] for h in ("MARAC", "IDVA", "Perpetrator lives there")] == ["", "", ""]
    assert model.index(0, header.index("MARAC")).data() == "Yes"  # a referral still says yes or no
    assert model.index(0, header.index("Perpetrator lives there")).data() == "No"
    assert model.headerData(last - 1, Qt.Orientation.Vertical) == str(last)  # the 15th referral
    assert model.headerData(last, Qt.Orientation.Vertical) == ""  # the totals row is no referral
    view.setFocus()
    view.selectRow(last)
    QGuiApplication.clipboard().setText("(nothing copied)")
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text().splitlines()[-1].split("\t") == [
        "Total", "", "2417", "", "", "", "", "", "", ""]


def test_every_totals_row_of_the_costs_tab_is_unnumbered(tab, qtbot):
    # The same on every table with a totals row whose rows are numbered: the reviews, the ledger, the fund page.
    tab.ledger  # noqa: B018 - built
    tab.funds  # noqa: B018
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    totals = 0
    for view in tab.findChildren(DataTableView):
        model = view.model()
        last = model.rowCount() - 1
        if last < 0 or model.index(last, 0).data(Qt.ItemDataRole.FontRole) is None:
            continue  # no totals row
        totals += 1
        assert model.headerData(last, Qt.Orientation.Vertical) == "", view.accessibleName()
        if last > 0:
            assert model.headerData(last - 1, Qt.Orientation.Vertical) == str(last), view.accessibleName()
    assert totals >= 5


def test_undo_and_redo_of_a_fund_change_bring_the_pooled_funds_page_forward(tab, qtbot, demo_window):
    """An undo of a fund change made while the Costs tab showed the Reviews page changed the fund out of sight."""
    from safer_desk.ui.costs.tab import FUNDS

    tab.pages.setCurrentIndex(FUNDS)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    county = next(c for c in page.data.contributions if c["organisation"] == "Suffolk County Council")
    page.presenter.delete_contribution(county)
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(0)
    demo_window.undo_action.trigger()
    assert tab.pages.currentIndex() == FUNDS
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert page.figure_labels["contributions"].text() == "£20,000"
    tab.pages.setCurrentIndex(0)
    demo_window.redo_action.trigger()
    assert tab.pages.currentIndex() == FUNDS
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    assert page.figure_labels["contributions"].text() == "£16,000"
