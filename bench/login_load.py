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
import os
import random
import statistics
import sys
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
ATTACKER_IP = "203.0.113.7"
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


def attacker(port: int, csrf: str, stop: threading.Event, seed: int, codes: dict, lock) -> None:
    rng = random.Random(seed)
    conn = Conn(port)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={csrf}",
        "X-Forwarded-For": ATTACKER_IP,
    }
    while not stop.is_set():
        username = f"cb.{rng.randrange(10**9):09d}"
        status, _ = conn.request(
            "POST", "/dang-nhap/", login_body(csrf, username, "sai-mat-khau"), headers
        )
        with lock:
            codes[status] = codes.get(status, 0) + 1


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


def run(args) -> dict:
    from django.core.cache import cache

    with throwaway_database():
        data = prepare()
        cache.clear()
        port = free_port()
        server = start_server(port, data["db_url"], args.workers)
        try:
            warm = Conn(port)
            for _ in range(20):  # every worker imports its templates, the cache fills
                warm.request("GET", "/", headers={"X-Forwarded-For": READER_IP})
                warm.request(
                    "GET",
                    "/quan-ly/khen-thuong/tham-dinh/",
                    headers={"Cookie": data["office_cookie"], "X-Forwarded-For": READER_IP},
                )
            baseline = probe(port, data, args.seconds)
            stop, lock, codes, legit = threading.Event(), threading.Lock(), {}, []
            threads = [
                threading.Thread(target=attacker, args=(port, data["csrf"], stop, i, codes, lock))
                for i in range(ATTACKERS)
            ]
            threads.append(
                threading.Thread(target=legit_logins, args=(port, data["csrf"], stop, legit))
            )
            started = time.monotonic()
            for t in threads:
                t.start()
            attack = probe(port, data, args.seconds)
            stop.set()
            for t in threads:
                t.join()
            attack_s = time.monotonic() - started
        finally:
            stop_server(server)
    return {
        "fill_s": data["fill_s"],
        "seconds": args.seconds,
        "baseline": {k: summary(v) for k, v in baseline["times"].items()},
        "attack": {k: summary(v) for k, v in attack["times"].items()},
        "bad": baseline["bad"] + attack["bad"],
        "attackers": {str(k): v for k, v in sorted(codes.items())},
        "attack_s": attack_s,
        "legit": legit,
    }


def table(result: dict) -> list[str]:
    rows = []
    for name, base in result["baseline"].items():
        under = result["attack"][name]
        rows.append(
            f"| {name} | {base['p50']:.1f} | {base['p95']:.1f} | {under['p50']:.1f} | "
            f"{under['p95']:.1f} | {under['p50'] / base['p50']:.2f}× | "
            f"{under['p95'] / base['p95']:.2f}× |"
        )
    return rows


def attack_text(result: dict) -> str:
    total = sum(result["attackers"].values())
    codes = ", ".join(f"{k}: {v:,}".replace(",", ".") for k, v in result["attackers"].items())
    legit = result["legit"]
    ok = sum(1 for _, status, loc in legit if status == 302 and "dang-nhap" not in loc)
    legit_ms = statistics.median(t for t, _, _ in legit) if legit else float("nan")
    return (
        f"attackers sent {total:,} logins ({total / result['attack_s']:.0f}/s; {codes}); "
        f"a legitimate user from another address logged in {ok} of {len(legit)} times "
        f"(median {legit_ms:.0f} ms)"
    ).replace(",", ".", 1)


def ratios(result: dict) -> list[float]:
    return [
        result["attack"][n][q] / result["baseline"][n][q]
        for n in result["baseline"]
        for q in ("p50", "p95")
    ]


def report(result: dict, before: dict | None, args) -> None:
    header = [
        "| page | baseline p50 (ms) | baseline p95 (ms) | under attack p50 (ms) | "
        "under attack p95 (ms) | ratio p50 | ratio p95 |",
        "|---|---|---|---|---|---|---|",
    ]
    lines = [
        "## Login flood: 8 clients guessing passwords (`bench/login_load.py`)",
        "",
        "`make bench-login`: gunicorn `-c config/gunicorn.py` (its defaults: 2 × cores + 1",
        "gthread workers of 4 threads), `DEBUG=0`, PostgreSQL, cache on Redis,",
        "`TRUSTED_PROXIES=127.0.0.1` with an `X-Forwarded-For` on each request as nginx",
        "would send it, on this 2-core machine (the clients share its cores). A reader",
        "fetches the public home page and a staff page one request at a time for",
        f"{result['seconds']} s without attack, then {result['seconds']} s while "
        f"{ATTACKERS} clients from one address",
        "POST wrong passwords to `/dang-nhap/` as fast as they are answered, each with a new",
        "random username, and a legitimate user logs in from another address every 2 s.",
        f"Budget: every ratio ≤ {BUDGET:.0f}×.",
        "",
    ]
    if before:
        lines += [
            "Before (locks by username and address only):",
            "",
            *header,
            *table(before),
            "",
            f"Before: {attack_text(before)}.",
            "",
            "After:",
            "",
        ]
    lines += [*header, *table(result), "", f"{'After: ' if before else ''}{attack_text(result)}."]
    failures = [r for r in ratios(result) if r > BUDGET]
    if result["bad"]:
        lines += ["", f"Unexpected statuses for the reader: {result['bad'][:5]}"]
    lines += ["", "Within budget." if not failures and not result["bad"] else "Over budget."]
    write_section("login-load", lines)
    print("\n".join(lines))
    if failures or result["bad"]:
        sys.exit("Budget missed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=30, help="seconds per phase (30)")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (0: default)")
    parser.add_argument("--save", type=Path, help="write this run's figures to FILE (json)")
    parser.add_argument("--before", type=Path, help="an earlier --save, shown as 'before'")
    args = parser.parse_args()
    result = run(args)
    if args.save:
        args.save.write_text(json.dumps(result, indent=1), encoding="utf-8")
    before = json.loads(args.before.read_text(encoding="utf-8")) if args.before else None
    report(result, before, args)


if __name__ == "__main__":
    main()
