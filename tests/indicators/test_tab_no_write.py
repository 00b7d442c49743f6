"""Opening and looking at the Indicators tab and its dialogs never writes to the file (issue 11, behaviour 8).

Watched as the window-guard test watches every tab: a second connection's PRAGMA data_version, the audit
rows and the bytes of the file and its -wal, before and after a person clicks through the tab.
"""

from PySide6.QtCore import QThreadPool, Qt
from PySide6.QtWidgets import QApplication

from tests.foundation.test_window_guard import Watcher


def walk_the_tab(window, qtbot, csv_path):
    window.resize(1280, 690)
    window.show()
    tab = window.show_tab("indicators")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    # every area and year in the lists, every indicator of one of them, every chart mode
    for i in range(tab.area_combo.count()):
        if tab.area_combo.itemData(i) is not None:
            tab.area_combo.setCurrentIndex(i)
    tab.select_area("district:plymouth")
    for i in range(tab.year_combo.count()):
        tab.year_combo.setCurrentIndex(i)
    for r in range(tab.summary_proxy.rowCount()):
        rect = tab.summary_view.visualRect(tab.summary_proxy.index(r, 1))
        qtbot.mouseClick(tab.summary_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    for i in range(tab.mode_combo.count()):
        tab.mode_combo.setCurrentIndex(i)
    tab.area_search.setText("ips")
    tab.summary_view.context_menu(1)
    # the dialogs, opened and closed without saving
    qtbot.mouseClick(tab.indicator_button, Qt.MouseButton.LeftButton)
    dialog = tab._indicator_dialog
    dialog.reject()
    tab.import_figures_from(csv_path)
    tab._import_dialog.reject()
    QApplication.processEvents()
    QThreadPool.globalInstance().waitForDone(15000)
    QApplication.processEvents()


def test_looking_at_the_indicators_tab_and_its_dialogs_writes_nothing(demo_window, demo_path, qtbot, tmp_path):
    csv_path = tmp_path / "figures.csv"
    csv_path.write_text("indicator,area,period,value\nAll crime,Plymouth,2016-04,1500\n", encoding="utf-8")
    store = demo_window.session.store
    changes = store.conn.total_changes
    watcher = Watcher(demo_path)
    try:
        walk_the_tab(demo_window, qtbot, csv_path)
        assert store.conn.total_changes == changes
        assert watcher.changes() == ""
    finally:
        watcher.close()
