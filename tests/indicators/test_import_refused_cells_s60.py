"""Import Figures…' preview of a refused row (session 60): its Indicator, Area, Period and Value cells were blank, so
an officer with forty rows to check read "Refused: “abc” is not a number" beside nothing, and had to count lines in
Excel to find which figure of which area it was. The cells show what the sheet gives, as read; Status says Refused
and the reason stays beside them."""

from __future__ import annotations

from tests.indicators.test_import_figures_round25 import _csv


def test_a_refused_row_shows_the_cells_the_sheet_gives(demo_window, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    path = _csv(tmp_path, "indicator,area,period,value\n"
                          "Burglary,Babergh,2025-01,99\n"
                          "Burglary,Babergh,2025-02,abc\n"  # refused: not a number
                          "Burglary,Atlantis,2025-02,4\n"  # refused: no such area
                          "Burglary,Babergh,2025-01,99\n")  # repeated: imported once
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(path)
    keys = [c.key for c in dialog.model.columns]
    shown = {int(dialog.model.index(r, 0).data()): [dialog.model.index(r, c).data() for c in range(len(keys))]
             for r in range(dialog.model.rowCount())}
    cells = [keys.index(k) for k in ("status", "indicator", "area", "period", "value")]
    assert [shown[3][c] for c in cells] == ["Refused", "Burglary", "Babergh", "2025-02", "abc"]
    assert [shown[4][c] for c in cells] == ["Refused", "Burglary", "Atlantis", "2025-02", "4"]
    assert [shown[5][c] for c in cells] == ["Repeated", "Burglary", "Babergh", "2025-01", "99"]
    assert "abc" in shown[3][keys.index("why")] and "Atlantis" in shown[4][keys.index("why")]
    assert [shown[2][c] for c in cells] == ["OK", "Burglary", "Babergh", "Jan-25", "99"]  # read: as the grid says it
    dialog.close()


def test_the_preview_keeps_what_a_refused_line_gives(demo_store, tmp_path):
    from safer_desk.services.indicators_import import preview_values

    path = _csv(tmp_path, "indicator,area,period,value\nBurglary,Babergh,2025-02,abc\nBurglary,Babergh,2025-01,9\n")
    preview = preview_values(demo_store, path)
    assert [line for line, _ in preview.refused] == [2]
    assert preview.read[2] == {"indicator": "Burglary", "area": "Babergh", "period": "2025-02", "value": "abc"}
    assert 3 not in preview.read  # a good row is shown as read, not as typed
