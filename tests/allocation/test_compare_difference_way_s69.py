"""s69: Compare scenarios headed its last column "Difference" and worked it out as the second scenario less the first.
The scenarios are listed newest first, so a county lead comparing 2019/20 (chosen first) with 2009/10 read Ipswich
CSP's -£32,794 as a loss when Ipswich had £176,866 in 2019/20 against £144,072 in 2009/10, a gain; the board paper's
own variance is this year less last. The heading (on the page, in Copy Table and in Export…) now says which way."""

from __future__ import annotations

from safer_desk.presenters.allocation import COMPARISON_DIFFERENCE
from safer_desk.services.allocation import ComparisonRow
from safer_desk.ui.allocation.models import comparison_columns
from safer_desk.ui.kit.tables import RowTableModel
from PySide6.QtCore import Qt


def test_the_heading_says_which_way_the_difference_is(qtbot):
    assert COMPARISON_DIFFERENCE == "Difference (second − first)"
    model = RowTableModel(comparison_columns("2019/20 — East Suffolk", "2009/10 — Option 2"),
                          [ComparisonRow("Ipswich CSP", 176_866_00, 144_072_00)])
    assert model.headerData(3, Qt.Orientation.Horizontal) == COMPARISON_DIFFERENCE
    assert model.index(0, 3).data() == "-£32,794"


def test_the_page_and_its_export_head_it_so(demo_window, prompts, tmp_path):
    from openpyxl import load_workbook

    tab = demo_window.show_tab("allocation")
    tab.pages.setCurrentWidget(tab.compare_view.parentWidget())
    assert tab.compare_model.headerData(3, Qt.Orientation.Horizontal) == COMPARISON_DIFFERENCE
    prompts.file_names.append(str(tmp_path / "compared.xlsx"))
    tab.export_results()
    rows = [r for r in load_workbook(tmp_path / "compared.xlsx").worksheets[0].iter_rows(values_only=True)]
    assert any(row[:4] == ("Partnership", "2009/10 — Option 2 with exact shares (£)",
                           "2009/10 — Option 2 - As per 2008/09 with updated crime figures, 10% retained (£)",
                           f"{COMPARISON_DIFFERENCE} (£)") for row in rows), rows[:4]
