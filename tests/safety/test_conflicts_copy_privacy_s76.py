"""S76 (privacy): Ctrl+C on the conflicts of a county file put a referral's reference and districts on the clipboard
unasked.

Found with the example office's exports sent with --include-referrals: the county lead moved referral VICTIMSON-2026
to Babergh, the office to Mid Suffolk, and the next merge raised the conflict "Referral 'VICTIMSON-2026': district
Babergh at the county (edited there since it was merged), Mid Suffolk from Example office (seed papers)". Selected
and copied in File > Conflicts… (or in the merge's summary), to paste into an e-mail to the office, it went whole,
while the fund's Referrals table asks before a copy and leaves the reference and district out unless answered
Include it. The conflicts' tables now ask as it does when a conflict copied is about a referral or a spend line:
left out, the copy gives the conflicts' numbers, offices and kinds without their words.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from safer_desk.ui.kit import HISTORY_FORMATS
from tests.exchange.helpers import merge_accepting
from tests.safety.test_history_conflict_decision_privacy_s76 import REFERENCE, moved


@pytest.fixture
def county_with_a_referral_conflict(demo_store, tmp_path):
    moved(demo_store, "Ipswich")
    first = export_for_county(demo_store, tmp_path / "first.sqlite", include_referrals=True).path
    path = tmp_path / "county.sqlite"
    county = open_store(path, create=True, office_name="Suffolk county team")
    try:
        merge_accepting(county, [first])
        moved(county, "Babergh")
        moved(demo_store, "Mid Suffolk")
        report = merge_accepting(county, [export_for_county(demo_store, tmp_path / "second.sqlite",
                                                            include_referrals=True).path])
    finally:
        county.close()
    return path, report


def copied(qtbot, view) -> dict[str, str]:
    QGuiApplication.clipboard().setText("(nothing copied)")
    view.setFocus()
    view.selectAll()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    return {f: bytes(mime.data(f)).decode("utf-8", "replace") for f in mime.formats()}


def check_asks(qtbot, prompts, view) -> None:
    left_out = copied(qtbot, view)  # the question closed, or answered Leave it out
    [(title, question)] = prompts.questions
    assert title == "Copy" and question.startswith("A conflict copied is about a referral or a spend line")
    text = "\n".join(left_out.values())
    assert REFERENCE not in text and "Babergh" not in text
    assert "#1" in left_out["text/plain"] and "Example office (seed papers)" in left_out["text/plain"]

    prompts.answers.append(True)  # Include it: whole, and kept out of the clipboard's history
    included = copied(qtbot, view)
    assert REFERENCE in included["text/plain"]
    assert set(HISTORY_FORMATS) <= set(included)


def test_file_conflicts_asks_before_copying_a_referral_s_conflict(county_with_a_referral_conflict, window, qtbot,
                                                                  prompts):
    from safer_desk.ui.exchange.conflicts_dialog import ConflictsDialog

    path, _report = county_with_a_referral_conflict
    assert window.open_path(path)
    dialog = ConflictsDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    check_asks(qtbot, prompts, dialog.view)


def test_the_merge_summary_asks_too(county_with_a_referral_conflict, qtbot, prompts):
    from safer_desk.ui.exchange.dialogs import MergeResultDialog

    _path, report = county_with_a_referral_conflict
    summary = MergeResultDialog(report)
    qtbot.addWidget(summary)
    assert summary.model.rowCount() == 1
    check_asks(qtbot, prompts, summary.view)
