"""A project that names no area covered is the office's own: its board report of all its areas lists it and counts
its funder's share (round 49). It was left out of every report without a word, its £50,000 OPCC share with it,
though the register lists it and Commissioning counts it."""

from __future__ import annotations

from safer_desk.services import projects as P
from safer_desk.services.report import build_report

TITLE = "Youth outreach pilot"


def add_unplaced(store) -> None:
    p = P.project_from_fields({"title": TITLE, "cost": "£60,000", "status": "proposed", "funding_route": "OPCC",
                               "funding_sources": "OPCC (2017/18): £50,000", "start_date": "01/04/2017",
                               "end_date": "31/03/2018"})
    with store.action("Add project"):
        P.add_projects(store, [p])


def texts(report) -> str:
    out = []
    for section in report.sections:
        out += [str(getattr(section, "text", "") or "")]
        out += [str(c) for t in section.tables for row in t.rows for c in row]
        out += [str(n) for t in section.tables for n in (getattr(t, "notes", ()) or ())]
    return "\n".join(out)


def test_the_offices_report_lists_it_and_counts_its_share(demo_store):
    before = texts(build_report(demo_store, year="2017/18"))
    add_unplaced(demo_store)
    after = texts(build_report(demo_store, year="2017/18"))
    assert TITLE not in before and TITLE in after
    assert before != after.replace(TITLE, "")  # its £50,000 share counted against OPCC's award too


def test_a_report_of_one_area_leaves_it_out(demo_store):
    add_unplaced(demo_store)
    assert TITLE not in texts(build_report(demo_store, year="2017/18", area="Plymouth"))
