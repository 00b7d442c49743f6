"""Round 44 (xc4): `safer-desk office` refused changes nothing, the office's name included.

`safer-desk office FILE --name "Babergh office" --partnership Nope` said there is no partnership called “Nope” and
ended with 1, but the name was kept: the office's exports then said they came from "Babergh office" though the
officer was told the command failed (File > Office Details… saves both or neither). It now changes nothing.
"""

from __future__ import annotations

from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output


def _named(path) -> str:
    store = open_store(path, read_only=True)
    try:
        return store.office_name
    finally:
        store.close()


def test_a_refused_partnership_or_district_keeps_the_name_as_it_was(demo_path):
    before = _named(demo_path)
    for refused in (["--partnership", "Nope"], ["--district", "Nowhere"]):
        code, out, err = cli_output(["office", str(demo_path), "--name", "Babergh office", *refused])
        assert code == 1 and "there is no" in err, err
        assert _named(demo_path) == before


def test_a_name_with_good_scope_is_kept_with_it(demo_path):
    code, out, err = cli_output(["office", str(demo_path), "--name", "Babergh office", "--clear",
                                 "--district", "Babergh", "--year", "2025/26"])
    assert code == 0, err
    assert _named(demo_path) == "Babergh office" and "Districts 2025/26: Babergh\n" in out
