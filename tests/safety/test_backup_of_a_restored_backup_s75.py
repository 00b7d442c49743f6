"""Back Up Now while working in a restored backup (opened from the backups folder, as the guide says to restore one)
wrote its backup to backups/backups/, a folder of its own under the backups, where the officer looking beside the
other backups of that office file never found it, and where the last five of the file were not counted. It now goes
beside them, named and kept as a backup of the office file; the backup open in the window is never removed by it."""

from __future__ import annotations

from safer_desk.services.files import back_up, open_office_file
from safer_desk.storage.store import KEEP_BACKUPS, backups_folder, backups_of, make_backup
from tests.foundation.test_window_files import make_file


def test_back_up_now_of_a_restored_backup_goes_beside_the_other_backups_of_its_file(tmp_path, private_home):
    office = make_file(tmp_path / "office.sqlite")
    restored = make_backup(office, reason="on-demand")
    opened = open_office_file(restored)  # the officer working in it
    try:
        made = back_up(restored, store=opened.store)
    finally:
        opened.store.close()
    assert made.parent == backups_folder(office)
    assert not (backups_folder(office) / "backups").exists()
    assert backups_of(office) == [restored, made]


def test_the_backups_of_a_restored_backup_count_among_its_files_last_five_and_never_remove_it(tmp_path,
                                                                                               private_home):
    office = make_file(tmp_path / "office.sqlite")
    restored = make_backup(office, reason="on-demand")
    opened = open_office_file(restored)
    try:
        for _ in range(KEEP_BACKUPS + 1):
            made = back_up(restored, store=opened.store)
        assert restored.exists() and made.exists()
        assert len(backups_of(office)) == KEEP_BACKUPS + 1  # the five and the one open in the window
    finally:
        opened.store.close()


def test_an_office_file_kept_in_a_folder_named_backups_is_backed_up_beside_it_as_before(tmp_path, private_home):
    folder = tmp_path / "backups"
    folder.mkdir()
    office = make_file(folder / "office.sqlite")  # not named as a backup is: the office's own file
    made = back_up(office)
    assert made.parent == folder / "backups" and backups_of(office) == [made]


def test_the_window_says_where_the_backup_of_a_restored_backup_went(tmp_path, private_home, window, prompts):
    office = make_file(tmp_path / "office.sqlite")
    restored = make_backup(office, reason="on-demand")
    assert window.open_path(restored)
    window.backup_action.trigger()
    assert prompts.errors == []
    said = window.statusBar().currentMessage()
    [made] = [b for b in backups_of(office) if b != restored]
    assert str(made) in said
    assert not (backups_folder(office) / "backups").exists()


def test_the_backup_before_upgrading_a_restored_backup_goes_beside_the_other_backups_too(tmp_path, private_home):
    """An older version's backup opened to restore it is upgraded, and the backup made first went to backups/backups/
    as Back Up Now's did."""
    from safer_desk.storage.store import open_store
    from tests.safety.helpers import make_older_file

    office = make_older_file(tmp_path / "office.sqlite")
    restored = make_backup(office, reason="on-demand")
    open_store(restored).close()  # upgraded, backed up first
    assert not (backups_folder(office) / "backups").exists()
    upgrade = [b for b in backups_of(office) if ".before-upgrade." in b.name]
    assert len(upgrade) == 1 and upgrade[0].parent == backups_folder(office), backups_of(office)
