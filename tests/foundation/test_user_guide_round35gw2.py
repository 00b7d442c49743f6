"""The user guide walked as a new district officer on a first day, round 35 (helper gw2): the names the guide gives
the Allocation tab's fields and lists, the Budgets tab's Plan settings… and section kinds, and the User Guide
window's buttons are the program's; `safer-desk office --district` replaces the districts named before, as the
guide now warns; the example office is named as the guide names it.

Found walking it: the guide called the legacy rounding *Shares rounded to 0.01% first* (the list says "Shares to
0.01% first (legacy)"), the pot's field *Last year's total* (it is "Last year:"), and Plan settings…' report option
**change %** (it is "Changes in the report"); it named no Forward or Contents in the User Guide window; and it did not
say that a second `safer-desk office FILE --district X` forgets the districts the first one named."""

from __future__ import annotations

import re


from PySide6.QtWidgets import QLabel, QPushButton

from safer_desk.cli import main as cli_main
from safer_desk.presenters.budgets import SECTION_KINDS, SETTINGS_FIELDS
from tests.foundation.test_user_guide_round33gwk import DOCS, guide_text


def page(name: str) -> str:
    return re.sub(r"\s+", " ", (DOCS / "guide" / name).read_text(encoding="utf-8"))


def plain(text: str) -> str:
    return text.replace("&", "").rstrip(":").strip()


def test_the_allocation_fields_and_lists_are_named_as_the_guide_names_them(demo_window):
    text = page("allocation.md")
    tab = demo_window.show_tab("allocation")
    rounding = [tab.rounding_combo.itemText(i) for i in range(tab.rounding_combo.count())]
    for written in re.findall(r"\*(Exact shares[^*]*|Shares[^*]*0\.01%[^*]*)\*", text):
        assert written in rounding, (written, rounding)
    assert len(re.findall(r"\*(Exact shares[^*]*|Shares[^*]*0\.01%[^*]*)\*", text)) == 2
    labels = {plain(w.text()) for w in tab.findChildren(QLabel)}
    buttons = {plain(b.accessibleName() or b.text()).rstrip("…") for b in tab.findChildren(QPushButton)}
    for field in ("Last year", "Retained %", "Fixed share", "Damping ±%", "Unit", "Rounding", "Working on"):
        assert f"*{field}*" in text, field
        assert field in labels, (field, sorted(labels))
    assert "*Last year's total*" not in text  # the field is "Last year:"; its radio "Last year's total less retained"
    for button in ("= Sum", "Add Partnership", "Remove Partnership", "Paste", "Open", "Delete", "Copy Table",
                   "Save", "Save as new"):
        assert f"*{button}*" in text, button
        assert button in buttons, (button, sorted(buttons))
    assert "Mark as agreed" in buttons or "Unmark as agreed" in buttons


def test_plan_settings_and_section_kinds_are_named_as_the_guide_names_them():
    text = page("budgets.md")
    labels = [plain(f.label) for f in SETTINGS_FIELDS]
    assert labels == ["Unit", "Total's name", "Total column", "Changes in the report"]
    for label in labels:
        assert f"**{label}**" in text, label
    kinds = [words.split(" (")[0] for _key, words in SECTION_KINDS]
    assert kinds == ["Expenditure", "Income and grants", "Savings", "Budget", "Outside the total"]
    assert ("choose its kind (expenditure and a budget add to the total, income and savings take away, or outside "
            "the total)") in text


def test_the_user_guide_window_has_the_buttons_the_guide_names(demo_window, qtbot):
    text = guide_text()
    assert "**Back**, **Forward**, **Contents** (this first page), and **Find** (Ctrl+F)" in text
    demo_window.show_guide()
    guide = demo_window._guide_window
    qtbot.waitUntil(guide.isVisible)
    assert [plain(b.text()) for b in (guide.back_button, guide.forward_button, guide.home_button)] == [
        "Back", "Forward", "Contents"]
    guide.contents.setCurrentRow(2)
    guide.home_button.click()
    assert guide.contents.currentRow() == 0  # Contents: this first page


def test_office_district_replaces_the_districts_named_before_as_the_guide_says(demo_path, capsys):
    text = guide_text()
    assert "`--district` replaces the districts named before, and `--partnership` the partnerships" in text
    assert "`--clear` forgets the partnerships, districts and county named" in text
    assert cli_main(["office", str(demo_path), "--clear"]) == 0
    assert "Partnerships: none named" in capsys.readouterr().out
    assert cli_main(["office", str(demo_path), "--district", "Babergh", "--district", "Mid Suffolk"]) == 0
    assert "Districts named: Babergh, Mid Suffolk" in capsys.readouterr().out
    assert cli_main(["office", str(demo_path), "--district", "Ipswich"]) == 0
    out = capsys.readouterr().out
    assert "Districts named: Ipswich" in out and "Babergh" not in out.split("Districts named:")[1].splitlines()[0]


def test_the_example_office_is_named_as_the_guide_names_it(demo_path, capsys):
    assert 'Suffolk; named "Example office (seed papers)"' in guide_text()
    assert cli_main(["office", str(demo_path)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "Office: Example office (seed papers)"


def test_an_export_from_an_office_still_called_after_its_file_says_so(store, tmp_path, capsys):
    """The guide: "a new file is named after its file name, so the default file starts as "safer-desk": name it
    before your first export". The start page's reminder goes once the file holds any work; `safer-desk export` then
    sent the county an office called "office" (every default file: "safer-desk") without a word."""
    assert 'the default file starts as "safer-desk": name it before your first export' in guide_text()
    path = store.path
    store.close()
    assert cli_main(["export", str(path), str(tmp_path / "for county.sqlite")]) == 0
    err = capsys.readouterr().err
    assert "still called “office”, after its file" in err and "--name" in err
