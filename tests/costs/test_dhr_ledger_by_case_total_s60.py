"""`safer-desk dhr-ledger --by-case` ends with a Total row, as the per-partner ledger does (DESIGN.md §4)."""

import csv
import io

from safer_desk.cli import main
from safer_desk.services import dhr
from safer_desk.storage.store import open_store

MONEY = ("billed", "refused", "written_off", "resplit", "carried", "net_billed", "paid", "outstanding", "shortfall",
         "unbilled", "refunded")


def _pence(text: str) -> int:
    pounds, _, pence = text.partition(".")
    return int(pounds) * 100 + int(pence.ljust(2, "0"))


def _by_case(capsys, *argv) -> list[dict]:
    assert main(["dhr-ledger", *argv, "--by-case"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_by_case_ends_with_a_total_row_that_adds_up_to_the_penny(demo_path, capsys):
    """The per-review ledger printed no Total row, while the per-partner one has one: a board officer pasting it
    into Excel had to add it up by hand. Its money columns add up the reviews' to the penny; its cost adds up the
    known costs (a review whose cost is not yet known adds nothing)."""
    store = open_store(demo_path)
    try:
        case_id = dhr.case_id_by_reference(store, "WSCSP-DHR-2017-02")
        dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="1234.57",
                          invoiced_on="2018-08-20")
    finally:
        store.close()
    rows = _by_case(capsys, str(demo_path))
    total = rows.pop()
    assert total["case"] == "Total" and [r["case"] for r in rows].count("Total") == 0
    assert _pence(total["cost"]) == 752558 + 123457 == sum(_pence(r["cost"]) for r in rows if r["cost"])
    for column in MONEY:
        assert _pence(total[column]) == sum(_pence(r[column]) for r in rows), column
    assert total["unbilled"] == "1234.57" and total["shortfall"] == "684.14"


def test_by_case_total_as_at_a_day_before_any_cost_is_known_has_a_blank_cost(demo_path, capsys):
    """As the window's Total row says "Not yet known" when no review's cost is known, the Total's cost is blank,
    never 0; the money columns are zeros."""
    rows = _by_case(capsys, str(demo_path), "--as-at", "01/01/2018")
    total = rows[-1]
    assert total["case"] == "Total" and total["cost"] == ""
    assert all(total[column] == "0" for column in MONEY)
