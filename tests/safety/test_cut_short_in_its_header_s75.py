"""A file cut short inside its first 100 bytes (the header every SQLite file begins with) is said to be cut short (s75,
audit). Found with `safer-desk check` on copies of the example stopped at 17 to 99 bytes: "SQLite cannot read it (file
is not a database)" or "(database disk image is malformed)", words that name no cause an officer can act on, where a
copy stopped one page later was said to be "cut short … a copy, a download or an e-mail attachment that did not
finish". No SQLite file is shorter than its header, so such a file is cut short whatever its header would have said
of its size (which is not there to be read)."""

from __future__ import annotations

import pytest

from safer_desk.services.integrity import check_file
from tests.exchange.helpers import cli_output
from tests.safety.helpers import sha256


@pytest.mark.parametrize("kept", [16, 50, 99])
def test_a_file_cut_short_in_its_header_is_said_to_be_cut_short(demo_path, kept):
    demo_path.write_bytes(demo_path.read_bytes()[:kept])
    before = sha256(demo_path)
    report = check_file(demo_path)
    text = "\n".join(report.lines())
    assert not report.ok and report.kind == "damaged SQLite database"
    assert f"It is cut short, {kept} bytes, less than the 100 of the header every SQLite file begins with" in text, text
    assert "did not finish" in text and "cannot read it" not in text, text
    code, out, err = cli_output(["check", str(demo_path), "--repair"])
    assert code == 1 and "cut short" in err, err
    code, out, err = cli_output(["projects", str(demo_path)])
    assert code == 1 and "cut short" in err and "malformed" not in err, err
    assert sha256(demo_path) == before
    beside = sorted(p.name for p in demo_path.parent.iterdir() if p.name != "home")  # (the test's own home folder)
    assert beside == [demo_path.name]  # nothing written beside it: no journal, no lock, no backups folder
