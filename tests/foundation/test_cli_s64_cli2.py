"""The command line as an officer's script meets it (s64, cli2).

1. `safer-desk check FILE --repair` on a sound office file ended "All checks passed." exactly as `check` without
   --repair does: the officer who asked for a repair was not told whether one was made. A sound file is not a
   refusal (exit 0, DESIGN §4), and the last line now says nothing needed repairing.
"""

from __future__ import annotations

from tests.cli_run import run


# -- 1. --repair of a sound file ------------------------------------------------------------------------------------

def test_repair_of_a_sound_file_exits_0_saying_nothing_needed_repairing(demo_path, capsys):
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "check", demo_path, "--repair")
    assert (code, err) == (0, "")
    assert out.rstrip().splitlines()[-1] == "All checks passed: nothing needed repairing."
    assert "repaired:" not in out
    assert demo_path.read_bytes() == before


def test_check_without_repair_still_ends_all_checks_passed(demo_path, capsys):
    code, out, err = run(capsys, "check", demo_path)
    assert (code, err) == (0, "")
    assert out.rstrip().splitlines()[-1] == "All checks passed."
