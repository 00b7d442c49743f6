"""Session 73 (ind7): a Suffolk office that chose Devon & Cornwall's download by mistake had it imported into its file
with only a sentence afterwards ("Devon & Cornwall Police polices none of this office's districts …"), and an import
is no step of Edit > Undo: the officer who picked the wrong folder kept 30,135 wrong rows in the office's file. Now the
window asks first, naming the force, and imports nothing unless told to. The command line imports what a script
names, as DESIGN.md's contract has it, and says whose files they are in its summary."""

from __future__ import annotations

import pytest

from safer_desk.services.police_import import OtherForceFiles, import_police_files
from safer_desk.storage.store import open_store
from tests.cli_run import run
from tests.conftest import shared_data
from tests.indicators.police_helpers import snapshot

DEVON = ("police-uk", "devon-and-cornwall-2020-q1", "download-a")


def test_the_command_line_imports_another_forces_download_as_design_md_has_it_and_says_so(demo_path, capsys):
    # DESIGN.md's `import-police FILE CSV_FOLDER_OR_ZIP...` imports what a script names; the summary says whose it is.
    code, out, err = run(capsys, "import-police", demo_path, shared_data(*DEVON))
    assert code == 0, err
    assert "Imported 30,135 rows" in out and "none of this office's districts" in out, out
    store = open_store(demo_path)
    try:
        assert store.scalar("SELECT sum(rows) FROM _police_vintages WHERE force = 'Devon & Cornwall Police'") == 30135
    finally:
        store.close()


def test_the_command_line_has_no_option_to_refuse_or_allow_it(demo_path, capsys):
    code, out, err = run(capsys, "import-police", demo_path, shared_data(*DEVON), "--other-force")
    assert code == 2 and "--other-force" in err, (out, err)


def test_the_service_refuses_until_told_and_a_force_held_already_is_not_asked_again(demo_store):
    with pytest.raises(OtherForceFiles) as refused:
        import_police_files(demo_store, [shared_data(*DEVON)])
    assert refused.value.forces == ["Devon & Cornwall Police"]
    assert not demo_store.scalar("SELECT count(*) FROM _police_vintages WHERE force = 'Devon & Cornwall Police'")
    import_police_files(demo_store, [shared_data(*DEVON)], other_forces=True)
    # the office chose to hold that force's counts: its next download is imported without the question
    again = import_police_files(demo_store, [shared_data("police-uk", "devon-and-cornwall-2020-q1", "download-b")])
    assert again.outside == ["Devon & Cornwall Police"]


def test_a_file_that_names_no_office_is_not_asked(store):
    result = import_police_files(store, [shared_data(*DEVON)])
    assert result.rows == 30135


def test_the_window_asks_first_and_no_imports_nothing(demo_window, prompts, qtbot):
    store = demo_window.session.store
    before = snapshot(store)
    prompts.file_names.append(str(shared_data(*DEVON)))
    prompts.answers.append(False)
    demo_window.import_police_actions[1].trigger()
    qtbot.waitUntil(lambda: bool(prompts.questions or prompts.errors or prompts.infos), timeout=60000)
    assert not prompts.errors and not prompts.infos, (prompts.errors, prompts.infos)
    (title, text), = prompts.questions
    assert "Devon & Cornwall Police" in text and "Babergh" in text and "Undo" in text, text
    assert snapshot(store) == before
    assert "not imported" in demo_window.statusBar().currentMessage()


def test_the_window_imports_it_when_the_officer_says_so(demo_window, prompts, qtbot):
    store = demo_window.session.store
    prompts.file_names.append(str(shared_data(*DEVON)))
    prompts.answers.append(True)
    demo_window.import_police_actions[1].trigger()
    qtbot.waitUntil(lambda: bool(prompts.infos or prompts.errors), timeout=60000)
    assert not prompts.errors, prompts.errors
    assert len(prompts.questions) == 1, prompts.questions
    assert any("Imported 30,135 rows" in text for _title, text in prompts.infos), prompts.infos
    assert store.scalar("SELECT sum(rows) FROM _police_vintages WHERE force = 'Devon & Cornwall Police'") == 30135
