"""The kit's word-wrapped label: as tall as its text needs, growing and shrinking with it."""

from PySide6.QtWidgets import QVBoxLayout, QWidget

from safer_desk.ui.kit.forms import WrappedLabel


def test_a_label_shrinks_when_its_text_gets_shorter_or_goes(qtbot):
    # A project's funders' summary of six lines, then three: the label kept the height of six (QLabel never
    # answers a height below its minimum, which the label had set itself), leaving a blank band in the form.
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    label = WrappedLabel()
    layout.addWidget(label)
    holder.resize(300, 400)
    holder.show()
    qtbot.waitExposed(holder)
    label.setText("\n".join(f"line {n}" for n in range(6)))
    tall = label.minimumHeight()
    label.setText("one line")
    assert 0 < label.minimumHeight() < tall / 3
    assert label.minimumHeight() == label.heightForWidth(label.width())
    label.setText("")
    assert label.minimumHeight() == 0
