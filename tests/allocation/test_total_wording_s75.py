"""s75: Allocation's Results and Compare scenarios tables ended with "Totals" where every other table in the window
(Redistribute, Top-slice, the Costs and Projects tables) says "Total", the kit's one wording
(``domain.text.shown_total_label``). The window's tables, their Copy Table and their Export… now say "Total"; the
command line's ``allocate`` CSV keeps its "Totals" row (DESIGN.md §4's contract:
tests/allocation/test_cli.py)."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtGui import QGuiApplication



@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


def _last_label(model) -> str:
    return model.index(model.rowCount() - 1, 0).data()


def test_results_and_compare_tables_say_total_as_the_kit_does(qtbot, tab):
    assert _last_label(tab.results_proxy) == "Total"
    tab.pages.setCurrentWidget(tab.compare_view.parentWidget())
    assert tab.compare_model.rowCount() > 1
    assert _last_label(tab.compare_model) == "Total"
    tab.copy_results()
    assert QGuiApplication.clipboard().text().splitlines()[-1].split("\t")[0] == "Total"


def test_results_copy_and_export_say_total(qtbot, tab, prompts, tmp_path):
    tab.pages.setCurrentIndex(0)
    tab.copy_results()
    assert QGuiApplication.clipboard().text().splitlines()[-1].split("\t")[:2] == ["Total", "589608"]
    target = tmp_path / "allocation.csv"
    prompts.file_names.append(str(target))
    tab.export_results()
    assert not prompts.errors
    with target.open(encoding="utf-8-sig", newline="") as fh:
        names = [row[0] for row in csv.reader(fh) if row]
    assert "Total" in names and "Totals" not in names, names

