"""The production set-up as an operator runs it: `check --deploy`, gunicorn with DEBUG=0
serving pages and static files from collectstatic, and a Celery worker process taking
tasks from the real broker. These start real processes against the test database."""

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction

from tests.smtp import free_port
from units.mail import email_queue
from units.models import OutgoingEmail

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
POSTGRES = connection.vendor == "postgresql"


def production_env(tmp_path, **extra) -> dict[str, str]:
    """What the deployment guide's .env holds, pointing at this run's test database."""
    env = {
        **os.environ,
        "DEBUG": "0",
        "THIDUA_DEMO": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "STATICFILES_BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
        **extra,
    }
    # The browser tests' conftest sets this for Playwright; no server may run with it.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    if POSTGRES:
        db = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
        if db.get("PASSWORD"):
            env["PGPASSWORD"] = db["PASSWORD"]
    return env


def manage(env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_check_deploy_is_clean_with_the_documented_settings(tmp_path):
    env = production_env(
        tmp_path,
        SECURE_HSTS_SECONDS="31536000",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="1",
        SECURE_HSTS_PRELOAD="1",
        SECURE_SSL_REDIRECT="1",
    )
    result = manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    # Without TLS settings (TLS ends at nginx), only the two warnings the guide explains.
    result = manage(production_env(tmp_path), "check", "--deploy")
    found = {
        w
        for w in ("W001", "W002", "W004", "W008", "W009", "W012", "W016")
        if w in result.stderr + result.stdout
    }
    assert found == {"W004", "W008"}, result.stderr
    # An intranet served over plain HTTP turns the secure cookies off (step 6): the guide
    # names the two more warnings that then appear.
    result = manage(
        production_env(tmp_path, SESSION_COOKIE_SECURE="0", CSRF_COOKIE_SECURE="0"),
        "check",
        "--deploy",
    )
    found = {w for w in ("W004", "W008", "W012", "W016") if w in result.stderr + result.stdout}
    assert found == {"W004", "W008", "W012", "W016"}, result.stderr
    guide = (ROOT / "docs" / "deployment.md").read_text()
    assert all(f"security.{w}" in guide for w in found)
    # The development key is refused as a deployment error.
    env = production_env(tmp_path)
    del env["SECRET_KEY"]
    assert "thidua.W001" in manage(env, "check", "--deploy").stderr


@pytest.fixture
def gunicorn(tmp_path):
    env = production_env(tmp_path)
    assert manage(env, "collectstatic", "--noinput").returncode == 0
    port = free_port()
    env.update(GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="2", GUNICORN_ACCESSLOG="")
    process = subprocess.Popen(
        [BIN / "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/dang-nhap/", timeout=5)
                break
            except OSError:  # not listening yet, or still starting
                time.sleep(0.2)
        else:
            pytest.fail("gunicorn did not answer within 20 s")
        yield base, tmp_path / "static"
    finally:  # never leave a server behind, whatever happened above
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.mark.skipif(not POSTGRES, reason="gunicorn cần cơ sở dữ liệu dùng chung (PostgreSQL)")
@pytest.mark.django_db(transaction=True)
def test_gunicorn_serves_the_portal_and_static_files_with_debug_off(reference_data, gunicorn):
    base, static_root = gunicorn
    with urllib.request.urlopen(base + "/") as response:
        assert response.status == 200
        assert "Phong trào thi đua" in response.read().decode()
    # collectstatic's hashed names, served by WhiteNoise with a long cache life
    [css] = (static_root / "css").glob("site.*.css")
    with urllib.request.urlopen(f"{base}/static/css/{css.name}") as response:
        assert response.status == 200 and "max-age=315360000" in response.headers["Cache-Control"]
    # DEBUG is off: a missing page is our Vietnamese 404, never Django's debug page
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(base + "/khong-co-trang-nay/")
    page = missing.value.read().decode()
    assert missing.value.code == 404 and "Traceback" not in page and "URLconf" not in page
    # CSRF is on: a login post without the token is refused
    request = urllib.request.Request(base + "/dang-nhap/", data=b"username=a&password=b")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 403


def start_worker(env, queue) -> subprocess.Popen:
    """A worker process as the Procfile starts one, on a queue of the test's own."""
    return subprocess.Popen(
        [BIN / "celery", "-A", "config", "worker", "-Q", queue, "--pool", "solo", "-l", "INFO"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


@pytest.mark.skipif(
    not (POSTGRES and settings.CELERY_BROKER_URL),
    reason="cần PostgreSQL và CELERY_BROKER_URL (CI đặt cả hai)",
)
@pytest.mark.django_db(transaction=True)
def test_a_worker_process_delivers_mail_queued_by_the_web(tmp_path, settings):
    from config.celery import app

    queue = f"thidua-prod-test-{uuid.uuid4().hex[:8]}"
    outbox = tmp_path / "mail"
    env = production_env(
        tmp_path,
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(outbox),
    )
    worker = start_worker(env, queue)
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    try:
        with transaction.atomic():
            email = email_queue(
                subject="[thidua] Thử hàng đợi", body="Nội dung", recipients=["a@example.vn"]
            )
        for _ in range(150):
            email.refresh_from_db()
            if email.status == OutgoingEmail.Status.SENT:
                break
            time.sleep(0.2)
        if email.status != OutgoingEmail.Status.SENT:
            worker.send_signal(signal.SIGTERM)
            pytest.fail(worker.communicate(timeout=30)[0].decode()[-3000:])
        [message] = outbox.iterdir()
        assert "a@example.vn" in message.read_text()
        # what `journalctl -u thidua-worker` shows the operator: the task and its outcome
        worker.send_signal(signal.SIGTERM)
        log = worker.communicate(timeout=30)[0].decode()
        assert "units.deliver_email[" in log and "succeeded in" in log, log[-3000:]
    finally:
        app.conf.task_default_queue = "celery"
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)


def test_gunicorn_opens_no_control_socket_in_its_users_home(tmp_path):
    """gunicorn 25+ opens a control socket in $HOME/.gunicorn by default. Under systemd the
    thidua user's home does not exist (ProtectHome=yes): a warning at every start. Two
    servers of one user (a test server beside production) share the path, and the first
    one stopped deletes the other's socket. Ours opens none unless GUNICORN_CONTROL_SOCKET
    names one."""
    home = tmp_path / "home"
    home.mkdir()
    port = free_port()
    env = {
        **os.environ,
        "HOME": str(home),
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_ACCESSLOG": "",
    }
    env.pop("XDG_RUNTIME_DIR", None)
    env.pop("GUNICORN_CONTROL_SOCKET", None)

    def serve(env) -> str:
        process = subprocess.Popen(
            [BIN / "gunicorn", "-c", "config/gunicorn.py", "tests.tarpit_app:app"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                pytest.fail("gunicorn did not answer within 20 s")
            # the control socket opens after the workers boot
            time.sleep(1)
            sockets = sorted(str(p) for p in tmp_path.rglob("*.ctl"))
        finally:
            process.send_signal(signal.SIGTERM)
            output = process.communicate(timeout=30)[0]
        return sockets, output

    sockets, output = serve(env)
    assert sockets == [] and "control socket" not in output.lower(), output
    # An operator who wants gunicornc names the socket's place.
    wanted = tmp_path / "run" / "thidua-web.ctl"
    sockets, output = serve({**env, "GUNICORN_CONTROL_SOCKET": str(wanted)})
    assert sockets == [str(wanted)], output


@pytest.mark.skipif(
    not (settings.CELERY_BROKER_URL and "redis" in settings.CACHES["default"]["BACKEND"]),
    reason="cần CELERY_BROKER_URL và CACHE_URL=redis://… (CI đặt cả hai)",
)
def test_a_worker_process_tells_the_web_it_is_running(tmp_path):
    """What the pages that wait for a worker read (units/workers.py): no mark, then the
    mark of a worker process started as in production, through the shared Redis cache."""
    from django.core.cache import cache

    from config.celery import app
    from units import workers

    cache.delete(workers.KEY)
    app.conf.task_always_eager = False
    assert workers.workers_down()
    worker = start_worker(production_env(tmp_path), f"thidua-alive-{uuid.uuid4().hex[:8]}")
    try:
        for _ in range(150):
            if not workers.workers_down():
                break
            time.sleep(0.2)
        else:
            worker.send_signal(signal.SIGTERM)
            pytest.fail(worker.communicate(timeout=30)[0].decode()[-3000:])
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
        cache.delete(workers.KEY)
