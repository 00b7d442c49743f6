"""`safer-desk office FILE --district "forest heath"` (session 60): Forest Heath was merged into West Suffolk in
2019, and the example file records it so. The command named it without a word, though File > Office Details… lists
it "Forest Heath (now West Suffolk)" and says it was abolished; an officer setting up the office from a script read
"Districts named: Forest Heath" and took it for a current district. The command now says what it became, whenever
it shows a scope naming it."""

from __future__ import annotations

from tests.cli_run import run

NOTE = ("safer-desk: note: Forest Heath was abolished on 31/03/2019; its area became part of West Suffolk, which "
        "the office's districts count from then.")


def test_naming_an_abolished_district_says_what_it_became(demo_path, capsys):
    run(capsys, "office", demo_path, "--clear")
    code, out, err = run(capsys, "office", demo_path, "--district", "forest heath")
    assert code == 0
    assert "Districts named: Forest Heath" in out
    assert NOTE in err, err
    code, out, err = run(capsys, "office", demo_path)  # showing the scope says it again, as the window lists it
    assert code == 0 and NOTE in err, err


def test_a_current_district_named_says_nothing_of_abolition(demo_path, capsys):
    run(capsys, "office", demo_path, "--clear")
    code, out, err = run(capsys, "office", demo_path, "--district", "West Suffolk")
    assert code == 0 and "abolished" not in err, err
