"""A pooled fund's name and purpose travel to the county with every export, as its notes and catalogue do: a person's
name typed there is refused beside the field, as it is in a contribution's note or an item's name (round 23)."""

from __future__ import annotations

import pytest

from safer_desk.domain.funds import FundError
from safer_desk.services import funds
from tests.costs.test_funds_round22 import PILOT, fill, presenter


def test_a_name_in_a_new_funds_name_or_purpose_is_refused_beside_the_field(demo_store):
    p, log = presenter(demo_store)
    form = p.new_fund_form()
    fill(form, {"name": "Sanctuary fund for Jane Smith", "starts_on": "01/04/2019", "ends_on": "31/03/2020"})
    assert not form.save()
    assert form.message("name").startswith("Name: “Jane Smith” looks like a person's name.")
    form.set_value("name", "Sanctuary fund 2019/20")
    form.set_value("purpose", "Locks and alarms for Jane Smith of Ipswich")
    assert not form.save()
    assert form.message("purpose").startswith("Purpose: “Jane Smith” looks like a person's name.")
    assert not log.done and not any("Smith" in f.name + f.purpose for f in funds.list_funds(demo_store))
    form.set_value("purpose", "Locks and alarms for victims referred through MARAC")
    assert form.save()


def test_a_name_typed_into_fund_settings_is_refused_and_the_fund_is_unchanged(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    with pytest.raises(FundError, match="looks like a person's name"):
        funds.update_fund(demo_store, fund.id, purpose="Extra locks for Jane Smith")
    with pytest.raises(FundError, match="looks like a person's name"):
        funds.add_fund(demo_store, name="John Smith fund", starts_on="01/04/2019", ends_on="31/03/2020")
    assert funds.get_fund(demo_store, fund.id) == fund
    p, log = presenter(demo_store)
    form = p.edit_fund_form()
    form.set_value("name", "Pilot for Jane Smith")
    assert not form.save() and not log.done
    assert form.message("name").startswith("Name: “Jane Smith” looks like a person's name.")


def test_the_example_funds_names_and_purposes_are_not_names(demo_store):
    before = funds.list_funds(demo_store)
    assert before
    for fund in before:  # each passes the check it would meet in Fund settings
        funds.update_fund(demo_store, fund.id, name=fund.name, purpose=fund.purpose)
    assert [(f.name, f.purpose) for f in funds.list_funds(demo_store)] == [(f.name, f.purpose) for f in before]
