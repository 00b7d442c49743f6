"""A police.uk import in the History of Changes says which files, which months and what it replaced; a date typed
as the tabs show it finds the change (round 32, hst).

The History said "Import police.uk data from 2025-01-suffolk-street.csv, 2025-02-suffolk-street.csv; Changed 2
police.uk file records": not which months it counted, nor that it replaced two force-months imported before (the
import's own summary says both: "2 months (2025-01 to 2025-02) … Replaced 2 force-months imported before"). The
trail's entry for the import has room for them (``Batch.details``); the import does not write them yet.
"""

from __future__ import annotations


from safer_desk.presenters.history import history_lines
from safer_desk.services.police_import import import_police_files

POLICE = "/work/shared/data/police-uk/suffolk-2025"


def test_an_import_recorded_with_its_months_and_replacements_says_them(demo_store):
    with demo_store.batch("Import police.uk data", source="2025-01-suffolk-street.csv, 2025-02-suffolk-street.csv") \
            as batch:
        demo_store.conn.execute("UPDATE indicators SET name = name || ' ' WHERE id = (SELECT min(id) FROM indicators)")
        batch.details.update({"months": ["2025-01", "2025-02"],
                              "replaced": [["Suffolk Constabulary", "2025-01"], ["Suffolk Constabulary", "2025-02"]]})
    line = history_lines(demo_store, limit=1)[0]
    assert line.details[0] == "Import police.uk data from 2025-01-suffolk-street.csv, 2025-02-suffolk-street.csv"
    assert "Months: Jan 2025 and Feb 2025" in line.details
    assert ("Replaced Suffolk Constabulary Jan 2025 and Suffolk Constabulary Feb 2025, imported before (never added "
            "twice)") in line.details


def test_a_real_import_says_its_months_and_what_it_replaced(demo_store):
    import_police_files(demo_store, [f"{POLICE}/2025-01-suffolk-street.csv", f"{POLICE}/2025-02-suffolk-street.csv"])
    line = history_lines(demo_store, limit=1)[0]
    assert "Months: Jan 2025 and Feb 2025" in line.details
    assert any(d.startswith("Replaced Suffolk Constabulary Jan 2025") for d in line.details)


def test_a_date_typed_as_the_tabs_show_it_finds_the_change_the_history_says_in_words(demo_store):
    """The History says dates as "13 Nov 2016" (English month names whatever the machine's language); the tabs and
    their date fields show 13/11/2016, and searching for that found nothing."""
    from safer_desk.presenters.history import filter_predicate
    from safer_desk.services import dhr

    case_id = demo_store.scalar("SELECT id FROM dhr_cases WHERE reference = 'WSCSP-DHR-2017-01'")
    with demo_store.action("Edit case WSCSP-DHR-2017-01"):
        dhr.update_case(demo_store, case_id, published_on="2019-04-01")
    line = history_lines(demo_store, limit=1)[0]
    assert "1 Apr 2019" in line.summary
    assert filter_predicate(text="01/04/2019")(line)
    assert filter_predicate(text="1/4/2019 published")(line)
    assert not filter_predicate(text="02/04/2019")(line)
