from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """The project package as an app, so that its cross-app wiring runs at start-up."""

    name = "config"
    verbose_name = "Cấu hình"

    def ready(self) -> None:
        from .public_cache import connect_signals

        connect_signals()
