"""A partnership's or county's own figure for a month its districts' police.uk figures now add up (round 49).

Suffolk's All crime for Dec-24 was imported from a sheet (9,999) before its districts had figures for that month;
the districts' police.uk files came after. The county's own figure went on standing in place of their sum (3,416)
without a word: the import did not list it, even with --replace-typed, a second sheet could replace it (the grid
refuses a figure typed over a derived one), and the board report showed it in a row marked "(derived)"."""

from __future__ import annotations

import pytest

from safer_desk.cli import main
from safer_desk.services import indicators as svc
from safer_desk.services.police_import import import_police_files

FIXTURE = "tests/fixtures/police/suffolk-2025/2025-01-suffolk-street.csv"
ALL_CRIME = "indicator:all-crime"


def december(tmp_path):
    """January 2025's Suffolk file as December 2024's (a month the example holds no police.uk figures for)."""
    from pathlib import Path

    folder = tmp_path / "dec"
    folder.mkdir()
    text = (Path(__file__).resolve().parents[2] / FIXTURE).read_text(encoding="utf-8")
    path = folder / "2024-12-suffolk-street.csv"
    path.write_text(text.replace(",2025-01,", ",2024-12,"), encoding="utf-8")
    return path


def county_typed(demo_path, tmp_path, value: int) -> int:
    sheet = tmp_path / f"county-{value}.csv"
    sheet.write_text(f"indicator,area,period,value\nAll crime,Suffolk,2024-12,{value}\n", encoding="utf-8")
    return main(["import-figures", str(demo_path), str(sheet)])


def own_and_derived(store) -> tuple[float | None, float | None]:
    suffolk = svc.find_area(store, "Suffolk")
    own = svc.value_rows(store, ALL_CRIME, suffolk.id, ["2024-12"]).get("2024-12")
    derived = svc.derive_figures(store, ALL_CRIME, suffolk, ["2024-12"])["2024-12"].figure
    return (own["value"] if own else None), (derived.value if derived else None)


@pytest.fixture
def county_then_districts(demo_path, tmp_path, capsys):
    assert county_typed(demo_path, tmp_path, 9999) == 0
    capsys.readouterr()
    return demo_path


def test_the_import_lists_the_county_figure_its_districts_now_add_up_to_another(county_then_districts, tmp_path):
    from safer_desk.storage.store import open_store

    store = open_store(county_then_districts)
    try:
        result = import_police_files(store, [december(tmp_path)])
        own, derived = own_and_derived(store)
    finally:
        store.close()
    assert own == 9999 and derived is not None and derived != 9999  # kept, as a typed district figure is
    kept = [t for t in result.kept_typed if t.area == "Suffolk"]
    assert [(t.indicator, t.period, t.typed_value, t.imported_value) for t in kept] == [
        ("All crime", "2024-12", 9999, derived)]
    assert (f"All crime, Suffolk, Dec-24: typed 9,999, its districts' police.uk figures add up to {derived:,.0f}"
            in "\n".join(result.summary_lines()))


def test_replace_typed_puts_the_districts_sum_in_its_place(county_then_districts, tmp_path, capsys):
    assert main(["import-police", str(county_then_districts), str(december(tmp_path)), "--replace-typed"]) == 0
    out = capsys.readouterr().out
    assert "Replaced" in out and "All crime, Suffolk, Dec-24: typed 9,999" in out
    from safer_desk.storage.store import open_store

    store = open_store(county_then_districts)
    try:
        own, derived = own_and_derived(store)
        view = svc.year_view(store, ALL_CRIME, svc.find_area(store, "Suffolk").id, svc.year_of_period("2024-12"))
        shown = view.this_year[view.periods.index("2024-12")]
    finally:
        store.close()
    assert own is None and derived is not None and shown is not None and shown.value == derived


def test_a_sheet_cannot_replace_the_county_figure_once_its_districts_give_one(county_then_districts, tmp_path,
                                                                              capsys):
    assert main(["import-police", str(county_then_districts), str(december(tmp_path))]) == 0
    capsys.readouterr()
    assert county_typed(county_then_districts, tmp_path, 5000) == 1
    assert "is worked out from its districts' figures" in capsys.readouterr().err
    from safer_desk.storage.store import open_store

    store = open_store(county_then_districts)
    try:
        assert own_and_derived(store)[0] == 9999  # as it was
    finally:
        store.close()
