"""Random runs of a pooled target-hardening fund through its presenter, as an officer keys a year of it: partners'
contributions added, corrected and deleted, victims referred (some outside the fund's rules, accepted with a reason),
referrals corrected (another district, another date, another reference) or deleted with their spend, spend lines at
the catalogue's price or typed, corrected, deleted, catalogue items added and removed, the fund's settings changed
(closed: its spend then stays as it is), and Edit > Undo / Redo of any step. After every step, to the penny:

- the spend is the same by district, by item, by month, by victim and line by line, and so is the number of victims;
- the balance is what was contributed less what was spent; the mean per victim is the spend over the victims;
- each referral's spend and number of lines are its own lines';
- what the presenter shows is what a fresh read of the file gives (nothing stale);
- a refused step changes nothing; undo gives back exactly what was shown before the step, and redo what was after.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from safer_desk.domain.funds import half_up
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter, load_fund_data
from safer_desk.services import funds
from tests.walks import unwind, walk_on_copy, walk_settings, walk_step

TODAY = date(2018, 7, 3)
DISTRICTS = ("Babergh", "Ipswich", "Mid Suffolk", "Waveney")
PARTNERS = ("Babergh District Council", "Ipswich Borough Council", "Mid Suffolk District Council")
ITEMS = ("Door chain", "Personal alarm", "Window locks", "Smart doorbell")


def shown(presenter: FundsPresenter) -> tuple:
    data = presenter.data
    f = data.figures
    return (f.contributions_pence, f.spent_pence, f.victims, tuple(f.by_district), tuple(f.by_item),
            tuple(f.by_month), tuple(sorted(f.per_victim)),
            tuple(sorted((r["reference"], r["district"], r["referred_on"], r["spent_pence"], r["lines"])
                         for r in data.referrals)),
            tuple(sorted((r["reference"], r["spent_on"], r["item"], r["amount_pence"]) for r in data.lines)),
            tuple(sorted((c["organisation"], c["amount_pence"]) for c in data.contributions)),
            tuple(sorted((i["name"], i["usual_price_pence"]) for i in data.items)))


def check(presenter: FundsPresenter, done: list[str]) -> None:
    data = presenter.data
    f = data.figures
    lines = [r for r in data.lines if r["spent_on"] <= presenter.today().isoformat()]  # spent by the walk's date
    spent = sum(r["amount_pence"] for r in lines)
    assert f.spent_pence == spent, (f.spent_pence, spent, done)
    assert sum(p for _, _, p in f.by_district) == sum(p for _, _, p in f.by_item) == spent, done
    assert sum(p for _, _, p in f.by_month) == sum(f.per_victim) == spent, done
    supported = {r["referral_id"] for r in lines}
    assert f.victims == len(supported) == len(f.per_victim), (f.victims, len(supported), done)
    assert sum(v for _, v, _ in f.by_district) == sum(v for _, v, _ in f.by_month) == f.victims, done
    assert sum(n for _, n, _ in f.by_item) == len(lines), done
    assert f.contributions_pence == sum(c["amount_pence"] for c in data.contributions), done
    assert f.balance_pence == f.contributions_pence - f.not_received_pence - spent, done  # on the walk's date
    assert f.mean_per_victim_pence == (half_up(Fraction(spent, f.victims)) if f.victims else None), done
    for r in data.referrals:
        own = [line for line in data.lines if line["referral_id"] == r["id"]]
        by_today = sum(line["amount_pence"] for line in own if line in lines)
        # a referral's Spent is its spend by the walk's date, as the figures count it; the rest is keyed ahead (s69)
        assert (r["spent_pence"], r["spent_later_pence"], r["lines"]) == (
            by_today, sum(line["amount_pence"] for line in own) - by_today, len(own)), (r["reference"], done)
    assert sum(r["spent_pence"] for r in data.referrals) == spent, done
    fresh = load_fund_data(presenter.store, presenter.selected, presenter.window, presenter.today())
    assert fresh.figures == f and fresh.referrals == data.referrals, done


def _save(form, values: dict[str, str]) -> str:
    for key, value in values.items():
        form.set_value(key, value)
    if form.save() or form.save() or form.save():  # each doubt is asked once (a date like a slip, spend before the
        return "saved"  # referral or past the money contributed): Save again keeps it
    return f"refused: {form.form_message} {form.errors}"


def _day(fund: funds.Fund, rng: random.Random) -> str:
    """A day in the fund's period, now and then just outside it."""
    day = fund.starts_on + timedelta(days=rng.randint(-3, (fund.ends_on - fund.starts_on).days + 3))
    return f"{day:%d/%m/%Y}"


def _refused_or(delete, done: str) -> str:
    """A deletion, or its refusal (a closed fund's spend, a catalogue item in use), said."""
    try:
        delete()
    except funds.FundError as exc:
        return f"refused: {exc}"
    return done


def step(presenter: FundsPresenter, rng: random.Random) -> str:
    """One thing an officer does on the fund's page; returns what, for the failure message."""
    fund = presenter.fund
    data = presenter.data
    kind = rng.choice(["contribution", "edit contribution", "delete contribution", "referral", "referral",
                       "edit referral", "delete referral", "spend", "spend", "spend", "edit spend", "delete spend",
                       "item", "delete item", "settings"])
    if kind == "contribution":
        amount = f"£{rng.randint(1, 300_000) / 100:,.2f}"
        return f"contribution {amount}: " + _save(presenter.contribution_form(),
                                                  {"organisation": rng.choice(PARTNERS), "amount": amount})
    if kind == "edit contribution" and data.contributions:
        contribution = rng.choice(data.contributions)
        values = rng.choice([{"amount": f"£{rng.randint(1, 300_000) / 100:,.2f}"},
                             {"organisation": rng.choice(PARTNERS)}, {"received_on": _day(fund, rng)}, {"amount": "0"}])
        return f"edit contribution {values}: " + _save(presenter.edit_contribution_form(contribution), values)
    if kind == "delete contribution" and data.contributions:
        contribution = rng.choice(data.contributions)
        presenter.delete_contribution(contribution)
        return f"delete contribution {contribution['amount_pence']}"
    if kind == "referral" or (kind in ("edit referral", "delete referral", "spend") and not data.referrals):
        reference = f"TH-{rng.randint(2017, 2019)}-{rng.randint(1, 60):03d}"
        return f"referral {reference}: " + _save(presenter.referral_form(), {
            "reference": reference, "district": rng.choice(DISTRICTS), "referred_on": _day(fund, rng),
            "risk_level": rng.choice(["high", "medium", "standard"]), "at_marac": rng.choice(["yes", "no"]),
            "override_reason": rng.choice(["", "", "Agreed by the panel"])})
    if kind == "edit referral":
        referral = rng.choice(data.referrals)
        values = rng.choice([{"district": rng.choice(DISTRICTS)}, {"referred_on": _day(fund, rng)},
                             {"reference": f"TH-2018-{rng.randint(1, 60):03d}"}, {"risk_level": "medium"}])
        return f"edit {referral['reference']} {values}: " + _save(presenter.edit_referral_form(referral), values)
    if kind == "delete referral":
        referral = rng.choice(data.referrals)
        return _refused_or(lambda: presenter.delete_referral(referral),
                           f"delete referral {referral['reference']} ({referral['lines']} lines)")
    if kind == "spend":
        referral = rng.choice(data.referrals)
        amount = rng.choice(["", f"{rng.randint(1, 80_000) / 100:.2f}", "£1,250"])
        return f"spend {amount!r} on {referral['reference']}: " + _save(presenter.spend_form(referral), {
            "spent_on": _day(fund, rng), "item": rng.choice(ITEMS), "amount": amount})
    if kind == "edit spend" and data.lines:
        line = rng.choice(data.lines)
        values = rng.choice([{"amount": f"{rng.randint(1, 80_000) / 100:.2f}"}, {"amount": ""},
                             {"spent_on": _day(fund, rng)}, {"item": rng.choice(ITEMS)}, {"supplier": "A. Smith"}])
        return f"edit spend {values} of {line['reference']}: " + _save(presenter.edit_spend_form(line), values)
    if kind == "delete spend" and data.lines:
        line = rng.choice(data.lines)
        return _refused_or(lambda: presenter.delete_spend_line(line),
                           f"delete spend {line['amount_pence']} of {line['reference']}")
    if kind == "item":
        name = rng.choice(ITEMS)
        return f"item {name}: " + _save(presenter.item_form(), {"name": name, "usual_price": rng.choice(["", "£35"])})
    if kind == "delete item" and data.items:  # refused while a spend line has it
        item = rng.choice(data.items)
        return _refused_or(lambda: presenter.delete_item(item), f"delete item {item['name']}")
    if kind == "settings":
        values = rng.choice([{"ends_on": _day(fund, rng)}, {"starts_on": _day(fund, rng)}, {"status": "closed"},
                             {"status": "open"}, {"require_marac": "no"}])
        return f"settings {values}: " + _save(presenter.edit_fund_form(), values)
    return f"nothing to {kind}"


@walk_settings(12)
@given(seed=st.integers(0, 2**32 - 1), steps=st.integers(10, 40))
def test_a_funds_money_always_adds_up_and_undoes_exactly(tmp_path_factory, demo_master, seed, steps):
    store, rng = walk_on_copy(tmp_path_factory, demo_master, seed)
    log = ActionLog()
    presenter = FundsPresenter(store, perform=log, today=lambda: TODAY)
    done: list[str] = []
    try:
        presenter.reload()
        assert presenter.fund is not None
        check(presenter, done)
        history: list = []
        for _ in range(steps):
            walk_step(log, rng, lambda: shown(presenter), lambda: check(presenter, done), done,
                      lambda: step(presenter, rng), history)
        # every step undone, one by one, back to the example's fund as it was; then all redone
        unwind(log, history, lambda: shown(presenter), lambda: check(presenter, done), done)
    finally:
        store.close()
