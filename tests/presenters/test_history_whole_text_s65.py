"""Session 65 (hist): the History of Changes' detail says a text's old and new value whole.

And a long title or text changed near its end read as unchanged: "Changed the title of project “Sexual Exploitation
of Adults / Children in Off-street Prem…” to “Sexual Exploitation of Adults / Children in Off-street Prem…”", the two
cut alike. The line names what changed; the detail says how, whole.

Found by changing Homeshield Plus's description in the register and opening View > History of Changes to see what it
said before: the detail read "Changed the description of project Homeshield Plus from A co-ordinator and community
safety advocates in the Fire a… to A new description", cut at 60 characters in the middle of a word. The file's audit
trail holds the old description whole (DESIGN §3: "what, old and new value"), but nothing in the window showed it, so a
description, a note or a recommendation overwritten by mistake could not be read back, nor found by searching the
History for a word of it. The line in the table stays one line (its summary is still cut); the detail and the export,
one change per line, say each value whole, in quotation marks.
"""

from __future__ import annotations

import csv
from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import HistoryPresenter, history_lines
from safer_desk.presenters.projects import ProjectsPresenter

OLD = ("A co-ordinator and community safety advocates in the Fire and Rescue Service targeting home safety visits "
       "at the older people most at risk. £125,000 keeps the advocates working for an additional 6 months.")
NEW = ("Advocates in the Fire and Rescue Service visiting the older people most at risk, now for twelve months "
       "with the county council's top-up.")


def save_description(store, text: str) -> None:
    register = ProjectsPresenter(store, perform=ActionLog(), today=lambda: date(2026, 4, 1))
    register.reload()
    register.select(next(p.id for p in register.rows if p.title == "Homeshield Plus"))
    assert register.editor.values["description"] == OLD
    register.editor.set_value("description", text)
    assert register.save(), register.editor.errors


def test_the_detail_says_the_old_and_new_description_whole_and_the_summary_stays_one_line(demo_store):
    save_description(demo_store, NEW)
    line = history_lines(demo_store)[0]
    assert line.action == "Change description of Homeshield Plus"  # named, never quoted
    assert f"Changed the description of project Homeshield Plus from “{OLD}” to “{NEW}”" in line.details
    assert "…" in line.summary and len(line.summary) < len(OLD)  # the table's line: one a screen can show
    assert "additional 6 months" in line.search_text  # a word of the old text finds the change


def test_the_window_s_detail_and_the_export_say_it_whole(demo_store, tmp_path):
    save_description(demo_store, NEW)
    presenter = HistoryPresenter(demo_store)
    lines = presenter.load()
    assert OLD in presenter.detail_text(lines[0]) and NEW in presenter.detail_text(lines[0])
    target = presenter.export(tmp_path / "history.csv", lines[:1])
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert OLD in rows[0]["Detail"] and NEW in rows[0]["Detail"]


def test_a_text_of_several_lines_is_said_on_one_line_of_the_detail(demo_store):
    save_description(demo_store, "First paragraph of the new description.\n\nSecond paragraph, saying what the "
                                 "advocates will do in the second half of the year.")
    detail = [d for d in history_lines(demo_store)[0].details if d.startswith("Changed the description")]
    assert detail == [f"Changed the description of project Homeshield Plus from “{OLD}” to “First paragraph of the new "
                      "description. Second paragraph, saying what the advocates will do in the second half of the "
                      "year.”"]


LONG_TITLE = "Sexual Exploitation of Adults / Children in Off-street Premises"


def test_a_long_title_renamed_is_said_whole_in_the_detail(demo_store):
    register = ProjectsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2026, 4, 1))
    register.reload()
    register.select(next(p.id for p in register.rows if p.title == LONG_TITLE))
    register.editor.set_value("title", LONG_TITLE + " (Ipswich and Felixstowe)")
    assert register.save(), register.editor.errors
    line = history_lines(demo_store)[0]
    assert (f"Changed the title of project “{LONG_TITLE}” to “{LONG_TITLE} (Ipswich and Felixstowe)”"
            in line.details), line.details
    assert "(now " not in " ".join(line.details)  # it is called that now: nothing to add
    # The table's line stays one a screen can show: the two titles cut alike read "from “…Prem…” to “…Prem…”" there,
    # as though nothing had changed; it names the project, the detail says how.
    assert line.summary == "Changed the title of project “Sexual Exploitation of Adults / Children in Off-street Prem…”"


def test_a_description_changed_near_its_end_is_not_said_as_unchanged_in_the_line(demo_store):
    save_description(demo_store, OLD.replace("6 months", "12 months"))
    line = history_lines(demo_store)[0]
    assert line.summary == "Changed the description of project Homeshield Plus", line.summary
    assert line.details == (f"Changed the description of project Homeshield Plus from “{OLD}” to "
                            f"“{OLD.replace('6 months', '12 months')}”",)
