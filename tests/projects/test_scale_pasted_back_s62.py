"""Round 62: a scale copied from Commissioning pasted back into a scale cell.

Copy gives Excel a fraction as Excel types one ("0 1/3", so it is not read as a date there). Pasted back into a
scale cell of Safer Desk (Ctrl+V in the cell, or the cell copied from Excel's formula bar) it was refused: "“0 1/3”
is not a scale". A whole number and a fraction ("0 1/3", "1 1/2") is now read as the scale it is.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.projects import ProjectError, Scale, parse_scale


@pytest.mark.parametrize("typed, scale", [("0 1/3", Scale(1, 3)), ("0 1/2", Scale(1, 2)), ("1 1/2", Scale(3, 2)),
                                          (" 0  2/3 ", Scale(2, 3))])
def test_a_fraction_as_copy_gives_it_is_read(typed, scale):
    assert parse_scale(typed).fraction == scale.fraction


def test_a_fraction_with_nothing_below_the_line_is_still_refused():
    with pytest.raises(ProjectError, match="0 below the line"):
        parse_scale("0 1/0")


@pytest.mark.parametrize("scale", [Scale(1, 3), Scale(1, 2), Scale(3, 2), Scale(6, 12, months=True), Scale(0, 1)])
def test_every_scale_copied_reads_back_as_itself(scale):
    from safer_desk.ui.projects.scenario_models import scale_for_excel

    back = parse_scale(scale_for_excel(scale))
    assert (back.fraction, back.months) == (scale.fraction, scale.months)


def test_the_pilots_copied_scale_typed_into_a_scale_cell_is_taken(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    page = demo_window.show_tab("projects").show_commissioning()
    model = page.model
    row = next(r for r in range(page.proxy.rowCount())
               if page.proxy.index(r, page.model.SCALE).data() == "1/3")
    index = page.proxy.index(row, model.SCALE)
    assert page.proxy.setData(index, "0 1/2", Qt.ItemDataRole.EditRole)
    assert page.proxy.index(row, model.SCALE).data() == "1/2"
