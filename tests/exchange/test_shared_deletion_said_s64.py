"""S64 (files): an office's deletion of a row another office still sends went unsaid in the merge's summary.

Babergh office deleted the county-wide project both it and Mid Suffolk office hold; its next export merged as
"0 added, 0 replaced, 911 unchanged, 0 removed" — 6 rows fewer than it sent before, and not a word of them. The
project rightly stays (Mid Suffolk still sends it: a row several offices hold goes once the last has deleted it),
but the county lead, told nothing, could not tell Babergh's deletion had been seen. The summary now says what stays
and why; once Mid Suffolk deletes it too, it is removed, said as before.
"""

from __future__ import annotations

from safer_desk.services import projects
from tests.exchange.district_offices import merge

SHARED = "Western Suffolk youth work"


def test_a_shared_project_one_office_deleted_is_said_to_stay_for_the_other(offices):
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    projects.delete_projects(o.babergh, ["p-shared"])
    text = merge(o.county, [o.send(o.babergh)]).text()
    assert o.county.scalar("SELECT count(*) FROM projects WHERE id = 'p-shared'") == 1
    assert (f"Kept, as Mid Suffolk office still sends them: 1 project ('{SHARED}'), no longer in Babergh office's "
            "file") in text, text
    assert "Removed, as" not in text, text
    again = merge(o.county, [o.send(o.babergh)]).text()  # said once: Babergh no longer holds it
    assert "Kept, as" not in again, again
    projects.delete_projects(o.mid, ["p-shared"])
    last = merge(o.county, [o.send(o.mid)]).text()
    assert f"Removed, as Mid Suffolk office's file no longer has them: 1 project ('{SHARED}')" in last, last
    assert "Kept, as" not in last, last
