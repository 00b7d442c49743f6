"""Discard Typed (session 69): it threw typed figures away at once and is no undo step, so Edit > Undo could not
bring them back. As the desktop convention for a command that destroys work, it now asks first, saying what is lost."""

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter

FY16 = FinancialYear(2016)


@pytest.fixture
def presenter(demo_store):
    p = IndicatorsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2026, 11, 28))
    p.load("district:plymouth", FY16)
    return p


def confirm_with(answer):
    asked = []

    def confirm(text):
        asked.append(text)
        return answer

    confirm.asked = asked
    return confirm


def test_discard_typed_asks_and_keeps_the_figures_when_not_confirmed(presenter):
    presenter.figures.set_text("value", 8, "1,480")
    confirm = confirm_with(False)
    assert not presenter.discard_asked(confirm)
    assert confirm.asked == ["Figures of All crime for Plymouth, 2016/17 have unsaved changes in Dec-16. Discard "
                             "them? Edit > Undo cannot bring them back."]
    assert presenter.figures.texts[("value", 8)] == "1,480" and presenter.has_unsaved_changes()


def test_discard_typed_confirmed_puts_back_what_the_file_holds(presenter):
    presenter.figures.set_text("value", 0, "9")
    assert presenter.discard_asked(confirm_with(True))
    assert presenter.figures.texts[("value", 0)] == "1,335" and not presenter.has_unsaved_changes()


def test_nothing_typed_nothing_asked(presenter):
    confirm = confirm_with(False)
    assert presenter.discard_asked(confirm) and confirm.asked == []
