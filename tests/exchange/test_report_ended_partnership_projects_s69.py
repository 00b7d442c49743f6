"""Session 69: the all-years board report of Western CSP (2009/10 only: Forest Heath, Mid Suffolk, St Edmundsbury)
listed projects by area and not by date, so a Mid Suffolk project of 2020/21 ("Mid Suffolk youth diversion",
Western Suffolk CSP's, eleven years after Western CSP ended) was among Western CSP's commissioning options. An
ended partnership's all-years report now lists only projects of its years (and those dated by nothing)."""

from __future__ import annotations

from datetime import date

from safer_desk.services.projects import add_projects, project_from_fields
from safer_desk.services.report import build_report

TODAY = date(2026, 12, 7)


def _add(store, title: str, start: str, end: str) -> None:
    add_projects(store, [project_from_fields({"title": title, "areas": "Mid Suffolk", "cost": "£12,000",
                                              "start_date": start, "end_date": end,
                                              "funding_sources": "OPCC: £5,000"})])


def _options(store, area: str) -> list[str]:
    (section,) = [s for s in build_report(store, area=area, today=TODAY).sections
                  if s.title == "Commissioning options"]
    return [row[1] for row in section.tables[0].rows]


def test_a_later_project_in_one_of_its_districts_is_not_an_ended_partnerships(demo_store):
    _add(demo_store, "Mid Suffolk youth diversion", "01/04/2020", "31/03/2021")
    _add(demo_store, "Mid Suffolk night bus", "01/10/2009", "31/03/2010")
    western = _options(demo_store, "Western CSP")
    assert "Mid Suffolk youth diversion" not in western, western
    assert "Mid Suffolk night bus" in western and "Suffolk ELEV8" in western  # its own year's projects stay
    running = _options(demo_store, "Western Suffolk CSP")  # the partnership covering Mid Suffolk in 2020/21
    assert "Mid Suffolk youth diversion" in running, running


def test_a_project_begun_in_its_last_year_and_running_on_is_still_listed(demo_store):
    _add(demo_store, "Mid Suffolk two-year post", "01/01/2010", "31/12/2011")
    assert "Mid Suffolk two-year post" in _options(demo_store, "Western CSP")
