"""View > History of Changes read after this round's changes (round 30).

Found by renaming the office (`safer-desk office FILE --name`, File > Office Details…) and exporting for the county
twice, by billing a review (its first billing day is now kept on it), and by saving a commissioning scenario again
after its award was corrected to one total over three years, then reading the History: the office's new name read
"Changed the value of file setting from Example office (seed papers) to Western Suffolk office", the first export
"Added file setting: key export_sequence; value 1" (the file's own key), the next "Changed the value of file setting
from 1 to 2"; the review "Changed the first billed date …"; the scenario's year "from 2018/19 to (blank)" where the
page says it is against the whole award, and a new scenario "range end upper" where the page says "Ranges: upper end".
"""

from datetime import date

from safer_desk.cli import main
from safer_desk.exchange.signing import existing_officer_key
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.history import COSTS, FILE, PROJECTS, filter_predicate, history_lines
from safer_desk.services import dhr
from safer_desk.services import projects as projects_svc
from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.projects.test_commissioning_round30c import correct_to_one_total, saved_for_2018_19

NEW_NAME = "Western Suffolk office"


def test_the_office_renamed_and_its_exports_read_in_words_not_as_file_settings(demo_path, tmp_path, capsys):
    assert main(["office", str(demo_path), "--name", NEW_NAME]) == 0
    capsys.readouterr()
    store = open_store(demo_path)
    try:
        export_for_county(store, tmp_path / "first.sqlite")
        export_for_county(store, tmp_path / "second.sqlite")
        second, first, renamed = history_lines(store, limit=3)
    finally:
        store.close()
    assert renamed.action == "Set whose file this is"
    assert renamed.details == (f"Changed the office name from Example office (seed papers) to {NEW_NAME}",)
    assert renamed.summary == renamed.details[0]
    # (Since round 32 the action names the file and whether the victim-level detail went with it; since s74 the key.)
    assert first.action == ("Export for the county to first.sqlite (individual referrals and the reviews' notes "
                            f"left out), signed with key {existing_officer_key().fingerprint}")
    assert second.action == first.action.replace("first.sqlite", "second.sqlite")
    assert first.details == ("Made export number 1 for the county",) and first.summary == first.details[0]
    assert second.details == ("Made export number 2 for the county",) and second.summary == second.details[0]
    for line in (renamed, first, second):
        assert line.areas == (FILE,)
        text = " ".join((line.summary, *line.details))
        assert "file setting" not in text and "export_sequence" not in text and "_name" not in text
    assert filter_predicate(text="export number 2")(second)


def test_a_review_s_first_billing_day_reads_as_the_guide_says_it(demo_store):
    log = ActionLog()
    page = DhrPresenter(demo_store, perform=log, today=lambda: date(2022, 10, 1))
    case_id = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02")
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1100")
    page.case_action("Bill", case_id, lambda: dhr.bill_partners(demo_store, case_id, invoiced_on="2022-06-15"))
    log.undo()
    undone, billed = history_lines(demo_store, limit=2)
    said = "the first billing day of review WSCSP-DHR-2017-02"
    assert f"Changed {said} from (blank) to 15 Jun 2022" in billed.details
    assert f"Changed {said} from 15 Jun 2022 to (blank)" in undone.details
    assert all(line.areas == (COSTS,) for line in (undone, billed))


def test_a_scenario_saved_against_the_whole_award_reads_as_the_page_says_it(demo_store):
    scenario_id = saved_for_2018_19(demo_store)
    correct_to_one_total(demo_store)
    page = CommissioningPresenter(demo_store)
    page.set_projects(projects_svc.load_projects(demo_store))
    page.load(scenario_id)
    assert page.save(), page.message
    saved_again, _corrected, saved = history_lines(demo_store, limit=3)
    assert ("Changed the award year of commissioning scenario CSP 2018/19 from 2018/19 to the whole award"
            in saved_again.details)
    assert saved.details[0].startswith("Added commissioning scenario CSP 2018/19: ")
    assert "ranges upper end" in saved.details[0] and "range end" not in saved.details[0]
    assert saved_again.areas == saved.areas == (PROJECTS,)
