"""Projects, round s69: pasted rows naming areas the file does not know.

An officer's sheet lists a project's areas with commas ("Ipswich, Waveney"); the register separates them with
"; " (a name may hold a comma: "Herefordshire, County of"). Pasted, such a row was added with one area
"Ipswich, Waveney" without a word, and the board report counted it as the office's own, not Ipswich's or Waveney's;
only opening each project in the editor said so. The preview now says it of the rows, before anything is added,
with how to name them, as the editor says it of one project.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from safer_desk.presenters.projects import ProjectsPresenter

TEXT = "Title\tAreas covered\r\nNightsafe\tIpswich, Waveney\r\nStreet pastors\tIpswich\r\nCCTV\tCountywide\r\n"
ROWS = [r.split("\t") for r in TEXT.strip().split("\r\n")]


def test_the_preview_names_the_rows_with_areas_the_file_does_not_know(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    preview = presenter.paste_preview(ROWS)
    assert preview.areas_not_known() == ("Row 1: “Ipswich, Waveney” is not an area this file knows (separate areas "
                                         "with “;”: Ipswich; Waveney).")
    assert len(preview.projects()) == 3  # said, not refused
    assert presenter.paste_preview(ROWS[:1] + ROWS[2:]).areas_not_known() == ""


def test_many_rows_are_said_in_a_few_lines(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    rows = [["Title", "Areas"]] + [[f"Project {n}", "Ipswich, Waveney"] for n in range(1, 41)]
    said = presenter.paste_preview(rows).areas_not_known()
    assert said.startswith("Rows 1, 2, 3 and 37 more: “Ipswich, Waveney” is not an area this file knows")
    assert said.count("\n") == 0


def test_the_dialog_shows_it_under_the_rows(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    QGuiApplication.clipboard().setText(TEXT)
    page.paste_rows()
    dialog = page.paste_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert "⚠ Row 1: “Ipswich, Waveney” is not an area this file knows" in dialog.problems.text()
    assert dialog.add_button.isEnabled()
    dialog.reject()
