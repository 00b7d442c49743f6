"""Projects, round s60: searching the register for a National Indicator or local target by its code.

"Which projects support NI 30?" is a board question (DESIGN 2.1: linked National Indicators, NI 32, NI 30, LT7).
Typed in the register's search, "NI 30" also found Local Domestic Violence Coordinators (NI 32, costing £30,000),
"NI 17" found five Plymouth projects (dated 2017), and "NI30" or "NI-30" found nothing at all, though the paper
writes the codes both ways ("NI32" in ELEV8's text). A code typed is now found as a code: its letters and number
together, with or without a space or dash, and never as part of a longer number.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.projects import ProjectsPresenter


def _found(presenter, text: str) -> list[str]:
    keep = presenter.filter_predicate(text=text)
    return [p.ref for p in presenter.rows if keep(p)]


def test_an_indicator_code_is_found_however_it_is_spaced_and_only_as_that_code(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    ni30 = ["2", "9", "10", "11", "12"]  # the register's projects linked to NI 30
    for typed in ("NI 30", "NI30", "ni-30", "ni 30"):
        assert _found(presenter, typed) == ni30, typed
    assert _found(presenter, "NI 17") == ["2", "8"]
    assert _found(presenter, "NI 3") == []  # no project is linked to NI 3: not NI 30, NI 32 or NI 39
    assert _found(presenter, "LT 7") == _found(presenter, "LT7") == ["3", "15"]  # 15 names LT7 in its outcomes
    assert _found(presenter, "NI 32 Marianne") == ["5", "6", "7"]  # with other words, each still looked for


def test_the_window_search_finds_ni32_typed_without_a_space(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    page.clear_filters()
    qtbot.keyClicks(page.search, "NI32")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert sorted(p.ref for p in page.proxy.source_rows()) == ["4", "5", "6", "7"]
