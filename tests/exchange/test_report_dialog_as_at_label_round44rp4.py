"""Round 44 (rp4): File > Board Report…'s as-at field says it is the pooled funds' day too.

The field was labelled "DHR figures as at", but the day it gives is also the pooled funds' (their burn-down's spend,
balance and forecast are as at it, and the title page says "Domestic Homicide Reviews and pooled funds: figures as
at …"): a lead who wanted the reviews as at 31 March got the funds as at it too, unsaid, and one who wanted the funds
as at a day would not look there. Its label, its name for a screen reader and its tooltip now say both.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel


def test_the_as_at_field_names_the_dhr_and_the_pooled_funds(demo_window):
    demo_window.exchange_actions["report"].trigger()
    dialog = demo_window.report_dialog
    form = next(f for f in dialog.findChildren(QFormLayout) if f.labelForField(dialog.as_at) is not None)
    label = form.labelForField(dialog.as_at)
    assert isinstance(label, QLabel) and label.text() == "DHR and fund figures a&s at:"
    assert label.buddy() is not None  # Alt+S still goes to it
    assert dialog.as_at.edit.accessibleName() == "DHR and pooled-fund figures as at"
    tip = dialog.as_at.edit.toolTip()
    assert "pooled funds' spend and contributions" in tip and "invoices, payments and refusals" in tip, tip


def test_the_as_at_field_names_the_reviews_as_the_file_calls_them(demo_window):
    """Session 59: with the reviews called Domestic Abuse Related Death Reviews (DESIGN 2.3: a setting), the field
    still said "DHR and fund figures as at", where the title page it feeds says "Domestic Abuse Related Death Reviews
    and pooled funds: figures as at …"."""
    from safer_desk.services.dhr import set_review_label

    set_review_label(demo_window.session.store, "Domestic Abuse Related Death Review")
    demo_window.exchange_actions["report"].trigger()
    dialog = demo_window.report_dialog
    form = next(f for f in dialog.findChildren(QFormLayout) if f.labelForField(dialog.as_at) is not None)
    assert form.labelForField(dialog.as_at).text() == "DARDR and fund figures a&s at:"
    assert dialog.as_at.edit.accessibleName() == "DARDR and pooled-fund figures as at"
    assert "The DARDR and pooled-fund figures on this day" in dialog.as_at.edit.toolTip()
