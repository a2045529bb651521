"""Load benchmark: the real server (gunicorn with config/gunicorn.py) on PostgreSQL and Redis,
driven by wrk over HTTP, in one run:

(a) throughput of the trivial view (/healthz) against the public pages, each alone;
(b) a mix of 50 users for --duration seconds: the public (list, search, campaign
    pages, a PDF now and then, honour roll), unit staff listing their campaigns and
    saving a report (POST with CSRF), the standing office's inbox.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua_cache make bench-load
    .venv/bin/python -m bench.load --duration 60

The synthetic province (bench/synthetic.py: generate() and generate_public()) is built
in a throw-away database (test_<name>), dropped at the end. wrk runs on the same two
cores as gunicorn, PostgreSQL and Redis: it takes a share of the CPU the server could
have used, so the figures are a floor. Writes its section of docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

SECRET_KEY = "bench-load-" + secrets.token_urlsafe(32)
# The benchmark process signs the sessions the server reads: same key, same settings.
os.environ.update(
    DEBUG="0",
    SECRET_KEY=SECRET_KEY,
    ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
    SESSION_COOKIE_SECURE="0",
    CSRF_COOKIE_SECURE="0",
    CONN_MAX_AGE="60",
    LOG_LEVEL="WARNING",
)
os.environ.setdefault("CACHE_URL", "redis://127.0.0.1:6379/3")
os.environ.setdefault("CACHE_KEY_PREFIX", "bench-load")

if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
    sys.exit(
        "bench.load needs PostgreSQL: set DATABASE_URL=postgres://user@host:5432/name "
        "(a throw-away test_<name> database is created and dropped). SQLite is not supported."
    )

from bench.harness import throwaway_database  # noqa: E402  (sets Django up)
from bench.report import write_section  # noqa: E402

WRK = shutil.which("wrk") or "/usr/bin/wrk"
ROOT = Path(__file__).resolve().parents[1]
THROUGHPUT_CONNECTIONS = 32
MIX_CONNECTIONS = 50
GOAL_RATIO = 0.5
GOAL_HONOUR_P95_MS = 300
GOAL_MIX_P95_MS = 500
SEARCHES = [
    "chuyen doi so",
    "nong thon moi",
    "van hoa cong so",
    "cai cach hanh chinh",
    "giam ngheo",
    "dot 123",
    "phong trao thi dua",
    "ke hoach",
    "thi dua mau",
    "dot 4567",
]

LUA = r"""
-- Requests are given as a table of {method, path, headers, body, weight} (bench/load.py).
local reqs = dofile(os.getenv("BENCH_REQUESTS"))
local pool = {}
for _, r in ipairs(reqs) do
  local built = wrk.format(r.method, r.path, r.headers, r.body)
  for _ = 1, r.weight do table.insert(pool, built) end
end
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
function init(args)
  math.randomseed(os.time() * 100 + id)
  codes = {}
end
function request() return pool[math.random(#pool)] end
-- Think time: a person reads the page before the next click (BENCH_THINK_MS, mean).
local think = tonumber(os.getenv("BENCH_THINK_MS") or "0")
function delay()
  if think <= 0 then return 0 end
  return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
end
function response(status, headers, body) codes[status] = (codes[status] or 0) + 1 end
function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    for code, n in pairs(t:get("codes")) do all[code] = (all[code] or 0) + n end
  end
  local parts = {}
  for code, n in pairs(all) do table.insert(parts, string.format('"%d": %d', code, n)) end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50": %d, "p95": %d, "p99": %d, "max": %d, '
    .. '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, "codes": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout,
    table.concat(parts, ", ")))
end
"""


def lua_string(value: str) -> str:
    return "[==[" + value + "]==]"


def write_requests(path: Path, requests: list[dict]) -> None:
    rows = []
    for r in requests:
        headers = ", ".join(
            f"[ {lua_string(k)} ] = {lua_string(v)}" for k, v in r.get("headers", {}).items()
        )
        body = lua_string(r["body"]) if r.get("body") else "nil"
        rows.append(
            f"{{method = {lua_string(r.get('method', 'GET'))}, path = {lua_string(r['path'])}, "
            f"headers = {{{headers}}}, body = {body}, weight = {r.get('weight', 1)}}}"
        )
    path.write_text("return {\n" + ",\n".join(rows) + "\n}\n", encoding="utf-8")


def wrk(
    base: str,
    requests: list[dict],
    connections: int,
    seconds: int,
    workdir: Path,
    think_ms: int = 0,
) -> dict:
    script, table = workdir / "mix.lua", workdir / f"requests-{time.monotonic_ns()}.lua"
    script.write_text(LUA, encoding="utf-8")
    write_requests(table, requests)
    output = subprocess.run(
        [
            WRK,
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(script),
            base,
        ],
        env={**os.environ, "BENCH_REQUESTS": str(table), "BENCH_THINK_MS": str(think_ms)},
        capture_output=True,
        text=True,
    )
    lines = [x for x in output.stdout.splitlines() if x.startswith("BENCH ")]
    if not lines:
        sys.exit(f"wrk gave no result:\n{output.stdout}\n{output.stderr}")
    line = lines[0]
    result = json.loads(line[len("BENCH ") :])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["errors"] = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
    return result


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url(settings_dict: dict) -> str:
    user = settings_dict["USER"] or "postgres"
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


def start_server(port: int, db_url: str, workers: int) -> subprocess.Popen:
    """gunicorn with the production settings (config/gunicorn.py), as `make serve` runs it."""
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESSLOG": "",
        "GUNICORN_LOGLEVEL": "warning",
    }
    if workers:
        env["WEB_CONCURRENCY"] = str(workers)
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as r:
                if r.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.5)
    server.kill()
    sys.exit("gunicorn did not answer /readyz within 60 s")


def stop_server(server: subprocess.Popen) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def fetch(base: str, r: dict) -> tuple[int, str]:
    request = urllib.request.Request(
        base + r["path"],
        data=r["body"].encode() if r.get("body") else None,
        headers=r.get("headers", {}),
        method=r.get("method", "GET"),
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", "")


def probe(base: str, kinds: dict[str, list[dict]], stop: threading.Event, out: dict) -> None:
    """Per kind latency during the mix: one request at a time, kind after kind."""
    rng = random.Random(7)
    while not stop.is_set():
        for kind, choices in kinds.items():
            r = rng.choice(choices)
            start = time.perf_counter()
            status, _ = fetch(base, r)
            out.setdefault(kind, []).append((time.perf_counter() - start) * 1000)
            out.setdefault("_status", []).append((kind, status))
            if stop.wait(0.05):
                return


def prepare() -> dict:
    """Data, staff logins and the request sets; inside the throw-away database."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.middleware.csrf import _get_new_csrf_string
    from django.test import Client

    from bench.synthetic import generate, generate_public
    from campaigns.models import Campaign, ReportPeriod
    from units.models import Membership, Unit

    started = time.perf_counter()
    sizes = generate()
    sizes.update(generate_public())
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    fill_s = time.perf_counter() - started
    busiest = Campaign.objects.get(pk=sizes.pop("campaign_id"))
    period = ReportPeriod.objects.create(
        campaign=busiest, kind="interim", due_on=busiest.end_date or busiest.issued_on
    )
    criteria = list(busiest.criteria.order_by("pk"))
    province = Unit.objects.get(code="tinh-mau")
    users = get_user_model().objects
    office = users.create_user("bench.office", password="x")
    Membership.objects.create(user=office, unit=province, role=Membership.Role.OFFICE_STAFF)

    def session_of(user) -> str:
        client = Client()
        client.force_login(user)
        return client.cookies["sessionid"].value

    csrf = _get_new_csrf_string()
    office_cookie = f"sessionid={session_of(office)}; csrftoken={csrf}"
    staff = []
    for unit in Unit.objects.filter(parent=province).order_by("pk")[:20]:
        user = users.create_user(f"bench.{unit.code}", password="x")
        Membership.objects.create(user=user, unit=unit, role=Membership.Role.UNIT_STAFF)
        staff.append((unit, f"sessionid={session_of(user)}; csrftoken={csrf}"))

    public_ids = list(Campaign.objects.public().order_by("?").values_list("pk", flat=True)[:300])
    # Published through campaign_publish, each would have its issued document, rendered
    # by a worker; the synthetic rows were written directly: do what publishing does.
    from campaigns.services import campaign_issued_document
    from units.documents import issued_document_render

    for campaign in Campaign.objects.filter(pk__in=public_ids):
        document = campaign_issued_document(campaign)
        if campaign.pk in public_ids[:20]:
            issued_document_render(document_id=document.pk)
    kinds: dict[str, list[dict]] = {
        "list": [{"path": "/"}, {"path": "/?trang=2"}, {"path": "/?kind=regular&year=2024"}],
        "search": [{"path": "/?q=" + q.replace(" ", "+")} for q in SEARCHES],
        "campaign": [{"path": f"/phong-trao/{pk}/"} for pk in public_ids],
        "pdf": [{"path": f"/phong-trao/{pk}/van-ban.pdf"} for pk in public_ids[:20]],
        "honour roll": [{"path": "/vinh-danh/"}]
        + [{"path": f"/vinh-danh/?trang={n}"} for n in range(2, 6)]
        + [{"path": "/vinh-danh/?q=nguoi+mau+1"}, {"path": "/vinh-danh/?nam=2020"}],
        "unit staff: campaigns": [
            {"path": "/quan-ly/theo-doi/don-vi/", "headers": {"Cookie": cookie}}
            for _unit, cookie in staff
        ],
        "unit staff: save report": [
            {
                "method": "POST",
                "path": f"/quan-ly/theo-doi/don-vi/{unit.pk}/ky/{period.pk}/bao-cao/",
                "headers": {
                    "Cookie": cookie,
                    "Content-Type": "application/x-www-form-urlencoded",
                },
                "body": "&".join(
                    [f"csrfmiddlewaretoken={csrf}"]
                    + [f"value-{c.pk}={random.randint(50, 150)}" for c in criteria]
                    + [f"evidence-{c.pk}=Minh+chung" for c in criteria]
                ),
            }
            for unit, cookie in staff
        ],
        "office inbox": [
            {"path": "/quan-ly/khen-thuong/tham-dinh/", "headers": {"Cookie": office_cookie}}
        ],
    }
    return {
        "sizes": sizes,
        "fill_s": fill_s,
        "kinds": kinds,
        "campaign_page": f"/phong-trao/{public_ids[0]}/",
        "db_url": database_url(connection.settings_dict),
    }


# Share of each kind in the mix, in percent.
MIX = {
    "list": 24,
    "search": 14,
    "campaign": 24,
    "pdf": 2,
    "honour roll": 10,
    "unit staff: campaigns": 10,
    "unit staff: save report": 6,
    "office inbox": 10,
}
EXPECTED = {"unit staff: save report": 302}


def check_requests(base: str, kinds: dict[str, list[dict]]) -> None:
    """Each kind answers what it should before load starts (not a login redirect)."""
    for kind, choices in kinds.items():
        for r in choices[:3]:
            status, location = fetch(base, r)
            expected = EXPECTED.get(kind, 200)
            if status != expected or (status == 302 and "dang-nhap" in location):
                sys.exit(f"{kind} {r['path']}: {status} {location} (expected {expected})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=300, help="seconds of the mix (300)")
    parser.add_argument("--each", type=int, default=15, help="seconds per page in part (a)")
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="gunicorn workers (0: config/gunicorn.py's default, 2 per core + 1)",
    )
    parser.add_argument(
        "--think",
        type=int,
        default=2000,
        help="mean think time of a user in the mix, ms (2000: 1-3 s; 0: none)",
    )
    args = parser.parse_args()
    if not Path(WRK).exists():
        sys.exit("wrk is not installed (apt-get install wrk)")

    from django.core.cache import cache

    with throwaway_database():
        data = prepare()
        cache.clear()  # Redis db of CACHE_URL: nothing from an earlier run
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(port, data["db_url"], args.workers)
        workdir = Path(tempfile.mkdtemp(prefix="bench-load-"))
        stop, samples = threading.Event(), {}
        try:
            kinds = data["kinds"]
            check_requests(base, kinds)
            pages = {
                "trivial view `/healthz`": [{"path": "/healthz"}],
                "public list `/`": [{"path": "/"}],
                "search `/?q=chuyen+doi+so`": [{"path": "/?q=chuyen+doi+so"}],
                f"campaign page `{data['campaign_page']}`": [{"path": data["campaign_page"]}],
                "honour roll `/vinh-danh/`": [{"path": "/vinh-danh/"}],
            }
            wrk(base, [{"path": "/healthz"}], 8, 3, workdir)  # warm up both workers
            single = {
                name: wrk(base, reqs, THROUGHPUT_CONNECTIONS, args.each, workdir)
                for name, reqs in pages.items()
            }
            mix = [
                {**r, "weight": max(1, round(MIX[kind] * 100 / len(choices)))}
                for kind, choices in kinds.items()
                for r in choices
            ]
            prober = threading.Thread(target=probe, args=(base, kinds, stop, samples))
            prober.start()
            try:
                mixed = wrk(base, mix, MIX_CONNECTIONS, args.duration, workdir, args.think)
            finally:
                stop.set()
                prober.join()
        finally:
            stop_server(server)
            shutil.rmtree(workdir, ignore_errors=True)
    report(data, args, single, mixed, samples)


def workers_text(args) -> str:
    import multiprocessing

    return str(args.workers or multiprocessing.cpu_count() * 2 + 1)


def ms(us: int) -> str:
    return f"{us / 1000:.1f}"


def report(data, args, single, mixed, samples) -> None:
    trivial = next(iter(single.values()))["rps"]
    lines = [
        "## Load: gunicorn on PostgreSQL with the public cache (`bench/load.py`)",
        "",
        f"`make bench-load`: gunicorn `-c config/gunicorn.py` with {workers_text(args)} "
        "workers of 4 threads (gthread), `DEBUG=0`,",
        "`CONN_MAX_AGE=60`, cache on Redis, on this 2-core machine; wrk on the same cores",
        "(it takes CPU the server could use: the figures are a floor). Synthetic province",
        f"(built in {data['fill_s']:.0f} s): "
        + ", ".join(f"{v:,} {k}".replace(",", ".") for k, v in data["sizes"].items())
        + ".",
        "",
        f"### (a) One page at a time: {THROUGHPUT_CONNECTIONS} connections, {args.each} s each",
        "",
        "After one request per page; repeated requests of a page are cache hits.",
        "",
        "| page | req/s | × trivial | p50 (ms) | p95 (ms) | p99 (ms) | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    failures = []
    for name, r in single.items():
        ratio = r["rps"] / trivial
        lines.append(
            f"| {name} | {r['rps']:.0f} | {ratio:.2f} | {ms(r['p50'])} | {ms(r['p95'])} | "
            f"{ms(r['p99'])} | {r['errors']} |"
        )
        if ratio < GOAL_RATIO and "trivial" not in name:
            failures.append(f"{name}: {ratio:.2f}× the trivial view (goal {GOAL_RATIO}×)")
        if r["errors"]:
            failures.append(f"{name}: {r['errors']} errors")
    honour = next(r for n, r in single.items() if n.startswith("honour"))
    if honour["p95"] / 1000 > GOAL_HONOUR_P95_MS:
        failures.append(f"honour roll p95 {ms(honour['p95'])} ms (goal {GOAL_HONOUR_P95_MS})")
    codes = ", ".join(
        f"{code}: {n:,}".replace(",", ".") for code, n in sorted(mixed["codes"].items())
    )
    lines += [
        "",
        f"### (b) Mix: {MIX_CONNECTIONS} users for {args.duration} s",
        "",
        (
            f"Each user waits {args.think / 2000:.1f}-{args.think * 3 / 2000:.1f} s after an answer "
            "before its next request (a clerk reading the page takes longer), "
            if args.think
            else "Each user sends its next request as soon as the last is answered (no think time), "
        )
        + "drawn at random: "
        + ", ".join(f"{kind} {share} %" for kind, share in MIX.items())
        + ". Public requests spread over 3 list pages, 10 searches, 300 campaign pages,",
        "20 PDFs and 7 honour-roll pages; staff are 20 unit users (saving a draft report:",
        "POST with CSRF, answered by a redirect) and one office user. The caches start",
        "empty.",
        "",
        "| req/s | requests | errors | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | statuses |",
        "|---|---|---|---|---|---|---|---|",
        f"| {mixed['rps']:.0f} | {mixed['requests']:,} | {mixed['errors']} | {ms(mixed['p50'])} | "
        f"{ms(mixed['p95'])} | {ms(mixed['p99'])} | {ms(mixed['max'])} | {codes} |".replace(
            ",", "."
        ),
        "",
        "Errors by wrk's kind: "
        + ", ".join(f"{k} {mixed[k]}" for k in ("connect", "read", "write", "status", "timeout"))
        + " (timeout: no answer within 10 s).",
        "",
        "Per kind, from a probe sending one request at a time during the mix:",
        "",
        "| kind | samples | p50 (ms) | p95 (ms) |",
        "|---|---|---|---|",
    ]
    probe_errors = [(k, s) for k, s in samples.get("_status", []) if s != EXPECTED.get(k, 200)]
    for kind in MIX:
        times = sorted(samples.get(kind, []))
        if times:
            p95 = times[min(len(times) - 1, math.ceil(len(times) * 0.95) - 1)]
            lines.append(f"| {kind} | {len(times)} | {statistics.median(times):.1f} | {p95:.1f} |")
    if mixed["errors"] or probe_errors:
        failures.append(f"mix: {mixed['errors']} errors, probe: {len(probe_errors)} unexpected")
    if mixed["p95"] / 1000 > GOAL_MIX_P95_MS:
        failures.append(f"mix p95 {ms(mixed['p95'])} ms (goal {GOAL_MIX_P95_MS})")
    lines += [
        "",
        f"Goals: every public page ≥ {GOAL_RATIO}× the trivial view's req/s; honour roll p95 <"
        f" {GOAL_HONOUR_P95_MS} ms; mix without errors, p95 < {GOAL_MIX_P95_MS} ms. "
        + ("All met." if not failures else "Missed: " + "; ".join(failures) + "."),
    ]
    write_section("load", lines)
    print("\n".join(lines))
    if failures:
        sys.exit("Goals missed")


if __name__ == "__main__":
    main()
