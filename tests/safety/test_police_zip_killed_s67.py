"""`safer-desk import-police` (or Import police.uk data… in the window) unpacks a data.police.uk download (.zip) into
a folder in the system's temporary folder. A run killed while it worked (the task manager, a power cut, a laptop lid
closed on a battery running out) left that folder, `safer-desk-police-…` with every month's street CSV unpacked, for
ever: a county's ten years come to hundreds of megabytes on a council laptop's small disk. Now the folder is noted
as this run's, as a `--demo` copy's is, and the next start removes it; a run still going keeps its folder."""

from __future__ import annotations

import zipfile

from tests.safety.helpers import run_cli, run_python

STREET = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          "Last outcome category,Context\n"
          ",2021-01,Suffolk Constabulary,Suffolk Constabulary,1.1,52.0,On or near X,E01029853,Babergh 001A,"
          "Anti-social behaviour,,\n")

# Killed once the first month is unpacked, before anything is imported: os._exit runs no finally block and no
# clean-up of a temporary folder, as a killed process runs none.
KILLED_UNPACKING = """
import os, sys
from safer_desk.exchange import police_uk
unpacked = police_uk._copy_member
def unpacked_then_killed(*args):
    unpacked(*args)
    os._exit(86)
police_uk._copy_member = unpacked_then_killed
from safer_desk.cli import main
main(["import-police", sys.argv[1], sys.argv[2]])
"""


def _ours(systmp):
    return sorted(p.name for p in systmp.iterdir() if p.name.startswith("safer-desk"))


def test_a_run_killed_unpacking_a_download_leaves_nothing_after_the_next_start(tmp_path):
    home, systmp = tmp_path / "home", tmp_path / "system temp"
    systmp.mkdir()
    download = tmp_path / "police download.zip"
    with zipfile.ZipFile(download, "w") as archive:
        archive.writestr("2021-01/2021-01-suffolk-street.csv", STREET)
    office = tmp_path / "office.sqlite"
    made = run_cli(["demo", str(office)], home=home, tmpdir=systmp)
    assert made.returncode == 0, made.stderr

    killed = run_python(f"import sys; sys.argv[1:] = [{str(office)!r}, {str(download)!r}]\n" + KILLED_UNPACKING,
                        home=home, tmpdir=systmp)
    assert killed.returncode == 86, killed.stderr
    left = _ours(systmp)
    assert len(left) == 1 and left[0].startswith("safer-desk-police-"), left  # the unpacked month

    again = run_cli(["projects", str(office)], home=home, tmpdir=systmp)
    assert again.returncode == 0, again.stderr
    assert _ours(systmp) == []

    imported = run_cli(["import-police", str(office), str(download)], home=home, tmpdir=systmp)
    assert imported.returncode == 0, imported.stderr
    assert "Imported 1 row" in imported.stdout and _ours(systmp) == []
