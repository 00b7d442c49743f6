"""Random runs of the reviews through the presenter the Costs tab's review page uses, as an officer works: reviews
added, corrected and deleted; cost lines added, corrected and deleted; the split chosen; the partners billed;
payments, refusals, write-offs, refusals re-split or carried, payments deleted and shares reopened; recommendations
and panel meetings; every one through the form the window opens, with typing errors among the figures. After every
step the money adds up to the penny (``test_dhr_walk.check``), and Edit > Undo and Redo take the file back and forth
exactly; at the walk's end every step is undone, last first, back to the example as it was, and redone again.

The service-level walk (``test_dhr_walk``) checks the money; this one checks what the window's own steps of
Edit > Undo do, however many later steps came between a step and its undo.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from safer_desk.exchange.county_schema import content_checksums, data_tables
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_dhr_walk import CATEGORIES, check
from tests.walks import unwind, walk_step, walk_test, walked_copy

AMOUNTS = ("£1,250.00", "950", "3,400.50", "0.01", "£12,000", "abc", "-5", "")
DAYS = ("01/09/2018", "15/10/2018", "31/02/2018", "yesterday", "")


def content(store) -> dict[str, str]:
    return content_checksums(store.conn, data_tables(store.conn))[1]


def fill(form, values: dict[str, str]) -> str:
    """Type the values into the form and save it as Save does (Save again past a question); what happened."""
    for key, text in values.items():
        form.set_value(key, text)
    saved = form.save() or form.save()
    return "saved" if saved else f"refused ({form.form_message})"


def step(p: DhrPresenter, rng: random.Random, day: date, added: list[str]) -> str:
    """One thing an officer does on the review page; returns what, for the failure message."""
    if rng.random() < 0.15 or p.selected_case is None:
        kind = rng.choice(["new case", "new case", "delete case"] if p.rows else ["new case"])
        if kind == "new case":
            reference = f"WALK-DHR-{len(added) + 1:02d}" if rng.random() < 0.9 else (added[-1] if added else "")
            form = p.new_case_form()
            said = fill(form, {"reference": reference, "partnership": rng.choice(
                ["Western Suffolk CSP", "Safer Suffolk Partnership Board", ""]), "notes": "Walk"})
            if said == "saved":
                added.append(reference)
            return f"new case {reference!r}: {said}"
        case = rng.choice(p.rows)
        p.select(case.id)
        p.delete_case()
        p.select(p.rows[0].id if p.rows else None)
        return f"delete case {case.reference}"
    if rng.random() < 0.2:
        p.select(rng.choice(p.rows).id)
    case = p.selected_case
    details = p.details()
    kind = rng.choice(["cost", "cost", "edit cost", "delete cost", "split", "bill", "pay", "pay", "refuse", "write off",
                       "resolve", "delete payment", "reopen", "edit case", "recommendation", "complete", "meeting",
                       "delete meeting"])
    where = f" ({case.reference})"
    if kind == "cost":
        return "cost line: " + fill(p.cost_line_form(), {"category": rng.choice(CATEGORIES),
                                                          "amount": rng.choice(AMOUNTS)}) + where
    if kind == "edit case":
        return "edit case: " + fill(p.edit_case_form(), {"notes": rng.choice(["Walk", "Chair appointed", ""]),
                                                         "decision": rng.choice(["pending", "hold", "not held"])})
    if kind == "edit cost" and details.costs:
        line = rng.choice(details.costs)
        return "edit cost line: " + fill(p.edit_cost_line_form(line), {"amount": rng.choice(AMOUNTS)}) + where
    if kind == "delete cost" and details.costs:
        line = rng.choice(details.costs)
        try:
            p.delete_cost_line(line)
        except ValueError as exc:  # below what was billed: refused, and said
            return f"delete cost line refused: {exc}"
        return f"delete cost line {line['amount_pence']}" + where
    if kind == "split":
        split = p.split_form()
        split.set_kind(rng.choice(["equal", "percentages"]))
        if split.kind.value == "percentages" and split.partners:
            cuts = sorted(rng.sample(range(1, 100), len(split.partners) - 1)) if len(split.partners) > 1 else []
            for (oid, _), share in zip(split.partners, [b - a for a, b in zip([0, *cuts], [*cuts, 100])]):
                split.set_percent(oid, str(share) if rng.random() < 0.9 else "abc")
        saved = split.save()
        said = f"split {split.kind.value}: {'saved' if saved else split.form_message}" + where
        if not saved:
            split.discard()
        return said
    if kind == "bill":
        return "bill: " + fill(p.bill_form(), {"invoiced_on": day.strftime("%d/%m/%Y"),
                                               "due_days": rng.choice(["30", "0", "2.5"])}) + where
    if kind == "recommendation":
        return "recommendation: " + fill(p.recommendation_form(), {"text": "Share the learning", "owner": "Police",
                                                                   "due_on": rng.choice(DAYS)})
    if kind == "complete" and [r for r in details.actions if not r["completed_on"]]:
        rec = rng.choice([r for r in details.actions if not r["completed_on"]])
        return "complete: " + fill(p.complete_recommendation_form(rec), {"completed_on": day.strftime("%d/%m/%Y")})
    if kind == "meeting":
        return "meeting: " + fill(p.panel_meeting_form(), {"met_on": rng.choice(DAYS), "note": "Panel"})
    if kind == "delete meeting" and details.meetings:
        p.delete_panel_meeting(rng.choice(details.meetings))
        return "delete meeting" + where
    shares = details.shares
    open_shares = [s for s in shares if s.status == "invoiced" and s.outstanding_pence]
    if kind in ("pay", "refuse", "write off") and open_shares:
        share = rng.choice(open_shares)
        if kind == "pay":
            pence = rng.choice([share.outstanding_pence, rng.randint(1, share.outstanding_pence)])
            return f"pay {share.invoice_ref}: " + fill(p.payment_form(share), {
                "paid_on": day.strftime("%d/%m/%Y"), "amount": rng.choice([f"{pence / 100:.2f}", "abc"])})
        form = (p.refuse_form if kind == "refuse" else p.write_off_form)(share)
        return f"{kind} {share.invoice_ref}: " + fill(form, {"on": day.strftime("%d/%m/%Y"), "reason": "Not ours"})
    if kind == "resolve":
        refused = [s for s in shares if s.status == "refused" and not s.refusal_handling]
        if refused:
            share = rng.choice(refused)
            return f"resolve {share.invoice_ref}: " + fill(p.resolve_form(share), {
                "handling": rng.choice(["re-split", "lead authority"]), "on": day.strftime("%d/%m/%Y")})
    if kind == "delete payment":
        paid = [s for s in shares if s.paid_pence]
        if paid:
            share = rng.choice(paid)
            form = p.delete_payment_form(share)
            form.set_value("payment", rng.choice([pay["id"] for pay in dhr.share_payments(p.store, share.id)]))
            return f"delete payment of {share.invoice_ref}: " + fill(form, {})
    if kind == "reopen":
        closed = [s for s in shares if s.status != "invoiced"]
        if closed:
            share = rng.choice(closed)
            try:
                p.reopen_share(share)
            except ValueError as exc:
                return f"reopen refused: {exc}"
            return f"reopen {share.invoice_ref}" + where
    return f"nothing to {kind}" + where


@walk_test(10)
def test_the_review_pages_steps_undo_exactly_however_many_came_after(tmp_path_factory, demo_master, seed, steps):
    with walked_copy(tmp_path_factory, demo_master, seed) as (store, rng):
        log = ActionLog()
        day = date(2018, 9, 1)
        p = DhrPresenter(store, perform=log, today=lambda: day)
        p.reload()
        p.select(p.rows[0].id)
        done: list[str] = []
        added: list[str] = []
        history: list = []
        check(store, done)

        def one() -> str:
            nonlocal day
            day += timedelta(days=rng.randint(0, 20))
            try:
                return step(p, rng, day, added)
            finally:
                if p.editor is not None:  # a refused form is cancelled, as its dialog would be
                    p.close_form()

        for _ in range(steps):
            walk_step(log, rng, lambda: content(store), lambda: check(store, done), done, one, history)
        unwind(log, history, lambda: content(store), lambda: check(store, done), done)
