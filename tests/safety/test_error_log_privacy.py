"""The error log (``errors.log`` in the data folder, outside the office's file, sent on to whoever looks after the
program) keeps no typed text: a message quoting what was typed (a refusal's “j smith”, Python's 'ZQX 12') had it
written there whole, with the trace, and the error output had it too."""

from __future__ import annotations

import sys

import pytest

from safer_desk.domain.privacy import refuse_names
from safer_desk.services import funds
from safer_desk.ui.kit import errors

MARKER = "ZQXMARKER"
# As typed, apart from the line that passes it on: the trace quotes that line.
NOTE = "visited j smith at home"
REASON = f"{MARKER} said j smith has keys"


def raised(fn):
    try:
        fn()
    except BaseException as exc:  # noqa: BLE001 - whatever it raised is logged
        return type(exc), exc, exc.__traceback__
    raise AssertionError("nothing was raised")


def logged(capsys, fn) -> str:
    errors.log(*raised(fn))
    assert errors.log_path().read_text(encoding="utf-8").endswith("\n" + capsys.readouterr().err)
    return errors.log_path().read_text(encoding="utf-8")


def test_a_privacy_refusal_reaching_the_log_keeps_no_name(capsys):
    def save_note():
        refuse_names(NOTE, "Note")

    text = logged(capsys, save_note)
    assert "j smith" not in text
    assert "PrivacyError: Note: “[left out]” looks like a person's name" in text  # what and where stay
    assert "in save_note" in text and "refuse_names" in text


def test_typed_text_in_any_message_cause_or_note_is_left_out(capsys):
    def save():
        try:
            # Python quotes it: invalid literal for int() with base 10: (the text)
            int(f"{MARKER} 12")
        except ValueError as exc:
            exc.add_note(f"while reading “{MARKER} locks”")
            raise RuntimeError(f'the spend line "{MARKER}" was not saved; it can\'t be read') from exc

    text = logged(capsys, save)
    assert MARKER not in text
    assert "ValueError: invalid literal for int() with base 10: “[left out]”" in text
    assert "RuntimeError: the spend line “[left out]” was not saved; it can't be read" in text  # an apostrophe stays
    assert "while reading “[left out]”" in text


def test_a_group_of_errors_keeps_none_of_its_members_typed_text(capsys):
    def both():
        raise ExceptionGroup("saving", [KeyError(MARKER), ValueError(f"District: no district called “{MARKER}”")])

    text = logged(capsys, both)
    assert MARKER not in text and "KeyError: “[left out]”" in text


@pytest.mark.qt_no_exception_capture
def test_a_refusal_no_screen_caught_is_shown_whole_but_logged_without_the_override_reason(demo_window, prompts,
                                                                                        monkeypatch):
    """Through the window's hook, as a slot's exception reaches it: a referral's override reason in the message of
    a refusal no screen expected is said in the dialog (on the screen only) and not kept in the log."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    errors.install(demo_window.session)
    store = demo_window.session.store
    fund = funds.list_funds(store)[0]
    referral = funds.list_referrals(store, fund.id)[0]

    def save():
        funds.update_referral(store, referral["id"], reference=referral["reference"], district=referral["district"],
                              referred_on=referral["referred_on"], risk_level="high", at_marac="yes",
                              idva_assigned="yes", perpetrator_resident="no",
                              override_reason=REASON)

    sys.excepthook(*raised(save))
    [(title, text)] = prompts.errors
    assert title == "Something went wrong" and "j smith" in text
    log = errors.log_path().read_text(encoding="utf-8")
    assert "FundError: Override reason: “[left out]” looks like" in log
    assert "j smith" not in log and MARKER not in log


def test_a_python_keeping_the_message_elsewhere_still_logs_no_typed_text(capsys, monkeypatch):
    """``_str`` is the traceback's own (no public way to set it): where a Python has none, the whole trace is logged
    without its quoted parts, rather than the report itself failing."""
    python_own = errors.traceback.TracebackException

    class Elsewhere:
        def __init__(self, *args, **kwargs):
            self._trace = python_own(*args, **kwargs)

        def format(self, **kwargs):
            return self._trace.format(**kwargs)

    monkeypatch.setattr(errors.traceback, "TracebackException", Elsewhere)

    def save_note():
        refuse_names(NOTE, "Note")

    text = logged(capsys, save_note)
    assert "j smith" not in text
    assert "PrivacyError: Note: “[left out]” looks like a person's name" in text
    assert "in save_note" in text


@pytest.mark.parametrize("message", [
    "Note: “Jane” Smith” looks like a person's name",  # a closing quote typed inside the quoted text
    "Note: ‘O’Brien visited’ at home",  # an apostrophe (’) inside single curly quotes
    "Note: ‘Mrs ZQX Smith’s keys’ were cut",
    "Note: “visited ZQX Smith",  # a quote never closed (a message cut short)
    'Reason: "visited\nZQX Smith" not saved',  # typed text over two lines in straight quotes
    repr("He said \"hi\" it's ZQX Smith"),  # Python's repr of text holding both kinds of straight quote
])
def test_no_closing_quote_inside_typed_text_lets_the_rest_of_it_through(capsys, message):
    def save():
        raise ValueError(message)

    text = logged(capsys, save)
    assert "Smith" not in text and "Brien" not in text and "ZQX" not in text
    assert "ValueError: " in text and "in save" in text


def test_a_log_written_by_an_older_version_is_cleaned_once_and_then_left_alone(capsys):
    """Versions before this one kept typed text in the log (or let part of it through a quote typed inside it): the
    log is gone through once, when the window has shown its file, and marked, so it is not read again."""
    path = errors.log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    old = ("-- 2025-01-02T10:00:00\nTraceback (most recent call last):\n  File \"x.py\", line 1, in save\n"
           "safer_desk.domain.privacy.PrivacyError: Note: “visited Jane Smith” looks like a person's name.\n"
           "-- 2025-01-03T10:00:00\nValueError: invalid literal for int() with base 10: 'ZQX 12'\n")
    path.write_text(old, encoding="utf-8")
    path.with_name("errors.old.log").write_text("KeyError: 'Okonkwo-2026'\n", encoding="utf-8")

    errors.clean_old_logs()

    text = path.read_text(encoding="utf-8")
    assert "Jane Smith" not in text and "ZQX" not in text
    assert "PrivacyError: Note: “[left out]” looks like a person's name." in text and "in save" in text
    assert "Okonkwo" not in path.with_name("errors.old.log").read_text(encoding="utf-8")
    stamp = path.stat().st_mtime_ns
    errors.clean_old_logs()  # already clean: not written again
    assert path.stat().st_mtime_ns == stamp
    errors.log(*raised(lambda: refuse_names(NOTE, "Note")))  # a new entry keeps the log marked as clean
    assert path.read_text(encoding="utf-8").startswith(text)


def test_no_log_yet_is_nothing_to_clean():
    errors.clean_old_logs()
    assert not errors.log_path().exists()


def test_the_window_cleans_an_older_versions_log_once_it_has_shown_its_file(demo_path, process_env, tmp_path):
    import subprocess

    log = tmp_path / "home" / errors.LOG_NAME
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text("-- 2025-01-02T10:00:00\nPrivacyError: Note: “visited Jane Smith” looks like a name\n",
                   encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "safer_desk", str(demo_path)],
                          env={**process_env, "SAFER_DESK_CLOSE_AFTER_START": "1"}, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8") == (errors.LOG_HEADER + "-- 2025-01-02T10:00:00\n"
                                               "PrivacyError: Note: “[left out]” looks like a name\n")


def test_a_full_disk_while_cleaning_leaves_no_half_written_copy_and_the_log_as_it_was(monkeypatch):
    """s68: the cleaned log is written beside the old one, then put in its place: a disk that fills while writing it
    left ``errors.log.clean`` (half the log) there for good. The copy goes when the write fails; the log stays."""
    path = errors.log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("ValueError: invalid literal for int() with base 10: 'ZQX 12'\n", encoding="utf-8")
    real_write = type(path).write_text

    def full(self, data, *args, **kwargs):
        if self.name.endswith(".clean"):
            real_write(self, data[:10], *args, **kwargs)
            raise OSError(28, "No space left on device")
        return real_write(self, data, *args, **kwargs)

    monkeypatch.setattr(type(path), "write_text", full)
    errors.clean_old_logs()
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith("errors")) == ["errors.log"]
