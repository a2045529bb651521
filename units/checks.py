"""System checks that guard production settings."""

import os

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


@register()
def forwarded_for_setting(app_configs, **kwargs):
    """TRUST_X_FORWARDED_FOR believed any sender's header and is no longer read: a server
    that still sets it sits behind a proxy and needs TRUSTED_PROXIES instead, or every
    citizen would share the proxy's address (one rate limit, one login lock)."""
    if "TRUST_X_FORWARDED_FOR" in os.environ and not settings.TRUSTED_PROXIES:
        return [
            Warning(
                "TRUST_X_FORWARDED_FOR is no longer read; TRUSTED_PROXIES is empty.",
                hint="List the proxy's address: TRUSTED_PROXIES=127.0.0.1,::1 when nginx "
                "runs on this machine (docs/deployment.md).",
                id="thidua.W003",
            )
        ]
    return []
