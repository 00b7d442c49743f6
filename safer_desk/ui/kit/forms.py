"""The kit's form: renders any ``FormPresenter`` field by field, with the Save button always in view.

A heading naming the record and the form's message sit above the fields; the fields scroll;
the button bar sits below the scroll area, so at 1093×582 Save and the messages stay visible.
Each field's message (a problem, or a question about a likely slip) sits right by its field.
Enter in a single-line field saves the form; the window's Ctrl+S saves it too. A dialog's form over a file open
read-only is there to be read (``FormView.close_only``): its top says so, and it has Close only.
"""

from __future__ import annotations

from typing import Callable, Collection, Mapping, Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget)

from safer_desk.presenters.forms import Field, FieldKind, FormPresenter
from safer_desk.ui import prompts
from safer_desk.ui.kit import dialog_room, fitting_size
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.colours import alert_colour, alert_style, themed
from safer_desk.ui.kit.labels import NamedLabel
from safer_desk.ui.kit.dates import DateField
from safer_desk.ui.kit.dialogs import GuardedDialog
from safer_desk.ui.kit.typing_undo import shows_held


READ_ONLY_NOTE = ("The file is open read-only: this record can be read, not changed (the title bar says read-only). "
                  "To change it, open the file again when nobody else has it open, or use File > Save a Copy… and "
                  "work in the copy.")


def form_message_style() -> str:
    """The box of a form's message: the theme's warning red, framed."""
    return alert_style(f"border: 1px solid {alert_colour()}; padding: 4px;")


def field_widget(field: Field) -> QWidget:
    """The widget for a field's kind (a CUSTOM field gets none: the screen supplies it)."""
    name = field.plain_label
    if field.kind == FieldKind.LONG_TEXT:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
        edit.setPlaceholderText(field.placeholder)
        edit.setAccessibleName(name)
        return edit
    if field.kind == FieldKind.DATE:
        date_field = DateField(accessible_name=name, placeholder=field.placeholder or "dd/mm/yyyy")
        date_field.edit.setToolTip(field.placeholder)  # "today if blank": gone once typed over, cut short if narrow
        return date_field
    if field.kind in (FieldKind.CHOICE, FieldKind.EDITABLE_CHOICE):
        combo = ChoiceBox()
        combo.setAccessibleName(name)
        combo.setEditable(field.kind == FieldKind.EDITABLE_CHOICE)
        for value, label in field.choices:
            combo.addItem(label, value)
        return combo
    edit = QLineEdit()
    edit.setPlaceholderText(field.placeholder)
    edit.setToolTip(field.placeholder)
    edit.setAccessibleName(name)
    if field.kind in (FieldKind.MONEY, FieldKind.NUMBER, FieldKind.PERCENTAGE):
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    return edit


def widget_text(widget: QWidget) -> str:
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else (widget.currentData() or "")
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return widget.text()  # QLineEdit, DateField


def _as_shown(text: str) -> str:
    """Text as a box of several lines shows it: Windows' and old Macs' line endings (and Unicode's line and paragraph
    separators) as one new line each."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")


NOT_IN_LIST = " (not in the list)"
_HELD = Qt.ItemDataRole.UserRole + 1  # marks a list's entry for a value held that is not among its choices


def show_held(combo: QComboBox, value: str, *, required: bool = False) -> None:
    """Show in a list the value its form holds. A value not among the choices (kept from an older program, a merge or
    an import, or one the list no longer offers) gets an entry of its own at the end, marked as not in the list: shown
    as the first choice, the box showed a value the record does not hold, and a Revert put that first choice in the
    form, so Save wrote it without a word. The entry goes when the form holds a choice of the list again. A needed
    choice not made yet (a list without a blank entry) shows nothing chosen: its first entry shown was then refused
    on Save as "This field is needed"."""
    listed = combo.isEditable() or not value or combo.findData(value) >= 0 or combo.findText(value) >= 0
    if not listed:
        held = next((i for i in range(combo.count()) if combo.itemData(i, _HELD)), -1)
        if held < 0:
            combo.addItem("", value)
            held = combo.count() - 1
            combo.setItemData(held, True, _HELD)
        combo.setItemText(held, value + NOT_IN_LIST)
        combo.setItemData(held, value)
        combo.setCurrentIndex(held)
        return
    if required and not value and not combo.isEditable() and combo.findData("") < 0:
        combo.setCurrentIndex(-1)
    else:
        set_widget_text(combo, value)
    for i in reversed(range(combo.count())):
        if combo.itemData(i, _HELD) and i != combo.currentIndex():
            combo.removeItem(i)


def set_widget_text(widget: QWidget, text: str) -> None:
    text = "" if text is None else str(text)
    if widget_text(widget) == text:
        return
    if isinstance(widget, QPlainTextEdit) and widget_text(widget) == _as_shown(text):
        return  # shown already (set again, the cursor and the scroll went back to the start at every refresh)
    if isinstance(widget, QComboBox):
        i = widget.findData(text)
        if i < 0:
            i = widget.findText(text)
        if i < 0 and widget.isEditable():
            widget.setEditText(text)
        else:
            widget.setCurrentIndex(max(i, 0))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        widget.setText(text)
        if isinstance(widget, QLineEdit) and not widget.hasFocus():
            # setText leaves the cursor, and the view, at the end: a title longer than its field read "initiative:
            # Prostitution Support via ICENI Project", its start out of sight
            widget.setCursorPosition(0)


class WrappedLabel(NamedLabel):
    """A word-wrapped label that takes any width it is given and is always as tall as its text then needs.

    A long message never widens the form. QFormLayout does not ask a field's nested layout for its
    height at the field's real width, so a wrapped message beside its field was clipped (seen at
    1093×582); the label sets that height as its own minimum whenever its width or text changes.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit_height()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        if self.text():
            # QLabel never answers a height below its minimum: asked with the minimum in place, a shorter text
            # (or an emptied one) kept the height of the longest it had held, a blank band in the form.
            held = self.minimumHeight()
            self.setMinimumHeight(0)
            need = self.heightForWidth(max(self.width(), 1))
            self.setMinimumHeight(held)
        else:
            need = 0
        if need >= 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)


class _EnterOnce(QObject):
    """On an editable list: Qt's list hands Enter back to its text box, which then says returnPressed a second time
    (the form saved twice, the second save keeping a figure the first had only queried). The list's own handling of
    Enter is skipped; the key still goes on to a dialog, as before."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()
            return True
        return False


class _EscPutsBack(QObject):
    """Esc in a single-line field of a form in place (the register's project editor, not a dialog's) puts back what
    the file holds for that field alone, as Esc does in the Allocation tab's options and the Reviews page's As at:
    it did nothing, and only Revert (every field) went back. In a dialog Esc is the dialog's (it asks, then closes);
    a field showing what the file holds leaves the key to the window."""

    def __init__(self, view: "FormView"):
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.key() != Qt.Key.Key_Escape or event.modifiers():
            return False
        view = self.view
        if isinstance(view.window(), QDialog):
            return False
        key = next((k for k, w in view.widgets.items() if view._focus_of(w) is watched), None)
        p = view.presenter
        if key is None or not p.saved_values or view._shows_saved(key):
            return False
        p.set_value(key, p.saved_values.get(key))
        return True


class FormView(QWidget):
    """Shows a FormPresenter and forwards typing and clicks to it.

    ``pairs`` puts a second field on the same row as the first ({"start_date": "end_date"});
    ``unlabelled`` names partners shown without a label of their own (their placeholder, tooltip and
    accessible name say what they are: a criterion's qualifier after its value, as the papers write it);
    ``sections`` groups fields under titles ([("", keys), ("Board criteria", keys)]);
    ``spanning`` names fields given the whole width of their row, without a label (the section title names them);
    ``custom`` supplies the widget for a CUSTOM field (the screen keeps it in step itself).

    Nothing is ever cut off at the right: rows wrap their field under the label when the width is short,
    and the view asks for at least the width its fields need (the splitter or dialog gives it).
    """

    def __init__(self, presenter: FormPresenter, parent: QWidget | None = None, *,
                 pairs: Mapping[str, str] | None = None, sections: Sequence[tuple[str, Sequence[str]]] | None = None,
                 custom: Mapping[str, QWidget] | None = None, save_text: str = "&Save",
                 discard_text: str = "&Revert", on_save: Callable[[], bool] | None = None,
                 unlabelled: Collection[str] = (), spanning: Collection[str] = ()):
        super().__init__(parent)
        self.presenter = presenter
        self.on_save = on_save or presenter.save
        self.widgets: dict[str, QWidget] = {}
        self._showing = False  # the widgets being set to what the form holds (refresh): nothing typed
        self._enter_once = _EnterOnce(self)
        self._esc_puts_back = _EscPutsBack(self)
        self.read_only_note: QLabel | None = None  # a dialog's form over a file open read-only says so (close_only)
        self.messages: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._unlabelled, self._spanning = set(unlabelled), set(spanning)
        pairs = dict(pairs or {})
        partners = set(pairs.values())
        custom = dict(custom or {})

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.heading = NamedLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # "Editing 1. <title>": the name as it was typed
        self.heading.setAccessibleName("Record being edited")
        outer.addWidget(self.heading)
        self.form_message = NamedLabel()
        self.form_message.setWordWrap(True)
        themed(self.form_message, form_message_style)
        self.form_message.setAccessibleName("Form message")
        self.form_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form_message.hide()
        outer.addWidget(self.form_message)
        self.top = QVBoxLayout()  # screens add notes (a cost warning) here, above the fields
        outer.addLayout(self.top)

        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(4, 4, 4, 4)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        # The fields fit the width they are given (messages wrap), so nothing hides to the right.
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.body)
        # The fields take the keyboard, never the scroll area: the first field has it when the form opens, and
        # Tab moves field to field (the scroll area brings each into view).
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.scroll, 1)

        keys = [f.key for f in presenter.fields]
        groups = list(sections) if sections else [("", keys)]
        placed = {k for _, ks in groups for k in ks}
        if sections and any(k not in placed and k not in partners for k in keys):
            groups.append(("", [k for k in keys if k not in placed and k not in partners]))
        self.sections: dict[str, QWidget] = {}
        for title, group_keys in groups:
            box: QWidget = QGroupBox(title) if title else QWidget()
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # narrow: the field goes under its label
            if not title:
                form.setContentsMargins(0, 0, 0, 0)
            for key in group_keys:
                if key in partners:
                    continue
                self._add_row(form, key, pairs.get(key), custom)
            body_layout.addWidget(box)
            if title:
                self.sections[title] = box
        body_layout.addStretch(1)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 4)
        self.button_bar = bar
        bar.addStretch(1)
        self.discard_button = QPushButton(discard_text)
        self.discard_button.setToolTip("Put back what the file holds")
        self.discard_button.clicked.connect(self._discard)
        self.save_button = QPushButton(save_text)
        self.save_button.setToolTip("Save (Ctrl+S; Enter in a field)")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        # The field the person was in before Tab or a click took them to Save or Revert (see ``_back_to_field``).
        self._field_before_buttons: QWidget | None = None
        app = QApplication.instance()
        moved = lambda old, new: self._focus_moved(old, new)  # noqa: E731 (a bound method of a deleted form fails)
        app.focusChanged.connect(moved)
        self.destroyed.connect(lambda *_: app.focusChanged.disconnect(moved))
        bar.addWidget(self.discard_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)
        self.fit_width()

        presenter.changed.connect(self.refresh)
        self.destroyed.connect(lambda *_: presenter.changed.disconnect(self.refresh))
        self.refresh()

    def _add_row(self, form: QFormLayout, key: str, partner: str | None, custom: Mapping[str, QWidget]) -> None:
        field = self.presenter.field(key)
        cell = QWidget()
        cell_layout = QVBoxLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.setSpacing(1)
        line = QHBoxLayout()
        cell_layout.addLayout(line)
        # A partner without a label (a qualifier after its value) gets the room the value does not need.
        line.addWidget(self._make(field, custom), 0 if partner in self._unlabelled else 1)
        if partner:
            other = self.presenter.field(partner)
            widget = self._make(other, custom)
            if partner in self._unlabelled:
                widget.setToolTip(other.help or other.plain_label)
            else:
                if other.plain_label[:1].islower():  # "since" continues "Status": a screen reader says both
                    continued = f"{field.plain_label} {other.plain_label}"
                    if isinstance(widget, DateField):
                        widget.set_accessible_name(continued)
                    else:
                        widget.setAccessibleName(continued)
                label = QLabel(other.label)
                label.setBuddy(self._focus_of(widget))
                self.labels[partner] = label
                line.addWidget(label)
            line.addWidget(widget, 1)
        for k in (key, partner) if partner else (key,):
            message = WrappedLabel()
            themed(message, alert_style)
            message.setAccessibleName(f"Message about {self.presenter.field(k).plain_label}")
            message.hide()
            self.messages[k] = message
            cell_layout.addWidget(message)
        if key in self._spanning:
            form.addRow(cell)
            return
        label = QLabel(f"{field.label}:")
        label.setBuddy(self._focus_of(self.widgets[key]))
        if field.help:
            label.setToolTip(field.help)
        self.labels[key] = label
        form.addRow(label, cell)

    def fit_width(self) -> None:
        """Ask for the width the fields need (with the scroll bar), so a splitter never squeezes them out of view."""
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        self.scroll.setMinimumWidth(self.body.minimumSizeHint().width() + bar + 2 * self.scroll.frameWidth())

    @staticmethod
    def _focus_of(widget: QWidget) -> QWidget:
        return widget.edit if isinstance(widget, DateField) else widget

    def _make(self, field: Field, custom: Mapping[str, QWidget]) -> QWidget:
        widget = custom.get(field.key) if field.kind == FieldKind.CUSTOM else field_widget(field)
        if widget is None:
            widget = QWidget()
        self.widgets[field.key] = widget
        key = field.key
        if isinstance(widget, QComboBox):
            if widget.isEditable():
                widget.editTextChanged.connect(lambda text, k=key: self._typed(k, text))
                widget.lineEdit().returnPressed.connect(self._enter_pressed)
                widget.installEventFilter(self._enter_once)
            else:
                widget.currentIndexChanged.connect(lambda _i, k=key, w=widget: self._typed(k, w.currentData() or ""))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(lambda k=key, w=widget: self._typed(k, w.toPlainText()))
        elif isinstance(widget, (QLineEdit, DateField)):
            widget.textEdited.connect(lambda text, k=key: self._typed(k, text))
            widget.returnPressed.connect(self._enter_pressed)  # Enter in a single-line field saves the form
            self._focus_of(widget).installEventFilter(self._esc_puts_back)  # and Esc puts that field back
        if field.kind != FieldKind.CUSTOM and (not isinstance(widget, QComboBox) or widget.isEditable()):
            # A field showing what is saved: Ctrl+Z there is Edit > Undo (after Save its typing undone had put back
            # text the record no longer holds), while typing not saved is undone first (``kit.typing_undo``).
            shows_held(self._focus_of(widget), lambda k=key: self._shows_saved(k))
        return widget

    def _shows_saved(self, key: str) -> bool:
        """The field shows what the file holds for it (a record saved, this field not changed since)."""
        p = self.presenter
        return bool(p.saved_values) and p.field(key).plain_label not in p.dirty_fields()

    # -- presenter → widgets ---------------------------------------------------------------------------
    def _typed(self, key: str, value) -> None:
        """A widget's change, told to the form, unless it is the widget showing what the form holds."""
        if not self._showing:
            self.presenter.set_value(key, value)

    def refresh(self) -> None:
        """Show what the form holds. Showing is not typing: a widget that shows a value otherwise than it is held (a
        description's Windows line endings as new lines, a choice held by its label, a list's value by its label) left
        the form changed by the showing alone, a record "changed" as it was chosen and written over by its Save."""
        p = self.presenter
        self.heading.setText(p.heading)
        self.heading.setVisible(bool(p.heading))
        editable = p.enabled and not p.read_only
        self._showing = True
        try:
            for key, widget in self.widgets.items():
                field = p.field(key)
                if field.kind != FieldKind.CUSTOM and isinstance(widget, QComboBox):
                    show_held(widget, "" if p.value(key) is None else str(p.value(key)), required=field.required)
                elif field.kind != FieldKind.CUSTOM:
                    set_widget_text(widget, p.value(key))
                widget.setEnabled(editable)
        finally:
            self._showing = False
        for key, label in self.messages.items():
            text = p.message(key)
            label.setText(("⚠ " + text) if text else "")
            label.setVisible(bool(text))
        self.form_message.setText(p.form_message)
        self.form_message.setVisible(bool(p.form_message))
        self.save_button.setEnabled(editable)
        self.discard_button.setEnabled(editable and p.is_dirty)

    def close_only(self, cancel: QPushButton) -> None:
        """A dialog's form over a file open read-only, to read: its fields were greyed, and Save too, without a word.
        A note under the heading says the record can be read, not changed; Save and Revert go, and ``cancel`` is
        Close, the default button (Enter closes, as Esc does). Nothing for a writable file."""
        if not self.presenter.read_only:
            return
        self.read_only_note = NamedLabel(READ_ONLY_NOTE, self)
        self.read_only_note.setWordWrap(True)
        self.read_only_note.setAccessibleName("Read-only")
        self.layout().insertWidget(1, self.read_only_note)
        self.save_button.setDefault(False)
        self.save_button.hide()
        self.discard_button.hide()
        cancel.setText("Close")
        cancel.setDefault(True)

    def _enter_pressed(self) -> None:
        """Enter in a single-line field saves the form, once. In a dialog the key goes on to the dialog, which
        presses its default button (Save) itself: saving here as well saved twice, and the second save kept a
        figure the first had only queried ("Save again to keep it") before anyone saw the question."""
        window = self.window()
        if isinstance(window, QDialog) and any(b.isDefault() and b.isVisible()
                                               for b in window.findChildren(QPushButton)):
            return
        self.save()

    def type_into(self, key: str, text: str) -> None:
        """Set a field as the person would (a choice by its label or stored value; a line as if typed)."""
        widget = self.widgets[key]
        set_widget_text(widget, text)
        if isinstance(widget, (QLineEdit, DateField)):  # a date is typed into its line too: the form is told of both
            widget.textEdited.emit(text)

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self):
            return
        if new in (self.save_button, self.discard_button) and old is not None and shiboken6.isValid(old) \
                and old not in (self.save_button, self.discard_button) and self.isAncestorOf(old):
            self._field_before_buttons = old

    def _back_to_field(self, button: QPushButton, had_focus: bool) -> None:
        """Save or Revert pressed greys itself (nothing left to save or put back): Qt then gave the focus to the
        next control able to take it, in the project editor the window's row of tabs at its top. It goes back to
        the field the person was in before the button."""
        field = self._field_before_buttons
        if not had_focus or button.isEnabled() or button.hasFocus() or field is None or not shiboken6.isValid(field):
            return
        if field.isVisible() and field.isEnabled() and self.isAncestorOf(field):
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _discard(self) -> None:
        """Revert: asked first, as Edit > Undo cannot bring the typing back (Discard Typed asks so too); Enter answers
        Cancel."""
        had_focus = self.discard_button.hasFocus()
        title = self.discard_button.text().replace("&", "") or "Revert"
        if self.presenter.discard_asked(lambda text: prompts.ask(self, title, text, yes="&Discard", cautious=True)):
            self._back_to_field(self.discard_button, had_focus)

    def save(self) -> bool:
        """Save through the presenter; on a problem, focus the first field it is about."""
        if self.read_only_note is not None:  # Ctrl+S in a form to read: why nothing is saved, in its message
            self.form_message.setText("Not saved: the file is open read-only, so this record can be read, not "
                                      "changed.")
            self.form_message.show()
            return False
        had_focus = self.save_button.hasFocus()
        saved = bool(self.on_save())
        if saved and shiboken6.isValid(self):  # a dialog's form closes on its Save: nothing to go back to
            self._back_to_field(self.save_button, had_focus)
        if not saved:
            for f in self.presenter.fields:
                if self.presenter.message(f.key) and f.key in self.widgets:
                    widget = self.widgets[f.key]
                    self._focus_of(widget).setFocus()
                    self.scroll.ensureWidgetVisible(widget)
                    break
        return saved


class ViewedForm:
    """For a dialog that shows its form presenter (``form``) in a ``FormView`` (``view``): Save, and what code and
    tests type and read in it, as a person would."""

    form: FormPresenter
    view: FormView

    def save(self) -> bool:
        return self.view.save()

    @property
    def editors(self) -> dict[str, QWidget]:
        return self.view.widgets

    def set_value(self, key: str, text: str) -> None:
        """Type or choose ``text`` in the field (as the widget would pass it on: a list's choice by its data)."""
        widget = self.view.widgets[key]
        set_widget_text(widget, text)
        if isinstance(widget, QComboBox) and not widget.isEditable():
            self.form.set_value(key, widget.currentData() or "")
        else:
            self.form.set_value(key, text)


class GrowsForMessages:
    """For a dialog showing its form presenter (``form``) in a ``FormView`` (``view``): sized for every field and a
    message under the last ones, within the top-level window (``fitting_size``), and grown as messages appear, Save in
    view. A dialog whose height was set once as it opened left a refusal under its last field below the fold, behind a
    scroll bar easily missed, or cut (Plan settings, a partnership's member, a cost line queried at £62,500)."""

    form: FormPresenter
    view: FormView

    def fit_to_form(self, *, extra: int = 0) -> None:
        """Size the dialog to its fields (``extra`` for what the dialog adds above them), and follow its messages."""
        need = self.view.body.sizeHint().height() + 150 + extra
        self.resize(*fitting_size(self.parentWidget(), max(460, self.view.sizeHint().width()), min(540, need)))
        # Messages appear after the layouts are redone (a scroll bar narrows them, and they wrap anew): then it grows.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.show_messages)
        form = self.form
        form.changed.connect(self._messages_changed)
        self.destroyed.connect(lambda *_: form.changed.disconnect(self._messages_changed))
        # Once laid out as it opens, too: a note longer than ``extra`` allows (Bill partners naming each partner's
        # further invoice, seven lines) opened with its fields behind a scroll bar though the window had room.
        self._fit_timer.start()

    def _messages_changed(self, *_args) -> None:
        self._fit_timer.start()

    def show_messages(self) -> None:
        """Grow to show the messages that have appeared, within the top-level window, Save in view; kept inside the
        window. Never shrinks: a form that jumped as messages went would be harder."""
        body, viewport = self.view.body, self.view.scroll.viewport()
        # What the fields need at the width shown (a message wrapped narrower is taller than the body's size hint
        # says: a member's form kept Statutory 6 pixels under a scroll bar), or what the scroll bar has to scroll.
        hidden = max(body.sizeHint().height(), body.heightForWidth(viewport.width())) - viewport.height()
        hidden = max(hidden, self.view.scroll.verticalScrollBar().maximum())
        if hidden <= 0:
            return
        width, height = fitting_size(self.parentWidget(), self.width(), self.height() + hidden)
        if height > self.height():
            self.resize(width, height)
            room = dialog_room(self.parentWidget())
            frame = self.frameGeometry()
            if room is not None and frame.bottom() > room.bottom():
                self.move(self.x(), max(room.top(), self.y() - (frame.bottom() - room.bottom())))


class FormDialog(GrowsForMessages, ViewedForm, GuardedDialog):
    """A dialog that is a form: the kit's FormView over ``form`` with Save and Cancel. Save makes the change (one
    step of Edit > Undo) and closes; closing with edits unsaved asks first (GuardedDialog). Sized for its fields and
    grown for its messages (``GrowsForMessages``)."""

    def __init__(self, parent: QWidget | None, form: FormPresenter, custom: dict[str, QWidget] | None = None):
        super().__init__(parent, form)
        self.form = form
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view = FormView(form, self, save_text="&Save", custom=custom)
        cancel = QPushButton("Cancel", self.view)
        cancel.clicked.connect(self.reject)
        self.view.button_bar.addWidget(cancel)
        self.view.close_only(cancel)
        QVBoxLayout(self).addWidget(self.view)
        form.saved.connect(self.accept)
        self.destroyed.connect(lambda *_: form.saved.disconnect(self.accept))
        self.fit_to_form()
