"""Session 74 (figures): a figures sheet from a district council naming its area "Babergh DC" was refused with "did
you mean “Babergh CSP”?" (the partnership, a letter or two nearer than the district), so an officer who did as it
said filed a district's figures under the partnership. A council's short form (DC, BC, CC, MBC, CBC) is read as its
words are ("Babergh District Council" is answered “Babergh”): the district is the one named."""

from __future__ import annotations

import pytest

from tests.cli_run import run


@pytest.mark.parametrize("area, meant", [
    ("Babergh DC", "Babergh"),
    ("Ipswich BC", "Ipswich"),
    ("Mid Suffolk D.C.", "Mid Suffolk"),
    ("Suffolk CC", "Suffolk"),
    ("Plymouth CC", "Plymouth"),
])
def test_a_councils_short_form_is_answered_with_its_area_not_a_partnership(tmp_path, demo_path, capsys, area, meant):
    sheet = tmp_path / "figures.csv"
    sheet.write_text(f"indicator,area,period,value\nAll crime,{area},2025-06,354\n", encoding="utf-8")
    code, _, err = run(capsys, "import-figures", demo_path, sheet)
    assert code == 1
    assert f"There is no district, partnership or county called “{area}”: did you mean “{meant}”?" in err, err
    assert "Nothing was imported" in err


def test_find_on_the_tab_names_the_district_for_its_councils_short_form(demo_store):
    from safer_desk.presenters.indicators import IndicatorsPresenter

    presenter = IndicatorsPresenter(demo_store)
    presenter.load()
    choice, said = presenter.find_area("Babergh DC")
    assert choice is None
    assert said.startswith("No area's name contains “Babergh DC”: did you mean “Babergh”?"), said
