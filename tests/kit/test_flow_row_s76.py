"""Session 76: ``FlowRow``, the kit's row of controls that goes onto further lines where it does not fit.

A ``QHBoxLayout`` of buttons cannot be narrower than all of them side by side: the tab holding it scrolled sideways
and the last buttons were off the window (a laptop at 125% or 150% with a 12 pt font)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QPushButton, QWidget

from safer_desk.ui.kit.flow import FlowRow, together

WORDS = ["New case…", "Edit case…", "Cost line…", "Split…", "Bill partners (charge)…", "Payment…", "Refused…"]


def _row(qtbot, layout_class):
    holder = QWidget()
    qtbot.addWidget(holder)
    row = layout_class(holder)
    row.setContentsMargins(0, 0, 0, 0)
    buttons = [QPushButton(words) for words in WORDS]
    for button in buttons:
        row.addWidget(button)
    search = QLineEdit()
    row.addWidget(search, 1)
    return holder, row, buttons, search


def _laid_out(holder, width: int) -> None:
    layout = holder.layout()
    height = layout.heightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
    holder.resize(width, height)
    holder.show()
    QApplication.processEvents()


def test_a_narrow_row_goes_onto_more_lines_with_every_button_whole_and_inside(qtbot):
    holder, row, buttons, search = _row(qtbot, FlowRow)
    one_line = row.sizeHint().width()
    narrow = one_line // 2
    assert row.minimumSize().width() <= max(b.minimumSizeHint().width() for b in buttons + [search])
    _laid_out(holder, narrow)
    room = QRect(0, 0, narrow, holder.height())
    for button in buttons:
        assert room.contains(button.geometry()), (button.text(), button.geometry(), narrow)
        assert button.width() >= button.sizeHint().width()  # its words whole
    lines = {b.y() for b in buttons}
    assert len(lines) >= 2
    assert row.heightForWidth(narrow) > row.heightForWidth(one_line)
    tops = sorted(buttons, key=lambda b: (b.y(), b.x()))
    assert [b.text() for b in tops] == WORDS  # in their order, left to right then down


def test_a_row_that_fits_is_laid_out_as_a_box_layout_would(qtbot):
    wide = 1400
    flow_holder, _row_a, flow_buttons, flow_search = _row(qtbot, FlowRow)
    box_holder, _row_b, box_buttons, box_search = _row(qtbot, QHBoxLayout)
    _laid_out(flow_holder, wide)
    _laid_out(box_holder, wide)
    assert len({b.y() for b in flow_buttons}) == 1
    assert [b.width() for b in flow_buttons] == [b.width() for b in box_buttons]
    assert abs(flow_search.width() - box_search.width()) <= 2  # the rest to the one given a stretch
    assert flow_search.geometry().right() <= wide


def test_a_label_kept_with_its_field(qtbot):
    from PySide6.QtWidgets import QLabel

    holder = QWidget()
    qtbot.addWidget(holder)
    row = FlowRow(holder)
    label, field = QLabel("Reviews as at:"), QLineEdit()
    row.addWidget(QPushButton("A long button that fills the line"))
    row.addWidget(together(label, field))
    _laid_out(holder, QPushButton("A long button that fills the line").sizeHint().width() + 20)
    assert label.parentWidget() is field.parentWidget()
    assert abs(label.mapTo(holder, label.rect().center()).y() - field.mapTo(holder, field.rect().center()).y()) <= 2
    assert field.mapTo(holder, field.rect().topLeft()).y() > 10  # on the second line, with its label
