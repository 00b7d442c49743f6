"""`safer-desk allocate`, round 23: options that name one column twice."""

from safer_desk.cli import main


def run(capsys, *argv):
    code = main(["allocate", *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_one_column_named_twice_on_factor_is_refused_not_counted_twice(capsys, tmp_path):
    # "Crime" reads the column crime, as "crime" does: the crime share got both weights and population none, with
    # the weights adding up to 100 so nothing was said.
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,crime,population\nA,1,100,1000\nB,1,300,1000\n", encoding="utf-8")
    code, out, err = run(capsys, path, "--pot", "1000", "--factor", "crime=50", "--factor", "Crime=50")
    assert code == 2 and out == ""  # no INPUT.csv could take it: a usage error (round 27)
    assert "Crime=50" in err and "crime" in err and "twice" in err
