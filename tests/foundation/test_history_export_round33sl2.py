"""View > History of Changes, round 33 (second look sl2): Export… of the actions a search found, as an officer
looking up one referral would.

1. The officer searched for a referral ("TH-2026-099", or the £ spent on it) and exported what was shown, leaving
   the victim-level detail out: every action said "(reference left out)", but the workbook's title said
   "1 of 4,000 actions (as filtered: search “TH-2026-099”)": the reference the export had left out, in its first
   row. A filter that finds actions only by their victim-level detail is left out of a file leaving that detail out,
   and said to be; asked for, the detail and the filter go in.
"""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import Qt

from tests.presenters.test_history_privacy_round32hst import _victim_level_actions


def _open_history(window, qtbot):
    window.history_action.trigger()
    dialog = window._history_dialog
    qtbot.addWidget(dialog)
    return dialog


def _workbook_text(target) -> str:
    sheet = openpyxl.load_workbook(target).active
    return "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None)


@pytest.mark.parametrize("search", ["TH-2026-099", "2026-099"])
def test_a_search_for_a_referral_is_left_out_of_an_export_leaving_its_detail_out(demo_window, qtbot, prompts,
                                                                                   tmp_path, search):
    _victim_level_actions(demo_window.session.store)
    dialog = _open_history(demo_window, qtbot)
    qtbot.keyClicks(dialog.search, search)
    assert dialog.proxy.rowCount() == 2
    prompts.file_names.append(str(tmp_path / "history.xlsx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # the question unanswered: left out
    text = _workbook_text(tmp_path / "history.xlsx")
    assert "2026-099" not in text, text[:400]
    assert text.startswith("History of changes: 2 of ") and "(as filtered: its words left out" in text.split("\n")[0]
    assert "Add referral (reference left out) to Suffolk Target Hardening Pilot" in text

    prompts.answers.append(True)  # "Include it": the detail and the search that found it
    prompts.file_names.append(str(tmp_path / "history-full.xlsx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    first = _workbook_text(tmp_path / "history-full.xlsx").split("\n")[0]
    assert f"search “{search}”" in first and "victim-level detail included" in first
    dialog.close()


def test_a_search_that_finds_actions_by_what_an_export_keeps_stays_in_its_title(demo_window, qtbot, prompts, tmp_path):
    _victim_level_actions(demo_window.session.store)
    dialog = _open_history(demo_window, qtbot)
    qtbot.keyClicks(dialog.search, "Target Hardening")
    prompts.file_names.append(str(tmp_path / "history.xlsx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "search “Target Hardening”" in _workbook_text(tmp_path / "history.xlsx").split("\n")[0]
    dialog.close()
