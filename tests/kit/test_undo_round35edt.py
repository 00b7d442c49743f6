"""Round 35 (edt): Edit > Undo says what it undid, and a table's Export… does not leave out what is typed unsaved.

Both need another's file; the patches are in the round's report (edt)."""

from PySide6.QtWidgets import QLineEdit  # noqa: F401 (Qt loaded before the window)


def register(window, qtbot):
    window.resize(1280, 800)
    window.show()
    page = window.show_tab("projects").register
    qtbot.waitUntil(lambda: not page.loading and page.proxy.rowCount() > 2)
    return page


def test_ctrl_z_says_what_it_undid(demo_window, qtbot):
    """Ctrl+Z changes what the menu offers next, but the menu is shut: the person pressing it was told nothing about
    what went back (a figure on another tab, a record on another row). The status bar says it, and how to have it
    back."""
    page = register(demo_window, qtbot)
    page.view.selectRow(0)
    page.editor.type_into("title", "Homeshield Plus (county-wide)")
    assert page.editor.save()
    demo_window.show_tab("costs")
    demo_window.undo()
    assert demo_window.current_tab_key() == "projects"
    said = demo_window.statusBar().currentMessage()
    renamed = "Change title of Homeshield Plus to Homeshield Plus (county-wide)"  # what the save changed
    assert "Undone" in said and renamed in said and "Redo" in said
    demo_window.redo()
    said = demo_window.statusBar().currentMessage()
    assert "Redone" in said and renamed in said


def test_the_registers_export_asks_about_a_title_typed_and_not_saved(demo_window, qtbot, prompts, tmp_path):
    """A title typed in the editor and Export… clicked: the file was written from the register as saved, said "Saved
    23 projects", and the title typed was not in it, without a word. Asked first (as Export for County asks), Save
    puts it in the file and so in the export."""
    page = register(demo_window, qtbot)
    page.view.selectRow(0)
    page.editor.type_into("title", "Homeshield Plus (county-wide)")
    prompts.unsaved_answers.append("save")
    prompts.file_names.append(str(tmp_path / "register.csv"))
    page.export_register()
    assert prompts.unsaved_questions and "Title" in prompts.unsaved_questions[0][1]
    assert "Homeshield Plus (county-wide)" in (tmp_path / "register.csv").read_text(encoding="utf-8-sig")
