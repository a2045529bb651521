from axes.apps import AppConfig as DjangoAxesConfig
from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.contrib.admin.apps import SimpleAdminConfig

from . import LIGHT_START


class AdminConfig(DjangoAdminConfig):
    """Django's admin, which imports every app's admin.py at start-up (and with them
    django-import-export and openpyxl), except in a light start (config/__init__.py):
    a command that never opens the admin registers its checks only."""

    def ready(self) -> None:
        _admin_dates_by_day_field()
        if LIGHT_START:
            SimpleAdminConfig.ready(self)
        else:
            super().ready()


def _admin_dates_by_day_field() -> None:
    """Every date the admin takes is read by units.formfields.DayField (a day that does
    not exist is named as such; a wrong form gets "dd/mm/yyyy"), as the staff forms';
    every date-time shows its time as HH:MM (units.admin_widgets.DayMinuteWidget).

    The admin's per-field defaults (a date gets AdminDateWidget) are a module dict that
    each ModelAdmin and inline copies when it is made: set before any is registered, it
    reaches every admin at once, ours and the libraries', where formfield_overrides on
    each class would have to be repeated (tests/test_admin_dates.py checks them all)."""
    from django.contrib.admin import options
    from django.db import models

    from units.admin_widgets import DayMinuteWidget
    from units.formfields import DayField, DayTimeField

    defaults = options.FORMFIELD_FOR_DBFIELD_DEFAULTS
    defaults[models.DateField] = {**defaults[models.DateField], "form_class": DayField}
    # a date-time reads dd/mm/yyyy and HH:MM, keeping its seconds when saved unchanged
    # (units/admin_widgets.py)
    defaults[models.DateTimeField] = {
        **defaults[models.DateTimeField],
        "form_class": DayTimeField,
        "widget": DayMinuteWidget,
    }


class ConfigConfig(AppConfig):
    """The project package as an app, so that its cross-app wiring runs at start-up."""

    name = "config"
    verbose_name = "Cấu hình"

    def ready(self) -> None:
        from django.core.signals import request_finished

        from .public_cache import connect_signals

        connect_signals()
        # A file saved in a transaction that rolled back is deleted when the request or
        # the task that wrote it ends (units/files.py).
        request_finished.connect(_discard_uncommitted_files, dispatch_uid="thidua-files")
        if not LIGHT_START:  # no task runs in a light start
            from celery.signals import task_postrun

            task_postrun.connect(
                _discard_uncommitted_files, dispatch_uid="thidua-files", weak=False
            )


def _discard_uncommitted_files(*args, **kwargs) -> None:
    from units.files import discard_uncommitted_files, logger

    try:
        discard_uncommitted_files()
    except Exception:  # never let tidying up break a response or a task
        logger.exception("Could not discard the files of rolled-back transactions")


class AxesConfig(DjangoAxesConfig):
    """django-axes under a Vietnamese name in the admin (it ships no Vietnamese; its
    models' names are in locale/vi)."""

    verbose_name = "Đăng nhập sai, khóa đăng nhập"

    def ready(self) -> None:
        super().ready()
        _axes_records_named_in_vietnam_time()


def _axes_records_named_in_vietnam_time() -> None:
    """django-axes names its records in English with the UTC instant, "Access Log for
    admin @ 2026-03-05 20:30:00+00:00": the admin's titles, breadcrumbs, delete question
    and each row's check box read it. They read "Đăng nhập của admin lúc 06/03/2026
    03:30", Vietnam's time written as every other date-time (config/formats).

    Its models cannot be subclassed for the admin (its handler writes these tables), so
    their __str__ is replaced here, once, at start-up."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.utils import formats, timezone

    def moment(value) -> str:
        if value is None:
            return "—"
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")

    AccessAttempt.__str__ = lambda self: (
        f"Đăng nhập sai của {self.username or '(không tên)'} lúc {moment(self.attempt_time)}"
    )
    AccessFailureLog.__str__ = lambda self: (
        f"Đăng nhập thất bại của {self.username or '(không tên)'} lúc "
        f"{moment(self.attempt_time)} từ {self.ip_address or '(không rõ địa chỉ)'}"
    )
    AccessLog.__str__ = lambda self: (
        f"Đăng nhập của {self.username or '(không tên)'} lúc {moment(self.attempt_time)}"
    )
