"""Shared fixtures: fast hashing, the demo data, users with roles.

With THIDUA_NO_SKIPS=1 (CI, where PostgreSQL, the broker, Chromium and poppler are all
there), a skipped test is a failure: nothing CI is meant to prove may pass unrun.
"""

from __future__ import annotations

import os

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models.signals import post_migrate

from campaigns.demo import load_seed_campaigns
from campaigns.models import Campaign
from units.demo import load_persons, load_units
from units.models import Membership, Person, Unit


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("THIDUA_NO_SKIPS") == "1" and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"THIDUA_NO_SKIPS=1 but the test was skipped: {report.longrepr}"


@pytest.fixture(autouse=True)
def _tasks_in_process():
    """Tasks run in-process when sent, whatever CELERY_BROKER_URL says; the tests of the
    real broker (test_task_queue.py) start a worker and switch this off."""
    from config.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = True


FAST_SETTINGS = {
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "LOGIN_REFUSED_DELAY": 0,  # refused logins answer at once in tests
    "LOGIN_PACE": 0,  # tests post wrong passwords back to back (test_login_flood.py sets it)
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


@pytest.fixture(autouse=True)
def _fast_tests(settings):
    for name, value in FAST_SETTINGS.items():
        setattr(settings, name, value)


# An issued document's PDF is a function of its frozen HTML alone (units/documents.py: "the
# same HTML gives the same content"). In a transactional test (the browser tests, backup,
# the secret ballot's...) the seed campaigns' publication renders their five PDFs at once
# (the task runs in-process): about 3 s of WeasyPrint before each such test, the same five
# documents each time. Each frozen HTML is rendered once per test process and its bytes
# reused; a document whose HTML differs in anything (number, date, text) is rendered anew,
# and units.pdf.html_to_pdf itself (the engine's own tests) is untouched (decision 0058).
_RENDERED: dict[bytes, bytes] = {}


@pytest.fixture(autouse=True)
def _issued_documents_rendered_once(monkeypatch):
    import hashlib

    import units.documents

    render = units.documents.html_to_pdf

    def once(html: str, **options) -> bytes:
        if options:
            return render(html, **options)
        key = hashlib.sha256(html.encode()).digest()
        if key not in _RENDERED:
            _RENDERED[key] = render(html)
        return _RENDERED[key]

    monkeypatch.setattr(units.documents, "html_to_pdf", once)


# The same way, tesseract's reading of a page image is a function of the image and of
# how it is asked (with or without the characters' alternatives): the import tests, the
# reader's and the browser's import journey read the same three pages of the same scan
# five times over, ~0.6 s of tesseract each. Each image is read once per test process
# (keyed by its pixels, size and mode) and every caller gets its own copy of the words;
# an image differing in one pixel is read anew (decision 0062).
_READ: dict[tuple, tuple] = {}


@pytest.fixture(autouse=True)
def _pages_read_once(monkeypatch):
    import copy
    import hashlib

    import campaigns.ocr

    read = campaigns.ocr._tesseract

    def once(image, choices: bool):
        key = (hashlib.sha256(image.tobytes()).digest(), image.size, image.mode, choices)
        if key not in _READ:
            _READ[key] = read(image, choices)
        return copy.deepcopy(_READ[key])

    monkeypatch.setattr(campaigns.ocr, "_tesseract", once)


@pytest.fixture(autouse=True, scope="session")
def _flush_by_delete():
    """After a transactional test (live server, worker, backup...), Django empties every
    table with `flush`, which PostgreSQL does as one TRUNCATE of all ~75 tables: 2.5-3 s
    each time on our machines (a new file for each table and index), against 0.02 s for
    a DELETE of each table's few rows. The tests' flush deletes instead (decision 0062):
    the same rows go, the sequences go on as they did (TRUNCATE without RESTART IDENTITY
    keeps them too), and the foreign keys, DEFERRABLE INITIALLY DEFERRED as Django makes
    them, are checked once at the flush's commit, in whatever order the tables come.
    Only the tests' teardown flushes: the application never calls `flush`. A flush that
    asks for RESTART IDENTITY or CASCADE keeps Django's TRUNCATE. The dead row versions
    the deletes leave are PostgreSQL's to vacuum, as in production; the one test that
    reads dead row versions and the WAL vacuums first (test_secret_ballot.py)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        yield
        return
    operations = type(connection.ops)
    truncate = operations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade:
            return truncate(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        return [f"DELETE FROM {self.quote_name(table)};" for table in tables]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(operations, "sql_flush", sql_flush)
        yield


@pytest.fixture
def demo_units(db) -> dict[str, Unit]:
    return load_units()


@pytest.fixture
def demo(demo_units) -> dict[str, Campaign]:
    """The five seed campaigns, keyed by seed number ("000" ... "004")."""
    return build_demo(demo_units)


def build_demo(demo_units: dict[str, Unit]) -> dict[str, Campaign]:
    load_persons(demo_units)
    return load_seed_campaigns(demo_units)


@pytest.fixture
def admin_user(db):
    return new_admin()


def new_admin():
    return get_user_model().objects.create_superuser("quantri", "qt@example.vn", "matkhau-manh-123")


def new_member(username: str, unit: Unit, role: str = Membership.Role.UNIT_STAFF):
    """A login holding one role in one unit (the `make_member` fixture)."""
    user = get_user_model().objects.create_user(username, password="matkhau-manh-123")
    Membership.objects.create(user=user, unit=unit, role=role)
    return user


@pytest.fixture
def make_member(db):
    return new_member


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (public pages, generations)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Uploads go to a fresh folder per test, never into the project."""
    settings.MEDIA_ROOT = str(tmp_path / "private_media")
    yield
    # Files a test saved inside its (rolled back) transaction are in a folder of their
    # own: forget them here, or the next test's first request sweeps them and its query
    # counts grow by what this test uploaded.
    from django.db import connections

    from units.files import _PENDING

    for connection in connections.all(initialized_only=True):
        connection.__dict__.pop(_PENDING, None)


@pytest.fixture
def cycle(demo_units, make_member):
    """A commune that nominates (staff with email), its district office and a council of 3."""
    return build_cycle(demo_units)


def build_cycle(demo_units: dict[str, Unit]) -> dict:
    """The `cycle` fixture's people (tests/module_data.py builds it once per module)."""
    district = demo_units["ubnd-tam-duong"]
    commune = demo_units["ubnd-x-binh-lu"]
    staff = new_member("cb.binhlu", commune, Membership.Role.UNIT_STAFF)
    staff.email = "cb.binhlu@example.vn"
    staff.save()
    office = new_member("nv.tamduong", district, Membership.Role.OFFICE_STAFF)
    council = [new_member(f"hd{i}", district, Membership.Role.COUNCIL_MEMBER) for i in range(3)]
    people = [
        Person.objects.create(full_name=name, unit=commune, gender="female", ethnicity="Thái")
        for name in ("Lò Thị A", "Lò Thị B")
    ]
    return {
        "district": district,
        "commune": commune,
        "staff": staff,
        "office": office,
        "council": council,
        "people": people,
    }


def load_reference_data() -> None:
    """The rows the data migrations write (document types, award types and their rules,
    legal bases, the base salary and multiples, required files, merits), written again
    where missing; rows that exist are left as they are."""
    from awards.models import AwardType, BaseSalary, LegalBasis, RewardDecree, RewardMultiple
    from awards.money_reference import load_money_reference
    from awards.reference_data import (
        close_ended_award_types,
        load_award_rules,
        load_award_types,
        load_legal_bases,
        load_member_rules,
        load_merits,
        load_required_files,
    )
    from campaigns.models import DocumentType
    from campaigns.reference_data import load_document_types

    load_document_types(DocumentType)
    load_award_types(AwardType)
    load_award_rules(AwardType)
    load_member_rules(AwardType)
    close_ended_award_types(AwardType)
    load_legal_bases(LegalBasis)
    load_money_reference(BaseSalary, RewardDecree, RewardMultiple, AwardType)
    load_required_files(AwardType)
    load_merits(AwardType)


def _reference_data_after_a_flush(sender, using="default", **kwargs) -> None:
    """A test on a real, committed database (live server, worker, backup) ends with
    Django's `flush`, which empties every table, the migrations' reference data too, then
    sends post_migrate (as after a migration: Django puts back permissions and content
    types). The reference data comes back here, so the next test on that worker finds the
    database as migrated, whichever kind of test it is: pytest-django runs a worker's
    plain tests before its transactional ones, but xdist's worksteal hands a worker that
    has finished its own queue, its transactional tests included, plain tests of
    another's (three print tests found no DocumentType that way)."""
    if sender.label == "awards":  # once per flush (post_migrate is sent for every app)
        load_reference_data()


post_migrate.connect(_reference_data_after_a_flush, dispatch_uid="tests-reference-data")


@pytest.fixture
def reference_data(transactional_db):
    """A test on a real, committed database. The reference data is there: the
    migrations wrote it, and every flush before this test put it back
    (`_reference_data_after_a_flush`)."""


@pytest.fixture
def smtp(settings):
    """Mail goes over SMTP to a port where, for now, no server listens; `smtp.start()`
    brings a real one up there (tests/smtp.py), and its messages arrive in smtp.inbox."""
    from tests.smtp import MailServer, free_port

    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    server = MailServer(port)
    yield server
    if server.controller._thread is not None:
        server.stop()
