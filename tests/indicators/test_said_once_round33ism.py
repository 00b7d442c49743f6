"""The Indicators tab says what to do once, round 33 (ism).

A new file with police.uk figures but no office named said "This file does not say whose it is yet …" three times on
one screen: in the chart's place, in the chart-in-words line under it, and under the summary table. It is said once,
in the chart's place (with File > Office Details…); the other places say only what is theirs. The same held for a new
empty file's "No indicator figures … yet" and for an indicator with nothing to chart.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, resize_window, widget_in_window

WHOSE = "This file does not say whose it is yet"


def shown_texts(tab, window) -> list[str]:
    """The words of every label the tab shows now (a stacked page not on top is not shown)."""
    return [label.text() for label in tab.findChildren(QLabel) if label.isVisibleTo(window) and label.text()]


def times_said(tab, window, words: str) -> int:
    return sum(text.count(words) for text in shown_texts(tab, window))


def new_file_with_police_figures(window, path):
    from safer_desk.services.police_import import load_counts

    assert window.open_path(path, create=True)
    # The force's figures, as an import of its files brings them: none yet of the office's own areas.
    load_counts(window.session.store, [("Suffolk", "2025-01", "Babergh", "Burglary", 4),
                                       ("Suffolk", "2025-01", "Mid Suffolk", "Burglary", 2)])
    window.session.notify("indicators")
    return window.show_tab("indicators")


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_a_file_that_does_not_say_whose_it_is_says_so_once_in_the_charts_place(window, tmp_path, size):
    tab = new_file_with_police_figures(window, tmp_path / "new.sqlite")
    resize_window(window, size)
    assert times_said(tab, window, WHOSE) == 1
    assert tab.chart_stack.currentWidget() is tab.empty_state and WHOSE in tab.empty_state.text()
    assert "File > Office Details…" in tab.empty_state.text() and "Find" in tab.empty_state.text()
    assert widget_in_window(tab.empty_state, window)
    assert tab.headline.text() == "" and not tab.chart_summary.isVisibleTo(window)


def test_naming_the_office_takes_the_sentence_away_and_the_chart_says_its_own_words(window, tmp_path):
    from safer_desk.presenters.office import OfficePresenter

    tab = new_file_with_police_figures(window, tmp_path / "new.sqlite")
    OfficePresenter(window.session.store).save([], ["Babergh"], "")
    window.session.notify("indicators")
    tab.reload()
    assert times_said(tab, window, WHOSE) == 0
    assert tab.presenter.view is not None and tab.chart_stack.currentWidget() is tab.chart
    assert tab.chart_summary.isVisibleTo(window) and tab.chart_summary.text()  # the chart in words is back
    assert tab.headline.text()  # and what the figures say


def test_a_new_empty_file_says_what_to_do_once(window, tmp_path):
    assert window.open_path(tmp_path / "empty.sqlite", create=True)
    tab = window.show_tab("indicators")
    assert times_said(tab, window, "Import police data (File > Import Police Data…)") == 1
    assert tab.chart_stack.currentWidget() is tab.empty_state


def test_an_indicator_with_nothing_to_chart_says_why_once(demo_window):
    tab = demo_window.show_tab("indicators")
    tab.select_area("county:devon")
    tab.select_indicator("All crime")
    assert tab.chart_stack.currentWidget() is tab.empty_state
    assert times_said(tab, demo_window, "no figures") == 1  # not also "no figures to chart yet" under it
    assert "Devon's figures are added up from its districts'" in tab.empty_state.text()
    assert "<b>All crime</b>" in tab.headline.text()  # the headline still says what its figures say
