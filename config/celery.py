"""The task queue: Celery, with Redis (or RabbitMQ) as the broker in production.

Workers run `celery -A config worker`; the schedule (reminders, closing campaigns,
retrying mail) runs under `celery -A config beat`. Without CELERY_BROKER_URL every
task runs in-process when it is sent (`make run`, most tests).
"""

import os

from celery import Celery
from celery.signals import worker_init

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
