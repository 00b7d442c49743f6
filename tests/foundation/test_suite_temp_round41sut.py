"""The suite's own files: a passed test's folder goes at once, and the folders are kept in memory where there is room
(tests/conftest.py's pytest_configure), since every SQLite commit's fsync waited on a shared CI disk."""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

import tests.conftest as suite


def _config(policy: str = "failed", basetemp=None):
    return SimpleNamespace(option=SimpleNamespace(basetemp=basetemp), getini={"tmp_path_retention_policy": policy}.get)


@pytest.fixture
def memory(tmp_path, monkeypatch):
    """A stand-in for /dev/shm, and no temp root chosen by whoever runs the tests."""
    folder = tmp_path / "shm"
    folder.mkdir()
    monkeypatch.setattr(suite, "MEMORY_FOLDER", folder)
    monkeypatch.delenv("PYTEST_DEBUG_TEMPROOT", raising=False)
    return folder


def test_the_folders_go_to_memory_when_pytest_removes_each_passed_tests_folder(memory):
    suite.pytest_configure(_config("failed"))
    assert os.environ["PYTEST_DEBUG_TEMPROOT"] == str(memory)


@pytest.mark.parametrize("config", [_config("all"), _config("none"), _config("failed", basetemp="/somewhere")],
                         ids=["every-folder-kept", "policy-none", "basetemp-given"])
def test_the_folders_stay_on_disk_when_they_would_pile_up_or_a_folder_was_chosen(memory, config):
    suite.pytest_configure(config)
    assert "PYTEST_DEBUG_TEMPROOT" not in os.environ


def test_a_temp_root_chosen_by_the_runner_is_kept(memory, monkeypatch):
    monkeypatch.setenv("PYTEST_DEBUG_TEMPROOT", "/mine")
    suite.pytest_configure(_config("failed"))
    assert os.environ["PYTEST_DEBUG_TEMPROOT"] == "/mine"


def test_a_small_memory_folder_is_left_alone(memory, monkeypatch):
    monkeypatch.setattr(suite, "MEMORY_NEEDED", 1 << 60)  # more than any machine has: a Docker runner's 64 MB shm
    suite.pytest_configure(_config("failed"))
    assert "PYTEST_DEBUG_TEMPROOT" not in os.environ


def test_no_memory_folder_changes_nothing(memory, monkeypatch):
    monkeypatch.setattr(suite, "MEMORY_FOLDER", memory / "absent")  # Windows, macOS
    suite.pytest_configure(_config("failed"))
    assert "PYTEST_DEBUG_TEMPROOT" not in os.environ


def test_the_suite_removes_a_passed_tests_folder_at_once(pytestconfig):
    assert pytestconfig.getini("tmp_path_retention_policy") == "failed"
