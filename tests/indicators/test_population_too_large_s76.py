"""Session 76: `safer-desk population FILE Ipswich 2025/26 5,000,000,000` was recorded (exit 0), and every rate per
1,000 over it came out as nothing. As a figure below the smallest area of its kind is refused (session 67), one above
the largest is now refused as a digit too many: no district in England and Wales holds more than about 1.3 million
people (Birmingham has about 1.16 million), no partnership or county lead's area more than Greater London's 8.9
million. On the command line (exit 1, file untouched), in View > Populations… (beside the field) and in the
service both call."""

from __future__ import annotations

import hashlib

import pytest

from safer_desk.cli import main
from safer_desk.domain.indicators import IndicatorError, population_too_large
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.populations import PopulationsPresenter
from safer_desk.services import indicators as svc

FY25 = FinancialYear(2025)


@pytest.mark.parametrize("population, kind, refused", [
    (1_157_603, "district", False), (1_300_000, "district", False), (1_300_001, "district", True),
    (5_000_000_000, "district", True), (1_600_000, "county", False), (8_900_000, "county", False),
    (10_000_001, "county", True), (1_600_000, "partnership", False), (10_000_001, "partnership", True),
    (60_000_000, "unknown", False), (65_000_001, "unknown", True)])
def test_a_population_above_the_largest_area_of_its_kind_is_refused(population, kind, refused):
    said = population_too_large(population, kind)
    assert bool(said) is refused, said
    if refused:
        assert f"A population of {population:,} is more than any" in said and "a digit too many" in said


def test_the_service_refuses_five_billion_for_a_district_and_keeps_the_figure_it_had(store):
    ipswich = svc.ensure_area(store, "Ipswich", "district")
    svc.set_population(store, ipswich, FY25, 139_000)
    with pytest.raises(IndicatorError, match="more than any district in England and Wales holds"):
        svc.set_population(store, ipswich, FY25, 5_000_000_000)
    assert svc.get_population(store, ipswich, FY25).population == 139_000


def test_the_command_line_refuses_it_with_exit_1_and_leaves_the_file(demo_path, capsys):
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    assert main(["population", str(demo_path), "Ipswich", "2025/26", "5,000,000,000"]) == 1
    err = capsys.readouterr().err
    assert "population of 5,000,000,000 is more than any district" in err and "Nothing was changed" in err, err
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before


def test_the_populations_form_says_it_beside_the_field(store):
    ipswich = svc.ensure_area(store, "Ipswich", "district")
    log = ActionLog()
    page = PopulationsPresenter(store, perform=log)
    form = page.new_form(ipswich, FY25)
    form.set_value("population", "5,000,000,000")
    assert not form.save()
    assert "more than any district in England and Wales holds" in form.message("population")
    assert page.rows() == [] and not log.done
