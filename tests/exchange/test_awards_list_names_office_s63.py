"""S63 (cnty): View > Funders' Awards… in a county file says which office each award came from.

Two offices each send the PCC's "Community safety grant" under names of their own, or alike; the county's awards
list showed Funder, Award, Amounts … and no word of whose, where the register and Costs > Reviews have a *Merged
from* column (and the county workbook's Awards sheet ends with one). The list now has the column in a county file
(the office, or "Typed in the county file"); in an office's own file it is hidden, as the register's is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.services import funders
from safer_desk.services.provenance import MERGED_FROM
from tests.exchange.county_commissioning_offices import county_with_commissioning


def _dialog(qtbot, window):
    from safer_desk.ui.projects.awards import AwardsDialog

    dialog = AwardsDialog(window.session, window)
    qtbot.addWidget(dialog)
    return dialog


def _shown(dialog) -> dict[str, str]:
    """Each award's name and its Merged from cell, as the table shows them."""
    model, column = dialog.model, dialog.model.column_index("merged_from")
    name = model.column_index("name")
    return {model.index(r, name).data(): model.index(r, column).data() for r in range(model.rowCount())}


def test_a_county_files_awards_say_which_office_each_came_from(qtbot, tmp_path, window):
    county, _ = county_with_commissioning(tmp_path)
    funders.save_award(county, funders.make_award(funder="Suffolk PCC", name="County grant",
                                                  years={"2025/26": "£5,000"}))
    county.close()
    assert window.open_path(tmp_path / "county.sqlite")
    dialog = _dialog(qtbot, window)
    column = dialog.model.column_index("merged_from")
    assert dialog.model.headerData(column, Qt.Orientation.Horizontal) == MERGED_FROM
    assert not dialog.view.isColumnHidden(column)
    assert _shown(dialog) == {"Babergh community safety grant": "Babergh office",
                              "Mid Suffolk community safety grant": "Mid Suffolk office",
                              "County grant": "Typed in the county file"}


def test_an_offices_own_awards_list_has_no_merged_from_column(qtbot, window, demo_path):
    assert window.open_path(demo_path)
    dialog = _dialog(qtbot, window)
    assert dialog.view.isColumnHidden(dialog.model.column_index("merged_from"))
