"""What the person is told when something a click started fails in a way its screen did not expect.

Each screen shows its own refusals (a bad amount beside its field, a locked file in a dialog). What is left is
the disk or the file refusing a write in the middle of a change (the disk is full, the network share went away)
and the program's own bugs. Qt only prints an exception raised in a slot, so without this the window would look
as if the change had been made. ``install`` puts a reporter in ``sys.excepthook``: a dialog says what happened in
words (for a refused write: that the change was not saved, that the file is as it was, since each change is one
transaction, and that what was typed is still on the screen), and the details go to ``errors.log`` in the data
folder as well as to the error output, because the packaged program on Windows has no console.

That log is outside the office's file and is sent on to whoever looks after the program, so it keeps no typed text:
a message quotes what was typed ("Note: “visited j smith” looks like a person's name", Python's "invalid literal
for int() with base 10: 'ZQX 12'"), which may be a victim's name or a referral's detail, and every quoted part of
every message in the trace is left out of it ("Note: “[left out]” looks like…"). A quote typed inside the text
(“Jane” Smith”, ‘O’Brien’) must not end it early, so a quoted part runs to the message's last closing quote (or to
its end when none closes it): a few of the message's own words may go with it, never a typed one. The trace's frames,
which say where it happened, are kept; the dialog, on the screen only, keeps the message whole.

Logs written before this (older versions kept the typed text, or part of it) are gone through once, after the window
has shown its file (``clean_old_logs``): a log begins with ``LOG_HEADER`` once clean, so a start reads one line.
"""

from __future__ import annotations

import re
import sys
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from safer_desk.domain.text import LazyPattern
from safer_desk.paths import data_folder
from safer_desk.services.files import write_refused
from safer_desk.ui import prompts

LOG_NAME = "errors.log"
LOG_LIMIT = 1 << 20  # bytes; a longer log is moved to errors.old.log (replacing it) and begun again
OLD_LOG_NAME = "errors.old.log"
LEFT_OUT = "“[left out]”"
# The first line of a log whose entries keep no typed text (``clean_old_logs``); a new mark when what is left out grows.
LOG_HEADER = "# Safer Desk error log: quoted text left out (2)\n"
# Text in quotes: curly (as Safer Desk's messages quote what was typed) or straight (as Python's repr does), a straight
# quote only where it opens or closes a word, never an apostrophe inside one ("can't", "the victim's name"). Each runs
# to the last closing quote (a typed ” or ’ is not the end of it), a curly one to the end when none closes it. In a
# message, across its lines (typed text may have several); in a whole trace, within a line (the frames stay).
_QUOTED = (r"“(?:.*”|.*)|‘(?:.*’(?!\w)|.*)|(?<!\w)\".*\"(?!\w)|(?<!\w)'.*'(?!\w)")
QUOTED = LazyPattern(_QUOTED, re.DOTALL)  # compiled when a message is first logged, not at start-up
QUOTED_IN_LINE = LazyPattern(_QUOTED)


def words_for(exc: BaseException, file_name: str = "") -> tuple[str, str]:
    """The dialog's title and text for an exception no screen handled."""
    cause = write_refused(exc)
    where = file_name or "The file"
    if cause is not None:
        # The example only where it is the cause: a file moved from under the window has nothing to do with space.
        about_space = any(word in cause for word in ("full", "space", "quota"))
        example = " (for example, free some space on the disk)" if about_space else ""
        # A file deleted cannot be put back, but the window still holds it: Save a Copy writes it from there.
        keep = (" If it cannot be put back (it was deleted), File > Save a Copy writes everything saved in it so far "
                "to a file you choose." if "no longer where it was opened" in cause else "")
        return ("Change not saved",
                f"{where} could not be written: {cause}. Your last change was not saved and the file is as it "
                f"was before it; anything you typed is still on the screen. Deal with the cause{example}, then try "
                f"again.{keep}")
    return ("Something went wrong",
            f"Safer Desk met an error it did not expect, so what you just did may not have been done "
            f"({type(exc).__name__}: {exc}). The file is safe: each change is saved whole or not at all. "
            f"Please tell whoever looks after Safer Desk what you were doing; the details are in {log_path()}.")


def log_path() -> Path:
    return data_folder() / LOG_NAME


def without_quoted(text: str, *, in_lines: bool = False) -> str:
    """The text with every quoted part left out (see the module's docstring); ``in_lines``: a quoted part ends with
    its line (a whole trace or log, whose frames must stay)."""
    return (QUOTED_IN_LINE if in_lines else QUOTED).sub(LEFT_OUT, text)


def trace_text(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The traceback as Python prints it, each message in it (of the exception, its causes, its notes and an
    exception group's members) without its quoted parts."""
    trace = traceback.TracebackException(exc_type, exc, tb)
    if not hasattr(trace, "_str"):
        # A Python whose traceback keeps the message elsewhere: the whole trace without its quoted parts (the
        # frames' source lines lose their string literals, never the typed text).
        return without_quoted("".join(trace.format()), in_lines=True)
    pending, seen = [trace], set()
    while pending:
        each = pending.pop()
        if id(each) in seen:
            continue
        seen.add(id(each))
        each._str = without_quoted(each._str or "")  # the message as str(exc) gave it (no public way to set it)
        if getattr(each, "__notes__", None):
            each.__notes__ = [without_quoted(str(note)) for note in each.__notes__]
        pending.extend(e for e in (each.__cause__, each.__context__, *(getattr(each, "exceptions", None) or ()))
                       if e is not None)
    return "".join(trace.format())


def log(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Append the traceback, without typed text, to the error log (never raising: a full disk is often why we are
    here)."""
    text = trace_text(exc_type, exc, tb)
    if sys.stderr is not None:
        sys.stderr.write(text)
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_LIMIT:
            path.replace(path.with_name(OLD_LOG_NAME))
        with path.open("a", encoding="utf-8") as fh:
            if fh.tell() == 0:
                fh.write(LOG_HEADER)
            fh.write(f"-- {datetime.now().isoformat(timespec='seconds')}\n{text}")
    except OSError:
        pass


def clean_old_logs() -> None:
    """Leave out the quoted parts of a log (and of the one before it) written by an older version, once (see the
    module's docstring); never raising: the window is open and the log is no reason to trouble the person."""
    for path in (log_path(), log_path().with_name(OLD_LOG_NAME)):
        try:
            with path.open("r", encoding="utf-8", errors="replace") as fh:
                if fh.readline() == LOG_HEADER:
                    continue
                fh.seek(0)
                text = fh.read(2 * LOG_LIMIT)  # a log is moved aside at LOG_LIMIT: more is not a log of ours
            clean = path.with_name(path.name + ".clean")
            try:
                clean.write_text(LOG_HEADER + without_quoted(text, in_lines=True), encoding="utf-8")
                clean.replace(path)
            finally:
                clean.unlink(missing_ok=True)  # a full disk leaves no half-written copy beside the log
        except (OSError, ValueError):
            continue


class _Reporter:
    """sys.excepthook for the window: one dialog at a time (an error raised while it is open is logged only)."""

    def __init__(self, session) -> None:
        self.session = session  # the window's Session: its store names the file in the dialog
        self.showing = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log(exc_type, exc, tb)
        if self.showing:
            return
        self.showing = True
        try:
            from PySide6.QtWidgets import QApplication

            store = self.session.store
            title, text = words_for(exc, store.path.name if store is not None else "")
            prompts.show_error(QApplication.activeWindow(), title, text)
        finally:
            self.showing = False


def install(session) -> _Reporter:
    """Report every exception a slot raises to the person (see the module's docstring); returns the hook."""
    reporter = _Reporter(session)
    sys.excepthook = reporter
    return reporter
