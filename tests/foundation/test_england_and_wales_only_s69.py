"""Office Details… listed the 32 Scottish council areas and 11 Northern Irish districts of the ONS lookup among the
districts an office may name ("Aberdeen City", "Aberdeenshire" at the top of a new file's list, before Adur):
Community Safety Partnerships are England's and Wales's (Crime and Disorder Act 1998), and data.police.uk files no
figures under a Scottish or Northern Irish area, so nothing in an English or Welsh office needs them. They are left
out of the list, and naming one is refused saying why."""

from datetime import date

import pytest

from safer_desk.presenters.office import OfficePresenter
from safer_desk.services import reference as ref
from tests.cli_run import run

TODAY = lambda: date(2026, 11, 28)  # noqa: E731


def test_office_details_lists_only_the_districts_of_england_and_wales(store):
    picker = OfficePresenter(store, today=TODAY).district_picker()
    names = [r.name for r in picker.rows()]
    assert names[0] == "Adur", names[:3]
    assert not {"Aberdeen City", "Glasgow City", "Belfast", "Fife"} & set(names)
    assert {"Cardiff", "Isle of Anglesey", "Gwynedd", "Plymouth", "Babergh"} <= set(names)
    assert len(picker.choices) == 318  # 296 English districts and unitary authorities, 22 Welsh principal areas
    picker.set_filter("glasgow")
    assert picker.rows() == []
    assert picker.filter_note() == ("Glasgow City is a council area of Scotland: Safer Desk keeps the districts of "
                                    "England and Wales, where Community Safety Partnerships are. Press Esc to clear "
                                    "the filter.")


@pytest.mark.parametrize("typed, nation", [("Glasgow City", "Scotland"), ("belfast", "Northern Ireland")])
def test_naming_a_scottish_or_northern_irish_area_is_refused_saying_why(store, typed, nation):
    with pytest.raises(ref.ReferenceError) as refused:
        ref.set_office_scope(store, districts=[typed])
    name = "Glasgow City" if typed == "Glasgow City" else "Belfast"
    kind = "council area" if nation == "Scotland" else "district"
    assert str(refused.value) == (f"{name} is a {kind} of {nation}: Safer Desk keeps the districts of England and "
                                  "Wales, where Community Safety Partnerships are, so it cannot be one of the "
                                  "office's districts.")
    assert ref.office_scope(store).districts == () and store.rows("SELECT name FROM districts") == []


def test_the_command_line_refuses_a_scottish_area_and_changes_nothing(store, capsys):
    path = store.path
    store.close()
    code, out, err = run(capsys, "office", path, "--district", "Cardiff", "--district", "Aberdeen City")
    assert code == 1 and "Aberdeen City is a council area of Scotland" in err, err
    from safer_desk.storage.store import open_store

    again = open_store(path)
    try:
        assert again.rows("SELECT name FROM districts") == []  # Cardiff, named beside it, was not taken either
    finally:
        again.close()


def test_a_file_that_already_holds_a_scottish_area_keeps_it(store):
    """What an older file holds is never dropped: its Aberdeen City stays listed, ticked and named."""
    ref.add_district(store, "Aberdeen City", ons_code="S12000033")
    ref.set_office_scope(store, districts=["Aberdeen City", "Cardiff"])
    assert [a.name for a in ref.office_scope(store).districts] == ["Aberdeen City", "Cardiff"]
    assert [c.name for c in OfficePresenter(store, today=TODAY).districts() if c.chosen] == ["Aberdeen City", "Cardiff"]
