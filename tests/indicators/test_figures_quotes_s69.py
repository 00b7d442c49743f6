"""An indicator named in a sheet with straight quotes, a hyphen or a no-break space is the one the file names with
curly quotes or a dash (session 69).

Plymouth's “Level Two “ist” incidents reported” (seed 003, named as the paper prints it) could not be imported from
a partner's sheet typed in Excel, which types straight quotes: every row was refused, “There is no indicator called
“Level Two "ist" incidents reported”: did you mean “Level Two “ist” incidents reported”?”, a difference the officer
cannot see. Names are compared as typed names are everywhere else (domain.text.typed_name_key): any quote, dash or
spacing."""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as svc
from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        svc.ensure_area(store, "Plymouth", "district")
        svc.save_indicator(store, "Level Two “ist” incidents reported")
        svc.save_indicator(store, "Violence with injury – excluding domestic abuse")
    finally:
        store.close()
    return path


def _stored(path) -> list[tuple]:
    store = open_store(path)
    try:
        return [tuple(r) for r in store.conn.execute(
            "SELECT i.name, v.period, v.value FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
            "ORDER BY 1, 2")]
    finally:
        store.close()


def test_a_sheet_typed_with_straight_quotes_and_hyphens_is_imported(office, tmp_path):
    sheet = tmp_path / "partner.csv"
    sheet.write_text("indicator,area,period,value\n"
                     'Level Two "ist" incidents reported,Plymouth,2016-04,41\n'
                     "level two “ist\" incidents reported,Plymouth,2016-05,61\n"
                     "Violence with injury - excluding\u00a0domestic  abuse,Plymouth,2016-04,120\n", encoding="utf-8")
    code, out, err = cli_output(["import-figures", str(office), str(sheet)])
    assert (code, err) == (0, "")
    assert out.startswith("3 rows imported from partner.csv; 0 refused.")
    assert _stored(office) == [("Level Two “ist” incidents reported", "2016-04", 41.0),
                               ("Level Two “ist” incidents reported", "2016-05", 61.0),
                               ("Violence with injury – excluding domestic abuse", "2016-04", 120.0)]
