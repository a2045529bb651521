"""gunicorn settings for production: `gunicorn -c config/gunicorn.py config.wsgi`.

Every value can be changed from the environment or from the app's .env (read here as
config/settings.py reads it: what the environment sets wins), so that gunicorn started by
hand in /srv/thidua listens where systemd's EnvironmentFile and `make serve` make it.
"""

import gc
import multiprocessing
import os
from pathlib import Path

import environ

environ.Env.read_env(Path(__file__).resolve().parent.parent / ".env", overwrite=False)

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
# 2 workers per core, plus one, each with a few threads (gthread). A sync worker that
# accepts a connection waits on it until the request arrives: a client that opens a
# connection and sends later (a slow link, a keep-alive browser) holds a whole worker.
# gthread workers wait on such connections without blocking their threads; measured
# in bench/load.py. Behind nginx (which buffers requests) either class works.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
# gthread, plus a tarpit for refused login posts that holds a connection, not a thread
# (config/gunicorn_worker.py, decision 0020).
worker_class = "config.gunicorn_worker.TarpitThreadWorker" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so that no slow leak grows for months. Not too often:
# a new worker imports Django again (2-3 s of CPU), and under load the benchmark saw
# multi-second stalls with a limit of 5,000.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 50000))
max_requests_jitter = 5000
# Whose X-Forwarded-Proto gunicorn believes: the same proxies whose X-Forwarded-For the
# app believes (TRUSTED_PROXIES, config/proxies.py), so one list in .env covers both;
# FORWARDED_ALLOW_IPS overrides it. nginx on the same machine: 127.0.0.1. gunicorn keeps
# REMOTE_ADDR as the peer's address; only the app reads X-Forwarded-For.
forwarded_allow_ips = (
    os.environ.get("FORWARDED_ALLOW_IPS") or os.environ.get("TRUSTED_PROXIES") or "127.0.0.1"
)
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # empty: no access log
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "thidua-web"
# gunicorn's control socket (for `gunicornc`) is off unless GUNICORN_CONTROL_SOCKET names
# its path. By default gunicorn opens it in $HOME/.gunicorn: under systemd the thidua
# user has no home (ProtectHome=yes), which gave a warning at every start, and two
# servers of one user (a test server beside production) shared that path, so stopping
# one deleted the other's socket.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
control_socket_disable = not control_socket


def post_worker_init(worker) -> None:
    """Django, the app and their modules are loaded and live as long as the worker:
    move them out of the cycle collector's sight. Its full passes then walk only what
    requests left behind, not the ~146,000 objects of the imports (230-630 ms a pass
    on this 2-core machine under load, inside whichever request set it off: the p95
    of the big staff pages; decision 0020, 3b). Frozen objects are not kept alive by
    this, only not scanned; what they reference later is still collected."""
    gc.collect()
    gc.freeze()
