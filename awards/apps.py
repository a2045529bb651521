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
            # file builders; the Excel imports of the register and of a unit's nominations
            from . import jobs, nomination_sheet, sheets  # noqa: F401
