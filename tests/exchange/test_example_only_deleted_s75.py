"""Session 75: an office that began from the example and only deleted some of its rows, or only changed a setting, was
still taken for one that sent only its copy of the example: the county's words did not count it among the offices its
figures came from. Deleting the example's projects it does not run is work of its own (its copy no longer says what
the example says); so is a setting of its own (the reviews called Domestic Abuse Related Death Reviews)."""

from __future__ import annotations

from safer_desk.services import example_rows
from safer_desk.services.dhr import set_review_label
from safer_desk.services.projects import delete_projects, load_projects
from tests.exchange.test_example_only_offices_s74 import _county, _office, _own_project


def _delete_alcohol_worker(store) -> None:
    delete_projects(store, [next(p.id for p in load_projects(store) if p.title == "PPO alcohol worker")])


def _rename_reviews(store) -> None:
    set_review_label(store, "Domestic Abuse Related Death Review")


def test_an_office_that_only_deleted_example_rows_is_counted(tmp_path):
    sent = [_office(tmp_path, "Babergh office", "Babergh", _own_project),
            _office(tmp_path, "Ipswich office", "Ipswich", _delete_alcohol_worker),
            _office(tmp_path, "Suffolk office", "Mid Suffolk")]
    county = _county(tmp_path, sent)
    try:
        assert list(example_rows.example_only_offices(county).values()) == ["Suffolk office"]
    finally:
        county.close()


def test_an_office_that_only_deleted_example_rows_merged_first_is_counted(tmp_path):
    sent = [_office(tmp_path, "Ipswich office", "Ipswich", _delete_alcohol_worker),
            _office(tmp_path, "Babergh office", "Babergh", _own_project),
            _office(tmp_path, "Suffolk office", "Mid Suffolk")]
    county = _county(tmp_path, sent)
    try:
        assert list(example_rows.example_only_offices(county).values()) == ["Suffolk office"]
    finally:
        county.close()


def test_an_office_that_only_changed_a_setting_is_counted(tmp_path):
    sent = [_office(tmp_path, "Babergh office", "Babergh", _own_project),
            _office(tmp_path, "Ipswich office", "Ipswich", _rename_reviews),
            _office(tmp_path, "Suffolk office", "Mid Suffolk")]
    county = _county(tmp_path, sent)
    try:
        assert list(example_rows.example_only_offices(county).values()) == ["Suffolk office"]
    finally:
        county.close()
