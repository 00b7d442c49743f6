"""Session 72: File > Signing Keys… asks before Esc (or Close) throws away a reason typed for withdrawing a key. The
county lead typed "laptop lost, reported to IT 04/12" in Reason, pressed Esc meaning to leave the box, and the dialog
closed with the reason gone and no key withdrawn, without a word, where every other form asks about typing."""

from PySide6.QtCore import Qt

from tests.exchange.helpers import officer_keys
from tests.exchange.test_ui_exchange import district_exports  # noqa: F401 (the fixture)


def keys_dialog(window, tmp_path, district_exports):  # noqa: F811
    from safer_desk.services.county import merge_district_files
    from safer_desk.ui.exchange.menu import open_keys_dialog

    assert window.open_path(tmp_path / "county.sqlite")
    merge_district_files(window.session.store, [district_exports[0]], accept_keys=officer_keys())
    dialog = open_keys_dialog(window)
    dialog.view.setCurrentIndex(dialog.proxy.index(0, 0))
    return dialog


def test_esc_with_a_reason_typed_asks_and_keep_open_keeps_it(window, qtbot, prompts, tmp_path,
                                                              district_exports):  # noqa: F811
    dialog = keys_dialog(window, tmp_path, district_exports)
    dialog.reason_edit.setFocus()
    qtbot.keyClicks(dialog.reason_edit, "laptop lost")
    prompts.answers.append(False)  # Keep Open
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Escape)
    assert prompts.questions and "laptop lost" in prompts.questions[-1][1]
    assert dialog.isVisible() and dialog.reason_edit.text() == "laptop lost"
    assert dialog.model.row(0).active  # asking withdrew nothing
    prompts.answers.append(True)  # Close: the reason is let go, still nothing withdrawn
    dialog.reject()
    assert not dialog.isVisible() and len(prompts.questions) == 2


def test_esc_with_nothing_typed_closes_unasked(window, qtbot, prompts, tmp_path, district_exports):  # noqa: F811
    dialog = keys_dialog(window, tmp_path, district_exports)
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and prompts.questions == []
