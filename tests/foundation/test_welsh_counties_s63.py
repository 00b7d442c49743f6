"""A Welsh office naming its county (Gwent, Dyfed, Gwynedd: the preserved counties its principal areas lie in, as
England's ceremonial counties hold its districts) was warned that "no district in this file or in the list of English
districts lies in a county called “Gwynedd”" though Gwynedd was the district it had just named, and the county's
figures were those of no district at all: every Welsh principal area was filed under no county."""

from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.police_import import load_counts
from tests.cli_run import run

GWENT = {"Blaenau Gwent": 310, "Caerphilly": 905, "Monmouthshire": 402, "Newport": 1330, "Torfaen": 611}


def test_a_gwent_office_s_county_is_its_five_principal_areas(store):
    load_counts(store, [("Gwent Police", "2024-01", name, "All crime", n) for name, n in GWENT.items()])
    ref.set_office_scope(store, districts=["Newport", "Torfaen"], county="Gwent")
    assert ref.county_doubt(store, "Gwent") == ""
    assert [a.name for a in ref.office_districts(store)] == ["Newport", "Torfaen"]  # the office's own, as named
    derived = {(r.area, r.period): r for r in svc.figure_rows(store, derived=True) if r.source == "derived"}
    assert derived[("Gwent", "2024-01")].value == str(sum(GWENT.values()))


def test_a_welsh_district_the_file_holds_under_no_county_is_filed_under_the_county_named(store):
    ref.add_district(store, "Ceredigion", ons_code="W06000008")  # under no county, as a Welsh office's file was set
    ref.set_office_scope(store, districts=["Ceredigion"])  # up before
    ref.set_office_scope(store, county="Dyfed")
    assert {d.name: d.county for d in ref.list_districts(store)} == \
        {"Carmarthenshire": "Dyfed", "Ceredigion": "Dyfed", "Pembrokeshire": "Dyfed"}


def test_the_command_line_takes_gwynedd_as_the_county_of_gwynedd_and_anglesey(store, capsys):
    path = store.path
    store.close()
    code, out, err = run(capsys, "office", path, "--county", "Gwynedd", "--district", "Gwynedd")
    assert code == 0 and "County: Gwynedd" in out and "Districts named: Gwynedd" in out and err == "", err
    code, out, err = run(capsys, "office", path, "--county", "Gwent", "--district", "Swansea")
    assert code == 0 and "Swansea is in West Glamorgan, not Gwent (the office's county)" in err, err
    code, out, err = run(capsys, "office", path, "--county", "Suffolk", "--district", "Cardiff")
    assert code == 0 and "Cardiff is in Wales, not Suffolk (the office's county)" in err, err


def test_a_cardiff_office_naming_no_county_is_cardiff_s_alone(store):
    """Each Welsh principal area is a unitary council: its preserved county is not a tier its office is taken to
    report to (South Glamorgan heading a Cardiff office's lists, with no figures since Vale of Glamorgan's are not
    held), and its county-wide projects are its own."""
    ref.set_office_scope(store, districts=["Cardiff"])
    assert ref.office_county(store) is None
    assert [a.name for a in ref.office_areas(store)] == ["Cardiff"]
