"""A district officer's first day with the start page, File > New and the office set-up (session 64)."""

from __future__ import annotations

import pytest

from safer_desk.ui import prompts as prompts_module


def test_file_new_never_asks_to_replace_a_file_it_then_refuses_to_replace(window, tmp_path, monkeypatch, prompts):
    """File > New onto a file that is there: the file dialog asked "office.sqlite already exists. Do you want to
    replace it?", and after Yes the window refused ("already exists; open it with File > Open instead"): the
    question offered what was never done. New never replaces a file, so the dialog does not ask; the refusal says
    so."""
    existing = tmp_path / "office.sqlite"
    existing.write_bytes(b"not touched")
    asked = []

    def save_file_name(*args, **kwargs):
        asked.append(kwargs)
        return str(existing)

    monkeypatch.setattr(prompts_module, "save_file_name", save_file_name)
    window.new_file()
    assert asked and asked[0].get("confirm_overwrite") is False, asked
    assert prompts.errors and "already exists" in prompts.errors[0][1]
    assert existing.read_bytes() == b"not touched" and window.session.store is None


@pytest.mark.parametrize("typed, district, county", [
    ("Cardiff", "Cardiff", "South Glamorgan"), ("Ynys Môn", "Isle of Anglesey", "Gwynedd"),
    ("ynys mon", "Isle of Anglesey", "Gwynedd"), ("Ipswich", "Ipswich", "Suffolk"), ("Caerdydd", "Cardiff",
                                                                                       "South Glamorgan")])
def test_a_district_typed_as_the_county_is_said_to_be_a_district_and_where_it_lies(store, typed, district, county):
    """`safer-desk office FILE --county Cardiff` (a Cardiff CSP officer's first guess), "Ynys Môn" or "Ipswich":
    the warning said only that no district lies in a county of that name, with no nearest name, so the officer
    could not tell what to type instead. It says the name is a district's, and which county it lies in."""
    from safer_desk.services import reference as ref

    said = ref.county_doubt(store, typed)
    assert f"“{typed}” is a district ({district}), not a county" in said or (
        typed == district and f"“{typed}” is a district, not a county" in said), said
    quoted = f'"{district}"' if " " in district else district
    assert f"it lies in {county}" in said and f"--district {quoted}" in said, said


def test_a_unitary_authority_typed_as_the_county_is_said_to_need_no_county(store):
    from safer_desk.services import reference as ref

    said = ref.county_doubt(store, "Plymouth")
    assert "“Plymouth” is a unitary authority, not a county" in said, said
    assert "no county" in said and "--district Plymouth" in said


def test_a_county_and_a_slip_are_said_as_before(store):
    from safer_desk.services import reference as ref

    assert ref.county_doubt(store, "Suffolk") == "" and ref.county_doubt(store, "Gwynedd") == ""
    assert "did you mean Suffolk?" in ref.county_doubt(store, "Suffok")


def test_a_read_only_empty_file_does_not_say_to_start_setting_it_up(tmp_path):
    """A new file open in another window, opened here read-only: the start page said "Nothing has been added to
    this file yet. To start:" and offered Set Your Districts and Partnerships… as "whose file this is: your
    office's districts …", in a window that can save none of it (Office Details' Save is greyed out). It says the
    file is open read-only, and the step shows what the file says, not what to set."""
    from safer_desk.presenters.start import Step, start_page
    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    store = open_store(path, read_only=True)
    try:
        page = start_page(store)
        assert "To start" not in page.text and "read-only" in page.text, page.text
        assert "read-only" in page.note(Step.PLACES) and "your office's" not in page.note(Step.PLACES)
    finally:
        store.close()


ONEDRIVE = ("C:\\Users\\firstname.lastname\\OneDrive - Babergh and Mid Suffolk District Councils\\Communities and "
            "Wellbeing\\Community Safety Partnership\\Western Suffolk CSP 2025-26\\Board papers\\Western Suffolk CSP "
            "office.sqlite")


def test_a_recent_file_deep_in_folders_is_listed_by_its_name_with_its_folder_shortened():
    from safer_desk.presenters.recent import recent_label

    shown = recent_label(ONEDRIVE)
    assert shown == "C:\\Users\\…\\Western Suffolk CSP 2025-26\\Board papers\\Western Suffolk CSP office.sqlite", shown
    assert recent_label("C:\\Users\\me\\office.sqlite") == "C:\\Users\\me\\office.sqlite"  # short: as it is
    unc = "\\\\council-fs01\\shared\\" + "Community Safety\\" * 8 + "babergh.sqlite"
    assert recent_label(unc).startswith("\\\\council-fs01\\shared\\…\\") and recent_label(unc).endswith(
        "\\babergh.sqlite")
    assert recent_label("/home/me/" + "x" * 200 + "/office.sqlite").endswith("/…/office.sqlite")


def test_open_recent_shows_the_name_of_a_file_deep_in_folders(window, tmp_path):
    """A file in a OneDrive folder (a path of 200 characters and more): Open Recent listed the whole path, a menu
    wider than a 1366x768 laptop's screen, cut off before the file's name, so the entries could not be told apart.
    The folder is shortened in the middle and the name shown whole; the whole path is the entry's tip."""
    folder = tmp_path / "OneDrive - Babergh and Mid Suffolk District Councils" / "Communities and Wellbeing" / (
        "Community Safety Partnership") / "Western Suffolk CSP 2025-26" / "Board papers"
    folder.mkdir(parents=True)
    path = folder / "Western Suffolk CSP office.sqlite"
    assert window.open_path(path, create=True)
    window._fill_recent_menu()
    action = window.recent_menu.actions()[0]
    assert action.text().startswith("&1 ") and action.text().endswith("/Board papers/Western Suffolk CSP office.sqlite")
    assert len(action.text()) <= 115, action.text()
    assert action.statusTip() == str(path) and action.toolTip() == str(path)
    window.set_store(None)
    action.trigger()
    assert window.session.store is not None and window.session.store.path == path


def test_the_status_bar_shows_a_long_path_shortened_and_leaves_room_for_its_messages(window, tmp_path):
    """The status bar showed a OneDrive path whole: at 1093x582 it filled the bar, cut off before the file's name,
    and the bar's messages ("Backup written to …", "office.sqlite is already open in this window") had no room left
    beside it and were not seen. It shows the path as Open Recent lists it, the whole path its tip."""
    folder = tmp_path / "OneDrive - Babergh and Mid Suffolk District Councils" / "Communities and Wellbeing" / (
        "Community Safety Partnership") / "Western Suffolk CSP 2025-26" / "Board papers"
    folder.mkdir(parents=True)
    path = folder / "Western Suffolk CSP office.sqlite"
    window.resize(1093, 582)
    window.show()
    assert window.open_path(path, create=True)
    label = window.file_label
    assert label.text().endswith("/Board papers/Western Suffolk CSP office.sqlite") and "…" in label.text()
    assert label.toolTip() == str(path)
    assert label.sizeHint().width() <= window.width() // 2, label.sizeHint().width()


@pytest.mark.parametrize("typed, found", [
    ("kings lynn", "King's Lynn and West Norfolk"), ("Stoke on Trent", "Stoke-on-Trent"),
    ("ynys", "Isle of Anglesey"), ("Ynys Mon", "Isle of Anglesey"), ("caerd", "Cardiff"),
    ("St. Helens", "St. Helens"), ("brighton & hove", "Brighton and Hove")])
def test_office_details_filter_finds_a_district_as_officers_type_it(store, typed, found):
    """Office Details' district filter looked for the text exactly as typed: "kings lynn", "Stoke on Trent" and
    "ynys" (Ynys Môn, Anglesey's Welsh name, begun) showed 'No district's name contains …', though the command line
    and the other screens' Find take them. It finds them as Find does."""
    from safer_desk.presenters.office import OfficePresenter

    picker = OfficePresenter(store).district_picker()
    picker.set_filter(typed)
    names = [r.name for r in picker.rows()]
    assert found in names, (typed, names[:10])
    assert "No district" not in picker.filter_note()
