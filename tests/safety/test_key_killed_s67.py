"""A run killed while making the officer's signing key (the first export, `safer-desk key`, New Key…) left its
temporary file, `.key-k2j4_x9a`, in the keys folder for ever: a second copy of a private key that nothing removed.
Now the temporary file is named and noted as every other write's, so the next start removes it; and what earlier
versions left (`.key-` and eight characters, older than a few minutes) goes too. Never the key itself, a file that is
not ours, or one a living run may still be writing."""

from __future__ import annotations

import os
import time

from safer_desk.exchange.signing import KEY_FILE_NAME, officer_key
from safer_desk.paths import keys_folder
from safer_desk.storage.leftovers import remove_leftovers
from tests.safety.helpers import run_cli, run_python

# A kill once the key is written to its temporary file and flushed, before it is put in place (a power cut, the
# task manager): os._exit runs no finally block, as a killed process runs none.
KILLED_MAKING_KEY = """
import os
from safer_desk.exchange import signing
def killed(*args, **kwargs):
    os._exit(86)
os.link = os.rename = os.replace = killed
signing.officer_key()
"""


def _keys_folder_names(home):
    folder = home / "keys"
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_a_run_killed_making_the_key_leaves_nothing_after_the_next_start(tmp_path):
    home = tmp_path / "home"
    killed = run_python(KILLED_MAKING_KEY, home=home)
    assert killed.returncode == 86, killed.stderr
    left = _keys_folder_names(home)
    assert left and KEY_FILE_NAME not in left  # the kill left its temporary file (a private key) and no key

    again = run_cli(["key"], home=home)
    assert again.returncode == 0, again.stderr
    assert _keys_folder_names(home) == [KEY_FILE_NAME]


def test_what_earlier_versions_left_goes_when_old_and_nothing_else(private_home):
    folder = keys_folder()
    folder.mkdir(parents=True, exist_ok=True)
    key = officer_key()
    old = folder / ".key-k2j4_x9a"
    old.write_bytes(b"-----BEGIN PRIVATE KEY-----\nleft by a killed run\n")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    fresh = folder / ".key-abcd1234"  # a run making its key this very moment
    fresh.write_bytes(b"-----BEGIN PRIVATE KEY-----\nbeing written\n")
    not_ours = folder / ".key-notes.txt"
    not_ours.write_text("the officer's own notes", encoding="utf-8")
    os.utime(not_ours, (an_hour_ago, an_hour_ago))

    result = remove_leftovers()
    assert old in result.removed and not old.exists()
    assert fresh.exists() and not_ours.exists()
    assert officer_key().fingerprint == key.fingerprint
