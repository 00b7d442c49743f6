"""Session 66: the register's search for a financial year written with a dash ("2017-18"), as Plymouth's papers and
many sheets write it, found nothing, though the register writes every share, cost line and award year "2017/18"
(Plymouth's eight projects have OPCC's share for 2017/18). A year is found written either way, Word's dash too, and a
title that writes it with a dash is found by "2017/18"."""

from __future__ import annotations

from safer_desk.services import projects as svc

from .conftest import kept


def test_a_year_with_a_dash_finds_what_the_year_with_a_stroke_finds(register):
    found = kept(register, "2017/18")
    assert len(found) >= 8
    assert kept(register, "2017-18") == found
    assert kept(register, "2017–18") == found  # Word's dash
    assert kept(register, "2017-2018") == found
    assert kept(register, "OPCC 2017-18") == kept(register, "OPCC 2017/18") == found


def test_a_title_with_a_dash_is_found_by_the_year_with_a_stroke(register, demo_store):
    p = svc.project_from_fields({"title": "Youth diversion 2020-21", "cost": "£5,000"})
    svc.add_projects(demo_store, [p])
    register.reload()
    assert kept(register, "2020/21") == ["Youth diversion 2020-21"]
    assert kept(register, "2020-21") == ["Youth diversion 2020-21"]
    assert kept(register, "2020-22") == []  # no one year: as typed
