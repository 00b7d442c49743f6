"""`safer-desk check` wrote what it found wrong to standard output, where DESIGN §4 wants errors: on standard error,
with exit 1. What passed stays on standard output; a file that passes writes nothing to standard error."""

from __future__ import annotations

from tests.exchange.helpers import cli_output


def test_what_is_wrong_goes_to_stderr(tmp_path):
    code, out, err = cli_output(["check", str(tmp_path)])
    assert code == 1 and out == f"{tmp_path.name}: a folder\n"
    assert err.splitlines() == [f"  PROBLEM: {tmp_path} is a folder, not a Safer Desk file",
                                "Something is wrong: see PROBLEM above."]


def test_a_file_that_passes_says_nothing_on_stderr(demo_path):
    code, out, err = cli_output(["check", str(demo_path)])
    assert code == 0 and err == "" and out.splitlines()[-1] == "All checks passed."
    assert "PROBLEM" not in out and "  ok: " in out
