"""The widget kit every tab is built from: one table model and sort proxy, one table view, one form,
one date field, one undo shape, one dialog that asks before typing is thrown away (``dialogs.GuardedDialog``).
See docs/architecture.md for the API and examples."""


def shown_as_typed(text: str) -> str:
    """Text from the file (a project's title, an office's name, a folder) for a menu item, button or tab, where a
    single & marks the Alt letter: "Babergh & Mid Suffolk" would show as "Babergh _Mid Suffolk"."""
    return text.replace("&", "&&")


def fitting_size(parent, width: int, height: int) -> tuple[int, int]:
    """A dialog's size that fits inside its parent window (a 1366x768 laptop at 125% leaves 1093x582): the size
    asked for where there is room, else the window's less a margin."""
    if parent is None:
        return width, height
    window = parent.window()
    return min(width, max(600, window.width() - 24)), min(height, max(400, window.height() - 24))
