"""`safer-desk allocate` on an input whose figures' column is headed as the tab heads it (s60)."""

from tests.cli_run import run

HEADED = ("Partnership,Fixed units,BCS comparator offences 2007-08,Last year\n"
          "Babergh,1,\"2,442\",\"£70,725\"\nIpswich,1,\"7,937\",\"£160,607\"\n")


def test_a_column_headed_as_the_tab_heads_it_is_named_with_the_way_to_use_it(capsys, tmp_path):
    """Found by a coordinator: the inputs saved with the tab's headings were refused with "has no column “basis” (it
    has: partnership, fixed_units, bcs_comparator_offences_2007-08, previous)." and no word of --factor, which reads
    that very column. The refusal now says how to name it."""
    path = tmp_path / "inputs.csv"
    path.write_text(HEADED, encoding="utf-8")
    code, out, err = run(capsys, "allocate", path, "--pot", "1000")
    assert code == 1 and out == ""
    assert ("inputs.csv has no column “basis” (it has: partnership, fixed_units, bcs_comparator_offences_2007-08, "
            "previous): head the figures to share by “basis”, or name their column on --factor: "
            "--factor \"BCS comparator offences 2007-08=1\".") in err
    code, out, err = run(capsys, "allocate", path, "--pot", "1000", "--factor", "BCS comparator offences 2007-08=1")
    assert code == 0 and out.splitlines()[1].startswith("Babergh,1,2442,23.53,0,235,235,70725,")
