"""The `safer-desk` command: parse arguments, then call the same services as the window.

Exit codes: 0 success, 1 bad input or refused (the message says which row, or what the file does not hold), 2 usage
(a malformed option value included: argparse says it, naming the option, before any file is opened).

Start-up: opening the window imports nothing here but the window module (not even argparse); the
subcommand modules are imported only when the first argument is a word that could be one.
"""

from __future__ import annotations

import contextlib
import importlib
import signal
import sqlite3
import sys
from typing import TYPE_CHECKING

from safer_desk import __version__
from safer_desk.cli import common
from safer_desk.cli.common import CliError

if TYPE_CHECKING:
    import argparse

# Each module adds its subcommands with ``register(subparsers)``.
SUBCOMMAND_MODULES = (
    "safer_desk.cli.app",
    "safer_desk.cli.projects",
    "safer_desk.cli.allocation",
    "safer_desk.cli.costs",
    "safer_desk.cli.indicators",
    "safer_desk.cli.exchange",
    "safer_desk.cli.office",
    "safer_desk.cli.budgets",
)

WINDOW_USAGE = """\
  safer-desk [FILE]          open the window (the default file if none)
  safer-desk --demo          open the window on a fresh copy of the example data

Your own file, signing key and errors.log are kept in your user data folder, or in the
folder the environment variable SAFER_DESK_HOME names; a relative one (office data) is
that folder in the folder Safer Desk was started in."""


def _whole_words_parser() -> type:
    """ArgumentParser whose help wraps between words only: the CSV column lists a help names
    ("partner,billed,paid,…") are long words, which argparse's wrapping cut wherever a line ended."""
    import argparse
    import textwrap

    class WholeWords(argparse.HelpFormatter):
        def _split_lines(self, text: str, width: int) -> list[str]:
            return textwrap.wrap(" ".join(text.split()), width, break_long_words=False, break_on_hyphens=False)

        def _fill_text(self, text: str, width: int, indent: str) -> str:
            return textwrap.fill(" ".join(text.split()), width, initial_indent=indent, subsequent_indent=indent,
                                 break_long_words=False, break_on_hyphens=False)

    class Once(argparse._StoreAction):
        """An option of one value given twice with two values (`--pot 1000 --pot 589608`, `--keep county --keep
        district`) is a usage error: argparse took the last without a word, and a script's slip printed another
        split, saved another county or recorded another decision."""

        def __call__(self, parser, namespace, values, option_string=None) -> None:
            given = namespace.__dict__.setdefault("_options_given", {})
            if self.dest in given and given[self.dest] != values:
                raise argparse.ArgumentError(self, "is given more than once, with different values: give it once "
                                                   "(nothing was read or changed).")
            given[self.dest] = values
            super().__call__(parser, namespace, values, option_string)

    class Parser(argparse.ArgumentParser):
        def __init__(self, *args, **kwargs) -> None:
            kwargs.setdefault("formatter_class", WholeWords)
            super().__init__(*args, **kwargs)

        def add_argument(self, *args, **kwargs):
            if args and args[0].startswith("-") and kwargs.get("action", "store") == "store":
                kwargs["action"] = Once
            choices = kwargs.get("choices")
            if choices and "type" not in kwargs and all(isinstance(c, str) and c == c.lower() for c in choices):
                # "--tab Costs", as the window names the tab, "--keep County": read in any case and spacing, as
                # every name the commands read is (argparse then checks the word against the choices)
                kwargs["type"] = _choice_word
            return super().add_argument(*args, **kwargs)

        def _check_value(self, action, value) -> None:
            # "--tab alocation": argparse's "invalid choice" and the list, now naming the one meant
            if action.choices is not None and value not in action.choices:
                near = nearest_words(str(value), action.choices)
                if near:
                    listed = ", ".join(repr(c) for c in action.choices)
                    raise argparse.ArgumentError(action, f"invalid choice: {value!r} (did you mean {near[0]!r}? "
                                                         f"The choices: {listed})")
            super()._check_value(action, value)

    return Parser


def _choice_word(text: str) -> str:
    """An option's word as its choices are written: lower case, without spaces around it."""
    return text.strip().lower()


def build_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    import argparse

    parser = argparse.ArgumentParser(
        prog="safer-desk",
        # argparse's own line ("safer-desk [-h] [--version] COMMAND ...") made a command look required, though
        # `safer-desk` alone and `safer-desk FILE` open the window
        usage="safer-desk [-h] [--version] [FILE | --demo | COMMAND ...]",
        description="Safer Desk: projects, allocations, DHR and target-hardening costs, indicators.",
        epilog=WINDOW_USAGE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"safer-desk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_whole_words_parser(),
                                       prog="safer-desk")
    for module in SUBCOMMAND_MODULES:
        importlib.import_module(module).register(subparsers)
    for name in CSV_COMMANDS:
        subparsers.choices[name].add_argument(
            "-o", "--output", metavar="OUT.csv",
            help="write the CSV to OUT.csv instead of printing it: UTF-8 with the mark Excel and Windows PowerShell "
                 "read it by, so £ stays £ (PowerShell's > turned a printed £ into ú)")
    return parser, subparsers


# The commands that print a CSV, and take --output OUT.csv to write it to a file instead (print_csv).
CSV_COMMANDS = ("projects", "awards", "allocate", "top-slice", "dhr-ledger", "dhr-costs", "fund", "indicators",
                "populations", "framework", "keys", "budget")


def build_window_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(prog="safer-desk", usage="safer-desk [FILE] [--demo] | safer-desk COMMAND …",
                                     description="Open the Safer Desk window. Run `safer-desk --help` for the commands.",
                                     add_help=False)
    parser.add_argument("file", nargs="?", help="the Safer Desk file to open")
    parser.add_argument("--demo", action="store_true", help="open a fresh copy of the example data")
    parser.add_argument("--version", action="version", version=f"safer-desk {__version__}")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from safer_desk.paths import settle_home_folder

    settle_home_folder()  # a relative SAFER_DESK_HOME: the folder started in, whatever the current folder becomes
    # Output redirected on Windows uses the code page (cp1252), which lacks characters people type
    # ("√", "−", "→"): written as plain stand-ins ("-", "->"; a CSV as "?": print_csv) rather than crash half-way
    # through a CSV.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=common.PLAIN_STAND_INS)
    args = None
    stdout, stderr = sys.stdout, sys.stderr
    if stdout is not None:
        sys.stdout = _ReaderMayStop(stdout)
        if stderr is None:  # `2>&-`: print sends a message for no stream to stdout, above the CSV; said nowhere
            import io

            sys.stderr = io.StringIO()
    if stderr is not None:  # `2>&1 | head -1`: a warning or note after the reader stopped is not a failure either
        sys.stderr = _ReaderMayStop(stderr)
    commits_before = _commits_made()
    noting = held_as = None
    common.OPENED_TO_CHANGE.clear()
    common.UPGRADED.clear()
    common.CSV_OUTPUT.clear()
    common.CSV_WRITTEN.clear()
    try:
        _refuse_words_beside_version(argv)
        if looks_like_window(argv):  # the common case: no subcommand module is imported
            simple = _simple_window_args(argv)
            return _open_window(*simple) if simple else _open_window(*_window_args(argv))
        noting = _note_ctrl_c()
        parser, subparsers = build_parser()
        commands = list(subparsers.choices)
        # A first word that is a command's name, in any case ("Projects", "EXPORT", as every option's word is read:
        # _choice_word), is that command, even where a file of that name is there; any other plain word names a
        # file ("office" for office.sqlite opens it), a file named like a command is given with its ending or folder.
        also_a_file = ""
        if argv and not argv[0].startswith("-") and argv[0].strip().lower() in commands:
            typed, also_a_file = argv[0], argv[0] if _exists(argv[0]) else _ending_left_off(argv[0])
            argv[0] = argv[0].strip().lower()
        elif argv and not argv[0].startswith("-"):
            if _exists(argv[0]) or _ending_left_off(argv[0]):  # an existing file without a suffix ("office") still
                return _open_window(*_window_args(argv))  # opens; "babergh" for babergh.sqlite opens that
            raise CliError(unknown_command_message(argv[0], commands), code=2)
        elif argv and argv[0].split("=", 1)[0] not in ("-h", "--help", "--version", "--demo"):
            _refuse_option_before_command(argv, commands)
        try:
            args, extras = parser.parse_known_args(argv)
            # argparse cannot take an optional positional after options ("screenshot OUT --tab x FILE").
            trailing = getattr(args, "trailing_positional", None)
            if extras and trailing and getattr(args, trailing) is None and len(extras) == 1 \
                    and not extras[0].startswith("-"):
                setattr(args, trailing, extras.pop())
            if extras:  # said with the usage of the command typed, as a missing argument is
                said_by = subparsers.choices.get(args.command) or parser
                said_by.error(_unrecognized(said_by, extras, ("--demo",) if said_by is parser else ()))
        except SystemExit as exc:
            if exc.code == 2 and also_a_file:  # `safer-desk Export` meaning the file Export.sqlite there
                print(_file_named_as_command(typed, also_a_file), file=sys.stderr)
            if exc.code == 2:
                for name in _dash_file_names(argv):
                    print(_dash_name_note(name), file=sys.stderr)
            raise
        if args.command is None:
            parser.print_help()
            return 0
        _unquote_paths(subparsers.choices[args.command], args)
        _refuse_empty_paths(subparsers.choices[args.command], args)
        _refuse_new_file_named_as_folder(args)
        _with_office_ending(args)
        _csv_output(args)
        if args.command != "screenshot":  # (which draws the window)
            from safer_desk.storage.locking import hold_as_command

            held_as = hold_as_command(f"safer-desk {args.command}")
        _remove_leftovers()
        code = int(args.run(args) or 0)
        if common.CSV_OUTPUT and not common.CSV_WRITTEN and not code:
            print(f"safer-desk: note: nothing was written to {common.CSV_OUTPUT[0]}: what this command did prints no "
                  "CSV (--output is for the CSV a command lists)", file=sys.stderr)
        return code
    except CliError as exc:
        if _CTRL_C and exc.code != 130 and _failure_of_disk_or_file(exc):  # what Ctrl+C caused, said as such
            return _say_interrupted(commits_before)
        print(f"safer-desk: {common.refusal_words(common.after_an_upgrade(str(exc)))}", file=sys.stderr)
        return exc.code
    except (OSError, sqlite3.Error) as exc:
        if _CTRL_C:  # Ctrl+C inside an SQLite function of ours came back as "user-defined function raised exception"
            return _say_interrupted(commits_before)
        # A full disk, a refused permission, a damaged page read half-way: one line naming the cause,
        # never a traceback (the writers have already left every file as it was).
        print(f"safer-desk: {common.refusal_words(common.after_an_upgrade(_describe_failure(exc, args)))}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return _say_interrupted(commits_before)
    except Exception:
        # Ctrl+C as Python makes a class (a part of Safer Desk loaded for the first time) comes back wrapped, as
        # "RuntimeError: Error calling __set_name__ …" (Python 3.11): said as the interruption, not as a traceback.
        if _CTRL_C:
            return _say_interrupted(commits_before)
        raise
    finally:
        for note in common.saves_left_beside():
            print(f"safer-desk: note: {note}", file=sys.stderr)
        if held_as is not None:  # (a test, or a script calling main() twice, goes on as it was)
            from safer_desk.storage.locking import hold_as_before

            hold_as_before(held_as)
        if noting is not None:
            _restore_ctrl_c(noting)
        if isinstance(sys.stdout, _ReaderMayStop):
            sys.stdout = stdout
        if stderr is None or isinstance(sys.stderr, _ReaderMayStop):
            sys.stderr = stderr


# The arguments that name a file or folder: an empty one ("$FILE" unset in a script) would be read as "." (the
# current folder), which import-police would read whole and the others would call a folder.
PATH_ARGUMENTS = ("file", "out", "county", "districts", "input", "sheet", "sources", "output")


def _unquote_paths(command: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Each file or folder named with its quotes kept ("C:\\Users\\ann\\x.sqlite" pasted from Explorer's Copy as
    path inside single quotes, or given so by a script) read as the file it names (paths.typed_path)."""
    from safer_desk.paths import glued_words, typed_path

    for action in command._actions:
        value = getattr(args, action.dest, None) if action.dest in PATH_ARGUMENTS else None
        if isinstance(value, list):
            setattr(args, action.dest, [typed_path(v) if isinstance(v, str) else v for v in value])
        elif isinstance(value, str):
            setattr(args, action.dest, typed_path(value))
        for given in [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]:
            if meant := glued_words(typed_path(given)):
                command.error(f"{action.metavar or action.dest.upper()}: {given} is one word to Windows: a backslash "
                              f"just before a closing quote keeps the quote open. Give \"{meant}\" (without the "
                              "last backslash) and the command again.")


def _ending_left_off(name: str) -> str:
    """The Safer Desk file a name not there means with .sqlite added, when that is there ("" when not)."""
    from safer_desk.services.files import new_office_file_name

    named = str(new_office_file_name(name))
    return named if named != name and _exists(named) else ""


def _with_office_ending(args: argparse.Namespace) -> None:
    """A Safer Desk file named without its ending ("office" for office.sqlite, as Windows' Explorer shows it, ending
    hidden), no file "office" there: the file office.sqlite read and written, and said (before, "there is no file at
    office"; the commands that make a file made "office" beside it). A file there without an ending is the one."""
    for dest in ("file", "county"):
        value = getattr(args, dest, None)
        if not isinstance(value, str) or not value or _exists(value):
            continue
        if named := _ending_left_off(value):
            print(f"safer-desk: note: there is no file {value}: {named} is the one used", file=sys.stderr)
            setattr(args, dest, named)


def _refuse_empty_paths(command: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """A usage error (exit 2, the command's usage) for an empty or blank file name."""
    for action in command._actions:
        if action.dest not in PATH_ARGUMENTS:
            continue
        value = getattr(args, action.dest, None)
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and not v.strip() for v in values):
            command.error(f"{action.metavar or action.dest.upper()}: an empty name is not a file")


def _csv_output(args: argparse.Namespace) -> None:
    """--output OUT.csv: the CSV written there (common.print_csv). A name not ending .csv or .txt is refused: a slip
    such as `-o office.sqlite` would have written the CSV over the office's own file."""
    from pathlib import Path

    from safer_desk.paths import same_file

    output = getattr(args, "output", None)
    if not output or output == "-":  # "-": standard output, as printed
        return
    if Path(output).suffix.lower() not in (".csv", ".txt"):
        raise CliError(f"--output {output}: give the name of the CSV file to write, ending .csv (for example "
                       f"{Path(output).with_suffix('.csv').name}). Nothing was written.", code=2)
    for given in (getattr(args, dest, None) for dest in ("file", "input", "county")):
        if isinstance(given, str) and given and same_file(given, output):
            raise CliError(f"--output {output} is the file the command reads: name another file for the CSV. "
                           "Nothing was written.", code=2)
    if Path(output).is_dir():
        raise CliError(f"--output {output} is a folder: name the CSV file to write in it. Nothing was written.", code=2)
    common.CSV_OUTPUT.append(Path(output))


def _refuse_new_file_named_as_folder(args: argparse.Namespace) -> None:
    """A file to write (export's, report's, demo's OUT, merge's COUNTY_FILE) named with a slash at its end, no folder
    there of that name: refused, nothing written. A slash names a folder (a folder meant, one not made yet, or a
    slip), and the name was read without it: `export FILE out.xlsx/` wrote out.xlsx without a word. A folder that is
    there is the command's to say ("out.xlsx is a folder: name the export file in it …")."""
    from safer_desk.paths import ON_WINDOWS

    slashes = ("/", "\\") if ON_WINDOWS else ("/",)
    for dest in ("out", "county"):
        value = getattr(args, dest, None)
        if not isinstance(value, str) or not value.endswith(slashes) or _exists(value):
            continue
        name = value.rstrip("".join(slashes))
        if not name:  # "/" alone: the whole disk, there
            continue
        raise CliError(f"{value} ends in a slash, so it names a folder, and there is no folder {name}: give {name} "
                       "without the slash to write that file, or name a file in a folder that is there. Nothing was "
                       "written.")


def _say_interrupted(commits_before: int) -> int:
    """Ctrl+C said (exit 130), or SIGTERM (a logout, a shutdown, `kill`: exit 143), SIGHUP (its terminal closed:
    exit 129) or Windows' SIGBREAK (Ctrl+Break: exit 149), once the change under way was rolled back and the file
    let go of as for any failure."""
    said, code = "interrupted", 130
    for name, words in (("SIGTERM", "stopped (the system asked it to end)"),
                        ("SIGHUP", "stopped (its terminal was closed)"), ("SIGBREAK", "stopped (Ctrl+Break)")):
        if (signum := getattr(signal, name, None)) is not None and signum in _CTRL_C:
            said, code = words, 128 + signum
    if _commits_made() > commits_before:  # Ctrl+C after a change was saved (while it was being said)
        said = f"safer-desk: {said}; what was saved before then stays saved, and the file is whole."
    else:
        said = f"safer-desk: {said}; nothing was changed."
    with contextlib.suppress(OSError, ValueError):  # a terminal closed (SIGHUP) may take stderr with it
        print(said, file=sys.stderr, flush=True)
    return code


def _failure_of_disk_or_file(exc: BaseException) -> bool:
    """exc, or what it was raised from, is an OSError or an SQLite error."""
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, (OSError, sqlite3.Error)):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


# Ctrl+C during this command (noted by the handlers below before it is raised or taken).
_CTRL_C: list[int] = []


def _ctrl_c_noted(signum, frame) -> None:
    """Ctrl+C (or SIGTERM): noted, then raised as Python's own handler raises Ctrl+C. Raised inside one of the
    functions SQLite calls (the audit trail's), SQLite says it as "user-defined function raised exception": noted,
    main says it as the interruption it was, not as a file that could not be written."""
    _CTRL_C.append(signum)
    raise KeyboardInterrupt


def _note_ctrl_c() -> dict | None:
    """Install _ctrl_c_noted for a command, for Ctrl+C, for SIGTERM (a logout, a shutdown, `kill`) and for SIGHUP
    (its terminal window closed, a remote session dropped): each was the process killed mid-write, silent, its
    journal and lock left for the next open; what each replaced (None when nothing was: not the main thread; a
    signal not at Python's own handling, as Ctrl+C ignored for a program started in the background, SIGHUP under
    nohup, or a handler of the caller's, is left as it is). On Windows, Ctrl+Break is SIGBREAK (it killed the
    command silently, as SIGTERM did); Windows sends a console program no SIGTERM: closing its console or logging off
    ends it after its handler returns, before Python's can run (the next open restores the file)."""
    _CTRL_C.clear()
    replaced = {}
    for signum, python_s_own in ((signal.SIGINT, signal.default_int_handler),
                                 (getattr(signal, "SIGTERM", None), signal.SIG_DFL),
                                 (getattr(signal, "SIGHUP", None), signal.SIG_DFL),
                                 (getattr(signal, "SIGBREAK", None), signal.SIG_DFL)):
        if signum is None:
            continue
        try:
            if signal.getsignal(signum) is python_s_own:
                replaced[signum] = signal.signal(signum, _ctrl_c_noted)
        except (ValueError, OSError):  # not the main thread
            return _restore_ctrl_c(replaced)
    return replaced or None


def _restore_ctrl_c(replaced: dict) -> None:
    for signum, previous in replaced.items():
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(signum, previous)


def _commits_made() -> int:
    """The changes this process has committed so far (0 before any file was opened: the store module, and what it
    imports, is not loaded for that)."""
    store = sys.modules.get("safer_desk.storage.store")
    return store.commits_made() if store is not None else 0


_PIECE = 1024  # characters: at most 4,096 bytes in UTF-8, within the output's buffer (the disk's block, 4,096 or more)


def _regular_file(stream) -> bool:
    """Whether stream writes to a file on disk (standard output redirected), not a console or a pipe."""
    import os
    import stat

    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, AttributeError, ValueError):  # (a test's capture, a closed stream)
        return False


class _ReaderMayStop:
    """An output, for a reader that may stop reading (`safer-desk conflicts … | head -1`, `2>&1 | head -1` for
    standard error as well): what is printed after
    it has gone goes nowhere, and the command goes on to its end as it would have. Said as a failure, a closed
    pipe after a decision was recorded read "Nothing was changed." with exit 1, and a script believed it."""

    def __init__(self, stream):
        self._stream = stream
        self._to_a_file = _regular_file(stream)

    def write(self, text: str) -> int:
        try:
            if not self._to_a_file:
                return self._stream.write(text)
            # Redirected to a file (`> figures.csv`): Python's text output drops what the file refuses part-way
            # through a large write (a disk filling up) without raising, and the command exited 0 with half a CSV.
            # Handed over a piece at a time, each flushed, a piece always fits the buffer and the refusal is raised.
            for start in range(0, len(text), _PIECE):
                self._stream.write(text[start:start + _PIECE])
                self._stream.flush()
            return len(text)
        except OSError as exc:
            self._gone_unless_other(exc)
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            self._gone_unless_other(exc)

    def _gone_unless_other(self, exc: OSError) -> None:
        """A closed pipe (EINVAL on Windows) from here on writes to the null device; any other failure is raised."""
        import errno
        import os

        if not isinstance(exc, BrokenPipeError) and not (os.name == "nt" and exc.errno == errno.EINVAL):
            from safer_desk.cli.common import OutputFailed

            raise OutputFailed(exc) from exc
        try:  # the text still buffered, and Python's own flush at exit, go to the null device, not a traceback
            null = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(null, self._stream.fileno())
            finally:
                os.close(null)
        except (OSError, AttributeError, ValueError):
            pass  # a stream with no file behind it (a test's capture): nothing buffered to lose

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _remove_leftovers() -> None:
    """What a killed earlier run left (temporary files, private working folders) goes before anything else."""
    from safer_desk.storage.leftovers import remove_leftovers

    try:
        remove_leftovers(system_temp=True)
    except OSError:
        pass  # tidying up is never a reason for the command to fail


def _describe_failure(exc: BaseException, args: "argparse.Namespace | None") -> str:
    """One line for a failure of the disk or of a file, naming the file (the command's FILE when the error
    does not say which) and the cause in words."""
    from pathlib import Path

    from safer_desk.storage.safe_write import WriteFailed, cause_of

    if isinstance(exc, WriteFailed):
        return str(exc)
    named = getattr(exc, "filename", None)
    if not named and args is not None:
        named = getattr(args, "file", None) or getattr(args, "county", None)
    name = Path(named).name if named else "the file"
    damaged = isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError) \
        or "malformed" in str(exc)
    undecodable = "Could not decode to UTF-8" in str(exc)  # a damaged page's text: said as damage, not quoted
    if damaged or undecodable:
        from safer_desk.storage.store import where_to_restore

        where = where_to_restore(Path(named)) if named else "Restore it from the backups folder beside it."
        if damaged:
            return f"{name} is damaged and could not be read ({exc}); nothing was changed. {where}"
        return f"{name} is damaged: part of it cannot be read. Nothing was changed. {where}"
    _, cause = cause_of(exc)
    return f"{name} could not be written or read: {cause}. Nothing was changed."


def looks_like_window(argv: list[str]) -> bool:
    """`safer-desk`, `safer-desk --demo` and `safer-desk PATH` open the window without the commands
    being imported: a first argument with a suffix or a folder separator is a file, never a command
    (command names are plain words). A plain word is decided once the commands are known."""
    if not argv or argv[0] == "--demo":
        return True
    first = argv[0]
    if first.startswith("-"):  # an option, or `safer-desk -- -office.sqlite`, or that file given alone
        return first == "--" or _dash_file_there(argv)
    import os.path

    return "/" in first or "\\" in first or bool(os.path.splitext(first)[1])


def _dash_file_name(word: str) -> bool:
    """Whether a word beginning with a dash reads as a file's name ("-office.sqlite", "-x/y"), not an option
    ("--help", "--pot=5.5") or a negative amount ("-7525.58")."""
    import os.path

    if not word.startswith("-") or word == "--" or "=" in word:
        return False
    try:
        float(word.replace(",", ""))
        return False
    except ValueError:
        pass
    return "/" in word or "\\" in word or bool(os.path.splitext(word)[1])


def _dash_file_there(argv: list[str]) -> bool:
    """`safer-desk -office.sqlite` where that file is: it opens, as any file named alone does (no option has a
    suffix, so none is taken for one)."""
    return len(argv) == 1 and _dash_file_name(argv[0]) and _exists(argv[0])


def _dash_file_names(argv: list[str]) -> list[str]:
    """The words of a refused command line that argparse read as options though they are files' names."""
    before = argv[:argv.index("--")] if "--" in argv else argv  # (after --, every word is a name already)
    return [word for word in before if _dash_file_name(word)]


def _dash_name_note(name: str) -> str:
    import os.path

    return (f"safer-desk: note: {name} begins with -, so it is read as an option: give it as "
            f"{os.path.join('.', name)} (or put -- before it)")


def _file_named_as_command(command: str, name: str) -> str:
    import os.path

    given = name if os.path.splitext(name)[1] else os.path.join(".", name)
    return (f"safer-desk: note: {command} is read as the command, though there is a file {name} here; to open the "
            f"file, give its name as {given}")


def unknown_command_message(word: str, commands: list[str]) -> str:
    # the nearest by spelling ("alocate", "ofice": a slip in the first letters too), else those it begins as
    close = nearest_words(word, commands) or (
        [c for c in commands if c.startswith(word[:3].lower())] if len(word) >= 3 else [])
    hint = f" (did you mean {' or '.join(close)}?)" if close else ""
    return (f"'{word}' is neither a command nor a file{hint}.\n"
            f"The commands are: {', '.join(commands)}.\n"
            "Run `safer-desk --help` for what each does, or `safer-desk FILE` to open a file.")


def _refuse_option_before_command(argv: list[str], commands: list[str]) -> None:
    """`safer-desk --area Babergh indicators FILE`: argparse took the option's value for the command ("invalid
    choice: 'Babergh'") and never named the option; said as the order it is."""
    command = next((w.strip().lower() for w in argv[1:] if w.strip().lower() in commands), None)
    if command is not None:
        option = argv[0].split("=", 1)[0]
        raise CliError(f"{option} is given before the command, {command}: a command comes first, then its options "
                       f"(safer-desk {command} … {option} …). Nothing was read or changed.", code=2)


def nearest_words(word: str, words, *, cutoff: float = 0.7) -> list[str]:
    """The one of ``words`` (a command, an option, an option's choice) most like ``word`` as typed, in any case,
    with "_" for "-" and without the option's dashes: the "did you mean --area?" of a slip of a letter or two."""
    from safer_desk.domain.text import close_names

    return close_names(word, [str(w) for w in words], cutoff=cutoff,
                       key=lambda text: text.strip().lstrip("-").casefold().replace("_", "-"))


def _unrecognized(parser: argparse.ArgumentParser, extras: list[str], also: tuple[str, ...] = ()) -> str:
    """argparse's "unrecognized arguments: --aera Babergh", naming the option meant by one misspelt (of the
    parser's, or ``also``: the window's --demo, read before the commands' parser)."""
    known = [option for action in parser._actions for option in action.option_strings if option.startswith("--")]
    known += also
    meant = [near[0] for extra in extras if extra.startswith("--")
             for near in [nearest_words(extra.split("=", 1)[0], known)] if near and near[0] != extra.split("=", 1)[0]]
    hint = f" (did you mean {' or '.join(dict.fromkeys(meant))}?)" if meant else ""
    return f"unrecognized arguments: {' '.join(extras)}{hint}"


def _exists(word: str) -> bool:
    from pathlib import Path

    from safer_desk.paths import typed_path

    try:
        return Path(typed_path(word) or word).exists()
    except OSError:
        return False


def _simple_window_args(argv: list[str]) -> tuple[str | None, bool] | None:
    """`safer-desk`, `safer-desk --demo`, `safer-desk FILE`: (file, demo) without argparse, whose
    help formatter alone costs ~10 ms on the way to the window; None for anything else."""
    if not argv:
        return None, False
    if argv == ["--demo"]:
        return None, True
    if len(argv) == 1 and (not argv[0].startswith("-") or _dash_file_there(argv)):
        return argv[0], False
    if len(argv) == 2 and argv[0] == "--":  # `safer-desk -- -office.sqlite`: a file whose name begins with a dash
        return argv[1], False
    return None


def _refuse_words_beside_version(argv: list[str]) -> None:
    """`safer-desk --version extra` (or `safer-desk FILE --version`): a usage error, exit 2. argparse printed the
    version as soon as it met --version and exited 0, the other words never read, so a script's slip passed."""
    others = " ".join(word for word in argv if word != "--version")
    if "--version" not in argv or not others:  # (`--version --version` is still only the version)
        return
    if argv[0] == "--version" or looks_like_window(argv):
        build_window_parser().error(f"--version is given on its own (nothing else was read: {others})")


def _window_args(argv: list[str]) -> tuple[str | None, bool]:
    args = build_window_parser().parse_args(argv)
    return args.file, args.demo


@contextlib.contextmanager
def ctrl_c_held():
    """Ctrl+C while Qt works (loading, laying out, painting) is noted and taken once the block ends, as a
    KeyboardInterrupt said like any other; the block is given a callable that says whether it has come, to stop
    at a step's end. Raised where it landed, inside shiboken's own import it became an ImportError about
    libshiboken or an abort, and inside Python code Qt calls (a layout, a paint) a crash, a lock file left, or
    nothing at all (Qt printed it and went on: the report was written)."""
    got: list[int] = []

    def hold(signum, frame) -> None:
        got.append(signum)
        _CTRL_C.append(signum)

    try:
        previous = signal.getsignal(signal.SIGINT)
        if previous not in (signal.SIG_IGN, None):  # ignored (a program started in the background): stays so
            previous = signal.signal(signal.SIGINT, hold)
    except ValueError:  # not the main thread (a test calling main): nothing to hold back
        previous = None
    if previous in (signal.SIG_IGN, None):
        yield lambda: False
        return
    try:
        yield lambda: bool(got)
    finally:
        signal.signal(signal.SIGINT, previous)
        if got:  # in place of what the block raised on its way out (Cancelled at a step's end)
            raise KeyboardInterrupt


@contextlib.contextmanager
def qt_libraries_said(what: str = "open its window"):
    """Qt's own libraries failing to load (libQt6Gui without libEGL, libfontconfig, libxkbcommon on a minimal
    install) are said as the platform check says a plugin's: the missing library and the line that installs it,
    exit 1, no traceback."""
    try:
        yield
    except ImportError as exc:
        from safer_desk.ui.platform_check import explain_import_error, qt_failed_to_load

        if not qt_failed_to_load(exc):
            raise
        raise CliError(explain_import_error(exc, what=what)) from None


@contextlib.contextmanager
def _signals_end_the_run():
    """Until the window's own handler takes over (run_window), SIGTERM or SIGHUP (a logout just after the start)
    ends the run through Python, so the example copy is removed on the way out instead of left behind."""
    def leave(signum, frame):
        raise SystemExit(128 + signum)

    previous = {}
    for name in ("SIGTERM", "SIGHUP", "SIGBREAK"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            previous[signum] = signal.signal(signum, leave)
        except (ValueError, OSError):  # not the main thread (a test calling main): nothing to install
            pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(signum, handler)


def _open_window(file: str | None, demo: bool) -> int:
    """Start the window. Python's cyclic garbage collector is paused until the first screen is drawn (the window
    resumes it then; here on every other way out): start-up makes tens of thousands of objects (modules, classes,
    Qt's enums) and no garbage, and the collections it would run cost about 4 ms (benchmarks/startup.py)."""
    import gc

    gc.disable()
    try:
        return _start_window(file, demo)
    finally:
        gc.enable()


def _start_window(file: str | None, demo: bool) -> int:
    from pathlib import Path

    if demo and file:
        raise CliError("give either a FILE or --demo, not both", code=2)
    if file:
        from safer_desk.paths import typed_path

        path = Path(typed_path(file) or file)
        if not path.exists() and (named := _ending_left_off(str(path))):
            print(f"safer-desk: note: there is no file {path}: {named} is the one opened", file=sys.stderr)
            path = Path(named)
        if not path.exists():
            raise CliError(f"there is no file at {path} (use File > New in the window to make one)")
        if path.is_dir():
            _refuse_folder_without_police_data(path)
    with ctrl_c_held(), qt_libraries_said():
        from safer_desk.ui.app import ensure_app, run_window

        # Qt first: if it cannot start (missing system libraries) it says so before any file is made.
        ensure_app()
    if demo:
        from safer_desk.services.example_copy import example_copy_said

        with _signals_end_the_run(), example_copy_said(CliError) as path:
            return run_window(path)
    if file and _police_data(path):
        # A street file given to the window (dragged onto the desktop shortcut): a file to import, not to open. The
        # window opens the last file used and asks before importing it there, as a drop on the window imports it.
        return run_window(None, create=True, police=[path])
    if file:
        return run_window(path)
    return run_window(None, create=True)


def _refuse_folder_without_police_data(path) -> None:
    """`safer-desk .`, `safer-desk ~`: a folder opens nothing; it is offered for import only if it may hold a
    police.uk download (it was asked "Import  into office.sqlite?" of any folder, and read through all of it)."""
    from safer_desk.exchange.police_uk import folder_may_hold_street_files

    if not folder_may_hold_street_files(path):
        from safer_desk.storage.store import files_held_words, sqlite_files_in

        folder = path.resolve()
        held = sqlite_files_in(folder)  # the name to give, when the folder holds one: not an example it lacks
        name = files_held_words(held) if held else f"Give the file's own name (for example {folder / 'office.sqlite'})"
        raise CliError(f"{folder} is a folder, not a Safer Desk file, and holds no police.uk data to import (no .csv "
                       f"or .zip files). {name}, or open it with File > Open in the window.")


def _police_data(path) -> bool:
    """Whether a file given to the window is police.uk data (a street .csv, a download .zip, a folder of them)
    rather than a Safer Desk file, as a drop on the window tells them apart. A Safer Desk file's ending (the
    usual start) is told without loading the drop rule."""
    from pathlib import Path

    from safer_desk.services.files import OFFICE_SUFFIXES

    if Path(path).suffix.lower() in OFFICE_SUFFIXES:
        return False
    from safer_desk.presenters.drops import Dropped, what_was_dropped

    return what_was_dropped([path]).kind == Dropped.POLICE
