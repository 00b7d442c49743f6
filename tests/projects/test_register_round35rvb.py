"""The project register, round 35 (helper rvb): the register's own rows, copied into Excel and copied back without
their headings (the data rows selected there), to move projects into another file.

1. Copy rows puts a Met column (a count, 0 to 5) between Cost and the five criteria; read by the paste's place order
   (criteria straight after Cost), the count was read as "LAA2 outcome?" and every row refused ("“4” is not a
   criterion"), and rows with no criteria recorded put their lead organisation in Areas without a word.
2. Rows whose Cost says "Not stated" (the register's own words for no cost, read back as a cost note) were taken as
   rows in another order than the register's: their ref was left out and their status read as the title.
3. The register's rows pasted back into a register that holds their refs (a colleague's copy, the rows copied twice):
   every row was refused by its ref, each in a line of its own under the preview: 23 rows' lines filled the dialog,
   the rows themselves squeezed to one and the last lines cut off below it. The first rows' problems are said, the
   other rows by their numbers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.exchange.files import parse_tsv
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import projects as svc

REGISTER_ORDER = ["ref", "title", "status", "funding_route", "cost", None, *svc.CRITERIA_KEYS, "lead_organisation",
                  "areas", None]


def copied_data_rows(demo_window, qtbot, refs: set[str]) -> list[list[str]]:
    """The register's Copy rows of these projects, as Excel gives back its data rows (the headings not selected)."""
    page = demo_window.show_tab("projects").register
    proxy = page.proxy
    page.view.clearSelection()
    for r in range(proxy.rowCount()):
        if proxy.index(r, 0).data() in refs:
            page.view.selectionModel().select(
                proxy.index(r, 0), page.view.selectionModel().SelectionFlag.Select
                | page.view.selectionModel().SelectionFlag.Rows)
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    rows = parse_tsv(QGuiApplication.clipboard().text())
    assert rows[0][:2] == ["Ref", "Project / initiative"] and len(rows) == len(refs) + 1
    return rows[1:]


def test_copied_rows_without_headings_leave_the_met_count_out(demo_window, qtbot, store):
    rows = copied_data_rows(demo_window, qtbot, {"4", "9", "P1"})
    preview = ProjectsPresenter(store).paste_preview(rows)  # another district's file: none of these refs in it
    assert preview.keys == REGISTER_ORDER
    assert preview.problems() == ""
    got = {p.ref: p for p in preview.projects()}
    assert got["9"].criterion("additional").describe() == "√ for Ipswich only"
    assert got["4"].criterion("laa_outcome").describe() == "√" and got["4"].criterion("innovative").describe() == "X"
    assert (got["P1"].lead_organisation, got["P1"].areas) == ("Safer Plymouth", ("Plymouth",))


def test_rows_with_no_criteria_recorded_keep_their_lead_organisation(demo_window, qtbot, store):
    rows = copied_data_rows(demo_window, qtbot, {"P1", "P2", "P3"})
    preview = ProjectsPresenter(store).paste_preview(rows)
    assert preview.keys == REGISTER_ORDER
    assert [(p.ref, p.lead_organisation, p.areas) for p in preview.projects()] == [
        ("P1", "Safer Plymouth", ("Plymouth",)), ("P2", "Safer Plymouth", ("Plymouth",)),
        ("P3", "Safer Plymouth", ("Plymouth",))]


def test_rows_whose_cost_is_not_stated_are_read_in_the_registers_order(demo_window, qtbot, store):
    rows = copied_data_rows(demo_window, qtbot, {"P4", "P5", "P6"})
    preview = ProjectsPresenter(store).paste_preview([r[:5] for r in rows])  # Ref to Cost only
    assert preview.keys == ["ref", "title", "status", "funding_route", "cost"]
    assert [(p.ref, p.title, p.status, p.cost_note) for p in preview.projects()] == [
        ("P4", "Healthy Relationships work with schools (CSE and DA)", "proposed", "Not stated"),
        ("P5", "Co-ordinated 12 month awareness plan", "proposed", "Not stated"),
        ("P6", "Services responsive to emerging ASB", "proposed", "Not stated")]



def test_many_rows_refused_are_said_by_the_first_and_counted_after(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    page.view.selectAll()
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)  # 23 projects, pasted back into their register
    page.paste_rows()
    dialog = page.paste_dialog
    said = dialog.problems.text()
    assert "Row 1: Ref: “1” is the ref of 1. Homeshield Plus, already in the register" in said
    assert "Row 8: Ref: “8”" in said and "Row 9:" not in said
    assert said.endswith("Rows 9 to 23 cannot be added either (15 more rows).")
    assert not dialog.add_button.isEnabled()
    dialog.reject()


def test_a_ref_of_thousands_of_digits_is_a_ref_not_a_crash():
    from safer_desk.domain.projects import ref_key

    # int() of 4,300 digits or more raises ValueError (Python's limit on converting digits): the save crashed.
    assert ref_key("P" + "0" * 5000 + "7") == ref_key("p7") and ref_key("٣") == ref_key("3") != ref_key("03a")
