"""Session 66 (wales2): a Monmouthshire office (its district named, and its preserved county Gwent) still called after
its file was told to name it with `safer-desk office FILE --name "Gwent county team"` (on the board report and the
export): a district's office is no county team, and every Exeter, Plymouth or Monmouthshire office naming its county
was offered the county's name to go by. A county file (or a file naming only its county) is still offered it."""

from __future__ import annotations

from safer_desk.services import reference as ref
from safer_desk.services.county import unnamed_file_words


def test_a_district_office_naming_its_county_is_offered_its_district_s_name(store):
    assert store.office_name == store.path.stem
    ref.set_office_scope(store, districts=["Monmouthshire"], county="Gwent")
    said = unnamed_file_words(store)
    assert '--name "Monmouthshire CSP office"' in said and "county team" not in said, said


def test_an_office_of_two_districts_is_offered_both(store):
    ref.set_office_scope(store, districts=["Exeter", "East Devon"], county="Devon")
    assert '--name "East Devon and Exeter CSP office"' in unnamed_file_words(store)


def test_an_office_naming_only_its_county_is_still_offered_the_county_team(store):
    ref.set_office_scope(store, county="Devon")
    assert '--name "Devon county team"' in unnamed_file_words(store)
