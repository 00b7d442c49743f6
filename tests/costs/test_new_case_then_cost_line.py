"""Issue 11's headline: after Costs > New case… the next Cost line… went to the previous, billed review.

Driven as a person does it: buttons found by their visible text, fields by their label, typed
into; assertions on the dialog's title and first line and on the figures the table shows.
"""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QPlainTextEdit

from safer_desk.services import dhr

TODAY = date(2018, 9, 1)


def button(widget, text):
    """The visible button whose text (without its Alt mark and "…") is ``text``."""
    for b in widget.findChildren(QAbstractButton):
        if b.text().replace("&", "").rstrip("…") == text and b.isVisible():
            return b
    raise AssertionError(f"no button {text!r}")


def field(dialog, name):
    """The input a person reaches by the label ``name`` (its accessible name)."""
    for kind in (QLineEdit, QComboBox, QPlainTextEdit):
        for w in dialog.findChildren(kind):
            if w.accessibleName() == name:
                return w
    raise AssertionError(f"no field {name!r}")


def type_into(qtbot, widget, text):
    if isinstance(widget, QComboBox):
        i = widget.findText(text)
        assert i >= 0, text
        widget.setCurrentIndex(i)
        return
    widget.setFocus()
    widget.selectAll() if isinstance(widget, QLineEdit) else widget.clear()
    qtbot.keyClicks(widget, text)


def open_dialog(qtbot, page, text):
    qtbot.mouseClick(button(page, text), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=5000)
    return page.dialog


def first_line(dialog):
    labels = [lab for lab in dialog.findChildren(QLabel) if lab.isVisible() and lab.text()]
    labels.sort(key=lambda lab: lab.mapTo(dialog, lab.rect().topLeft()).y())
    return labels[0].text()


def shown_cost(page, reference):
    model = page.cases.view.model()
    col = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Cost")
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == reference:
            return model.index(r, col).data()
    raise AssertionError(reference)


@pytest.fixture
def page(costs_tab):
    return costs_tab.reviews


def test_a_new_case_is_selected_and_its_cost_line_goes_to_it(page, qtbot):
    assert shown_cost(page, "WSCSP-DHR-2017-01") == "£7,525.58"
    dialog = open_dialog(qtbot, page, "New case")
    type_into(qtbot, field(dialog, "Reference"), "WSCSP-DHR-2026-07")
    type_into(qtbot, field(dialog, "District"), "Babergh")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    selected = page.cases.current()
    assert selected is not None and selected.reference == "WSCSP-DHR-2026-07"  # the new case is selected

    dialog = open_dialog(qtbot, page, "Cost line")
    assert dialog.windowTitle() == "Cost line for WSCSP-DHR-2026-07"
    assert "WSCSP-DHR-2026-07" in first_line(dialog)
    type_into(qtbot, field(dialog, "Amount"), "2000")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert shown_cost(page, "WSCSP-DHR-2017-01") == "£7,525.58"  # the billed review is untouched
    assert shown_cost(page, "WSCSP-DHR-2026-07") == "£2,000.00"  # pence column-wide
    new_id = dhr.case_id_by_reference(page.store, "WSCSP-DHR-2026-07")
    assert dhr.case_cost_pence(page.store, new_id) == 200000
