"""Round 37 (mfr): Costs > Ledger's reviews say which office each came from in a county file.

Round 36 gave Costs > Reviews a *Merged from* column in a county file (DESIGN §3: each row keeps where it came from);
Costs > Ledger listed the same reviews per case with no word of the office that sent each, and its export neither,
though two district offices' reviews sit side by side there and it is the ledger that goes to the board. An office's
own ledger is as it was.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.dhr import CASE_HEADER, LedgerPresenter, ledger_sheets
from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template

TODAY = date(2026, 12, 1)
TYPED = "Typed in the county file"
ORIGINS = {"BABERGH-DHR-2025-01": "Babergh office", "MID-SUFFOLK-DHR-2025-01": "Mid Suffolk office",
           "COUNTY-DHR-2026-01": TYPED}


@pytest.fixture
def files(tmp_path):
    """Babergh's and Mid Suffolk's exports (each with a review billed to the partners) merged into a county file, and
    a review typed in the county file."""
    base = template(tmp_path, police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    mid = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        add_own_rows(babergh, "Babergh", fund=False)
        add_own_rows(mid, "Mid Suffolk", fund=False)
        merge(county, [export(babergh, tmp_path / "b.sqlite"), export(mid, tmp_path / "m.sqlite")])
        dhr.add_case(county, reference="COUNTY-DHR-2026-01", district="Ipswich", partnership="Ipswich CSP",
                     notified_on="2026-02-02")
    finally:
        mid.close()
    yield SimpleNamespace(county=county, babergh=babergh)
    county.close()
    babergh.close()


def test_the_ledger_read_in_a_county_file_knows_where_each_review_came_from(files):
    shown = LedgerPresenter(today=lambda: TODAY).read(files.county)
    assert {c.reference: shown.origins.of(c.id) for c in shown.cases} == ORIGINS
    per_partner, per_case = ledger_sheets(shown.partners, shown.cases, shown.day, origins=shown.origins)
    assert per_case.header == [*CASE_HEADER, "Merged from"]
    *rows, total = per_case.rows
    assert {r[0]: r[-1] for r in rows} == ORIGINS
    assert total[0] == "Total" and total[-1] == ""  # the totals line came from no office
    assert "Merged from" not in per_partner.header  # a partner's figures add up reviews of every office


def test_an_office_s_own_ledger_is_as_it_was(files):
    shown = LedgerPresenter(today=lambda: TODAY).read(files.babergh)
    assert not shown.origins.shown
    assert ledger_sheets(shown.partners, shown.cases, shown.day, origins=shown.origins)[1].header == CASE_HEADER


def _ledger(window, store, qtbot):
    store.close()
    assert window.open_path(store.path)
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.ledger
    page.today = TODAY
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.per_case.proxy.rowCount() > 0, timeout=10000)
    return page


def _column(view, heading: str) -> int:
    model = view.model()
    return next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == heading)


def test_the_ledger_page_shows_filters_and_exports_merged_from_in_a_county_file(window, files, qtbot, tmp_path,
                                                                               prompts):
    page = _ledger(window, files.county, qtbot)
    view, proxy = page.per_case.view, page.per_case.proxy
    c, ref = _column(view, "Merged from"), _column(view, "Case")
    assert not view.isColumnHidden(c)
    shown = {proxy.index(r, ref).data(): proxy.index(r, c).data() for r in range(proxy.rowCount())}
    assert shown.pop("Total") == ""
    assert shown == ORIGINS
    view.filter_column(c, "babergh")  # the heading's own filter, as on Costs > Reviews
    qtbot.waitUntil(lambda: proxy.rowCount() == 2)  # Babergh's review and the total of it
    target = tmp_path / "ledger.xlsx"
    prompts.file_names.append(str(target))
    page.export()
    import openpyxl

    sheet = openpyxl.load_workbook(target)["Per case"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0].endswith("1 of 3 cases (as filtered: Merged from “babergh”)")
    top = next(n for n, row in enumerate(rows) if row[0] == "Case")
    assert rows[top][-1] == "Merged from"
    assert [(r[0], r[-1]) for r in rows[top + 1:]] == [("BABERGH-DHR-2025-01", "Babergh office"),
                                                       ("Total of the 1 shown (of 3 cases)", "")]


def test_an_office_s_own_ledger_page_hides_the_column(window, files, qtbot, tmp_path, prompts):
    page = _ledger(window, files.babergh, qtbot)
    view = page.per_case.view
    assert view.isColumnHidden(page.per_case.model.column_index("merged_from"))
    target = tmp_path / "ledger.xlsx"
    prompts.file_names.append(str(target))
    page.export()
    import openpyxl

    header = next(r for r in openpyxl.load_workbook(target)["Per case"].iter_rows(values_only=True) if r[0] == "Case")
    assert list(header) == [h if h in ("Case", "Status", "Stage reached") else f"{h} (£)" for h in CASE_HEADER]
