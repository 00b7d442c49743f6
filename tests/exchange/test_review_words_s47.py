"""Session 47: the board report and the county workbook say a review's kind and decision in words.

The report's "Cost recovery per case" read "review" and "learning review" in its Kind column, and the workbook's
Reviews sheet "review" and "hold" / "not held" in Kind and Decision: the values as stored, where Costs and the Review
form say "Review", "Learning review", "Hold a review" and "Not held"."""

from datetime import date

from safer_desk.presenters.dhr import CaseKind, Decision
from safer_desk.services import dhr
from safer_desk.services.county_workbook import dhr_sheet
from safer_desk.services.report import build_report

TODAY = date(2026, 12, 4)


def test_the_words_are_the_forms_words():
    assert dhr.KIND_WORDS == {k.value: k.label for k in CaseKind}
    assert dhr.DECISION_WORDS == {d.value: d.label for d in Decision}


def test_the_reports_cases_say_their_kind_in_words(demo_store):
    document = build_report(demo_store, year="2017/18", today=TODAY)
    table = next(t for s in document.sections for t in s.tables if t.title == "Cost recovery per case")
    kind = table.header.index("Kind")
    kinds = {row[0]: row[kind] for row in table.rows if row[0] != "Total"}
    assert kinds["WSCSP-DHR-2017-01"] == "Review" and kinds["WSCSP-LR-2017-01"] == "Learning review"


def test_the_workbooks_reviews_say_kind_and_decision_in_words(demo_store):
    sheet = dhr_sheet(demo_store, TODAY)
    names = [c.title for c in sheet.columns]
    kind, decision = names.index("Kind"), names.index("Decision")
    rows = {r[0]: r for block in sheet.blocks for r in block.rows}
    assert rows["WSCSP-DHR-2017-01"][kind] == "Review" and rows["WSCSP-DHR-2017-01"][decision] == "Hold a review"
    assert rows["WSCSP-LR-2017-01"][kind] == "Learning review" and rows["WSCSP-LR-2017-01"][decision] == "Not held"
