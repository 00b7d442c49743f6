"""A file name suggested from a name people typed ("Retained budget 2009/10: pilot and DV coordinators"): the
slash made it a path into a folder that does not exist, and Windows refuses ":" and the others in a name."""

from __future__ import annotations

import pytest

from safer_desk.domain.text import file_name_from


@pytest.mark.parametrize("typed, name", [
    ("Retained budget 2009/10: pilot and DV coordinators", "Retained budget 2009-10 - pilot and DV coordinators"),
    ("Suffolk Target Hardening Pilot", "Suffolk Target Hardening Pilot"),
    ('Option "B" <draft> | v2?*', "Option B draft v2"),
    ("back\\slash and tab\tand new\nline", "back-slash and tab and new line"),
    ("Ends with dots and spaces. . ", "Ends with dots and spaces"),
    ("CON", "CON (file)"),  # a device name on Windows
    ("lpt1", "lpt1 (file)"),
    ("", "untitled"),
    ("///", "untitled"),
    ("x" * 200, "x" * 120),
])
def test_a_typed_name_becomes_a_file_name_every_system_takes(typed, name):
    assert file_name_from(typed) == name


def test_the_scenario_export_suggests_a_name_without_a_folder_in_it(demo_window, prompts, monkeypatch):
    from safer_desk.ui import prompts as module

    tab = demo_window.show_tab("projects")
    page = tab.show_commissioning()
    asked = []
    monkeypatch.setattr(module, "save_file_name", lambda parent, title, filter_, suggested="": asked.append(suggested)
                        or "")
    page.export()
    page.print_pdf()
    assert asked and all("/" not in s and ":" not in s for s in asked), asked
    assert asked[0].startswith("Retained budget 2009-10") and asked[0].endswith(".xlsx")
