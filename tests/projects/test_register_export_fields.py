"""The register's export keeps every field the paste reads back: Description, Capital and Revenue were left out,
so an officer who exported the register and pasted it into another file lost them without a word."""

import csv
from dataclasses import replace

import openpyxl

from safer_desk.exchange.files import in_pounds
from safer_desk.services import projects as svc
from safer_desk.storage.store import open_store


def with_splits(store):
    """The example register, with a capital / revenue split on two projects (one in pence)."""
    projects = svc.load_projects(store)
    by_ref = {p.ref: p for p in projects}
    by_ref["1"] = replace(by_ref["1"], capital_pence=2_500_000, revenue_pence=10_000_000)  # £125,000
    by_ref["13"] = replace(by_ref["13"], capital_pence=752_558)  # a part of £54,372 - £62,372: £7,525.58
    return [by_ref[p.ref] for p in projects]


def test_the_export_writes_description_capital_and_revenue(demo_store, tmp_path):
    projects = with_splits(demo_store)
    svc.export_register(demo_store, tmp_path / "r.csv", projects)
    with (tmp_path / "r.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    head = rows[0]
    homeshield, exploitation = rows[1], rows[13]
    assert homeshield[head.index("Description")].startswith("A co-ordinator and community safety advo")
    assert (homeshield[head.index("Capital")], homeshield[head.index("Revenue")]) == ("25000", "100000")
    assert (exploitation[head.index("Capital")], exploitation[head.index("Revenue")]) == ("7525.58", "")
    assert exploitation[head.index("Cost min (£)"):head.index("Cost max (£)") + 1] == ["54372", "62372"]

    svc.export_register(demo_store, tmp_path / "r.xlsx", projects)
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Projects"]
    header = [c.value for c in ws[3]]  # under the title line and a blank one
    assert header == [in_pounds(h) if h in ("Capital", "Revenue") else h for h in svc.EXPORT_HEADER]  # money in £
    for name, value in (("Capital (£)", 25000), ("Revenue (£)", 100000), ("Cost min (£)", 125000),
                        ("Cost max (£)", 125000)):
        cell = ws.cell(4, header.index(name) + 1)
        assert (cell.value, cell.number_format) == (value, "£#,##0.00;-£#,##0.00"), name
    assert ws.cell(16, header.index("Capital (£)") + 1).value == 7525.58
    assert ws.cell(16, header.index("Revenue (£)") + 1).value is None
    assert ws.cell(4, header.index("Description") + 1).value.startswith("A co-ordinator")
    assert ws.cell(4, header.index("Criteria met") + 1).value == 4  # still a number, in its own column


def test_an_exported_register_pasted_into_a_new_file_gives_the_same_projects(demo_store, tmp_path):
    projects = with_splits(demo_store)
    svc.export_register(demo_store, tmp_path / "r.csv", projects)
    with (tmp_path / "r.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    reading = svc.read_paste(rows)
    for heading, key in (("Description", "description"), ("Capital", "capital"), ("Revenue", "revenue")):
        assert reading.keys[rows[0].index(heading)] == key
    pasted = svc.projects_from_reading(reading)
    new = open_store(tmp_path / "new.sqlite", create=True)
    try:
        for p in pasted:
            svc.save_project(new, p)
        again = svc.load_projects(new)
    finally:
        new.close()
    # Everything the editor shows comes back; a status never dated (the Suffolk paper's) is dated the day it is
    # pasted, as any new project's status is.
    for before, after in zip(projects, again, strict=True):
        fields = svc.project_fields(before)
        if not fields["status_date"]:
            del fields["status_date"]
        assert {k: v for k, v in svc.project_fields(after).items() if k in fields} == fields, before.title
    homeshield = again[0]
    assert (homeshield.capital_pence, homeshield.revenue_pence) == (2_500_000, 10_000_000)
    assert again[12].capital_pence == 752_558 and again[12].revenue_pence is None
