"""Round 62: the register's search with a word and an amount together.

"homeshield" found Homeshield Plus, and "£125k" (or "125000", as a sheet writes it) found it too; "homeshield £125k"
and "homeshield 125000" found nothing, though each word alone finds it, so an officer narrowing a search by the
amount the paper prints lost the project ("OPCC 110000" lost the Plymouth contract). Each word typed as an amount now
finds the projects showing that amount, beside the other words, as it does alone.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.projects.conftest import kept as _kept  # the fixture ``register`` is the conftest's


@pytest.mark.parametrize("typed", ["homeshield £125k", "homeshield 125000", "125K homeshield", "Homeshield £125,000",
                                   "fire £125000"])
def test_a_word_and_an_amount_find_the_project_showing_both(register, typed):
    assert _kept(register, typed) == ["Homeshield Plus"]


def test_the_plymouth_contract_by_its_funder_and_share(register):
    assert _kept(register, "OPCC 110000") == _kept(register, "OPCC £110,000") == ["Plymouth Domestic Abuse contract"]


def test_the_amount_must_still_be_shown_and_the_words_found(register):
    assert _kept(register, "homeshield £25k") == []  # not its amount
    assert _kept(register, "plymouth £125k") == []  # its amount, not its words
    assert _kept(register, "SSPB 2009/10") == _kept(register, "sspb 2009/10")  # a year is a word, as before


def test_the_search_box_finds_it(qtbot, demo_window):
    register = demo_window.show_tab("projects").register
    qtbot.keyClicks(register.search, "OPCC 110000")
    assert register.proxy.rowCount() == 1
    assert register.proxy.index(0, 1).data(Qt.ItemDataRole.DisplayRole) == "Plymouth Domestic Abuse contract"
