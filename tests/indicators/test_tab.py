"""The Indicators tab driven through its real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QTableWidgetSelectionRange

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.ui.kit.tables import ROW_ROLE
from tests.conftest import shared_data

FY16 = FinancialYear(2016)


def plymouth_tab(demo_window):
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FY16)
    return tab


def test_summary_lists_plymouth_with_rag_sortable(demo_window, qtmodeltester):
    tab = plymouth_tab(demo_window)
    qtmodeltester.check(tab.summary_model)
    names = [r.indicator.name for r in tab.summary_model.rows]
    assert "Anti-social behaviour" in names and "Referrals to domestic abuse services" in names
    tab.summary_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    first = tab.summary_proxy.index(0, 0)
    assert first.data(ROW_ROLE).rag.key == "amber"  # no red here, amber first, "no target" last
    assert "Amber" in first.data()  # a word, not only a colour
    last = tab.summary_proxy.index(tab.summary_proxy.rowCount() - 1, 0)
    assert last.data() == "\u25cb No target"
    asb = [i for i in range(tab.summary_proxy.rowCount())
           if tab.summary_proxy.index(i, 1).data() == "Anti-social behaviour"][0]
    texts = [tab.summary_proxy.index(asb, c).data() for c in range(tab.summary_model.columnCount())]
    # the key columns first (RAG, indicator, year to date, change, target), then the rest
    assert texts[2:4] == ["7,170", "+367"] and texts[5:8] == ["Nov-16", "6,803", "+5.4%"]


def test_choosing_an_indicator_shows_words_chart_and_grid(demo_window, qtbot):
    tab = plymouth_tab(demo_window)
    tab.select_indicator("Anti-social behaviour")
    assert "an increase of 367 (5.4%) on the same period last year (worse)" in tab.headline.text()
    assert tab.chart.data.series["2016/17"][:8] == [853, 967, 965, 955, 899, 887, 896, 748]
    assert tab.chart.data.labels[0] == "Apr" and tab.chart.data.labels[-1] == "Mar"
    assert tab.chart.hover_text(7) == "Nov\n2015/16: 717\n2016/17: 748"
    assert tab.grid.item(0, 0).text() == "853"
    assert tab.grid.horizontalHeaderItem(0).text() == "Apr-16"
    tab.set_mode("cumulative")
    assert tab.chart.data.series["2016/17 cumulative"][7] == 7170
    tab.select_indicator("Level Two \u201cist\u201d incidents reported")
    assert tab.chart.data.series["Target 2016/17"][-1] == 640
    assert tab.chart.legend_names()  # a legend naming the curves


def test_curves_are_built_once_and_updated(demo_window):
    tab = plymouth_tab(demo_window)
    series_before = list(tab.chart.series)
    curves = list(tab.chart.curves)
    for name in ("All crime", "Police recorded hate crime", "Referrals to domestic abuse services"):
        tab.select_indicator(name)
        for mode in ("year", "cumulative", "rolling", "areas"):
            tab.set_mode(mode)
    tab.set_mode("year")
    tab.bars_check.setChecked(False)
    assert tab.chart.curves == curves
    assert tab.chart.series == series_before
    assert tab.chart.this_line.isVisible()  # lines instead of bars


def test_areas_compared_and_rolling_12_months(demo_window):
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:babergh")
    tab.select_year(FinancialYear(2025))
    tab.select_indicator("Burglary")
    tab.set_mode("areas")
    assert list(tab.chart.data.series)[0] == "Babergh"
    assert len(tab.chart.data.series) > 1
    tab.select_area("district:plymouth")
    tab.select_year(FY16)
    tab.select_indicator("All crime")
    tab.set_mode("rolling")
    labels = tab.chart.data.labels
    assert labels[0] == "Mar 2016"  # the first full 12 months: Apr-15 to Mar-16; the year in words
    assert tab.chart.data.series["12 months to"][0] == sum(
        [1652, 1684, 1407, 1469, 1386, 1467, 1565, 1386, 1427, 1332, 1334, 1498])


def test_export_png_and_svg(demo_window, prompts, tmp_path):
    tab = plymouth_tab(demo_window)
    png, svg = tmp_path / "chart.png", tmp_path / "chart.svg"
    prompts.file_names += [str(png), str(svg)]
    tab.export_chart()
    tab.export_chart()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in svg.read_text(encoding="utf-8")
    assert not prompts.errors


def test_entering_figures_saves_and_undoes(demo_window, prompts):
    tab = plymouth_tab(demo_window)
    tab.select_indicator("All crime")
    tab.grid.setCurrentCell(0, 8)
    QGuiApplication.clipboard().setText("1500\t1400\t1300\t1200\r\n")
    assert tab.grid.paste_rows()
    assert demo_window.isWindowModified()
    assert tab.save_figures()
    assert not demo_window.isWindowModified()
    store = demo_window.session.store
    ind = svc.get_indicator(store, "All crime")
    view = svc.year_view(store, ind, "district:plymouth", FY16)
    assert view.values[8:] == [1500, 1400, 1300, 1200]
    assert view.ytd.value == 12586 + 5400
    demo_window.session.undo_stack.undo()
    view = svc.year_view(store, ind, "district:plymouth", FY16)
    assert view.values[8:] == [None] * 4


def test_red_period_needs_a_comment(demo_window, prompts):
    tab = plymouth_tab(demo_window)
    tab.select_indicator("Level Two \u201cist\u201d incidents reported")
    tab.grid.edit_text("value", 7, "10")  # Nov: 371 against 428 is 13% short: red
    assert not tab.save_figures()
    assert "Nov-16" in tab.grid_messages.text() and "comment" in tab.grid_messages.text()
    tab.grid.edit_text("comment", 7, "Reporting centres closed for refurbishment")
    assert tab.save_figures()
    view = tab.view
    assert view.period_rags[7].key == "red" and view.comments[7].startswith("Reporting centres")


def test_bad_text_in_the_grid_is_refused(demo_window, prompts):
    tab = plymouth_tab(demo_window)
    tab.select_indicator("All crime")
    tab.grid.edit_text("value", 9, "lots")
    assert not tab.save_figures()
    assert "“lots” is not a figure" in tab.grid_messages.text()


def test_import_figures_dialog_previews_and_reports_refusals(demo_window, prompts, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    f = tmp_path / "figures.csv"
    f.write_text("indicator,area,period,value,numerator,denominator\n"
                 "All crime,Plymouth,Dec-16,1400,,\n"
                 "Level Two \u201cist\u201d incidents satisfaction,Plymouth,2016-10,,8,10\n"
                 "Nonsense,Plymouth,2016-10,5,,\n"
                 "All crime,Atlantis,2016-12,5,,\n"
                 "All crime,Plymouth,2016/17 Q1,5,,\n"
                 "All crime,Plymouth,2016-12,1400,,\n"
                 "All crime,Plymouth,2017-01,\"1,2,3\",,\n", encoding="utf-8")
    tab = plymouth_tab(demo_window)
    dialog = ImportFiguresDialog(demo_window.session, tab)
    assert dialog.load(f)
    assert len(dialog.preview.good) == 2
    reasons = dict(dialog.preview.refused)
    assert "no indicator called “Nonsense”" in reasons[4]
    assert "Atlantis" in reasons[5]
    assert "quarterly period" in reasons[6]
    assert "also on line 2" in reasons[7]
    assert "“1,2,3” is not read" in reasons[8] and "thousands separator" in reasons[8]  # never 123
    assert dialog.apply()
    store = demo_window.session.store
    view = svc.year_view(store, svc.get_indicator(store, "All crime"), "district:plymouth", FY16)
    assert view.values[8] == 1400
    demo_window.session.undo_stack.undo()
    view = svc.year_view(store, svc.get_indicator(store, "All crime"), "district:plymouth", FY16)
    assert view.values[8] is None


def type_in(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def choose(combo, label):
    combo.setCurrentIndex(combo.findText(label))


def test_indicator_dialog_adds_an_indicator_with_an_even_target(demo_window, prompts, qtbot):
    tab = plymouth_tab(demo_window)
    tab.presenter.view = None  # as for a new indicator
    tab.edit_indicator()
    dialog = tab._indicator_dialog
    assert dialog.windowTitle() == "New indicator"
    store = demo_window.session.store
    before = store.conn.total_changes
    type_in(qtbot, dialog.form.widgets["name"], "Arson")
    choose(dialog.form.widgets["target_kind"], "Annual figure")
    type_in(qtbot, dialog.form.widgets["target_value"], "1,2,0")
    qtbot.keyClick(dialog.form.widgets["target_value"], Qt.Key.Key_Return)  # Enter saves the form
    assert "has a comma where a thousands separator cannot be" in dialog.form.messages["target_value"].text()
    assert store.conn.total_changes == before and dialog.isVisible()
    type_in(qtbot, dialog.form.widgets["target_value"], "120")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    target = svc.get_target(store, "indicator:arson", "district:plymouth", FY16)
    assert target.kind == "annual" and target.trajectory["2016-04"] == 10 and target.trajectory["2017-03"] == 120
    assert tab.view.indicator.name == "Arson"  # shown, ready for figures
    assert demo_window.undo_action.text() == "&Undo save indicator Arson"
    tab.presenter.view = None
    tab.edit_indicator()
    plain = tab._indicator_dialog
    type_in(qtbot, plain.form.widgets["name"], "Cycle theft")  # no target and no figures yet: listed while chosen
    assert plain.apply()
    assert "Cycle theft" in [r.indicator.name for r in tab.summary_model.rows]
    demo_window.session.undo_stack.undo()
    demo_window.session.undo_stack.undo()
    assert store.scalar("SELECT count(*) FROM indicators WHERE id = 'indicator:arson'") == 0


def test_indicator_dialog_names_its_record_and_queries_a_percentage_over_100(demo_window, prompts, qtbot):
    tab = plymouth_tab(demo_window)
    tab.select_indicator("Level Two \u201cist\u201d incidents satisfaction")
    qtbot.mouseClick(tab.indicator_button, Qt.MouseButton.LeftButton)
    dialog = tab._indicator_dialog
    title = "Indicator Level Two \u201cist\u201d incidents satisfaction and its target for Plymouth, 2016/17"
    assert dialog.windowTitle() == title and dialog.form.heading.text().startswith(title)
    type_in(qtbot, dialog.form.widgets["target_value"], "900")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert "900% is more than 100%" in dialog.form.messages["target_value"].text()
    type_in(qtbot, dialog.form.widgets["target_value"], "92")
    qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    store = demo_window.session.store
    target = svc.get_target(store, "indicator:level-two-ist-incidents-satisfaction", "district:plymouth", FY16)
    assert target.value == 92


def test_indicator_dialog_asks_before_esc_cancel_or_the_close_box_throw_typing_away(demo_window, prompts, qtbot):
    """Esc, Cancel or the close box threw a typed target away without a word; the Costs dialogs ask first."""
    tab = plymouth_tab(demo_window)
    tab.select_indicator("Level Two \u201cist\u201d incidents satisfaction")
    store = demo_window.session.store
    before = store.conn.total_changes
    qtbot.mouseClick(tab.indicator_button, Qt.MouseButton.LeftButton)
    dialog = tab._indicator_dialog
    field = dialog.form.widgets["target_value"]
    type_in(qtbot, field, "93")
    prompts.unsaved_answers.append("cancel")
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert prompts.unsaved_questions[-1][1].startswith("Indicator Level Two")
    assert "Target" in prompts.unsaved_questions[-1][1]
    assert dialog.isVisible() and field.text() == "93" and store.conn.total_changes == before
    prompts.unsaved_answers.append("cancel")
    dialog.close()  # the close box
    assert len(prompts.unsaved_questions) == 2 and dialog.isVisible()
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    prompts.unsaved_answers.append("save")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert len(prompts.unsaved_questions) == 3 and not dialog.isVisible()
    target = svc.get_target(store, "indicator:level-two-ist-incidents-satisfaction", "district:plymouth", FY16)
    assert target.value == 93
    # Discard closes without writing; a dialog with nothing typed, a new indicator's too, closes without asking.
    tab.edit_indicator()
    type_in(qtbot, tab._indicator_dialog.form.widgets["target_value"], "94")
    after_save = store.conn.total_changes
    prompts.unsaved_answers.append("discard")
    qtbot.keyClick(tab._indicator_dialog.form.widgets["target_value"], Qt.Key.Key_Escape)
    assert not tab._indicator_dialog.isVisible() and store.conn.total_changes == after_save
    asked = len(prompts.unsaved_questions)
    for view in (tab.presenter.view, None):
        tab.presenter.view = view
        tab.edit_indicator()
        qtbot.keyClick(tab._indicator_dialog, Qt.Key.Key_Escape)
        assert not tab._indicator_dialog.isVisible()
    assert len(prompts.unsaved_questions) == asked


def test_import_police_data_from_the_file_menu(demo_window, prompts, qtbot):
    folder = shared_data("police-uk", "suffolk-2021-01")
    prompts.file_names.append(str(folder / "2021-01-suffolk-street.csv"))
    files_action, _ = demo_window.import_police_actions
    assert files_action in demo_window.file_menu.actions()
    tab = demo_window.show_tab("indicators")
    files_action.trigger()
    qtbot.waitUntil(lambda: bool(prompts.infos or prompts.errors), timeout=20000)
    assert not prompts.errors
    assert "Waveney counted as East Suffolk" in prompts.infos[-1][1]
    tab.select_area("district:east-suffolk")
    tab.select_year(FinancialYear(2020))
    tab.select_indicator("All crime")
    assert tab.view.values[9] is not None  # January 2021
    assert "Waveney" in tab.details.text()  # the old name stays visible


def test_a_failed_import_reports_and_changes_nothing(demo_window, prompts, qtbot, tmp_path):
    from safer_desk.ui.indicators.menu import start_import

    bad = tmp_path / "2025-01-x-street.csv"
    bad.write_text("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
                   "Crime type,Last outcome category,Context\nx,2025-01,A,A,1,2,L,E0,Babergh 001A\n", encoding="utf-8")
    store = demo_window.session.store
    before = store.scalar("SELECT count(*) FROM _police_counts")
    start_import(demo_window, [str(bad)])
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=20000)
    assert "line 2" in prompts.errors[-1][1]
    assert store.scalar("SELECT count(*) FROM _police_counts") == before


def test_read_only_file_shows_but_cannot_change(window, demo_path, prompts):
    assert window.open_path(demo_path, read_only=True)
    tab = window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FY16)
    tab.select_indicator("Anti-social behaviour")
    assert "an increase of 367 (5.4%)" in tab.headline.text()
    assert not tab.save_button.isEnabled() and not tab.import_button.isEnabled()
    assert not (tab.grid.item(0, 0).flags() & Qt.ItemFlag.ItemIsEditable)
    files_action, _ = window.import_police_actions
    files_action.trigger()
    assert "Open a file you can change" in prompts.errors[-1][1]


def test_del_on_an_indicator_asks_then_deletes_it_and_undo_brings_it_back(demo_window, prompts, qtbot):
    tab = plymouth_tab(demo_window)
    tab.select_indicator("Anti-social behaviour")
    names = [r.indicator.name for r in tab.summary_model.rows]
    tab.summary_view.setFocus()
    qtbot.keyClick(tab.summary_view, Qt.Key.Key_Delete)  # answered no: still there
    assert prompts.questions[-1][0] == "Delete indicator"
    assert prompts.questions[-1][1].startswith("Delete the indicator “Anti-social behaviour” with its ")
    assert [r.indicator.name for r in tab.summary_model.rows] == names
    prompts.answers.append(True)
    qtbot.keyClick(tab.summary_view, Qt.Key.Key_Delete)
    assert "Anti-social behaviour" not in [r.indicator.name for r in tab.summary_model.rows]
    assert tab.presenter.view is not None and tab.presenter.view.indicator.name != "Anti-social behaviour"
    demo_window.session.undo_stack.undo()
    assert [r.indicator.name for r in tab.summary_model.rows] == names


def test_del_in_a_read_only_file_deletes_no_indicator(window, demo_path, prompts, qtbot):
    assert window.open_path(demo_path, read_only=True)
    tab = window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FY16)
    tab.summary_view.setFocus()
    prompts.answers.append(True)
    qtbot.keyClick(tab.summary_view, Qt.Key.Key_Delete)
    assert prompts.questions == [] and tab.summary_model.rows


def test_areas_without_figures_can_be_chosen_to_start_entering(demo_window):
    tab = demo_window.show_tab("indicators")
    ids = [tab.area_combo.itemData(i) for i in range(tab.area_combo.count())]
    # The office's own areas first (Babergh CSP of 2009/10 has no figures yet, to start entering them),
    # then other areas with figures not from police.uk (Plymouth); the rest behind the search.
    assert "district:plymouth" in ids and "partnership:babergh-csp" in ids
    assert ids.index("partnership:babergh-csp") < ids.index("district:plymouth")
    assert "district:birmingham" not in ids


def test_cancelling_a_gui_import_changes_nothing(demo_window, prompts, qtbot):
    from safer_desk.ui.indicators.menu import start_import

    folder = shared_data("police-uk", "devon-and-cornwall-2020-q1", "download-a")
    store = demo_window.session.store
    before = store.scalar("SELECT count(*) FROM indicator_values")
    task = start_import(demo_window, [str(folder)])
    task.cancel()  # as the progress window's Cancel button does
    qtbot.waitUntil(lambda: bool(prompts.infos or prompts.errors), timeout=20000)
    assert prompts.infos[-1][0] == "Import cancelled"
    assert store.scalar("SELECT count(*) FROM indicator_values") == before
    assert store.scalar("SELECT count(*) FROM _police_counts WHERE force LIKE 'Devon%'") == 0


def test_after_an_import_the_tab_reads_the_file_once_on_the_next_turn(demo_window, prompts, qtbot, monkeypatch):
    """The import's end handler reloads the tab in steps (its area list at once, the rest on the next turn of
    the event loop) and notifies every tab: the notification must not make the Indicators tab read the file
    a second time, at once (after a decade's import that held the window over 200 ms)."""
    from PySide6.QtWidgets import QApplication

    from safer_desk.ui import prompts as ui_prompts
    from safer_desk.ui.indicators.menu import start_import
    from tests.indicators.police_helpers import fixture

    tab = demo_window.show_tab("indicators")
    reloads, at_info = [], []
    real_reload = tab.reload
    monkeypatch.setattr(tab, "reload", lambda: (reloads.append(1), real_reload()))
    shown = ui_prompts.show_info
    monkeypatch.setattr(ui_prompts, "show_info", lambda *a, **k: (at_info.append(len(reloads)), shown(*a, **k)))
    start_import(demo_window, [str(fixture("suffolk-2025"))])
    qtbot.waitUntil(lambda: bool(prompts.infos or prompts.errors), timeout=20000)
    assert not prompts.errors and at_info == [0]  # nothing read again while the end handler ran
    qtbot.waitUntil(lambda: len(reloads) == 1, timeout=5000)
    for _ in range(3):  # any further reload queued for the next turns would run here: there must be none
        QApplication.processEvents()
    assert len(reloads) == 1


def test_a_county_the_file_holds_part_of_says_why_it_has_no_chart(demo_window):
    tab = demo_window.show_tab("indicators")
    tab.select_area("county:devon")
    tab.select_indicator("All crime")
    assert tab.chart_stack.currentWidget() is tab.empty_state
    assert "Devon's figures are added up from its districts'" in tab.empty_state.text()
    assert "not East Devon" in tab.empty_state.text()


def test_a_year_pasted_from_the_wrong_month_is_refused_with_the_reason(demo_window, prompts):
    tab = plymouth_tab(demo_window)
    tab.select_indicator("All crime")
    tab.grid.setCurrentCell(0, 8)  # Dec-16
    QGuiApplication.clipboard().setText("\t".join(str(1400 + m) for m in range(12)) + "\r\n")
    assert not tab.grid.paste_rows()
    assert not demo_window.isWindowModified()
    assert "nothing was pasted" in tab.grid_messages.text() and tab.grid_messages.isVisibleTo(tab)
    assert tab.grid.item(0, 8).text() != "1400"


def test_an_empty_row_inside_a_pasted_block_keeps_the_rows_below_in_place(demo_window, qtbot, prompts):
    """A percentage's block copied with its empty percentage row (Excel copies it as tabs): the empty row was
    dropped, the numerators pasted as percentages and the denominators as numerators."""
    tab = plymouth_tab(demo_window)
    tab.select_indicator("Level Two \u201cist\u201d incidents satisfaction")
    keys = tab.grid.keys
    tab.grid.setFocus()
    tab.grid.setCurrentCell(keys.index("value"), 6)  # Oct-16
    QGuiApplication.clipboard().setText("\t\t\r\n16\t15\t14\r\n18\t18\t18\r\n")
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    row = {key: [tab.grid.item(keys.index(key), c).text() for c in (6, 7, 8)] for key in keys[:3]}
    assert row == {"value": ["", "", ""], "numerator": ["16", "15", "14"], "denominator": ["18", "18", "18"]}
    assert tab.grid_messages.text() == ""


def test_two_months_pasted_down_a_column_are_refused_saying_so(demo_window, qtbot, prompts):
    tab = plymouth_tab(demo_window)
    tab.select_indicator("All crime")
    comment = tab.grid.keys.index("comment")
    before = tab.grid.item(comment, 0).text()
    tab.grid.setFocus()
    tab.grid.setCurrentCell(0, 0)  # Apr-16
    QGuiApplication.clipboard().setText("1400\r\n1500\r\n")
    qtbot.keyClick(tab.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert tab.grid.item(comment, 0).text() == before and tab.grid.item(0, 0).text() == "1,335"
    assert not demo_window.isWindowModified()
    assert "copied down a column" in tab.grid_messages.text() and tab.grid_messages.isVisibleTo(tab)


def test_undoing_an_import_of_figures_puts_back_the_paper_s_figure_as_the_paper_s(demo_window, prompts, tmp_path):
    """Undo wrote the old figures back as typed ones: April's 1,335 from the paper (seed 003) came back labelled
    typed, and a police.uk count so undone would no longer be updated by the next download."""
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    store = demo_window.session.store
    query = ("SELECT id, value, source FROM indicator_values WHERE indicator_id = 'indicator:all-crime' "
             "AND area_id = 'district:plymouth' AND period = ?")
    before = [tuple(store.one(query, (p,))) for p in ("2016-04", "2016-05")]
    assert {b[2] for b in before} == {"seed 003"}
    f = tmp_path / "figures.csv"
    f.write_text("indicator,area,period,value\nAll crime,Plymouth,2016-04,1400\nAll crime,Plymouth,2016-05,1500\n",
                 encoding="utf-8")
    dialog = ImportFiguresDialog(demo_window.session, plymouth_tab(demo_window))
    assert dialog.load(f) and dialog.apply()
    after = [tuple(store.one(query, (p,))) for p in ("2016-04", "2016-05")]
    assert [a[1:] for a in after] == [(1400.0, "file:figures.csv"), (1500.0, "file:figures.csv")]
    demo_window.undo_action.trigger()
    assert [tuple(store.one(query, (p,))) for p in ("2016-04", "2016-05")] == before
    demo_window.redo_action.trigger()
    assert [tuple(store.one(query, (p,))) for p in ("2016-04", "2016-05")] == after


def test_del_empties_the_chosen_figures_and_save_takes_them_out(demo_window, qtbot, prompts):
    # Del on a figure did nothing; taking out November's figure meant typing over it with nothing.
    tab = plymouth_tab(demo_window)
    tab.select_indicator("All crime")
    store = demo_window.session.store
    ind = svc.get_indicator(store, "All crime")
    def held():
        return svc.year_view(store, ind, "district:plymouth", FY16).values[6:8]  # October and November

    before = held()
    assert None not in before
    grid = tab.grid
    row, comment_row = grid.keys.index("value"), grid.keys.index("comment")
    november = grid.item(comment_row, 7).text()
    assert november.startswith("Between April and the end of November")
    grid.setCurrentCell(row, 6)
    grid.setRangeSelected(QTableWidgetSelectionRange(row, 6, row, 7), True)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert [grid.item(row, c).text() for c in (6, 7)] == ["", ""] and demo_window.isWindowModified()
    assert tab.save_figures()
    assert held() == [None, None]
    # The figures go; November's comment, not touched, stays (it went with its figure before).
    assert tab.grid.item(tab.grid.keys.index("comment"), 7).text() == november
    assert svc.year_view(store, ind, "district:plymouth", FY16).comments[7] == november
    demo_window.session.undo_stack.undo()
    assert held() == before
