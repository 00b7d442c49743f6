"""S74 (funds): `safer-desk fund` prints the office's own figures (a fund of one victim: "victims 1" and its mean, the
one victim's spend), as the page shows them, and a script that puts them in a paper had no way to get them as the
fund's export gives them. The optional --as-exported prints the figures as Export fund report… writes them as CSV
(a count of one or two "fewer than 3", no mean, the forecast over the months the export gives together); without it
the output is as it was."""

from __future__ import annotations

import csv
import io

from tests.cli_run import run

PILOT = "Suffolk Target Hardening Pilot"


def _values(out: str) -> dict[str, str]:
    return dict(csv.reader(io.StringIO(out)))


def test_as_exported_gives_no_count_of_one_and_no_mean(demo_path, capsys):
    code, out, err = run(capsys, "fund", str(demo_path), PILOT, "--today", "10/04/2018")
    assert code == 0, err
    own = _values(out)
    assert own["victims"] == "1" and own["mean_spend_per_victim"] == "160"  # the office's own, as before
    code, out, err = run(capsys, "fund", str(demo_path), PILOT, "--today", "10/04/2018", "--as-exported")
    assert code == 0, err
    given = _values(out)
    assert given["victims"] == "fewer than 3" and given["mean_spend_per_victim"] == ""
    assert given["spend"] == own["spend"] == "160" and list(given) == list(own)


def test_as_exported_is_the_page_s_csv_export(demo_path, demo_store, capsys, tmp_path):
    from datetime import date

    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.funds import FundsPresenter
    from safer_desk.services import funds

    referral = demo_store.scalar("SELECT id FROM fund_referrals WHERE reference = 'TH-2018-001'")
    funds.add_spend_line(demo_store, referral, spent_on="03/07/2018", item="Door viewer", amount="45")
    p = FundsPresenter(demo_store, perform=ActionLog(), today=lambda: date(2018, 8, 20))
    p.reload(select=funds.fund_by_name(demo_store, PILOT).id)
    exported = _values(p.export(tmp_path / "pilot.csv").read_text(encoding="utf-8-sig"))
    code, out, err = run(capsys, "fund", str(demo_path), PILOT, "--today", "20/08/2018", "--as-exported")
    assert code == 0, err
    assert _values(out) == exported
    code, out, _ = run(capsys, "fund", str(demo_path), PILOT, "--today", "20/08/2018")
    # the office's own names July's £45 (the one victim helped again); the export does not
    assert "(£45)" in _values(out)["forecast_warnings"] and "£45" not in exported["forecast_warnings"]
