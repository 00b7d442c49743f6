"""Menu actions of this area, added to the main window at start-up (keep imports light).

File > Import Police Data… runs the import on the thread pool (ui.workers.run_task)
with a progress window and Cancel; the worker opens its own connection. Typed figures that differ
from the counts are kept, listed, and replaced only when the person says so (one undoable action). It takes street CSVs or
the .zip data.police.uk downloads (its outcomes and stop-and-search files are named as not imported).
"""

from __future__ import annotations

from PySide6.QtGui import QAction


TYPED_LISTED = 8  # typed figures that differ from the counts, listed in the summary and the question after it


def install(window) -> None:
    """Add this area's actions to the window's menus."""
    files = QAction("Import &Police Data…", window)
    files.setStatusTip("Count data.police.uk street-level crime files (or the download .zip) by month, district "
                       "and crime type")
    files.triggered.connect(lambda: choose_and_import(window, folder=False))
    folder = QAction("Import Police Data &Folder…", window)
    folder.setStatusTip("Import every data.police.uk street-level file in a folder")
    folder.triggered.connect(lambda: choose_and_import(window, folder=True))
    window.add_file_actions([files, folder])
    window.import_police_actions = (files, folder)
    compare = QAction("&Compare Areas…", window)
    compare.setStatusTip("One indicator's year to date for the office's districts, partnerships and county side "
                         "by side, with rates per population where it is known")
    compare.triggered.connect(lambda: open_comparison(window))
    window.view_menu.addAction(compare)
    window.compare_areas_action = compare
    populations = QAction("&Populations…", window)
    populations.setStatusTip("The population each area's rates per 1,000, 10,000 or 100,000 use, by financial year")
    populations.triggered.connect(lambda: open_populations(window))
    window.view_menu.addAction(populations)
    window.populations_action = populations


def open_comparison(window):
    """View > Compare Areas…: the county view (in a county file, every merged district); returns the dialog."""
    from safer_desk.ui import prompts
    from safer_desk.ui.indicators.comparison import AreaComparisonDialog

    store = window.session.store
    if store is None:
        prompts.show_error(window, "Compare Areas", "Open a file first.")
        return None
    # The indicator and year in view on the tab (its presenter's), as View > Populations… takes its area and year.
    presenter = getattr(getattr(window, "tab_widgets", {}).get("indicators"), "presenter", None)
    dialog = AreaComparisonDialog(store, window, indicator_id=getattr(presenter, "selected", None),
                                  year=getattr(presenter, "year", None))
    dialog.open()
    return dialog


def open_populations(window):
    """View > Populations…: record, change or remove an area's population for a year; returns the dialog."""
    from safer_desk.ui import prompts
    from safer_desk.ui.indicators.populations import PopulationsDialog

    if window.session.store is None:
        prompts.show_error(window, "Populations", "Open a file first.")
        return None
    old = getattr(window, "populations_dialog", None)
    if old is not None:  # one at a time, on the file open now
        old.close()
        old.deleteLater()
    presenter = getattr(getattr(window, "tab_widgets", {}).get("indicators"), "presenter", None)
    window.populations_dialog = PopulationsDialog(window.session, window, area_id=getattr(presenter, "area_id", None),
                                                  year=getattr(presenter, "year", None))
    window.populations_dialog.show()
    return window.populations_dialog


def can_import(window) -> bool:
    """A file that can be changed is open (else the person is told to open one, or why the open one cannot be)."""
    from safer_desk.presenters.screens import read_only_refusal
    from safer_desk.ui import prompts

    store = window.session.store
    if store is None or store.read_only:
        why = "" if store is None else read_only_refusal("Import Police Data") + " "
        prompts.show_error(window, "Import Police Data", f"{why}Open a file you can change first.")
        return False
    return True


def may_import(window) -> bool:
    """``can_import``, and the figures typed on the Indicators tab and not saved asked about."""
    from safer_desk.ui import prompts

    if not can_import(window):
        return False
    # Figures typed in the grid and not saved asked about first, as Import Figures… does: they stayed in the grid
    # over the counts the import brought, and Save Figures then wrote them over the counts as typed figures. A figure
    # still in a cell's editor goes in first, as Enter would (the import closed the editor and it went unsaid).
    if hasattr(window, "finish_cell_edits") and not window.finish_cell_edits():
        return False
    tab = getattr(window, "tab_widgets", {}).get("indicators")
    return tab is None or tab.may_leave(lambda text: prompts.ask_unsaved(window, "Unsaved figures", text))


def choose_and_import(window, *, folder: bool) -> None:
    from safer_desk.ui import prompts

    if not can_import(window):
        return
    if folder:
        chosen = prompts.existing_folder(window, "Import Police Data Folder")
        paths = [chosen] if chosen else []
    else:
        paths = prompts.open_file_names(window, "Import Police Data",
                                        "police.uk street files or download (*.csv *.zip);;All files (*)")
    # The figures typed are asked about once the files are chosen: asked first, Discard then the file window cancelled
    # imported nothing and lost them.
    if paths and may_import(window):
        start_import(window, paths)


def start_import(window, paths, *, other_forces: bool = False):
    """Import in the background; returns the running Task (tests wait on its signals). Files of a force that polices
    none of the office's districts are asked about first (nothing is imported until the person says so), unless
    ``other_forces``."""
    from pathlib import Path

    from safer_desk.domain.text import in_words
    from safer_desk.ui import prompts
    from safer_desk.ui.workers import run_task

    store = window.session.store

    def work(progress, cancelled):
        import gc

        from safer_desk.services.police_import import import_police_files

        # The import makes a few hundred thousand small objects, enough for Python's collector to run full
        # passes, and a full pass over every object of the window held the GIL (so the window) for 40-75 ms.
        # Frozen, the window's objects are left out of those passes until the import is done.
        gc.freeze()
        own = store.connect_for_thread()
        try:
            return import_police_files(own, [Path(p) for p in paths], progress=progress, cancelled=cancelled,
                                       other_forces=other_forces)
        finally:
            own.close()
            gc.unfreeze()

    def done(result):
        from safer_desk.presenters.indicators import replace_typed_action, typed_figures_question
        from safer_desk.ui.kit.undo import push_action

        tab = getattr(window, "tab_widgets", {}).get("indicators")
        if tab is not None and hasattr(tab, "reload_in_steps"):
            tab.reload_in_steps()  # in steps: a decade of counts must not stall the window
        window.session.notify("indicators")
        # The same files again wrote nothing: the undo steps before it still stand.
        closed = "" if result.nothing_new else window.session.changed_outside_undo()
        title = "Police data: nothing new" if result.nothing_new else "Police data imported"  # the same files again
        # Typed figures kept listed as the question after it lists them (eight), not the 45 of a district's sheet.
        prompts.show_info(window, title, "\n".join([*result.summary_lines(most_listed=TYPED_LISTED),
                                                    *filter(None, [closed])]))
        # The import kept every typed figure that differs from the counts (replace_typed False): ask.
        kept = result.kept_typed
        if kept and prompts.ask(window, "Typed figures kept", typed_figures_question(kept, most=TYPED_LISTED),
                                yes="Replace with police.uk counts", no="Keep typed figures"):
            push_action(window.session.undo_stack,
                        replace_typed_action(store, kept, after=lambda: window.session.notify("indicators")))

    def failed(exc, _trace):
        from safer_desk.presenters.indicators import import_failed_text
        from safer_desk.services.police_import import OtherForceFiles

        if isinstance(exc, OtherForceFiles):  # nothing imported yet: asked, as an import cannot be undone
            if prompts.ask(window, "Import another force's data?", exc.question(store.path.name),
                           yes="Import Anyway", no="Don't Import", cautious=True):
                start_import(window, paths, other_forces=True)
            else:
                window.statusBar().showMessage(f"{in_words(exc.forces)}'s files not imported: nothing was changed.",
                                               30000)
            return
        said = import_failed_text(exc, store.path.name, path=store.path)  # the folder said: which disk is full
        prompts.show_error(window, "Police data not imported", said)

    def cancelled():
        prompts.show_info(window, "Import cancelled", "The import was cancelled; nothing was changed.")

    return run_task(work, on_success=done, on_failure=failed, on_cancel=cancelled, window=window,
                    title="Importing police data…")
