"""Session 61 (wales): the Isles of Scilly's office imported its own force's download and was told "Devon & Cornwall
Police polices none of this office's districts (Isles of Scilly) … import your own force's files": the islands hold
about 1 in 3,700 of the force's crimes, fewer than the 1 in 100 a force's own district is taken to hold. A force
named for the district's county (Devon & Cornwall Police for the Isles of Scilly, in Cornwall) or the district itself
(Dyfed-Powys Police for Powys) polices it, however few of its crimes are there."""

from __future__ import annotations

from safer_desk.services import reference as ref
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import FIXTURES

OUTSIDE = "none of this office's districts"
DOWNLOAD = FIXTURES / "devon-and-cornwall-2020-q1" / "download-a"


def test_the_isles_of_scilly_are_policed_by_devon_and_cornwall(store):
    ref.set_office_scope(store, districts=["Isles of Scilly"])
    result = import_police_files(store, [DOWNLOAD])
    assert not any(OUTSIDE in line for line in result.summary_lines()), result.summary_lines()


def test_a_district_of_another_force_is_still_said_to_be_outside_it(store):
    ref.set_office_scope(store, districts=["Ceredigion"])
    result = import_police_files(store, [DOWNLOAD], other_forces=True)
    assert any(OUTSIDE in line and "Devon & Cornwall Police" in line for line in result.summary_lines())
