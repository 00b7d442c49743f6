"""s75: an office that keeps no target-hardening fund (no referral in its file) was told on every export that its
"individual referrals" were "left out (fund_referrals, fund_spend_lines); 0 summary rows by district and month
instead" (the window: "Individual referrals were left out (0 totals by district and month instead)"): words about
victims' rows it never held, read by an officer as something of theirs that did not go."""

from __future__ import annotations

from safer_desk.services.county import export_for_county
from safer_desk.ui.exchange.dialogs import _victim_level_words
from tests.cli_run import run


def test_a_file_without_referrals_is_not_told_they_were_left_out(store, tmp_path, capsys):
    result = export_for_county(store, tmp_path / "export.sqlite")
    assert result.referrals_held == 0
    said = _victim_level_words(result)
    assert "left out" not in said and "0 totals" not in said, said
    assert "no individual referrals" in said, said
    path = store.path
    store.close()
    code, out, err = run(capsys, "export", path, tmp_path / "again.sqlite")
    assert code == 0, err
    assert "individual referrals: none in this file" in out and "0 summary rows" not in out, out


def test_the_example_is_still_told_its_referrals_were_left_out(demo_store, tmp_path):
    result = export_for_county(demo_store, tmp_path / "export.sqlite")
    assert result.referrals_held > 0
    said = _victim_level_words(result)
    assert said.startswith("Individual referrals were left out (5 totals by district and month instead)."), said
