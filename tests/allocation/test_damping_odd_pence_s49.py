"""Damping after the two-decimal percentages moves the odd pence: the note said "the odd 37p to Ipswich" and the
warning after it "Babergh has the odd 37p", of one allocation (round 49). The note now says it was before damping."""

from __future__ import annotations

from pathlib import Path

from safer_desk.cli import main

CSV = Path(__file__).with_name("suffolk-2009-10-allocation.csv")
ARGS = ["allocate", str(CSV), "--pot", "589608.37", "--fixed-share", "1/3", "--rounding", "percent-2dp",
        "--unit", "pound"]


def test_the_odd_pence_before_damping_are_said_to_be_before_it(capsys):
    assert main([*ARGS, "--damping", "5"]) == 0
    err = capsys.readouterr().err
    assert "(the odd 37p to Ipswich) so that the allocation adds up exactly to the pot. That was before damping" in err
    assert "Babergh has the odd 37p" in err


def test_without_damping_the_note_is_as_it_was(capsys):
    assert main(ARGS) == 0
    err = capsys.readouterr().err
    assert "(the odd 37p to Ipswich) so that the allocation adds up exactly to the pot." in err
    assert "before damping" not in err and "Ipswich has the odd 37p" in err
