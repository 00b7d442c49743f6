"""A file cut short (a copy, a download or an e-mail attachment that did not finish) is said to be cut short, with
its size and the size it should have, where SQLite's own words ("database disk image is malformed") named no cause
an officer could act on (round 30): on opening it in the window, on the command line and in `safer-desk check`."""

from __future__ import annotations

from pathlib import Path

from safer_desk.services.integrity import check_file
from safer_desk.storage.store import cut_short
from tests.exchange.helpers import cli_output
from tests.safety.helpers import sha256


def _cut(path: Path, keep: float = 1 / 3) -> tuple[int, int]:
    data = path.read_bytes()
    kept = len(data) * keep
    kept = int(kept) - int(kept) % 4096 + 1000  # mid-page, as a copy stops
    path.write_bytes(data[:kept])
    return kept, len(data)


def test_a_file_cut_short_is_said_to_be_cut_short_on_opening_and_nothing_is_changed(demo_path, window, prompts):
    kept, whole = _cut(demo_path)
    before = sha256(demo_path)
    code, out, err = cli_output(["projects", str(demo_path)])
    said = f"it is cut short, {kept:,} bytes of the {whole:,} it should have"
    assert code == 1 and said in err and "did not finish" in err and "sent again" in err, err
    assert "backups folder" in err, err
    assert "malformed" not in err
    assert window.open_path(demo_path) is False
    assert said in prompts.errors[-1][1]
    assert sha256(demo_path) == before


def test_check_says_a_file_is_cut_short(demo_path):
    kept, whole = _cut(demo_path, 0.5)
    report = check_file(demo_path)
    assert not report.ok
    text = "\n".join(report.lines())
    assert f"It is cut short, {kept:,} bytes of the {whole:,} it should have" in text, text


def test_a_whole_file_or_one_not_cut_short_is_never_called_cut_short(demo_path, tmp_path):
    assert cut_short(demo_path) == ""
    longer = tmp_path / "longer.sqlite"
    longer.write_bytes(demo_path.read_bytes() + b"\0" * 5000)  # bytes after the last page: not cut short
    assert cut_short(longer) == ""
    header_only = tmp_path / "header.sqlite"
    header_only.write_bytes(demo_path.read_bytes()[:60])  # ends inside the header: no page count to trust, and
    assert "60 bytes, less than the 100 of the header" in cut_short(header_only)  # cut short all the same (s75)
    assert cut_short(tmp_path / "not there.sqlite") == ""
