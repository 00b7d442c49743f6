"""More > Delete fund in a county file (session 60): a fund merged from an office is refused there."""

from __future__ import annotations

import pytest

from safer_desk.domain.funds import FundError
from safer_desk.services import funds
from tests.costs.test_delete_fund_s60 import _empty_fund


def test_a_fund_merged_from_an_office_is_not_deleted_in_the_county_file(offices):
    """The next merge of the office's export would bring it back: it is the office's to delete."""
    from tests.exchange.district_offices import merge

    fund = _empty_fund(offices.babergh)
    merge(offices.county, [offices.send(offices.babergh)])
    said = funds.fund_in_use(offices.county, fund)
    assert "cannot be deleted here: it was merged from Babergh" in said and "the office's to delete" in said, said
    with pytest.raises(FundError):
        funds.delete_fund(offices.county, fund)
    assert funds.fund_in_use(offices.babergh, fund) == ""  # in the office's own file it can be
