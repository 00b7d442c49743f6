"""Messages on standard error in a Windows code page that lacks the typographer's quotes and dashes (session 70).
Standard error is written in the code page (cp850 in a console set so, cp1252 redirected to a file), and what it has
no letter for was printed as "?": "there is no fund called ?S?n?" in cp850, "298 ? 301" for an arrow; the words
lost their quote marks and read as a question. They are written with plain stand-ins ("Swn" in plain quotes, "->")
instead; standard output's CSV is as before (a letter it lacks printed as "?", with a warning)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _run(encoding: str, *argv) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    env.pop("PYTHONUTF8", None)
    return subprocess.run([sys.executable, "-m", "safer_desk", *map(str, argv)], capture_output=True, env=env,
                          timeout=120)


@pytest.mark.parametrize("encoding", ["cp850", "cp1252", "cp437"])
def test_a_refusal_naming_a_welsh_fund_reads_plainly_in_the_code_page(demo_path, encoding):
    result = _run(encoding, "fund", demo_path, "Cronfa Sŵn")
    assert result.returncode == 1
    err = result.stderr.decode(encoding)
    assert "Traceback" not in err
    assert 'there is no fund called "Cronfa Swn"' in err or "there is no fund called “Cronfa Swn”" in err, err
    assert "?" not in err, err


def test_a_message_with_an_arrow_a_minus_and_quotes_keeps_their_sense():
    from safer_desk.cli.common import PLAIN_STAND_INS

    said = "Jan-25: 298 → 301, −£5, “pilot” – Women’s Aid … Tŷ Hafan, Sir Gâr ⚠"
    assert said.encode("cp850", errors=PLAIN_STAND_INS).decode("cp850") == \
        'Jan-25: 298 -> 301, -£5, "pilot" - Women\'s Aid ... Ty Hafan, Sir Gâr ?'
    assert said.encode("cp1252", errors=PLAIN_STAND_INS).decode("cp1252") == \
        "Jan-25: 298 -> 301, -£5, “pilot” – Women’s Aid … Ty Hafan, Sir Gâr ?"


def test_the_warning_of_letters_lost_names_them_where_standard_error_cannot_write_them(tmp_path):
    from safer_desk.storage.store import open_store
    from safer_desk.services import projects as svc

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    svc.save_project(store, svc.project_from_fields({"title": "Tŷ Hafan √", "cost": "£5,000"}))
    store.close()
    result = _run("cp1252", "projects", path)
    assert result.returncode == 0
    assert b"T? Hafan ?" in result.stdout  # the CSV as before: "?", never a stand-in
    err = result.stderr.decode("cp1252")
    assert "U+0177 (latin small letter y with circumflex)" in err and "U+221A (square root)" in err, err
    assert "no y (" not in err


def test_the_summary_of_an_import_on_standard_output_keeps_its_arrow_in_the_code_page(demo_path, tmp_path):
    # `safer-desk import-figures office.sqlite figures.csv > import.log` on Windows: cp1252 has no "→".
    sheet = tmp_path / "figures.csv"
    sheet.write_bytes("indicator,area,period,value\r\nAll crime,Babergh,2025-01,301\r\n".encode("cp1252"))
    result = _run("cp1252", "import-figures", demo_path, sheet)
    assert result.returncode == 0, result.stderr
    assert b"Jan-25: 298 (police.uk import) -> 301" in result.stdout, result.stdout
