"""The kit's dialogs at 1093x582 (a 1366x768 laptop at 125%): sized against the top-level window and the screen, and
growing to show the messages that appear under their fields, Save in view.

Session 63: ``fitting_size`` measured a dialog against its parent's own window, so a form opened over a list's window
(Districts, Partnerships and Partners) took that window's height, and one without a window under it was as large as
asked, past the screen's edges; the Costs dialogs worked round it. The kit's own form dialog (Plan
settings, a partnership's members) kept the height it opened at: a refusal under a field was cut, behind a scroll bar.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from safer_desk.presenters.forms import Field, FieldKind, FormError, FormPresenter
from safer_desk.ui.kit import fitting_size
from safer_desk.ui.kit.forms import FormDialog
from tests.window_sizes import resize_window, widget_in_window


def _settled() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _in_viewport(dialog, label: QLabel) -> bool:
    """The whole label (its last line too) inside the form's scroll area as shown."""
    viewport = dialog.view.scroll.viewport()
    top = label.mapTo(viewport, QPoint(0, 0)).y()
    return (label.isVisible() and top >= 0 and top + label.height() <= viewport.height()
            and label.height() >= label.heightForWidth(label.width()))


def test_a_dialog_over_a_small_window_is_sized_against_the_main_window(window, qtbot):
    resize_window(window, (1093, 582))
    lister = QDialog(window)  # a list's window of its own over the main window (Funders' Awards, Partners)
    qtbot.addWidget(lister)
    lister.resize(460, 400)
    lister.show()
    assert fitting_size(lister, 900, 540) == (900, 540)  # it was (900, 400 - 24 → 400), the list's window's height


def test_a_dialog_without_a_window_under_it_fits_the_screen(qtbot):
    area = QApplication.primaryScreen().availableGeometry()
    width, height = fitting_size(None, 5000, 5000)  # it was 5000x5000, past the screen's edges
    assert width <= area.width() and height <= area.height(), (width, height, area)


LONG = ("This is refused: the words of a refusal that run to three lines or more at a laptop's width, as the office's "
        "own refusals do when they name the partnership, its dates and what to do instead of the day typed here.")


def _form() -> FormPresenter:
    fields = [Field(f"f{i}", f"Field &{i}", FieldKind.TEXT) for i in range(1, 9)]

    def save(_typed, _parsed):
        raise FormError({"f7": LONG, "f8": LONG}, message="Not saved: " + LONG)

    form = FormPresenter(fields, save_fn=save, title="A form")
    form.load({f.key: "" for f in fields}, heading="Editing a record")
    return form


def test_the_kit_form_dialog_grows_to_show_a_refusal_under_its_last_fields(window, qtbot):
    resize_window(window, (1093, 582))
    dialog = FormDialog(window, _form())
    qtbot.addWidget(dialog)
    dialog.show()
    _settled()
    assert dialog.view.scroll.verticalScrollBar().maximum() == 0, dialog.size()  # every field in view as it opens
    qtbot.mouseClick(dialog.view.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.view.form_message.isVisible()
    _settled()
    for key in ("f7", "f8"):
        qtbot.waitUntil(lambda k=key: _in_viewport(dialog, dialog.view.messages[k]), timeout=5000)
    qtbot.waitUntil(lambda: dialog.view.scroll.verticalScrollBar().maximum() == 0, timeout=5000)
    assert dialog.height() <= window.height()
    assert widget_in_window(dialog.view.save_button, dialog)
    dialog.reject()


def test_a_partnerships_add_member_form_shows_its_refusals_without_a_scroll(demo_window, qtbot):
    """The Add member form opened 261 high over the Partnerships page, and Save with nothing chosen left Statutory
    under a scroll bar, below the two "This field is needed." messages."""
    window = demo_window
    resize_window(window, (1093, 582))
    window.show_reference()
    reference = window._reference_dialog
    qtbot.addWidget(reference)
    page = reference.partnerships
    reference.pages.setCurrentWidget(page)
    page.view.selectRow(0)
    qtbot.mouseClick(page.add_member_button, Qt.MouseButton.LeftButton)
    form = page.member_dialog
    qtbot.waitUntil(form.isVisible, timeout=5000)
    # nothing chosen or typed: "This field is needed." under Organisation and under From
    qtbot.mouseClick(form.view.save_button, Qt.MouseButton.LeftButton)
    refused = [key for key in ("organisation", "valid_from", "valid_to") if form.form.message(key)]
    assert form.isVisible() and refused == ["organisation", "valid_from"], refused
    _settled()
    for key in refused:
        qtbot.waitUntil(lambda k=key: _in_viewport(form, form.view.messages[k]), timeout=5000)
    qtbot.waitUntil(lambda: form.view.scroll.verticalScrollBar().maximum() == 0, timeout=5000)  # Statutory too
    assert widget_in_window(form.view.save_button, form)
    form.reject()

