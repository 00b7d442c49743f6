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
    office.setStatusTip("Whose file this is: the office's partnership(s), districts and county")
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


def open_export_dialog(window):
    if window.session.store is None:
        prompts.show_error(window, "Export for County", "Open a file first.")
        return None
    from safer_desk.ui.exchange.dialogs import ExportDialog

    window.export_dialog = ExportDialog(window.session, window)
    window.export_dialog.open()
    return window.export_dialog


def import_district_files(window):
    from safer_desk.ui.exchange.dialogs import import_district_files as run

    return run(window)


def open_report_dialog(window):
    if window.session.store is None:
        prompts.show_error(window, "Board Report", "Open a file first.")
        return None
    previous = getattr(window, "report_dialog", None)
    if previous is not None and previous.busy:
        prompts.show_error(window, "Board Report", "A board report is being written: wait for it, or cancel it.")
        return None
    from safer_desk.ui.exchange.report_dialog import ReportDialog

    window.report_dialog = ReportDialog(window.session, window)
    window.report_dialog.open()
    return window.report_dialog


def open_conflicts_dialog(window):
    if window.session.store is None:
        prompts.show_error(window, "Conflicts", "Open a file first.")
        return None
    from safer_desk.ui.exchange.conflicts_dialog import ConflictsDialog

    window.conflicts_dialog = ConflictsDialog(window.session, window)
    window.conflicts_dialog.open()
    return window.conflicts_dialog


def open_keys_dialog(window):
    if window.session.store is None:
        prompts.show_error(window, "Signing Keys", "Open a file first.")
        return None
    from safer_desk.ui.exchange.dialogs import SigningKeysDialog

    window.keys_dialog = SigningKeysDialog(window.session, window)
    window.keys_dialog.open()
    return window.keys_dialog


def open_office_dialog(window):
    if window.session.store is None:
        prompts.show_error(window, "Office", "Open a file first.")
        return None
    from safer_desk.ui.office_dialog import OfficeDialog

    window.office_dialog = OfficeDialog(window.session, window)
    window.office_dialog.open()
    return window.office_dialog
