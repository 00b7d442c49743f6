"""A figures sheet without the columns Import Figures needs said "it has no indicator, area, period column": a list
where the refusal is a sentence. It now reads "it has no indicator, area or period column"."""

from __future__ import annotations

import pytest

from tests.cli_run import run


@pytest.mark.parametrize("header, said", [
    ("foo,bar", "it has no indicator, area or period column."),
    ("indicator,bar,value", "it has no area or period column."),
    ("indicator,area,value", "it has no period column."),
])
def test_the_columns_missing_are_said_in_a_sentence(tmp_path, demo_path, capsys, header, said):
    sheet = tmp_path / "figures.csv"
    sheet.write_text(f"{header}\n1,2,3\n", encoding="utf-8")
    code, _, err = run(capsys, "import-figures", demo_path, sheet)
    assert code == 1
    assert said in err, err
