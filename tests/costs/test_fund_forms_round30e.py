"""Pooled funds, round 30 (fifth look): the fund forms on a new office file.

1. A new fund's first Contribution…: the Contributor box showed Babergh District Council, the officer typed the amount
   and date and pressed Save: "This field is needed." under Contributor, again at the second Save. The form opened
   with no contributor while its box showed its first entry; it saved only after choosing another and Babergh again.
   Every choice of the fund forms is checked the same way: what a box shows is what the form holds.
2. Spend line… on a new file: the Item box was empty (the catalogue is empty) and Save said only "This field is
   needed": the dialog now says to add an item first (More > Catalogue item…).
3. The pooled funds page with no fund yet offered Contribution…, New referral…, Spend line… and Export…: they
   are greyed, with a tooltip saying to add a fund first.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox

from safer_desk.services import funds
from safer_desk.services.reference import add_district, add_organisation
from safer_desk.storage.store import open_store


def new_office(tmp_path, *, fund: bool = True):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    for name in ("Babergh District Council", "Ipswich Borough Council", "Suffolk County Council"):
        add_organisation(store, name, "district" if "District" in name else "other")
    add_district(store, "Babergh")
    add_district(store, "Ipswich")
    if fund:
        funds.add_fund(store, name="Babergh Target Hardening 2025/26", starts_on="01/04/2025", ends_on="31/03/2026",
                       risk_levels="high")
    store.close()
    return path


def fund_page(window, qtbot, path):
    assert window.open_path(path)
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None, timeout=10000)
    page.today = date(2025, 6, 1)
    return page


def shown_is_held(dialog) -> dict[str, tuple[str, str]]:
    """Every choice box whose shown entry is not what the form holds: {key: (shown, held)}."""
    wrong = {}
    for key, widget in dialog.view.widgets.items():
        if isinstance(widget, QComboBox) and not widget.isEditable():
            shown, held = widget.currentData() or "", str(dialog.form.value(key) or "")
            if shown != held:
                wrong[key] = (widget.currentText(), held)
    return wrong


def test_the_first_contribution_saves_the_contributor_the_box_shows(window, qtbot, tmp_path):
    page = fund_page(window, qtbot, new_office(tmp_path))
    dialog = page.contribution_dialog()
    assert dialog.view.widgets["organisation"].currentText() == "Babergh District Council"
    dialog.view.type_into("amount", "5,000")
    dialog.view.type_into("received_on", "01/04/2025")
    assert dialog.save(), dialog.message_text()
    given = funds.contributions(window.session.store, page.fund_id)
    assert [(c["organisation"], c["amount_pence"]) for c in given] == [("Babergh District Council", 500_000)]


def test_every_choice_of_the_fund_forms_shows_what_it_holds(window, qtbot, tmp_path):
    page = fund_page(window, qtbot, new_office(tmp_path))
    store = window.session.store
    fund_id = page.fund_id
    funds.save_item(store, "Door chain", usual_price="£25")
    funds.add_contribution(store, fund_id, organisation="Ipswich Borough Council", amount="£100",
                           received_on="01/04/2025")
    referral = funds.add_referral(store, fund_id, reference="BA-2025-001", district="Ipswich",
                                  referred_on="02/04/2025", risk_level="high", at_marac="yes", idva_assigned="yes",
                                  perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on="03/04/2025", item="Door chain", amount="£25")
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and bool(page.data.referrals), timeout=10000)
    openers = {"new fund": page.new_fund_dialog, "fund settings": page.edit_fund_dialog,
               "contribution": page.contribution_dialog, "referral": page.referral_dialog,
               "spend line": page.spend_dialog, "catalogue item": page.item_dialog}
    for table, opener in ((page.contributions, page.edit_contribution_dialog),
                          (page.referrals, page.edit_referral_dialog), (page.lines, page.edit_spend_dialog)):
        openers[opener.__name__] = (lambda t=table, o=opener: (t.choose_id(t.source_rows()[0]["id"]), o())[1])
    for what, opener in openers.items():
        dialog = opener()
        assert dialog is not None, what
        assert shown_is_held(dialog) == {}, what
        dialog.reject()
        page.presenter.close_form()


def test_a_spend_line_on_an_empty_catalogue_says_to_add_an_item_first(window, qtbot, tmp_path):
    page = fund_page(window, qtbot, new_office(tmp_path))
    store = window.session.store
    funds.add_referral(store, page.fund_id, reference="BA-2025-001", district="Babergh", referred_on="02/04/2025",
                       risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and bool(page.data.referrals), timeout=10000)
    dialog = page.spend_dialog()
    assert "More > Catalogue item…" in dialog.form.note
    dialog.view.type_into("amount", "25")
    assert not dialog.save()
    assert "add one with More > Catalogue item…" in dialog.form.message("item")
    dialog.reject()
    page.presenter.close_form()
    funds.save_item(store, "Door chain", usual_price="£25")
    dialog = page.spend_dialog()
    assert "Catalogue item" not in dialog.form.note  # said only while the catalogue is empty


def test_a_page_with_no_fund_greys_what_needs_one(window, qtbot, tmp_path):
    page = fund_page(window, qtbot, new_office(tmp_path, fund=False))
    buttons = {b.accessibleName(): b for b in page.edit_buttons}
    buttons["Export"] = page.export_button
    for name, button in buttons.items():
        assert not button.isEnabled(), name
        assert "More > New fund" in button.toolTip(), name
    funds.add_fund(window.session.store, name="First fund", starts_on="01/04/2025", ends_on="31/03/2026",
                   risk_levels="high")
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures is not None, timeout=10000)
    for name, button in buttons.items():
        assert button.isEnabled(), name
    assert page.export_button.toolTip() == "Export the fund report (Excel or CSV)"
