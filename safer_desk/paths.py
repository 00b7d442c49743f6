"""Where things live: the default data file, the shipped resources. Qt-free and cheap to import."""

from __future__ import annotations

import os
import sys
from pathlib import Path

DEFAULT_FILE_NAME = "safer-desk.sqlite"


def data_folder() -> Path:
    """The user's own data folder (no admin rights needed); SAFER_DESK_HOME overrides it."""
    override = os.environ.get("SAFER_DESK_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Safer Desk", appauthor=False, roaming=False))


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


def typed_path(text: str) -> str:
    """A path as typed or pasted into a path field or given on the command line: the spaces round it and one
    pair of quotes round the whole taken off ("C:\\Users\\ann\\x.sqlite" as Explorer's Copy as path gives
    it), so that it names the file and not a file whose name begins and ends with a quote."""
    text = text.strip()
    if len(text) >= 2:
        for quotes in (_DOUBLE_QUOTES, _SINGLE_QUOTES):
            if text[0] in quotes and text[-1] in quotes:
                return text[1:-1].strip()
    return text


def same_file(a: Path | str, b: Path | str) -> bool:
    """Whether two names are one file (another spelling, a link, another case on Windows); for a file not there
    yet, whether they name the same place."""
    try:
        return Path(a).samefile(b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()
