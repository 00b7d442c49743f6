"""A figure for Cornwall: the county or the unitary district? (round 22)

A figures file (Import Figures…) named its area "Cornwall" and the figure landed on whichever of Cornwall the
county and Cornwall the district the file happened to list first. A name two areas share is now refused on its
line, saying how to name each; "Cornwall (county)" and "Cornwall (district)" (as the window lists them) are
taken, and a name only one area has works as before.
"""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.indicators_import import apply_values, preview_values
from tests.exchange.district_offices import cornwall_office

SHARED = ('"Cornwall" names more than one area: the county and the district. '
          'Name the one you mean: "Cornwall (county)" or "Cornwall (district)".')


@pytest.fixture
def cornwall(tmp_path):
    """Cornwall the district has figures; the county's are derived from its districts'."""
    store = cornwall_office(tmp_path / "cornwall.sqlite")
    svc.save_indicator(store, "Burglary")
    yield store
    store.close()


@pytest.fixture
def new_cornwall(tmp_path):
    """The same office before any figures: neither Cornwall keeps figures yet."""
    from safer_desk.storage.store import open_store

    store = open_store(tmp_path / "new.sqlite", create=True)
    ref.set_office_scope(store, districts=["Cornwall"], county="Cornwall")
    svc.save_indicator(store, "Burglary")
    yield store
    store.close()


def figures(store, tmp_path, *areas):
    """A figures file with one Burglary figure a line for these areas: April 2024 = 10, May = 11 …"""
    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,value\n" + "".join(f"Burglary,{a},2024-0{n + 4},{n + 10}\n"
                                                            for n, a in enumerate(areas)), encoding="utf-8")
    return path


def stored(store):
    return sorted((r["area_id"], r["period"], r["value"]) for r in store.rows(
        "SELECT area_id, period, value FROM indicator_values WHERE indicator_id = 'indicator:burglary'"))


def test_find_area_refuses_a_name_two_kinds_of_area_share(cornwall):
    with pytest.raises(ref.AmbiguousArea) as caught:
        svc.find_area(cornwall, "Cornwall")
    assert str(caught.value) == SHARED
    assert [a.id for a in caught.value.matches] == ["county:cornwall", "district:cornwall"]


@pytest.mark.parametrize("typed, area_id, name, kind", [
    ("Cornwall (county)", "county:cornwall", "Cornwall", "county"),
    ("cornwall(County)", "county:cornwall", "Cornwall", "county"),
    ("Cornwall (district)", "district:cornwall", "Cornwall", "district"),
    ("county:cornwall", "county:cornwall", "Cornwall", "county"),
    ("district:cornwall", "district:cornwall", "Cornwall", "district"),
    ("Isles of Scilly", "district:isles-of-scilly", "Isles of Scilly", "district"),  # one area's name: as before
    ("isles of scilly (district)", "district:isles-of-scilly", "Isles of Scilly", "district"),
])
def test_find_area_takes_the_kind_in_brackets(cornwall, typed, area_id, name, kind):
    area = svc.find_area(cornwall, typed)
    assert (area.id, area.name, area.kind) == (area_id, name, kind)


def test_find_area_keeps_what_the_file_holds_of_an_area(cornwall):
    assert svc.find_area(cornwall, "Cornwall (district)").ons_code == "E06000052"


@pytest.mark.parametrize("typed", ["Cornwall (partnership)", "Isles of Scilly (county)", "Narnia", ""])
def test_find_area_finds_nothing_for_a_kind_the_name_is_not(cornwall, typed):
    assert svc.find_area(cornwall, typed) is None


def test_a_figures_line_naming_a_shared_name_is_refused_saying_how_to_name_each(cornwall, tmp_path):
    before = stored(cornwall)
    preview = preview_values(cornwall, figures(cornwall, tmp_path, "Cornwall", "Isles of Scilly"))
    assert preview.refused == [(2, SHARED)]
    assert preview.report().splitlines() == ["1 row can be imported, 1 refused.", f"Line 2: {SHARED}"]
    assert [(g.line, g.area_id) for g in preview.good] == [(3, "district:isles-of-scilly")]
    assert stored(cornwall) == before  # a preview writes nothing


def test_the_kind_in_brackets_puts_each_figure_on_its_own_area(new_cornwall, tmp_path):
    preview = preview_values(new_cornwall, figures(new_cornwall, tmp_path, "Cornwall (county)", "Isles of Scilly",
                                                   "county:cornwall", "cornwall (county)"))
    assert preview.refused == []
    assert [(g.area_id, g.area_name, g.area_kind) for g in preview.good] == [
        ("county:cornwall", "Cornwall", "county"), ("district:isles-of-scilly", "Isles of Scilly", "district"),
        ("county:cornwall", "Cornwall", "county"), ("county:cornwall", "Cornwall", "county")]
    assert apply_values(new_cornwall, preview) == 4
    assert stored(new_cornwall) == [("county:cornwall", "2024-04", 10.0), ("county:cornwall", "2024-06", 12.0),
                                    ("county:cornwall", "2024-07", 13.0), ("district:isles-of-scilly", "2024-05", 11.0)]
    district = preview_values(new_cornwall, figures(new_cornwall, tmp_path, "Cornwall (district)"))
    assert [(g.area_id, g.area_kind) for g in district.good] == [] and district.refused == [(2, (
        "Figures for Cornwall (district) cannot be kept: this file has figures for Cornwall (county), and a file "
        "keeps figures for only one area of a name"))]


def test_the_district_figures_go_to_the_district(cornwall, tmp_path):
    preview = preview_values(cornwall, figures(cornwall, tmp_path, "Cornwall (district)", "district:cornwall"))
    assert preview.refused == []
    apply_values(cornwall, preview)
    assert stored(cornwall) == [("district:cornwall", "2024-04", 10.0), ("district:cornwall", "2024-05", 11.0)]


def test_figures_for_two_areas_of_one_name_are_refused_before_anything_is_saved(cornwall, new_cornwall, tmp_path):
    """indicator_areas keeps one area of a name: the county's own figures beside the district's are refused on
    their line, saying why, instead of failing when the good rows are saved."""
    preview = preview_values(cornwall, figures(cornwall, tmp_path, "Cornwall (county)", "Isles of Scilly"))
    assert preview.refused == [(2, ("Figures for Cornwall (county) cannot be kept: this file has figures for "
                                    "Cornwall (district), and a file keeps figures for only one area of a name"))]
    assert apply_values(cornwall, preview) == 1
    assert stored(cornwall) == [("district:isles-of-scilly", "2024-05", 11.0)]
    both = preview_values(new_cornwall, figures(new_cornwall, tmp_path, "Cornwall (district)", "Cornwall (county)"))
    assert [g.area_id for g in both.good] == ["district:cornwall"]
    assert both.refused == [(3, ("Figures for Cornwall (county) cannot be kept: line 2 gives figures for Cornwall "
                                 "(district), and a file keeps figures for only one area of a name"))]


def test_a_figure_named_by_the_id_offered_lands_on_that_area(cornwall, tmp_path):
    """Two partnerships of one name and kind are told apart by their ids, as the message offers; the figure
    goes to the area named, not to the one whose id the name would make."""
    ref.add_partnership(cornwall, "Safer Cornwall", districts=["Cornwall"])
    cornwall.conn.execute("INSERT INTO indicator_areas(id, name, kind) VALUES "
                          "('partnership:safer-cornwall-2', 'Safer Cornwall', 'partnership')")
    preview = preview_values(cornwall, figures(cornwall, tmp_path, "Safer Cornwall", "partnership:safer-cornwall-2"))
    assert preview.refused == [(2, ('"Safer Cornwall" names more than one area: two partnerships. Name the one '
                                    'you mean: "partnership:safer-cornwall" or "partnership:safer-cornwall-2".'))]
    apply_values(cornwall, preview)
    assert stored(cornwall) == [("partnership:safer-cornwall-2", "2024-05", 11.0)]


def test_the_import_figures_dialog_lists_the_refused_line_and_imports_the_rest(window, prompts, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    path = tmp_path / "cornwall.sqlite"
    cornwall_office(path).close()
    assert window.open_path(path)
    store = window.session.store
    svc.save_indicator(store, "Burglary")
    dialog = ImportFiguresDialog(window.session, window.show_tab("indicators"))
    assert dialog.load(figures(store, tmp_path, "Cornwall", "Cornwall (district)"))
    model = dialog.model
    rows = {int(model.index(r, 0).data()): [model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())}
    assert rows[2][1] == "Refused" and rows[2][-1] == SHARED
    assert rows[3][1] == "OK"
    assert dialog.apply() and prompts.errors == []
    assert stored(store) == [("district:cornwall", "2024-05", 11.0)]
    window.session.undo_stack.undo()
    assert stored(store) == []


def test_a_unique_name_imports_as_before(cornwall, tmp_path):
    preview = preview_values(cornwall, figures(cornwall, tmp_path, "ISLES OF SCILLY"))
    assert [(g.area_id, g.area_name) for g in preview.good] == [("district:isles-of-scilly", "Isles of Scilly")]
    assert preview.refused == []
    apply_values(cornwall, preview)
    assert stored(cornwall) == [("district:isles-of-scilly", "2024-04", 10.0)]


def test_figures_typed_for_the_other_area_of_a_name_are_refused_in_words(tmp_path):
    # indicator_areas.name is unique: typed in the Indicators tab for Cornwall (county) while Cornwall (district)
    # had figures, the save met the database's own refusal ("UNIQUE constraint failed") instead of a sentence.
    store = cornwall_office(tmp_path / "cornwall.sqlite")
    try:
        indicator = svc.list_indicators(store)[0]
        before = store.scalar("SELECT count(*) FROM indicator_values")
        with pytest.raises(svc.IndicatorError) as caught:
            svc.save_values(store, indicator.id, "county:cornwall", [svc.PeriodValue("2024-04", 12.0)])
        assert str(caught.value) == ("Figures for Cornwall (county) cannot be kept: this file has figures for "
                                     "Cornwall (district), and a file keeps figures for only one area of a name.")
        assert store.scalar("SELECT count(*) FROM indicator_values") == before
    finally:
        store.close()
