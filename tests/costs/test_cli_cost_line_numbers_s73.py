"""Session 73: `safer-desk dhr-costs` and the cost lines a script corrects one after another.

The lines were numbered in the list's order (by date, then category), so correcting a line's date or category could
renumber them: a script that listed the lines, corrected line 3's invoice date, then corrected "line 3" again (its
amount) changed another line, the chair's £6,250 left as it was and the administration's cost changed instead.
A line's number is now its own (the order the lines were added in), kept however it is corrected.

An invoice date, once set, could not be taken off a line from the command line (`--invoice-date ""` was refused as
"not a date"); `--invoice-date ""` (or `none`) now clears it, as emptying the field in Edit cost line… does.

An amount not known yet or an estimate was refused in the window's words ("Cancel, and add it once the figure is
known": the command line has no Cancel), and "TBC" said to "leave the amount blank … (type £0 …)", neither of which
a cost line takes; both now say what to do on the command line.
"""

from __future__ import annotations

import csv
import io

import pytest

from tests.costs.test_cli import run

CASE = "WSCSP-DHR-2017-01"  # its lines, all dated 29/03/2018: Administration £625.58, chair £6,250, writer £650


def _lines(capsys, path) -> list[dict]:
    code, out, err = run(capsys, "dhr-costs", str(path), CASE)
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def _number(rows: list[dict], category: str) -> str:
    return next(r["line"] for r in rows if r["category"] == category)


def test_a_line_keeps_its_number_when_its_date_or_category_is_corrected(demo_path, capsys):
    before = _lines(capsys, demo_path)
    numbers = {r["line"]: r["category"] for r in before}
    chair = _number(before, "Independent chair/author")
    admin = _number(before, "Administration")
    # the chair's invoice was dated a month later: in date order it goes last
    code, _, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", chair, "--invoice-date", "30/04/2018")
    assert code == 0, err
    # and the administration's was keyed under the wrong category: in category order it moves too
    code, _, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", admin, "--category", "Venue and travel")
    assert code == 0, err
    after = _lines(capsys, demo_path)
    assert {r["line"]: r["category"] for r in after} == {**numbers, admin: "Venue and travel"}
    # the script's second step, on the number it listed first, corrects the same line
    code, out, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", chair, "--amount", "6250.50")
    assert code == 0, err
    assert out.startswith(f"corrected the Independent chair/author cost of £6,250 for {CASE}: amount"), out
    rows = {r["line"]: r for r in _lines(capsys, demo_path)}
    assert (rows[chair]["category"], rows[chair]["amount"], rows[chair]["invoiced_on"]) == (
        "Independent chair/author", "6250.50", "2018-04-30")
    assert rows[admin]["amount"] == "625.58"


def test_the_lines_are_listed_by_their_numbers(demo_path, capsys):
    chair = _number(_lines(capsys, demo_path), "Independent chair/author")
    code, _, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", chair, "--invoice-date", "01/01/2018")
    assert code == 0, err
    assert [r["line"] for r in _lines(capsys, demo_path)] == ["1", "2", "3"]


@pytest.mark.parametrize("cleared", ["", "none", "None"])
def test_an_invoice_date_is_cleared(demo_path, capsys, cleared):
    chair = _number(_lines(capsys, demo_path), "Independent chair/author")
    code, out, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", chair, "--invoice-date", cleared)
    assert code == 0, err
    assert out.strip().endswith("invoiced on 29/03/2018 → none"), out
    row = next(r for r in _lines(capsys, demo_path) if r["line"] == chair)
    assert (row["invoiced_on"], row["amount"], row["supplier"]) == ("", "6250", "Independent DHR chair")


@pytest.mark.parametrize("typed, said", [
    ("c. £5,000", "“c. £5,000” is an estimate: a cost line is one amount, known to the penny."),
    ("£3,000-£4,500", "“£3,000-£4,500” is a range: a cost line is one amount, known to the penny."),
    ("TBC", "“TBC” is not an amount: a cost line is a cost known to the penny."),
])
def test_an_amount_not_known_is_refused_in_the_command_lines_words(demo_path, capsys, typed, said):
    chair = _number(_lines(capsys, demo_path), "Independent chair/author")
    code, out, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", chair, "--amount", typed)
    assert code == 1 and out == "", err
    assert err.startswith(f"safer-desk: --amount: {said}"), err
    assert "Cancel" not in err and "blank" not in err and "£0" not in err, err
    assert "once the figure is known" in err and "--amount" in err.split(":", 2)[2], err
    assert next(r for r in _lines(capsys, demo_path) if r["line"] == chair)["amount"] == "6250"
