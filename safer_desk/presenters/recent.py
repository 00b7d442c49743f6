"""A file's path as the window shows it (Qt-free): File > Open Recent's entries and the status bar's name of the open
file, shortened in the middle when long. Apart from the start page (``presenters.start``), whose steps and their
classes the usual start, a file with work in it, never loads: the status bar names the file on the first screen."""

from __future__ import annotations

RECENT_MOST = 110  # characters of an Open Recent entry: about 700 pixels, within a 1366x768 laptop's screen at 125%
STATUS_MOST = 70  # of the open file's path in the status bar: half its width at 1093x582, the rest for its messages


def recent_label(path: str, most: int = RECENT_MOST) -> str:
    """A recent file as File > Open Recent lists it: its whole path when short; else its drive (or server and
    share, or first folders), "…" for the folders in the middle, and as many of the last folders as fit, its name
    always whole ("C:\\Users\\…\\Board papers\\Western Suffolk CSP office.sqlite"). A OneDrive path listed whole made a
    menu wider than the screen, cut off before the file's name."""
    if len(path) <= most:
        return path
    sep = "\\" if "\\" in path else "/"
    parts = path.split(sep)
    lead = 4 if path.startswith(sep * 2) else 3 if parts[0] == "" else 2  # \\server\share, /home/me, C:\Users
    head, middle, tail = parts[:lead], parts[lead:-1], parts[-1:]
    for part in reversed(middle):
        if len(sep.join([*head, "…", part, *tail])) > most:
            break
        tail.insert(0, part)
    if len(tail) - 1 == len(middle):  # every folder fits after all
        return path
    return sep.join([*head, "…", *tail])
