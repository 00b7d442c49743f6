"""A file asked for in a folder that does not exist is refused, as any desktop program refuses it: the
folder is not made on the user's behalf (a mistyped path would otherwise leave a new folder tree, with the
report or the office's export in it, somewhere nobody looks)."""

from __future__ import annotations

import pytest

from safer_desk.exchange.files import WriteFailed, atomic_path, write_csv
from tests.exchange.helpers import accept_key_args, cli_output

COMMANDS = {
    "demo": lambda demo, out: ["demo", str(out)],
    "export .sqlite": lambda demo, out: ["export", str(demo), str(out.with_suffix(".sqlite"))],
    "export .xlsx": lambda demo, out: ["export", str(demo), str(out.with_suffix(".xlsx"))],
    "report .html": lambda demo, out: ["report", str(demo), str(out.with_suffix(".html"))],
    "report .pdf": lambda demo, out: ["report", str(demo), str(out.with_suffix(".pdf"))],
    "screenshot": lambda demo, out: ["screenshot", str(out.with_suffix(".png")), str(demo)],
    "merge into a new county file": lambda demo, out: ["merge", str(out.with_suffix(".sqlite")),
                                                       str(_export_of(demo)),
                                                       *accept_key_args()],
    "import-police into a new file": lambda demo, out: ["import-police", str(out.with_suffix(".sqlite")),
                                                        str(demo.parent)],
}


def _export_of(demo):
    export = demo.with_name("babergh-export.sqlite")
    assert cli_output(["export", str(demo), str(export)])[0] == 0
    return export


def test_a_write_into_a_missing_folder_is_refused_and_makes_no_folder(tmp_path):
    target = tmp_path / "no such folder" / "register.csv"
    with pytest.raises(WriteFailed) as refused:
        with atomic_path(target) as tmp:
            tmp.write_text("rows", encoding="utf-8")
    assert f"the folder {target.parent} does not exist" in str(refused.value)
    assert not target.parent.exists()
    with pytest.raises(WriteFailed) as refused:
        write_csv(target, ["a"], [[1]])
    assert f"the folder {target.parent} does not exist" in str(refused.value)
    assert not target.parent.exists()


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("parent, said", [(None, "does not exist"), ("file", "is a file, not a folder")])
def test_commands_refuse_an_output_in_a_missing_folder(command, parent, said, demo_path, tmp_path):
    folder = tmp_path / "Typo"
    if parent == "file":
        folder.write_text("a file where the folder should be", encoding="utf-8")
    code, out, err = cli_output(COMMANDS[command](demo_path, folder / "out.file"))
    assert code == 1, (out, err)
    assert said in err and "Traceback" not in err, err
    assert not folder.is_dir()


def test_a_refused_write_speaks_of_an_earlier_file_only_where_there_is_one(tmp_path):
    """Back Up Now on a full disk said "any earlier office.20261130-101500-000000.on-demand.sqlite is as it was" of
    a name it had just made up: there is none. An earlier file is named only when one is there, and then it is."""
    import errno

    new = WriteFailed(errno.ENOSPC, "the disk is full", tmp_path / "office.20261130-101500-000000.on-demand.sqlite")
    assert "earlier" not in str(new) and "Nothing was changed" in str(new)
    kept = tmp_path / "register.csv"
    kept.write_text("rows", encoding="utf-8")
    assert "the earlier register.csv is as it was" in str(WriteFailed(errno.ENOSPC, "the disk is full", kept))
