"""The command line's CSVs named one area two ways: "Suffolk" in `indicators` (and its --derived rows), "Suffolk
(county)" in `framework` and `populations`, so a script could not match their rows by area. Every CSV names an
area as `indicators` does (its kind only where another area has the same name), and the name is taken back."""

from __future__ import annotations

import csv
import io

from tests.exchange.helpers import cli_output


def _rows(argv):
    code, out, err = cli_output(argv)
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def test_every_csv_names_an_area_as_indicators_does(demo_path):
    named = {r["area"] for r in _rows(["indicators", str(demo_path)])}
    framework = {r["area"] for r in _rows(["framework", str(demo_path)])}
    populations = {r["area"] for r in _rows(["populations", str(demo_path)])}
    assert {"Suffolk", "East Sussex"} <= framework and "East Sussex" in populations
    assert framework <= named | {r["area"] for r in _rows(["indicators", str(demo_path), "--derived"])}
    assert not any(a.endswith(("(county)", "(partnership)")) for a in framework | populations)


def test_a_populations_row_is_taken_back_as_it_is_printed(demo_path):
    row = _rows(["populations", str(demo_path)])[0]
    code, _, err = cli_output(["population", str(demo_path), row["area"], "2019/20", "512,999"])
    assert code == 0, err
    assert {"area": row["area"], "year": "2019/20", "population": "512999", "source": ""} in \
        _rows(["populations", str(demo_path)])
