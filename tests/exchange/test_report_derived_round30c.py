"""One month of police.uk figures in a county file: the report's derived-figures paragraph and the workbook's
indicator sheets (round 30, third follow-up).

With Suffolk's January 2021 street file alone, the county section said "117 periods before the latest could not be
derived: no figure for Babergh (117); …", counting Apr-20 to Dec-20 of thirteen indicators, months none of its
districts has a figure for and which each indicator's line already names ("no figures for Apr-20 to Dec-20"). And
the workbook left out Suffolk's Possession of weapons and Robbery (Babergh and Mid Suffolk have no row in January)
without a word, where the report says why.
"""

from __future__ import annotations

import openpyxl
import pytest

from safer_desk.services.county import export_for_county
from safer_desk.services.police_import import import_police_files
from safer_desk.services.reference import set_office_scope
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.conftest import shared_data

NOT_GIVEN = ("Not given for Suffolk, as its figure is added up from its districts' and not every one of them has a "
             "figure: Possession of weapons (no figure for Babergh in Jan-21); Robbery (no figure for Mid Suffolk in "
             "Jan-21).")


@pytest.fixture
def one_month(tmp_path):
    """A new file, Suffolk's police.uk street file of January 2021 imported, its county named Suffolk."""
    store = open_store(tmp_path / "suffolk.sqlite", create=True, office_name="Suffolk county team")
    import_police_files(store, [shared_data("police-uk", "suffolk-2021-01")])
    set_office_scope(store, county="Suffolk")  # safer-desk office FILE --county Suffolk
    yield store
    store.close()


def test_empty_months_are_not_counted_as_figures_that_could_not_be_derived(one_month):
    section = next(s for s in build_report(one_month, year="2020/21").sections if s.title == "Indicators: Suffolk")
    first = section.paragraphs[0]
    assert "could not be derived" not in first, first
    assert first.endswith("from Apr-20: Babergh, East Suffolk, Ipswich, Mid Suffolk, West Suffolk.")
    assert any(p.startswith(NOT_GIVEN) for p in section.paragraphs)  # what is left out is still said


def test_the_workbook_says_which_county_figures_it_leaves_out(one_month, tmp_path):
    export_for_county(one_month, tmp_path / "county.xlsx")
    book = openpyxl.load_workbook(tmp_path / "county.xlsx")
    for sheet in ("Indicator summary", "Indicators by month"):
        assert f"2020/21: {NOT_GIVEN}" in (book[sheet]["A2"].value or ""), sheet
        names = {r[0] for r in book[sheet].iter_rows(min_row=4, values_only=True)}
        assert "Suffolk (derived)" in names
