"""View > History of Changes read as a county lead checking who changed what (round 25), in the real window:
figures typed into the Indicators grid are told apart by their month and read as the tab shows them, and a
police.uk import is found under the Indicators area."""

from PySide6.QtCore import Qt

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.history import INDICATORS
from safer_desk.services.police_import import import_police_files
from tests.foundation.test_window_history import click_row, column
from tests.indicators.test_tab_unsaved import click_indicator, type_in_cell
from tests.presenters.test_history_round25 import POLICE


def test_figures_typed_in_the_grid_read_by_month_and_an_import_is_under_indicators(demo_window, qtbot, prompts):
    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    click_indicator(tab, qtbot, "All crime")
    type_in_cell(tab, qtbot, "2016/17", 0, "1480")
    type_in_cell(tab, qtbot, "2016/17", 1, "1234")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert not demo_window.has_unsaved_changes()
    import_police_files(demo_window.session.store, [POLICE])

    demo_window.history_action.trigger()
    dialog = demo_window._history_dialog
    qtbot.addWidget(dialog)
    saved = "Change Apr 2016 and May 2016 of All crime for Plymouth, 2016/17"  # session 72: what the save changed
    assert column(dialog, "Action")[:2] == ["Import police.uk data", saved]
    dialog.area_combo.setCurrentText(INDICATORS)
    assert column(dialog, "Action")[:2] == ["Import police.uk data", saved]
    qtbot.keyClicks(dialog.search, "may 2016 1,234")
    assert column(dialog, "Action") == [saved]
    click_row(dialog, qtbot, 0)
    detail = dialog.detail.toPlainText()
    assert "• Changed the value of indicator figure of Plymouth, All crime, Apr 2016 from 1,335 to 1,480" in detail
    assert "• Changed the value of indicator figure of Plymouth, All crime, May 2016 from 1,576 to 1,234" in detail
    assert ".0 " not in detail
    dialog.close()
