"""The History of Changes' Copy minimises as its Export does: Ctrl+C on the lines put a review's notes ("Changed the
notes of review … from (blank) to ZQXCASENOTE …") and a referral's reference and spend on the clipboard unasked, for
a paste into an e-mail, while Export… left them out unless asked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from safer_desk.services import dhr, funds
from tests.clipboard import copied_with_ctrl_c
from tests.kit.test_history_window_round23 import opened_history

NOTE = "ZQXCASENOTE refuge moved"
REFERENCE = "ZQXREF-2018-77"


def changed_victim_level_detail(window) -> None:
    store = window.session.store
    case_id = store.scalar("SELECT id FROM dhr_cases ORDER BY reference LIMIT 1")
    dhr.update_case(store, case_id, notes=NOTE)
    fund = funds.list_funds(store)[0]
    referral = funds.list_referrals(store, fund.id)[0]
    funds.update_referral(store, referral["id"], reference=REFERENCE, district=referral["district"],
                          referred_on=referral["referred_on"], risk_level=referral["risk_level"],
                          at_marac=referral["at_marac"], idva_assigned=referral["idva_assigned"],
                          perpetrator_resident=referral["perpetrator_resident"],
                          override_reason=referral["override_reason"])
    window.session.notify("")


def history_copied(window, qtbot):
    dialog = opened_history(window, qtbot)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.proxy.rowCount() > 0, timeout=5000)
    return dialog, copied_with_ctrl_c(qtbot, dialog.view)


def test_a_copy_of_the_history_leaves_the_notes_and_the_references_out_unless_asked(demo_window, qtbot, prompts):
    changed_victim_level_detail(demo_window)
    dialog, pasted = history_copied(demo_window, qtbot)
    text = "\n".join("\t".join(row) for row in pasted)
    assert "ZQX" not in text
    assert pasted[0] == ["When", "Who", "Area", "Action", "What changed"]
    assert len(pasted) == dialog.proxy.rowCount() + 1  # every line, its detail left out and saying so
    assert any("(victim-level detail left out)" in row[4] for row in pasted[1:])
    [(title, question)] = prompts.questions
    private = dialog.presenter.victim_level_count(dialog.proxy.source_rows())  # the example's own and these two
    assert title == "Copy the history of changes" and f"{private} of the actions copied changed" in question

    prompts.answers.append(True)  # Include it
    pasted = copied_with_ctrl_c(qtbot, dialog.view)
    text = "\n".join("\t".join(row) for row in pasted)
    assert f"to {NOTE}" in text and REFERENCE in text
    dialog.close()
    QCoreApplication.processEvents()


def test_a_copy_of_lines_with_no_victim_level_detail_asks_nothing(demo_window, qtbot, prompts):
    dialog = opened_history(demo_window, qtbot)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.proxy.rowCount() > 0, timeout=5000)
    dialog.view.selectRow(0)
    line = dialog.selected_line()
    assert not line.victim_level
    dialog.view.copy_selection(with_header=False)
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text().rstrip("\r\n").split("\t") == [
        line.when, line.who, line.area, line.action, line.summary]
    assert prompts.questions == []
    dialog.close()
