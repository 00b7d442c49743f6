"""Ctrl+C as a command loads a part of Safer Desk (session 60)."""

from __future__ import annotations

from tests.cli_run import run


def test_ctrl_c_while_python_makes_a_class_is_said_as_an_interruption(demo_path, capsys, monkeypatch):
    """Ctrl+C as a command first loaded a part of Safer Desk (`safer-desk merge …`, loading the indicators) printed a
    traceback ending "RuntimeError: Error calling __set_name__ on 'Field' instance 'sources' in 'YearView'" and
    exited 1: Python 3.11 wraps what interrupts the making of a class. It is said as the interruption it was."""
    import signal

    from safer_desk import cli
    from safer_desk.cli import office

    def interrupted_while_loading(args):
        try:
            cli._ctrl_c_noted(signal.SIGINT, None)  # as Ctrl+C arrives
        except KeyboardInterrupt as exc:
            raise RuntimeError("Error calling __set_name__ on 'Field' instance 'sources' in 'YearView'") from exc

    monkeypatch.setattr(office, "run_office", interrupted_while_loading)
    code, printed, err = run(capsys, "office", demo_path)
    assert (code, printed, err) == (130, "", "safer-desk: interrupted; nothing was changed.\n")


def test_a_fault_of_the_program_is_not_taken_for_ctrl_c(demo_path, capsys, monkeypatch):
    """Only what comes while Ctrl+C has been pressed is said as an interruption: anything else still fails loudly."""
    import pytest

    from safer_desk.cli import office

    def broken(args):
        raise RuntimeError("a fault of the program")

    monkeypatch.setattr(office, "run_office", broken)
    with pytest.raises(RuntimeError, match="a fault of the program"):
        run(capsys, "office", demo_path)
