"""Round 28 (t28p): what a screen reader is given on the Costs, Budgets and Allocation tabs and the county dialogs.

A label with an accessible name hands a screen reader that name in place of its text: each figure, total, status,
warning and message below was read out as its name alone ("Balance", "Total", "Saved or not", "Warning")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from safer_desk.domain.budgets import Cell
from safer_desk.services import budgets as plans
from safer_desk.services import dhr


def spoken(label) -> str:
    """What a screen reader is given for a label: its accessible name, then its description."""
    face = QAccessible.queryAccessibleInterface(label)
    return " ".join(filter(None, (face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description))))


def says(label, name: str) -> bool:
    return bool(label.text()) and spoken(label) == f"{name} {label.text()}"


def test_the_costs_tab_reads_out_a_case_s_billing_the_split_s_shares_and_the_fund_s_figures(demo_window, qtbot):
    """The net billed sentence was "Billing of the selected case"; in the split dialog every share was "Share of
    Suffolk County Council" and the total "Total", a refused or net figure a bare sum with no partner or column; the
    fund's ten figures were "Balance", "Runs out" … never a sum."""
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    page.presenter.select(dhr.case_id_by_reference(page.store, "WSCSP-DHR-2017-01"))
    qtbot.waitUntil(lambda: "net" in page.billing.text())
    assert says(page.billing, "Billing of the selected case")
    dialog = page.split_dialog()
    share = next(label for label in dialog.share_labels.values() if label.text() not in ("", "—"))
    assert "£" in share.text() and says(share, share.accessibleName())
    assert says(dialog.total, "Total") and says(dialog.preview_total, "Total of the shares")
    assert dialog.split.billed  # billed, refused in part: each partner's refused, net and status said with whose
    refused = next(extras[1] for extras in dialog.extra_labels.values() if extras[1].text() not in ("", "—", "£0.00"))
    assert "£" in refused.text() and says(refused, refused.accessibleName())
    assert refused.accessibleName().startswith("Refused or written off for ")
    assert spoken(dialog.findChild(type(dialog.total), options=Qt.FindChildOption.FindDirectChildrenOnly)
                  ).startswith("Record being edited ")
    dialog.reject()
    tab.pages.setCurrentIndex(2)
    funds = tab.funds
    qtbot.waitUntil(lambda: funds.figure_labels["balance"].text() != "…", timeout=10000)
    assert says(funds.figure_labels["balance"], "Balance") and "£" in funds.figure_labels["balance"].text()
    assert says(funds.figure_labels["runs_out"], "Runs out")


def test_the_budgets_tab_reads_out_the_plan_and_the_printed_figures_that_disagree(demo_window, qtbot):
    """"Printed figures that disagree" was all that was said of a subtotal the paper printed wrong; the plan's summary
    and the splits kept as notes were their names alone."""
    tab = demo_window.show_tab("budgets")
    assert says(tab.summary, "Plan summary")
    shown = next(i for i in range(tab.plan_list.count()) if "⚠" in tab.plan_list.item(i).text())
    tab.plan_list.setCurrentRow(shown)
    assert tab.warnings.text().startswith("⚠") and says(tab.warnings, "Printed figures that disagree")


def test_the_allocation_tab_reads_out_the_split_of_the_pot_and_how_a_figure_was_reached(demo_window, qtbot):
    """"How the pot was split" never said how, nor "How the selected partnership's figure was reached" how."""
    tab = demo_window.show_tab("allocation")
    assert spoken(tab.scenario_status).startswith("Saved or not Working on 2009/10") and "✓ as saved" in spoken(
        tab.scenario_status)  # said already: its description is the scenario's label
    assert tab.summary_label.text().startswith("Pot £") and says(tab.summary_label, "How the pot was split")
    assert says(tab.explanation_label, "How the selected partnership's figure was reached")


def test_the_county_dialogs_read_out_the_warning_the_fingerprint_and_the_merge(demo_window, qtbot, tmp_path):
    """A key already held by another office was read out as "Warning" and nothing more; the fingerprint to compare
    on the phone as "Key fingerprint"; the merge's summary and a selected conflict by their names alone."""
    from safer_desk.services.county import KeyOffer
    from safer_desk.ui.exchange.dialogs import KeyConfirmDialog

    offer = KeyOffer(tmp_path / "export.sqlite", "09AF 8D6F 15B7 AEE7 5CB3 5715", "office:bms",
                     "Babergh & Mid Suffolk office", "J Smith", ("Ipswich office",), "not registered")
    dialog = KeyConfirmDialog(offer)
    qtbot.addWidget(dialog)
    warning = next(w for w in dialog.findChildren(type(dialog.fingerprint_label)) if w.accessibleName() == "Warning")
    assert "Ipswich office" in spoken(warning) and says(warning, "Warning")
    assert spoken(dialog.fingerprint_label) == "Key fingerprint 09AF 8D6F 15B7 AEE7 5CB3 5715"



def alt_letters(window) -> dict[str, list[str]]:
    """Every Alt letter the window answers as it is shown: the menus', the tabs' and each shown label's and button's."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar, QWidget

    texts = [a.text() for a in window.menuBar().actions()]
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
    found: dict[str, list[str]] = {}
    for text in texts:
        marked = text.replace("&&", "").split("&")
        if len(marked) > 1 and marked[1][:1].strip():
            found.setdefault(marked[1][0].lower(), []).append(text)
    return found


def test_no_alt_letter_is_twice_on_the_budgets_costs_or_allocation_tabs(demo_window, qtbot):
    """"Read as s&plits", shown under a plan whose cells keep a split in a note, shared Alt+P with the Projects tab:
    the officer pressing it to read the notes was taken to the Projects tab instead."""
    store = demo_window.session.store
    plan = plans.create_plan(store, "WSCSP financial implications", columns=["2019/20"])
    line = plans.add_line(store, plans.add_section(store, plan, "Revenue"), "Target hardening")
    plans.set_cell(store, line, "2019/20", Cell("amount", 400_000, "£4,000 (£1,500 per Borough)",
                                                "£1,500 per Borough"))
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    tab.presenter.reload()
    tab.presenter.select(plan)
    qtbot.waitUntil(tab.split_notes_row.isVisible)
    twice = {k: v for k, v in alt_letters(demo_window).items() if len(v) > 1}
    assert twice == {}
    for key in ("allocation", "costs"):
        shown = demo_window.show_tab(key)
        qtbot.waitUntil(shown.isVisible)
        pages = getattr(shown, "pages", None)
        for i in range(pages.count() if pages is not None else 1):
            if pages is not None:
                pages.setCurrentIndex(i)
                qtbot.waitUntil(lambda: pages.currentWidget().isVisible())
            twice = {k: v for k, v in alt_letters(demo_window).items() if len(v) > 1}
            assert twice == {}, (key, i)
