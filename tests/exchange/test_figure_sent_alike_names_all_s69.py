"""Session 69: a figure several offices sent alike says so where its source is shown, as the county workbook says it.

Babergh and Mid Suffolk office began from one file holding the board paper's typed All crime figure for Babergh (the
example's seed figures, `safer-desk demo`), and both sent it. The county workbook's Indicators sheet said it was
"Merged from Babergh office, Mid Suffolk office (typed)"; the Indicators tab's Source row and `safer-desk indicators
--sources` said "Merged from Babergh office (typed)", as if Mid Suffolk office had not sent it (the office whose export
was merged first). Both now name every office that sent it alike; a figure one office sent alone names that office.
"""

from __future__ import annotations

import csv
import io

from safer_desk.services import indicators as ind
from safer_desk.storage.store import open_store
from tests.cli_run import run
from tests.exchange.district_offices import export, merge, office_from, template


def _county(tmp_path):
    base = template(tmp_path, police=False)
    store = open_store(base)
    try:
        indicator = ind.save_indicator(store, "All crime")
        ind.save_values(store, indicator, "district:babergh", [ind.PeriodValue("2025-04", 300.0)],
                        require_red_comments=False)
    finally:
        store.close()
    sent = []
    for name, district in (("Babergh office", "Babergh"), ("Mid Suffolk office", "Mid Suffolk")):
        office = office_from(base, tmp_path / f"{district}.sqlite", name, districts=[district])
        try:
            if district == "Mid Suffolk":  # one figure of its own, sent by it alone
                ind.save_values(office, indicator, "district:mid-suffolk", [ind.PeriodValue("2025-04", 280.0)],
                                require_red_comments=False)
            sent.append(export(office, tmp_path / f"{district}-export.sqlite"))
        finally:
            office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    assert merge(county, sent).conflicts == []
    return county, indicator


def test_the_source_of_a_figure_sent_alike_names_every_office_that_sent_it(tmp_path):
    county, indicator = _county(tmp_path)
    try:
        shared = ind.figure_sources(county, ind.value_rows(county, indicator, "district:babergh", ["2025-04"]).values())
        own = ind.figure_sources(county, ind.value_rows(county, indicator, "district:mid-suffolk",
                                                        ["2025-04"]).values())
    finally:
        county.close()
    assert shared["2025-04"].label == "Merged from Babergh office, Mid Suffolk office (typed)"
    assert own["2025-04"].label == "Merged from Mid Suffolk office (typed)"


def test_indicators_sources_on_the_command_line_name_them_too(tmp_path, capsys):
    county, _ = _county(tmp_path)
    county.close()
    code, out, err = run(capsys, "indicators", tmp_path / "county.sqlite", "--sources")
    assert code == 0, err
    said = {(r["area"], r["period"]): r["source"] for r in csv.DictReader(io.StringIO(out))}
    assert said[("Babergh", "2025-04")] == "Merged from Babergh office, Mid Suffolk office (typed)"
    assert said[("Mid Suffolk", "2025-04")] == "Merged from Mid Suffolk office (typed)"
