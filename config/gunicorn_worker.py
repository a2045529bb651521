"""gunicorn's gthread worker with a tarpit that holds no thread (issue 15, decision 0020).

A client that sends its next login post as soon as it is answered (a password guesser,
eight of them in bench/login_load.py) is slowed by answering it late. Asleep in a
server thread (config/login_guard.slow_down) the delay costs no CPU but holds one of
the worker's few threads, so only a few refused posts can wait at a time; the others
were answered at once, and their clients sent hundreds of posts a second.

Here the answer goes out at once, and the connection it came on is set aside: the
worker reads the client's next request on it only after the delay. No thread waits
(the connection is a socket in a list of the worker's main loop, like a kept-alive
one), so every refused post of a kept-alive connection is slowed, however many. The
app asks for it per response: `environ["thidua.tarpit"](seconds)` returns True when
the connection will be held, False when it will not (the client closes it after this
answer, the worker is stopping, or LOGIN_TARPIT_CONNECTIONS connections of this worker
are already held); the app then falls back to the sleeping thread.

A proxy in front that reuses one connection for many clients (nginx `keepalive` in
an `upstream` block) would have its next client's request held too: set
LOGIN_TARPIT_CONNECTIONS=0 there. docs/deployment.md's nginx opens one connection per
request (HTTP/1.0 to the app), which the tarpit never holds.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from concurrent.futures import Future

from gunicorn.workers import gthread
from gunicorn.workers.gthread import ThreadWorker

_DEFER = getattr(gthread, "_DEFER", object())  # 'no data yet' (gunicorn 23+)

TARPIT_KEY = "thidua.tarpit"


def _limit() -> int:
    from django.conf import settings  # the app is loaded by then (load_wsgi)

    return int(getattr(settings, "LOGIN_TARPIT_CONNECTIONS", 0))


class TarpitThreadWorker(ThreadWorker):
    """gthread, plus `environ["thidua.tarpit"]`: read this connection's next request
    only after a delay, without a thread."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held: list[tuple[float, int, object]] = []  # (release time, n, conn), a heap
        self._held_count = 0  # connections promised a hold (request threads add)
        self._held_lock = threading.Lock()
        self._order = itertools.count()
        self._current = threading.local()

    def load_wsgi(self):
        super().load_wsgi()
        app = self.wsgi
        offer = self.tarpit

        def wsgi(environ, start_response):
            environ[TARPIT_KEY] = offer
            return app(environ, start_response)

        self.wsgi = wsgi

    def handle_request(self, req, conn):
        self._current.pair = (req, conn)
        try:
            return super().handle_request(req, conn)
        finally:
            self._current.pair = None

    def tarpit(self, seconds: float) -> bool:
        """Called by the app in a request thread: hold this connection `seconds` after
        its answer. False when it cannot be held (the caller then slows down itself)."""
        pair = getattr(self._current, "pair", None)
        if pair is None or seconds <= 0 or not self.alive:
            return False
        req, conn = pair
        if req.should_close() or getattr(conn, "tarpit_until", None) is not None:
            return False
        with self._held_lock:
            if self._held_count >= _limit():
                return False
            self._held_count += 1
        conn.tarpit_until = time.monotonic() + seconds
        return True

    def _unhold(self) -> None:
        with self._held_lock:
            self._held_count -= 1

    def finish_request(self, conn, fs):
        until = getattr(conn, "tarpit_until", None)
        if until is None:
            return super().finish_request(conn, fs)
        conn.tarpit_until = None
        kept = (
            not fs.cancelled()
            and fs.exception() is None
            and fs.result() is not _DEFER
            and bool(fs.result())
        )
        if kept and self.alive:
            heapq.heappush(self._held, (until, next(self._order), conn))
            return None
        self._unhold()  # closed after the answer: nothing to hold
        return super().finish_request(conn, fs)

    def release_held(self, everything: bool = False) -> None:
        """Give the connections whose delay is over back to the poller, as kept-alive."""
        now = time.monotonic()
        while self._held and (everything or self._held[0][0] <= now):
            _, _, conn = heapq.heappop(self._held)
            self._unhold()
            done: Future = Future()
            done.set_result(True)
            super().finish_request(conn, done)

    def wait_for_and_dispatch_events(self, timeout):
        if self._held:
            timeout = max(0.0, min(timeout, self._held[0][0] - time.monotonic()))
        super().wait_for_and_dispatch_events(timeout)
        self.release_held(everything=not self.alive)
