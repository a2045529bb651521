"""A refused form's own errors are written by one include, templates/_form_errors.html
(decision 0033): the same box at the top of every form, said at once (role=alert) and
focused by static/js/keyboard.js."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

TEMPLATES = Path(settings.BASE_DIR) / "templates"
INCLUDE = "_form_errors.html"


def test_no_template_writes_a_forms_own_errors_but_the_include():
    writers = sorted(
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*.html")
        if "non_field_errors" in path.read_text(encoding="utf-8")
        and path.name != INCLUDE
        and not path.is_relative_to(TEMPLATES / "admin")  # the admin's own look
    )
    assert writers == []


@pytest.mark.django_db
def test_a_wrong_password_is_said_by_the_include_at_the_top_of_the_form(client):
    response = client.post(reverse("login"), {"username": "không-có", "password": "sai"})
    html = response.content.decode()
    top = html.index('<div class="form-errors" role="alert"><ul class="errorlist nonfield">')
    assert top < html.index('name="username"')
    assert "mật khẩu" in html[top : html.index("</div>", top)].lower()
