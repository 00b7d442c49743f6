"""Round 36 (rv7): the note a change of office scope gives ("Kept in the file, but no longer among the office's
areas…") counts only what the board report's "All areas" leaves out: a review stays in it while its district or
its partnership is still the office's (report_model.ReportAreas.covers), so dropping a partnership whose reviews'
districts are still the office's leaves nothing out."""

from __future__ import annotations


from safer_desk.services import report
from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output


def _reviews_in_all_areas(path) -> int:
    store = open_store(path, read_only=True)
    try:
        areas = report.report_areas(store)
        return sum(1 for r in store.rows("SELECT district_id, partnership_id FROM dhr_cases")
                   if areas.covers(r["district_id"], r["partnership_id"]))
    finally:
        store.close()


def test_dropping_a_partnership_whose_reviews_districts_stay_leaves_nothing_out(tmp_path):
    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    board = "Safer Suffolk Partnership Board"
    assert cli_output(["office", str(office), "--partnership", board, "--partnership", "Western Suffolk CSP"])[0] == 0
    held = _reviews_in_all_areas(office)
    code, _, err = cli_output(["office", str(office), "--partnership", board])
    assert code == 0
    assert _reviews_in_all_areas(office) == held == 4  # the board report still shows every review
    assert "Kept in the file" not in err, err


def test_naming_one_district_says_the_reviews_it_leaves_out(tmp_path):
    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    code, _, err = cli_output(["office", str(office), "--clear"])
    code, _, err = cli_output(["office", str(office), "--district", "Ipswich"])
    assert code == 0
    left = 4 - _reviews_in_all_areas(office)
    assert left == 4
    assert "Kept in the file, but no longer among the office's areas: " in err and "(4 reviews" in err, err
