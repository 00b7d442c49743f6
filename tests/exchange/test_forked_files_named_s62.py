"""S62 (files): three files of one office that disagree about its exports are named in plain English.

Copies of one office's file, each exported, merged together: "Mid_Suffolkx.sqlite cannot be merged: it is … export
number 2, and Ipswichx.sqlite, West_Suffolkx.sqlite disagrees with it" — a list without "and", with a verb for one
file. Now "Ipswichx.sqlite and West_Suffolkx.sqlite disagree with it".
"""

from __future__ import annotations

import shutil

from tests.cli_run import run
from tests.exchange.helpers import accept_key_args


def test_two_files_disagreeing_with_a_third_are_named_with_and_and_a_plural_verb(demo_path, tmp_path, capsys):
    copies = [shutil.copyfile(demo_path, tmp_path / f"copy{n}.sqlite") for n in (1, 2, 3)]
    exports = []
    for n, copy in enumerate(copies, 1):
        exports.append(tmp_path / f"e{n}.sqlite")
        assert run(capsys, "export", copy, exports[-1])[0] == 0
    code, _, err = run(capsys, "merge", tmp_path / "county.sqlite", *exports, *accept_key_args())
    assert code == 1
    assert "e2.sqlite and e3.sqlite disagree with it" in err, err
    assert "e1.sqlite and e3.sqlite disagree with it" in err, err
    assert "disagrees" not in err, err
