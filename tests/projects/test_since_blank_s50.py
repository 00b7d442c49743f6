"""Emptying *since* on a dated status dates it today, as its placeholder ("today if blank") and the guide ("a change
without a date is dated today") say: P1's "proposed since 24/01/2017" became undated, the paper's date lost without
a word. A status never dated stays undated when other fields are saved, as before."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from safer_desk.services import projects as svc

TODAY = date(2026, 12, 4)


def _p1(store):
    return next(p for p in svc.load_projects(store) if p.ref == "P1")


def test_since_emptied_dates_the_status_today(demo_store):
    p1 = _p1(demo_store)
    assert p1.status_date == "2017-01-24"
    fields = svc.project_fields(p1) | {"status_date": ""}
    after = svc.project_from_fields(fields, base=p1, today=TODAY)
    assert after.status_date == TODAY.isoformat()
    assert [(h.status, h.changed_on) for h in after.status_history][-1] == ("proposed", "2026-12-04")


def test_an_undated_status_stays_undated_when_other_fields_are_saved(demo_store):
    p1 = _p1(demo_store)
    undated = replace(p1, status_history=(replace(p1.status_history[-1], changed_on=None),))
    fields = svc.project_fields(undated) | {"title": "Plymouth DA contract"}
    after = svc.project_from_fields(fields, base=undated, today=TODAY)
    assert after.status_date is None and after.title == "Plymouth DA contract"
