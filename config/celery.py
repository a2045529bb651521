"""The task queue: Celery, with RabbitMQ (or Redis) as the broker in production.

Workers run `celery -A config worker`; the schedule (reminders, closing campaigns,
retrying mail) runs under `celery -A config beat`. Without CELERY_BROKER_URL every
task runs in-process when it is sent (`make run`, most tests).
"""

import os
import threading

from celery import Celery
from celery.signals import worker_init, worker_ready, worker_shutdown

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("thidua")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _load_pdf_engine(**kwargs):
    """A worker renders PDFs: it loads WeasyPrint once, before its pool forks, rather
    than in each child on its first render (units/pdf.py loads it lazily)."""
    from units.pdf import load_engine

    load_engine()


_stopping = threading.Event()


@worker_ready.connect
def _say_alive(**kwargs):
    """A worker marks itself alive in the shared cache every few seconds, so that the
    pages waiting for one can tell the user at once when none runs (units/workers.py)."""
    from units.workers import heartbeat_start

    _stopping.clear()
    heartbeat_start(stop=_stopping)


@worker_shutdown.connect
def _stop_saying_alive(**kwargs):
    _stopping.set()
