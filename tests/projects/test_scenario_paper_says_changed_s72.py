"""Session 72: Commissioning's Export… and Print to PDF… of a set changed since it was saved titled the paper with
the saved scenario's name alone: "Retained budget 2009/10: pilot and DV coordinators" over £195,000 committed, when
the scenario saved under that name commits £65,000. A board reading it took it for the saved scenario. The title now
says what the page says beside the name, "(changed since saved)"; a saved set's paper is titled as before."""

from __future__ import annotations

import openpyxl
from PySide6.QtGui import QTextDocument

from safer_desk.ui.projects import commissioning as page_module
from tests.projects.test_commissioning_round39pjx import ids

RETAINED = "Retained budget 2009/10: pilot and DV coordinators"


def _export(page, tmp_path, monkeypatch) -> str:
    """The workbook's title line, as Export… writes it."""
    target = tmp_path / "scenario.xlsx"

    def chosen(_parent, _caption, _name, write, failed=""):
        write(target)
        return target

    monkeypatch.setattr(page_module, "export_to_chosen_file", chosen)
    monkeypatch.setattr(page_module.prompts, "show_info", lambda *a, **k: None)
    page.export()
    sheet = openpyxl.load_workbook(target).worksheets[0]
    return str(sheet.cell(1, 1).value)


def _pdf_heading(page, monkeypatch) -> str:
    seen = {}
    monkeypatch.setattr(page_module.prompts, "save_file_name", lambda *a, **k: "unused.pdf")
    monkeypatch.setattr(page_module.prompts, "show_info", lambda *a, **k: None)
    monkeypatch.setattr(type(page), "write_pdf", staticmethod(
        lambda result, target, origins=None, title="": seen.setdefault("html", page_module.service.scenario_html(
            result, title))))
    page.print_pdf()
    document = QTextDocument()
    document.setHtml(seen["html"])
    return document.toPlainText().splitlines()[0]


def test_a_set_changed_since_saved_is_titled_so_on_its_paper(demo_window, tmp_path, monkeypatch):
    page = demo_window.show_tab("projects").show_commissioning()
    assert _export(page, tmp_path, monkeypatch).startswith(RETAINED + " — ")  # as saved: its name alone
    assert _pdf_heading(page, monkeypatch) == RETAINED
    page.presenter.tick(ids(page)["Homeshield Plus"])
    assert page.presenter.status_text() == "changed since saved"
    assert _export(page, tmp_path, monkeypatch).startswith(f"{RETAINED} (changed since saved) — ")
    assert _pdf_heading(page, monkeypatch) == f"{RETAINED} (changed since saved)"
