"""A failed import-police leaves the disk as it was: no new empty file."""

from safer_desk.cli import main


def test_a_refused_first_import_does_not_create_the_file(tmp_path, capsys):
    bad = tmp_path / "2020-01-somewhere-street.csv"
    bad.write_text("Crime ID,Month\nx,2020-01\n", encoding="utf-8")
    target = tmp_path / "new.sqlite"
    assert main(["import-police", str(target), str(bad)]) == 1
    assert "not a police.uk street-level crime file" in capsys.readouterr().err
    assert not target.exists()
    assert not (tmp_path / "new.sqlite.lock").exists()
