"""What a change of the office's scope says it leaves out of the report's "All areas" is what the report leaves
out: narrowed to Babergh, the office was told Mid Suffolk's 3 reviews leave "All areas", yet the report still listed
them (Western Suffolk CSP, Babergh's partnership, conducted them, and the report counts a partnership of the office's
districts). Mid Suffolk's pooled fund referrals do leave it, and are still said."""

from __future__ import annotations

from safer_desk.services.report import build_report
from tests.exchange.helpers import cli_output


def _review_refs(document):
    return {r[0] for s in document.sections for t in s.tables if t.title.startswith("Cost recovery per case")
            for r in t.rows}


def test_the_note_names_only_what_all_areas_leaves_out(demo_path):
    assert cli_output(["office", str(demo_path), "--clear"])[0] == 0
    code, _out, err = cli_output(["office", str(demo_path), "--district", "Babergh", "--name", "Babergh office"])
    assert code == 0
    assert "pooled fund referrals" in err and "review" not in err, err
    from safer_desk.storage.store import open_store

    store = open_store(demo_path, read_only=True)
    try:
        assert {"WSCSP-DHR-2017-01", "WSCSP-DHR-2017-02"} <= _review_refs(build_report(store, year="2018/19"))
    finally:
        store.close()
