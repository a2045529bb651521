"""A database outage answers 503 with Retry-After (try again); other faults answer 500."""

import pytest
from django.db import OperationalError
from django.test import Client
from django.urls import path

from config import views
from config.urls import urlpatterns as real_urls


def broken_by_outage(request):
    raise OperationalError("the database system is shutting down")


def broken_by_bug(request):
    raise ZeroDivisionError


urlpatterns = [
    path("hong-csdl/", broken_by_outage),
    path("hong/", broken_by_bug),
    *real_urls,
]
handler500 = "config.views.server_error"


@pytest.fixture
def failing_client(settings):
    settings.ROOT_URLCONF = __name__
    return Client(raise_request_exception=False)


@pytest.mark.django_db
def test_an_outage_is_a_503_with_retry_after(failing_client, monkeypatch):
    monkeypatch.setattr(views, "_database_unreachable", lambda: True)
    response = failing_client.get("/hong-csdl/")
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "tạm gián đoạn" in response.content.decode()


@pytest.mark.django_db
def test_an_operational_error_on_a_live_database_stays_a_500(failing_client):
    # the database answers (a deadlock, say): not an outage
    response = failing_client.get("/hong-csdl/")
    assert response.status_code == 500 and "Hệ thống đang gặp lỗi" in response.content.decode()


@pytest.mark.django_db
def test_a_bug_is_a_500(failing_client):
    response = failing_client.get("/hong/")
    assert response.status_code == 500 and "Retry-After" not in response
