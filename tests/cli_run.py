"""Running `safer-desk` in the test's own process, as a county team's script would from a shell."""

from __future__ import annotations

from safer_desk.cli import main


def run(capsys, *argv) -> tuple[int, str, str]:
    """(exit code, standard output, standard error) of `safer-desk ARGV…`; argparse's usage errors included."""
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse's own usage errors
        code = exc.code
    out = capsys.readouterr()
    return int(code or 0), out.out, out.err
