"""Import Figures (round 25): the preview and the command say which figures the file held are replaced (a typed
figure, a police.uk count, a paper's figure), how many rows change and how many were already as the file held them,
and they query a district's figure for a period when the district did not exist (its dates and the district(s)
that covered the area then)."""

from __future__ import annotations

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import apply_values, preview_values


def _csv(tmp_path, text: str, name: str = "figures.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_preview_names_each_figure_it_replaces_and_the_rows_that_change_nothing(store, tmp_path):
    area = svc.ensure_area(store, "Mid Suffolk", "district")
    svc.save_indicator(store, "Burglary")
    svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    burglary, satisfaction = svc.get_indicator(store, "Burglary").id, svc.get_indicator(store, "Satisfaction").id
    svc.save_values(store, burglary, area, [svc.PeriodValue("2016-04", 9), svc.PeriodValue("2016-05", 1234)])
    svc.save_values(store, burglary, area, [svc.PeriodValue("2016-06", 40)], source="police.uk")
    svc.save_values(store, satisfaction, area, [svc.PeriodValue("2016-04", None, 16, 18)], source="seed 003")
    path = _csv(tmp_path, "indicator,area,period,value,numerator,denominator\n"
                          "Burglary,Mid Suffolk,2016-04,12,,\n"  # replaces the typed 9
                          "Burglary,Mid Suffolk,2016-05,\"1,234\",,\n"  # as held: nothing changes
                          "Burglary,Mid Suffolk,2016-06,41,,\n"  # replaces a police.uk count
                          "Burglary,Mid Suffolk,2016-07,3,,\n"  # new
                          "Satisfaction,Mid Suffolk,2016-04,,17,18\n")  # replaces a paper's 16 of 18
    preview = preview_values(store, path)
    assert preview.refused == [] and len(preview.good) == 5
    # the paper's 16 of 18 as the grid shows it (s76: was "16/18 (board paper, seed 003)")
    assert preview.replaces == {2: "9 (typed)", 4: "40 (police.uk import)",
                                6: "88.9% (16 of 18; board paper, seed 003)"}
    assert preview.unchanged == {3}
    assert preview.report().splitlines()[0] == ("5 rows can be imported (4 change the file, 3 of them replacing "
                                                "figures it holds; 1 already as the file holds it), 0 refused.")
    assert apply_values(store, preview) == 5


def test_the_window_shows_what_each_row_replaces_and_how_many_rows_change(demo_window, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    path = _csv(tmp_path, "indicator,area,period,value\n"
                          "Burglary,Babergh,2025-01,99\n"  # police.uk counted 13
                          "Burglary,Babergh,2025-02,21\n"  # as held
                          "All crime,Plymouth,2016-10,1571\n")  # the paper said 1570
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(path)
    rows = {r["line"]: r for r in dialog.model.rows}
    assert [(rows[n]["status"], rows[n]["replaces"]) for n in (2, 3, 4)] == [
        ("OK", "13 (police.uk import)"), ("Unchanged", ""), ("OK", "1,570 (board paper, seed 003)")]
    assert dialog.summary.text().startswith("3 rows can be imported (2 change the file, both replacing figures it "
                                            "holds, listed under Replaces; 1 already as the file holds it); 0 refused")
    dialog.close()


def test_nothing_to_import_when_every_row_is_as_the_file_holds_it(demo_window, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    path = _csv(tmp_path, "indicator,area,period,value\nBurglary,Babergh,2025-02,21\n")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(path)
    assert not dialog.import_button.isEnabled()
    assert "every row is already as the file holds it" in dialog.summary.text()
    dialog.close()


def test_the_command_says_how_many_rows_changed_and_lists_the_figures_replaced(demo_path, tmp_path, capsys):
    path = _csv(tmp_path, "indicator,area,period,value\n"
                          "Burglary,Babergh,2025-01,99\n"
                          "Burglary,Babergh,2025-02,21\n"
                          "Burglary,Babergh,2025-03,5\n")
    from safer_desk.storage.store import open_store

    svc_store = open_store(demo_path)
    march = svc.value_rows(svc_store, "indicator:burglary", "district:babergh", ["2025-03"])["2025-03"]["value"]
    svc_store.close()
    assert main(["import-figures", str(demo_path), str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("2 rows imported from figures.csv (both replacing figures the file held), 1 already as the "
                      "file held it; 0 refused.")
    assert out[1:] == ["Replaced 2 figures the file held:",
                       "  Line 2: Burglary, Babergh, Jan-25: 13 (police.uk import) → 99",
                       f"  Line 4: Burglary, Babergh, Mar-25: {march:g} (police.uk import) → 5"]


def test_a_districts_figure_for_a_period_it_did_not_exist_in_is_queried_naming_its_dates(demo_path, tmp_path,
                                                                                          capsys):
    from safer_desk.storage.store import open_store

    path = _csv(tmp_path, "indicator,area,period,value\n"
                          "Burglary,Forest Heath,2020-05,7\n"
                          "Burglary,East Suffolk,2016-05,30\n"
                          "Burglary,Forest Heath,2018-05,4\n")
    store = open_store(demo_path)
    try:
        preview = preview_values(store, path)
    finally:
        store.close()
    assert len(preview.good) == 3 and preview.refused == []
    assert preview.queried == {
        2: "Forest Heath ended on 31/03/2019: in May-20 its area was West Suffolk's, whose figure is what partnership "
           "and county totals count: is this the right area?",
        3: "East Suffolk began on 01/04/2019: in May-16 its area was Suffolk Coastal's and Waveney's, whose figures "
           "are what partnership and county totals count (East Suffolk's only in place of theirs): is this the "
           "right area?"}
    # The command stops on them, as on any row the grid would query, unless told to import them as they are.
    assert main(["import-figures", str(demo_path), str(path)]) == 1
    err = capsys.readouterr().err
    assert "Line 2 (check): Forest Heath ended on 31/03/2019" in err and "--accept-queried" in err
    assert main(["import-figures", str(demo_path), str(path), "--accept-queried"]) == 0
    assert capsys.readouterr().out.startswith("3 rows imported from figures.csv (2 to check: imported as they are)")


def test_a_district_with_no_dates_is_never_queried_and_a_new_figure_replaces_nothing(store, tmp_path):
    svc.ensure_area(store, "Mid Suffolk", "district")
    svc.save_indicator(store, "Burglary")
    svc.set_population(store, "district:mid-suffolk", FinancialYear(2016), 104000)
    preview = preview_values(store, _csv(tmp_path, "indicator,area,period,value\nBurglary,Mid Suffolk,2016-05,7\n"))
    assert preview.queried == {} and preview.replaces == {} and preview.unchanged == set()


def test_a_partnerships_figure_worked_out_from_its_districts_is_refused_as_the_grid_refuses_typing_over_it(
        demo_store, tmp_path):
    # The grid does not let a derived figure be typed over; the sheet replaced Safer Suffolk Partnership Board's
    # May-25 burglaries (113, its districts' sum) with 1, shown "OK", and the partnership's total was the sheet's 1.
    path = _csv(tmp_path, "indicator,area,period,value\n"
                          "Burglary,Safer Suffolk Partnership Board,2025-05,1\n"
                          "Burglary,Suffolk (county),2025-05,2\n"
                          "Arson offences,Suffolk (county),2008-12,5\n")  # a paper's county figure: no districts'
    preview = preview_values(demo_store, path)
    assert [g.line for g in preview.good] == [4] and preview.replaces == {4: "459 (board paper, seed 000)"}
    assert preview.refused == [
        (2, "Burglary, Safer Suffolk Partnership Board, May-25 is worked out from its districts' figures (113: "
            "derived from Babergh + East Suffolk + Ipswich + Mid Suffolk + West Suffolk), and the grid does not let "
            "it be typed over: import the districts' figures instead"),
        (3, "Burglary, Suffolk, May-25 is worked out from its districts' figures (113: derived from "
            "Babergh + East Suffolk + Ipswich + Mid Suffolk + West Suffolk), and the grid does not let it be typed "
            "over: import the districts' figures instead")]
