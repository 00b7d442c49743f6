"""Session 65: an export the officer asked to hold the victim-level detail says so where it is read.

DESIGN §3: victim-level target-hardening rows are aggregated "unless the user explicitly includes them". Asked
for, they left in a workbook whose Contents said only "Individual referrals: included" and whose Referrals sheet
was headed like any other; forwarded on, nothing in it told the next reader it held victim-level data. The command
said "included (15)" on its output, as it says the row counts, with no word of care.
"""

from __future__ import annotations

import openpyxl

from safer_desk.services.county import export_for_county
from tests.exchange.helpers import cli_output


def _facts(book) -> dict:
    return {r[0]: r[1] for r in book["Contents"].iter_rows(values_only=True) if r and r[0]}


def test_a_workbook_with_the_referrals_says_it_holds_victim_level_data(demo_store, tmp_path):
    asked = openpyxl.load_workbook(export_for_county(demo_store, tmp_path / "asked.xlsx",
                                                     include_referrals=True).path)
    said = _facts(asked)["Individual referrals"]
    assert said.startswith("included") and "victim-level data" in said, said
    assert "victim-level data" in asked["Referrals"]["A1"].value, asked["Referrals"]["A1"].value
    default = openpyxl.load_workbook(export_for_county(demo_store, tmp_path / "default.xlsx").path)
    assert "victim-level data" not in _facts(default)["Individual referrals"]


def test_the_command_warns_that_its_export_holds_victim_level_data(demo_path, tmp_path):
    for out in (tmp_path / "county.sqlite", tmp_path / "county.xlsx"):
        code, stdout, err = cli_output(["export", str(demo_path), str(out), "--include-referrals"])
        assert code == 0, err
        assert "individual referrals: included (15)\n" in stdout, stdout
        assert f"safer-desk: warning: {out.name} holds victim-level data" in err, err
    code, stdout, err = cli_output(["export", str(demo_path), str(tmp_path / "default.sqlite")])
    assert code == 0 and "victim-level data" not in err, err


def test_the_window_says_its_export_holds_victim_level_data(demo_path, tmp_path, window, qtbot, prompts):
    """The window's confirmation said "Individual referrals are included (15) …" as a count, as the command did."""
    from PySide6.QtCore import Qt

    assert window.open_path(demo_path)
    window.exchange_actions["export"].trigger()
    dialog = window.export_dialog
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "for county.xlsx"))
    dialog.referrals_check.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.infos), timeout=15000)
    said = prompts.infos[-1][1]
    assert ("Individual referrals are included (15). This export holds victim-level data: keep it as securely as "
            "the office file and send it only to the county.") in said, said
