"""Help > User Guide: the guide rendered inside the window, its links between pages, its pictures, its search."""

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextDocument

from safer_desk.ui import guide as guide_module
from safer_desk.ui.guide import GuideWindow, guide_folder, guide_pages

DOCS = Path(__file__).resolve().parents[2] / "docs"


def link_position(browser, href):
    """Where on the page the link to ``href`` is drawn."""
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = QTextCursor(browser.document())
                cursor.setPosition(fragment.position() + 1)
                return browser.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def test_help_user_guide_opens_the_rendered_guide(window, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.show()
    window.menu_titled("Help").actions()[0].trigger()
    guide = window._guide_window
    qtbot.addWidget(guide)
    assert guide.isVisible() and opened == []  # no outside program
    text = guide.browser.toPlainText()
    assert text.startswith("Safer Desk user guide") and "# Safer Desk" not in text  # rendered, not raw Markdown
    assert guide.windowTitle() == "Safer Desk user guide — Safer Desk user guide" or "user guide" in guide.windowTitle()
    assert guide.contents.count() == len(guide_pages(guide.folder)) >= 2
    window.show_guide()  # a second time: the same window comes forward
    assert window._guide_window is guide


def test_a_link_opens_the_other_page_and_back_returns(qtbot):
    guide = GuideWindow(folder=DOCS)
    qtbot.addWidget(guide)
    guide.resize(1000, 700)
    guide.show()
    qtbot.waitExposed(guide)
    guide.browser.scrollToAnchor("")
    pos = link_position(guide.browser, "guide/projects.md")
    guide.browser.verticalScrollBar().setValue(max(0, pos.y() - 100))
    pos = link_position(guide.browser, "guide/projects.md")
    with qtbot.waitSignal(guide.browser.sourceChanged, timeout=5000):
        qtbot.mouseClick(guide.browser.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert guide.current_page().resolve() == (DOCS / "guide" / "projects.md").resolve()
    assert guide.browser.toPlainText().startswith("Projects: the register")
    assert guide.contents.currentItem().text().startswith("Projects")
    # the screenshot of the page is loaded from docs/screenshots
    image = guide.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                              QUrl("../screenshots/projects.png"))
    assert image is not None and not image.isNull()
    qtbot.mouseClick(guide.back_button, Qt.MouseButton.LeftButton)
    assert guide.current_page().name == "user-guide.md"
    guide.close()


def test_the_search_keeps_the_pages_that_have_the_words_and_finds_them(qtbot):
    guide = GuideWindow(folder=DOCS)
    qtbot.addWidget(guide)
    qtbot.keyClicks(guide.search, "damping")
    shown = [guide.contents.item(i).text() for i in range(guide.contents.count()) if not guide.contents.item(i).isHidden()]
    assert shown and all("damping" in (guide_pages(DOCS)[i][1].read_text(encoding="utf-8").casefold())
                         for i in range(guide.contents.count()) if not guide.contents.item(i).isHidden())
    assert "damping" in guide.browser.toPlainText().casefold()
    assert guide.browser.textCursor().selectedText().casefold() == "damping"
    guide.search.clear()
    qtbot.keyClicks(guide.search, "zzzz-nothing")
    assert guide.status.text() == "Not in the guide"
    guide.close()


def test_the_installed_guide_is_read_from_the_resources(tmp_path, monkeypatch):
    shipped = tmp_path / "resources" / "docs"
    (shipped / "guide").mkdir(parents=True)
    (shipped / "user-guide.md").write_text("# Shipped guide\n\n[Costs](guide/costs.md)\n", encoding="utf-8")
    (shipped / "guide" / "costs.md").write_text("# Costs\n", encoding="utf-8")
    monkeypatch.setattr(guide_module, "resource", lambda *parts: tmp_path.joinpath("resources", *parts))
    assert guide_folder() == shipped
    assert [t for t, _ in guide_pages(shipped)] == ["Shipped guide", "Costs"]
    monkeypatch.setattr(guide_module, "resource", lambda *parts: tmp_path.joinpath("nowhere", *parts))
    assert guide_folder() == DOCS  # a source checkout: docs/ itself


def test_the_wheel_ships_the_whole_docs_folder():
    text = (DOCS.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"docs" = "safer_desk/resources/docs"' in text  # pages, guide/ and screenshots/ alike
