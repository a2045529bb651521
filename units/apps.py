from django.apps import AppConfig


class UnitsConfig(AppConfig):
    name = "units"
    verbose_name = "Đơn vị và cán bộ"

    def ready(self) -> None:
        from config import LIGHT_START

        from . import checks  # noqa: F401  (system checks)

        if not LIGHT_START:  # manage.py parse_document imports nothing of Excel
            from .sheets import units_kinds  # noqa: F401  (the Excel import's kinds)
