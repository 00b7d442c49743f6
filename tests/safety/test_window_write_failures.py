"""A change the disk refuses in the middle (full, gone, read-only) is said in the window, never only printed.

Qt prints an exception raised in a slot and carries on, so a project saved on a full disk looked saved: no word,
the form as typed, the file unchanged. The window's error hook (``ui.kit.errors``) says it; undo and redo run a
step before the undo stack moves, so a failed undo leaves Edit > Undo offering it (QUndoStack moved on as if
undone). First with the failure injected (runs everywhere), then on a real full 8 MB file system (root only).
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import projects as svc
from safer_desk.storage import snapshots
from safer_desk.ui.kit import errors
from tests.safety.test_full_disk import fill, small_disk  # noqa: F401 - a fixture

pytestmark = pytest.mark.qt_no_exception_capture  # the window's own hook is what is tested


@pytest.fixture
def hook(monkeypatch, window):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    return errors.install(window.session)


def rename_first_project(window, qtbot, title):
    page = window.show_tab("projects").register
    page.view.selectRow(0)
    project = page.editor.project
    w = page.editor.widgets
    w["title"].selectAll()
    qtbot.keyClicks(w["title"], title)
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    return page, project


def disk_full(*args, **kwargs):
    raise sqlite3.OperationalError("database or disk is full")


@pytest.fixture
def refuse():
    """refuse.start(): every project write fails as SQLite fails on a full disk; refuse.stop(): space is freed.
    (A monkeypatch of its own: undoing the test's would undo the prompts fixture's too.)"""
    class Refuse(pytest.MonkeyPatch):
        def start(self, failure=disk_full):
            self.setattr(svc, "_write", failure)  # a save
            self.setattr(snapshots, "put_back", failure)  # an undo or redo, which puts the rows back

        def stop(self):
            self.undo()

    r = Refuse()
    yield r
    r.undo()


def test_a_save_the_disk_refuses_is_said_and_the_typing_is_kept(demo_window, hook, prompts, qtbot, refuse):
    stack = demo_window.session.undo_stack
    refuse.start()
    page, project = rename_first_project(demo_window, qtbot, "Renamed on a full disk")
    [(title, text)] = prompts.errors
    assert title == "Change not saved"
    assert text.startswith("example.sqlite could not be written: the disk is full. Your last change was not saved")
    assert svc.get_project(demo_window.session.store, project.id).title == project.title  # the file as it was
    assert page.editor.widgets["title"].text() == "Renamed on a full disk" and page.editor.presenter.is_dirty
    assert stack.count() == 0 and not demo_window.undo_action.isEnabled()
    assert "database or disk is full" in errors.log_path().read_text(encoding="utf-8")  # the details kept
    refuse.stop()  # space freed: the same Save now saves
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert svc.get_project(demo_window.session.store, project.id).title == "Renamed on a full disk"
    assert stack.count() == 1 and len(prompts.errors) == 1


def test_an_undo_the_disk_refuses_is_said_and_stays_on_offer(demo_window, hook, prompts, qtbot, refuse):
    stack = demo_window.session.undo_stack
    page, project = rename_first_project(demo_window, qtbot, "Renamed")
    assert demo_window.undo_action.text() == "&Undo change title of Homeshield Plus to Renamed"
    refuse.start()
    demo_window.undo_action.trigger()
    [(title, text)] = prompts.errors
    assert (title, text) == ("Cannot undo", "“Change title of Homeshield Plus to Renamed” could not be undone: the "
                                            "disk is full. Nothing was changed, and Edit > Undo still offers it.")
    assert stack.index() == 1 and demo_window.undo_action.text() == "&Undo change title of Homeshield Plus to Renamed"
    assert not demo_window.redo_action.isEnabled()
    assert svc.get_project(demo_window.session.store, project.id).title == "Renamed"
    refuse.stop()
    demo_window.undo_action.trigger()
    assert svc.get_project(demo_window.session.store, project.id).title == project.title
    assert stack.index() == 0 and page.editor.widgets["title"].text() == project.title
    refuse.start()
    demo_window.redo_action.trigger()  # and a redo the disk refuses, the same way
    assert prompts.errors[-1][0] == "Cannot redo" and stack.index() == 0
    assert demo_window.redo_action.text() == "&Redo change title of Homeshield Plus to Renamed"
    refuse.stop()
    demo_window.redo_action.trigger()
    assert svc.get_project(demo_window.session.store, project.id).title == "Renamed" and stack.index() == 1


def test_an_error_nobody_expected_is_said_with_where_its_details_are(demo_window, hook, prompts, qtbot,
                                                                     refuse):
    def bug(*args, **kwargs):
        raise KeyError("criteria")

    refuse.start(bug)
    page, project = rename_first_project(demo_window, qtbot, "Renamed")
    [(title, text)] = prompts.errors
    assert title == "Something went wrong" and "(KeyError: 'criteria')" in text
    assert "each change is saved whole or not at all" in text and str(errors.log_path()) in text
    # the details kept, where it happened; not the message's quoted text, which may be typed (test_error_log_privacy)
    log = errors.log_path().read_text(encoding="utf-8")
    assert "KeyError: “[left out]”" in log and ", in bug" in log
    assert svc.get_project(demo_window.session.store, project.id).title == project.title


def test_a_save_on_a_really_full_disk_is_said(window, demo_master, small_disk, hook, prompts, qtbot):  # noqa: F811
    path = small_disk / "office.sqlite"
    shutil.copyfile(demo_master, path)
    assert window.open_path(path)
    fill(small_disk, 0)
    page, project = rename_first_project(window, qtbot, "Renamed on a full disk")
    [(title, text)] = prompts.errors
    assert title == "Change not saved" and "office.sqlite could not be written: the disk is full" in text
    assert svc.get_project(window.session.store, project.id).title == project.title
    assert page.editor.widgets["title"].text() == "Renamed on a full disk"
    (small_disk / "filler.bin").unlink()
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert svc.get_project(window.session.store, project.id).title == "Renamed on a full disk"
    assert len(prompts.errors) == 1


def test_a_payment_the_disk_refuses_is_said_and_its_dialog_stays_open(demo_window, hook, prompts, qtbot):
    from safer_desk.services import dhr

    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    assert page.select_case(dhr.case_id_by_reference(page.store, "WSCSP-DHR-2017-01"))
    assert page.shares.select_where(lambda s: s.partner == "Suffolk County Council" and s.kind == "share")
    paid = {p.partner: p.paid_pence for p in dhr.partner_ledger(page.store, today=date(2026, 11, 28))}["Suffolk County Council"]
    dialog = page.payment_dialog()
    dialog.set_value("paid_on", "01/11/2026")
    dialog.set_value("amount", "£100")
    with pytest.MonkeyPatch.context() as m:
        m.setattr(dhr, "record_payment", disk_full)
        qtbot.mouseClick(dialog.view.save_button, Qt.MouseButton.LeftButton)
    [(title, text)] = prompts.errors
    assert title == "Change not saved" and "the disk is full" in text
    assert dialog.isVisible() and dialog.editors["amount"].text() == "£100" and dialog.form.is_dirty
    assert demo_window.session.undo_stack.count() == 0
    assert {p.partner: p.paid_pence for p in dhr.partner_ledger(page.store, today=date(2026, 11, 28))}["Suffolk County Council"] == paid
    qtbot.mouseClick(dialog.view.save_button, Qt.MouseButton.LeftButton)  # space freed: Save saves
    assert not dialog.isVisible() and demo_window.session.undo_stack.count() == 1
    assert {p.partner: p.paid_pence for p in dhr.partner_ledger(page.store, today=date(2026, 11, 28))}["Suffolk County Council"] == paid + 10000
