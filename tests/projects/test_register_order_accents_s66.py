"""Session 66 (wales2): `safer-desk projects` and the board report list a register without reference numbers by
title, and put "Ásbury pilot" and "Émile scheme" after "Zebra project" (by the accented letter's code, past z), where
the window's Title sort (and Excel) put them with A and E."""

from __future__ import annotations

from safer_desk.services.projects import Project, register_order


def test_titles_with_accents_are_in_order_beside_plain_letters():
    titles = ["Zebra project", "Ŵyl Ddiogel", "Émile scheme", "Ásbury pilot", "Prosiect Caergybi",
              "Ynys Môn patrols"]
    ordered = sorted((Project(id=str(i), title=t) for i, t in enumerate(titles)), key=register_order)
    assert [p.title for p in ordered] == ["Ásbury pilot", "Émile scheme", "Prosiect Caergybi", "Ŵyl Ddiogel",
                                          "Ynys Môn patrols", "Zebra project"]
