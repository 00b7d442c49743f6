"""View > History of Changes read after this round's new undoable actions (round 29, second look).

Found by billing WSCSP-DHR-2017-01 again with the capped split (Split… > Bill again with another split…) and by
Baseline and Benchmarks… (a milestone's date, an estimated RAG, a target withdrawn), then reading the History: the
invoices cancelled read "Deleted partner share of Ipswich and East CCG, WSCSP-DHR-2017-01" with no invoice number
or amount (a search for MSDC-DHR1-03, or for MSDC-DHR1-09 closed at the £400 paid, found nothing), the split read
"from equal to capped", a milestone's date "from 2012-08 to 2012-09", an estimated RAG "amber" and a target's
status "from set to withdrawn": the file's words, not the screens'.
"""

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.history import COSTS, INDICATORS, filter_predicate, history_lines
from safer_desk.presenters.indicator_framework import FrameworkForm
from safer_desk.services import dhr
from safer_desk.services import indicators as svc

TODAY = date(2018, 9, 1)
BILLED = "WSCSP-DHR-2017-01"
EAST_SUSSEX = "county:east-sussex"
ASSESSMENT = "Produce a Strategic Assessment of Community Safety"
ALCOHOL = "Adults leaving alcohol treatment in a planned way"


def _bill_again(store, log) -> None:
    page = DhrPresenter(store, perform=log, today=lambda: TODAY)
    page.reload()
    page.select(dhr.case_id_by_reference(store, BILLED))
    split = page.rebill_form()
    split.set_kind("capped")
    split.set_cap(payer="org:suffolk-constabulary", percent="50", amount="5000")
    assert split.save(), split.form_message


def test_billing_again_reads_with_the_invoices_cancelled_and_closed_and_the_split_in_the_screens_words(demo_store):
    log = ActionLog()
    _bill_again(demo_store, log)
    (line,) = history_lines(demo_store, limit=1)
    assert line.action == f"Bill {BILLED} again with another split: one partner pays a capped part first"
    assert line.areas == (COSTS,)
    assert (f"Cancelled partner share MSDC-DHR1-03 of Ipswich and East CCG, {BILLED} (£684.15)"
            in line.details)
    assert (f"Changed the amount of partner share MSDC-DHR1-09 of Suffolk County Council, {BILLED} from £684.14 "
            "to £400") in line.details
    assert (f"Changed the split rule of review {BILLED} from Equal shares to One partner pays a capped part first"
            in line.details)
    assert "cancelled 4 partner shares" in line.summary
    assert not any("pence" in d or "_id" in d for d in line.details)
    for typed in ("MSDC-DHR1-03", "MSDC-DHR1-09", "MSDC-DHR1-12", "684.15"):
        assert filter_predicate(text=typed)(line), typed
    log.undo()
    undone = history_lines(demo_store, limit=1)[0]
    assert undone.action.startswith(f"Undo bill {BILLED} again")
    # £144.97 since s64 (£141.74 in proportion to how short): the unpaid partners stand at the same part of their
    # shares as the county, which had paid £400 (test_dhr_rebill_even_s64)
    assert f"Cancelled partner share MSDC-DHR1-12 of Ipswich and East CCG, {BILLED} (£144.97)" in undone.details
    assert (f"Changed the split rule of review {BILLED} from One partner pays a capped part first to Equal shares"
            in undone.details)
    assert filter_predicate(area=COSTS, text="MSDC-DHR1-03")(undone)


def _framework(store, name, year, log) -> FrameworkForm:
    view = svc.year_view(store, svc.get_indicator(store, name), EAST_SUSSEX, year)
    return FrameworkForm.make(store, view, EAST_SUSSEX, year, perform=log)


def test_a_milestone_an_estimated_rag_and_a_withdrawn_target_read_as_baseline_and_benchmarks_says_them(demo_store):
    log = ActionLog()
    form = _framework(demo_store, ASSESSMENT, FinancialYear(2012), log)
    form.set_value("due", "September 2012")
    assert form.save(), form.form_message
    form = _framework(demo_store, ALCOHOL, FinancialYear(2010), log)
    form.set_value("estimate_rag", "amber")
    form.set_value("estimate_basis", "the provider's forecast")
    assert form.save(), form.form_message
    form = _framework(demo_store, ALCOHOL, FinancialYear(2010), log)
    form.set_value("withdrawn_on", "29/06/2010")
    form.set_value("withdrawn_reason", "Withdrawn by the new Government")
    assert form.save(), form.form_message
    log.undo()
    reinstated, withdrawn, estimated, moved = history_lines(demo_store, limit=4)
    assert moved.details == ((f"Changed the due date of milestone of East Sussex (county), {ASSESSMENT}, 2012/13 "
                              "from August 2012 to September 2012"),)
    assert filter_predicate(text="September 2012")(moved)
    assert "RAG rating \u25c6 Amber; basis the provider's forecast" in estimated.details[0]
    target = f"target of East Sussex (county), {ALCOHOL}, 2010/11"
    assert f"Changed the status of {target} from Set to Withdrawn" in withdrawn.details
    assert f"Changed the status of {target} from Withdrawn to Set" in reinstated.details
    assert all(line.areas == (INDICATORS,) for line in (reinstated, withdrawn, estimated, moved))


def test_a_billed_cost_deleted_reads_with_its_invoice_and_the_partners_billed_again(demo_store):
    log = ActionLog()
    page = DhrPresenter(demo_store, perform=log, today=lambda: TODAY)
    page.reload()
    case_id = dhr.case_id_by_reference(demo_store, BILLED)
    page.select(case_id)
    line = next(dict(r) for r in demo_store.rows("SELECT * FROM dhr_cost_lines WHERE case_id = ? AND category = ?",
                                                 (case_id, "Administration")))
    page.delete_cost_line(line)
    (deleted,) = history_lines(demo_store, limit=1)
    assert deleted.action == f"Delete the Administration cost of £625.58 from {BILLED}"
    assert any(d.startswith(f"Deleted review cost MSDC-ADM-0318 of {BILLED}: category Administration")
               for d in deleted.details), deleted.details
    assert f"Cancelled partner share MSDC-DHR1-03 of Ipswich and East CCG, {BILLED} (£684.15)" in deleted.details
    assert [filter_predicate(text=typed)(deleted) for typed in ("MSDC-ADM-0318", "625.58", "MSDC-DHR1-11")] == [
        True, True, True]
