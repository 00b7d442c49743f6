"""A district officer's first day with the start page, File > New and the office set-up (session 64)."""

from __future__ import annotations

from safer_desk.ui import prompts as prompts_module


def test_file_new_never_asks_to_replace_a_file_it_then_refuses_to_replace(window, tmp_path, monkeypatch, prompts):
    """File > New onto a file that is there: the file dialog asked "office.sqlite already exists. Do you want to
    replace it?", and after Yes the window refused ("already exists; open it with File > Open instead"): the
    question offered what was never done. New never replaces a file, so the dialog does not ask; the refusal says
    so."""
    existing = tmp_path / "office.sqlite"
    existing.write_bytes(b"not touched")
    asked = []

    def save_file_name(*args, **kwargs):
        asked.append(kwargs)
        return str(existing)

    monkeypatch.setattr(prompts_module, "save_file_name", save_file_name)
    window.new_file()
    assert asked and asked[0].get("confirm_overwrite") is False, asked
    assert prompts.errors and "already exists" in prompts.errors[0][1]
    assert existing.read_bytes() == b"not touched" and window.session.store is None
