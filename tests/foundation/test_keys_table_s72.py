"""Session 72: the user guide's table of keys and the menus' shortcuts say the same. The guide named Ctrl+S, Ctrl+Z,
F1 … here and there in its text, but Ctrl+N, Ctrl+O and Ctrl+Shift+S (File > New, Open, Save a Copy) nowhere, and
had no one place where an officer working by keyboard (or a screen-reader user, who cannot see the menus' key
column) reads every key: now a "Keys" table, checked both ways against the menus."""

import re
from pathlib import Path

from PySide6.QtGui import QKeySequence

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "user-guide.md"


def keys_table() -> dict[str, list[str]]:
    """The guide's Keys table: each menu item it names ("File > New…") with the keys written beside it."""
    text = GUIDE.read_text(encoding="utf-8")
    parts = text.split("\n## Keys\n", 1)
    section = parts[1].split("\n## ", 1)[0] if len(parts) > 1 else ""
    rows: dict[str, list[str]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if len(cells) < 2 or set(cells[0]) <= set("-: "):
            continue
        item = re.search(r"\*\*(\w+ > [^*]+)\*\*", cells[1])
        if item:
            rows[item.group(1)] = re.findall(r"`([^`]+)`", cells[0])
    return rows


def menu_shortcuts(window) -> dict[str, list[str]]:
    out = {}
    for top in window.menuBar().actions():
        for action in top.menu().actions() if top.menu() else []:
            if action.shortcuts():
                name = f"{top.text().replace('&', '')} > {action.text().replace('&', '')}"
                out[name] = [k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()]
    return out


def test_every_menu_shortcut_is_in_the_guides_table_and_works_as_written(window):
    table, menus = keys_table(), menu_shortcuts(window)
    assert menus  # the menus were read
    missing = {name: keys[0] for name, keys in menus.items() if keys[0] not in table.get(name, [])}
    assert missing == {}  # the first key each menu item shows beside it is in the guide's table
    wrong = {name: [k for k in keys if k not in menus.get(name, [])] for name, keys in table.items()}
    assert {name: keys for name, keys in wrong.items() if keys} == {}  # each key the table gives does that
