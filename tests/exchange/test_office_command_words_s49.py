"""The `safer-desk office …` command a message suggests can be pasted as printed (round 49): it named the file
alone ("safer-desk office county ☃.sqlite"), without its folder and unquoted, so it failed wherever it was run."""

from __future__ import annotations

import shlex

import pytest

from safer_desk.services.county import export_name_words, unnamed_file_words
from tests.exchange.helpers import new_office


@pytest.mark.parametrize("folder", ["plain", "odd dir/Ünïcødé ☃"])
@pytest.mark.parametrize("words", [unnamed_file_words, export_name_words])
def test_the_suggested_command_names_the_whole_path_quoted(tmp_path, folder, words):
    path = tmp_path / folder / "county ☃.sqlite"
    path.parent.mkdir(parents=True)
    store = new_office(path, path.stem)  # still called after its file
    try:
        text = words(store)
    finally:
        store.close()
    command = text.split("`")[1]
    argv = shlex.split(command)
    assert argv[:3] == ["safer-desk", "office", str(path)] and argv[3] == "--name", command


@pytest.mark.parametrize(("text", "windows", "said"), [
    ("C:\\Users\\Jo\\county.sqlite", True, "C:\\Users\\Jo\\county.sqlite"),
    ("C:\\Users\\Jo Bloggs\\county ☃.sqlite", True, '"C:\\Users\\Jo Bloggs\\county ☃.sqlite"'),
    ("/home/jo/county.sqlite", False, "/home/jo/county.sqlite"),
    ("/home/jo/it's here.sqlite", False, "'/home/jo/it'\"'\"'s here.sqlite'"),
    ("back\\slash.sqlite", False, "'back\\slash.sqlite'"),
])
def test_a_word_is_quoted_as_each_system_takes_it(text, windows, said):
    from safer_desk.domain.text import shell_word

    assert shell_word(text, windows=windows) == said
