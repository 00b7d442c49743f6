"""Menu actions of this area, added to the main window at start-up (keep imports light).

File > Office Details…, File > Export for County…, File > Import District Files…, File > Conflicts…, File > Signing Keys…, File > Board
Report…; the dialogs (and the services under them) are imported only when an action is used.
"""

from __future__ import annotations

from PySide6.QtGui import QAction

from safer_desk.ui import prompts


def install(window) -> None:
    """Add this area's actions to the window's menus."""
    export = QAction("Export for &County…", window)
    export.setStatusTip("Write this office's data for the county lead (.sqlite to merge, .xlsx to read)")
    export.triggered.connect(lambda _=False: open_export_dialog(window))
    merge = QAction("&Import District Files…", window)
    merge.setStatusTip("Merge district exports into the open (county) file")
    merge.triggered.connect(lambda _=False: import_district_files(window))
    conflicts = QAction("Conf&licts…", window)
    conflicts.setStatusTip("The conflicts district files raised in this county file: keep the county's or the "
                           "district's version")
    conflicts.triggered.connect(lambda _=False: open_conflicts_dialog(window))
    keys = QAction("Si&gning Keys…", window)
    keys.setStatusTip("Your signing-key fingerprint, and the keys this county file has registered for each office")
    keys.triggered.connect(lambda _=False: open_keys_dialog(window))
    report = QAction("Board &Report…", window)
    report.setStatusTip("Write the board report (PDF or HTML) with every tab's tables and charts")
    report.triggered.connect(lambda _=False: open_report_dialog(window))
    office = QAction("Office &Details…", window)
    office.setStatusTip("Whose file this is: the office's partnerships, districts and county")
    office.triggered.connect(lambda _=False: open_office_dialog(window))
    window.exchange_actions = {"office": office, "export": export, "merge": merge, "conflicts": conflicts,
                               "keys": keys, "report": report}
    window.add_file_actions([office, export, merge, conflicts, keys, report])

    def enable() -> None:
        store = window.session.store
        office.setEnabled(store is not None)
        export.setEnabled(store is not None)
        report.setEnabled(store is not None)
        merge.setEnabled(store is not None and not store.read_only)
        conflicts.setEnabled(store is not None)
        keys.setEnabled(store is not None)

    window.session.store_changed.connect(enable)
    enable()


def _open_dialog(window, title: str, attribute: str, make, *, from_the_file: bool = False):
    """Show the dialog make(session, window) builds, kept as window.<attribute>; refused with no file open.
    ``from_the_file``: what the dialog makes (an export, a board report) is read from the file, so an edit on screen
    not saved is asked about (it was left out without a word): by the dialog, once Export or Write Report is pressed
    (its ``ready``), as Save a Copy asks once named. Asked before it opened, Discard then Cancel in the dialog lost
    the typing and made nothing."""
    if window.session.store is None:
        prompts.show_error(window, title, "Open a file first.")
        return None
    dialog = make(window.session, window, ready=window.may_close_file) if from_the_file else \
        make(window.session, window)
    setattr(window, attribute, dialog)
    dialog.open()
    return dialog


def open_export_dialog(window):
    from safer_desk.ui.exchange.dialogs import ExportDialog

    return _open_dialog(window, "Export for County", "export_dialog", ExportDialog, from_the_file=True)


def import_district_files(window):
    from safer_desk.ui.exchange.dialogs import import_district_files as run

    return run(window)


def open_report_dialog(window):
    previous = getattr(window, "report_dialog", None)
    if window.session.store is not None and previous is not None and previous.busy:
        prompts.show_error(window, "Board Report", "A board report is being written: wait for it, or cancel it.")
        return None
    from safer_desk.ui.exchange.report_dialog import ReportDialog

    return _open_dialog(window, "Board Report", "report_dialog", ReportDialog, from_the_file=True)


def open_conflicts_dialog(window):
    from safer_desk.ui.exchange.conflicts_dialog import ConflictsDialog

    return _open_dialog(window, "Conflicts", "conflicts_dialog", ConflictsDialog)


def open_keys_dialog(window):
    from safer_desk.ui.exchange.dialogs import SigningKeysDialog

    return _open_dialog(window, "Signing Keys", "keys_dialog", SigningKeysDialog)


def open_office_dialog(window):
    from safer_desk.ui.office_dialog import OfficeDialog

    return _open_dialog(window, "Office Details", "office_dialog", OfficeDialog)
