"""S66 (files): an export number the county never received is said at the county, not passed over in silence.

An export killed in its last moment (its number recorded in the office's file, the file not yet moved into place)
uses up its number: the office's next export takes the one after. The county merged Babergh office's export number 3
after its number 1 and the summary said nothing of number 2; a county lead who speaks of exports by number was left
to wonder whether one was lost. The merge summary now says which numbers it has not merged, and that nothing is
missing (each export holds all of the office's figures); merged in order, or an office's first export merged, it
says nothing.
"""

from __future__ import annotations

from safer_desk.faults import FAULT_EXIT_CODE
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, office_from, template
from tests.exchange.helpers import merge_accepting
from tests.safety.helpers import run_cli

NOT_MERGED = "not been merged into this county file"


def _office(tmp_path):
    return office_from(template(tmp_path), tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])


def _fingerprint(home) -> str:
    done = run_cli(["key"], home=home)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[0].strip()


def test_an_export_killed_as_it_was_finished_uses_a_number_and_the_county_is_told(tmp_path):
    home = tmp_path / "home"
    _office(tmp_path).close()
    office, county = tmp_path / "babergh.sqlite", tmp_path / "county.sqlite"
    e1, lost, e3 = (tmp_path / f"e{n}.sqlite" for n in (1, 2, 3))
    assert run_cli(["export", str(office), str(e1)], home=home).returncode == 0
    done = run_cli(["merge", str(county), str(e1), "--accept-key", _fingerprint(home)], home=home)
    assert done.returncode == 0, done.stderr
    killed = run_cli(["export", str(office), str(lost)], home=home, fault="export:before-replace")
    assert killed.returncode == FAULT_EXIT_CODE, killed.stderr
    assert not lost.exists()
    done = run_cli(["export", str(office), str(e3)], home=home)
    assert "export number 3 of this office" in done.stdout, done.stdout  # number 2 was used up by the killed one
    done = run_cli(["merge", str(county), str(e3)], home=home)
    assert done.returncode == 0, done.stderr
    said = ("Export number 2 of Babergh office has not been merged into this county file (the last merged was its "
            "number 1). Nothing is missing: each export holds all of the office's figures, and this one brings them "
            "up to date. (An export stopped as it was being finished uses up its number too.)")
    assert said in done.stdout, done.stdout


def test_several_numbers_not_merged_are_said_as_a_range(tmp_path):
    store = _office(tmp_path)
    try:
        sent = [export(store, tmp_path / f"e{n}.sqlite") for n in (1, 2, 3, 4)]
    finally:
        store.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county")
    try:
        merge_accepting(county, [sent[0]])
        text = merge_accepting(county, [sent[3]]).text()
    finally:
        county.close()
    assert "Export numbers 2 and 3 of Babergh office have " + NOT_MERGED + " (the last merged was its number 1)." \
        in text, text


def test_exports_merged_in_order_or_an_office_s_first_say_nothing_of_it(tmp_path):
    store = _office(tmp_path)
    try:
        sent = [export(store, tmp_path / f"e{n}.sqlite") for n in (1, 2, 3)]
    finally:
        store.close()
    for name, merges in (("in-order", [sent]), ("one-by-one", [[p] for p in sent]), ("first-is-3", [[sent[2]]])):
        county = open_store(tmp_path / f"{name}.sqlite", create=True, office_name="Suffolk county")
        try:
            texts = [merge_accepting(county, paths).text() for paths in merges]
        finally:
            county.close()
        assert all(NOT_MERGED not in t for t in texts), (name, texts)


def test_the_window_s_merge_summary_says_it_too(window, qtbot, prompts, tmp_path):
    from safer_desk.ui.exchange.dialogs import import_district_files
    from tests.exchange.helpers import officer_keys

    store = _office(tmp_path)
    try:
        e1, _, e3 = (export(store, tmp_path / f"e{n}.sqlite") for n in (1, 2, 3))
    finally:
        store.close()
    open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county").close()
    assert window.open_path(tmp_path / "county.sqlite")
    texts = []
    for sent in (e1, e3):
        window.merge_result = None
        with qtbot.waitSignal(window.session.data_changed, timeout=30000):
            import_district_files(window, [str(sent)], accept_keys=officer_keys())
        qtbot.waitUntil(lambda: window.merge_result is not None and window.merge_result.isVisible(), timeout=30000)
        texts.append(window.merge_result.summary_label.text())
        window.merge_result.close()
    assert NOT_MERGED not in texts[0], texts[0]
    assert f"Export number 2 of Babergh office has {NOT_MERGED} (the last merged was its number 1)." in texts[1], \
        texts[1]
    assert not prompts.errors
