"""A scale's words for the odd inputs (session 53): "6 of 0 months" was refused as "more than the months of the
project", and a scale of 0 (or £0, "none of it") showed as "0/1" in the Scale column and the board's table."""

from __future__ import annotations

import pytest

from safer_desk.domain.projects import ProjectError, Scale, parse_scale


def test_a_project_of_no_months_is_said_to_be_that():
    with pytest.raises(ProjectError, match="a project runs at least 1 month"):
        parse_scale("6 of 0 months")
    with pytest.raises(ProjectError, match="cannot be more than the months of the project"):
        parse_scale("13 of 12 months")


@pytest.mark.parametrize("typed", ["0", "0%", "none", "None"])
def test_a_scale_of_nothing_reads_none_and_reads_back(typed):
    scale = parse_scale(typed)
    assert scale.fraction == 0 and scale.describe() == "none"
    assert parse_scale(scale.describe()) == Scale(0, 1)
