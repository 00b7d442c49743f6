"""`safer-desk check EXPORT.sqlite` said the export was "made 2026-12-07 11:43 UTC" (an ISO date, in UTC) where every
other time the program gives (the merge's words about the same export, the window) reads 07/12/2026 and the
computer's clock; an office file's check named the export whose trail was cut short "(2026-12-07)". Both now read
as the rest of the program does."""

from __future__ import annotations

import re
import time
from datetime import datetime

import pytest

from safer_desk.exchange import county_merge
from safer_desk.services.county import export_for_county
from tests.exchange.helpers import cli_output
from tests.exchange.test_signatures import rewrite_trail


@pytest.fixture
def away_from_utc(monkeypatch):
    """The computer's clock five and a half hours ahead of UTC, so a time given in UTC is told apart."""
    monkeypatch.setenv("TZ", "IST-5:30")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _made(export) -> datetime:
    return datetime.fromisoformat(county_merge.read_export(export).exported_at).astimezone()


def test_check_gives_the_time_an_export_was_made_as_the_rest_of_the_program_does(district, tmp_path, away_from_utc):
    export = export_for_county(district, tmp_path / "babergh-for-county.sqlite").path
    code, out, err = cli_output(["check", str(export)])
    assert code == 0, err
    assert f"made {_made(export):%d/%m/%Y %H:%M};" in out, out
    assert " UTC" not in out and not re.search(r"\d{4}-\d\d-\d\d", out), out


def test_check_names_the_day_of_the_export_whose_trail_was_cut_short_as_the_rest_does(district, tmp_path):
    export = export_for_county(district, tmp_path / "babergh-1.sqlite").path
    rewrite_trail(district, lambda c: c.execute("UPDATE audit_log SET who = 'somebody else' WHERE id = 3"))
    code, _, err = cli_output(["check", str(district.path)])
    assert code == 1
    assert f"before export number 1 ({_made(export):%d/%m/%Y}): entry" in err, err
