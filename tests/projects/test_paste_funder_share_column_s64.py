"""Session 64: Safer Plymouth's commissioning table (seed 003, §5) pasted with its "OPCC contribution" column.

Its headings are "Area/Need", "Recommendation", "OPCC contribution" and "Total budget". Total budget was read as the
cost, but the OPCC's column was said as left out, so the officer typed each project's OPCC share by hand. A column
headed "<Funder> contribution" ("share", "funding") is now read as that funder's share for the paste's year, said in
the preview (the year changeable) before anything is added: the paper's £110,000, £25,000 and £98,500 are £233,500 of
the PCC's £400,568 for 2017/18, £167,068 left (DESIGN.md 2.5)."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.commissioning import Award
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.presenters.projects import PastePreview
from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.storage.store import open_store

PLYMOUTH = [  # seed 003's table, its long cells shortened
    ["Area/Need", "Recommendation", "OPCC contribution", "Total budget"],
    ["Support victims of Domestic Abuse", "Continue to commission the Plymouth Domestic Abuse contract", "£110,000",
     "£501,753"],
    ["Support victims of sexual violence", "Continue to commission a therapeutic counselling service", "£25,000",
     "£75,000"],
    ["Access to an alcohol and substance misuse programme",
     "Continue to commission a community drug and alcohol treatment programme", "£98,500", "£2m"],
    ["Earlier intervention on CSE and DA", "Scope, commission and deliver Healthy Relationship work",
     "Awaiting confirmation", ""],
    ["Key themes kept high profile", "A co-ordinated 12 month plan of awareness activity", "Tbc", ""],
    ["Anti-social behaviour", "Develop existing services for emerging ASB", "Tbc", ""],
    ["Emerging threat, risk and harm", "Develop existing services for emerging crime", "Tbc", ""],
    ["Key analysis such as OCLPs", "Support Safer Plymouth to develop a strong infrastructure", "Tbc", ""],
]
JANUARY_2017 = date(2017, 1, 24)  # the board met on 24 January 2017 to discuss 2017/18


def _preview() -> PastePreview:
    preview = PastePreview(svc.read_paste(PLYMOUTH), today=lambda: JANUARY_2017)
    preview.set_heading_row(True)
    return preview


def test_the_opcc_contribution_is_the_opccs_share_for_the_year_chosen():
    preview = _preview()
    assert preview.keys[2] == "share" and preview.keys[3] == "cost"
    assert preview.share_year == "2016/17"  # the year the paste is made in, until the officer says otherwise
    preview.set_share_year("2017/18")
    shares = [[(s.source, s.financial_year, s.amount_pence, s.amount_note) for s in p.funding_sources]
              for p in preview.projects()]
    assert shares == [[("OPCC", "2017/18", 110_000_00, "")], [("OPCC", "2017/18", 25_000_00, "")],
                      [("OPCC", "2017/18", 98_500_00, "")], [("OPCC", "2017/18", None, "Awaiting confirmation")],
                      *[[("OPCC", "2017/18", None, "Tbc")]] * 4]
    assert "OPCC contribution" not in preview.left_out()
    assert preview.shares_note() == ("“OPCC contribution” is read as OPCC's share for 2017/18: £233,500 in 3 rows, "
                                     "and 5 rows not known yet (change the year under the rows if they are for "
                                     "another).")


def test_the_paste_commits_the_papers_233500_of_the_pccs_400568(tmp_path):
    preview = _preview()
    preview.set_share_year("2017/18")
    store = open_store(tmp_path / "plymouth.sqlite", create=True, office_name="Safer Plymouth")
    ids = svc.add_projects(store, preview.projects())
    funders.save_award(store, Award("pcc", "OPCC", "PCC grant 2017-19", {"2017/18": 400_568_00,
                                                                          "2018/19": 400_568_00}))
    page = CommissioningPresenter(store)
    page.set_projects(svc.load_projects(store))
    page.new()
    page.set_award("pcc", "2017/18")
    for pid in ids:
        page.tick(pid)
    result = page.result()
    assert (result.commitment.committed_pence, result.remaining_pence) == (233_500_00, 167_068_00)
    store.close()


@pytest.mark.parametrize("heading, read", [
    ("OPCC contribution", ("OPCC", "")), ("PCC share (£)", ("PCC", "")), ("CCG funding", ("CCG", "")),
    ("Lottery contribution 2018/19", ("Lottery", "2018/19")), ("OPCC contribution (2017-18)", ("OPCC", "2017/18")),
    ("Funding route", None), ("Suitable funding", None), ("Match funding", None), ("Total funding", None),
    ("Funding sources", None), ("Contribution", None), ("Capital funding", None),
])
def test_which_headings_name_a_funders_share(heading, read):
    assert svc.share_of_heading(heading) == read


def test_two_funders_columns_are_each_their_own_share():
    rows = [["Title", "OPCC contribution", "CCG contribution", "Total budget"],
            ["Counselling", "£25,000", "£50,000", "£75,000"]]
    preview = PastePreview(svc.read_paste(rows), today=lambda: JANUARY_2017)
    assert preview.keys == ["title", "share", "share", "cost"]
    [project] = preview.projects()
    assert [(s.source, s.financial_year, s.amount_pence) for s in project.funding_sources] == [
        ("OPCC", "2016/17", 25_000_00), ("CCG", "2016/17", 50_000_00)]


def test_the_preview_window_says_the_share_and_takes_the_year_chosen(window, qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from safer_desk.domain.periods import FinancialYear

    path = tmp_path / "plymouth.sqlite"
    open_store(path, create=True, office_name="Safer Plymouth").close()
    assert window.open_path(path)
    window.show()
    page = window.show_tab("projects").register
    QGuiApplication.clipboard().setText("\r\n".join("\t".join(row) for row in PLYMOUTH[:4]) + "\r\n")
    qtbot.mouseClick(page.paste_button, Qt.MouseButton.LeftButton)
    dialog = page.paste_dialog
    qtbot.mouseClick(dialog.headings_button, Qt.MouseButton.LeftButton)
    assert [c.currentText() for c in dialog.mapping][2:] == ["Funder's share", "Cost"]
    assert dialog.share_year_row.isVisible()
    this_year = FinancialYear.of(date.today())
    dialog.share_year.setFocus()
    qtbot.keyClick(dialog.share_year, Qt.Key.Key_Down)  # the year after this one: the year being commissioned
    coming = this_year.next().label
    assert f"“OPCC contribution” is read as OPCC's share for {coming}: £233,500 in 3 rows" in dialog.problems.text()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    added = {p.title: p for p in page.model.rows}
    dv = added["Support victims of Domestic Abuse"]
    assert [(s.source, s.financial_year, s.amount_pence) for s in dv.funding_sources] == [("OPCC", coming, 110_000_00)]
    assert dv.cost.describe() == "£501,753"


def test_a_year_in_the_heading_is_the_shares_year_and_none_is_asked(qtbot):
    from safer_desk.ui.projects.paste import PastePreviewDialog

    rows = [["Title", "Lottery funding 2018/19", "Cost"], ["Counselling", "£5,000", "£75,000"]]
    preview = PastePreview(svc.read_paste(rows), today=lambda: JANUARY_2017)
    dialog = PastePreviewDialog(preview)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.share_year_row.isVisible()
    assert preview.shares_note() == "“Lottery funding 2018/19” is read as Lottery's share for 2018/19: £5,000 in 1 row."
    [project] = preview.projects()
    assert [(s.source, s.financial_year) for s in project.funding_sources] == [("Lottery", "2018/19")]


def test_the_year_chosen_elsewhere_is_the_year_the_window_shows(qtbot):
    from safer_desk.ui.projects.paste import PastePreviewDialog

    preview = _preview()
    dialog = PastePreviewDialog(preview)
    qtbot.addWidget(dialog)
    preview.set_share_year("2017/18")
    assert dialog.share_year.currentText() == "2017/18"
    assert "OPCC's share for 2017/18" in dialog.problems.text()
