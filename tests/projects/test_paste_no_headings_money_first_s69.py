"""Projects, round s69: rows without headings, the cost in the first column, then marks.

A paper's table copied without its heading row, its columns in another order ("£2,500", "Street pastors", "Yes",
"No"), was read by the register's order: "£2,500" taken for a ref (short, with a figure), "Yes" for a status, and
the paste refused: "Row 1: Status: “Yes” is not a status". A column of amounts in £ is not refs, and a column of
words that are not statuses is not the status column: such rows are read by what their columns hold (the title
and the cost), as other rows in another order are.
"""

from __future__ import annotations

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services.projects import read_paste

ROWS = [["£2,500", "Street pastors", "Yes", "No"], ["£4,000", "Nightsafe", "No", "Yes"]]


def test_rows_starting_with_an_amount_are_read_by_what_they_hold(demo_store):
    assert read_paste(ROWS).keys[:2] == ("cost", "title")
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    preview = presenter.paste_preview(ROWS)
    assert preview.problems() == ""
    assert [(p.title, p.ref, p.cost.min_pence) for p in preview.projects()] == [("Street pastors", "", 250000),
                                                                                 ("Nightsafe", "", 400000)]


def test_the_register_order_still_reads_by_place():
    keys = read_paste([["P1", "Street pastors", "Live", "SSPB", "£2,500"],
                       ["P2", "Nightsafe", "", "PRG", "£4,000"]]).keys
    assert keys == ("ref", "title", "status", "funding_route", "cost")
    assert read_paste([["7", "Street pastors", "Proposed"]]).keys == ("ref", "title", "status")
