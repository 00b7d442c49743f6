"""A county file merging an Oxford office's export (naming Oxfordshire) and a Plymouth office's (a unitary, naming no
county) said it was "reported as Oxfordshire's, the county most of its merged offices name": one office of two is not
most of them. It now names the offices that name it."""

from __future__ import annotations

from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template


def test_a_county_one_office_of_two_names_is_said_as_that_office_s(tmp_path):
    base = template(tmp_path, police=False)
    sent = []
    for name, district, county in (("Oxford CSP office", "Oxford", "Oxfordshire"),
                                   ("Safer Plymouth office", "Plymouth", "")):
        office = office_from(base, tmp_path / f"{district}.sqlite", name, districts=[district], county=county)
        try:
            sent.append(export(office, tmp_path / f"{district}-export.sqlite"))
        finally:
            office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="South West and Thames team")
    try:
        merge(county, sent)
        assert ref.reported_county_words(county) == "reported as Oxfordshire's, the county Oxford CSP office names"
    finally:
        county.close()
