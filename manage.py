#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys

# Commands that read a file and print, and use neither the admin, the task queue nor
# the database: they start without Celery, the admin's modules and openpyxl
# (config/__init__.py, config/apps.py; tests/test_parse_document_startup.py).
LIGHT_COMMANDS = ("parse_document",)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if len(sys.argv) > 1 and sys.argv[1] in LIGHT_COMMANDS:
        os.environ["THIDUA_LIGHT_START"] = "1"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
