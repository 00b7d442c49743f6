"""Round 32 (cty): one officer's key signing for several offices of one merge (Babergh and Mid Suffolk share one
council's staff). `merge COUNTY exA exB exC --accept-key FP` registered the key for A only and told B and C to run
that very command again, which looped; the three demo offices, all named alike, read "signed with the key of
Example office … not registered for Example office"."""

from __future__ import annotations

import pytest

from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output, officer_keys

DEMO_NAME = "Example office (seed papers)"


@pytest.fixture
def three_demo_exports(tmp_path):
    paths = []
    for x in "ABC":
        assert cli_output(["demo", str(tmp_path / f"{x}.sqlite")])[0] == 0
        assert cli_output(["export", str(tmp_path / f"{x}.sqlite"), str(tmp_path / f"ex{x}.sqlite")])[0] == 0
        paths.append(tmp_path / f"ex{x}.sqlite")
    return paths


def _refusals(err: str) -> dict[str, str]:
    """Each refused file's message, by file name."""
    out = {}
    for line in err.splitlines():
        name, _, why = line.removeprefix("safer-desk: ").partition(" cannot be merged: ")
        if why:
            out[name] = why
    return out


def test_the_merge_never_tells_the_lead_to_run_the_command_just_run(three_demo_exports, tmp_path):
    county = tmp_path / "county.sqlite"
    fp = officer_keys()[0]
    paths = [str(p) for p in three_demo_exports]
    code, _, err = cli_output(["merge", str(county), *paths])
    assert code == 1
    first = _refusals(err)
    assert set(first) == {"exA.sqlite", "exB.sqlite", "exC.sqlite"}, err
    # B and C: the key goes to one office per command, so they are told to merge their own file on its own.
    for name in ("exB.sqlite", "exC.sqlite"):
        assert f'merging {name} on its own with --accept-key "{fp}"' in first[name], first[name]
    code, _, err = cli_output(["merge", str(county), *paths, "--accept-key", fp])
    assert code == 1 and not county.exists()
    again = _refusals(err)
    assert set(again) == {"exB.sqlite", "exC.sqlite"}, err
    for name, why in again.items():
        assert "merge again with --accept-key" not in why, why
        assert f'merging {name} on its own with --accept-key "{fp}"' in why, why
        # The offices have one name: told apart by their files, not "the key of X … not registered for X".
        assert f"signed with the key of {DEMO_NAME}" not in why and f"not registered for {DEMO_NAME}" not in why, why
        assert "whose file exA.sqlite is in this same merge" in why, why
    assert "exA.sqlite" in err and "passed" in err, err  # and A, not merged either, is said
    # Doing what the messages say merges all three.
    for path in paths:
        assert cli_output(["merge", str(county), path, "--accept-key", fp])[0] == 0
    code, out, _ = cli_output(["keys", str(county)])
    assert out.count(fp) == 3, out


def test_a_key_registered_for_an_office_of_the_same_name_is_told_apart(three_demo_exports, tmp_path):
    county = tmp_path / "county.sqlite"
    fp = officer_keys()[0]
    a, b, _ = three_demo_exports
    assert cli_output(["merge", str(county), str(a), "--accept-key", fp])[0] == 0
    code, _, err = cli_output(["merge", str(county), str(b)])
    assert code == 1
    why = _refusals(err)["exB.sqlite"]
    assert f"signed with the key of {DEMO_NAME}" not in why and f"not registered for {DEMO_NAME}" not in why, why
    assert "another office of that name" in why, why
    assert cli_output(["merge", str(county), str(b), "--accept-key", fp])[0] == 0


def test_the_window_asks_once_per_office_and_merges_all_three(window, qtbot, prompts, three_demo_exports, tmp_path):
    """County > Merge district files… with the same three files: one key question per office (the later ones
    warned with the office of exA.sqlite, not "the key of Example office" for Example office), and accepting each
    merges all three."""
    from PySide6.QtCore import Qt

    from safer_desk.ui.exchange.dialogs import import_district_files

    open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team").close()
    assert window.open_path(tmp_path / "county.sqlite")
    with qtbot.waitSignal(window.session.data_changed, timeout=20000):
        import_district_files(window, [str(p) for p in three_demo_exports])
    for n in range(3):
        qtbot.waitUntil(lambda: getattr(window, "key_dialog", None) is not None and window.key_dialog.isVisible())
        dialog = window.key_dialog
        said = " ".join(label.text() for label in dialog.findChildren(type(dialog.intro_label)))
        assert f"the key of {DEMO_NAME}" not in said, said
        assert ("exA.sqlite is in this same merge" in said) == (n > 0), said  # the later two are warned
        assert "--accept-key" not in said
        qtbot.mouseClick(dialog.confirmed_check, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.key_dialog is not dialog)
    qtbot.waitUntil(lambda: getattr(window, "merge_result", None) is not None and window.merge_result.isVisible(),
                    timeout=20000)
    assert [s.file_name for s in window.merge_result.report.merged] == ["exA.sqlite", "exB.sqlite", "exC.sqlite"]
    assert prompts.errors == []
    window.merge_result.close()
