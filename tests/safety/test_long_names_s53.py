"""A name too long for the files written beside it (session 53).

Seen: `safer-desk demo` wrote a 248-character name (and 121 accented letters + ".sqlite", 249 bytes) that every
later write then refused; the refusal of the accented one said "too long (128 characters) … at most 247
characters"; and `check` stopped on the file with an error and no report, where `projects` read it.
"""

from __future__ import annotations

import sqlite3

import pytest

from safer_desk.services.demo import DemoError, build_demo
from safer_desk.services.integrity import check_file
from safer_desk.storage.store import NameTooLong, open_store

ACCENTED = "é" * 121 + ".sqlite"  # 128 characters, 249 bytes: its "-journal" would be 257 bytes


def test_the_example_is_not_written_under_a_name_no_later_change_could_be_saved_to(tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    with pytest.raises(DemoError, match="at most 247 characters"):
        build_demo(folder / ("d" * 241 + ".sqlite"))
    with pytest.raises(DemoError, match="too long"):
        build_demo(folder / ACCENTED)
    assert list(folder.iterdir()) == []
    build_demo(folder / ("d" * 240 + ".sqlite"))  # the longest that fits is still written


def test_the_refusal_of_an_accented_name_gives_the_limit_in_the_measure_the_disk_uses(tmp_path):
    with pytest.raises(NameTooLong) as refused:
        open_store(tmp_path / ACCENTED, create=True)
    words = str(refused.value)
    assert "128 characters, 249 bytes" in words
    assert "at most 247 characters" not in words  # 128 is fewer than 247: the refusal contradicted itself
    assert "at most 247 bytes" in words and "at least 1 character shorter" in words
    open_store(tmp_path / ("é" * 120 + ".sqlite"), create=True).close()  # one fewer fits


def test_check_reads_a_file_whose_name_is_too_long_and_says_so(tmp_path, demo_path):
    path = tmp_path / ACCENTED
    path.write_bytes(demo_path.read_bytes())  # named so by hand, outside Safer Desk
    report = check_file(path)
    text = "\n".join(report.lines())
    assert not report.ok
    assert "too long" in text and "Rename it" in text
    assert "journal" not in text.split("too long")[0]  # not the journal's failure, the name's
    assert report.kind == "Safer Desk file", text  # its contents were still checked
    assert any(f.ok and "integrity" in f.text.lower() for f in report.findings), text
    assert sqlite3.connect(path).execute("SELECT count(*) FROM projects").fetchone()[0] > 0
