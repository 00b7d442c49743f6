"""`safer-desk screenshot OUT.png` on a computer where Safer Desk has never opened its window (IT trying the
program headless first): the officer's own file is not made yet."""

from __future__ import annotations

from tests.cli_run import run


def test_a_screenshot_of_the_own_file_before_it_is_made_says_what_to_give(capsys, private_home, tmp_path):
    # Before: "there is no file at /home/ann/.local/share/Safer Desk/safer-desk.sqlite.", a file nobody had named.
    code, out, err = run(capsys, "screenshot", tmp_path / "shot.png")
    assert code == 1 and out == "" and not (tmp_path / "shot.png").exists()
    assert f"your own file ({private_home / 'safer-desk.sqlite'}) is not made yet" in err, err
    assert "the window makes it when it first opens" in err and "give FILE, or --demo for the example data" in err
