"""S74 (kit): the kit's tables not told what a row is said it in rows: a search or a heading's filter hiding every
line of the History of Changes, the Indicators summary, Districts, Partnerships, Partner organisations, Funders'
Awards or Populations gave "None shown (of 15 rows)" (the History's count "0 of 15 actions" beside it), where every
other table names its rows ("None shown (of 11 partners)"). Each now names its own, and the History's count says
the same words."""

from __future__ import annotations

import pytest


def _hide_all(view) -> None:
    view.filter_column(0, "zzqqxx no such thing")
    assert view.model().rowCount() == 0


def test_the_history_filtered_to_nothing_says_none_shown_of_its_actions(demo_window, qtbot):
    demo_window.history_action.trigger()
    dialog = demo_window._history_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() > 0, timeout=10000)
    whole = dialog.proxy.rowCount()
    dialog.search.setText("zzqqxx no such thing")
    qtbot.waitUntil(lambda: dialog.proxy.rowCount() == 0)
    said = f"None shown (of {whole} actions)"
    assert dialog.view.none_shown_words() == said  # was "… rows)"
    assert dialog.count_label.text().startswith(said)  # was "0 of 15 actions"


def test_the_indicators_summary_names_its_indicators(demo_window, qtbot):
    tab = demo_window.show_tab("indicators")
    qtbot.waitUntil(lambda: tab.summary_proxy.sourceModel().rows != [], timeout=10000)
    whole = len(tab.summary_model.rows)
    view = tab.summary_view
    _hide_all(view)
    assert view.none_shown_words() == f"None shown (of {whole} indicators)"


@pytest.mark.parametrize("page,noun", [("districts", "district"), ("partnerships", "partnership"),
                                       ("organisations", "organisation")])
def test_the_reference_pages_name_their_rows(demo_window, qtbot, page, noun):
    demo_window.show_reference()
    dialog = demo_window._reference_dialog
    qtbot.addWidget(dialog)
    shown = getattr(dialog, page)
    whole = len(shown.model.rows)
    assert whole
    _hide_all(shown.view)
    assert shown.view.none_shown_words() == f"None shown (of {whole} {noun}s)"


def test_awards_and_populations_name_their_rows(demo_window, qtbot):
    from safer_desk.ui.indicators.populations import PopulationsDialog
    from safer_desk.ui.projects.awards import AwardsDialog

    for make, noun in ((AwardsDialog, "award"), (PopulationsDialog, "population figure")):
        dialog = make(demo_window.session, demo_window)
        qtbot.addWidget(dialog)
        whole = len(dialog.model.rows)
        assert whole, noun
        _hide_all(dialog.view)
        assert dialog.view.none_shown_words() == f"None shown (of {whole} {noun}s)"
