"""An indicator with no target read "No target · amber within 5% of target" under its headline (session 45).

A tolerance says how far from the target is still amber; with no target there is nothing to be within, and an officer
reading the line aloud to a board cannot explain it. The tolerance is said only beside a target it applies to.
"""

from __future__ import annotations

from safer_desk.presenters.indicators import IndicatorsPresenter


def _details_by_label(store) -> dict[str, str]:
    presenter = IndicatorsPresenter(store)
    plymouth = next(c.id for c in presenter.area_choices() if c.label.startswith("Plymouth"))
    presenter.load(plymouth)
    shown = {}
    for row in list(presenter.rows):
        assert presenter.choose_indicator(row.indicator.id, lambda *_: True)
        shown[row.indicator.label] = presenter.details()
    return shown


def test_no_target_says_no_tolerance(demo_store):
    details = _details_by_label(demo_store)
    assert "No target" in details["All crime"]
    assert "amber within" not in details["All crime"], details["All crime"]


def test_a_target_still_says_its_tolerance(demo_store):
    details = _details_by_label(demo_store)
    with_target = {label: text for label, text in details.items() if "At least" in text or "No more than" in text}
    assert with_target, details
    assert all("amber within" in text for text in with_target.values()), with_target
