"""A figures sheet naming its areas as councils write them ("East Sussex County", "Plymouth City Council",
"Ipswitch") had every line refused with "There is no district, partnership or county called …" and no word of the
area Safer Desk does hold by a name so like it, though an indicator's name a letter out is answered "did you mean …?"
(session 61). The refusal now names the area most likely meant; nothing is taken as it without the sheet saying so."""

from __future__ import annotations

import pytest

from tests.cli_run import run


@pytest.mark.parametrize("area, meant", [
    ("East Sussex County", "East Sussex"),
    ("Plymouth City Council", "Plymouth"),
    ("Plymouth City", "Plymouth"),
    ("Ipswitch", "Ipswich"),
])
def test_an_area_written_another_way_is_answered_with_the_one_meant(tmp_path, demo_path, capsys, area, meant):
    sheet = tmp_path / "figures.csv"
    sheet.write_text(f"indicator,area,period,value\nPolice recorded hate crime,{area},Dec-16,30\n", encoding="utf-8")
    code, _, err = run(capsys, "import-figures", demo_path, sheet)
    assert code == 1
    assert f"There is no district, partnership or county called “{area}”: did you mean “{meant}”?" in err, err
    assert "Nothing was imported" in err


def test_an_area_like_none_says_no_more_than_before(tmp_path, demo_path, capsys):
    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\nPolice recorded hate crime,Narnia,Dec-16,30\n", encoding="utf-8")
    code, _, err = run(capsys, "import-figures", demo_path, sheet)
    assert code == 1
    assert "There is no district, partnership or county called “Narnia”." in err and "did you mean" not in err


@pytest.mark.parametrize("typed, meant", [("ipswitch", "Ipswich"), ("Plymouth City Council", "Plymouth")])
def test_find_names_the_area_meant_too(demo_store, typed, meant):
    # Find, on the Indicators tab, said only that no area's name contains "ipswitch".
    from safer_desk.presenters.indicators import IndicatorsPresenter

    presenter = IndicatorsPresenter(demo_store)
    presenter.load()
    choice, said = presenter.find_area(typed)
    assert choice is None
    assert said.startswith(f"No area's name contains “{typed}”: did you mean “{meant}”?"), said
    assert presenter.find_area(meant)[0] is not None  # the name suggested is found


def test_find_says_no_more_of_a_name_like_none(demo_store):
    from safer_desk.presenters.indicators import IndicatorsPresenter

    presenter = IndicatorsPresenter(demo_store)
    presenter.load()
    choice, said = presenter.find_area("Zzyzx")
    assert choice is None and "did you mean" not in said
