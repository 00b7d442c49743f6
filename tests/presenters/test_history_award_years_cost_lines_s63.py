"""The History of Changes names an award's years and a project's cost lines by what they are of (session 63,
helper hist2).

CSP funding 2018-2021 corrected to "2018/19: £30,000 / 2019/20: £31,000.50" read "Deleted award year 2019/20",
"Deleted award year 2020/21" and "Added award year 2019/20: award CSP funding 2018-2021; …", and a cost line of
Suffolk ELEV8 corrected read "Changed the amount as written of cost line 2009/10 from £4,000 to £4,250.75": a
year said alone (of which award, which project? which of the year's four lines?), so a search for the award or the
project found none of them. An award year is now named by its award ("award year 2019/20 of CSP funding
2018-2021"), a cost line by its description, its project and its year ("cost line Administrative support of Suffolk
ELEV8, 2009/10"), as a funder's share is.
"""

from __future__ import annotations

from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.projects import ProjectsPresenter


def test_an_award_s_years_are_named_by_their_award(demo_store):
    log = ActionLog()
    awards = AwardsPresenter(demo_store, perform=log)
    award = next(a for a in awards.rows() if a.name == "CSP funding 2018-2021")
    form = awards.edit_form(award.id)
    form.set_value("years", "2018/19: £30,000\n2019/20: £30,000\n2021/22: £31,000.50")
    assert form.save(), form.form_message
    line = history_lines(demo_store)[0]
    assert "Deleted award year 2020/21 of CSP funding 2018-2021: amount £30,000" in line.details, line.details
    assert "Added award year 2021/22 of CSP funding 2018-2021: amount £31,000.50" in line.details, line.details
    log.undo()
    line = history_lines(demo_store)[0]
    assert line.action == "Undo change amounts by year of award CSP funding 2018-2021"
    assert "Added award year 2020/21 of CSP funding 2018-2021: amount £30,000" in line.details, line.details


def test_a_project_s_cost_lines_are_named_by_description_project_and_year(demo_store):
    log = ActionLog()
    register = ProjectsPresenter(demo_store, perform=log, today=lambda: date(2026, 4, 1))
    register.reload()
    register.select(next(p.id for p in register.rows if p.title == "Suffolk ELEV8"))
    lines = [list(x) for x in register.editor.value("cost_lines")]
    lines[1][3] = "£4,250.75"  # 2009/10 admin, Administrative support
    lines.append(["", "staff", "", "£1,000"])  # no year, no description: named by its category
    register.editor.set_cost_lines(lines)
    assert register.save() or register.save()
    line = history_lines(demo_store)[0]
    assert ("Changed the amount as written of cost line Administrative support of Suffolk ELEV8, 2009/10 from £4,000 "
            "to £4,250.75") in line.details, line.details
    assert any(d.startswith("Added cost line staff of Suffolk ELEV8: ") for d in line.details), line.details
    log.undo()
    line = history_lines(demo_store)[0]
    assert "Deleted cost line staff of Suffolk ELEV8: amount as written £1,000" in line.details, line.details
    assert "elev8" in line.search_text


def test_a_year_s_amount_corrected_reads_as_a_change_not_a_year_deleted_and_added(demo_store):
    """The award's years are written again on each save: 2019/20 corrected from £30,000 to £31,000.50 read "Deleted
    award year 2019/20 …" and "Added award year 2019/20 …", and the summary "added award year 2019/20 and deleted 2
    award years" where one year went."""
    log = ActionLog()
    awards = AwardsPresenter(demo_store, perform=log)
    form = awards.edit_form(next(a.id for a in awards.rows() if a.name == "CSP funding 2018-2021"))
    form.set_value("years", "2018/19: £30,000\n2019/20: £31,000.50")
    assert form.save(), form.form_message
    line = history_lines(demo_store)[0]
    assert line.details == (
        "Changed the last year of funding award CSP funding 2018-2021 from 2020/21 to 2019/20",
        "Changed the amount of award year 2019/20 of CSP funding 2018-2021 from £30,000 to £31,000.50",
        "Deleted award year 2020/21 of CSP funding 2018-2021: amount £30,000"), line.details
    assert line.summary == ("Changed funding award CSP funding 2018-2021, changed award year 2019/20 "
                            "of CSP funding 2018-2021 and deleted award year 2020/21 of CSP funding 2018-2021"), \
        line.summary
