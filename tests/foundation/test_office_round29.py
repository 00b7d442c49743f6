"""Whose file this is, named as a district officer types it (round 29).

Found by naming a county as it is pasted from an email or typed in a hurry: `safer-desk office FILE --county
"west  sussex"` (a doubled space) kept the county as typed, brought none of its districts and left the office with
no districts at all ("Districts 2026/27: none"), where "West Sussex" brings Adur … Worthing; the warning it printed
asked "did you mean West Sussex?" of the very name typed. Partnerships and districts are found as typed with any
spacing (round 28); the county now is too, in Office Details' list spelling.
"""

from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store
from tests.cli_run import run

WEST_SUSSEX = "Adur, Arun, Chichester, Crawley, Horsham, Mid Sussex, Worthing"


def test_a_county_typed_with_extra_spaces_is_the_county_and_brings_its_districts(tmp_path, capsys):
    path = tmp_path / "new.sqlite"
    open_store(path, create=True).close()
    code, out, err = run(capsys, "office", path, "--county", "  west   sussex ")
    assert (code, err) == (0, "")
    assert "County: West Sussex" in out
    assert next(line for line in out.splitlines() if line.startswith("Districts ")).endswith(f": {WEST_SUSSEX}")
    store = open_store(path, read_only=True)
    try:
        assert ref.office_scope(store).county == ref.AreaRef("county:west-sussex", "West Sussex", "county")
        assert [a.name for a in ref.office_areas(store)] == ["West Sussex", *WEST_SUSSEX.split(", ")]
    finally:
        store.close()


def test_a_county_the_file_spells_is_found_with_extra_spaces_and_not_warned_about(demo_path, capsys):
    code, out, err = run(capsys, "office", demo_path, "--partnership", "Western Suffolk CSP",
                         "--county", "east  sussex")
    assert code == 0 and "warning" not in err, err  # East Sussex, the example's own: no "did you mean"
    assert "County: East Sussex" in out
    # a real slip is still kept as typed and warned about
    code, out, err = run(capsys, "office", demo_path, "--county", "Suffok")
    assert code == 0 and "did you mean Suffolk?" in err


def test_a_district_filed_under_a_county_typed_with_extra_spaces_takes_the_files_spelling(demo_store):
    district_id = ref.add_district(demo_store, "Hastings", ons_code="E07000062", county="east  sussex")
    assert next(d.county for d in ref.list_districts(demo_store) if d.id == district_id) == "East Sussex"


def test_naming_the_office_again_as_it_is_leaves_no_history_line(demo_path, capsys):
    """A script that names the office on each run, or a county typed in another case ("suffolk" for Suffolk), wrote
    a History line "Set whose file this is — Nothing a person would see changed (only positions or time stamps)"
    each time (and its rows in the trail), where Office Details saved with nothing changed leaves none."""
    from safer_desk.presenters.history import history_lines

    argv = ("office", demo_path, "--partnership", "Western Suffolk CSP", "--county", "Suffolk")
    assert run(capsys, *argv)[0] == 0
    store = open_store(demo_path, read_only=True)
    try:
        before = store.scalar("SELECT count(*) FROM audit_log")
    finally:
        store.close()
    for again in (argv, ("office", demo_path, "--partnership", "western  suffolk csp", "--county", "suffolk")):
        code, out, err = run(capsys, *again)
        assert (code, err) == (0, "")
        assert "Partnerships: Western Suffolk CSP" in out and "County: Suffolk" in out
    store = open_store(demo_path, read_only=True)
    try:
        assert store.scalar("SELECT count(*) FROM audit_log") == before
        [line] = history_lines(store, limit=1)
    finally:
        store.close()
    assert line.action == "Set whose file this is"
    assert line.summary == ("Added office area Western Suffolk CSP and deleted office area Safer Suffolk "
                            "Partnership Board")


