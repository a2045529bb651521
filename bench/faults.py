"""Reliability under faults: the production processes keep every acknowledged write
and finish every task while a worker is killed, the mail server is down and
PostgreSQL restarts, all under a steady load.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua make bench-faults

Creates a throw-away PostgreSQL database (thidua_faults_<random>), fills it with the
demo tree, a campaign with report periods, unit staff with known passwords and passed
nominations; starts gunicorn (config/gunicorn.py, 2 workers), a Celery worker (prefork,
concurrency 2, a queue of its own on CELERY_BROKER_URL, RabbitMQ by default) and an
SMTP server (aiosmtpd), all with DEBUG=0. Client threads log in with CSRF and save
reports with distinct values, and read public pages, for the whole run, while:

  a. a worker's child is killed (kill -9) while it renders a long certificates PDF,
     then the whole worker is killed during another and a new worker started;
  b. the SMTP server is stopped while unit staff submit nominations (mail queued),
     then started again and the retries sent;
  c. PostgreSQL is restarted (pg_ctlcluster) while the clients keep writing.

Then checks that every acknowledged write is in the database with the value sent,
that no failed write left a half-written report, and that every task finished; writes
the `faults` section of docs/benchmarks.md and exits non-zero if data was lost or a
task never finished. The database is dropped at the end.
"""

from __future__ import annotations

import ast
import datetime
import hashlib
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DEFAULT_BROKER = "amqp://guest:guest@127.0.0.1:5672//"
CLIENTS = int(os.environ.get("FAULTS_CLIENTS", "8"))
AWARDEES = int(os.environ.get("FAULTS_AWARDEES", "300"))
MAIL_CHANGES = int(os.environ.get("FAULTS_MAIL_CHANGES", "20"))
UNITS_PER_CLIENT = 12
PERIODS = 40
CRITERIA = 3
REQUEST_TIMEOUT = 30  # seconds; a request slower than this counts as a hang
TOKEN = secrets.token_hex(4)
QUEUE = f"thidua-faults-{TOKEN}"
PASSWORD = secrets.token_urlsafe(16)
SUCCESS_LOCATION = "/quan-ly/theo-doi/don-vi/"


def log(message: str) -> None:
    print(f"[faults {time.strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---------------------------------------------------------------------------
# The throw-away database (before Django is set up: settings read DATABASE_URL)


def database_urls() -> tuple[str, str, str]:
    """(the new database's URL, the maintenance database's URL, the new name)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        sys.exit(
            "make bench-faults cần PostgreSQL (khởi động lại máy chủ CSDL, chạy tiến trình "
            "thật dùng chung một CSDL): đặt DATABASE_URL=postgres://USER@HOST:5432/NAME. "
            f"Không dùng được: {url or 'DATABASE_URL chưa đặt (SQLite)'}"
        )
    parts = urllib.parse.urlsplit(url)
    name = f"thidua_faults_{TOKEN}"
    return (
        parts._replace(path=f"/{name}").geturl(),
        parts._replace(path="/postgres").geturl(),
        name,
    )


def maintenance(url: str, *statements: str) -> None:
    import psycopg2

    conn = psycopg2.connect(url)
    conn.autocommit = True
    try:
        with conn.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
    finally:
        conn.close()


# ---------------------------------------------------------------------------
# Data


def populate() -> dict:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from awards import services
    from awards.models import AwardType, Nomination
    from campaigns.demo import load_seed_campaigns
    from campaigns.models import Criterion, ReportPeriod
    from units.demo import load_persons, load_units
    from units.models import Membership, Person, Unit

    User = get_user_model()
    units = load_units()
    load_persons(units)
    campaigns = load_seed_campaigns(units)
    district = units["ubnd-tam-duong"]
    mail_commune = units["ubnd-x-binh-lu"]
    award_commune = (
        Unit.objects.filter(parent=district, level=mail_commune.level)
        .exclude(pk=mail_commune.pk)
        .first()
    )
    campaign = campaigns["002"]
    criteria = [
        Criterion.objects.create(
            campaign=campaign, name=f"Chỉ tiêu thử {k + 1}", kind="numeric", order=100 + k
        )
        for k in range(CRITERIA)
    ]
    periods = [
        ReportPeriod.objects.create(
            campaign=campaign,
            kind="interim",
            due_on=datetime.date(2030, 1, 1) + datetime.timedelta(days=i),
        )
        for i in range(PERIODS)
    ]
    hashed = make_password(PASSWORD)
    clients = []
    for i in range(CLIENTS):
        user = User.objects.create(username=f"faults.cb{i}", password=hashed)
        mine = []
        for j in range(UNITS_PER_CLIENT):
            unit = Unit.objects.create(
                code=f"faults-{i}-{j}",
                name=f"UBND xã Thử {i}-{j}",
                kind=mail_commune.kind,
                level=mail_commune.level,
                parent=district,
            )
            Membership.objects.create(user=user, unit=unit, role=Membership.Role.UNIT_STAFF)
            mine.append(unit.pk)
        clients.append({"username": user.username, "units": mine})
    staff = User.objects.create(
        username="faults.binhlu", password=hashed, email="cb.binhlu@example.vn"
    )
    Membership.objects.create(user=staff, unit=mail_commune, role=Membership.Role.UNIT_STAFF)
    office = User.objects.create(
        username="faults.tamduong", password=hashed, email="vp.tamduong@example.vn"
    )
    Membership.objects.create(user=office, unit=district, role=Membership.Role.OFFICE_STAFF)
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")

    def draft(unit, status, count, prefix):
        people = Person.objects.bulk_create(
            Person(full_name=f"{prefix} {k + 1:03d}", unit=unit, gender="male")
            for k in range(count)
        )
        return Nomination.objects.bulk_create(
            Nomination(
                award_type=ldtt,
                nominee_person=p,
                nominating_unit=unit,
                issuer=district,
                year=2025,
                status=status,
                achievement_summary="Hoàn thành xuất sắc nhiệm vụ.",
            )
            for p in people
        )

    passed = Nomination.Status.PASSED
    mail_drafts = [
        n.pk for n in draft(mail_commune, Nomination.Status.DRAFT, MAIL_CHANGES + 4, "Lò Văn")
    ]
    return {
        "services": services,
        "campaign": campaign.pk,
        "criteria": [c.pk for c in criteria],
        "periods": [p.pk for p in periods],
        "clients": clients,
        "office": office,
        "district": district,
        "batches": {
            "child": draft(award_commune, passed, AWARDEES, "Tòng Văn"),
            "worker": draft(award_commune, passed, AWARDEES, "Lường Văn"),
            "after-db": draft(award_commune, passed, 5, "Quàng Văn"),
        },
        "mail_drafts": mail_drafts,
    }


# ---------------------------------------------------------------------------
# HTTP clients


class Browser:
    """One keep-alive connection (reopened when the server closes it) and its cookies."""

    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except Exception:
            self.conn.close()
            raise
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.headers.get("Location", ""), data

    def csrf(self, path: str) -> str:
        status, _, data = self.request("GET", path)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', data)
        if status != 200 or not match:
            raise RuntimeError(f"no CSRF form at {path} ({status})")
        return match.group(1).decode()

    def login(self, username: str) -> None:
        for attempt in range(30):
            try:
                token = self.csrf("/dang-nhap/")
                status, location, _ = self.request(
                    "POST",
                    "/dang-nhap/",
                    {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD},
                )
                if status == 302 and "dang-nhap" not in location:
                    return
            except (OSError, http.client.HTTPException, RuntimeError):
                pass
            time.sleep(0.5 + attempt * 0.1)
        raise RuntimeError(f"cannot log in as {username}")


ERROR_PAGE = "Hệ thống đang gặp lỗi".encode()  # templates/500.html


def outcome_of(status: int, body: bytes) -> str:
    """The status, marked when a 500 is not our error page (a traceback, a proxy's page)."""
    return (
        f"{status} (not templates/500.html)"
        if status == 500 and ERROR_PAGE not in body
        else str(status)
    )


@dataclass
class Write:
    client: int
    seq: int
    key: tuple[int, int]  # (period, unit)
    value: int
    started: float
    ended: float = 0.0
    outcome: str = ""  # "ok", an HTTP status, or the exception's name
    acked: bool = False


@dataclass
class Load:
    port: int
    data: dict
    stop: threading.Event = field(default_factory=threading.Event)
    writes: list[Write] = field(default_factory=list)
    reads: list[tuple[float, float, str]] = field(default_factory=list)  # start, end, outcome
    relogins: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def run_client(self, index: int) -> None:
        spec = self.data["clients"][index]
        criteria = self.data["criteria"]
        keys = [(p, u) for p in self.data["periods"] for u in spec["units"]]
        reads = ["/", f"/phong-trao/{self.data['campaign']}/", "/quyet-dinh/", "/vinh-danh/"]
        browser = Browser(self.port)
        browser.login(spec["username"])
        seq = 0
        token = None
        while not self.stop.is_set():
            seq += 1
            if seq % 3 == 0:
                self._read(browser, reads[seq % len(reads)])
                continue
            period, unit = keys[seq % len(keys)]
            path = f"/quan-ly/theo-doi/don-vi/{unit}/ky/{period}/bao-cao/"
            try:
                if token is None:
                    token = browser.csrf(path)
            except (OSError, http.client.HTTPException, RuntimeError):
                time.sleep(0.2)
                continue
            value = index * 10_000_000 + seq
            form = {"csrfmiddlewaretoken": token}
            for k, criterion in enumerate(criteria):
                form[f"value-{criterion}"] = str(value)
                form[f"evidence-{criterion}"] = f"w{value}-c{k}"
            write = Write(index, seq, (period, unit), value, time.monotonic())
            try:
                status, location, body = browser.request("POST", path, form)
                write.outcome = outcome_of(status, body)
                write.acked = status == 302 and location.endswith(SUCCESS_LOCATION)
                if write.acked:
                    write.outcome = "ok"
                elif status in (302, 403):  # session or CSRF lost: log in again
                    token = None
                    with self.lock:
                        self.relogins += 1
                    try:
                        browser.login(spec["username"])
                    except RuntimeError:
                        pass
            except (OSError, http.client.HTTPException) as error:
                write.outcome = type(error).__name__
            write.ended = time.monotonic()
            with self.lock:
                self.writes.append(write)
            if not write.acked:
                time.sleep(0.1)  # as a person would, before trying again

    def _read(self, browser: Browser, path: str) -> None:
        started = time.monotonic()
        try:
            status, _, body = browser.request("GET", path)
            outcome = "ok" if status == 200 else outcome_of(status, body)
        except (OSError, http.client.HTTPException) as error:
            outcome = type(error).__name__
        with self.lock:
            self.reads.append((started, time.monotonic(), outcome))

    def start(self) -> list[threading.Thread]:
        threads = [
            threading.Thread(target=self.run_client, args=(i,), daemon=True) for i in range(CLIENTS)
        ]
        for thread in threads:
            thread.start()
        return threads

    def outcomes(self, start: float, end: float) -> tuple[int, Counter]:
        """Requests that ended in [start, end], and the failures among them by outcome."""
        with self.lock:
            ended = [(w.ended, w.outcome) for w in self.writes] + [(r[1], r[2]) for r in self.reads]
        inside = [o for t, o in ended if start <= t <= end]
        return len(inside), Counter(o for o in inside if o != "ok")

    def first_ack_after(self, moment: float) -> float | None:
        with self.lock:
            found = [w.ended for w in self.writes if w.acked and w.started >= moment]
        return min(found) if found else None


# ---------------------------------------------------------------------------
# Processes


class Processes:
    def __init__(self, env: dict[str, str], logs: Path):
        self.env = env
        self.logs = logs
        self.web: subprocess.Popen | None = None
        self.workers: list[tuple[subprocess.Popen, str]] = []

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen:
        out = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 (closed with the process)
        return subprocess.Popen(
            args,
            cwd=ROOT,
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: kill -9 reaches its children
        )

    def start_web(self, port: int) -> None:
        self.env.update(GUNICORN_BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="2")
        self.web = self._spawn(
            "web", [str(BIN / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi"]
        )
        for _ in range(150):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/dang-nhap/")
                if conn.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not start: see web.log")

    def start_worker(self, app) -> str:
        n = len(self.workers) + 1
        hostname = f"faults{n}-{TOKEN}@bench"
        process = self._spawn(
            f"worker{n}",
            [
                str(BIN / "celery"),
                "-A",
                "config",
                "worker",
                "-Q",
                QUEUE,
                "--pool",
                "prefork",
                "--concurrency",
                "2",
                "--hostname",
                hostname,
                "--without-gossip",
                "--without-mingle",
                "--loglevel",
                "INFO",
            ],
        )
        self.workers.append((process, hostname))
        for _ in range(120):
            if app.control.ping(destination=[hostname], timeout=0.5):
                return hostname
            if process.poll() is not None:
                break
        raise RuntimeError(f"worker {hostname} did not start: see worker{n}.log")

    def stop_all(self) -> None:
        for process in [w for w, _ in self.workers] + ([self.web] if self.web else []):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
        for process in [w for w, _ in self.workers] + ([self.web] if self.web else []):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def wait_for(predicate, timeout: float, step: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(step)
    return None


def fresh_db() -> None:
    """The script's own connection may have died with PostgreSQL: drop it if unusable."""
    from django.db import close_old_connections

    close_old_connections()


def rendering(app, hostname: str, document_id: int) -> dict | None:
    """The worker's active task rendering this document, if it is rendering it now."""
    try:
        replies = app.control.inspect(destination=[hostname], timeout=1.0).active() or {}
    except Exception:
        return None
    for task in replies.get(hostname, []):
        args = task.get("args")
        if isinstance(args, str):
            args = ast.literal_eval(args)
        if task.get("name") == "units.render_issued_document" and document_id in (args or []):
            return task
    return None


# ---------------------------------------------------------------------------
# The faults


def issue_decision(data: dict, batch: str):
    from units.models import IssuedDocument

    services = data["services"]
    fresh_db()
    decision = services.decision_draft(
        actor=data["office"],
        issuer=data["district"],
        subject=f"Về việc tặng danh hiệu Lao động tiên tiến ({batch})",
        nominations=data["batches"][batch],
    )
    decision = services.decision_issue(actor=data["office"], decision=decision)
    return IssuedDocument.objects.get(kind=IssuedDocument.Kind.CERTIFICATES, object_id=decision.pk)


def rendered_at(document_id: int):
    from units.models import IssuedDocument

    fresh_db()
    return IssuedDocument.objects.filter(pk=document_id).exclude(sha256="").exists()


def render_age(task: dict) -> float:
    """Seconds since the worker started the task (its clock may be wall or monotonic)."""
    started = task.get("time_start") or 0
    for clock in (time.time, time.monotonic):
        if 0 <= clock() - started < 3600:
            return clock() - started
    return 1.5


def fault_worker(app, processes: Processes, data: dict, hostname: str, whole: bool) -> dict:
    """Kill -9 the worker's child (or the whole worker) while it renders certificates."""
    batch = "worker" if whole else "child"
    log(f"fault a ({'whole worker' if whole else 'child'}): issuing {AWARDEES} awardees")
    started = time.monotonic()
    document = issue_decision(data, batch)
    task = wait_for(lambda: rendering(app, hostname, document.pk), timeout=120, step=0.3)
    if task is None:
        raise RuntimeError("the certificates render never started")
    time.sleep(1.5)  # well inside the render (several seconds for 300 pages)
    task_age = render_age(task)
    if rendered_at(document.pk):
        raise RuntimeError("the render finished before the kill: raise FAULTS_AWARDEES")
    worker = next(p for p, h in processes.workers if h == hostname)
    killed_at = time.monotonic()
    if whole:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
        log("  killed the whole worker (kill -9 on its process group); starting a new one")
        hostname = processes.start_worker(app)
    else:
        os.kill(task["worker_pid"], signal.SIGKILL)
        log(f"  killed child {task['worker_pid']} of {hostname} (kill -9)")

    def again():
        if rendered_at(document.pk):
            return True
        found = rendering(app, hostname, document.pk)
        return found and found.get("worker_pid") != task["worker_pid"]

    wait_for(again, timeout=300, step=0.3)
    redelivered = time.monotonic() - killed_at
    done = wait_for(lambda: rendered_at(document.pk), timeout=300, step=0.25)
    finished = time.monotonic()
    recovery = finished - killed_at
    log(f"  task delivered again after {redelivered:.1f} s, rendered after {recovery:.1f} s")
    return {
        "name": "Whole worker killed during a PDF render, new worker started"
        if whole
        else "Worker's child killed during a PDF render",
        "start": started,
        "end": finished,
        "recovery": recovery if done else None,
        "document": document.pk,
        "hostname": hostname,
        "note": (
            f"kill -9 {'of the process group' if whole else 'of the rendering child'} "
            f"{task_age:.1f} s into the render of {AWARDEES} certificates; the task was "
            f"delivered again after {redelivered:.1f} s"
            + (" (new worker's start included)" if whole else "")
            + f" and the PDF stored {recovery:.1f} s after the kill"
        )
        if done
        else "NEVER RENDERED",
    }


def fault_mail(app, load: Load, data: dict, smtp_port: int, servers: list) -> dict:
    from tests.smtp import MailServer
    from units.models import OutgoingEmail
    from units.tasks import retry_due_emails

    fresh_db()
    before = OutgoingEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    log(f"fault b: mail server stopped; {MAIL_CHANGES} nominations submitted by HTTP")
    started = time.monotonic()
    servers[-1].stop()
    browser = Browser(load.port)
    browser.login("faults.binhlu")
    statuses = Counter()
    for pk in data["mail_drafts"][:MAIL_CHANGES]:
        token = browser.csrf(f"/quan-ly/khen-thuong/de-nghi/{pk}/")
        status, location, _ = browser.request(
            "POST", f"/quan-ly/khen-thuong/de-nghi/{pk}/gui/", {"csrfmiddlewaretoken": token}
        )
        statuses[status] += 1
    from awards.models import Nomination

    submitted = Nomination.objects.filter(
        pk__in=data["mail_drafts"][:MAIL_CHANGES], status=Nomination.Status.SUBMITTED
    ).count()
    mails = OutgoingEmail.objects.filter(pk__gt=before)
    tried = wait_for(
        lambda: mails.filter(attempts__gte=1).exclude(last_error="").count() >= MAIL_CHANGES,
        timeout=90,
    )
    pending_with_error = (
        mails.filter(status=OutgoingEmail.Status.PENDING).exclude(last_error="").count()
    )
    errors = sorted(set(mails.values_list("last_error", flat=True)))
    log(f"  {submitted} submitted, {pending_with_error} emails pending with {errors[:1]}")
    servers.append(MailServer(smtp_port).start())
    up = time.monotonic()
    log("  mail server started again; retries sent through the broker")

    def all_sent():
        fresh_db()
        if not mails.exclude(status=OutgoingEmail.Status.SENT).exists():
            return True
        mails.filter(status=OutgoingEmail.Status.PENDING).update(
            next_attempt_at=datetime.datetime.now(datetime.UTC)
        )
        retry_due_emails.delay()
        return False

    done = wait_for(all_sent, timeout=120, step=2.0)
    finished = time.monotonic()
    return {
        "name": "Mail server stopped, nominations submitted, server started again",
        "start": started,
        "end": finished,
        "recovery": finished - up if done else None,
        "note": f"{sum(statuses.values())} submits answered "
        + ", ".join(f"{n}× {s}" for s, n in sorted(statuses.items()))
        + f"; {submitted} nominations submitted; {pending_with_error} emails pending with "
        f"“{(errors[0] if errors else '').split(':')[0]}” while down"
        + (f", all {mails.count()} sent {finished - up:.1f} s after restart" if done else "")
        + ("" if tried else " (the worker had not tried them all)"),
        "emails": mails.count(),
    }


def fault_postgres(app, load: Load, data: dict, web_log: Path) -> dict:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    log(f"fault c: pg_ctlcluster {version} main restart while clients write")
    started = time.monotonic()
    result = subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
        capture_output=True,
        text=True,
    )
    back = time.monotonic()
    if result.returncode != 0:
        raise RuntimeError(f"pg_ctlcluster failed: {result.stderr}")
    recovered = wait_for(lambda: load.first_ack_after(back), timeout=120)
    log(
        f"  restart took {back - started:.1f} s; writes acknowledged again after "
        f"{(recovered or back) - started:.1f} s"
    )
    # The worker after the restart: a decision's PDFs and a nomination's mail.
    document = issue_decision(data, "after-db")
    rendered = wait_for(lambda: rendered_at(document.pk), timeout=120)
    finished = time.monotonic()
    return {
        "name": f"PostgreSQL {version} restarted during the load",
        "start": started,
        "end": (recovered or finished) + 1.0,
        "recovery": (recovered - started) if recovered else None,
        "note": f"restart took {back - started:.1f} s; every failure is a "
        "status (none hung); gunicorn not restarted; server log: "
        + ", ".join(f"{n}× “{why}”" for why, n in database_errors(web_log).most_common())
        + "; "
        + (
            "a decision issued after it was rendered by the worker"
            if rendered
            else "worker did NOT render after the restart"
        ),
        "document": document.pk,
    }


# ---------------------------------------------------------------------------
# Verification


def verify(load: Load, data: dict) -> dict:
    from campaigns.models import ReportValue
    from units.models import FileJob, IssuedDocument, OutgoingEmail

    fresh_db()
    state: dict[tuple[int, int], list[tuple[int, object, str]]] = {}
    for period, unit, criterion, value, evidence in ReportValue.objects.filter(
        report__period_id__in=data["periods"]
    ).values_list("report__period_id", "report__unit_id", "criterion_id", "value", "evidence"):
        state.setdefault((period, unit), []).append((criterion, value, evidence))
    by_key: dict[tuple[int, int], list[Write]] = {}
    for write in load.writes:
        by_key.setdefault(write.key, []).append(write)
    lost, half, committed_unacked, superseded = [], [], Counter(), 0
    for key, writes in by_key.items():
        writes.sort(key=lambda w: w.seq)
        acked = [i for i, w in enumerate(writes) if w.acked]
        rows = state.get(key)
        if not rows:
            if acked:
                lost.append((key, writes[acked[-1]].value, None))
            continue
        values = {int(v) for _, v, _ in rows}
        evidence_ok = all(e == f"w{int(v)}-c{k}" for k, (_, v, e) in enumerate(sorted(rows)))
        if len(rows) != CRITERIA or len(values) != 1 or not evidence_ok:
            half.append((key, rows))
            continue
        (stored,) = values
        index = next((i for i, w in enumerate(writes) if w.value == stored), None)
        if index is None:
            half.append((key, rows))
            continue
        if acked and index < acked[-1]:
            lost.append((key, writes[acked[-1]].value, stored))
        elif not writes[index].acked:
            committed_unacked[writes[index].outcome] += 1
        superseded += max(len(acked) - 1, 0)
    documents = IssuedDocument.objects.all()
    unrendered = documents.filter(sha256="").count()
    bad_hash = 0
    for document in documents.exclude(sha256=""):
        with document.file.open("rb") as handle:
            bad_hash += hashlib.sha256(handle.read()).hexdigest() != document.sha256
    return {
        "keys": len(by_key),
        "lost": lost,
        "half": half,
        "committed_unacked": committed_unacked,
        "superseded": superseded,
        "documents": documents.count(),
        "unrendered": unrendered,
        "bad_hash": bad_hash,
        "emails": OutgoingEmail.objects.count(),
        "emails_unsent": OutgoingEmail.objects.exclude(status=OutgoingEmail.Status.SENT).count(),
        "jobs_stuck": FileJob.objects.filter(
            status__in=[FileJob.Status.PENDING, FileJob.Status.RUNNING]
        ).count(),
    }


def database_errors(web_log: Path) -> Counter:
    """Why the web's requests failed while PostgreSQL restarted: for each error that
    gunicorn's log records, the first reason its traceback gives."""
    reason = re.compile(
        r"(shutting down|starting up|Connection refused|server closed the connection|"
        r"connection already closed|terminating connection)"
    )
    found = Counter()
    if web_log.exists():
        for block in web_log.read_text(errors="replace").split("Internal Server Error:")[1:]:
            match = reason.search(block)
            found[match.group(1) if match else "other"] += 1
    return found


def report(load: Load, faults: list[dict], checks: dict, elapsed: float, received: int) -> list:
    writes = load.writes
    acked = sum(w.acked for w in writes)
    failed = Counter(w.outcome for w in writes if not w.acked)
    reads_failed = Counter(r[2] for r in load.reads if r[2] != "ok")
    slowest = max([w.ended - w.started for w in writes] + [r[1] - r[0] for r in load.reads])

    def fmt(counter: Counter) -> str:
        return ", ".join(f"{n}× {o}" for o, n in counter.most_common()) or "none"

    lines = [
        "## Reliability under faults (bench/faults.py)",
        "",
        f"`make bench-faults`: gunicorn (2 sync workers), a Celery worker (prefork, 2) on "
        f"RabbitMQ, an SMTP server and PostgreSQL, DEBUG=0, on a throw-away database. "
        f"{CLIENTS} client threads log in as unit staff and, for {elapsed:.0f} s, save "
        f"reports ({CRITERIA} values each, distinct per write) and read public pages, "
        "while the faults below happen one after another. Pass: no acknowledged write "
        "lost, no half-written report, every task finished.",
        "",
        "| fault | requests ended in it | failed (status) | recovery (s) | what happened |",
        "|---|---|---|---|---|",
    ]
    for fault in faults:
        count, errors = load.outcomes(fault["start"], fault["end"])
        recovery = f"{fault['recovery']:.1f}" if fault["recovery"] is not None else "never"
        lines.append(
            f"| {fault['name']} | {count} | {fmt(errors)} | {recovery} | {fault['note']} |"
        )
    lines += [
        "",
        "| figure | value |",
        "|---|---|",
        f"| requests | {len(writes) + len(load.reads)} ({len(writes)} writes, "
        f"{len(load.reads)} reads) |",
        f"| acknowledged writes | {acked} |",
        f"| writes not acknowledged | {len(writes) - acked} ({fmt(failed)}) |",
        f"| reads failed | {sum(reads_failed.values())} ({fmt(reads_failed)}) |",
        f"| slowest request (s) | {slowest:.1f} (a hang is > {REQUEST_TIMEOUT} s) |",
        f"| reports written ({checks['keys']} period × unit keys) | last acknowledged value "
        f"found for each; {checks['superseded']} earlier ones overwritten by the same client |",
        f"| **lost acknowledged writes** | **{len(checks['lost'])}** |",
        f"| **half-written reports** | **{len(checks['half'])}** |",
        f"| failed writes that had committed | {sum(checks['committed_unacked'].values())} "
        f"({fmt(checks['committed_unacked'])}) |",
        f"| issued documents rendered | {checks['documents'] - checks['unrendered']} of "
        f"{checks['documents']} (SHA-256 of the file matches: "
        f"{checks['documents'] - checks['unrendered'] - checks['bad_hash']}) |",
        f"| emails sent | {checks['emails'] - checks['emails_unsent']} of {checks['emails']} "
        f"({received} received by the SMTP server) |",
        f"| file jobs stuck | {checks['jobs_stuck']} |",
        f"| re-logins (session lost) | {load.relogins} |",
    ]
    return lines


# ---------------------------------------------------------------------------


def main() -> int:
    url, admin_url, name = database_urls()
    broker = os.environ.get("CELERY_BROKER_URL") or DEFAULT_BROKER
    work = Path(tempfile.mkdtemp(prefix="thidua-faults-"))
    smtp_port, web_port = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": url,
        "DEBUG": "0",
        "THIDUA_DEMO": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CELERY_BROKER_URL": broker,
        "CELERY_TASK_DEFAULT_QUEUE": QUEUE,
        "CACHE_URL": "redis://127.0.0.1:6379/7",
        "CACHE_KEY_PREFIX": f"faults-{TOKEN}",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_TIMEOUT": "5",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static-none"),  # absent: WhiteNoise serves the finders
        "GUNICORN_ACCESSLOG": "",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    log(f"database {name}, broker queue {QUEUE}, logs in {work}")
    maintenance(
        admin_url,
        f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' "
        "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'",
    )
    processes: Processes | None = None
    servers: list = []
    app = None
    try:
        import django

        django.setup()
        from django.core.management import call_command

        from config.celery import app
        from tests.smtp import MailServer

        call_command("migrate", verbosity=0)
        data = populate()
        log("data loaded; starting SMTP, gunicorn and a worker")
        servers.append(MailServer(smtp_port).start())
        processes = Processes(env, work)
        processes.start_web(web_port)
        hostname = processes.start_worker(app)

        load = Load(web_port, data)
        threads = load.start()
        began = time.monotonic()
        time.sleep(8)
        faults = []
        first = fault_worker(app, processes, data, hostname, whole=False)
        faults.append(first)
        time.sleep(3)
        second = fault_worker(app, processes, data, first["hostname"], whole=True)
        faults.append(second)
        time.sleep(3)
        faults.append(fault_mail(app, load, data, smtp_port, servers))
        time.sleep(3)
        faults.append(fault_postgres(app, load, data, work / "web.log"))
        time.sleep(8)
        load.stop.set()
        for thread in threads:
            thread.join(timeout=REQUEST_TIMEOUT + 5)
        elapsed = time.monotonic() - began
        # Whatever is still queued (mail of the last changes) finishes before the check.
        from units.models import IssuedDocument, OutgoingEmail

        wait_for(
            lambda: (
                (fresh_db(), not OutgoingEmail.objects.exclude(status="sent").exists())[1]
                and not IssuedDocument.objects.filter(sha256="").exists()
            ),
            timeout=60,
        )
        checks = verify(load, data)
        received = sum(len(s.inbox.messages) for s in servers)
        lines = report(load, faults, checks, elapsed, received)
        print("\n".join(lines))
        from bench.report import write_section

        write_section("faults", lines)
        for key, rows in checks["half"][:5]:
            log(f"half-written {key}: {rows}")
        for item in checks["lost"][:5]:
            log(f"lost {item}")
        ok = (
            not checks["lost"]
            and not checks["half"]
            and not checks["unrendered"]
            and not checks["bad_hash"]
            and not checks["emails_unsent"]
            and not checks["jobs_stuck"]
            and all(f["recovery"] is not None for f in faults)
        )
        log("PASS" if ok else "FAIL: data lost or a task never finished")
        return 0 if ok else 1
    finally:
        if processes:
            processes.stop_all()
        for server in servers[-1:]:
            try:
                server.stop()
            except Exception:
                pass
        if app is not None:
            try:
                with app.connection_for_write() as conn:
                    conn.default_channel.queue_delete(QUEUE)
            except Exception as error:
                log(f"could not delete queue {QUEUE}: {error}")
        try:
            from django.db import connections

            connections.close_all()
        except Exception:
            pass
        maintenance(admin_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        if os.environ.get("FAULTS_KEEP_LOGS"):
            log(f"logs kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
