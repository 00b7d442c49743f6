"""Make the user guide's pictures (docs/screenshots/*.png) again, from the real window on the example file.

Run it from the repository with the program's Python; no display is needed:

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py            # every picture, into docs/screenshots
    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py costs-funds-1093x582.png window-start.png
    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py --list     # which pictures it makes
    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py --out /tmp/pictures   # somewhere else, to compare

Each picture is drawn on a fresh copy of the example file (`safer-desk demo`'s data) in a temporary folder, which
is also the run's SAFER_DESK_HOME, TMPDIR, XDG_CONFIG_HOME and other XDG folders: your own file, settings and
signing keys are never read or changed, and the folder goes when the run ends. A window picture is the main window
at the size in its name (1093x582 is a 1366x768 laptop at 125%, 1280x690 a 1920x1080 screen at 150%; no size,
1280x800); a dialog is drawn at the size the program gives it over a window of the size in its name (1093x582 when
none is named). What each shows (tab, page, row, what is typed) is in its function's docstring. Dates (today, the
History of Changes) are the day it is run. The Suffolk districts' 2024/25 populations in indicators-compare-areas.png
are round figures recorded for the picture (the example holds none for Suffolk).

exchange-merge.png and exchange-conflicts.png merge two district offices' exports, each signed by its own officer's
key, into a new county file (``district_exports`` says what they disagree on). exchange-report-progress.png holds the
board report at a page, under its progress window, then cancels it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LAPTOP, SCREEN, LARGE = (1093, 582), (1280, 690), (1280, 800)
SHOTS: dict[str, tuple] = {}  # picture name -> (function, its arguments)


def shot(name: str, *args) -> None:
    def register(fn):
        SHOTS[name] = (fn, args)
        return fn
    return register


def sized(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


# -- the window ------------------------------------------------------------------------------------------------------

def settle(window=None, turns: int = 10) -> None:
    from PySide6.QtWidgets import QApplication

    from safer_desk.ui.app import wait_until_idle

    for _ in range(turns):
        QApplication.processEvents()
    if window is not None:
        wait_until_idle(window)


class Window:
    """The main window on a fresh copy of the example file (or a new, empty file), at a size."""

    def __init__(self, size: tuple[int, int], *, new: str | None = None):
        from safer_desk.services.example_copy import copy_example
        from safer_desk.services.files import open_office_file
        from safer_desk.ui.main_window import MainWindow

        name = Path(new or "example.sqlite")
        for leftover in Path.cwd().glob(f"{name}*"):
            leftover.unlink()
        if new is None:
            copy_example(name)
        self.window = MainWindow()
        self.window.persist_state = False
        self.window.resize(*size)
        self.window.set_store(open_office_file(name, create=new is not None).store)
        self.window.show()
        settle(self.window)

    def __enter__(self):
        return self.window

    def __exit__(self, *exc) -> None:
        from PySide6.QtWidgets import QApplication

        for dialog in QApplication.topLevelWidgets():
            if dialog is not self.window and dialog.isVisible():
                dialog.hide()
        self.window.close()
        self.window.session.close()
        settle()


def settle_until(done, what: str, window=None, seconds: float = 60) -> None:
    """Let the program run until ``done()``; stop the run, saying ``what`` never came, after ``seconds``."""
    import time

    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what} never came")
        settle(window, 1)


def save(widget, out: Path) -> None:
    settle(widget.window() if hasattr(widget.window(), "is_busy") else None)
    image = widget.grab()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")
    print(f"{out.name}: {image.width()}x{image.height()}")


def type_into(view, presenter, key: str, text: str) -> None:
    """Type or choose text in a form's field as a person would (kit.forms.ViewedForm.set_value)."""
    from PySide6.QtWidgets import QComboBox

    from safer_desk.ui.kit.forms import set_widget_text

    widget = view.widgets[key]
    set_widget_text(widget, text)
    if isinstance(widget, QComboBox) and not widget.isEditable():
        presenter.set_value(key, widget.currentData() or "")
    else:
        presenter.set_value(key, text)


def select_project(window, title: str):
    page = window.show_tab("projects").register
    for row in range(page.proxy.rowCount()):
        project = page.project_at(row)
        if project.title.startswith(title):
            page.select_project(project.id)
            settle(window)
            return page, project
    raise SystemExit(f"no project {title!r} in the example")


# -- the tabs --------------------------------------------------------------------------------------------------------

@shot("window-1093x582.png", "projects", LAPTOP)
@shot("window-1280x690.png", "projects", SCREEN)
@shot("projects.png", "projects", LAPTOP)
@shot("projects-1280x690.png", "projects", SCREEN)
@shot("allocation.png", "allocation", LARGE)
@shot("allocation-1093x582.png", "allocation", LAPTOP)
@shot("allocation-1280x690.png", "allocation", SCREEN)
@shot("indicators-1093x582.png", "indicators", LAPTOP)
@shot("indicators-1280x690.png", "indicators", SCREEN)
def tab_shot(out: Path, tab: str, size) -> None:
    with Window(size) as window:
        window.show_tab(tab)
        settle(window)
        save(window, out)


@shot("indicators.png", LARGE)
def indicators_against_target(out: Path, size) -> None:
    """The tab opens on the office's Suffolk, whose police.uk figures have no targets: Plymouth's 2016/17 paper
    shows figures against target and RAG."""
    from safer_desk.domain.periods import FinancialYear

    with Window(size) as window:
        tab = window.show_tab("indicators")
        tab.select_area("district:plymouth")
        tab.select_year(FinancialYear(2016))
        settle(window)
        save(window, out)


@shot("window-start.png", LAPTOP)
def start_page(out: Path, size) -> None:
    with Window(size, new="new-office.sqlite") as window:
        save(window, out)


@shot("costs-reviews-1093x582.png", "reviews", LAPTOP)
@shot("costs-reviews-1280x690.png", "reviews", SCREEN)
@shot("costs.png", "reviews", LARGE)
@shot("costs-ledger-1093x582.png", "ledger", LAPTOP)
@shot("costs-ledger-1280x690.png", "ledger", SCREEN)
@shot("costs-funds-1093x582.png", "funds", LAPTOP)
@shot("costs-funds-1280x690.png", "funds", SCREEN)
@shot("costs-funds.png", "funds", SCREEN)
def costs_page(out: Path, page: str, size) -> None:
    from safer_desk.services import dhr

    with Window(size) as window:
        tab = window.show_tab("costs")
        settle(window)
        if page == "reviews":
            tab.reviews.select_case(dhr.case_id_by_reference(tab.reviews.store, "WSCSP-DHR-2017-01"))
        else:
            tab.pages.setCurrentIndex(1 if page == "ledger" else 2)
        settle(window)
        save(window, out)


@shot("budgets-mtfp-1093x582.png", "East Sussex Community Safety MTFP", LAPTOP)
@shot("budgets-mtfp-1280x690.png", "East Sussex Community Safety MTFP", SCREEN)
@shot("budgets-implications-1093x582.png", "Western Suffolk CSP financial implications", LAPTOP)
@shot("budgets-implications-1280x690.png", "Western Suffolk CSP financial implications", SCREEN)
def budget_plan(out: Path, plan: str, size) -> None:
    with Window(size) as window:
        tab = window.show_tab("budgets")
        settle(window)
        items = [tab.plan_list.item(i) for i in range(tab.plan_list.count())]
        tab.plan_list.setCurrentItem(next(i for i in items if i.text().startswith(plan)))
        save(window, out)


@shot("commissioning-1093x582.png", False, LAPTOP)
@shot("commissioning-1280x690.png", False, SCREEN)
@shot("commissioning-award-1093x582.png", True, LAPTOP)
@shot("commissioning-award-1280x690.png", True, SCREEN)
def commissioning(out: Path, award: bool, size) -> None:
    """The retained budget's scenario as saved; or a new one for Plymouth against the PCC's award, every P project
    ticked."""
    with Window(size) as window:
        page = window.show_tab("projects").show_commissioning()
        settle(window)
        if award:
            page.new_button.click()
            page.name.setText("Safer Plymouth 2017/18 against the PCC award")
            page.name.textEdited.emit(page.name.text())
            i = next(i for i in range(page.award.count()) if "PCC grant to Safer Plymouth" in page.award.itemText(i))
            page.award.setCurrentIndex(i)
            page.award.activated.emit(i)
            for project in page.presenter.projects:
                if project.ref.startswith("P"):
                    page.presenter.tick(project.id)
        save(window, out)


@shot("projects-scenario.png", LARGE)
def scenario_compared(out: Path, size) -> None:
    """The retained budget's scenario with Suffolk Strive added, saved as new and compared with the one it came from."""
    with Window(size) as window:
        page = window.show_tab("projects").show_commissioning()
        settle(window)
        strive = next(p for p in page.presenter.projects if p.title.startswith("Suffolk Strive"))
        page.name.setText("Retained budget 2009/10: with Suffolk Strive")
        page.name.textEdited.emit(page.name.text())
        page.presenter.tick(strive.id)
        settle(window)
        from safer_desk.ui import prompts

        asked, prompts.ask_text = prompts.ask_text, lambda *_a, **_k: "Retained budget 2009/10: with Suffolk Strive"
        try:  # Save as new… asks the new scenario's name
            page.save_new_button.click()
        finally:
            prompts.ask_text = asked
        settle(window)
        page.compare_a.setCurrentIndex(page.compare_a.findText("Retained budget 2009/10: pilot and DV coordinators"))
        page.compare_b.setCurrentIndex(page.compare_b.findText("Retained budget 2009/10: with Suffolk Strive"))
        page.compare_button.click()
        save(window, out)


@shot("projects-editor-error.png", (1366, 728))
def editor_error(out: Path, size) -> None:
    """Suffolk Recre8's cost typed with a point for a comma, and Save pressed."""
    with Window(size) as window:
        page, _ = select_project(window, "Suffolk Recre8")
        editor = page.editor
        type_into(editor, page.presenter.editor, "cost", "£26.000")
        page.save_editor()
        editor.widgets["cost"].setFocus()
        save(window, out)


@shot("indicators-slip-1093x582.png", LAPTOP)
@shot("indicators-slip-1280x690.png", SCREEN)
def indicators_slip(out: Path, size) -> None:
    """All crime, Plymouth 2016/17: April typed as 1,2,3 and Save Figures pressed."""
    from safer_desk.domain.periods import FinancialYear

    with Window(size) as window:
        tab = window.show_tab("indicators")
        tab.select_area("district:plymouth")  # (the tab opens on the office's Suffolk)
        tab.select_year(FinancialYear(2016))
        settle(window)
        row = [tab.grid.verticalHeaderItem(r).text() for r in range(tab.grid.rowCount())].index("2016/17")
        tab.grid.item(row, 0).setText("1,2,3")
        settle(window)
        tab.save_figures()
        save(window, out)


# -- dialogs ---------------------------------------------------------------------------------------------------------

@shot("window-history.png", LAPTOP)
def history(out: Path, size) -> None:
    """Homeshield Plus's capital and then its status changed, a district added; the status change chosen."""
    from safer_desk.services.reference import add_district

    with Window(size) as window:
        page, _ = select_project(window, "Homeshield Plus")
        type_into(page.editor, page.presenter.editor, "capital", "£25,000")
        page.save_editor()
        settle(window)
        type_into(page.editor, page.presenter.editor, "status", "Shortlisted")
        page.save_editor()
        settle(window)
        add_district(window.session.store, "Babergh Extra")
        window.session.notify("")
        settle(window)
        window.show_history()
        dialog = window._history_dialog
        settle(window)
        dialog.view.selectRow(1)
        save(dialog, out)


@shot("window-guide.png", LAPTOP)
def guide(out: Path, size) -> None:
    """Help > User Guide on the Projects page (its picture is the projects.png made here)."""
    from safer_desk.ui.guide import GuideWindow

    with Window(size) as window:
        dialog = GuideWindow(window, folder=HERE)
        dialog.show()
        for i in range(dialog.contents.count()):
            if dialog.contents.item(i).text().startswith("Projects"):
                dialog.contents.setCurrentRow(i)
                break
        save(dialog, out)
        dialog.close()


@shot("funders-awards.png", LAPTOP)
def awards(out: Path, size) -> None:
    with Window(size) as window:
        window.show_awards()
        save(window._awards_dialog, out)


@shot("projects-paste-preview.png", LAPTOP)
def paste_preview(out: Path, size) -> None:
    """Rows copied from a spreadsheet whose headings the register does not know, one cost with a stray point."""
    from PySide6.QtGui import QGuiApplication

    rows = [("Scheme", "Lead agency", "Budget", "Starts"),
            ("Street Pastors night-time economy", "Ipswich Borough Council", "£12,500", "01/04/2026"),
            ("Hate crime reporting centres", "Suffolk Constabulary", "£3.250", "1/5/26"),
            ("Youth diversion summer scheme", "Waveney CSP", "£8,000 - £10,000", "1 June 2026")]
    with Window(size) as window:
        page, _ = select_project(window, "Homeshield Plus")
        QGuiApplication.clipboard().setText("\r\n".join("\t".join(r) for r in rows) + "\r\n")
        page.paste_rows()
        page.paste_dialog.headings_button.click()  # the first row is headings: the rows are then checked
        save(page.paste_dialog, out)


@shot("costs-new-case-dialog-1093x582.png", "new", LAPTOP)
@shot("costs-new-case-dialog-1280x690.png", "new", SCREEN)
@shot("costs-cost-line-dialog-1093x582.png", "cost", LAPTOP)
@shot("costs-cost-line-dialog-1280x690.png", "cost", SCREEN)
@shot("costs-split-dialog-1093x582.png", "split", LAPTOP)
@shot("costs-split-dialog-1280x690.png", "split", SCREEN)
@shot("costs-split-billed-dialog-1093x582.png", "billed", LAPTOP)
@shot("costs-split-billed-dialog-1280x690.png", "billed", SCREEN)
def costs_dialog(out: Path, which: str, size) -> None:
    """A new review; a cost line of -5 saved; WSCSP-DHR-2017-02 (given a £1,000 cost) split by percentages adding
    up to 101.82% (the eleven partners of the review's day, 13/11/2017); the billed split of WSCSP-DHR-2017-01."""
    from safer_desk.services import dhr

    with Window(size) as window:
        page = window.show_tab("costs").reviews
        settle(window)
        store = page.store
        case = "WSCSP-DHR-2017-02" if which == "split" else "WSCSP-DHR-2017-01"
        page.select_case(dhr.case_id_by_reference(store, case))
        settle(window)
        if which == "split":  # its first cost, keyed as the officer would
            page.cost_line_dialog()
            page.dialog.set_value("amount", "1000")
            assert page.dialog.save(), page.dialog.message_text()
            settle(window)
        if which == "new":
            page.new_case_dialog()
        elif which == "cost":
            page.cost_line_dialog()
            page.dialog.set_value("amount", "-5")
            page.dialog.save()
        else:
            page.split_dialog()
        dialog = page.dialog
        if which == "split":
            dialog.kind.setCurrentIndex(dialog.kind.findText("A percentage per partner"))
            settle(window)
            for oid, edit in dialog.percent_edits.items():
                partner = dialog.split.rows()[list(dialog.percent_edits).index(oid)].partner
                text = {"Babergh District Council": "9.1", "Suffolk Constabulary": "10.91"}.get(partner, "9.09")
                edit.setText(text)
                edit.textEdited.emit(text)
            dialog.save()
        save(dialog, out)


@shot("indicators-target-dialog-1093x582.png", LAPTOP)
@shot("indicators-target-dialog-1280x690.png", SCREEN)
def target_dialog(out: Path, size) -> None:
    with Window(size) as window:
        tab = window.show_tab("indicators")
        settle(window)
        tab.edit_indicator()
        save(tab._indicator_dialog, out)


@shot("indicators-baseline-benchmarks.png", LAPTOP)
def framework_dialog(out: Path, size) -> None:
    """Baseline and Benchmarks… on East Sussex's adults leaving drug treatment in a planned way, 2010/11, as the
    example holds it (the portfolio plan's regional and national benchmarks)."""
    from safer_desk.domain.periods import FinancialYear

    with Window(size) as window:
        tab = window.show_tab("indicators")
        settle(window)
        assert tab.select_area("county:east-sussex") and tab.select_year(FinancialYear(2010))
        assert tab.select_indicator("indicator:adults-leaving-drug-treatment-in-a-planned-way")
        settle(window)
        tab.edit_framework()
        save(tab._framework_dialog, out)


@shot("indicators-populations.png", LAPTOP)
def populations(out: Path, size) -> None:
    from safer_desk.ui.indicators.menu import open_populations

    with Window(size) as window:
        window.show_tab("indicators")
        settle(window)
        save(open_populations(window), out)


@shot("indicators-compare-areas.png", LARGE)
def compare_areas(out: Path, size) -> None:
    """View > Compare Areas… on All crime, 2025/26, once the Suffolk districts' populations for 2024/25 are recorded
    (the example holds none for Suffolk): the rates use the latest earlier year's, and say so."""
    from safer_desk.domain.periods import FinancialYear
    from safer_desk.services.indicators import set_population
    from safer_desk.ui.indicators.menu import open_comparison

    populations = {"babergh": 94000, "east-suffolk": 251000, "ipswich": 141000, "mid-suffolk": 106000,
                   "west-suffolk": 183000}
    with Window(size) as window:
        for district, people in populations.items():
            set_population(window.session.store, f"district:{district}", FinancialYear(2024), people,
                           source="an illustration for the user guide")
        window.session.notify("indicators")
        window.show_tab("indicators")
        settle(window)
        dialog = open_comparison(window)
        dialog.year.setCurrentIndex(dialog.year.findText("2025/26"))
        save(dialog, out)


@shot("indicators-import-dialog-1093x582.png", LAPTOP)
@shot("indicators-import-dialog-1280x690.png", SCREEN)
def import_dialog(out: Path, size) -> None:
    """Import Figures on a sheet with a good row, a replacement, and three refused."""
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    sheet = Path("figures.csv")
    sheet.write_text("indicator,area,period,value\nAll crime,Plymouth,Dec-16,1480\n"
                     "All crime,Plymouth,Jan-17,\"1,2,3\"\nNonsense,Plymouth,Jan-17,12\n"
                     "All crime,Atlantis,Jan-17,12\nAll crime,Plymouth,Nov-16,1403\n", encoding="utf-8")
    with Window(size) as window:
        dialog = ImportFiguresDialog(window.session, window.show_tab("indicators"))
        assert dialog.load(sheet)
        dialog.show()
        save(dialog, out)
        dialog.reject()


@shot("exchange-export.png", LAPTOP)
def export_dialog(out: Path, size) -> None:
    from safer_desk.ui.exchange.dialogs import ExportDialog

    with Window(size) as window:
        dialog = ExportDialog(window.session, window)
        dialog.path_edit.setText("Babergh for county.sqlite")
        dialog.show()
        save(dialog, out)


# -- the county ------------------------------------------------------------------------------------------------------

def district_exports() -> tuple[list[Path], list[str]]:
    """Babergh office's and Mid Suffolk office's signed exports, each signed by its own officer's key (a home of its
    own), and those keys' fingerprints, as the county lead confirms them by phone. Both hold the county-wide project
    "Western Suffolk youth work" (live at Babergh, completed at Mid Suffolk); Babergh office typed 1,335 for its
    All crime of Apr 2025 where Mid Suffolk office's police.uk counts say 349; Mid Suffolk office gave Babergh an ONS
    code of its own. Three disagreements the county lead decides."""
    from safer_desk.exchange.signing import officer_key
    from safer_desk.services import indicators as ind
    from safer_desk.services import reference as ref
    from safer_desk.services.county import export_for_county
    from safer_desk.services.demo_data import reference as examples
    from safer_desk.services.demo_data.indicators import police_counts_rows
    from safer_desk.services.police_import import load_counts
    from safer_desk.services.projects import Project, add_projects
    from safer_desk.storage.store import open_store

    home, paths, keys = os.environ["SAFER_DESK_HOME"], [], []
    folder = Path(tempfile.mkdtemp(prefix="offices-", dir="."))  # each picture's own offices
    for name, district, status in (("Babergh office", "Babergh", "live"),
                                   ("Mid Suffolk office", "Mid Suffolk", "completed")):
        os.environ["SAFER_DESK_HOME"] = str(folder.resolve() / "homes" / name)  # this office's officer and key
        store = open_store(folder / f"{name}.sqlite", create=True, office_name=name)
        try:
            examples.add_examples(store)
            ref.set_office_scope(store, districts=[district], county="Suffolk")
            add_projects(store, [Project(id="p-countywide", title="Western Suffolk youth work", status=status,
                                         areas=("Countywide",))])
            month = "2025-01" if district == "Babergh" else "2025-04"  # each office's police.uk download
            load_counts(store, [r for r in police_counts_rows() if r[1] == month],
                        file_name=f"suffolk-{month}.zip", file_sha256=("a" if month < "2025-04" else "b") * 64)
            if district == "Babergh":
                ind.save_values(store, "indicator:all-crime", "district:babergh", [ind.PeriodValue("2025-04", 1335)],
                                require_red_comments=False)
            else:
                babergh = next(d for d in ref.list_districts(store) if d.name == "Babergh")
                ref.edit_district(store, babergh.id, name="Babergh", ons_code="E99999999", county="Suffolk")
            paths.append(export_for_county(store, folder / f"{name} export.sqlite").path.resolve())
            keys.append(officer_key().fingerprint)
        finally:
            store.close()
    os.environ["SAFER_DESK_HOME"] = home  # the county lead's own
    return paths, keys


def merged_county(size):
    """The main window on a new county file with the two offices' exports merged (Import District Files…)."""
    from safer_desk.services.reference import set_office_name
    from safer_desk.ui.exchange.dialogs import import_district_files

    paths, keys = district_exports()
    window_of = Window(size, new="Suffolk county.sqlite")
    window = window_of.window
    set_office_name(window.session.store, "Suffolk county team")
    import_district_files(window, [str(p) for p in paths], accept_keys=keys)
    settle_until(lambda: getattr(window, "merge_result", None) is not None, "the merge summary", window)
    return window_of


@shot("exchange-merge.png", (1100, 620))
def merge_result(out: Path, size) -> None:
    """Import District Files… of the two offices' exports into a new county file: the summary, and the conflicts in
    words."""
    with merged_county(size) as window:
        result = window.merge_result
        result.resize(1100, 520)
        save(result, out)
        result.close()


@shot("exchange-conflicts.png", (1100, 620))
def conflicts(out: Path, size) -> None:
    """File > Conflicts… after that merge: every group, the project's conflict chosen."""
    from safer_desk.ui.exchange.menu import open_conflicts_dialog

    with merged_county(size) as window:
        window.merge_result.close()
        dialog = open_conflicts_dialog(window)
        dialog.resize(1100, 460)
        settle(window)
        save(dialog, out)
        dialog.close()


@shot("exchange-report.png", LAPTOP)
def report_dialog(out: Path, size) -> None:
    """File > Board Report… on the example file, 2017/18 chosen."""
    from safer_desk.ui.exchange.menu import open_report_dialog

    with Window(size) as window:
        dialog = open_report_dialog(window)
        dialog.year_combo.setCurrentIndex(dialog.year_combo.findText("2017/18"))
        save(dialog, out)
        dialog.close()


@shot("exchange-report-progress.png", LAPTOP)
def report_progress(out: Path, size) -> None:
    """Board Report… while the report is written: the choices greyed under the progress window, which names the page
    being drawn, and Cancel. The report is held at that page (drawn onto the picture of the dialog as a screen shows
    the two), then cancelled: no file is written."""
    import threading

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from safer_desk.services.progress import check_cancelled
    from safer_desk.ui import prompts
    from safer_desk.ui.exchange import report_dialog as reports
    from safer_desk.ui.exchange.menu import open_report_dialog

    held, drawn = threading.Event(), reports.write_board_report

    def write_held(store, request, progress, cancelled):  # as far as page 13 of 94, then held until cancelled
        progress(430, 1000, "Drawing page 13 of 94")
        held.set()
        while not cancelled():
            threading.Event().wait(0.02)
        check_cancelled(cancelled)

    reports.write_board_report = write_held
    try:
        with Window(size) as window:
            dialog = open_report_dialog(window)
            dialog.year_combo.setCurrentIndex(dialog.year_combo.findText("2025/26"))
            dialog.accept()
            if not held.wait(30):
                raise SystemExit("the report never reached its page")

            def progress_window():
                return next((w for w in QApplication.topLevelWidgets()
                             if isinstance(w, QProgressDialog) and w.isVisible()), None)

            # The report is held on the thread pool until cancelled: the window is never idle till then, so these
            # waits turn the event loop without waiting for running work (wait_until_idle would wait for ever).
            settle_until(lambda: progress_window() is not None, "the report's progress window")
            progress = progress_window()
            settle()
            picture = dialog.grab()
            painter = QPainter(picture)
            at = progress.mapToGlobal(QPoint(0, 0)) - dialog.mapToGlobal(QPoint(0, 0))
            painter.drawPixmap(at, progress.grab())
            painter.end()
            if not picture.save(str(out), "PNG"):
                raise SystemExit(f"could not write {out}")
            print(f"{out.name}: {picture.width()}x{picture.height()}")
            told, prompts.show_info = prompts.show_info, lambda *_a, **_k: None  # "Cancelled; …", modal: not waited on
            try:
                dialog.reject()  # Cancel: the report stops
                settle_until(lambda: not dialog.busy, "the cancelled report's end", window)
            finally:
                prompts.show_info = told
            dialog.close()
    finally:
        reports.write_board_report = drawn


# -- the run ---------------------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="NAME.png", help="only these pictures (default: every one)")
    parser.add_argument("--out", type=Path, default=HERE / "screenshots", help="the folder (default: docs/screenshots)")
    parser.add_argument("--list", action="store_true", help="say which pictures it makes, and make none")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(sorted(SHOTS)))
        return 0
    unknown = [n for n in args.names if n not in SHOTS]
    if unknown:
        parser.error(f"not a picture this makes: {', '.join(unknown)} (--list says which it makes)")
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    # The guide window's picture shows the others: it comes last.
    names = sorted(args.names or SHOTS, key=lambda n: n == "window-guide.png")
    home = Path(tempfile.mkdtemp(prefix="safer-desk-screenshots-"))
    started_in = Path.cwd()
    for key, folder in (("SAFER_DESK_HOME", "home"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache"),
                        ("XDG_DATA_HOME", "data"), ("XDG_RUNTIME_DIR", "runtime"), ("TMPDIR", "tmp")):
        (home / folder).mkdir(mode=0o700)
        os.environ[key] = str(home / folder)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The officer the pictures show (the History of Changes' Who, "signed by"), whoever makes them.
    for key in ("LOGNAME", "USER", "USERNAME"):
        os.environ[key] = "jsmith"
    tempfile.tempdir = None  # read TMPDIR again: the program's own temporary files go in the folder too
    (home / "work").mkdir()
    os.chdir(home / "work")  # the status bar names the file as opened: example.sqlite
    try:
        from PySide6.QtCore import qInstallMessageHandler

        from safer_desk.presenters.screens import UnsavedChoice
        from safer_desk.ui import prompts
        from safer_desk.ui.app import ensure_app

        ensure_app()
        # The offscreen platform says this of every dialog shown; anything else Qt says is still printed.
        qInstallMessageHandler(lambda _kind, _where, text: None if "propagateSizeHints" in text
                               else print(text, file=sys.stderr))
        prompts.ask_unsaved = lambda *a, **k: UnsavedChoice.DISCARD  # closing a window with edits shown
        for name in names:
            fn, fn_args = SHOTS[name]
            fn(out / name, *fn_args)
    finally:
        os.chdir(started_in)
        shutil.rmtree(home, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
