"""An export cut short on its way to the county (an e-mail attachment that did not finish), checked or opened there,
ended with "ask IT for the copy on the network drive", the advice for an office's own file (session 60, keys): the
county has no backup of an office's export. A file cut short cannot be read far enough to tell an export from an
office's file, so with no backup beside it the words now say first to ask the office to export again, then what to do
for one's own file.
"""

from __future__ import annotations

from tests.cli_run import run


def _cut_export(demo_path, tmp_path, capsys):
    export = tmp_path / "babergh-for-county.sqlite"
    code, _, err = run(capsys, "export", demo_path, export)
    assert code == 0, err
    received = tmp_path / "received"
    received.mkdir()
    cut = received / export.name
    cut.write_bytes(export.read_bytes()[:200_000])
    return cut


def test_checking_an_export_cut_short_asks_for_it_again_not_for_it_from_it(demo_path, tmp_path, capsys):
    cut = _cut_export(demo_path, tmp_path, capsys)
    code, _, err = run(capsys, "check", cut)
    assert code == 1
    problem = next(line for line in err.splitlines() if "PROBLEM" in line)
    assert "cut short, 200,000 bytes" in problem, problem
    assert "If it is an office's export for the county, ask the office to export again" in problem, problem
    assert problem.index("ask the office to export again") < problem.index("If it is your own Safer Desk file"), problem


def test_opening_an_export_cut_short_asks_for_it_again(demo_path, tmp_path, capsys):
    cut = _cut_export(demo_path, tmp_path, capsys)
    code, _, err = run(capsys, "projects", cut)
    said = err.strip().splitlines()[-1]
    assert code == 1 and "cut short" in said, said
    assert "ask the office to export again and send the new file" in said, said
    assert said.index("ask the office to export again") < said.index("If it is your own Safer Desk file"), said
