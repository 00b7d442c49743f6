"""The History of Changes of a budget figure typed on the Budgets tab (session 59, helper hist).

Typing 1234 in Western Suffolk's Target Hardening cell for 2017/18 read, beside "Changed the amount … from £0 to
£1,234", "Changed the text of budget figure of 2017/18, … from £0 to 1234": "text" is the file's name for the figure
as it was written (the paper's "(27.5)", "TBC", the figure as typed), a word no one on the Budgets tab sees. It is
now said as "the figure as written", as a project's cost line says its "amount as written", and a stated total's as
"the total as written".
"""

from __future__ import annotations

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.presenters.history import history_lines
from safer_desk.services import budgets

PLAN = "Western Suffolk CSP financial implications 2017/18 – 2019/20"
LINE = "Target Hardening for High Risk DV Victims"


def test_a_budget_figure_typed_is_said_as_its_amount_and_as_written_never_as_its_text(demo_store):
    page = BudgetsPresenter(demo_store)
    page.select(budgets.plan_id_by_name(demo_store, PLAN))
    line = next(r for r in page.rows if r.kind == "line" and r.label == LINE)
    assert page.set_cell(line.line_id, "2017/18", "1234")
    details = history_lines(demo_store)[0].details
    named = f"budget figure of 2017/18, {LINE}, {PLAN}"
    assert f"Changed the amount of {named} from £0 to £1,234" in details, details
    assert f"Changed the figure as written of {named} from £0 to 1234" in details, details
    assert not any("the text of" in d for d in details), details


def test_a_stated_total_as_written_is_said_so():
    from safer_desk.presenters.history import column_words

    assert column_words("text", "budget_stated_totals") == "total as written"
    assert column_words("text", "dhr_recommendations") == "text"  # a recommendation's own words stay its text
