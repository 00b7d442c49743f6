"""Session 72: `safer-desk conflicts` says which number is which of the conflicts said with another.

Five offices begun from the example; Babergh office corrected an administration line and billed the partners again.
The county's listing said the 24 share conflicts folded into the cost line's as "(#6–#11, #13–#18, …)": each is
decidable alone by its number (--keep … --conflict NUMBER), but nothing said which number was which partner's share
from which office. Each is now listed under the one it is said with, by number, office and what it is about.
"""

from __future__ import annotations

import subprocess
import sys

from safer_desk.services.county import ConflictsPresenter, list_conflicts, resolve_conflicts
from tests.exchange.test_conflicts_said_once_dhr4 import merged  # noqa: F401 (the fixture)


def _listed(county) -> list[str]:
    return subprocess.run([sys.executable, "-m", "safer_desk", "conflicts", str(county.path)], capture_output=True,
                          text=True, check=True).stdout.splitlines()


def test_each_number_said_with_another_is_listed_with_what_it_is_about(merged):  # noqa: F811
    county = merged
    [said] = ConflictsPresenter(county).conflicts
    listed = _listed(county)
    assert listed[2] == f"  #{said.id} {said.detail}"
    folded = {c.id: c for c in list_conflicts(county) if c.id in said.said_with}
    assert len(folded) == 27
    assert listed[3:] == [f"      #{c.id} {c.office_name}: {c.subject}" for c in
                          sorted(folded.values(), key=lambda c: c.id)]
    share = next(c for c in folded.values() if c.table == "dhr_shares" and c.office_name == "Mid Suffolk office")
    assert "'s share of WSCSP-DHR-2017-01" in share.subject, share.subject  # which partner's, said
    # the number listed beside that share decides that share alone (as `--keep county --conflict NUMBER` does)
    [decided] = resolve_conflicts(county, "county", which=share.id)
    assert decided.subject == share.subject and len(list_conflicts(county)) == 27
