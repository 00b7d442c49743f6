"""An import-figures refusal ended without a full stop when its reason did ("… called “Nowhere”", "(add it first)",
"… so it gives one figure"), so the next sentence ran on from it ("… “Nowhere” Correct the sheet, …") where the
window joins them. Every line of the refusal is a sentence of its own."""

from __future__ import annotations

import pytest

from tests.exchange.helpers import cli_output

ROWS = {"area": "All crime,Nowhere,2025-01,5", "indicator": "No such,Babergh,2025-01,5",
        "twice": "All crime,Babergh,2025-01,5\nAll crime,Babergh,2025-01,6", "figure": "All crime,Babergh,2025-01,abc",
        "negative": "All crime,Babergh,2025-01,-5"}


@pytest.mark.parametrize("case", list(ROWS))
def test_each_refused_line_is_a_sentence(demo_path, tmp_path, case):
    sheet = tmp_path / "figures.csv"
    sheet.write_text(f"indicator,area,period,value\nAll crime,Babergh,2025-02,7\n{ROWS[case]}\n", encoding="utf-8")
    code, out, err = cli_output(["import-figures", str(demo_path), str(sheet)])
    assert code == 1, (out, err)
    said = [line for line in err.splitlines() if line.startswith("Line ")]
    assert said and all(line.rstrip().endswith((".", "?")) for line in said), said
