"""Round 39 (qax): a folder named where a district's export is wanted (the folder the offices' exports were saved
in, say) was refused as "there is no such file", which sent the county lead looking for a file that was there to
see. It is said to be a folder now, and nothing is made or changed."""

from __future__ import annotations

import pytest

from safer_desk.exchange.county_merge import ExportRefused, read_export
from tests.exchange.helpers import cli_output


def test_a_folder_is_said_to_be_a_folder(tmp_path):
    folder = tmp_path / "district exports"
    folder.mkdir()
    with pytest.raises(ExportRefused, match="district exports cannot be merged: it is a folder") as refused:
        read_export(folder)
    assert "no such file" not in str(refused.value)


def test_merge_of_a_folder_says_so_and_makes_no_county_file(tmp_path):
    folder = tmp_path / "district exports"
    folder.mkdir()
    county = tmp_path / "county.sqlite"
    code, _, err = cli_output(["merge", str(county), str(folder)])
    assert code == 1
    assert "it is a folder" in err and "choose the .sqlite export" in err and "no such file" not in err
    assert not county.exists()
