"""Office Details…' name box showed "e.g. Babergh and Mid Suffolk CSP office" to every office: a Suffolk example for a
Plymouth or Cardiff officer. The example follows what is ticked (a partnership's name, else a district's), and is a
plain one before anything is."""

from safer_desk.presenters.office import DistrictPicker, ScopeChoice
from tests.exchange.test_ui_office import tick


def test_the_example_follows_what_is_ticked():
    picker = DistrictPicker([ScopeChoice("d1", "Cardiff", False), ScopeChoice("d2", "Vale of Glamorgan", False)], {},
                            "", covers={"p1": ("Safer Plymouth", frozenset())})
    assert picker.name_example == "e.g. Community Safety Partnership office"
    picker.tick("d2", True)
    assert picker.name_example == "e.g. Vale of Glamorgan CSP office"
    picker.set_partnerships(["p1"])
    assert picker.name_example == "e.g. Safer Plymouth office"


def test_office_details_shows_a_plymouth_office_no_suffolk_example(window, qtbot, tmp_path):
    assert window.open_path(tmp_path / "plymouth.sqlite", create=True)
    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    assert dialog.name_box.placeholderText() == "e.g. Community Safety Partnership office"
    dialog.county_combo.setCurrentIndex(dialog.county_combo.findData("Devon"))
    qtbot.keyClicks(dialog.district_filter, "plym")
    tick(qtbot, dialog.district_list, "Plymouth")
    assert dialog.name_box.placeholderText() == "e.g. Plymouth CSP office"
    dialog.reject()
