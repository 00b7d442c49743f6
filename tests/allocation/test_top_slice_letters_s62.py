"""Session 62 (keys2): on Allocation's Top-slice page the six fields (Total grant, First slice %, First slice goes
to, Retained % of the rest, Equal shares, Scenario ±%) had no Alt key, nor had the options' "Last year's total less
retained" (Alt+G chose "Pot given"; the arrows were the only way to the other by key). Every letter and figure is
another control's there, so each field shows a key of its own after its words (as "Save top-slice… (-)" does), a
sign Alt reaches on any keyboard, no other control's on the page (Redistribute's "Share it back" too); the choice,
on every page, has its own apostrophe underlined (Alt+'): "(.)" after its words widened the options and put the
inputs' and the factors' columns out of view at 1093x582."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.allocation.test_allocation_keys_round40akx import PAGES, allocation_page
from tests.foundation.test_window_guard import clashes, mnemonic, visible_letters, without_key

ALT = Qt.KeyboardModifier.AltModifier


def _shown(demo_window, qtbot, index):
    tab = allocation_page(demo_window, qtbot, index)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)
    return tab


@pytest.mark.parametrize("index", range(4), ids=PAGES)
def test_every_field_and_choice_has_an_alt_key_of_its_own_on_each_page(demo_window, qtbot, index):
    _shown(demo_window, qtbot, index)
    assert without_key(demo_window) == []
    assert clashes(demo_window) == [], sorted(visible_letters(demo_window))


def test_each_top_slice_field_is_reached_by_its_key(demo_window, qtbot):
    tab = _shown(demo_window, qtbot, 3)
    labels = {label.buddy(): label for label in tab.top_slice_page.findChildren(QLabel)
              if label.buddy() in tab.top_fields.values()}
    assert len(labels) == 6
    for key, edit in tab.top_fields.items():
        letter = mnemonic(labels[edit].text())
        assert letter is not None and letter in ".;'[]\\`", labels[edit].text()
        assert edit.accessibleName() == labels[edit].text().split(" (")[0].rstrip(":")  # read without the key
        tab.inputs_view.setFocus()
        qtbot.keyClick(demo_window, Qt.Key(ord(letter)), ALT)
        qtbot.waitUntil(edit.hasFocus, timeout=3000)


def test_the_key_of_last_years_total_less_retained_chooses_it(demo_window, qtbot):
    tab = _shown(demo_window, qtbot, 0)
    tab.pot_given.setChecked(True)
    assert not tab.pot_from_previous.isChecked()
    letter = mnemonic(tab.pot_from_previous.text())
    assert letter is not None and letter in ".;'[]\\`", tab.pot_from_previous.text()
    assert tab.pot_from_previous.accessibleName() == "Last year's total less retained"
    tab.inputs_view.setFocus()
    qtbot.keyClick(demo_window, Qt.Key(ord(letter)), ALT)
    qtbot.waitUntil(tab.pot_from_previous.isChecked, timeout=3000)


def test_share_it_back_on_redistribute_is_reached_by_its_key(demo_window, qtbot):
    tab = _shown(demo_window, qtbot, 2)
    label = next(w for w in tab.pages.currentWidget().findChildren(QLabel) if w.buddy() is tab.redistribute_method)
    letter = mnemonic(label.text())
    assert letter is not None, label.text()
    tab.inputs_view.setFocus()
    qtbot.keyClick(demo_window, Qt.Key(ord(letter)), ALT)
    qtbot.waitUntil(tab.redistribute_method.hasFocus, timeout=3000)
