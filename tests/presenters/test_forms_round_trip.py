"""Every form that corrects a record, opened on the example and saved without a change, changes nothing in the
file: what a form shows and reads back is what the file holds, to the penny, the day and the word (a form that
dropped what it does not show, or could not be saved as it was, was found this way). A correction of a review
or a fund saved unchanged is no step of Edit > Undo either."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.funds import FundsPresenter
from safer_desk.presenters.indicators import IndicatorForm
from safer_desk.services import indicators as svc


def data_tables(store) -> list[str]:
    return [r[0] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'audit%' "
                                     "AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_%' ESCAPE '\\'")]


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def unchanged(demo_store, log):
    """Saves a form as it was opened and says what it changed in the file ({} for nothing)."""
    tables = data_tables(demo_store)

    def everything() -> dict[str, list]:
        return {t: sorted(map(tuple, demo_store.rows(f"SELECT * FROM {t}"))) for t in tables}

    def save(form, what: str) -> dict:
        before, steps = everything(), len(log.done)
        assert form.save() or form.save(), (what, form.form_message,
                                             {k: form.message(k) for k in form.values if form.message(k)})
        after = everything()
        if getattr(form, "correcting", False):  # and a correction with nothing changed is no step to undo
            assert len(log.done) == steps, (what, "an Edit > Undo step that undoes nothing")
        return {t: set(before[t]) ^ set(after[t]) for t in tables if before[t] != after[t]}

    return save


def test_every_review_form_saved_unchanged_changes_nothing(demo_store, unchanged, log):
    reviews = DhrPresenter(demo_store, perform=log, today=lambda: date(2018, 10, 1))
    reviews.reload()
    for case in list(reviews.rows):
        reviews.select(case.id)
        assert unchanged(reviews.edit_case_form(), case.reference) == {}, case.reference
        details = reviews.details()
        for line in details.costs:
            assert unchanged(reviews.edit_cost_line_form(line), line["category"]) == {}, case.reference
        for rec in details.actions:
            assert unchanged(reviews.edit_recommendation_form(rec), rec["text"]) == {}, case.reference


def test_every_fund_form_saved_unchanged_changes_nothing(demo_store, unchanged, log):
    page = FundsPresenter(demo_store, perform=log, today=lambda: date(2018, 7, 3))
    page.reload()
    data = page.data
    for kind, rows, form in (("referral", data.referrals, page.edit_referral_form),
                             ("spend line", data.lines, page.edit_spend_form),
                             ("contribution", data.contributions, page.edit_contribution_form)):
        for row in rows:
            assert unchanged(form(row), kind) == {}, (kind, row)
            page.reload()
    assert unchanged(page.edit_fund_form(), "fund") == {}


def test_every_indicator_dialog_saved_unchanged_changes_nothing(demo_store, unchanged, log):
    targets = demo_store.rows("SELECT DISTINCT indicator_id, area_id, year FROM indicator_targets")
    assert len(targets) >= 20
    for t in targets:
        year = FinancialYear(int(t["year"][:4]))
        view = svc.year_view(demo_store, t["indicator_id"], t["area_id"], year)
        form = IndicatorForm.make(demo_store, view, t["area_id"], year, perform=log)
        assert unchanged(form, t["indicator_id"]) == {}, (t["indicator_id"], t["year"])
