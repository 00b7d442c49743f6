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
