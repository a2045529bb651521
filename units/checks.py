"""System checks that guard production settings."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def insecure_secret_key(app_configs, **kwargs):
    if settings.SECRET_KEY == getattr(settings, "INSECURE_DEV_KEY", None):
        return [
            Warning(
                "SECRET_KEY is the development default.",
                hint="Set SECRET_KEY in the environment before deploying.",
                id="thidua.W001",
            )
        ]
    if settings.THIDUA_DEMO:
        return [
            Warning(
                "THIDUA_DEMO is on: demo logins can be created.",
                hint="Turn THIDUA_DEMO off in production.",
                id="thidua.W002",
            )
        ]
    return []
