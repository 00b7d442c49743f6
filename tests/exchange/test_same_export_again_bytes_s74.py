"""Session 74: merging again an export already merged leaves the county file byte for byte as it was, an open conflict
from it too. Babergh office changed a project Mid Suffolk office holds alike (one conflict, its version held with it);
its export merged a second time said "already merged …: nothing new (1 conflict from it is still open)", with no row
changed, yet the file was written (the conflict's held version written again as it was): a county lead's backup or
checksum saw a changed file."""

from __future__ import annotations

from safer_desk.services import projects as ps
from safer_desk.services.county import list_conflicts
from tests.exchange.district_offices import export
from tests.exchange.helpers import cli_output, file_sha256, merge_accepting


def test_an_export_merged_again_with_its_conflict_open_leaves_the_file_as_it_was(offices, tmp_path):
    mid = export(offices.mid, tmp_path / "mid-export.sqlite")
    project = ps.get_project(offices.babergh, "p-shared")
    ps.save_project(offices.babergh, ps.project_from_fields({**ps.project_fields(project), "cost": "£12,000"},
                                                            base=project))
    babergh = export(offices.babergh, tmp_path / "babergh-export.sqlite")
    merge_accepting(offices.county, [mid, babergh])
    assert len(list_conflicts(offices.county)) == 1
    offices.county.close()
    before = file_sha256(offices.county.path)
    code, out, err = cli_output(["merge", str(offices.county.path), str(babergh)])
    assert code == 0, err
    assert "nothing new (1 conflict from it is still open)" in out
    assert file_sha256(offices.county.path) == before
