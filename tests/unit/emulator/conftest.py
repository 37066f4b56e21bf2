"""Fixtures of the emulator tests (the helpers live in emulator_helpers.py)."""

import pytest

EMULATOR_PLUGIN = "ansible_collections.mediaops.live_jobs.emulator.pytest_plugin"


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    # Registers the live_jobs_emulator fixture. Not a module-level import: when this directory is the pytest
    # argument, this conftest loads before pytest-ansible puts the collection on sys.path (in its pytest_configure).
    config.pluginmanager.import_plugin(EMULATOR_PLUGIN)


@pytest.fixture
def emulator_factory():
    """start_emulator(...) whose emulators are all stopped after the test."""
    from ansible_collections.mediaops.live_jobs.emulator.pytest_plugin import start_emulator

    handles = []

    def start(*args, **kwargs):
        handles.append(start_emulator(*args, **kwargs))
        return handles[-1]

    yield start
    for handle in handles:
        handle.stop()
