from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self) -> None:
        from config import LIGHT_START

        from . import search, services

        search.connect()  # a rename rebuilds the grants' search text (decision 0054)
        services.connect_reform()  # a merge carries open nominations on (decision 0067)

        if not LIGHT_START:  # manage.py parse_document builds no file, imports no sheet
            from . import jobs, sheets  # noqa: F401  (file builders; the register's Excel import)
