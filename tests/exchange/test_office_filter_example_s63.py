"""Office Details…' district filter said "Type part of a name, e.g. suff" to every office: a Suffolk example for a
Plymouth, Oxford or Gwynedd officer. The example follows the county chosen, and is none without one."""

from safer_desk.presenters.office import DistrictPicker


def test_the_picker_s_example_is_the_county_chosen():
    picker = DistrictPicker([], {}, "Suffolk")
    assert picker.filter_example == "Type part of a name, e.g. suff"
    picker.set_county("Oxfordshire")
    assert picker.filter_example == "Type part of a name, e.g. oxfo"
    picker.set_county("")
    assert picker.filter_example == "Type part of a name"


def test_office_details_shows_a_plymouth_office_no_suffolk_example(window, qtbot, tmp_path):
    assert window.open_path(tmp_path / "plymouth.sqlite", create=True)
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    assert dialog.district_filter.placeholderText() == "Type part of a name"
    dialog.county_combo.setCurrentIndex(dialog.county_combo.findData("Devon"))
    assert dialog.district_filter.placeholderText() == "Type part of a name, e.g. devo"
    qtbot.keyClicks(dialog.district_filter, "devo")
    shown = [dialog.district_list.item(i).text() for i in range(dialog.district_list.count())]
    assert "East Devon" in shown and "Mid Devon" in shown  # the example finds the county's districts
    dialog.reject()
