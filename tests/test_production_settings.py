"""Issue 15, settings: the app refuses to start with DEBUG off on the development key;
HTTPS redirect and HSTS come from the environment (off by default); ADMINS from the
environment, and server errors and failed tasks reach them by email.

Settings are read once per process, so each case starts `manage.py` with its own
environment. PYTEST_VERSION (which marks a test run, where the development key is
allowed) is taken out: these processes start as an operator's would.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

ROOT = Path(__file__).resolve().parents[1]
KEY = "k" * 50
SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({n: getattr(s, n, None) "
    "for n in ('DEBUG', 'SECRET_KEY', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', "
    "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', 'ADMINS', 'SERVER_EMAIL', "
    "'EMAIL_SUBJECT_PREFIX')}))"
)


def start(*command: str, **variables: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "SECURE_"))}
    for name in ("DEBUG", "SECRET_KEY", "ADMINS", "SERVER_EMAIL", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    env.update(variables)
    return subprocess.run(
        [sys.executable, "manage.py", *(command or ("shell", "--no-imports", "-c", SHOW))],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def settings_of(**variables: str) -> dict:
    result = start(**variables)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(
    (ROOT / ".env").exists(), reason="a .env file gives the processes its SECRET_KEY"
)
@pytest.mark.parametrize(
    "variables",
    [
        {"DEBUG": "0"},
        {},  # DEBUG is off by default
        {"DEBUG": "0", "SECRET_KEY": ""},
        {"DEBUG": "0", "SECRET_KEY": "django-insecure-thidua-dev-only-never-in-production"},
    ],
)
def test_debug_off_without_a_key_of_its_own_refuses_to_start(variables):
    result = start(**variables)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY" in result.stderr


@pytest.mark.skipif(
    (ROOT / ".env").exists(), reason="a .env file gives the processes its SECRET_KEY"
)
def test_the_migration_check_of_ci_and_make_lint_needs_no_key():
    """.ci/run and `make lint` run it with neither DEBUG nor SECRET_KEY set."""
    result = start("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0 and "No changes detected" in result.stdout, result.stderr
    assert start("migrate", "--plan").returncode != 0  # anything else is refused


def test_development_and_production_start():
    assert settings_of(DEBUG="1")["DEBUG"] is True  # make run: DEBUG=1, the development key
    production = settings_of(DEBUG="0", SECRET_KEY=KEY)
    assert production["DEBUG"] is False and production["SECRET_KEY"] == KEY


def test_https_redirect_and_hsts_are_off_by_default_and_set_from_the_environment():
    default = settings_of(DEBUG="0", SECRET_KEY=KEY)
    assert default["SECURE_SSL_REDIRECT"] is False and default["SECURE_HSTS_SECONDS"] == 0
    on = settings_of(
        DEBUG="0",
        SECRET_KEY=KEY,
        SECURE_SSL_REDIRECT="1",
        SECURE_HSTS_SECONDS="31536000",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="1",
        SECURE_HSTS_PRELOAD="1",
    )
    assert on["SECURE_SSL_REDIRECT"] is True and on["SECURE_HSTS_SECONDS"] == 31536000
    assert on["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True and on["SECURE_HSTS_PRELOAD"] is True


@pytest.mark.django_db
def test_with_the_settings_on_http_is_redirected_and_https_carries_hsts(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    client = Client()  # its middleware is built with these settings
    response = client.get("/dang-nhap/")
    assert response.status_code == 301 and response["Location"].startswith("https://")
    response = client.get("/dang-nhap/", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000"


def test_admins_and_the_error_sender_come_from_the_environment():
    found = settings_of(
        DEBUG="0",
        SECRET_KEY=KEY,
        ADMINS="Nguyễn Văn A <a@laichau.gov.vn>, tin-hoc@laichau.gov.vn",
        DEFAULT_FROM_EMAIL="thidua@laichau.gov.vn",
    )
    assert found["ADMINS"] == [
        ["Nguyễn Văn A", "a@laichau.gov.vn"],
        ["tin-hoc@laichau.gov.vn", "tin-hoc@laichau.gov.vn"],
    ]
    assert found["SERVER_EMAIL"] == "thidua@laichau.gov.vn"
    assert found["EMAIL_SUBJECT_PREFIX"] == "[thidua] "
    assert settings_of(DEBUG="0", SECRET_KEY=KEY)["ADMINS"] == []
    wrong = start(DEBUG="0", SECRET_KEY=KEY, ADMINS="Nguyễn Văn A <khong-phai-email>")
    assert wrong.returncode != 0 and "ADMINS" in wrong.stderr


@pytest.fixture
def admins(settings):
    settings.ADMINS = [("Tin học", "tin-hoc@laichau.gov.vn")]
    settings.DEBUG = False
    return settings


@pytest.mark.django_db
def test_a_server_error_is_mailed_to_the_admins(admins):
    from tests.test_server_error import urlpatterns  # noqa: F401  (its failing URL)

    admins.ROOT_URLCONF = "tests.test_server_error"
    response = Client(raise_request_exception=False).get("/hong/")
    assert response.status_code == 500
    [message] = mail.outbox
    assert message.to == ["tin-hoc@laichau.gov.vn"]
    assert message.subject.startswith("[thidua] ERROR") and "ZeroDivisionError" in message.body


def test_a_failed_task_is_mailed_to_the_admins(admins):
    try:
        raise ValueError("không tạo được báo cáo")
    except ValueError:
        logging.getLogger("celery.app.trace").exception("Task units.run_file_job raised")
    [message] = mail.outbox
    assert message.to == ["tin-hoc@laichau.gov.vn"]
    assert "Task units.run_file_job raised" in message.subject
    assert "không tạo được báo cáo" in message.body
