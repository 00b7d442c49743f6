"""S75: the register's Export… while a search hid every project (the grid saying "None shown (of 23 projects)")
said "Saved 0 of 23 projects (as filtered: search “zzzz”) to register.csv." and wrote a CSV of headings alone: a
file that reads as an empty register, in words the window uses nowhere. A line of those words cannot go in the CSV
(pasted back it would be a project), so the confirmation says it as the grid and Copy do, that the file holds the
headings only, and how to export the projects; the workbook's title already said it and still does. Driven through
the search box and the Export… button."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


@pytest.fixture
def hidden(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    qtbot.keyClicks(page.search, "zzzz")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)
    assert page.count.text() == "None shown (of 23 projects)"
    return page


NONE_SHOWN = "None shown (of 23 projects, as filtered: search “zzzz”)"


def _export(page, qtbot, prompts, target):
    prompts.file_names.append(str(target))
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert target.is_file() and prompts.errors == []
    return prompts.infos[-1][1]


@pytest.mark.parametrize("name", ["register.csv", "register.tsv"])
def test_a_csv_of_no_project_is_said_in_the_window(hidden, qtbot, prompts, tmp_path, name):
    target = tmp_path / name
    said = _export(hidden, qtbot, prompts, target)
    assert said == (f"{NONE_SHOWN}: {target} holds the headings only, no project. "
                    "Clear the search and filters to export the projects.")
    with target.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t" if name.endswith(".tsv") else ","))
    assert len(rows) == 1 and rows[0][:2] == ["Ref", "Title"]  # no words row that would paste back as a project
    # as Copy on the empty grid says it
    hidden.view.setFocus()
    hidden.copy_selection()
    assert "None shown (of 23 projects)" in QGuiApplication.clipboard().text()


def test_a_workbook_of_no_project_says_it_in_its_title_and_the_window(hidden, qtbot, prompts, tmp_path):
    target = tmp_path / "register.xlsx"
    said = _export(hidden, qtbot, prompts, target)
    assert said.startswith(f"{NONE_SHOWN}: {target} holds the headings only")
    sheet = openpyxl.load_workbook(target)["Projects"]
    assert sheet["A1"].value.endswith(f": {NONE_SHOWN}")


def test_some_shown_is_said_as_before(demo_window, qtbot, prompts, tmp_path):
    page = demo_window.show_tab("projects").register
    qtbot.keyClicks(page.search, "elev8")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    target = tmp_path / "register.xlsx"
    assert _export(page, qtbot, prompts, target) == (
        f"Saved 1 of 23 projects (as filtered: search “elev8”) to {target}.")
