"""S62 (county3): Delete's warning of a row several offices sent, where the county file does not record which.

A row several offices sent alike is "Merged from Babergh office, Mid Suffolk office"; a county file merged before the
county kept which offices hold such a row says only "Several offices". Delete's warning then read "It was merged from
Several offices, whose file still has it: its next export, merged, puts it back. To remove it for good, ask Several
offices to delete it in its own file.": one office's file, of several offices. It now speaks of offices, unnamed.
"""

from __future__ import annotations

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services.provenance import RowOrigins
from safer_desk.storage.schema.exchange import HOLDERS_TABLE
from tests.exchange.district_offices import merge

SEVERAL = ("It was merged from several offices, whose files still have it: their next exports, merged, put it back. "
           "To remove it for good, ask those offices to delete it in their own files.")


def test_a_shared_project_whose_offices_are_not_recorded_is_warned_of_in_the_plural(offices):
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    presenter = ProjectsPresenter(o.county)
    presenter.reload()
    assert presenter.delete_question(["p-shared"]) == (
        "Delete project Western Suffolk youth work from the register? It was merged from Babergh office and Mid "
        "Suffolk office, whose files still have it: their next exports, merged, put it back. To remove it for good, "
        "ask those offices to delete it in their own files. (Edit > Undo puts it back.)")
    with o.county.transaction():  # as a county file merged before the county kept who holds a shared row
        o.county.conn.execute(f"DELETE FROM {HOLDERS_TABLE}")
    presenter.reload()
    assert presenter.origins.of("p-shared") == "Several offices"  # the register's Merged from, as before
    assert presenter.delete_question(["p-shared"]) == (
        f"Delete project Western Suffolk youth work from the register? {SEVERAL} (Edit > Undo puts it back.)")


def test_rows_from_a_named_office_and_from_several_unnamed_are_warned_of_together():
    origins = RowOrigins({"a": "Babergh office", "b": "Several offices"}, True, "Typed in the county file")
    assert origins.comes_back_words(["b"]) == SEVERAL
    assert origins.comes_back_words(["a", "b"]) == (
        "They were merged from Babergh office and other offices, whose files still have them: their next exports, "
        "merged, put them back. To remove them for good, ask those offices to delete them in their own files.")
    assert origins.sentence("b") == "Merged from several offices."
