"""Entry point of the packaged program: the same as the `safer-desk` command of a pip install.

PyInstaller freezes this script; everything else is the installed `safer_desk` package.
On Windows the build also has `Safer Desk.exe`, built without a console: there sys.stdout and
sys.stderr are None, so they go to a buffer, and a refusal that would have been printed (e.g. a
missing file given on the command line of a shortcut) is shown in a message box instead.
"""

import sys


def main(argv: list[str] | None = None) -> int:
    """The `safer-desk` command (imported only when it is the program that runs, not a helper)."""
    from safer_desk.cli import main as command

    return command(argv)


def run_windowed() -> int:
    """No console (Windows `Safer Desk.exe`): keep writes working and show a refusal in a box, as pip's
    `safer-desk-window` does (safer_desk.cli.windowed)."""
    from safer_desk.cli.windowed import run_windowed as windowed

    return windowed(main, system_box)


def system_box(text: str) -> None:
    """Windows' own message box, which needs nothing of Qt."""
    from safer_desk.cli.windowed import system_box as box

    box(text)


def run() -> int:
    """The program, or (given police_count.HELPER_ARGUMENT) one of a big police.uk import's helper processes,
    which loads nothing but the counting."""
    from safer_desk.exchange import police_count

    if sys.argv[1:2] == [police_count.HELPER_ARGUMENT]:
        police_count.helper_main()
        return 0
    return run_windowed() if sys.stderr is None else main()


if __name__ == "__main__":
    sys.exit(run())
