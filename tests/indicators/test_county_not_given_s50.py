"""The report for a county (or partnership) none of whose indicators can be added up from its districts' figures says
why: the report titled "Suffolk · 2025/26" (`--area Suffolk`) had no Suffolk section and no "Not given for Suffolk"
sentence, where the county workbook and the window said why."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.report import build_report

TODAY = date(2025, 6, 15)


def _office(store):
    ref.set_office_name(store, "Test office")
    ref.set_office_scope(store, districts=["Babergh", "Mid Suffolk"], county="Suffolk")
    svc.sync_reference_areas(store)
    burglary = svc.save_indicator(store, "Burglary count", unit="count", polarity="lower", frequency="monthly")
    svc.save_values(store, burglary, "district:babergh", [svc.PeriodValue("2025-04", value=10),
                                                          svc.PeriodValue("2025-05", value=12)],
                    require_red_comments=False)


def _texts(report):
    return {s.title: " ".join(s.paragraphs) for s in report.sections if s.title.startswith("Indicators")}


def test_the_county_of_the_report_says_why_it_has_no_figures(store):
    _office(store)
    sections = _texts(build_report(store, year="2025/26", area="Suffolk", today=TODAY))
    assert list(sections) == ["Indicators: Suffolk", "Indicators: Babergh"]
    assert sections["Indicators: Suffolk"] == ("Not given for Suffolk, as its figure is added up from its districts' "
                                               "and not every one of "
                                               "them has a figure: Burglary count (not held in this file: East "
                                               "Suffolk in Apr-25 to May-25, Ipswich in Apr-25 to May-25, Mid Suffolk "
                                               "in Apr-25 to May-25 and West Suffolk in Apr-25 to May-25).")
    # The office's report of all its areas, as before: its districts' sections (the county's figures are said to
    # be not given in the county workbook, beside its districts'); Mid Suffolk's said to have none (s64).
    office = _texts(build_report(store, year="2025/26", today=TODAY))
    assert list(office) == ["Indicators: Babergh", "Indicators: Mid Suffolk"]
    assert office["Indicators: Mid Suffolk"] == "No indicator figures or targets are held for Mid Suffolk for 2025/26."


def test_a_county_with_nothing_to_add_up_is_not_given_a_section(store):
    ref.set_office_name(store, "Test office")
    ref.set_office_scope(store, districts=["Babergh", "Mid Suffolk"], county="Suffolk")
    svc.sync_reference_areas(store)
    svc.save_indicator(store, "Burglary count", unit="count", polarity="lower", frequency="monthly")
    assert "Indicators: Suffolk" not in _texts(build_report(store, year=FinancialYear(2025), area="Suffolk",
                                                            today=TODAY))
