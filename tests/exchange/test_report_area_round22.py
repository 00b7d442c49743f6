"""A county and a district of the same name (Cornwall): the board report is for the one chosen or named.

File > Board Report… passes the id of the area chosen, not its name; on the command line a name two kinds of
area share is refused, with the way to name each ("Cornwall (county)", "Cornwall (district)").
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import reference as ref
from tests.exchange.helpers import cli_output



def test_a_name_two_kinds_of_area_share_is_not_settled_silently(cornwall):
    with pytest.raises(ref.AmbiguousArea) as caught:
        ref.find_area(cornwall, "cornwall")
    assert str(caught.value) == ('"cornwall" names more than one area: the county and the district. '  # as typed
                                 'Name the one you mean: "Cornwall (county)" or "Cornwall (district)".')
    assert [a.id for a in caught.value.matches] == ["county:cornwall", "district:cornwall"]
    assert isinstance(caught.value, ref.ReferenceError)


@pytest.mark.parametrize("typed, area_id", [
    ("Cornwall (county)", "county:cornwall"), ("cornwall (County)", "county:cornwall"),
    ("Cornwall(district)", "district:cornwall"), ("  Cornwall (district) ", "district:cornwall"),
    ("county:cornwall", "county:cornwall"), ("district:cornwall", "district:cornwall"),
    ("Isles of Scilly", "district:isles-of-scilly"),  # a name only one area has works as before
    ("Isles of Scilly (district)", "district:isles-of-scilly"),  # and with its kind, as the dialog shows it
])
def test_the_kind_in_brackets_names_one_area(cornwall, typed, area_id):
    assert ref.find_area(cornwall, typed).id == area_id


@pytest.mark.parametrize("typed", ["Cornwall (partnership)", "Isles of Scilly (county)", "Narnia (district)", ""])
def test_a_kind_the_name_is_not_finds_nothing(cornwall, typed):
    assert ref.find_area(cornwall, typed) is None


def test_two_areas_of_one_kind_and_name_are_named_by_their_ids(cornwall):
    """Two partnerships spelt alike (a reference one, and an indicator area kept under another id) cannot be told
    apart by kind: their ids are offered."""
    ref.add_partnership(cornwall, "Safer Cornwall", districts=["Cornwall"])
    cornwall.conn.execute("INSERT INTO indicator_areas(id, name, kind) VALUES "
                          "('partnership:safer-cornwall-2', 'Safer Cornwall', 'partnership')")
    for typed in ("Safer Cornwall", "Safer Cornwall (partnership)"):
        with pytest.raises(ref.AmbiguousArea) as caught:
            ref.find_area(cornwall, typed)
        message = str(caught.value)
        assert message == (f'"{typed}" names more than one area: two partnerships. Name the one you mean: '
                           '"partnership:safer-cornwall" or "partnership:safer-cornwall-2".')
    assert ref.find_area(cornwall, "partnership:safer-cornwall-2").id == "partnership:safer-cornwall-2"


def test_report_command_refuses_a_shared_name_and_names_each_area(cornwall_path, tmp_path):
    target = tmp_path / "r.html"
    code, out, err = cli_output(["report", str(cornwall_path), str(target), "--area", "Cornwall"])
    assert code == 1 and out == ""
    assert err == ('safer-desk: --area: "Cornwall" names more than one area: the county and the district. '
                   'Name the one you mean: "Cornwall (county)" or "Cornwall (district)".\n')
    assert not target.exists()


@pytest.mark.parametrize("typed, scilly", [("Cornwall (county)", True), ("Cornwall (district)", False),
                                            ("Isles of Scilly", True)])
def test_report_command_takes_the_kind_in_brackets(cornwall_path, tmp_path, typed, scilly):
    target = tmp_path / "r.html"
    code, _, err = cli_output(["report", str(cornwall_path), str(target), "--area", typed])
    assert code == 0, err
    html = target.read_text(encoding="utf-8")
    assert ("Indicators: Isles of Scilly" in html) is scilly
    assert ("Indicators: Cornwall" in html) is (typed != "Isles of Scilly")


def test_report_help_says_how_to_name_a_shared_name(capsys):
    from safer_desk.cli import main

    with pytest.raises(SystemExit):
        main(["report", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert '"Cornwall (county)"' in help_text and "(district)" in help_text and "(partnership)" in help_text


@pytest.mark.parametrize("label, scilly", [("Cornwall (county)", True), ("Cornwall (district)", False)])
def test_report_dialog_writes_the_report_of_the_area_chosen(window, qtbot, prompts, cornwall_path, tmp_path,
                                                              label, scilly):
    assert window.open_path(cornwall_path)
    window.exchange_actions["report"].trigger()
    dialog = window.report_dialog
    labels = [dialog.area_combo.itemText(i) for i in range(dialog.area_combo.count())]
    assert labels[:3] == ["All areas", "Cornwall (county)", "Cornwall (district)"]
    dialog.area_combo.setCurrentIndex(labels.index(label))
    target = tmp_path / "board.html"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.written, timeout=20000):
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    html = target.read_text(encoding="utf-8")
    assert ("Indicators: Isles of Scilly" in html) is scilly
    assert "Indicators: Cornwall" in html and prompts.errors == []


def test_set_area_takes_the_label_the_list_shows(window, cornwall_path):
    assert window.open_path(cornwall_path)
    window.exchange_actions["report"].trigger()
    dialog = window.report_dialog
    dialog.set_area("Cornwall (district)")
    assert dialog.area_combo.currentData() == "district:cornwall"
    dialog.set_area("Cornwall (county)")
    assert dialog.area_combo.currentData() == "county:cornwall"
    dialog.set_area("Isles of Scilly")  # a name alone, when only one area has it
    assert dialog.area_combo.currentData() == "district:isles-of-scilly"
    dialog.reject()
