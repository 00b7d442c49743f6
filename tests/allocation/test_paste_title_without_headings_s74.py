"""A paper's rows copied with its title line but not its headings ("Suffolk CSP allocations 2009/10" above Babergh
and Ipswich) made the title a sixth partnership with one fixed unit and no figures, which took a fixed fee out of the
pot without a word. A first line past the table's end holding a name with figures (a year, a table number) and
nothing else, over rows with their figures, is now refused as the title it looks like; names alone are still
partnerships."""
from __future__ import annotations

import pytest

from safer_desk.domain.allocation import AllocationError
from safer_desk.exchange.files import parse_tsv
from safer_desk.services import allocation_workbench as bench
from safer_desk.services.demo_data.allocation import suffolk_options

ROWS = "Babergh\t1\t2,442\t£70,725\r\nIpswich\t1\t7,937\t£160,607\r\n"


@pytest.mark.parametrize("title", ["Suffolk CSP allocations 2009/10", "Table 2", "Option 2 - As per 2008/09"])
def test_a_title_over_rows_with_figures_is_refused_as_a_title(title):
    state = bench.WorkState((), suffolk_options())
    with pytest.raises(AllocationError) as caught:
        bench.with_pasted(state, 0, 0, parse_tsv(f"{title}\r\n{ROWS}", keep_blank_rows=True))
    assert str(caught.value).startswith(f"Pasted row 1, “{title}”, has no figures while the rows under it have "
                                        "theirs: it looks like the table's title.")


def test_names_alone_and_a_named_row_without_figures_among_others_are_partnerships():
    state = bench.WorkState((), suffolk_options())
    assert len(bench.with_pasted(state, 0, 0, [["Babergh"], ["Ipswich 2"]]).partnerships) == 2
    pasted = bench.with_pasted(state, 0, 0, parse_tsv(f"East Suffolk\r\n{ROWS}", keep_blank_rows=True))
    assert [p.name for p in pasted.partnerships] == ["East Suffolk", "Babergh", "Ipswich"]
