"""Round 36 (org): in a county file the window says which office each row came from, as the workbook does.

DESIGN §3: "each row keeps where it came from". The county workbook says it (*Merged from* on Register, Reviews and
Funds); a county lead opening the county file in the window saw the Projects register, Costs > Reviews and Costs >
Pooled funds with no word of which office sent each row. An office's own file shows nothing new.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.domain.ids import new_id
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.funds import load_fund_data
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services.county_workbook import merged_origins
from safer_desk.services.projects import Project, add_projects
from tests.exchange.district_offices import add_own_rows, merge

TYPED = "Typed in the county file"
PROJECTS = {"Babergh youth diversion": "Babergh office",
            "Mid Suffolk youth diversion": "Mid Suffolk CSP office",  # renamed since its first export
            "Western Suffolk youth work": "Babergh office, Mid Suffolk CSP office",  # both sent it alike
            "County-wide review of diversion": TYPED}
REVIEWS = {"BABERGH-DHR-2025-01": "Babergh office", "MID-SUFFOLK-DHR-2025-01": "Mid Suffolk CSP office",
           "WSCSP-DHR-2025-01": "Babergh office, Mid Suffolk CSP office"}
FUNDS = {"Babergh target hardening": "Babergh office", "Mid Suffolk target hardening": "Mid Suffolk CSP office"}


@pytest.fixture
def county(offices):
    """The county file: Babergh's and Mid Suffolk's exports merged (Mid Suffolk office renamed and sent again), and a
    project typed in the county file."""
    add_own_rows(offices.babergh, "Babergh")
    add_own_rows(offices.mid, "Mid Suffolk")
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    offices.mid.set_meta("office_name", "Mid Suffolk CSP office")
    merge(offices.county, [offices.send(offices.mid)])
    add_projects(offices.county, [Project(id=new_id(), title="County-wide review of diversion",
                                          areas=("Countywide",))])
    return offices.county


def test_the_presenters_say_where_each_row_came_from_as_the_workbook_does(county):
    register = ProjectsPresenter(county)
    register.reload()
    assert {p.title: register.merged_from(p) for p in register.rows} == PROJECTS
    reviews = DhrPresenter(county)
    reviews.reload()
    assert {c.reference: reviews.merged_from(c) for c in reviews.rows} == REVIEWS
    data = load_fund_data(county, None, 3)
    names = dict(data.fund_names)
    assert {names[fid]: data.origins.of(fid) for fid in names} == FUNDS
    # the same words as the workbook's Merged from, read by the same function
    workbook = merged_origins(county)
    assert {p.title: workbook["projects"].get(p.id, TYPED) for p in register.rows} == PROJECTS


def test_an_office_s_own_file_says_nothing_new(offices):
    add_own_rows(offices.babergh, "Babergh")
    register = ProjectsPresenter(offices.babergh)
    register.reload()
    assert {register.merged_from(p) for p in register.rows} == {""}
    register.select(register.rows[0].id)
    assert "merged" not in register.editor.heading.casefold()
    reviews = DhrPresenter(offices.babergh)
    reviews.reload()
    assert {reviews.merged_from(c) for c in reviews.rows} == {""}
    assert "Merged" not in reviews.case_line()


def _open(window, store) -> bool:
    """The file opened in the window as the person opens it (closed here first, as it would be elsewhere)."""
    store.close()
    return window.open_path(store.path)


def _shown_column(view, heading: str) -> int:
    model = view.model()
    found = [c for c in range(model.columnCount())
             if str(model.headerData(c, Qt.Orientation.Horizontal)).startswith(heading)]
    assert found, f"no column {heading}"
    return found[0]


def test_the_register_shows_sorts_filters_and_copies_merged_from(window, county, qtbot):
    assert _open(window, county)
    page = window.show_tab("projects").register
    qtbot.waitUntil(lambda: not page.loading and bool(page.model.rows), timeout=10000)
    view, proxy = page.view, page.proxy
    c = _shown_column(view, "Merged from")
    assert not view.isColumnHidden(c)
    title = _shown_column(view, "Project / initiative")
    shown = {proxy.index(r, title).data(): proxy.index(r, c).data() for r in range(proxy.rowCount())}
    assert shown == PROJECTS
    # after the columns the register keeps in view on a laptop (up to Met), beside Areas
    assert page.model.columns[c - 1].key == "areas"
    view.sortByColumn(c, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, c).data() for r in range(proxy.rowCount())] == sorted(PROJECTS.values())
    view.filter_column(c, "mid suffolk")
    assert sorted(proxy.index(r, title).data() for r in range(proxy.rowCount())) == [
        "Mid Suffolk youth diversion", "Western Suffolk youth work"]
    # the selected project's editor says it too
    page.select_project(next(p.id for p in page.model.rows if p.title == "Mid Suffolk youth diversion"))
    assert page.presenter.editor.heading.endswith("(merged from Mid Suffolk CSP office)")
    view.selectAll()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = [line.split("\t") for line in QApplication.clipboard().text().splitlines()]
    at = copied[0].index("Merged from")
    assert sorted(line[at] for line in copied[1:]) == ["Babergh office, Mid Suffolk CSP office",
                                                       "Mid Suffolk CSP office"]


def test_an_office_s_own_register_hides_the_column(window, offices, qtbot):
    add_own_rows(offices.babergh, "Babergh")
    assert _open(window, offices.babergh)
    page = window.show_tab("projects").register
    qtbot.waitUntil(lambda: not page.loading and bool(page.model.rows), timeout=10000)
    assert page.view.isColumnHidden(page.model.column_index("merged_from"))
    page.view.selectAll()
    assert "Merged from" not in page.view.copy_text()


def test_reviews_and_funds_say_which_office_sent_them(window, county, qtbot):
    assert _open(window, county)
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    qtbot.waitUntil(lambda: bool(page.presenter.rows), timeout=10000)
    view, proxy = page.cases.view, page.cases.proxy
    c = _shown_column(view, "Merged from")
    assert not view.isColumnHidden(c)
    ref = _shown_column(view, "Reference")
    shown = {proxy.index(r, ref).data(): proxy.index(r, c).data() for r in range(proxy.rowCount())}
    assert shown.pop("Total") == ""
    assert shown == REVIEWS
    page.search.setText("CSP office")  # the search box finds the words of every column shown
    qtbot.waitUntil(lambda: proxy.rowCount() == 3, timeout=5000)  # two reviews and the total
    assert page.select_case(next(r.id for r in page.presenter.rows if r.reference == "MID-SUFFOLK-DHR-2025-01"))
    assert page.billing.text().endswith("Merged from Mid Suffolk CSP office.")
    assert page.billing.isVisibleTo(page)

    funds = tab.funds
    qtbot.waitUntil(lambda: not funds.is_busy() and funds.fund_combo.count() == 2, timeout=10000)
    combo = funds.fund_combo  # the list of funds: each fund's name, and where it came from when pointed at
    listed = {combo.itemText(i): combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(combo.count())}
    assert listed == {name: f"Merged from {office}." for name, office in FUNDS.items()}
    fund = funds.presenter.fund
    assert funds.sentence.text().endswith(f" Merged from {FUNDS[fund.name]}.")  # under the fund's figures


def test_an_office_s_own_reviews_and_funds_are_as_they_were(window, offices, qtbot):
    add_own_rows(offices.babergh, "Babergh")
    assert _open(window, offices.babergh)
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    qtbot.waitUntil(lambda: bool(page.presenter.rows), timeout=10000)
    assert page.cases.view.isColumnHidden(page.cases.model.column_index("merged_from"))
    assert not page.cases.view.horizontalHeader().stretchLastSection()  # Open actions is not stretched either
    funds = tab.funds
    qtbot.waitUntil(lambda: not funds.is_busy() and funds.fund_combo.count() == 1, timeout=10000)
    assert funds.fund_combo.itemText(0) == "Babergh target hardening"
    assert funds.fund_combo.itemData(0, Qt.ItemDataRole.ToolTipRole) is None
    assert "Merged" not in funds.sentence.text()


def test_the_window_s_heading_is_the_workbook_s_and_an_office_file_imports_nothing_more(tmp_path):
    """The heading is the workbook's (held alike here: the register does not import the workbook at start-up, which
    brings in the exchange), and an office's own file is told without it."""
    import subprocess
    import sys

    from safer_desk.services import county_workbook, provenance
    from safer_desk.storage.store import open_store

    assert provenance.MERGED_FROM == county_workbook.MERGED_FROM
    open_store(tmp_path / "office.sqlite", create=True, office_name="Babergh office").close()
    code = ("import sys\nfrom safer_desk.storage.store import open_store\n"
            "from safer_desk.services.provenance import row_origins\n"
            f"s = open_store({str(tmp_path / 'office.sqlite')!r}, read_only=True)\n"
            "assert not row_origins(s, 'projects').shown\n"
            "print('safer_desk.exchange.county_workbook' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
