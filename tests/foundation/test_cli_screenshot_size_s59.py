"""`safer-desk screenshot … --size` refused sizes without saying why (session 59).

`--size 10x10` and `--size 9000x600` said only "invalid size (WxH, e.g. 1093x582) value: '10x10'": the form was
right, and nothing said the window has a smallest and largest size. The README's own table writes the laptop's
size as "1093×582" (the multiplication sign); typed as the README shows it, it was refused as not a size at all.
"""

from __future__ import annotations

import pytest

from safer_desk.cli.app import window_size
from tests.cli_run import run


@pytest.mark.parametrize("typed", ["1093×582", "1093 × 582", "1093X582", "1093x582"])
def test_a_size_is_read_with_the_multiplication_sign_as_the_readme_writes_it(typed):
    assert window_size(typed) == (1093, 582)


@pytest.mark.parametrize("typed, said", [
    ("10x10", "“10x10” is too small: the window is drawn from 320x240 to 8000x8000."),
    ("9000x600", "“9000x600” is too large: the window is drawn from 320x240 to 8000x8000."),
    ("abc", "“abc” is not a size: give the width and height in pixels, such as 1093x582."),
    ("1093x", "“1093x” is not a size: give the width and height in pixels, such as 1093x582."),
])
def test_a_size_refused_says_why(tmp_path, capsys, typed, said):
    out = tmp_path / "window.png"
    code, stdout, err = run(capsys, "screenshot", out, "--size", typed, "--demo")
    assert code == 2 and stdout == ""
    assert err.strip().splitlines()[-1] == f"safer-desk screenshot: error: argument --size: {said}"
    assert not out.exists()
