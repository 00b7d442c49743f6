"""The widget kit every tab is built from: one table model and sort proxy, one table view, one form,
one date field, one undo shape. See docs/architecture.md for the API and examples."""


def shown_as_typed(text: str) -> str:
    """Text from the file (a project's title, an office's name, a folder) for a menu item, button or tab, where a
    single & marks the Alt letter: "Babergh & Mid Suffolk" would show as "Babergh _Mid Suffolk"."""
    return text.replace("&", "&&")
