"""The public portal and a clerk's pages as walked in decision 0080: what a citizen and a
clerk on a phone saw, and now see."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_form_sent_with_an_expired_token_is_refused_in_vietnamese_with_a_way_back():
    """A login page or a comment form left open (a new token after another login, cookies
    cleared by the phone) was answered by Django's bare English page: "Forbidden (403)
    CSRF verification failed. Request aborted." with no header, no link, nothing a clerk
    or a citizen could act on."""
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/dang-nhap/", {"username": "donvi", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="vi">' in page
    assert "CSRF verification failed" not in page and "Forbidden" not in page
    assert "<title>Chưa gửi được — thidua</title>" in page
    assert "Trang đã mở quá lâu" in page
    assert 'href="/dang-nhap/"' in page  # opens the form again, with a fresh token
    assert "cookie" in page  # the other cause, said plainly


def test_the_way_back_is_the_page_the_form_was_on_never_another_site():
    browser = Client(enforce_csrf_checks=True)
    page = browser.post(
        "/quan-ly/khen-thuong/de-nghi/5/gui/",
        HTTP_REFERER="http://testserver/quan-ly/khen-thuong/de-nghi/5/",
    ).content.decode()
    assert 'href="http://testserver/quan-ly/khen-thuong/de-nghi/5/"' in page
    page = browser.post("/dang-nhap/", HTTP_REFERER="https://evil.example/x").content.decode()
    assert "evil.example" not in page and 'href="/dang-nhap/"' in page
