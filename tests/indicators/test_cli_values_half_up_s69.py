"""`safer-desk indicators` prints a figure to four places, rounded as the window and the board report round (0.5
goes up): 1 of 128 (0.78125%) printed 0.7812, the float's round-half-even, where a board paper reads 0.7813."""

from __future__ import annotations

from safer_desk.cli import main
from safer_desk.services import indicators as svc
from safer_desk.storage.store import open_store


def test_a_figure_at_a_half_in_the_fifth_place_is_printed_rounded_up(tmp_path, capsys):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Repeat cases", unit="percentage", polarity="lower")
    svc.save_values(store, ind, area, [svc.PeriodValue("2025-04", None, 1, 128),
                                       svc.PeriodValue("2025-05", None, 1, 3)], require_red_comments=False)
    store.close()
    capsys.readouterr()
    assert main(["indicators", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["Repeat cases,Babergh,2025-04,0.7813",
                                                        "Repeat cases,Babergh,2025-05,33.3333"]
