"""Shared fixtures: fast hashing, the demo data, users with roles."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from campaigns.demo import load_seed_campaigns
from campaigns.models import Campaign
from units.demo import load_persons, load_units
from units.models import Membership, Unit


@pytest.fixture(autouse=True)
def _fast_tests(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def demo_units(db) -> dict[str, Unit]:
    return load_units()


@pytest.fixture
def demo(demo_units) -> dict[str, Campaign]:
    """The five seed campaigns, keyed by seed number ("000" ... "004")."""
    load_persons(demo_units)
    return load_seed_campaigns(demo_units)


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("quantri", "qt@example.vn", "matkhau-manh-123")


@pytest.fixture
def make_member(db):
    def make(username: str, unit: Unit, role: str = Membership.Role.UNIT_STAFF):
        user = get_user_model().objects.create_user(username, password="matkhau-manh-123")
        Membership.objects.create(user=user, unit=unit, role=role)
        return user

    return make


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (public pages, generations)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Uploads go to a fresh folder per test, never into the project."""
    settings.MEDIA_ROOT = str(tmp_path / "private_media")
