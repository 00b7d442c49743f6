"""Import Figures… with figures typed and not saved asks Save / Discard / Cancel first, as Indicator and Target…,
Baseline and Benchmarks… and Delete do (round 49). It imported without a word: the typed 1,480 stayed in the grid over
the 1,490 imported for Dec-16 (while the cumulative row and the chart said 1,490), and Save Figures then wrote 1,480
over the import."""

from __future__ import annotations

from safer_desk.presenters.screens import UnsavedChoice
from tests.indicators.test_tab_unsaved import stored, tab, type_in_cell  # noqa: F401 (tab: the fixture)


def sheet(tmp_path, value: int):
    path = tmp_path / "figures.csv"
    path.write_text(f"indicator,area,period,value\nAll crime,Plymouth,2016-12,{value}\n", encoding="utf-8")
    return path


def chosen(monkeypatch, path) -> None:
    from safer_desk.ui import prompts

    monkeypatch.setattr(prompts, "open_file_name", lambda *a, **k: str(path))


def test_cancel_keeps_what_was_typed_and_imports_nothing(demo_window, tab, qtbot, prompts, tmp_path,  # noqa: F811
                                                         monkeypatch):
    store = demo_window.session.store
    type_in_cell(tab, qtbot, "2016/17", 8, "1480")
    before = stored(store, "2016-12")
    chosen(monkeypatch, sheet(tmp_path, 1490))
    prompts.unsaved_answers = [UnsavedChoice.CANCEL]
    tab.import_figures()
    assert len(prompts.unsaved_questions) == 1
    assert getattr(tab, "_import_dialog", None) is None  # no file read, no dialog
    assert tab.presenter.has_unsaved_changes() and stored(store, "2016-12") == before


def test_save_first_then_the_import_replaces_the_saved_figure_as_its_preview_says(demo_window, tab,  # noqa: F811
                                                                                   qtbot, prompts, tmp_path,
                                                                                   monkeypatch):
    store = demo_window.session.store
    type_in_cell(tab, qtbot, "2016/17", 8, "1480")
    chosen(monkeypatch, sheet(tmp_path, 1490))
    prompts.unsaved_answers = [UnsavedChoice.SAVE]
    task = tab.import_figures()
    assert len(prompts.unsaved_questions) == 1 and stored(store, "2016-12") == 1480
    dialog = tab._import_dialog
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    assert any("1,480" in text for text in dialog.preview.replaces.values()), dialog.preview.replaces
    assert task is not None and not tab.presenter.has_unsaved_changes()


def test_nothing_typed_imports_without_a_question(demo_window, tab, qtbot, prompts, tmp_path,  # noqa: F811
                                                  monkeypatch):
    chosen(monkeypatch, sheet(tmp_path, 1490))
    tab.import_figures()
    assert prompts.unsaved_questions == [] and tab._import_dialog is not None
