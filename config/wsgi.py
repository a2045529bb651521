"""WSGI entry point (gunicorn config.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# units/pdf.py imports WeasyPrint on the first PDF, so that management commands start
# light; a web worker loads it now (about a second) rather than during a request.
from units.pdf import load_engine  # noqa: E402

load_engine()
