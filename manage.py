#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys

# Commands that read a file and print, and use neither the admin, the task queue nor
# the database (tests/test_parse_document_startup.py, decision 0016). They run before
# django.setup(): no app is loaded, no model imported. Should one need the app registry
# after all (AppRegistryNotReady, before it printed anything), it runs again the usual
# way, still without Celery, the admin's modules and openpyxl (THIDUA_LIGHT_START:
# config/__init__.py, config/apps.py).
LIGHT_COMMANDS = {"parse_document": "campaigns.management.commands.parse_document"}


def run_light(argv: list[str]) -> bool:
    """Run a light command without django.setup(); False if it needs the apps."""
    from importlib import import_module

    from django.core.exceptions import AppRegistryNotReady

    try:
        import_module(LIGHT_COMMANDS[argv[1]]).Command().run_from_argv(argv)
    except AppRegistryNotReady:
        return False
    return True


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if len(sys.argv) > 1 and sys.argv[1] in LIGHT_COMMANDS:
        os.environ["THIDUA_LIGHT_START"] = "1"
        if run_light(sys.argv):
            return
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
