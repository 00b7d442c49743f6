"""County exchange, round 51: Mid Suffolk typed All crime Apr 500 over the police.uk counts Ipswich sends; the
county raised the police-figure conflict. Mid Suffolk then took the counts' figure back (import-police
--replace-typed) and sent its next file: the county held the counts' figure again, but the conflict stayed open,
still saying the county held "500 … by Mid Suffolk office" (keeping the county's version recorded 500)."""

from __future__ import annotations

from safer_desk.services.county import list_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.helpers import accept_key_args, cli_output
from tests.indicators.police_helpers import fixture


def _later_download(folder):
    """The fixture's months as a later download: one more crime in Mid Suffolk in February (other counts than the
    example file's own)."""
    import shutil

    later = folder / "later"
    shutil.copytree(fixture("suffolk-2025"), later)
    february = later / "2025-02-suffolk-street.csv"
    lines = february.read_text(encoding="utf-8").splitlines(keepends=True)
    mid = next(line for line in lines if ",Mid Suffolk " in line)
    february.write_text("".join(lines) + "f" * 64 + mid[64:], encoding="utf-8")
    # A download up to January 2026: later than the example file's (to December 2025), so its months replace it.
    january = (later / "2025-01-suffolk-street.csv").read_text(encoding="utf-8")
    (later / "2026-01-suffolk-street.csv").write_text(january.replace(",2025-01,", ",2026-01,"), encoding="utf-8")
    return later


def _run(*argv) -> str:
    code, out, err = cli_output([str(a) for a in argv])
    assert code == 0, err
    return out


def test_a_police_figure_conflict_closes_when_the_typed_figure_is_taken_back(tmp_path):
    mid, ipswich, county = tmp_path / "mid.sqlite", tmp_path / "ipswich.sqlite", tmp_path / "county.sqlite"
    for path, name, district in ((mid, "Mid Suffolk office", "Mid Suffolk"), (ipswich, "Ipswich office", "Ipswich")):
        _run("demo", path)
        _run("office", path, "--name", name, "--clear", "--district", district, "--county", "Suffolk")
    sheet = tmp_path / "fig.csv"
    sheet.write_text("indicator,area,period,value\nAll crime,Mid Suffolk,2025-02,500\n", encoding="utf-8")
    _run("import-figures", mid, sheet)
    later = _later_download(tmp_path)
    _run("import-police", ipswich, later)
    _run("export", mid, tmp_path / "mid-1.sqlite")
    _run("export", ipswich, tmp_path / "ipswich-1.sqlite")
    _run("merge", county, tmp_path / "mid-1.sqlite", *accept_key_args())
    _run("merge", county, tmp_path / "ipswich-1.sqlite", *accept_key_args())
    store = open_store(county, read_only=True)
    try:
        assert [c for c in list_conflicts(store) if c.kind == "police-figure"], list_conflicts(store)
    finally:
        store.close()
    _run("import-police", "--replace-typed", mid, later)
    _run("export", mid, tmp_path / "mid-2.sqlite")
    out = _run("merge", county, tmp_path / "mid-2.sqlite")
    store = open_store(county, read_only=True)
    try:
        value = store.scalar("SELECT value FROM indicator_values WHERE indicator_id = 'indicator:all-crime' AND "
                             "area_id = 'district:mid-suffolk' AND period = '2025-02'")
        assert value is not None and value != 500
        assert not [c.detail for c in list_conflicts(store)
                    if c.kind == "police-figure" and "Mid Suffolk" in c.detail], out
        assert "closed" in out, out
    finally:
        store.close()
