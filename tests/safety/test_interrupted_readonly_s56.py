"""A file whose writer was killed half-way (its hot journal beside it), in a place this user may not write to: the
file or its folder read-only (a network drive's, or after write access was withdrawn). Only a writable connection may
finish the interrupted write, so the file cannot be read here; it is not damaged, and must not be called so. With
the folder read-only, SQLite could put the file back but not remove the journal: nothing is tried there, so "it has
not been changed" stays true."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.safety.test_interrupted_write_round23 import _interrupted


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("refused", ["file", "folder"])
def test_an_interrupted_file_it_may_not_write_is_said_as_interrupted_not_damaged(demo_path, private_home,
                                                                                 monkeypatch, refused):
    from safer_desk.storage import store

    _interrupted(demo_path, private_home)
    before = _digest(demo_path), _digest(Path(f"{demo_path}-journal"))
    real_access = store.os.access
    shut = demo_path if refused == "file" else demo_path.parent  # root writes regardless of permissions

    def access(target, mode, *args, **kwargs):
        if Path(target).resolve() == shut.resolve():
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(store.os, "access", access)
    with pytest.raises(store.StoreError) as refusal:
        store.inspect_file(demo_path)
    text = str(refusal.value)
    assert "is damaged" not in text and "interrupted" in text and "not damaged" in text, text
    assert "may write" in text and "has not been changed" in text, text
    assert (_digest(demo_path), _digest(Path(f"{demo_path}-journal"))) == before  # nothing written
