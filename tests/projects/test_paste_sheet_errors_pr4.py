"""Paste rows…: a Cost cell showing an error from the sheet is refused, not kept as the project's cost note (session
44, pr4).

Pasted from a budget sheet whose formulas had broken, a Cost of "#REF!", "#N/A" or "#VALUE!" was added as a project
with no cost and a cost note of "#REF!", saying nothing; "#DIV/0!" (it has a figure) was refused. Each is now refused
as the error it is, as everywhere else an amount is read; words with no figure ("Tbc", "Not stated") are still a note.
A funder's share of "#REF!" (pasted or typed under Funding sources) was kept as a share not known yet: refused too.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.domain.projects import ProjectError
from safer_desk.presenters.funders import shares_summary
from safer_desk.presenters.projects import PastePreview
from safer_desk.services.projects import read_paste


def _preview(text: str) -> PastePreview:
    return PastePreview(read_paste([line.split("\t") for line in text.splitlines() if line]))


@pytest.mark.parametrize("shown", ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?"])
def test_an_error_from_the_sheet_in_cost_is_refused(shown):
    preview = _preview(f"Title\tCost\nNightsafe branding\t£4,000\nStreet pastors\t{shown}\n")
    assert f"Row 2: Cost: “{shown}” is an error from the sheet, not an amount" in preview.problems()
    with pytest.raises(ProjectError):
        preview.projects()


def test_words_with_no_figure_are_still_the_cost_note():
    [tbc] = _preview("Title\tCost\nStreet pastors\tTbc\n").projects()
    assert tbc.cost is None and tbc.cost_note == "Tbc"


def test_the_paste_dialog_says_so_and_adds_nothing(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    QGuiApplication.clipboard().setText("Title\tCost\r\nNightsafe branding\t£4,000\r\nStreet pastors\t#REF!\r\n")
    qtbot.mouseClick(page.paste_button, Qt.MouseButton.LeftButton)
    dialog = page.paste_dialog
    assert "“#REF!” is an error from the sheet" in dialog.problems.text()
    assert not dialog.add_button.isEnabled()
    dialog.reject()
    assert "Street pastors" not in [p.title for p in page.model.rows]


@pytest.mark.parametrize("shown", ["#REF!", "#N/A", "#VALUE!"])
def test_an_error_from_the_sheet_as_a_funders_share_is_refused(shown):
    # "OPCC: #REF!" was kept as OPCC's share "not known yet", worded "#REF!", in a paste and in the editor alike
    preview = _preview(f"Title\tFunding sources\nStreet pastors\tOPCC: {shown}\n")
    assert f"Row 1: Funding sources: line 1: “{shown}” is an error from the sheet, not an amount" in preview.problems()
    assert shares_summary(f"OPCC: {shown}", "£10,000").startswith(f"⚠ line 1: “{shown}” is an error from the sheet")
    assert shares_summary("OPCC: Tbc", "£10,000").startswith("OPCC: Tbc")  # words are still a share not known yet
