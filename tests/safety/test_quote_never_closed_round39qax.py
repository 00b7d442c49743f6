"""Round 39 (qax): a CSV whose value runs on for more than Python's csv limit (131,072 characters).

A quote mark that opens a value and is never closed (typed by hand into a comment, or a partnership's name) makes
every line after it one value; in a sheet of a few thousand lines that value passes the limit of Python's csv
reader, and `import-figures` and `allocate` stopped with a traceback ("_csv.Error: field larger than field limit").
The line where the value begins is named now, with what to check, and nothing is imported.
"""

from __future__ import annotations

import shutil

from tests.exchange.helpers import cli_output, file_sha256


def _figures_with_a_quote_left_open(tmp_path):
    rows = [f"All crime,Babergh,2025-{m:02d},{300 + m}" for m in range(1, 4)]
    rows.append('All crime,Babergh,2025-04,299,"the count was "revised')  # the quote closes, then opens again?
    rows.append('All crime,Babergh,2025-05,"299')  # opened and never closed
    rows += [f"All crime,Babergh,2025-06,{n} with a long note typed into the sheet by hand" for n in range(3000)]
    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value,comment\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return sheet


def test_import_figures_names_the_line_of_the_quote_left_open(demo_path, tmp_path):
    sheet = _figures_with_a_quote_left_open(tmp_path)
    before = file_sha256(demo_path)
    code, out, err = cli_output(["import-figures", str(demo_path), str(sheet)])
    assert code == 1, err
    assert "Traceback" not in err and "field limit" not in err
    assert "figures.csv cannot be read from line 6 on" in err and "quote mark" in err
    assert len(err) < 1000
    assert file_sha256(demo_path) == before


def test_allocate_names_the_line_of_the_quote_left_open(tmp_path):
    rows = ["Babergh,1,2442", 'Ipswich,1,"7937'] + [f"Partnership {n},1,{n}" for n in range(1, 9000)]
    sheet = tmp_path / "partnerships.csv"
    sheet.write_text("partnership,fixed_units,basis\n" + "\n".join(rows) + "\n", encoding="utf-8")
    code, out, err = cli_output(["allocate", str(sheet), "--pot", "589608"])
    assert code == 1, err
    assert "Traceback" not in err and "field limit" not in err
    assert "partnerships.csv cannot be read from line 3 on" in err and "quote mark" in err
    assert out == ""


def test_a_short_quote_left_open_is_still_read_as_before(demo_path, tmp_path):
    shutil.copyfile(demo_path, tmp_path / "copy.sqlite")
    sheet = tmp_path / "figures.csv"
    sheet.write_text('indicator,area,period,value\nAll crime,Babergh,2025-01,"299\nAll crime,Babergh,2025-02,300\n',
                     encoding="utf-8")
    code, out, err = cli_output(["import-figures", str(tmp_path / "copy.sqlite"), str(sheet)])
    assert code == 1 and "Line 2: The value" in err  # the row that swallowed the next is shown, as it always was
