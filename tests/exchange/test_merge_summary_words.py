"""The county merge says its counts in words, as a board paper writes them: "1 conflict", "3 conflicts",
"1 force-month added", never "conflict(s)"."""

from __future__ import annotations

import pytest

from safer_desk.exchange.county_conflicts import Conflict
from safer_desk.exchange.county_merge import MergeSummary
from safer_desk.services.county import ConflictsPresenter, MergeReport, export_for_county
from safer_desk.services.progress import Cancelled
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import exports_disagreeing_on_one_figure, merge
from tests.exchange.helpers import merge_accepting

FIGURE = ("Indicator 'All crime', Babergh, Apr 2025: 349 from police.uk counts sent by Mid Suffolk office, 1,335 "
          "typed by Babergh office")


def test_a_merge_with_one_conflict_says_it_in_the_singular(tmp_path, qtbot):
    from PySide6.QtWidgets import QLabel

    from safer_desk.ui.exchange.dialogs import MergeResultDialog

    a1, b1 = exports_disagreeing_on_one_figure(tmp_path)
    county = open_store(tmp_path / "county.sqlite", create=True)
    try:
        first = merge(county, [b1])
        assert first.conflicts == [] and first.text().startswith("b.sqlite (Mid Suffolk office): ")
        assert ", 0 removed, 0 conflicts. Export" in first.text()
        report = merge(county, [a1])
        assert [c.detail for c in report.conflicts] == [FIGURE]
        lines = report.text().splitlines()
        assert lines[0].startswith("a.sqlite (Babergh office): ") and ", 0 removed, 1 conflict. Export" in lines[0]
        assert lines[1] == ("  police.uk counts (shared by every office): 1 force-month added, 0 replaced by a "
                            "later download, 0 already held from the same download.")
        assert lines[3].startswith("1 conflict: the county's version is kept until you decide. Keep one side or ")
        assert ConflictsPresenter(county).heading() == (
            "1 open conflict. The county's version is kept until you decide; a decision is recorded in the audit "
            "trail and stands when the same file is merged again.")
        dialog = MergeResultDialog(report)
        qtbot.addWidget(dialog)
        assert ("1 conflict (Indicator figures 1): the county's version is kept until you decide."
                in [label.text() for label in dialog.findChildren(QLabel)])
    finally:
        county.close()


def summary(name: str, conflicts: int, **counts) -> MergeSummary:
    return MergeSummary(name, f"{name} office", "2025-05-01T09:00:00Z", added=1234, conflicts=[
        Conflict("projects", f"{name}-{i}", "project", f"{name} office", "", f"Project {i} of {name}", id=i,
                 group="project") for i in range(conflicts)], **counts)


def test_the_merge_summary_counts_in_words_per_file_and_in_all():
    one = MergeReport(merged=[summary("babergh", 1, decided=1, public={"added": 1, "replaced": 2, "same": 0})])
    text = one.text()
    assert "babergh (babergh office): 1,234 added, 0 replaced, 0 unchanged, 0 removed, 1 conflict." in text
    assert ("  police.uk counts (shared by every office): 1 force-month added, 2 replaced by a later download, 0 "
            "already held from the same download.") in text
    assert "  1 disagreement already decided by the county lead: not raised again." in text
    assert "\n1 conflict: the county's version is kept until you decide." in text
    several = MergeReport(merged=[summary("babergh", 1, decided=2, public={"added": 1234}), summary("mid", 2)])
    text = several.text()
    assert text.splitlines()[0].endswith(", 1 conflict.")
    assert "mid (mid office): 1,234 added, 0 replaced, 0 unchanged, 0 removed, 2 conflicts." in text
    assert "police.uk counts (shared by every office): 1,234 force-months added" in text
    assert "  2 disagreements already decided by the county lead: not raised again." in text
    assert "In all: 2,468 added, 0 replaced, 0 unchanged, 0 removed, 3 conflicts." in text
    assert "\n3 conflicts: the county's version is kept until you decide." in text
    assert "(s)" not in text


@pytest.mark.parametrize("merged_before", [1, 2])
def test_a_cancelled_merge_says_how_many_files_before_it_were_merged(district, county, tmp_path, merged_before):
    paths = []
    for n in range(merged_before + 1):
        with district.transaction():
            district.conn.execute("UPDATE x_projects SET status = ?", (f"status {n}",))
        paths.append(export_for_county(district, tmp_path / f"export-{n}.sqlite").path)
    last = paths[-1].name
    seen: list[str] = []

    with pytest.raises(Cancelled) as cancelled:
        merge_accepting(county, paths, progress=lambda done, total, message="": seen.append(message),
                        cancelled=lambda: any(m.startswith(f"{last}: ") for m in seen))
    verb = "was" if merged_before == 1 else "were"
    files = "1 file" if merged_before == 1 else f"{merged_before} files"
    assert str(cancelled.value) == (f"Cancelled while merging {last}; that file was not merged ({files} before it "
                                    f"{verb}).")


def test_a_figure_two_offices_typed_differently_says_typed_on_both_sides(tmp_path):
    # "Indicator 'All crime', Babergh, Apr 2025: 1,335 from Babergh office, 1,340 typed by Mid Suffolk office"
    from safer_desk.services import indicators as ind
    from tests.exchange.district_offices import export, load_police, office_from, template

    base = template(tmp_path, police=False)
    paths = []
    for name, figure in (("Babergh office", 1335.0), ("Mid Suffolk office", 1340.0)):
        store = office_from(base, tmp_path / f"{name}.sqlite", name, districts=["Babergh"])
        try:
            load_police(store, ["2025-01"])  # the same download at both offices: shared, never a conflict
            ind.save_values(store, "indicator:all-crime", "district:babergh", [ind.PeriodValue("2025-04", figure)],
                            require_red_comments=False)
            paths.append(export(store, tmp_path / f"{name} export.sqlite"))
        finally:
            store.close()
    county = open_store(tmp_path / "county.sqlite", create=True)
    try:
        merge(county, paths[:1])
        report = merge(county, paths[1:])
    finally:
        county.close()
    assert [c.detail for c in report.conflicts] == [
        "Indicator 'All crime', Babergh, Apr 2025: 1,335 typed by Babergh office, 1,340 typed by Mid Suffolk office"]
