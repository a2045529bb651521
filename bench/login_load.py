"""Login flood benchmark (issue 15): do 8 clients guessing passwords slow other users' pages?

The real server (gunicorn with config/gunicorn.py, DEBUG=0) on PostgreSQL and Redis, as
bench/load.py runs it, with TRUSTED_PROXIES=127.0.0.1 and an X-Forwarded-For on every
request, as nginx in front would send it: the attackers come from one address
(203.0.113.7), the people reading pages and logging in from others.

1. baseline: one client at a time reads the public home page and a staff page
   (office user, logged in) for --seconds;
2. attack: the same, while 8 clients POST wrong passwords to /dang-nhap/ as fast as
   they are answered, each with another username (random, none of them locked by the
   username+address rule), and a legitimate user logs in from another address now and
   then.

The attackers run in a process of their own (as a remote attacker would: before,
their eight threads shared the reader's process, and the reader's timings included
waits for the GIL behind them). --repeat N runs N baseline+attack pairs on the same
server, each attack from a new address (so each one starts unlocked and pays the
password hashes up to the lock), and reports the median ratio with every run's, and the
load average before and after (the machine is shared).

Reports median and p95 of each page, the ratio attack/baseline (budget ≤ 2×), what the
attackers got, and the legitimate logins. Writes its section of docs/benchmarks.md;
--save FILE keeps the figures, --before FILE prints an earlier run beside them.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_login make bench-login
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import multiprocessing
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ["TRUSTED_PROXIES"] = "127.0.0.1"
os.environ.setdefault("CACHE_KEY_PREFIX", "bench-login")

from bench.load import (  # noqa: E402, I001  (first: sets the environment, then Django up)
    database_url,
    free_port,
    start_server,
    stop_server,
)
from bench.harness import throwaway_database  # noqa: E402
from bench.report import write_section  # noqa: E402

ATTACKERS = 8
ATTACKER_IPS = [f"203.0.113.{7 + i}" for i in range(20)]
READER_IP = "198.51.100.20"
LEGIT_IP = "198.51.100.30"
PASSWORD = "mat-khau-that-123"
BUDGET = 2.0


def prepare() -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.middleware.csrf import _get_new_csrf_string
    from django.test import Client

    from bench.synthetic import generate, generate_public
    from units.models import Membership, Unit

    started = time.perf_counter()
    generate()
    generate_public()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    fill_s = time.perf_counter() - started
    province = Unit.objects.get(code="tinh-mau")
    users = get_user_model().objects
    office = users.create_user("bench.office", password=PASSWORD)
    Membership.objects.create(user=office, unit=province, role=Membership.Role.OFFICE_STAFF)
    legit = users.create_user("bench.legit", password=PASSWORD)
    Membership.objects.create(user=legit, unit=province, role=Membership.Role.OFFICE_STAFF)
    client = Client()
    client.force_login(office)
    return {
        "fill_s": fill_s,
        "office_cookie": f"sessionid={client.cookies['sessionid'].value}",
        "csrf": _get_new_csrf_string(),
        "db_url": database_url(connection.settings_dict),
    }


class Conn:
    """One keep-alive connection, reopened when the server closes it."""

    def __init__(self, port: int):
        self.port = port
        self.conn = None

    def request(self, method, path, body=None, headers=None) -> tuple[int, str]:
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                response.read()
                return response.status, response.getheader("Location", "")
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt:
                    return 0, ""
        return 0, ""


def login_body(csrf: str, username: str, password: str) -> str:
    return f"csrfmiddlewaretoken={csrf}&username={username}&password={password}"


def probe(port: int, data: dict, seconds: float) -> dict:
    """One reader: home page, then staff page, one request at a time."""
    pages = {
        "public home `/`": ("/", {}),
        "staff inbox `/quan-ly/khen-thuong/tham-dinh/`": (
            "/quan-ly/khen-thuong/tham-dinh/",
            {"Cookie": data["office_cookie"]},
        ),
    }
    conn, out = Conn(port), {name: [] for name in pages}
    bad = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for name, (path, headers) in pages.items():
            start = time.perf_counter()
            status, _ = conn.request("GET", path, headers={**headers, "X-Forwarded-For": READER_IP})
            out[name].append((time.perf_counter() - start) * 1000)
            if status != 200:
                bad.append((name, status))
            time.sleep(0.05)
    return {"times": out, "bad": bad}


def attacker(port, csrf, address, stop, seed: int, codes: dict, lock) -> None:
    rng = random.Random(seed)
    conn = Conn(port)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={csrf}",
        "X-Forwarded-For": address,
    }
    while not stop.is_set():
        username = f"cb.{rng.randrange(10**9):09d}"
        status, _ = conn.request(
            "POST", "/dang-nhap/", login_body(csrf, username, "sai-mat-khau"), headers
        )
        with lock:
            codes[status] = codes.get(status, 0) + 1


def attack_process(
    port: int, csrf: str, address: str, stop, queue, nice: int = 0, count: int = ATTACKERS
) -> None:
    """`count` attacker threads in this process until `stop` (a multiprocessing Event)."""
    if nice:  # --attacker-nice: their own CPU, which a remote attacker spends elsewhere
        os.nice(nice)
    codes, lock = {}, threading.Lock()
    threads = [
        threading.Thread(target=attacker, args=(port, csrf, address, stop, i, codes, lock))
        for i in range(count)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put(codes)


def legit_logins(port: int, csrf: str, stop: threading.Event, out: list) -> None:
    """A real user logging in from another address every 2 s, with the right password."""
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={csrf}",
        "X-Forwarded-For": LEGIT_IP,
    }
    while not stop.wait(2):
        conn = Conn(port)
        start = time.perf_counter()
        status, location = conn.request(
            "POST", "/dang-nhap/", login_body(csrf, "bench.legit", PASSWORD), headers
        )
        out.append(((time.perf_counter() - start) * 1000, status, location))


def summary(times: list[float]) -> dict:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, math.ceil(len(ordered) * 0.95) - 1)]
    return {"n": len(ordered), "p50": statistics.median(ordered), "p95": p95}


def one_round(
    port: int,
    data: dict,
    seconds: int,
    address: str,
    nice: int = 0,
    count: int = ATTACKERS,
    locked: bool = False,
) -> dict:
    """Baseline, then the same reader under attack from `address` (already locked with
    `locked`: the steady state once its failures reached the limit)."""
    baseline = probe(port, data, seconds)
    if locked:
        from datetime import timedelta

        from django.utils import timezone

        from config.login_guard import remember_locked_address

        remember_locked_address(address, timezone.now() + timedelta(minutes=15))
    context = multiprocessing.get_context("fork")
    stop, queue = context.Event(), context.Queue()
    attackers = context.Process(
        target=attack_process, args=(port, data["csrf"], address, stop, queue, nice, count)
    )
    legit_stop, legit = threading.Event(), []
    legit_thread = threading.Thread(
        target=legit_logins, args=(port, data["csrf"], legit_stop, legit)
    )
    started = time.monotonic()
    attackers.start()
    legit_thread.start()
    attack = probe(port, data, seconds)
    stop.set()
    legit_stop.set()
    codes = queue.get(timeout=120)
    attackers.join()
    legit_thread.join()
    return {
        "seconds": seconds,
        "baseline": {k: summary(v) for k, v in baseline["times"].items()},
        "attack": {k: summary(v) for k, v in attack["times"].items()},
        "bad": baseline["bad"] + attack["bad"],
        "attackers": {str(k): v for k, v in sorted(codes.items())},
        "attack_s": time.monotonic() - started,
        "legit": legit,
    }


# docs/deployment.md's limit on login posts, per client address. Every client of this
# benchmark connects from 127.0.0.1 and names its address in X-Forwarded-For, so the
# zone is keyed on that header here; in deployment it is $binary_remote_addr.
NGINX_CONF = """
worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log error;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    map $request_method $login_key {{ POST $http_x_forwarded_for; default ""; }}
    limit_req_zone $login_key zone=login:10m rate=30r/m;
    limit_req_status 429;
    upstream app {{ server 127.0.0.1:{app}; keepalive 32; }}
    server {{
        listen 127.0.0.1:{port};
        location ~ ^/(dang-nhap|admin/login)/$ {{
            limit_req zone=login burst=10;
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $http_x_forwarded_for;
        }}
        location / {{
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $http_x_forwarded_for;
        }}
    }}
}}
"""


def start_nginx(app_port: int) -> tuple[subprocess.Popen, int, str]:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(binary):
        sys.exit("nginx is not installed (apt-get install nginx)")
    directory = tempfile.mkdtemp(prefix="bench-nginx-")
    port = free_port()
    conf = Path(directory) / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=directory, app=app_port, port=port))
    process = subprocess.Popen(
        [binary, "-c", str(conf), "-p", directory, "-g", "daemon off;"],
        start_new_session=True,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if Conn(port).request("GET", "/readyz")[0] == 200:
            return process, port, directory
        time.sleep(0.2)
    process.kill()
    sys.exit("nginx did not answer")


def run(args) -> dict:
    from django.core.cache import cache

    with throwaway_database():
        data = prepare()
        cache.clear()
        port = free_port()
        server = start_server(port, data["db_url"], args.workers)
        nginx = None
        if args.nginx:
            nginx, port, nginx_dir = start_nginx(port)
        load_before = os.getloadavg()
        try:
            warm = Conn(port)
            for _ in range(20):  # every worker imports its templates, the cache fills
                warm.request("GET", "/", headers={"X-Forwarded-For": READER_IP})
                warm.request(
                    "GET",
                    "/quan-ly/khen-thuong/tham-dinh/",
                    headers={"Cookie": data["office_cookie"], "X-Forwarded-For": READER_IP},
                )
            rounds = [
                one_round(
                    port,
                    data,
                    args.seconds,
                    ATTACKER_IPS[i],
                    args.attacker_nice,
                    args.attackers,
                    args.locked,
                )
                for i in range(args.repeat)
            ]
        finally:
            if nginx is not None:
                os.killpg(nginx.pid, signal.SIGQUIT)
                nginx.wait(timeout=20)
                shutil.rmtree(nginx_dir, ignore_errors=True)
            stop_server(server)
    return {
        "fill_s": data["fill_s"],
        "load": [load_before, os.getloadavg()],
        "rounds": rounds,
        "nginx": args.nginx,
        "attacker_nice": args.attacker_nice,
        "attackers": args.attackers,
        "locked": args.locked,
    }


def median_round(rounds: list[dict]) -> dict:
    """Each page's figures and ratios as the median over the rounds."""
    out = {}
    for name in rounds[0]["baseline"]:
        row = {}
        for q in ("p50", "p95"):
            row[f"base_{q}"] = statistics.median(r["baseline"][name][q] for r in rounds)
            row[f"attack_{q}"] = statistics.median(r["attack"][name][q] for r in rounds)
            row[f"ratio_{q}"] = statistics.median(
                r["attack"][name][q] / r["baseline"][name][q] for r in rounds
            )
            row[f"ratios_{q}"] = [r["attack"][name][q] / r["baseline"][name][q] for r in rounds]
        out[name] = row
    return out


def table(result: dict) -> list[str]:
    rows = []
    for name, row in median_round(result["rounds"]).items():

        def each(q: str, row: dict = row) -> str:
            return " / ".join(f"{r:.2f}" for r in row[f"ratios_{q}"])

        rows.append(
            f"| {name} | {row['base_p50']:.1f} | {row['base_p95']:.1f} | "
            f"{row['attack_p50']:.1f} | {row['attack_p95']:.1f} | "
            f"**{row['ratio_p50']:.2f}×** ({each('p50')}) | "
            f"**{row['ratio_p95']:.2f}×** ({each('p95')}) |"
        )
    return rows


def attack_text(result: dict) -> str:
    parts = []
    for i, r in enumerate(result["rounds"], 1):
        total = sum(r["attackers"].values())
        codes = ", ".join(f"{k}: {v}" for k, v in r["attackers"].items())
        legit = r["legit"]
        ok = sum(1 for _, status, loc in legit if status == 302 and "dang-nhap" not in loc)
        legit_ms = statistics.median(t for t, _, _ in legit) if legit else float("nan")
        parts.append(
            f"round {i}: attackers sent {total} logins ({total / r['attack_s']:.0f}/s; "
            f"{codes}), the legitimate user logged in {ok} of {len(legit)} times "
            f"(median {legit_ms:.0f} ms)"
        )
    return "; ".join(parts)


def load_text(result: dict) -> str:
    (b1, b5, _), (a1, a5, _) = result["load"]
    return f"load average (1 min / 5 min) {b1:.2f} / {b5:.2f} before, {a1:.2f} / {a5:.2f} after"


def ratios(result: dict) -> list[float]:
    return [
        row[f"ratio_{q}"] for row in median_round(result["rounds"]).values() for q in ("p50", "p95")
    ]


def report(result: dict, before: dict | None, args, extras: list | None = None) -> None:
    header = [
        "| page | baseline p50 (ms) | baseline p95 (ms) | under attack p50 (ms) | "
        "under attack p95 (ms) | ratio p50, median (each run) | ratio p95, median (each run) |",
        "|---|---|---|---|---|---|---|",
    ]
    rounds = result["rounds"]
    lines = [
        "## Login flood: 8 clients guessing passwords (`bench/login_load.py`)",
        "",
        "`make bench-login`: gunicorn `-c config/gunicorn.py` (its defaults: 2 × cores + 1",
        "gthread workers of 4 threads), `DEBUG=0`, PostgreSQL, cache on Redis,",
        "`TRUSTED_PROXIES=127.0.0.1` with an `X-Forwarded-For` on each request as nginx",
        "would send it, on this 2-core machine (the clients share its cores). A reader",
        "fetches the public home page and a staff page one request at a time for",
        f"{rounds[0]['seconds']} s without attack, then {rounds[0]['seconds']} s while "
        f"{ATTACKERS} clients from one address",
        "(threads of one process apart from the reader's) POST wrong passwords to",
        "`/dang-nhap/` as fast as they are answered, each with a new random username, and a",
        "legitimate user logs in from another address every 2 s. "
        f"{len(rounds)} such pairs in one run,",
        "each attack from a new address; figures are the median over the pairs.",
        f"Budget: every ratio ≤ {BUDGET:.0f}×.",
        "",
    ]
    if result.get("nginx"):
        lines[0] += ", nginx in front"
        lines[-1:-1] = [
            "nginx in front (`--nginx`): docs/deployment.md's `limit_req` on login posts,",
            "30 a minute per address, a burst of 10 queued, not refused (keyed on the benchmark's",
            "X-Forwarded-For, as every client here connects from 127.0.0.1).",
            "",
        ]
    if before:
        lines += [
            f"Before ({before.get('label', 'an earlier run')}; {load_text(before)}):",
            "",
            *header,
            *table(before),
            "",
            f"Before: {attack_text(before)}.",
            "",
            f"After ({load_text(result)}):",
            "",
        ]
    else:
        lines += [f"{load_text(result).capitalize()}.", ""]
    lines += [*header, *table(result), "", f"{'After: ' if before else ''}{attack_text(result)}."]
    failures = [r for r in ratios(result) if r > BUDGET]
    bad = [b for r in rounds for b in r["bad"]]
    for extra in extras or []:
        if extra.get("attackers") == 0:
            what = [
                f"No attackers, the legitimate logins only ({load_text(extra)}): how far "
                "two phases differ on this shared",
                "machine with nothing but a login every 2 s:",
            ]
        elif extra.get("locked"):
            what = [
                f"The attackers' address already locked when they start ({load_text(extra)}):"
                " the steady state",
                "after its 30 failures, no password hashed, every post refused and its "
                "connection held a second:",
            ]
        elif extra.get("nginx"):
            what = [
                f"With nginx in front ({load_text(extra)}): docs/deployment.md's `limit_req`",
                "on login posts, 30 a minute per address, a burst of 10 queued, not refused "
                "(keyed here on",
                "the X-Forwarded-For each client sends, as every client of this benchmark "
                "connects from 127.0.0.1):",
            ]
        elif not extra.get("attacker_nice"):
            what = [f"{extra.get('label') or 'An earlier run'} ({load_text(extra)}):"]
        else:
            what = [
                f"The attackers at nice {extra.get('attacker_nice')} ({load_text(extra)}): "
                "their own CPU, which a remote",
                "attacker spends on his own machine, yields to the server and the reader:",
            ]
        lines += ["", *what, "", *header, *table(extra), "", f"{attack_text(extra)}."]
    if bad:
        lines += ["", f"Unexpected statuses for the reader: {bad[:5]}"]
    lines += ["", "Within budget." if not failures and not bad else "Over budget."]
    if args.write:
        write_section("login-load", lines)
    print("\n".join(lines))
    if failures or bad:
        sys.exit("Budget missed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=20, help="seconds per phase (20)")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (0: default)")
    parser.add_argument(
        "--nginx",
        action="store_true",
        help="nginx in front, with docs/deployment.md's limit_req on login posts",
    )
    parser.add_argument(
        "--attacker-nice",
        type=int,
        default=0,
        help="run the attackers at this nice value (their CPU is a remote attacker's own)",
    )
    parser.add_argument(
        "--attackers", type=int, default=ATTACKERS, help="attacker clients (8; 0: control)"
    )
    parser.add_argument(
        "--locked",
        action="store_true",
        help="the attackers' address locked before they start (no hashing at all)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="baseline+attack pairs (3)")
    parser.add_argument("--label", default="", help="a name for this run, kept by --save")
    parser.add_argument(
        "--no-write", dest="write", action="store_false", help="leave docs/benchmarks.md"
    )
    parser.add_argument("--save", type=Path, help="write this run's figures to FILE (json)")
    parser.add_argument("--from", dest="load", type=Path, help="report a --save, not a run")
    parser.add_argument(
        "--also", type=Path, action="append", help="earlier --save files shown after"
    )
    parser.add_argument("--before", type=Path, help="an earlier --save, shown as 'before'")
    args = parser.parse_args()
    if args.load:
        result = json.loads(args.load.read_text(encoding="utf-8"))
    else:
        result = {**run(args), "label": args.label}
    if args.save:
        args.save.write_text(json.dumps(result, indent=1), encoding="utf-8")
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    extras = [json.loads(f.read_text(encoding="utf-8")) for f in args.also or []]
    report(result, before, args, extras)


if __name__ == "__main__":
    main()
