"""A file made before the unitary rule (and the example) files Plymouth under Devon, as the lookup says it lies: Devon's
figure then added Plymouth's crimes to Devon County Council's eight districts' (4,653 for January 2020 where theirs
are 2,783), and a Plymouth office naming no county was reported as Devon's. A unitary within a county council's county
is under no county, however the file files it."""

from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.police_import import load_counts

DEVON = {"East Devon": 388, "Exeter": 779, "Mid Devon": 241, "North Devon": 344, "South Hams": 220,
         "Teignbridge": 446, "Torridge": 183, "West Devon": 182}


def _filed_before(store) -> None:
    ref.add_district(store, "Plymouth", ons_code="E06000026", county="Devon")  # as files made before the rule did


def test_devon_s_figure_is_its_eight_districts_not_plymouth_filed_under_it_before(store):
    _filed_before(store)
    counts = {**DEVON, "Plymouth": 1870}
    load_counts(store, [("Devon & Cornwall Police", "2020-01", name, "All crime", n) for name, n in counts.items()])
    ref.set_office_scope(store, districts=["Teignbridge"], county="Devon")
    derived = {(r.area, r.period): r for r in svc.figure_rows(store, derived=True) if r.source == "derived"}
    row = derived[("Devon", "2020-01")]
    assert row.value == str(sum(DEVON.values())) and "Plymouth" not in row.derived_from


def test_a_plymouth_office_filed_under_devon_before_names_no_county(store):
    _filed_before(store)
    ref.set_office_scope(store, districts=["Plymouth"])
    assert ref.office_county(store) is None
    assert [a.name for a in ref.office_areas(store)] == ["Plymouth"]
