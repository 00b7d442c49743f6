"""The board report's DHR figures "as at" a day: `report --as-at`, a past year's end, and the dialog's As at field,
read through the same services as `dhr-ledger --as-at` so the board paper and the ledger agree to the penny."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.periods import format_uk_date
from safer_desk.presenters.dhr import ledger_day_refusal
from tests.exchange.helpers import cli_output

# The example's review WSCSP-DHR-2017-01 was billed on 15/06/2018; Mid Suffolk paid on 20/06/2018, the others in
# July and August: as at 30/06/2018 one payment had come, and later ones had not.
PAST_DAY = "30/06/2018"


class _Tables(HTMLParser):
    """Each table of the report's web page by the heading before it: rows of cell texts (the header row first)."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.paragraphs: list[str] = []
        self._heading = self._cell = self._para = None
        self._rows: list[list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "h3":
            self._heading = ""
        elif tag == "table":
            self._rows = self.tables.setdefault(self._last or "", [])
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = ""
        elif tag == "p":
            self._para = ""

    _last = ""

    def handle_endtag(self, tag):
        if tag == "h3" and self._heading is not None:
            self._last, self._heading = self._heading, None
        elif tag == "table":
            self._rows = None
        elif tag in ("td", "th") and self._cell is not None and self._rows is not None:
            self._rows[-1].append(self._cell.strip())
            self._cell = None
        elif tag == "p" and self._para is not None:
            self.paragraphs.append(self._para)
            self._para = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading += data
        if self._cell is not None:
            self._cell += data
        if self._para is not None:
            self._para += data


def page(path) -> _Tables:
    parser = _Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def pence(text: str) -> int:
    """£684.15, 684.15, £3,820.73, 400 or "£684.15 (illustrative)" in pence."""
    pounds, _, p = text.partition(" (")[0].replace("£", "").replace(",", "").partition(".")
    return int(pounds) * 100 + int((p or "0").ljust(2, "0"))


def ledger_csv(path, *extra: str) -> list[dict[str, str]]:
    code, out, err = cli_output(["dhr-ledger", str(path), *extra])
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def report_ledger(tables: _Tables) -> dict[str, list[int]]:
    """The report's per-partner table as {partner: [billed, paid, refused or written off, outstanding, overdue]}."""
    rows = tables.tables["Cost recovery per partner"]
    assert rows[0] == ["Partner", "Billed", "Paid", "Refused or written off", "Outstanding", "Overdue"]
    return {r[0]: [pence(v) for v in r[1:]] for r in rows[1:]}


def cli_ledger(rows: list[dict[str, str]]) -> dict[str, list[int]]:
    return {r["partner"]: [pence(r[k]) for k in ("billed", "paid", "refused", "outstanding", "overdue")]
            for r in rows}


def dhr_paragraph(tables: _Tables) -> str:
    return next(p for p in tables.paragraphs if "statutory partners" in p)


def test_report_as_at_a_past_day_agrees_with_dhr_ledger_to_the_penny(demo_path, tmp_path):
    out = tmp_path / "board.html"
    code, _, err = cli_output(["report", str(demo_path), str(out), "--as-at", PAST_DAY])
    assert code == 0, err
    tables = page(out)
    shown = report_ledger(tables)
    expected = cli_ledger(ledger_csv(demo_path, "--as-at", PAST_DAY))
    assert shown == expected  # every partner and the Total, to the penny
    assert shown["Total"][1] == 68415  # Mid Suffolk's payment of 20/06/2018 only: July's and August's not yet
    assert shown != cli_ledger(ledger_csv(demo_path))  # not today's position
    assert f"figures as at {PAST_DAY}" in dhr_paragraph(tables)
    # Per case too: the report's Paid and Outstanding are dhr-ledger --by-case's paid and outstanding.
    by_case = {r["case"]: r for r in ledger_csv(demo_path, "--as-at", PAST_DAY, "--by-case")}
    case_rows = tables.tables["Cost recovery per case"]
    head = case_rows[0]
    for row in case_rows[1:-1]:
        cells = dict(zip(head, row))
        expected_case = by_case[cells["Case"]]
        assert pence(cells["Paid"]) == pence(expected_case["paid"])
        assert pence(cells["Outstanding"]) == pence(expected_case["outstanding"])
        assert pence(cells["Net billed"]) == pence(expected_case["net_billed"])


def test_a_past_year_is_as_at_its_end_and_says_so(demo_path, tmp_path):
    out = tmp_path / "2018-19.html"
    code, _, err = cli_output(["report", str(demo_path), str(out), "--year", "2018/19"])
    assert code == 0, err
    tables = page(out)
    assert report_ledger(tables) == cli_ledger(ledger_csv(demo_path, "--as-at", "31/03/2019"))
    assert "figures as at 31/03/2019, the end of 2018/19" in dhr_paragraph(tables)
    # The March board prepared in April: 2017/18's reviews as at 31/03/2018, before the partners were billed.
    code, _, err = cli_output(["report", str(demo_path), str(out), "--year", "2017/18", "--replace"])
    assert code == 0, err
    tables = page(out)
    assert ledger_csv(demo_path, "--as-at", "31/03/2018")[-1]["billed"] == "0"
    assert "Cost recovery per partner" not in tables.tables  # not today's invoices and payments
    assert "Nothing had been billed to the partners by 31/03/2018" in " ".join(tables.paragraphs)
    assert "figures as at 31/03/2018, the end of 2017/18" in dhr_paragraph(tables)
    # --as-at says otherwise: the position at a day of the board's choosing (here before the year's end).
    code, _, err = cli_output(["report", str(demo_path), str(out), "--year", "2018/19", "--as-at", PAST_DAY,
                               "--replace"])
    assert code == 0, err
    tables = page(out)
    assert report_ledger(tables) == cli_ledger(ledger_csv(demo_path, "--as-at", PAST_DAY))
    assert f"figures as at {PAST_DAY}." in dhr_paragraph(tables)


def test_all_years_is_as_at_today(demo_path, tmp_path):
    out = tmp_path / "all.html"
    code, _, err = cli_output(["report", str(demo_path), str(out)])
    assert code == 0, err
    tables = page(out)
    assert report_ledger(tables) == cli_ledger(ledger_csv(demo_path))
    assert f"figures as at {format_uk_date(date.today())} (today)" in dhr_paragraph(tables)


def test_report_refuses_a_day_to_come_in_the_ledgers_words(demo_path, tmp_path):
    tomorrow = date.today() + timedelta(days=1)
    out = tmp_path / "board.html"
    code, _, err = cli_output(["report", str(demo_path), str(out), "--as-at", format_uk_date(tomorrow)])
    assert code == 1 and not out.exists()
    assert f"--as-at: {ledger_day_refusal(tomorrow, date.today())}" in err
    code, _, ledger_err = cli_output(["dhr-ledger", str(demo_path), "--as-at", format_uk_date(tomorrow)])
    assert code == 1 and ledger_err == err.replace(str(out), str(demo_path))  # the same words as dhr-ledger's
    code, _, err = cli_output(["report", str(demo_path), str(out), "--as-at", "31/02/2018"])
    assert code == 2 and "--as-at" in err and not out.exists()


def test_the_dialogs_as_at_field(demo_window, demo_path, qtbot, prompts, tmp_path):
    demo_window.exchange_actions["report"].trigger()
    dialog = demo_window.report_dialog
    target = tmp_path / "board.html"
    dialog.path_edit.setText(str(target))
    tomorrow = date.today() + timedelta(days=1)
    qtbot.keyClicks(dialog.as_at.edit, format_uk_date(tomorrow))
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not target.exists()
    assert prompts.errors[-1][1] == f"The report was not written: As at: {ledger_day_refusal(tomorrow, date.today())}"
    dialog.as_at.edit.clear()
    qtbot.keyClicks(dialog.as_at.edit, PAST_DAY)
    with qtbot.waitSignal(dialog.written, timeout=20000):
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    tables = page(target)
    assert report_ledger(tables) == cli_ledger(ledger_csv(demo_path, "--as-at", PAST_DAY))
    assert f"figures as at {PAST_DAY}" in dhr_paragraph(tables)


# The county file's section (services/report_sections/county.py, not this change's file) adds up the partners'
# recovery across the merged districts with today's figures: a report as at a day shows two different ledgers.
@pytest.fixture
def merged_county(tmp_path):
    """A county file with two offices' exports merged into it, Mid Suffolk's with review WSCSP-DHR-2025-01 (as
    test_office_scope's county_file)."""
    from safer_desk.services.county import export_for_county
    from safer_desk.storage.store import open_store
    from tests.exchange.helpers import merge_accepting
    from tests.exchange.test_office_scope import district_office

    exports = []
    for name, office, kwargs in (("mid-suffolk", "Babergh and Mid Suffolk office",
                                  dict(partnerships=["Western Suffolk CSP"], district="Mid Suffolk",
                                       case="WSCSP-DHR-2025-01")),
                                 ("ipswich", "Ipswich office", dict(districts=["Ipswich"], district="Ipswich"))):
        store = district_office(tmp_path / f"{name}.sqlite", office, **kwargs)
        try:
            exports.append(export_for_county(store, tmp_path / f"{name}.export.sqlite").path)
        finally:
            store.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    assert not merge_accepting(county, exports).refused
    yield county
    county.close()


def test_a_county_files_recovery_per_partner_is_as_at_the_same_day(merged_county):
    from safer_desk.services import dhr
    from safer_desk.services.report import build_report

    county = merged_county
    case = dhr.case_id_by_reference(county, "WSCSP-DHR-2025-01")
    dhr.add_cost_line(county, case, category="Independent chair/author", amount="7525.58")
    dhr.bill_partners(county, case, invoiced_on="2025-07-01")
    share = dhr.list_shares(county, today=date(2025, 12, 1), case_id=case)[0]
    dhr.record_payment(county, share.id, paid_on="2025-10-01", amount=str(share.amount_pence / 100))
    doc = build_report(county, year="2025/26", today=date(2025, 12, 1), as_at=date(2025, 9, 1))
    per_partner = next(t for s in doc.sections for t in s.tables if t.title == "Cost recovery per partner")
    recovery = next(t for t in doc.sections[-1].tables if t.title.startswith("Domestic Homicide Reviews: recovery"))
    assert per_partner.total_row[2] == "£0.00"  # the payment of 01/10/2025 had not come by 01/09/2025
    assert recovery.total_row == per_partner.total_row


def test_a_report_as_at_today_counts_what_is_recorded_as_the_ledger_as_at_today_does(demo_store):
    """Today typed is today: a payment post-dated (asked once, and kept) is in Costs > Ledger as at today and in
    `dhr-ledger --as-at TODAY`; the report as at today counted it out, a third figure for one day."""
    from safer_desk.services import dhr
    from safer_desk.services.report import build_report

    today = date.today()
    case_id = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01")
    share = next(s for s in dhr.list_shares(demo_store, today=today, case_id=case_id)
                 if s.partner == "West Suffolk CCG")
    dhr.record_payment(demo_store, share.id, paid_on=date.fromordinal(today.toordinal() + 3), amount=68414)

    def per_partner(document) -> list:
        section = next(s for s in document.sections if s.title.endswith("cost recovery"))
        return [t.total_row for t in section.tables]

    assert per_partner(build_report(demo_store, as_at=today)) == per_partner(build_report(demo_store))
