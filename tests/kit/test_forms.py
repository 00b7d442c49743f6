"""The kit's form and date field driven through their widgets: typing, Enter, Save, Revert, messages, dates."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout

from safer_desk.presenters.forms import Field, FieldKind, FormError, FormPresenter
from safer_desk.ui.kit.dates import DateField
from safer_desk.ui.kit.forms import FormView, set_widget_text, widget_text

TODAY = date(2026, 4, 1)


def cost_line_fields():
    """The fields of a DHR cost line dialog, and enough more to overflow a small dialog."""
    fields = [Field("what", "&What", FieldKind.CHOICE, choices=(("chair", "Independent chair"), ("admin", "Admin"))),
              Field("amount", "&Amount", FieldKind.MONEY, required=True),
              Field("invoice_date", "&Invoice date", FieldKind.DATE),
              Field("share", "&Share", FieldKind.PERCENTAGE),
              Field("supplier", "Su&pplier", FieldKind.EDITABLE_CHOICE, choices=(("AAFDA", "AAFDA"),)),
              Field("notes", "&Notes", FieldKind.LONG_TEXT)]
    fields += [Field(f"extra{i}", f"Extra {i}") for i in range(14)]
    fields.append(Field("paid_on", "Paid &on", FieldKind.DATE))
    return fields


class Dialog(QDialog):
    def __init__(self, presenter, **kwargs):
        super().__init__()
        self.setWindowTitle(presenter.title)
        layout = QVBoxLayout(self)
        self.view = FormView(presenter, self, **kwargs)
        layout.addWidget(self.view)


@pytest.fixture
def saved():
    return []


@pytest.fixture
def presenter(saved):
    p = FormPresenter(cost_line_fields(), save_fn=lambda values, parsed: saved.append(parsed),
                      today=lambda: TODAY, title="Cost line for WSCSP-DHR-2026-07")
    p.load({"what": "chair", "amount": "£1,000"}, heading="Cost line for WSCSP-DHR-2026-07")
    return p


@pytest.fixture
def dialog(presenter, qtbot):
    d = Dialog(presenter, save_text="&Save cost line")
    qtbot.addWidget(d)
    d.resize(420, 300)  # far smaller than the fields need: they scroll, the buttons do not
    d.show()
    qtbot.waitExposed(d)
    return d


def inside(widget, window) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return widget.isVisible() and QRect(QPoint(0, 0), window.size()).contains(QRect(top_left, widget.size()))


def type_into(qtbot, widget, text):
    edit = widget.edit if isinstance(widget, DateField) else widget
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_the_first_field_has_the_keyboard_when_the_form_opens(presenter, qtbot):
    # The form's scroll area took the focus: a person typing straight away typed into nothing, and a screen reader
    # said "scroll area". Tab from the first field reaches the next field, never the scroll area.
    from PySide6.QtWidgets import QApplication, QScrollArea

    d = Dialog(presenter, save_text="&Save cost line")
    qtbot.addWidget(d)
    d.show()
    d.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is d)
    first = d.view.widgets[presenter.fields[0].key]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first or first.isAncestorOf(QApplication.focusWidget()))
    assert all(s.focusPolicy() == Qt.FocusPolicy.NoFocus for s in d.findChildren(QScrollArea))


def test_save_and_revert_stay_in_view_however_many_fields(dialog):
    view = dialog.view
    assert view.heading.text() == "Cost line for WSCSP-DHR-2026-07" and view.heading.isVisible()
    assert view.save_button.text() == "&Save cost line" and view.save_button.isDefault()
    assert inside(view.save_button, dialog) and inside(view.discard_button, dialog)
    assert view.body.height() > view.scroll.viewport().height()  # the fields themselves do not fit
    last = view.widgets["paid_on"]
    assert not QRect(QPoint(0, 0), view.scroll.viewport().size()).contains(last.mapTo(view.scroll.viewport(),
                                                                                       QPoint(0, 0)))


def test_a_message_sits_beside_its_field_and_the_field_is_brought_into_view(dialog, qtbot, saved):
    view = dialog.view
    type_into(qtbot, view.widgets["paid_on"], "31/02/2026")  # far down the form, and not a date
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert saved == []
    message, field = view.messages["paid_on"], view.widgets["paid_on"]
    assert message.isVisible() and message.text().startswith("⚠ “31/02/2026” is not a date")
    assert view.form_message.isVisible() and inside(view.form_message, dialog)
    # beside its field: right under it, in the same cell, starting where the field starts
    gap = message.mapTo(view.body, QPoint(0, 0)).y() - (field.mapTo(view.body, QPoint(0, 0)).y() + field.height())
    assert 0 <= gap <= 6
    assert message.mapTo(view.body, QPoint(0, 0)).x() == field.mapTo(view.body, QPoint(0, 0)).x()
    viewport = view.scroll.viewport()
    top = field.mapTo(viewport, QPoint(0, 0)).y()
    assert 0 <= top and top + field.height() <= viewport.height()  # scrolled to the field
    assert QApplication.focusWidget() is field.edit
    assert message.accessibleName() == "Message about Paid on"
    assert message.height() >= message.heightForWidth(message.width())  # wrapped, every line shown
    for key in ("amount", "what", "extra3"):
        assert not view.messages[key].isVisible()


def test_enter_in_a_single_line_field_saves_the_form(dialog, qtbot, saved):
    view = dialog.view
    type_into(qtbot, view.widgets["amount"], "£2,417")
    assert view.discard_button.isEnabled()
    qtbot.keyClick(view.widgets["amount"], Qt.Key.Key_Return)
    assert saved[-1]["amount"] == 241_700 and saved[-1]["what"] == "chair"
    assert not view.discard_button.isEnabled()  # nothing left to revert
    type_into(qtbot, view.widgets["invoice_date"], "1 April 2026")
    qtbot.keyClick(view.widgets["invoice_date"].edit, Qt.Key.Key_Enter)
    assert saved[-1]["invoice_date"] == date(2026, 4, 1)


def test_revert_puts_back_what_was_loaded(dialog, qtbot, presenter, prompts):
    view = dialog.view
    type_into(qtbot, view.widgets["amount"], "£5")
    view.widgets["what"].setCurrentIndex(1)
    qtbot.keyClicks(view.widgets["notes"], "second invoice")
    assert presenter.value("what") == "admin" and presenter.value("notes") == "second invoice"
    prompts.answers.append(True)  # Revert asks (session 69): Discard
    qtbot.mouseClick(view.discard_button, Qt.MouseButton.LeftButton)
    assert view.widgets["amount"].text() == "£1,000" and view.widgets["what"].currentText() == "Independent chair"
    assert view.widgets["notes"].toPlainText() == "" and not presenter.is_dirty


def test_a_slip_is_asked_beside_its_field_then_kept_on_the_second_save(dialog, qtbot, saved):
    view = dialog.view
    type_into(qtbot, view.widgets["share"], "120")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert saved == [] and "more than 100%" in view.messages["share"].text()
    assert "Save again to keep it." in view.messages["share"].text()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert saved and str(saved[-1]["share"]) == "120"


def test_problems_found_by_the_save_function_go_beside_their_fields(qtbot):
    def refuse(values, parsed):
        raise FormError({"amount": "A payment of £700 is more than the £684.15 outstanding."}, "")

    p = FormPresenter([Field("amount", "&Amount", FieldKind.MONEY)], save_fn=refuse, title="Payment")
    p.load({"amount": "£700"}, dirty=True)
    d = Dialog(p)
    qtbot.addWidget(d)
    d.show()
    assert not d.view.save()
    assert d.view.messages["amount"].text() == "⚠ A payment of £700 is more than the £684.15 outstanding."


def test_an_editable_choice_takes_typed_text_and_a_read_only_form_takes_nothing(qtbot, presenter, saved):
    d = Dialog(presenter)
    qtbot.addWidget(d)
    d.show()
    supplier = d.view.widgets["supplier"]
    assert isinstance(supplier, QComboBox) and supplier.isEditable()
    supplier.lineEdit().selectAll()
    qtbot.keyClicks(supplier.lineEdit(), "Standing Together")
    assert presenter.value("supplier") == "Standing Together"
    qtbot.keyClick(supplier.lineEdit(), Qt.Key.Key_Return)  # Enter saves here too
    assert saved[-1]["supplier"] == "Standing Together"
    presenter.read_only = True
    presenter.changed.emit()
    assert not d.view.save_button.isEnabled() and not d.view.widgets["amount"].isEnabled()
    assert not d.view.save()


def test_pairs_sections_and_a_custom_widget(qtbot):
    custom = QLabel("grid")
    fields = [Field("start", "&Start", FieldKind.DATE), Field("end", "&End", FieldKind.DATE),
              Field("a", "A"), Field("lines", "Lines", FieldKind.CUSTOM), Field("b", "B", help="What B means")]
    p = FormPresenter(fields, today=lambda: TODAY)
    p.load({})
    d = Dialog(p, pairs={"start": "end"}, sections=[("Dates", ["start", "a"]), ("Lines", ["lines"])],
               custom={"lines": custom})
    qtbot.addWidget(d)
    d.show()
    view = d.view
    assert set(view.sections) == {"Dates", "Lines"}
    assert view.widgets["lines"] is custom
    start, end = view.widgets["start"], view.widgets["end"]
    assert start.mapTo(view, QPoint(0, 0)).y() == end.mapTo(view, QPoint(0, 0)).y()  # one row
    assert view.labels["end"].buddy() is end.edit and view.labels["b"].toolTip() == "What B means"
    assert view.labels["b"].isVisible()  # a field in no section still gets a row
    type_into(qtbot, end, "1/4/26")
    type_into(qtbot, start, "2/4/26")
    p.check_fn = lambda parsed: {"end": "The project ends before it starts."} if parsed["end"] < parsed["start"] \
        else {}
    assert not view.save()
    assert view.messages["end"].text() == "⚠ The project ends before it starts."


def test_widget_text_and_set_widget_text_for_each_kind(qtbot):
    combo = QComboBox()
    combo.addItem("Independent chair", "chair")
    combo.addItem("Admin", "admin")
    set_widget_text(combo, "admin")
    assert widget_text(combo) == "admin"
    set_widget_text(combo, "Independent chair")  # found by its label too
    assert widget_text(combo) == "chair"
    text = QPlainTextEdit()
    set_widget_text(text, "two\nlines")
    assert widget_text(text) == "two\nlines"
    edit = QLineEdit()
    set_widget_text(edit, None)
    assert widget_text(edit) == ""


# -- the date field -----------------------------------------------------------------------------------

@pytest.fixture
def field(qtbot):
    f = DateField(accessible_name="Paid on")
    qtbot.addWidget(f)
    f.show()
    return f


@pytest.mark.parametrize("typed", ["1/4/26", "01/04/2026", "1-4-26", "1 April 2026", "01-04-2026", "1 Apr 26"])
def test_the_date_field_accepts_what_british_users_type(field, qtbot, typed):
    qtbot.keyClicks(field.edit, typed)
    assert field.date() == date(2026, 4, 1)
    edited = []
    field.textEdited.connect(edited.append)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)  # Enter (or leaving the field) tidies it
    assert field.text() == "01/04/2026"
    assert edited == ([] if typed == "01/04/2026" else ["01/04/2026"])  # the form hears the tidied text


@pytest.mark.parametrize("typed", ["31/02/2026", "29/02/2025", "1/13/26", "next Tuesday"])
def test_the_date_field_refuses_a_day_that_does_not_exist(field, qtbot, typed):
    qtbot.keyClicks(field.edit, typed)
    assert field.date() is None
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.text() == typed  # left as typed, for the message beside it to talk about


def test_a_refused_date_is_a_message_beside_its_field(qtbot):
    p = FormPresenter([Field("paid_on", "Paid &on", FieldKind.DATE)], today=lambda: TODAY)
    p.load({})
    d = Dialog(p)
    qtbot.addWidget(d)
    d.show()
    type_into(qtbot, d.view.widgets["paid_on"], "31/02/2026")
    assert not d.view.save()
    assert d.view.messages["paid_on"].text() == "⚠ “31/02/2026” is not a date: February 2026 has 28 days."


def test_the_calendar_picks_a_date_and_opens_on_the_date_typed(field, qtbot):
    assert field.button.accessibleName() == "Choose Paid on from a calendar"
    assert field.edit.accessibleName() == "Paid on" and field.focusProxy() is field.edit
    qtbot.keyClicks(field.edit, "15/10/2025")
    field.button.menu().aboutToShow.emit()
    assert field.calendar.selectedDate() == QDate(2025, 10, 15)
    with qtbot.waitSignal(field.textEdited) as edited:
        field.calendar.clicked.emit(QDate(2026, 4, 1))
    assert edited.args == ["01/04/2026"] and field.text() == "01/04/2026"
    field.setText("")
    assert field.date() is None
    field.button.menu().aboutToShow.emit()  # nothing typed: the calendar opens on today
    assert field.calendar.selectedDate() == QDate.currentDate()


def test_a_splitter_cannot_squeeze_the_fields_out_of_view(qtbot):
    from PySide6.QtWidgets import QSplitter, QTableView

    fields = [Field("status", "Stat&us", FieldKind.CHOICE, choices=(("proposed", "Proposed"),)),
              Field("since", "since", FieldKind.DATE), Field("capital", "Capital", FieldKind.MONEY),
              Field("revenue", "Revenue", FieldKind.MONEY)]
    p = FormPresenter(fields, today=lambda: TODAY)
    p.load({})
    splitter = QSplitter()
    qtbot.addWidget(splitter)
    splitter.addWidget(QTableView())
    view = FormView(p, pairs={"status": "since", "capital": "revenue"})
    splitter.addWidget(view)
    splitter.resize(900, 300)
    splitter.show()
    splitter.setSizes([890, 10])  # the person drags the handle far right
    QApplication.processEvents()
    viewport = view.scroll.viewport()
    assert view.body.width() <= viewport.width()
    for widget in list(view.widgets.values()) + list(view.labels.values()):
        left = widget.mapTo(viewport, QPoint(0, 0)).x()
        assert 0 <= left and left + widget.width() <= viewport.width()
        assert widget.width() >= widget.minimumSizeHint().width()


def test_typing_into_a_date_field_from_code_tells_the_form_as_typing_a_line_does(qtbot):
    """FormView.type_into (what dialogs' code and tests type with) set a date field's text without telling the form:
    the form saved the date it held before, and a test typing a date tested nothing."""
    p = FormPresenter([Field("since", "since", FieldKind.DATE), Field("note", "Note")], today=lambda: TODAY)
    p.load({"since": "2018-04-01", "note": "kept"})
    view = FormView(p)
    qtbot.addWidget(view)
    view.type_into("since", "15/09/2018")
    view.type_into("note", "changed")
    assert p.value("since") == "15/09/2018" and p.value("note") == "changed"
    assert p.dirty_fields() == ["since", "Note"]  # by their labels
