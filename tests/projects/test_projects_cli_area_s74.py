"""`safer-desk projects FILE --area NAME`: the register's rows the window's area choice keeps, the contract's output
unchanged without it, and an area no project names refused in words listing the areas held."""

from __future__ import annotations

import csv
import io

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.storage.store import open_store
from tests.cli_run import run


def _titles(out: str) -> list[str]:
    return [r["title"] for r in csv.DictReader(io.StringIO(out))]


def _window_titles(path, area: str) -> list[str]:
    store = open_store(path, read_only=True)
    try:
        presenter = ProjectsPresenter(store)
        presenter.reload()
        keep = presenter.filter_predicate(area=area)
        return [p.title for p in presenter.rows if keep(p)]
    finally:
        store.close()


def test_area_keeps_what_the_windows_area_choice_keeps(demo_path, capsys):
    code, every, _ = run(capsys, "projects", demo_path)
    assert code == 0
    code, ipswich, err = run(capsys, "projects", demo_path, "--area", "ipswich")  # as the choice, any case
    assert code == 0 and err == ""
    kept = _titles(ipswich)
    assert kept and len(kept) < len(_titles(every))
    assert sorted(kept) == sorted(_window_titles(demo_path, "Ipswich"))  # Suffolk's county-wide ones too
    assert "Supported accommodation for Prolific and Other Priority Offenders (PPOs)" in kept
    assert not any("Plymouth" in t for t in kept)
    assert ipswich.splitlines()[0] == every.splitlines()[0]  # the same columns
    assert set(ipswich.splitlines()[1:]) <= set(every.splitlines()[1:])  # the same rows, as printed without it


def test_unknown_area_refused_listing_the_areas_held(demo_path, capsys):
    before = demo_path.read_bytes()
    code, out, err = run(capsys, "projects", demo_path, "--area", "Ipswitch")
    assert code == 1 and out == ""
    assert "“Ipswitch”" in err and "did you mean Ipswich?" in err
    # the areas its projects name, and the example office's own districts Suffolk's county-wide projects count for
    assert "its area choice offers Babergh, Countywide, East Suffolk, Ipswich, Mid Suffolk, Plymouth and " \
        "West Suffolk" in err
    assert demo_path.read_bytes() == before
    code, out, err = run(capsys, "projects", demo_path, "--area", " ")
    assert code == 1 and out == "" and "the area's name is empty" in err
