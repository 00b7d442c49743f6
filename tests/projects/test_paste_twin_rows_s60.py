"""Projects, round s60: two rows of one paste with the same title.

A paper's table copied twice over (or a list with a project on it twice) pasted two "Street pastors", each counted
by a scenario and the board report, without a word: the preview said only of a row with the title of a project
already in the register. It now says of a row with the title of a row above it too (in any case, with Word's
quotes or dashes), as the editor now asks of a title typed twice; Add is not refused (two bids may share a title).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.presenters.projects import ProjectsPresenter

ROWS = [["Title", "Cost"], ["Street pastors", "£2,500"], ["Nightsafe", "£4,000"], ["Street Pastors", "£2,500"]]


def test_a_row_with_the_title_of_a_row_above_it_is_said(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    preview = presenter.paste_preview(ROWS)
    assert preview.twice_in_rows() == ("Row 3 has the title of row 1 (“Street pastors”): Add makes two projects of "
                                       "it, which a scenario and the board report would each count.")
    assert len(preview.projects()) == 3  # said, not refused
    assert presenter.paste_preview(ROWS[:3]).twice_in_rows() == ""


def test_the_preview_shows_it_under_the_rows(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    QGuiApplication.clipboard().setText("\n".join("\t".join(r) for r in ROWS))
    page.paste_rows()
    dialog = page.paste_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert "⚠ Row 3 has the title of row 1 (“Street pastors”)" in dialog.problems.text()
    assert dialog.add_button.isEnabled()
    dialog.reject()
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
