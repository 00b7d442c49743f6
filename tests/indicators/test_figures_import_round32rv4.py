"""Round 32 (rv4): a second look at Import Figures' workbooks (a417ece). A near-miss name is said only as a slip of
the name meant, never as another indicator ("Robbery of personal property" is not "Robbery of business property",
nor NI 32 NI 30); a sheet with the headings and no figures under them (a guidance sheet, an empty template) is not
a second sheet of figures; and a row hidden on another sheet costs the reading nothing."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from safer_desk.exchange.indicator_import import ValuesFileError, read_long_rows
from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import preview_values

HEAD = ("indicator", "area", "period", "value")


@pytest.fixture
def office(store):
    svc.ensure_area(store, "Babergh", "district")
    for name in ("Burglary", "Robbery of business property", "NI 30", "Hate crime"):
        svc.save_indicator(store, name)
    return store


def _workbook(tmp_path, sheets, name="figures.xlsx", edit=None):
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(list(row))
    if edit:
        edit(wb)
    wb.save(tmp_path / name)
    return tmp_path / name


@pytest.mark.parametrize("typed, meant", [
    ("Robbery of personal property", None),  # another indicator, not a slip of this one
    ("NI 32", None),
    ("Hate crimes", "Hate crime"),
    ("Burglery", "Burglary"),
])
def test_a_near_miss_name_is_said_only_as_a_slip_of_the_name_meant(office, tmp_path, typed, meant):
    path = _workbook(tmp_path, [("Data", [HEAD, (typed, "Babergh", "2016-04", 4)])])
    [(line, why)] = preview_values(office, path).refused
    assert line == 2 and f"There is no indicator called “{typed}”" in why
    if meant is None:
        assert "did you mean" not in why and why.endswith("(add it first)"), why
    else:
        assert f"did you mean “{meant}”?" in why, why


@pytest.mark.parametrize("beside", [
    [HEAD],  # an empty template left in the workbook
    [("How to fill in the Data sheet",), HEAD, ("The indicator's name", "A district", "The month, 2016-04",
                                                 "The figure")],  # a guidance sheet
])
def test_a_sheet_with_the_headings_and_no_figures_is_not_a_second_sheet_of_figures(office, tmp_path, beside):
    path = _workbook(tmp_path, [("Guidance", beside), ("Data", [HEAD, ("Burglary", "Babergh", "2016-04", 12)])])
    preview = preview_values(office, path)
    assert [(g.line, g.value.value) for g in preview.good] == [(2, 12.0)] and not preview.refused


def test_two_sheets_of_figures_are_still_refused_and_a_hidden_one_is_said_as_one_to_delete(office, tmp_path):
    def hide(wb):
        wb["Old"].sheet_state = "hidden"

    rows = [HEAD, ("Burglary", "Babergh", "2016-04", 12)]
    path = _workbook(tmp_path, [("Data", rows), ("Old", rows)], edit=hide)
    with pytest.raises(ValuesFileError) as said:
        preview_values(office, path)
    assert "“Data” and “Old” (hidden)" in str(said.value)
    assert "delete" in str(said.value), str(said.value)  # old figures on a hidden sheet: the way on says so


def test_a_row_hidden_on_another_sheet_is_not_read_as_the_data_sheets(office, tmp_path, monkeypatch):
    def hide(wb):
        wb["Notes"].row_dimensions[1].hidden = True
        wb["Data"].row_dimensions[3].hidden = True

    path = _workbook(tmp_path, [("Notes", [("About",), ("x",)]),
                                ("Data", [HEAD, ("Burglary", "Babergh", "2016-04", 12),
                                          ("Burglary", "Babergh", "2016-05", 13)])], edit=hide)
    import openpyxl

    loads = []
    real = openpyxl.load_workbook

    def counted(*args, **kwargs):
        loads.append(kwargs.get("read_only", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", counted)
    assert [(r.line, r.hidden) for r in read_long_rows(path)] == [(2, False), (3, True)]
    assert all(loads), loads  # never the whole workbook loaded for its row heights (10 s for 10 sheets of 20,000)
