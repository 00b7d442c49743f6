"""The History's search finds a financial year typed with a dash (session 63, helper hist2).

The papers and the award names write years "2009-10" ("Performance Reward Grant 2009-10"), and the year fields take
"2020-21"; the History says every year "2020/21". A search for "2020-21" found no line though three said 2020/21
(an award's year deleted, its last year changed). A year typed with a dash, or in full ("2020-2021"), now finds the
year as the History says it, and still the words as typed ("2009-10" in an award's name).
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.presenters.history import filter_predicate, history_lines


def test_a_year_typed_with_a_dash_finds_it_as_the_history_says_it(demo_store):
    awards = AwardsPresenter(demo_store, perform=ActionLog())
    form = awards.edit_form(next(a.id for a in awards.rows() if a.name == "CSP funding 2018-2021"))
    form.set_value("years", "2018/19: £30,000\n2019/20: £30,000")
    assert form.save(), form.form_message
    lines = history_lines(demo_store)
    said = [line for line in lines if filter_predicate(text="2020/21")(line)]
    assert said and said[0] is lines[0]
    for typed in ("2020-21", "2020–21", "2020-2021", "2020/2021", "csp 2020-21"):
        assert [line for line in lines if filter_predicate(text=typed)(line)] == said, typed
    assert any(filter_predicate(text="2009-10")(line) for line in lines)  # "Performance Reward Grant 2009-10"
    assert not any(filter_predicate(text="2031-32")(line) for line in lines)
