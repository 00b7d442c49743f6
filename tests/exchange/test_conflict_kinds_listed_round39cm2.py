"""Every kind of conflict `--conflict` takes is named where the county lead looks for it (round 39, cm2).

`--conflict` takes a number, a group or a kind (services.county.check_conflict_selector), but the guide named five
groups and no kind, so `refund-cannot-take` (new this round) was nowhere to be read; a typing mistake's refusal named
the groups only. The guide's lists and the refusal name every group of GROUPS and every kind of KIND_WORDS.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from safer_desk.exchange.county_conflicts import GROUPS, KIND_WORDS
from safer_desk.services.county import CountyError, check_conflict_selector

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide" / "exchange.md"


def _guide_lists() -> tuple[list[str], list[str]]:
    """(groups, kinds) as the guide's paragraph on `merge … --keep` lists them."""
    text = " ".join(GUIDE.read_text(encoding="utf-8").split())
    groups = re.search(r"a group by name — (.*?) — or every conflict of one kind: (.*?)\)\. `conflicts` lists",
                       text)
    assert groups is not None, "the guide no longer lists the groups and kinds --conflict takes"
    return re.findall(r"`([a-z-]+)`", groups.group(1)), re.findall(r"`([a-z-]+)`", groups.group(2))


def test_the_guide_names_every_group_and_kind_of_conflict():
    groups, kinds = _guide_lists()
    assert groups == list(GROUPS)
    assert kinds == list(KIND_WORDS)
    assert "refund-cannot-take" in kinds


@pytest.mark.parametrize("kind", list(KIND_WORDS))
def test_every_kind_is_taken_and_a_mistake_names_them_all(kind):
    check_conflict_selector(kind)  # taken
    with pytest.raises(CountyError) as refused:
        check_conflict_selector("refund-cannot-tak")
    assert all(name in str(refused.value) for name in (*GROUPS, *KIND_WORDS)), str(refused.value)
