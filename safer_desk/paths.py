"""Where things live: the default data file, the shipped resources. Qt-free and cheap to import."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DEFAULT_FILE_NAME = "safer-desk.sqlite"


def data_folder() -> Path:
    """The user's own data folder (no admin rights needed); SAFER_DESK_HOME overrides it, read as a path typed in a
    field is: `set SAFER_DESK_HOME="H:\\Safer Desk"` in Command Prompt keeps the quotes in the value, and a value
    no shell reads (Windows' environment variables dialog, a shortcut) keeps its ~. Taken as they were, a folder
    named " or ~ was made where the program started, and the own file and signing key kept in it. A relative folder
    is the one in the current folder (``settle_home_folder`` fixes it as the program starts)."""
    override = os.environ.get("SAFER_DESK_HOME", "")
    if override.strip():
        return Path(_full_path(typed_path(override)))
    from platformdirs import user_data_dir

    return Path(user_data_dir("Safer Desk", appauthor=False, roaming=False))


def settle_home_folder() -> None:
    """SAFER_DESK_HOME given as a relative folder (`set SAFER_DESK_HOME=office data`) names that folder in the folder
    Safer Desk was started in, fixed once as it starts: read each time it was wanted, it named another folder after
    the current folder changed (a Windows file dialog moves it), and the own file, signing key and errors.log went
    with it; the helper processes given it read the same folder."""
    override = os.environ.get("SAFER_DESK_HOME", "")
    if override.strip():
        os.environ["SAFER_DESK_HOME"] = _full_path(typed_path(override))


def _full_path(text: str) -> str:
    """text as a full path from the current folder (Windows' rules on Windows); as it is when the current folder is
    gone (removed, a network drive disconnected): what needs the folder then says it cannot be reached."""
    import ntpath
    import posixpath

    try:
        return (ntpath if ON_WINDOWS else posixpath).abspath(text)
    except OSError:
        return text


def default_file() -> Path:
    return data_folder() / DEFAULT_FILE_NAME


def keys_folder() -> Path:
    """Where this officer's signing key is kept: the user's own data folder, never an office file or export."""
    return data_folder() / "keys"


def resources_folder() -> Path:
    """The shipped resources: inside a packaged build, the installed package, or the source checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen:
        candidates.append(Path(frozen) / "safer_desk" / "resources")
        candidates.append(Path(frozen) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here / "resources", here.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("The Safer Desk resources folder is missing from this installation.")


def resource(*parts: str) -> Path:
    return resources_folder().joinpath(*parts)


def checkout_resource(*parts: str) -> Path | None:
    """Where a shipped resource lives in the source checkout (for the commands that rebuild one), or None when
    this code does not run from a checkout."""
    root = Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts) if (root / "pyproject.toml").is_file() else None


# The quotes a pasted path may come in: Explorer's "Copy as path" puts straight double quotes round it; a path
# copied out of an e-mail or a Word document may have curly ones ("smart quotes"), and a script single ones.
_DOUBLE_QUOTES = ('"', "\u201c", "\u201d")
_SINGLE_QUOTES = ("'", "\u2018", "\u2019")


ON_WINDOWS = os.name == "nt"


def typed_path(text: str, *, windows: bool | None = None) -> str:
    """A path as typed or pasted into a path field or given on the command line: the spaces round it and one
    pair of quotes round the whole taken off ("C:\\Users\\ann\\x.sqlite" as Explorer's Copy as path gives
    it), so that it names the file and not a file whose name begins and ends with a quote; on Windows a lone
    closing quote taken off too, and a leading ~ read as the home folder."""
    windows = ON_WINDOWS if windows is None else windows
    text = text.strip()
    if len(text) >= 2 and any(text[0] in q and text[-1] in q for q in (_DOUBLE_QUOTES, _SINGLE_QUOTES)):
        text = text[1:-1].strip()
    elif windows and text.endswith('"') and text.count('"') == 1:
        # Command Prompt, and Python reading a Windows command line, take "C:\folder\" as C:\folder": the
        # backslash keeps the closing quote as part of the word. A Windows name never holds a quote.
        text = text[:-1].rstrip()
    return _home_read(_variables_read(text) if windows else text, windows)


def _variables_read(text: str) -> str:
    """%NAME% of an environment variable that is set, as Explorer and Command Prompt read it on Windows
    ("%LOCALAPPDATA%\\Safer Desk", as the README names the data folder): PowerShell, and a path field, pass it on as
    typed. A % elsewhere ("100% plan.sqlite") or of a variable not set stays as typed."""
    if text.count("%") < 2:
        return text
    import re

    def value(match: re.Match) -> str:
        name = match.group(1)
        return os.environ.get(name) or os.environ.get(name.upper()) or match.group(0)

    return re.sub(r"%([A-Za-z_][A-Za-z0-9_()]*)%", value, text)


def _home_read(text: str, windows: bool) -> str:
    """~ and ~/… (~\\… on Windows) as the home folder, as a shell reads them unquoted: quoted, or in Command
    Prompt, which never reads ~, the command otherwise looked for a folder named ~."""
    if text == "~" or text.startswith("~/") or (windows and text.startswith("~\\")):
        import ntpath
        import posixpath

        return (ntpath if windows else posixpath).expanduser(text)
    return text


def glued_words(text: str, *, windows: bool | None = None) -> str:
    """The path meant, when a path given on a Windows command line as "C:\\folder\\" swallowed the words after it
    (the backslash kept the quote open: C:\\folder" --replace-typed is one word); "" when it did not."""
    windows = ON_WINDOWS if windows is None else windows
    if not windows or '"' not in text:
        return ""
    return text[:text.index('"')].rstrip().rstrip("\\")


def same_file(a: Path | str, b: Path | str) -> bool:
    """Whether two names are one file (another spelling, a link, another case on Windows); for a file not there
    yet, whether they name the same place."""
    try:
        return Path(a).samefile(b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()
