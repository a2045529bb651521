from django.apps import AppConfig


class AwardsConfig(AppConfig):
    name = "awards"
    verbose_name = "Khen thưởng"

    def ready(self) -> None:
        from . import jobs, sheets  # noqa: F401  (file builders; the register's Excel import)
