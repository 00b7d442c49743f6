"""On a file open read-only every Indicators dialog says so and has Close only, and every change asked of the tab
says why nothing changes (``FormView.close_only``, ``screens.read_only_refusal``): never silently nothing."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from safer_desk.domain.periods import FinancialYear

FY16 = FinancialYear(2016)


def read_only_tab(window, demo_path):
    assert window.open_path(demo_path, read_only=True)
    tab = window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FY16)
    tab.select_indicator("Anti-social behaviour")
    return tab


def shown_buttons(dialog) -> list[str]:
    return [b.text() for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)]


def test_the_indicator_dialog_on_a_read_only_file_says_so_and_has_close_only(window, demo_path, qtbot):
    tab = read_only_tab(window, demo_path)
    tab.summary_view.setFocus()
    qtbot.keyClick(tab.summary_view, Qt.Key.Key_Return)  # Enter on the indicator opens it, as a double-click does
    dialog = tab._indicator_dialog
    assert dialog.isVisible()
    assert dialog.form.read_only_note is not None and "read-only" in dialog.form.read_only_note.text()
    assert shown_buttons(dialog) == ["Close"]
    assert "then Save" not in dialog.form.heading.text()  # the heading does not ask for a change it cannot make
    assert not dialog.save()  # Ctrl+S: said in the form's message
    assert "read-only" in dialog.form.form_message.text()
    qtbot.keyClick(dialog.form.widgets["name"], Qt.Key.Key_Return)  # Enter closes, as Esc does
    assert not dialog.isVisible()


def test_the_framework_dialog_on_a_read_only_file_says_so_and_has_close_only(window, demo_path, qtbot):
    """Its button was greyed on a file open read-only, and nothing else opens it: a county lead reading a district's
    file could not see its baseline and benchmarks. It opens them to read, as Change… does in the records' lists."""
    tab = read_only_tab(window, demo_path)
    assert tab.framework_button.isEnabled() and tab.indicator_button.isEnabled()
    assert not tab.import_button.isEnabled()
    qtbot.mouseClick(tab.framework_button, Qt.MouseButton.LeftButton)
    dialog = tab._framework_dialog
    assert dialog.isVisible()
    assert dialog.form.read_only_note is not None
    assert shown_buttons(dialog) == ["Close"]
    assert "then Save" not in dialog.form.heading.text()


def test_no_new_indicator_is_offered_on_a_read_only_file_and_it_says_why(window, demo_path, prompts):
    assert window.open_path(demo_path, read_only=True)
    tab = window.show_tab("indicators")
    tab.presenter.selected = None
    tab.presenter.view = None  # no indicator in view: Indicator and Target… was a new one, to be typed in vain
    tab.edit_indicator()
    assert getattr(tab, "_indicator_dialog", None) is None
    assert prompts.errors and "read-only" in prompts.errors[-1][1]


def test_del_on_an_indicator_of_a_read_only_file_says_why_nothing_is_deleted(window, demo_path, prompts, qtbot):
    tab = read_only_tab(window, demo_path)
    rows = list(tab.summary_model.rows)
    tab.summary_view.setFocus()
    qtbot.keyClick(tab.summary_view, Qt.Key.Key_Delete)
    assert prompts.questions == [] and tab.summary_model.rows == rows
    assert prompts.errors and prompts.errors[-1][0] == "Delete indicator"
    assert "read-only" in prompts.errors[-1][1]


def test_import_figures_on_a_read_only_file_says_why_nothing_is_imported(window, demo_path, prompts, tmp_path):
    tab = read_only_tab(window, demo_path)
    csv = tmp_path / "figures.csv"
    csv.write_text("indicator,area,period,value\nAll crime,Plymouth,2016-04,1500\n", encoding="utf-8")
    prompts.file_names.append(str(csv))
    tab.import_figures()  # the button is greyed; asked all the same, it says why
    assert prompts.errors and "read-only" in prompts.errors[-1][1]
    store = window.session.store
    before = store.scalar("SELECT count(*) FROM indicator_values")
    # The dialog itself, over a file open read-only (a file opened to read meanwhile): it previews, and says why
    # Import is greyed; asked to import all the same, it says why and writes nothing (it raised FileReadOnly).
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    dialog = ImportFiguresDialog(window.session, tab)
    assert dialog.load(csv)
    assert not dialog.import_button.isEnabled()
    assert "read-only" in dialog.summary.text()
    assert not dialog.apply()
    assert store.scalar("SELECT count(*) FROM indicator_values") == before
    dialog.reject()


def test_import_police_data_on_a_read_only_file_says_it_is_read_only(window, demo_path, prompts):
    assert window.open_path(demo_path, read_only=True)
    files_action, _ = window.import_police_actions
    files_action.trigger()
    assert "read-only" in prompts.errors[-1][1]
    assert "Open a file you can change" in prompts.errors[-1][1]


def test_pasting_into_the_grid_of_a_read_only_file_says_it_is_read_only(window, demo_path):
    tab = read_only_tab(window, demo_path)
    tab.grid.setFocus()
    tab.grid.setCurrentCell(0, 0)
    QApplication.clipboard().setText("1\t2\t3")  # a row of months, as the grid wants it
    assert not tab.paste_rows()
    assert "read-only" in tab.grid_messages.text()


def test_the_populations_dialog_on_a_read_only_file_says_so(window, demo_path):
    from safer_desk.ui.indicators.menu import open_populations

    assert window.open_path(demo_path, read_only=True)
    dialog = open_populations(window)
    assert "read-only" in dialog.summary.text()
    assert not dialog.add_button.isEnabled()
    dialog.view.selectRow(0)
    dialog.edit_selected()
    assert dialog.dialog.view.read_only_note is not None
    assert shown_buttons(dialog.dialog) == ["Close"]
    dialog.dialog.reject()
    dialog.close()
