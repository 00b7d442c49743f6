"""Round 39 (qax): a figures sheet giving one indicator, area and period on many lines.

Each refused line named every other line and every figure: 3,000 such lines (a period column filled down with one
month) made 3,000 refusals of 3,000 line numbers and figures each, 108 MB written to the console and 450 MB held,
for a sheet of 60 KB. Each refusal now names the first few lines and figures and says how many more there are.
"""

from __future__ import annotations

from safer_desk.cli import main
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.indicators_import import preview_values


def _office(path):
    from safer_desk.storage.store import open_store

    store = open_store(path, create=True)
    try:
        area = svc.ensure_area(store, "Mid Suffolk", "district")
        burglary = svc.save_indicator(store, "Burglary")
        svc.save_values(store, burglary, area, [PeriodValue("2016-04", 9)])
    finally:
        store.close()
    return path


def test_many_lines_for_one_period_are_refused_in_a_few_words_each(tmp_path):
    path = _office(tmp_path / "office.sqlite")
    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\n" +
                     "".join(f"Burglary,Mid Suffolk,2016-05,{n}\n" for n in range(1000)), encoding="utf-8")
    from safer_desk.storage.store import open_store

    store = open_store(path, read_only=True)
    try:
        preview = preview_values(store, sheet)
    finally:
        store.close()
    assert preview.good == [] and len(preview.refused) == 1000
    line, why = preview.refused[0]
    assert line == 2
    assert why.startswith("Burglary, Mid Suffolk, May-16 is given different figures on 1,000 lines "
                          "(2, 3, 4, 5, 6 and 995 more), giving 0, 1, 2, 3, 4 and 995 more: none is imported")
    assert max(len(why) for _, why in preview.refused) < 300


def test_the_command_line_says_so_in_a_console_of_text_not_megabytes(tmp_path, capsys):
    path = _office(tmp_path / "office.sqlite")
    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\n" +
                     "".join(f"Burglary,Mid Suffolk,2016-05,{n}\n" for n in range(2000)), encoding="utf-8")
    assert main(["import-figures", str(path), str(sheet)]) == 1
    said = capsys.readouterr()
    assert "on 2,000 lines (2, 3, 4, 5, 6 and 1,995 more)" in said.err
    assert len(said.err) + len(said.out) < 2000 * 300  # a few lines' words a line, not every line's


def test_a_few_lines_are_still_named_each(tmp_path):
    path = _office(tmp_path / "office.sqlite")
    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\n" +
                     "".join(f"Burglary,Mid Suffolk,2016-05,{n}\n" for n in (20, 30, 40)), encoding="utf-8")
    from safer_desk.storage.store import open_store

    store = open_store(path, read_only=True)
    try:
        preview = preview_values(store, sheet)
    finally:
        store.close()
    assert preview.refused[0][1].startswith("Burglary, Mid Suffolk, May-16 is given different figures on lines 2, 3 "
                                            "and 4 (20, 30 and 40): none is imported")
