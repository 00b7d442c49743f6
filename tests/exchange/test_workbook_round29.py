"""The county workbook when the officer asks for individual referrals, and its raw tables (round 29).

Each file is read back with openpyxl as a person's Excel would read it.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from safer_desk.services.county import export_for_county


def _export(demo_path, target, **options):
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:
        export_for_county(store, target, **options)
    finally:
        store.close()
    return target


def _table(ws, first: str) -> tuple[list, list[tuple]]:
    """The heading row whose first cell is `first`, and the rows under it up to the first blank one."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row and row[0] == first)
    body = []
    for row in rows[start + 1:]:
        if row[0] is None:
            break
        body.append(row)
    return list(rows[start]), body


def _facts(book) -> dict:
    return {r[0]: r[1] for r in book["Contents"].iter_rows(values_only=True) if r and r[0]}


@pytest.fixture(scope="module")
def office_referrals(tmp_path_factory, demo_master):
    """Each referral of the example file as the Referrals list of the fund page shows it."""
    from safer_desk.storage.store import open_store

    store = open_store(demo_master, read_only=True)
    try:
        return {r["reference"]: r for r in store.rows(
            "SELECT f.name AS fund, r.reference, d.name AS district, r.referred_on, r.risk_level, r.at_marac, "
            "r.idva_assigned, r.perpetrator_resident, coalesce(sum(s.amount_pence), 0) AS spent, "
            "count(s.id) AS lines "
            "FROM fund_referrals r JOIN funds f ON f.id = r.fund_id JOIN districts d ON d.id = r.district_id "
            "LEFT JOIN fund_spend_lines s ON s.referral_id = r.id GROUP BY r.id")}
    finally:
        store.close()


def test_referrals_asked_for_are_on_a_referrals_sheet_adding_up_to_the_fund_spend(demo_path, tmp_path,
                                                                                    office_referrals):
    """The Contents sheet said "Individual referrals: included", yet no sheet listed one (without --raw-tables)."""
    import openpyxl

    target = _export(demo_path, tmp_path / "opt-in.xlsx", include_referrals=True)
    book = openpyxl.load_workbook(target, data_only=True)
    assert "Referrals" in book.sheetnames
    assert book.sheetnames.index("Referrals") == book.sheetnames.index("Fund spend") + 1
    listed = [r[0] for r in book["Contents"].iter_rows(values_only=True)]
    assert "Referrals" in listed
    header, rows = _table(book["Referrals"], "Fund")
    assert header == ["Fund", "Reference", "District", "Referred", "Risk", "At MARAC", "IDVA assigned",
                      "Perpetrator lives there", "Eligibility", "Spend lines", "Spend (£)"]
    body = [r for r in rows if r[0] != "Total"]
    assert {r[1] for r in body} == set(office_referrals)
    for r in body:
        o = office_referrals[r[1]]
        assert (r[0], r[2], r[4]) == (o["fund"], o["district"], o["risk_level"])
        assert r[3] == datetime.fromisoformat(o["referred_on"])
        assert r[5:8] == tuple("Yes" if o[k] else "No" for k in ("at_marac", "idva_assigned", "perpetrator_resident"))
        assert r[9] == o["lines"] and isinstance(r[9], int)
        assert round(r[10] * 100) == o["spent"] and isinstance(r[10], (int, float))
    ws = book["Referrals"]
    spend_cell = next(c for row in ws.iter_rows() for c in row if c.value is not None and row[0].value == "Total"
                      and c.column == 11)
    assert book["Referrals"].cell(spend_cell.row, 11).number_format.startswith("£")
    formulas = openpyxl.load_workbook(target)["Referrals"]
    assert formulas.cell(spend_cell.row, 11).value.startswith("=SUM(")
    # The total (cached for any program) is the Fund spend sheet's, to the penny.
    fund_total = next(r for r in _table(book["Fund spend"], "Fund")[1] if r[0] == "Total")[5]
    spent = sum(o["spent"] for o in office_referrals.values())
    assert round(spend_cell.value * 100) == round(fund_total * 100) == spent
    assert _facts(book)["Individual referrals"].startswith("included")


def test_the_default_workbook_has_no_referrals_sheet_and_says_so(demo_path, tmp_path, office_referrals):
    import openpyxl

    book = openpyxl.load_workbook(_export(demo_path, tmp_path / "default.xlsx"))
    assert "Referrals" not in book.sheetnames
    seen = {v for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row}
    assert not seen & set(office_referrals)
    assert _facts(book)["Individual referrals"].startswith("left out")


def test_raw_tables_write_numbers_as_numbers_and_ids_and_codes_as_text(demo_path, tmp_path):
    """The raw Fund spend summary wrote victims and spend lines as text ('5'): Excel could not add them up."""
    import openpyxl

    book = openpyxl.load_workbook(_export(demo_path, tmp_path / "raw.xlsx", raw_tables=True))
    header, rows = _table(book["Raw Fund spend summary"], "id")
    assert rows
    victims, lines = header.index("victims"), header.index("spend lines")
    for r in rows:
        assert isinstance(r[victims], int) and isinstance(r[lines], int), r
        assert isinstance(r[0], str) and isinstance(r[1], str)  # ids stay text
    header, rows = _table(book["Raw Indicator values"], "id")
    value = header.index("value")
    assert all(isinstance(r[value], (int, float)) for r in rows if r[value] is not None)
    assert all(isinstance(r[header.index("period")], str) for r in rows)
    header, rows = _table(book["Raw Districts"], "id")
    codes = [r[header.index("ons code")] for r in rows if r[header.index("ons code")]]
    assert codes and all(isinstance(c, str) for c in codes)
    header, rows = _table(book["Raw Projects"], "id")
    refs = [r[header.index("ref")] for r in rows]
    assert "1" in refs and all(isinstance(ref, str) for ref in refs)  # a project's reference "1" is a code


def test_referrals_asked_for_where_the_file_holds_none_are_said_to_be_none(tmp_path):
    import openpyxl

    from safer_desk.storage.store import open_store

    store = open_store(tmp_path / "office.sqlite", create=True, office_name="Babergh office")
    try:
        export_for_county(store, tmp_path / "opt-in.xlsx", include_referrals=True)
    finally:
        store.close()
    book = openpyxl.load_workbook(tmp_path / "opt-in.xlsx")
    assert "Referrals" in book.sheetnames
    assert [r[0] for r in book["Referrals"].iter_rows(values_only=True)][1] == \
        "This file holds no individual referrals."
