"""Test data built once for a whole test module, as Django's TestCase.setUpTestData builds
it once for a class (decision 0062).

A module opts in by naming what it builds:

    _module_data, _module_copy, demo_units, cycle, stage = data_once(build, "demo_units", ...)

`build()` returns a dict; each name given becomes a fixture of that module returning the
dict's entry, in place of tests/conftest.py's fixture of the same name.

How it keeps the tests apart, the same way setUpTestData does:

- the data is written once, inside a transaction opened for the module
  (`_module_data`) and rolled back after its last test;
- each test runs, as always, in pytest-django's own transaction, which inside the
  module's is a savepoint, rolled back after the test: what one test writes, the next
  never sees;
- each test gets its own deep copy of the built objects (one copy for all the names, so
  `stage["staff"] is cycle["staff"]` as before), so what a test changes on an object
  without saving it does not reach the next test either;
- files the build saved (nominations' required files) are copied into the test's own
  MEDIA_ROOT (tests/conftest.py, `_private_media`), so a test that deletes or replaces
  one leaves the module's copy as it was.

A module holding a transactional test (live server, worker, `transaction=True`) cannot
opt in: its flush would empty the module's data, and its commits would need the module's
transaction closed. `_module_data` refuses it.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable

import pytest
from django.db import connections, transaction
from django.test.utils import override_settings

TRANSACTIONAL = {
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def _transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool(TRANSACTIONAL & set(getattr(item, "fixturenames", ())))


def data_once(build: Callable[[], dict], *names: str):
    """The module fixture that builds, the per-test copy, and one fixture per name."""
    from tests.conftest import FAST_SETTINGS

    @pytest.fixture(scope="module")
    def _module_data(request, django_db_setup, django_db_blocker, tmp_path_factory):
        from config.celery import app
        from units.files import _PENDING

        transactional = [
            item.nodeid
            for item in request.session.items
            if getattr(item, "module", None) is request.module and _transactional(item)
        ]
        if transactional:
            pytest.fail(f"data_once in a module with transactional tests: {transactional}")
        media = tmp_path_factory.mktemp("module_media")
        app.conf.task_always_eager = True  # as tests/conftest.py's _tasks_in_process
        with django_db_blocker.unblock():
            outer = transaction.atomic()  # the module's transaction, rolled back at its end
            outer.__enter__()
        try:
            with (
                django_db_blocker.unblock(),
                override_settings(MEDIA_ROOT=str(media), **FAST_SETTINGS),
            ):
                data = build()
            # the build's files stay for the module: no test's sweep may take them
            connections["default"].__dict__.pop(_PENDING, None)
            yield media, data
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                outer.__exit__(None, None, None)

    @pytest.fixture
    def _module_copy(db, _module_data, _private_media, settings):
        media, data = _module_data
        shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
        return copy.deepcopy(data)

    def entry(name: str):
        @pytest.fixture(name=name)
        def fixture(_module_copy):
            return _module_copy[name]

        return fixture

    return (_module_data, _module_copy, *(entry(name) for name in names))


def built_demo() -> dict:
    """The units and the five seed campaigns (tests/conftest.py's demo_units and demo)."""
    from tests.conftest import build_demo
    from units.demo import load_units

    units = load_units()
    return {"demo_units": units, "demo": build_demo(units)}
