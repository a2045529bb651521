"""`manage.py parse_document` starts light: no system checks (which import every view
for the URL checks) and no WeasyPrint (Pango, cffi, fontTools: about a second).

Deterministic: a real `manage.py` process, which reports the modules it loaded. The
time per call is measured by bench/parser.py (docs/benchmarks.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from campaigns.importer import parse_file

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "tests" / "fixtures" / "documents").glob("002_*.txt"))

# Loaded only to render PDFs, or by the URL checks (every view module); and, since
# decision 0016, what only the admin, the task queue and the Excel files need: Celery
# (its app and the beat schedule's crontab), django-import-export, tablib, openpyxl.
HEAVY = (
    "weasyprint",
    "fontTools",
    "pydyf",
    "cssselect2",
    "tinyhtml5",
    "pycparser",
    "celery",
    "kombu",
    "import_export.admin",  # its app package (a version string) is imported, no more
    "import_export.resources",
    "import_export.formats",
    "tablib",
    "openpyxl",
    "numpy",
)
VIEWS = (
    # Since decision 0016 the command runs before django.setup(): no model either.
    "units.models",
    "campaigns.models",
    "awards.models",
    "units.admin",
    "awards.admin",
    "units.sheets.units_kinds",
    "awards.sheets",
    "campaigns.views_public",
    "campaigns.views_staff",
    "awards.views_public",
    "awards.views_staff",
    "config.urls",
)

RUN = """
import atexit, json, runpy, sys
names = json.loads(sys.argv[1])
atexit.register(
    lambda: sys.stderr.write("LOADED " + json.dumps([n for n in names if n in sys.modules]))
)
sys.argv = ["manage.py", *sys.argv[2:]]
runpy.run_path("manage.py", run_name="__main__")
"""


def run_command(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [sys.executable, "-c", RUN, json.dumps([*HEAVY, *VIEWS]), "parse_document", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def loaded(result: subprocess.CompletedProcess) -> list[str]:
    return json.loads(result.stderr.rsplit("LOADED ", 1)[1])


def test_parse_document_loads_no_pdf_engine_and_no_view():
    result = run_command(str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    assert loaded(result) == []
    # The same answer as the parser called in-process.
    assert json.loads(result.stdout) == json.loads(
        json.dumps(parse_file(str(SEED)).as_contract(), ensure_ascii=False)
    )


def test_parse_document_errors_are_unchanged(tmp_path):
    result = run_command(str(tmp_path / "missing.txt"), "--json")
    assert result.returncode == 1
    assert "CommandError: Không tìm thấy tệp" in result.stderr
    assert loaded(result) == []


def test_the_pdf_engine_still_loads_when_a_pdf_is_made():
    """Lazy, not gone: the fetcher class is WeasyPrint's, made on first use."""
    from weasyprint.urls import URLFetcher

    from campaigns.pdf import StaticOnlyFetcher
    from units import pdf

    assert issubclass(StaticOnlyFetcher, URLFetcher)
    assert pdf.StaticOnlyFetcher is StaticOnlyFetcher
    assert StaticOnlyFetcher.__module__ == "units.pdf"


def test_other_commands_still_start_everything():
    """The light start is for parse_document only: any other command (and the web and
    worker processes) gets the admin's modules, the Celery app and its schedule."""
    code = (
        "import django, os, sys; os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings'; "
        "django.setup(); from django.conf import settings; from django.contrib import admin; "
        "from units.models import Person; "
        "print(sorted(settings.CELERY_BEAT_SCHEDULE), admin.site.is_registered(Person), "
        "'celery' in sys.modules, len(settings.IMPORT_EXPORT_FORMATS), "
        "[f.__name__ for f in settings.IMPORT_EXPORT_FORMATS])"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("THIDUA_LIGHT_START",)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "['close-overdue-campaigns', 'retry-due-emails', 'send-reminders'] True True 2 "
        "['XLSX', 'CSV']"
    )


def test_a_light_command_that_needs_the_apps_runs_the_usual_way(monkeypatch):
    """Should the parser ever need a model, the command runs again after django.setup()
    (manage.run_light answers False on AppRegistryNotReady)."""
    import importlib

    from django.core.exceptions import AppRegistryNotReady

    manage = importlib.import_module("manage")

    class Command:
        def run_from_argv(self, argv):
            raise AppRegistryNotReady("Apps aren't loaded yet.")

    module = type(sys)("fake_command")
    module.Command = Command
    monkeypatch.setitem(sys.modules, "fake_command", module)
    monkeypatch.setitem(manage.LIGHT_COMMANDS, "parse_document", "fake_command")
    assert manage.run_light(["manage.py", "parse_document", "x"]) is False
