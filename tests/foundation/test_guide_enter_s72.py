"""Session 72: Enter in the user guide. The guide's Find box finds the next place on Enter; the dialog also gave
Enter to its first button, Back, so on a page reached from another (Back lit) Enter in Find, or on a page in the
list, went back a page: the word was looked for on a page the officer never chose."""

from pathlib import Path

from PySide6.QtCore import Qt

from safer_desk.ui.guide import GuideWindow

DOCS = Path(__file__).resolve().parents[2] / "docs"


def guide_on_second_page(qtbot) -> GuideWindow:
    guide = GuideWindow(folder=DOCS)
    qtbot.addWidget(guide)
    guide.show()
    qtbot.waitExposed(guide)
    guide.contents.setCurrentRow(3)  # a page chosen from the list: Back now returns to the contents
    qtbot.waitUntil(guide.back_button.isEnabled)
    return guide


def test_enter_in_find_finds_on_the_page_shown(qtbot):
    guide = guide_on_second_page(qtbot)
    page = guide.current_page()
    guide.search.setFocus()
    qtbot.keyClicks(guide.search, "scenario")
    assert guide.current_page() == page  # the page holds the word: it stays
    qtbot.keyClick(guide.search, Qt.Key.Key_Return)
    assert guide.current_page() == page and guide.isVisible()
    assert guide.browser.textCursor().selectedText().casefold() == "scenario"


def test_enter_on_the_list_of_pages_stays_on_the_page_chosen(qtbot):
    guide = guide_on_second_page(qtbot)
    page = guide.current_page()
    guide.contents.setFocus()
    qtbot.keyClick(guide.contents, Qt.Key.Key_Return)
    assert guide.current_page() == page and guide.isVisible()


def test_enter_on_back_itself_still_goes_back(qtbot):
    guide = guide_on_second_page(qtbot)
    guide.back_button.setFocus()
    qtbot.keyClick(guide.back_button, Qt.Key.Key_Return)
    assert guide.current_page().name == "user-guide.md"
