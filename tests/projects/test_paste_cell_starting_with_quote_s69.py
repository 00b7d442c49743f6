"""Projects, round s69: a pasted cell that starts with a quote mark Excel did not put there.

Excel and Word copy a cell as it stands unless it holds a line break: "“Ask Angela” campaign" typed with straight
quotes comes as `"Ask Angela" campaign`. The paste read every cell starting with a quote mark as a quoted cell: the
title was added as "Ask Angela campaign" (its quotes gone), and a note opening a quote it never closed
(`"Quoted start only`) took every row below it into that one note: three rows pasted, one project added. A quote
mark opens a quoted cell only where the cell is one (it closes before a tab or the row's end, quotes inside doubled,
as Excel writes a cell of two lines and the register's Copy writes any cell with a quote); anywhere else it is a
letter of the cell.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from safer_desk.exchange.files import parse_tsv, to_tsv
from safer_desk.presenters.projects import ProjectsPresenter

EXCEL = ('Title\tCost\tNotes\r\n"Ask Angela" campaign\t£1,200\tplain\r\nNightsafe\t£2,000\t"Quoted start only\r\n'
         'Street pastors\t£3,000\t"two\r\nlines"\r\n')


def test_quotes_excel_did_not_put_there_stay_and_the_rows_below_stay_rows():
    assert parse_tsv(EXCEL) == [
        ["Title", "Cost", "Notes"], ['"Ask Angela" campaign', "£1,200", "plain"],
        ["Nightsafe", "£2,000", '"Quoted start only'], ["Street pastors", "£3,000", "two\nlines"]]
    assert parse_tsv('6" lights\t"a"b\t"say ""hi"""\t""\n') == [['6" lights', '"a"b', 'say "hi"', ""]]
    rows = [['"Ask Angela" campaign', '"open', 'x\ty', "two\nlines", '""']]
    assert parse_tsv(to_tsv(rows)) == rows  # the register's own Copy still reads back as it was


def test_the_preview_adds_three_projects_with_their_titles_as_typed(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    projects = presenter.paste_preview(parse_tsv(EXCEL)).projects()
    assert [(p.title, p.notes) for p in projects] == [('"Ask Angela" campaign', "plain"),
                                                      ("Nightsafe", '"Quoted start only'),
                                                      ("Street pastors", "two\nlines")]


def test_paste_rows_in_the_window_shows_three_rows(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    QGuiApplication.clipboard().setText(EXCEL)
    page.paste_rows()
    dialog = page.paste_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5000)
    assert dialog.add_button.text() == "&Add 3 projects"
    assert dialog.table.item(0, 0).text() == '"Ask Angela" campaign'
    dialog.reject()
