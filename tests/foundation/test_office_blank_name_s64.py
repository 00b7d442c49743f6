"""`safer-desk office FILE --partnership ""` (or `--district ""`, or a name of spaces) said "There is no partnership
called “”", as if a partnership of no name had been looked for; it now says a name must be given, and how to forget
the areas named (--clear). The file is left as it was."""

from __future__ import annotations

import pytest

from tests.cli_run import run


@pytest.mark.parametrize("option, kind", [("--partnership", "partnership"), ("--district", "district")])
@pytest.mark.parametrize("blank", ["", "   "])
def test_a_blank_name_is_asked_for_not_looked_up(capsys, demo_path, option, kind, blank):
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "office", demo_path, option, blank)
    assert code == 2, err
    assert f"{option} needs a {kind}'s name" in err and "--clear" in err, err
    assert "There is no" not in err and "“”" not in err, err
    assert demo_path.read_bytes() == before


def test_a_blank_among_names_is_refused_too(capsys, demo_path):
    code, _, err = run(capsys, "office", demo_path, "--partnership", "Western Suffolk CSP", "--partnership", "")
    assert code == 2 and "--partnership needs a partnership's name" in err, err
