"""File > Office Details… without a window (issue 13's office scope): a new file can say whose it is, the
example's scope is shown as the command line shows it, saving is one undoable named action."""

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.presenters.office import ACTION_TEXT, OfficePresenter
from safer_desk.services import reference as ref

TODAY = lambda: date(2026, 11, 28)  # noqa: E731


def chosen(choices):
    return [c.name for c in choices if c.chosen]


def by_name(choices, name):
    return next(c for c in choices if c.name == name)


def test_a_new_file_can_name_its_districts_from_the_current_districts_the_police_import_knows(store):
    log = ActionLog()
    p = OfficePresenter(store, perform=log, today=TODAY)
    assert p.partnerships() == [] and chosen(p.districts()) == [] and p.county() == ""
    names = [c.name for c in p.districts()]
    assert {"Babergh", "Mid Suffolk", "Plymouth", "Cardiff"} <= set(names) and names == sorted(names, key=str.casefold)
    assert "Partnerships: none named" in p.summary() and "County: not named" in p.summary()
    assert "Not named yet" in p.summary() and "--partnership" not in p.summary()

    scope = p.save([], [by_name(p.districts(), "Babergh").id, by_name(p.districts(), "Mid Suffolk").id], "Suffolk")
    assert [a.name for a in scope.districts] == ["Babergh", "Mid Suffolk"] and scope.county.name == "Suffolk"
    assert [a.name for a in ref.office_districts(store, FinancialYear(2026))] == ["Babergh", "Mid Suffolk"]
    row = store.one("SELECT ons_code, county FROM districts WHERE name = 'Babergh'")
    assert row["ons_code"] == "E07000200" and row["county"] == "Suffolk"  # added to the reference data
    assert chosen(p.districts()) == ["Babergh", "Mid Suffolk"] and p.county() == "Suffolk"
    assert "Districts 2026/27: Babergh, Mid Suffolk" in p.summary()
    assert log.undo_text == f"Undo {ACTION_TEXT[0].lower()}{ACTION_TEXT[1:]}"

    log.undo()
    assert chosen(p.districts()) == [] and p.county() == "" and not ref.office_scope(store).is_set
    assert store.scalar("SELECT count(*) FROM districts") == 0  # what the save added to the reference data goes
    assert ref.office_areas(store) == []
    log.redo()
    assert chosen(p.districts()) == ["Babergh", "Mid Suffolk"]


def test_a_district_added_from_the_national_list_keeps_its_own_county(store):
    """A Suffolk office that also names Plymouth (a shared service, say) must not file Plymouth under Suffolk:
    the district's county comes from the shipped lookup (a Welsh principal area's is its preserved county); none
    has a unitary authority within a county council's county (Plymouth in Devon: its figures are not Devon's)."""
    ref.set_office_scope(store, districts=["Babergh", "Plymouth", "Exeter", "Cardiff"], county="Suffolk")
    counties = {r["name"]: r["county"] for r in store.rows("SELECT name, county FROM districts")}
    assert {name: counties[name] for name in ("Babergh", "Plymouth", "Exeter", "Cardiff")} == \
        {"Babergh": "Suffolk", "Plymouth": None, "Exeter": "Devon", "Cardiff": "South Glamorgan"}
    assert "Torbay" not in counties  # Devon's other districts stay out: the office's county is Suffolk


def test_naming_the_county_brings_all_its_districts_so_its_figures_are_the_whole_countys(store):
    """A new file naming Babergh and Mid Suffolk and the county Suffolk: Suffolk's derived figures must add up
    all five Suffolk districts, not the two the office named (which they were, shown as "Suffolk (county)")."""
    from safer_desk.services.police_import import load_counts

    counts = {"Babergh": 298, "East Suffolk": 952, "Ipswich": 1021, "Mid Suffolk": 288, "West Suffolk": 857}
    load_counts(store, [("Suffolk", "2025-01", name, "Burglary", n) for name, n in counts.items()])
    log = ActionLog()
    p = OfficePresenter(store, perform=log, today=TODAY)
    p.save([], [by_name(p.districts(), "Babergh").id, by_name(p.districts(), "Mid Suffolk").id], "Suffolk")
    rows = {r["name"]: r["county"] for r in store.rows("SELECT name, county FROM districts")}
    assert rows == dict.fromkeys(counts, "Suffolk")
    assert [a.name for a in ref.office_scope(store).districts] == ["Babergh", "Mid Suffolk"]  # still only its own
    from safer_desk.services import indicators as figures
    from safer_desk.services.police_import import crime_indicator_id

    indicators = IndicatorsPresenter(store, today=TODAY)
    indicators.load()
    assert [c.label for c in indicators.area_choices()][:3] == ["Suffolk (county)", "Babergh", "Mid Suffolk"]
    derived = figures.derive_figures(store, crime_indicator_id("Burglary"), "county:suffolk", ["2025-01"])
    assert derived["2025-01"].figure.value == sum(counts.values())
    log.undo()
    assert store.scalar("SELECT count(*) FROM districts") == 0  # the county's districts go with the undo


def test_the_examples_scope_is_shown_and_replaced_whole(demo_store):
    log = ActionLog()
    p = OfficePresenter(demo_store, perform=log, today=TODAY)
    assert chosen(p.partnerships()) == ["Safer Suffolk Partnership Board"] and p.county() == "Suffolk"
    assert "Suffolk" in p.counties()
    assert "Districts 2026/27: Babergh, East Suffolk, Ipswich, Mid Suffolk, West Suffolk" in p.summary()
    western = by_name(p.partnerships(), "Western Suffolk CSP")
    p.save([western.id], [], "Suffolk")
    assert chosen(p.partnerships()) == ["Western Suffolk CSP"]
    assert [a.name for a in ref.office_districts(demo_store, FinancialYear(2018))] == [
        "Babergh", "Forest Heath", "Mid Suffolk", "St Edmundsbury"]
    log.undo()
    assert chosen(p.partnerships()) == ["Safer Suffolk Partnership Board"]


def test_an_unknown_district_is_refused_and_nothing_changes(store):
    p = OfficePresenter(store, today=TODAY)
    with pytest.raises(ref.ReferenceError, match="no district called “Narnia”.*police.uk import knows"):
        p.save([], ["Babergh", "Narnia"], "Suffolk")
    assert not ref.office_scope(store).is_set
    assert store.scalar("SELECT count(*) FROM districts") == 0


def test_indicators_say_how_to_name_the_office_when_the_file_lists_no_area_of_its_own(store):
    from safer_desk.services.police_import import load_counts

    p = IndicatorsPresenter(store, today=TODAY)
    p.load()
    assert "Import police data" in p.empty_message()  # nothing imported yet: that comes first
    load_counts(store, [("Suffolk", "2025-01", "Babergh", "Burglary", 4)])  # figures, none of the office's own
    p.load()
    assert p.area_id is None and "File > Office Details…" in p.empty_message()
    OfficePresenter(store, today=TODAY).save([], ["Babergh"], "")
    p.load()
    # Babergh's own county (from the lookup, though the office named none) comes first, as the county file's do
    assert [c.label for c in p.area_choices()][:2] == ["Suffolk (county)", "Babergh"]
    assert "Office Details" not in p.empty_message()


# -- the district list: filter, order, what is ticked (DistrictPicker, no window) ------------------------------
SUFFOLK = ["Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk"]


def names(rows):
    return [r.name for r in rows]


def test_the_filter_shows_names_containing_the_text_anywhere_in_any_case(store):
    picker = OfficePresenter(store, today=TODAY).district_picker()
    everything = names(picker.rows())
    assert len(everything) == len(picker.choices) > 300 and picker.filter_note() == ""
    picker.set_filter("SUFF")
    assert names(picker.rows()) == ["East Suffolk", "Mid Suffolk", "West Suffolk"]
    assert picker.filter_note() == f'3 of {len(everything)} districts contain "SUFF".'
    picker.set_filter("  ffOLK ")  # inside a name, spaces around it ignored
    assert names(picker.rows()) == ["East Suffolk", "Mid Suffolk", "West Suffolk"]
    picker.set_filter("babergh")
    assert picker.filter_note() == f'1 of {len(everything)} districts contains "babergh".'
    picker.set_filter("mid")
    assert "Mid Suffolk" in names(picker.rows()) and "Middlesbrough" in names(picker.rows())
    assert all("mid" in name.casefold() for name in names(picker.rows()))
    picker.set_filter("narnia")
    assert picker.rows() == [] and "No district's name contains \"narnia\"" in picker.filter_note()
    picker.set_filter("")
    assert names(picker.rows()) == everything  # clearing the filter shows everything again


def test_ticked_districts_come_first_and_stay_named_while_the_filter_hides_them(store):
    p = OfficePresenter(store, today=TODAY)
    picker = p.district_picker()
    assert picker.ticked_line() == "Ticked: none"
    ids = {c.name: c.id for c in picker.choices}
    picker.set_filter("bab")
    picker.tick(ids["Babergh"])
    picker.set_filter("mid suff")
    assert names(picker.rows()) == ["Mid Suffolk"]
    picker.tick(ids["Mid Suffolk"])
    picker.set_filter("ips")
    assert names(picker.rows()) == ["Ipswich"]  # Babergh and Mid Suffolk filtered out of sight, yet:
    assert picker.ticked_line() == "Ticked (2): Babergh, Mid Suffolk"
    picker.set_filter("suff")
    assert [(r.name, r.ticked) for r in picker.rows()] == [
        ("Mid Suffolk", True), ("East Suffolk", False), ("West Suffolk", False)]
    picker.set_filter("")
    assert names(picker.rows())[:3] == ["Babergh", "Mid Suffolk", "Adur"]
    picker.tick(ids["Babergh"], False)
    assert picker.ticked_line() == "Ticked (1): Mid Suffolk" and picker.ticked_ids() == [ids["Mid Suffolk"]]
    with pytest.raises(KeyError):
        picker.tick("district:narnia")

    # What is ticked is what Save keeps, filtered out of sight or not.
    picker.tick(ids["Babergh"])
    picker.set_filter("ips")
    p.save([], picker.ticked_ids(), "Suffolk")
    assert [a.name for a in ref.office_scope(store).districts] == ["Babergh", "Mid Suffolk"]
    again = p.district_picker()
    assert names(again.rows())[:5] == ["Babergh", "Mid Suffolk", "East Suffolk", "Ipswich", "West Suffolk"]


def test_a_new_file_chooses_its_county_and_sees_its_districts_first_without_typing(store):
    p = OfficePresenter(store, today=TODAY)
    assert {"Suffolk", "Devon", "East Sussex", "Greater London"} <= set(p.counties())  # a new file has no counties
    picker = p.district_picker()
    assert picker.county == "" and names(picker.rows())[:2] == ["Adur", "Amber Valley"]
    assert "then the rest" in picker.heading() and "'s" not in picker.heading()
    picker.set_county("Suffolk")
    rows = picker.rows()
    assert names(rows)[:6] == SUFFOLK + ["Adur"] and [r.in_county for r in rows[:6]] == [True] * 5 + [False]
    assert picker.heading() == "Districts the partnerships do not cover (ticked first, then Suffolk's, then the rest)"
    picker.set_county("devon")  # a Plymouth office: the ceremonial county, unitary cities included
    assert names(picker.rows())[:10] == ["East Devon", "Exeter", "Mid Devon", "North Devon", "Plymouth", "South Hams",
                                         "Teignbridge", "Torbay", "Torridge", "West Devon"]
    picker.set_county("Suffolk")
    picker.set_filter("e")  # the order holds inside a filter too
    assert names(picker.rows())[:4] == ["East Suffolk", "Babergh", "West Suffolk", "Ealing"]
    assert "no partnerships yet" in p.no_partnerships_note()


def test_the_examples_county_lists_its_districts_first_and_says_what_the_abolished_ones_became(demo_store):
    p = OfficePresenter(demo_store, today=TODAY)
    assert p.no_partnerships_note() == ""
    picker = p.district_picker()
    assert picker.county == "Suffolk"
    first = [r.label for r in picker.rows() if r.in_county]
    assert first == ["Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk",
                     "Forest Heath (now West Suffolk)", "St Edmundsbury (now West Suffolk)",
                     "Suffolk Coastal (now East Suffolk)", "Waveney (now East Suffolk)"]
    assert [r.label for r in picker.rows()][:len(first)] == first
    picker.set_filter("west")  # the name is matched, not what it became
    labels = [r.label for r in picker.rows()]
    assert labels[:3] == ["West Suffolk", "West Berkshire", "West Devon"]  # Suffolk's, then names starting so
    assert labels.index("Cheshire West and Chester") > labels.index("West Lindsey")
    assert "Forest Heath" not in names(picker.rows())
    picker.set_county("Devon")  # the example names Plymouth's county as Devon, as the lookup does
    picker.set_filter("")
    assert names(picker.rows())[:10] == ["East Devon", "Exeter", "Mid Devon", "North Devon", "Plymouth", "South Hams",
                                         "Teignbridge", "Torbay", "Torridge", "West Devon"]


def test_every_current_english_district_and_welsh_principal_area_has_a_county_in_the_shipped_lookup():
    from safer_desk.services.district_counties import county_of_district, national_counties

    counties = county_of_district()
    english = [name for name, code in ref.national_districts() if code.startswith("E")]
    assert len(english) > 290 and all(name in counties for name in english)
    welsh = [name for name, code in ref.national_districts() if code.startswith("W")]
    assert len(welsh) == 22 and all(name in counties for name in welsh)  # each in its preserved county (Gwent …)
    assert counties["Newport"] == "Gwent" and counties["Isle of Anglesey"] == "Gwynedd"
    assert counties["Babergh"] == "Suffolk" and counties["Plymouth"] == "Devon"
    assert counties["Hastings"] == "East Sussex"
    assert sorted(n for n, c in counties.items() if c == "Suffolk") == SUFFOLK
    assert national_counties() == sorted(set(counties.values()), key=str.casefold)
