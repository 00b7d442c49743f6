"""S76 (privacy): Ctrl+C on a review's Panel meetings put their notes on the clipboard unasked.

Found by copying from every table of the example file (its panel meeting noted "ZQXPANEL Victimson"): the Panel
meetings table put each meeting's date and note on the clipboard, as plain text and as an HTML table, with no
question, while the export for the county leaves the panel-meeting notes out (free text about one death, from which
the county works out no figure) and the History of Changes' copy leaves them out unless answered Include it. The
table's copy now asks as the fund's Referrals table does: the notes are left out unless the answer is Include it; a
copy of meetings without a note is not asked about.
"""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.services import dhr

NOTE = "ZQXPANEL Victimson family present"


@pytest.fixture
def meetings(demo_window, qtbot):
    store = demo_window.session.store
    case_id = store.scalar("SELECT id FROM dhr_cases ORDER BY reference LIMIT 1")
    dhr.add_panel_meeting(store, case_id, "01/02/2019", note=NOTE)
    demo_window.session.notify("")
    demo_window.resize(1366, 768)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(0)
    reviews = tab.reviews
    assert reviews.select_case(case_id)
    reviews.details.setCurrentWidget(reviews.meetings.view)
    qtbot.waitUntil(lambda: any(r["note"] == NOTE for r in reviews.meetings.model.rows), timeout=5000)
    return reviews.meetings


def copied(qtbot, view) -> str:
    QGuiApplication.clipboard().setText("(nothing copied)")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    return "\n".join(bytes(mime.data(f)).decode("utf-8", "replace") for f in mime.formats())


def test_a_copy_of_the_panel_meetings_asks_and_leaves_the_notes_out(meetings, qtbot, prompts):
    meetings.view.selectAll()
    everything = copied(qtbot, meetings.view)  # the question closed, or answered Leave it out
    [(title, question)] = prompts.questions
    assert title == "Copy"
    assert question.startswith("A panel meeting copied has a note: the copy leaves the note out and gives the dates.")
    assert "ZQXPANEL" not in everything and "Victimson" not in everything
    pasted = list(csv.reader(io.StringIO(QGuiApplication.clipboard().text()), delimiter="\t"))
    assert pasted[0] == ["Panel meeting"] and ["01/02/2019"] in pasted


def test_included_when_asked(meetings, qtbot, prompts):
    prompts.answers.append(True)  # Include it
    meetings.view.selectAll()
    text = copied(qtbot, meetings.view)
    assert len(prompts.questions) == 1 and NOTE in text


def test_meetings_without_a_note_are_copied_unasked(meetings, qtbot, prompts):
    assert meetings.select_where(lambda r: not r["note"])
    text = copied(qtbot, meetings.view)
    assert prompts.questions == [] and "Panel meeting" in text
