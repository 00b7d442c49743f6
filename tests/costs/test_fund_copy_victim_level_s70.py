"""S70 (fund3): Ctrl+C on the fund's Referrals and Spend lines tables put every referral's reference and district on
the clipboard unasked (TH-2018-001 … with "Babergh"), for a paste into an e-mail, while the History of Changes asks
before a copy of the same victim-level detail and leaves it out unless answered Include it. The two tables now ask
as History does: closed or answered Leave it out, the copy has every row without its reference and district; answered
Include it, as before. The figures tables (per district, per item) are not victim-level and ask nothing."""

from __future__ import annotations

from datetime import date

import pytest

from tests.clipboard import copied_with_ctrl_c

TODAY = date(2018, 7, 20)


@pytest.fixture
def page(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    page.today = TODAY
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None and page.referrals.model.rowCount() > 0,
                    timeout=10000)
    return page


@pytest.mark.parametrize(("table", "reference"), [("referrals", "Reference"), ("lines", "Referral")])
def test_a_copy_of_referrals_or_spend_lines_asks_and_leaves_the_references_out(page, qtbot, prompts, table,
                                                                                reference):
    view = getattr(page, table).view
    rows = len(getattr(page, table).source_rows())  # the referrals' Total row is no one's
    pasted = copied_with_ctrl_c(qtbot, view)  # the question closed: Leave it out
    [(title, question)] = prompts.questions
    assert title == "Copy" and question.startswith(f"The {rows} ") and "references and districts" in question
    assert reference not in pasted[0] and "District" not in pasted[0]
    assert len(pasted) == getattr(page, table).shown.rowCount() + 1  # every row (and Total), with its heading
    text = "\n".join("\t".join(r) for r in pasted)
    assert "TH-2018-" not in text and "Babergh" not in text

    prompts.answers.append(True)  # Include it
    pasted = copied_with_ctrl_c(qtbot, view)
    assert reference in pasted[0] and "District" in pasted[0]
    assert "Babergh" in "\n".join("\t".join(r) for r in pasted)


def test_a_copy_of_the_spend_per_district_asks_nothing(page, qtbot, prompts):
    page.select_table("Per district")
    pasted = copied_with_ctrl_c(qtbot, page.by_district.view)
    assert prompts.questions == [] and pasted[0] == ["District", "Victims", "Spend"]


def test_one_referral_is_asked_about_in_the_singular_and_the_total_row_alone_not_at_all(page, qtbot, prompts):
    from safer_desk.presenters.funds import victim_level_copy_question

    assert victim_level_copy_question(1, "referral").startswith(
        "The referral copied is victim-level: the copy leaves out its referral reference and district")
    view = page.referrals.view
    view.setFocus()
    view.selectRow(page.referrals.shown.rowCount() - 1)  # the Total row
    assert view.copy_text().splitlines()[-1].startswith("Total\t") and prompts.questions == []
