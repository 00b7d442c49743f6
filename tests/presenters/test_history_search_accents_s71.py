"""Session 71: History of Changes' search finds a Welsh name typed without its accents.

A Welsh officer searched the history for "ynys mon" (an English keyboard has no circumflex) to find when a review's
Regional Safeguarding Board was recorded as "North Wales Safeguarding Board (Ynys Môn)": no line was found, though
Find, the register's search and Office Details… find "Ynys Môn" typed so (domain.text.folded). The history's search
now reads a line and the words typed alike without accents; typed with its accents it is found as before.
"""

from __future__ import annotations

from safer_desk.presenters.history import filter_predicate, history_lines
from safer_desk.services import dhr

BOARD = "North Wales Safeguarding Board (Ynys Môn)"


def _found(store, text: str) -> list[str]:
    keep = filter_predicate(text=text)
    return [line.action for line in history_lines(store) if keep(line)]


def test_a_welsh_name_is_found_typed_without_its_accents(demo_store):
    case = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01")
    dhr.update_case(demo_store, case, safeguarding_board=BOARD)
    with_accent = _found(demo_store, "Ynys Môn")
    assert len(with_accent) == 1, with_accent
    assert _found(demo_store, "ynys mon") == with_accent
    assert _found(demo_store, "YNYS MON") == with_accent
    assert _found(demo_store, "ynys mân") == []
