"""s69: Export… (Alt+7) and Copy Table on the Compare scenarios, Redistribute or Top-slice page saved and copied the
Results, whatever page was shown: the county lead on Redistribute, the retained £65,512 shared back (Babergh CSP
£5,948 … Western CSP £20,303), pressed Export… and got allocation.xlsx with the year's split (Babergh CSP £63,768),
and Copy Table pasted the split into Excel as if it were the money shared back. None of the three pages' tables could
be exported at all, and no table's right-click menu had the Export… the guide promises. Both buttons (and the menu's
Export…) now take the table of the page shown, under a title saying what it is; on Results as before."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication


@pytest.fixture
def tab(demo_window):
    demo_window.show()
    return demo_window.show_tab("allocation")


def _copy_table(tab, qtbot) -> list[list[str]]:
    QGuiApplication.clipboard().setText("nothing copied yet")
    button = tab._results_buttons[1]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return list(csv.reader(io.StringIO(QGuiApplication.clipboard().text()), delimiter="\t"))


def _export(tab, qtbot, prompts, target) -> None:
    prompts.file_names.append(str(target))
    qtbot.mouseClick(tab._results_buttons[0], Qt.MouseButton.LeftButton)
    assert prompts.errors == []


def _csv(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_copy_table_on_redistribute_copies_the_money_shared_back(tab, qtbot):
    tab.pages.setCurrentWidget(tab.redistribute_view.parentWidget())
    rows = _copy_table(tab, qtbot)
    assert rows == [["Partnership", "Share"], ["Babergh CSP", "5948"], ["Ipswich CSP", "19333"],
                    ["Waveney CSP", "11831"], ["Suffolk Coastal CSP", "8097"], ["Western CSP", "20303"],
                    ["Total", "65512"]]


def test_copy_table_on_compare_and_top_slice_copies_their_tables(tab, qtbot):
    tab.pages.setCurrentWidget(tab.compare_view.parentWidget())
    rows = _copy_table(tab, qtbot)
    assert rows[0] == ["Partnership", "2009/10 — Option 2 with exact shares",
                       "2009/10 — Option 2 - As per 2008/09 with updated crime figures, 10% retained",
                       "Difference (second − first)"]
    assert rows[1][:3] == ["Babergh CSP", "63767", "63768"] and rows[-1][:3] == ["Total", "589608", "589608"]
    tab.pages.setCurrentWidget(tab.top_slice_page)
    rows = _copy_table(tab, qtbot)
    assert rows[0] == ["Line", "Amount"] and rows[1] == ["Total", "2900692"] and len(rows) == 8


def test_copy_table_on_results_copies_the_results_as_before(tab, qtbot):
    tab.pages.setCurrentIndex(0)
    rows = _copy_table(tab, qtbot)
    assert rows[0][0] == "Partnership" and rows[-1][:4] == ["Total", "589608", "655120", "-65512"]


def test_export_on_redistribute_saves_the_money_shared_back(tab, qtbot, prompts, tmp_path):
    tab.pages.setCurrentWidget(tab.redistribute_view.parentWidget())
    target = tmp_path / "shared-back.csv"
    _export(tab, qtbot, prompts, target)
    rows = _csv(target)
    assert rows[0] == ["Partnership", "Share"]
    assert rows[1] == ["Babergh CSP", "5948"] and rows[-1] == ["Total", "65512"]


def test_export_on_compare_saves_the_comparison_as_a_workbook(tab, qtbot, prompts, tmp_path):
    tab.pages.setCurrentWidget(tab.compare_view.parentWidget())
    target = tmp_path / "compared.xlsx"
    _export(tab, qtbot, prompts, target)
    sheet = load_workbook(target).worksheets[0]
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    values = [row for row in values if row]
    assert values[0] == ["Compare scenarios: 2009/10 — Option 2 with exact shares with 2009/10 — Option 2 - As per "
                         "2008/09 with updated crime figures, 10% retained"]
    babergh = next(row for row in values if row[0] == "Babergh CSP")
    assert babergh == ["Babergh CSP", 63767, 63768, 1]  # pounds Excel can add up
    assert next(row for row in values if row[0] == "Total") == ["Total", 589608, 589608, 0]


def test_export_on_top_slice_saves_its_figures(tab, qtbot, prompts, tmp_path):
    tab.pages.setCurrentWidget(tab.top_slice_page)
    target = tmp_path / "prg.csv"
    _export(tab, qtbot, prompts, target)
    rows = _csv(target)
    assert rows[0] == ["Line", "Amount"]
    assert rows[1:] == [["Total", "2900692"], ["LSP share", "1450346"], ["SSP share", "1450346"],
                        ["Retained (10%)", "145034.60"], ["Each of 9 partners (equal share)", "145034.60"],
                        ["Each plus 20%", "174041.52"], ["Each less 20%", "116027.68"]]


def test_an_empty_page_says_why_and_writes_nothing(tab, qtbot, prompts, tmp_path):
    tab.pages.setCurrentWidget(tab.redistribute_view.parentWidget())
    tab.redistribute_amount.setText("-5")
    tab.redistribute_amount.editingFinished.emit()
    target = tmp_path / "nothing.csv"
    prompts.file_names.append(str(target))
    QGuiApplication.clipboard().setText("earlier")
    qtbot.mouseClick(tab._results_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab._results_buttons[1], Qt.MouseButton.LeftButton)
    assert [title for title, _ in prompts.errors] == ["Export", "Copy Table"]
    assert all("cannot be negative" in text for _, text in prompts.errors), prompts.errors
    assert not target.exists() and QGuiApplication.clipboard().text() == "earlier"


def test_every_pages_table_has_export_on_its_menu(tab):
    for view in (tab.results_view, tab.compare_view, tab.redistribute_view, tab.top_slice_view):
        assert "&Export…" in [a.text() for a in view.context_menu(0).actions()], view.accessibleName()


def _title(path) -> str:
    return load_workbook(path).worksheets[0].cell(1, 1).value


def test_a_top_slice_is_titled_with_its_saved_name_only_when_the_figures_are_its_own(tab, qtbot, prompts, tmp_path):
    from tests.allocation.test_allocation_round42exa import type_in_field

    tab.pages.setCurrentWidget(tab.top_slice_page)
    _export(tab, qtbot, prompts, tmp_path / "saved.xlsx")
    assert _title(tmp_path / "saved.xlsx") == "Top-slice: 2009/10 — Performance Reward Grant 2009-10"
    type_in_field(qtbot, tab.top_fields["total"], "2900692")  # the same grant typed another way: still its own
    _export(tab, qtbot, prompts, tmp_path / "same.xlsx")
    assert _title(tmp_path / "same.xlsx") == "Top-slice: 2009/10 — Performance Reward Grant 2009-10"
    type_in_field(qtbot, tab.top_fields["total"], "3000000")  # a grant tried: not the saved one's
    _export(tab, qtbot, prompts, tmp_path / "tried.xlsx")
    assert _title(tmp_path / "tried.xlsx") == "Top-slice"
    prompts.texts += ["Tried", "2010/11"]
    assert tab.save_top_slice()
    prompts.answers.append(True)
    tab.remove_top_slice()  # its figures stay on the page, under the 2009/10 one listed next
    assert tab.top_slice_combo.currentText() == "2009/10 — Performance Reward Grant 2009-10"
    _export(tab, qtbot, prompts, tmp_path / "removed.xlsx")
    assert _title(tmp_path / "removed.xlsx") == "Top-slice"


def _notes(path) -> list[str]:
    book = load_workbook(path)
    assert [sheet.title for sheet in book.worksheets][1:] == ["Notes"], book.sheetnames
    return [row[0] for row in book.worksheets[1].iter_rows(values_only=True) if row[0]][1:]


def test_a_workbook_of_a_page_keeps_what_the_page_says_under_its_table(tab, qtbot, prompts, tmp_path):
    """The blank Difference of a partnership in one scenario only, the odd pence of an amount shared back, the
    uneven equal shares: said on the page, and in the workbook on a Notes sheet (a CSV holds the table only)."""
    from tests.allocation.test_allocation_round42exa import type_in_field

    tab.pages.setCurrentWidget(tab.compare_view.parentWidget())
    _export(tab, qtbot, prompts, tmp_path / "compared.xlsx")
    assert _notes(tmp_path / "compared.xlsx") == [tab.compare_note.text()]
    tab.pages.setCurrentWidget(tab.redistribute_view.parentWidget())
    type_in_field(qtbot, tab.redistribute_amount, "£65,512.50")
    _export(tab, qtbot, prompts, tmp_path / "shared.xlsx")
    assert _notes(tmp_path / "shared.xlsx") == [tab.redistribute_note.text()]
    assert "odd 50p" in tab.redistribute_note.text()
    tab.pages.setCurrentWidget(tab.top_slice_page)
    type_in_field(qtbot, tab.top_fields["partners"], "7")
    _export(tab, qtbot, prompts, tmp_path / "prg.xlsx")
    assert _notes(tmp_path / "prg.xlsx") == [tab.top_slice_problem.text()]
    assert "2 get £186,473.05 and 5 get £186,473.06" in tab.top_slice_problem.text()
