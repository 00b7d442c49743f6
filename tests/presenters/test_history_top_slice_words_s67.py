"""Session 67: the History said a saved top-slice's settings by the file's column names: "Added top-slice PRG: year
2009/10; total £2,900,692; slices LSP share 50%; remainder label Remainder; …". The Allocation tab calls the first
"Total grant", and the remainder label is the name of the results' row for what is left ("Remainder"); a change of
it read "Changed the remainder label of top-slice PRG"."""

from __future__ import annotations

from fractions import Fraction

from safer_desk.presenters.history import HistoryPresenter, history_lines
from safer_desk.services import allocation as service


def test_a_saved_top_slice_is_said_in_the_tab_s_words(store):
    slice_id = service.save_top_slice(store, "PRG", "2009/10", total_pence=290069200,
                                      slices=[("LSP share", Fraction(1, 2))], remainder_label="Remainder",
                                      retained=Fraction(1, 10), partners=9, scenario=Fraction(1, 5))
    detail = HistoryPresenter(store).detail_text(history_lines(store)[0], 1)
    assert "total grant £2,900,692" in detail and "name of the rest Remainder" in detail, detail
    assert "remainder label" not in detail and "total £" not in detail, detail
    with store.transaction():
        store.conn.execute("UPDATE allocation_top_slices SET remainder_label = 'Rest' WHERE id = ?", (slice_id,))
    assert history_lines(store)[0].summary == "Changed the name of the rest of top-slice PRG from Remainder to Rest"
