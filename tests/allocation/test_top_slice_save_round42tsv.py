"""Allocation, round 42 (tsv): the Top-slice page saves what is typed on it.

The page listed the saved top-slices and worked out a breakdown from its fields (a year's grant, its slice, the
partners …), but nothing could keep what was typed: closing the file lost it (only the example file's PRG was ever
saved). *Save top-slice…* (Alt+-: every letter and digit is another control's on the page) asks for a name and the
year, saves through the service the example file's top-slice was saved by, as one step of Edit > Undo, then lists and
chooses it. What the service refuses is said beside the fields: a name the year already has (a saved top-slice is
never written over: Replace saved does that, asked), figures that do not work out (said before a name is asked for). A
file open read-only: the button is greyed, as the tab's other changing buttons are.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.cli import main
from safer_desk.services import allocation as service
from tests.allocation.test_allocation_round42exa import type_in_field

PRG = "Performance Reward Grant 2009-10"
NEXT = "Performance Reward Grant 2010-11"


def top_slice_page(window, qtbot):
    window.resize(1280, 800)
    window.show()
    tab = window.show_tab("allocation")
    tab.pages.setCurrentIndex(3)
    qtbot.waitUntil(tab.top_slice_save_button.isVisible, timeout=5000)
    return tab


def saved(window) -> dict[str, service.TopSlice]:
    return {f"{t.year} — {t.name}": t for t in service.list_top_slices(window.session.store)}


def listed(tab) -> list[str]:
    return [tab.top_slice_combo.itemText(i) for i in range(tab.top_slice_combo.count())]


def next_years_grant(qtbot, tab) -> None:
    """Seed 000's grant tried for the next year: £3,100,000 over eight partners, the rest as the PRG's."""
    type_in_field(qtbot, tab.top_fields["total"], "£3,100,000")
    type_in_field(qtbot, tab.top_fields["partners"], "8")


def test_save_lists_and_chooses_it_and_undo_and_redo_take_it_out_and_put_it_back(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    assert tab.top_slice_save_button.text() == "Save top-slice… (&-)"
    assert tab.top_slice_save_button.accessibleName() == "Save top-slice"
    next_years_grant(qtbot, tab)
    lines = dict(tab.top_slice_model.rows)
    prompts.texts += [NEXT, "2010/11"]
    qtbot.mouseClick(tab.top_slice_save_button, Qt.MouseButton.LeftButton)
    assert prompts.errors == []
    assert [title for title, _ in prompts.text_questions] == ["Save top-slice", "Save top-slice"]
    item = saved(demo_window)[f"2010/11 — {NEXT}"]
    assert (item.total_pence, item.partners, item.slices, item.remainder_label, item.retained, item.scenario) == (
        3_100_000_00, 8, (("LSP share", Fraction(1, 2)),), "SSP share", Fraction(1, 10), Fraction(1, 5))
    assert listed(tab) == [f"2010/11 — {NEXT}", f"2009/10 — {PRG}"]
    assert tab.top_slice_combo.currentText() == f"2010/11 — {NEXT}"  # chosen: the page shows it as saved
    assert tab.top_fields["total"].text() == "£3,100,000" and dict(tab.top_slice_model.rows) == lines
    assert lines["Each of 8 partners (equal share)"] == 174_375_00
    assert demo_window.undo_action.text() == f"&Undo save top-slice {NEXT}"

    tab.pages.setCurrentIndex(0)  # undone from another page: the Top-slice page shows what went
    demo_window.undo_action.trigger()
    assert list(saved(demo_window)) == [f"2009/10 — {PRG}"]
    assert listed(tab) == [f"2009/10 — {PRG}"] and tab.pages.currentIndex() == 3
    # What was typed stays to be saved again, not the PRG's £2,900,692 put over it.
    assert tab.top_fields["total"].text() == "£3,100,000" and dict(tab.top_slice_model.rows) == lines

    demo_window.redo_action.trigger()
    assert saved(demo_window)[f"2010/11 — {NEXT}"] == item  # the very row, its id too
    assert tab.top_slice_combo.currentText() == f"2010/11 — {NEXT}" and dict(tab.top_slice_model.rows) == lines


def test_the_top_slice_saved_is_in_the_file_after_it_is_closed(qtbot, window, demo_path, prompts):
    assert window.open_path(demo_path)
    tab = top_slice_page(window, qtbot)
    next_years_grant(qtbot, tab)
    prompts.texts += [NEXT, "2010-11"]  # the year as an officer may type it
    tab.save_top_slice()
    window.session.close()
    assert window.open_path(demo_path)
    tab = window.show_tab("allocation")
    assert listed(tab) == [f"2010/11 — {NEXT}", f"2009/10 — {PRG}"]


def test_a_name_the_year_already_has_is_refused_beside_the_fields(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    next_years_grant(qtbot, tab)
    undo_text = demo_window.undo_action.text()
    prompts.texts += [PRG, "2009/10"]
    tab.save_top_slice()
    assert tab.top_slice_problem.text() == (f"⚠ Not saved: There is already a 2009/10 top-slice called “{PRG}”; "
                                            "choose another name (a saved top-slice is not written over). To "
                                            "put the figures on the page in it, choose it under Saved top-slices and "
                                            "press Replace saved.")
    assert prompts.errors == [("Save top-slice", tab.top_slice_problem.text().removeprefix("⚠ "))]
    assert saved(demo_window)[f"2009/10 — {PRG}"].total_pence == 2_900_692_00  # as it was
    assert len(saved(demo_window)) == 1 and demo_window.undo_action.text() == undo_text
    assert tab.top_fields["total"].text() == "£3,100,000"  # what was typed stays, to save under another name


@pytest.mark.parametrize(("name", "year", "said"), [
    ("  ", "2010/11", "⚠ Not saved: A top-slice needs a name."),
    (NEXT, "2010", "⚠ Not saved: Year: “2010” is not a financial year (use a form like 2018/19)."),
])
def test_a_blank_name_or_a_year_not_read_is_refused(qtbot, demo_window, prompts, name, year, said):
    tab = top_slice_page(demo_window, qtbot)
    prompts.texts += [name, year]
    tab.save_top_slice()
    assert tab.top_slice_problem.text() == said and len(saved(demo_window)) == 1


def test_figures_that_do_not_work_out_are_refused_before_a_name_is_asked(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    type_in_field(qtbot, tab.top_fields["partners"], "0")
    qtbot.mouseClick(tab.top_slice_save_button, Qt.MouseButton.LeftButton)
    assert prompts.text_questions == []
    assert tab.top_slice_problem.text() == ("⚠ Not saved: Equal shares: there must be at least one partner to "
                                            "share with.")
    assert prompts.errors and prompts.errors[0][0] == "Save top-slice" and len(saved(demo_window)) == 1


def test_cancelled_nothing_is_saved_or_said(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    undo_text = demo_window.undo_action.text()
    prompts.texts += [NEXT, None]  # the year's question cancelled
    tab.save_top_slice()
    assert len(prompts.text_questions) == 2 and prompts.errors == []
    assert len(saved(demo_window)) == 1 and demo_window.undo_action.text() == undo_text
    assert not tab.top_slice_problem.text().startswith("⚠")


def test_alt_minus_saves(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    tab.top_fields["total"].setFocus()
    qtbot.keyClick(tab.top_fields["total"], Qt.Key.Key_Minus, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(prompts.text_questions), timeout=5000)  # a button's key clicks it a moment later


def test_a_file_open_read_only_greys_the_button(qtbot, window, demo_path, prompts):
    assert window.open_path(demo_path, read_only=True)
    tab = top_slice_page(window, qtbot)
    assert not tab.top_slice_save_button.isEnabled()
    prompts.texts += [NEXT, "2010/11"]
    tab.save_top_slice()  # reached some other way: refused all the same, nothing written
    assert len(saved(window)) == 1 and tab.top_slice_problem.text().startswith("⚠ Not saved: The file is open")


def pence(pounds: str) -> int:
    return int(Decimal(pounds) * 100)


def test_the_window_saves_what_the_command_prints_and_what_the_service_saves(qtbot, demo_window, prompts, capsys,
                                                                            store):
    """The window and the command line call the same services (DESIGN §4): the figures `safer-desk top-slice` prints
    for a grant are the saved top-slice's, and the service given the same figures saves the same top-slice."""
    tab = top_slice_page(demo_window, qtbot)
    type_in_field(qtbot, tab.top_fields["total"], "£1,305,311.40")  # does not split into seven to the penny
    type_in_field(qtbot, tab.top_fields["partners"], "7")
    type_in_field(qtbot, tab.top_fields["scenario"], "15")
    prompts.texts += [NEXT, "2010/11"]
    tab.save_top_slice()
    item = saved(demo_window)[f"2010/11 — {NEXT}"]
    assert main(["top-slice", "1305311.40", "--partners", "7", "--vary", "15"]) == 0
    printed = dict(line.split(",") for line in capsys.readouterr().out.splitlines()[1:])
    result = item.result()
    amounts = [line.amount_pence for line in result.lines]
    assert [pence(printed[k]) for k in ("total", "lsp_share", "remainder", "retained", "each_partner",
                                        "each_partner_plus_15pct", "each_partner_minus_15pct")] == [
        *amounts[:4], result.equal_share_pence, result.scenario_more_pence, result.scenario_less_pence]
    assert pence(printed["shared_by_partners"]) == sum(result.shares_pence)
    service.save_top_slice(store, NEXT, "2010/11", 1_305_311_40, slices=[("LSP share", Fraction(1, 2))],
                           remainder_label="SSP share", retained=Fraction(1, 10), partners=7,
                           scenario=Fraction(15, 100))
    (same,) = service.list_top_slices(store)
    assert same.__dict__ | {"id": ""} == item.__dict__ | {"id": ""}
