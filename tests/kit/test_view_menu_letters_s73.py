"""S73 (funds7): the View menu's tab entries had no Alt letter.

Opened with Alt+V, View listed Projects, Allocation, Costs, Indicators and Budgets with no letter underlined (Ctrl+1 …
Ctrl+5 go to them from anywhere), beside History of Changes, Districts…, Funders' Awards…, Compare Areas… and
Populations…, each with one: an officer in the menu had to arrow down to a tab, where Windows has every menu item an
access key. Each now has one, none two alike in the menu: the tabs' first letters where free (Indicators, Budgets),
Funders' Awards… taking its F so that Allocation has its A. The Close and Cancel buttons of dialogs keep none, as
on Windows (Esc presses them), and the guide's Keys table says so.
"""

from __future__ import annotations

from pathlib import Path

from tests.foundation.test_window_guard import mnemonic

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "user-guide.md"


def _letters(menu) -> dict[str, str | None]:
    return {a.text().replace("&", ""): mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()}


def test_every_item_of_every_menu_has_its_own_alt_letter(demo_window):
    for top in demo_window.menuBar().actions():
        letters = _letters(top.menu())
        assert [item for item, letter in letters.items() if letter is None] == [], top.text()
        seen: dict[str, str] = {}
        for item, letter in letters.items():
            assert letter not in seen, f"{top.text()}: {item} and {seen.get(letter)} share Alt+{letter.upper()}"
            seen[letter] = item


def test_the_view_menus_tabs_keep_their_names_and_keys(demo_window):
    view = demo_window.menu_titled("View")
    tabs = {a.text().replace("&", ""): a.shortcut().toString() for a in view.actions() if a.shortcut().toString()
            .startswith("Ctrl+") and a.shortcut().toString()[-1].isdigit()}
    assert tabs == {"Projects": "Ctrl+1", "Allocation": "Ctrl+2", "Costs": "Ctrl+3", "Indicators": "Ctrl+4",
                    "Budgets": "Ctrl+5"}


def test_the_keys_table_says_close_and_cancel_are_esc():
    section = GUIDE.read_text(encoding="utf-8").split("\n## Keys\n", 1)[1].split("\n## ", 1)[0]
    esc = next(line for line in section.splitlines() if line.startswith("| `Esc`"))
    assert "**Close**" in esc and "**Cancel**" in esc and "no Alt letter" in esc
