"""The user guide read as a new district officer reads it, checked against the window: every menu item it
names (File > …, Edit > …, View > …, Help > …) is in that menu, with the keys it gives; the start page's buttons,
the search example, saving as you go and Edit > Find on a page without a search box are as it says."""

import re
from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QTabWidget

from safer_desk.ui.kit.table_view import DataTableView

DOCS = Path(__file__).resolve().parents[2] / "docs"
MENUS = ("File", "Edit", "View", "Help")


def guide_text() -> str:
    """The guide's pages as one text, each run of spaces and line ends made one space (a name may wrap)."""
    pages = [DOCS / "user-guide.md", *sorted((DOCS / "guide").glob("*.md"))]
    return re.sub(r"\s+", " ", " ".join(p.read_text(encoding="utf-8") for p in pages))


def plain(text: str) -> str:
    return text.replace("&", "").rstrip("…").strip()


def menu_items(window) -> dict[str, dict[str, object]]:
    """Each menu's items by their names as the guide writes them (no Alt letter, no "…"), with the action."""
    items: dict[str, dict[str, object]] = {}
    for action in window.menuBar().actions():
        items[plain(action.text())] = {plain(a.text()): a for a in action.menu().actions()
                                       if not a.isSeparator() and a.text()}
    return items


def test_every_menu_item_the_guide_names_is_in_that_menu(demo_window):
    items = menu_items(demo_window)
    assert set(MENUS) <= set(items)
    text = guide_text()
    named = re.findall(r"\b(File|Edit|View|Help) > ([^*]{1,60})", text)
    assert len(named) > 50
    for menu, after in named:
        # The guide's words after "Menu > " begin with one of the menu's items ("File > Open lists the file").
        assert any(after.startswith(item) for item in items[menu]), (menu, after, sorted(items[menu]))
    for menu, written in re.findall(r"\*\*(File|Edit|View|Help) > ([^*]+)\*\*", text):
        for item in written.split(" / "):  # "View > Projects / Allocation / …"
            assert plain(item) in items[menu], (menu, item)


def test_the_keys_the_guide_gives_a_menu_item_are_its_shortcuts(demo_window):
    items = menu_items(demo_window)
    text = guide_text()
    given = re.findall(r"\*\*(File|Edit|View|Help) > ([^*]+)\*\* \(((?:Ctrl|Shift|Alt|F\d)[^)]*)\)", text)
    assert len(given) >= 8
    for menu, written, keys in given:
        names = [plain(n) for n in written.split(" / ")]
        span = re.fullmatch(r"Ctrl\+(\d) … Ctrl\+(\d)", keys)
        if span:  # one key each: "(Ctrl+1 … Ctrl+5)"
            wanted = [[f"Ctrl+{n}"] for n in range(int(span[1]), int(span[2]) + 1)]
        else:
            wanted = [keys.split(" or ")] * len(names)
        assert len(wanted) == len(names), (menu, written, keys)
        for name, sequence in zip(names, wanted):
            shortcuts = {s.toString(QKeySequence.SequenceFormat.PortableText) for s in items[menu][name].shortcuts()}
            assert set(sequence) <= shortcuts, (menu, name, sequence, shortcuts)


def test_the_start_page_offers_what_the_guide_says(window, tmp_path):
    text = guide_text()
    window.show()
    assert [s.label.replace("&", "") for s in window.start_banner.buttons] == ["Open File…", "New File…",
                                                                              "Look Around the Example"]
    assert ("The window with no file open offers **Open File…**, **New File…** and **Look Around the Example**"
            in text)
    assert window.open_path(tmp_path / "office.sqlite", create=True)
    labels = [s.label.replace("&", "") for s in window.start_banner.buttons]
    assert labels == ["Look Around the Example", "Set Your Districts and Partnerships…", "Import Police Data…",
                      "Add the First Project"]
    assert all(f"**{label}**" in text for label in labels)
    # and in the page's order in the guide's "A new, empty file" (s76: it listed Set Your Districts… last)
    section = text[text.index("## A new, empty file"):]
    assert [section.index(f"**{label}**") for label in labels] == sorted(section.index(f"**{label}**")
                                                                         for label in labels)


def test_an_amount_is_found_as_the_table_shows_it(demo_window, qtbot):
    assert ("on Projects, `125,000` finds the project costing £125,000, and so does the bare figure `125000`"
            in guide_text())
    demo_window.show()
    page = demo_window.show_tab("projects")
    view = next(v for v in page.findChildren(DataTableView) if v.isVisible())
    box = page.search_box()
    shown = {}
    for typed in ("125,000", "999,999", "125000"):  # a figure no row shows between, so each search is seen anew
        box.clear()
        qtbot.keyClicks(box, typed)
        qtbot.waitUntil(lambda: view.model().rowCount() <= 1)
        shown[typed] = [(view.model().index(r, 1).data(), view.model().index(r, 4).data())
                        for r in range(view.model().rowCount())]
    homeshield = [("Homeshield Plus", "£125,000")]
    assert shown == {"125,000": homeshield, "999,999": [], "125000": homeshield}


def test_typing_marks_the_title_and_file_save_writes_it(demo_window, qtbot, prompts):
    assert "There is no saving the whole file, as in Excel" in guide_text()
    demo_window.show()
    register = demo_window.show_tab("projects").register
    view = next(v for v in register.findChildren(DataTableView) if v.isVisible())
    view.selectRow(0)
    title = register.editor.widgets["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Homeshield Plus (pilot)")
    assert demo_window.isWindowModified()  # the title's `*`
    prompts.unsaved_answers.append("cancel")
    demo_window.show_tab("allocation")  # leaving the tab asks first; Cancel stays
    assert demo_window.current_tab_key() == "projects" and len(prompts.unsaved_questions) == 1
    demo_window.save_action.trigger()  # File > Save (Ctrl+S)
    assert not demo_window.isWindowModified()
    assert view.model().index(0, 1).data() == "Homeshield Plus (pilot)"


def test_edit_find_says_where_a_page_has_no_search_box(demo_window, qtbot):
    assert ("on a page without one (the Allocation and Budgets tabs, Commissioning) the status bar says so: "
            "\"This page has no search box\"") in guide_text()
    demo_window.show()
    for key in ("allocation", "budgets"):
        demo_window.show_tab(key)
        qtbot.waitUntil(lambda: not demo_window.is_busy())
        demo_window.find_action.trigger()
        assert demo_window.statusBar().currentMessage().startswith("This page has no search box"), key
    projects = demo_window.show_tab("projects")
    assert projects.search_box().accessibleName() == "Search the register"  # Ctrl+F's: test_window_files
    pages = projects.findChild(QTabWidget)
    pages.setCurrentIndex([pages.tabBar().accessibleTabName(i) for i in range(pages.count())].index("Commissioning"))
    demo_window.statusBar().clearMessage()
    demo_window.find_action.trigger()
    assert demo_window.statusBar().currentMessage().startswith("This page has no search box")
