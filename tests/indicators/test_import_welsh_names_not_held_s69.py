"""A Gwynedd office's figures sheet with a line for Cardiff typed "Caerdydd": a line naming "Cardiff" was told
"Cardiff is a district, so add it to the office's districts (File > Office Details…) and import again", the same
district named in Welsh only "There is no district, partnership or county called “Caerdydd”", as if it did not
exist. A line naming a Scottish council area said the same, when no office can hold it (England and Wales only)."""

from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from tests.cli_run import run


def test_a_welsh_name_of_a_district_the_file_does_not_hold_says_how_to_bring_it_in(store, tmp_path, capsys):
    ref.set_office_scope(store, districts=["Ynys Môn", "Gwynedd"])
    svc.save_indicator(store, "Anti-social behaviour")
    path = store.path
    store.close()
    sheet = tmp_path / "figures.csv"
    sheet.write_bytes("indicator,area,period,value\n"
                      "Anti-social behaviour,Ynys Môn,2025-04,31\n"
                      "Anti-social behaviour,Caerdydd,2025-04,5\n"
                      "Anti-social behaviour,Glasgow City,2025-04,7\n".encode("cp1252"))
    code, out, err = run(capsys, "import-figures", path, sheet)
    assert code == 1
    assert ("Line 3: There is no district, partnership or county called “Caerdydd” in this file yet: Caerdydd is "
            "Cardiff, a district, so add it to the office's districts (File > Office Details…) and import again."
            ) in err, err
    assert ("Line 4: There is no district, partnership or county called “Glasgow City”: Glasgow City is a council "
            "area of Scotland: Safer Desk keeps the districts of England and Wales, where Community Safety "
            "Partnerships are.") in err, err
    assert "Line 2" not in err  # Ynys Môn, in Windows-1252, is the office's Isle of Anglesey
