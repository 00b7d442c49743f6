"""s75: Help > User Guide showed the Projects page cut off after the paste preview's picture: "A column headed
*<Funder> contribution*" reads to Markdown as an HTML tag, and the guide window (and GitHub) dropped the rest of the
page, everything from there to Commissioning and the command line. Every page of the guide now shows whole: each of
its headings is in the window's text."""

from __future__ import annotations

import re

import pytest

from safer_desk.ui.guide import GuideWindow, guide_folder, guide_pages

PAGES = guide_pages(guide_folder())


@pytest.mark.parametrize("path", [p for _title, p in PAGES], ids=[p.name for _title, p in PAGES])
def test_every_heading_of_the_page_is_shown(qtbot, path):
    guide = GuideWindow()
    qtbot.addWidget(guide)
    guide.open_page(path)
    shown = guide.browser.document().toPlainText()
    headings = [re.sub(r"[*_`]", "", line.lstrip("#").strip())
                for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"#{1,4} ", line)]
    missing = [h for h in headings if h not in shown]
    assert headings and not missing, missing
