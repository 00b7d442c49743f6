"""Round 62: the scenario's .csv export and a pilot scaled to 1/3.

Export… to .csv wrote the young offenders' pilot's scale as "1/3", which Excel opens as a date (01-Mar, and half a
post 1/2 as 01-Feb) beside its £35,000 committed. A .csv (and .tsv) now writes a fraction as Excel types one,
"0 1/3" (shown 1/3, a number), as Copy does; the .xlsx writes it as the paper does, "1/3", as text; months, an
amount and "in full" as shown in both.
"""

from __future__ import annotations

import csv
import re

from safer_desk.exchange.tables import write_table
from safer_desk.services import projects_commissioning as com
from safer_desk.services.projects import load_projects

YOUNG_OFFENDERS = "Supported accommodation for young offenders."  # 1/3 in the example's saved scenario (seed 000)


def _pilot_scenario(store):
    projects = load_projects(store)
    saved = next(s for s in com.list_scenarios(store)
                 if any(r.project.title == YOUNG_OFFENDERS and r.scale.describe() == "1/3"
                        for r in com.evaluate_saved(store, s, projects).rows))
    return com.evaluate_saved(store, saved, projects)


def test_the_csv_gives_excel_the_pilot_s_scale_as_a_number(demo_store, tmp_path):
    result = _pilot_scenario(demo_store)
    for suffix, delimiter in ((".csv", ","), (".tsv", "\t")):
        target = tmp_path / f"scenario{suffix}"
        write_table(target, com.scenario_sheets(result))
        with target.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f, delimiter=delimiter))
        header = rows[0]
        title, scale, committed = (header.index(h) for h in ("Project / Initiative", "Scale", "Committed"))
        pilot = next(r for r in rows if r[title] == YOUNG_OFFENDERS)
        assert (pilot[scale], pilot[committed]) == ("0 1/3", "35000")
        assert not [r[scale] for r in rows[1:] if re.fullmatch(r"\d+/\d+", r[scale])]  # no other date either


def test_the_workbook_keeps_the_scale_as_the_paper_writes_it(demo_store, tmp_path):
    import openpyxl

    result = _pilot_scenario(demo_store)
    write_table(tmp_path / "scenario.xlsx", com.scenario_sheets(result))
    sheet = openpyxl.load_workbook(tmp_path / "scenario.xlsx").worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r and r[0] == "Ref")
    title, scale = header.index("Project / Initiative"), header.index("Scale")
    assert next(r[scale] for r in rows if r[title] == YOUNG_OFFENDERS) == "1/3"
