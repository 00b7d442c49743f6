"""File > New with a name longer than the disk allows (a long title pasted in as the name, or a Welsh one whose accents
take two bytes each past the 255 a name may have) went to the window's unexpected-error report, "File name too long"
and a traceback, from the check that the file was not there yet; File > Open of such a name did the same. Each is now
refused as a file the disk refuses, saying why, and nothing is made."""

from __future__ import annotations

LONG = "Ynys Môn Community Safety Partnership register " * 6  # 282 characters, 288 bytes: past 255 bytes


def test_a_new_file_named_longer_than_the_disk_allows_is_refused_saying_why(window, prompts, tmp_path):
    prompts.file_names.append(str(tmp_path / LONG))
    window.new_file()
    [(title, text)] = prompts.errors
    assert title == "Cannot make file" and "the name or path is too long" in text, text
    assert window.session.store is None and list(tmp_path.iterdir()) == [tmp_path / "home"]


def test_opening_a_name_longer_than_the_disk_allows_is_refused_saying_why(window, prompts, tmp_path):
    prompts.file_names.append(str(tmp_path / f"{LONG}.sqlite"))
    window.choose_and_open()
    [(title, text)] = prompts.errors
    assert title == "Cannot open file" and "the name or path is too long" in text, text
    assert window.session.store is None
