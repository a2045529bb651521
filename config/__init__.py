"""thidua's project package. Importing it loads the Celery app, so that
`@shared_task` functions bind to it in every process (web and worker).

Except in a light start (THIDUA_LIGHT_START=1, set by manage.py for LIGHT_COMMANDS
such as parse_document): such a command sends no task, and Celery costs a few hundred
milliseconds to import.
"""

import os

LIGHT_START = os.environ.get("THIDUA_LIGHT_START") == "1"

if not LIGHT_START:
    from .celery import app as celery_app

    __all__ = ("celery_app",)
