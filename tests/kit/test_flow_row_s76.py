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


def _fields_row(qtbot, layout_class, **glue):
    """A label and a box of choices asking for more than its share, a label and a name, both given a stretch, and two
    buttons (the Commissioning page's top row)."""
    from PySide6.QtWidgets import QComboBox, QLabel

    holder = QWidget()
    qtbot.addWidget(holder)
    row = layout_class(holder)
    row.setContentsMargins(0, 0, 0, 0)
    choices = QComboBox()
    choices.addItem("Retained budget 2009/10: pilot and DV coordinators, the whole year")
    choices.setMinimumContentsLength(12)  # as the page's: narrower than its longest choice where need be
    name = QLineEdit()
    labels = [QLabel("Scenario:"), QLabel("Name:")]
    row.addWidget(labels[0], **glue)
    row.addWidget(choices, 2)
    row.addWidget(labels[1], **glue)
    row.addWidget(name, 2)
    for words in ("Save", "Delete"):
        row.addWidget(QPushButton(words))
    return holder, row, choices, name, labels


def test_items_with_a_stretch_share_the_room_as_a_box_layout_shares_it(qtbot):
    """Session 76, second pass: a FlowRow kept the box of choices at the width it asks for (343 at 1093x582) and gave
    the name beside it, with the same stretch, the rest (188); a QHBoxLayout counts an item with a stretch at its
    least and gave both 265. The Commissioning page's row, made a FlowRow, would have changed so."""
    flow_holder, _flow, flow_choices, flow_name, _ = _fields_row(qtbot, FlowRow)
    box_holder, box, box_choices, box_name, _ = _fields_row(qtbot, QHBoxLayout)
    width = box.sizeHint().width() + 40  # room to spare, less than the box of choices asks for over the name's
    _laid_out(flow_holder, width)
    _laid_out(box_holder, width)
    assert abs(flow_choices.width() - box_choices.width()) <= 1
    assert abs(flow_name.width() - box_name.width()) <= 1


def test_a_label_added_with_next_goes_onto_the_next_line_with_its_field(qtbot):
    holder, row, choices, name, labels = _fields_row(qtbot, FlowRow, with_next=True)
    narrow = row.minimumSize().width()
    assert narrow >= labels[0].minimumSizeHint().width() + choices.minimumSizeHint().width()  # never apart
    _laid_out(holder, narrow)
    for label, field in zip(labels, (choices, name)):
        assert abs(label.mapTo(holder, label.rect().center()).y() - field.mapTo(holder, field.rect().center()).y()) <= 2
        assert label.x() < field.x()
    assert name.y() > choices.y()  # the name, with its label, on a line below


def test_a_row_kept_on_one_line_is_as_narrow_as_a_box_layout(qtbot):
    holder, row, buttons, _search = _row(qtbot, FlowRow)
    _box_holder, box, _b, _s = _row(qtbot, QHBoxLayout)
    row.keep_on_one_line(True)
    assert row.minimumSize().width() == box.minimumSize().width()
    _laid_out(holder, row.minimumSize().width())
    assert len({b.y() for b in buttons}) == 1
    row.keep_on_one_line(False)
    assert row.minimumSize().width() < box.minimumSize().width()
