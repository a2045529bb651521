"""Content-Security-Policy: every answer carries the policy, and nothing we serve needs
more than it allows. No template holds an inline script, an inline event handler, a
style attribute or element, or a javascript: link; nor does any admin page as rendered
(Django's, django-import-export's, django-simple-history's, django-axes'). The browser
side is in tests/e2e/test_csp.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"

EXPECTED = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}
# <script> elements that hold data, not code: the browser never runs them.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "text/template"}


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


class InlineCode(HTMLParser):
    """Collects what a policy without 'unsafe-inline' refuses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script_open: str | None = None

    def handle_starttag(self, tag, attrs):
        where = f"<{tag} …> line {self.getpos()[0]}"
        names = {(name or "").lower(): value or "" for name, value in attrs}
        for name, value in names.items():
            if re.fullmatch(r"on[a-z]+", name):
                self.found.append(f"event handler {name}= in {where}")
            if name == "style":
                self.found.append(f"style attribute in {where}")
            if name in ("href", "src", "action", "formaction") and value.strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"javascript: URL in {where}")
        if tag == "style":
            self.found.append(f"<style> element at line {self.getpos()[0]}")
        if tag == "script" and "src" not in names:
            kind = names.get("type", "").strip().lower()
            if kind not in DATA_SCRIPT_TYPES:
                self._script_open = where

    def handle_data(self, data):
        if self._script_open and data.strip():
            self.found.append(f"inline script in {self._script_open}")
            self._script_open = None

    def handle_endtag(self, tag):
        if tag == "script":
            self._script_open = None


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    parser.close()
    return parser.found


def without_template_comments(text: str) -> str:
    text = re.sub(r"{% comment %}.*?{% endcomment %}", "", text, flags=re.S)
    return re.sub(r"{#.*?#}", "", text, flags=re.S)


def test_the_scanner_finds_what_the_policy_refuses():
    bad = (
        '<script>alert(1)</script><a href="#" onclick="x()">a</a><p style="color:red">'
        '<style>p{}</style><a href="javascript:void(0)">b</a>'
    )
    assert len(inline_code(bad)) == 5
    good = (
        '<script src="/static/js/confirm.js" defer></script>'
        '<script type="application/json" id="data">{"a": 1}</script>'
        '<form data-confirm="Gửi?"><p class="online">one=1</p></form>'
    )
    assert inline_code(good) == []


@pytest.mark.parametrize(
    "path",
    sorted(TEMPLATES.rglob("*.html")),
    ids=lambda p: str(p.relative_to(TEMPLATES)),
)
def test_no_template_holds_inline_code(path):
    assert inline_code(without_template_comments(path.read_text(encoding="utf-8"))) == []


@pytest.mark.django_db
def test_every_answer_carries_the_policy(client, admin_user, demo):
    for url in (reverse("public:home"), reverse("login"), reverse("admin:login")):
        assert policy(client.get(url)) == EXPECTED, url
    # a page served from the public cache carries it too
    client.get(reverse("public:home"))
    assert policy(client.get(reverse("public:home"))) == EXPECTED
    # and so does a 404
    assert policy(client.get("/khong-co-trang-nay/")) == EXPECTED
    client.force_login(admin_user)
    assert policy(client.get(reverse("staff:dashboard"))) == EXPECTED


def admin_pages(model, model_admin, request_user_obj) -> list[str]:
    opts = model._meta
    name = f"admin:{opts.app_label}_{opts.model_name}"
    urls = [reverse(f"{name}_changelist")]
    obj = model_admin.get_queryset(request_user_obj).first()
    for action, args in (
        ("add", ()),
        ("change", (obj.pk,) if obj else None),
        ("history", (obj.pk,) if obj else None),
        ("import", ()),
        ("export", ()),
        ("import_background", ()),
    ):
        if args is None:
            continue
        try:
            urls.append(reverse(f"{name}_{action}", args=args))
        except NoReverseMatch:
            pass
    return urls


@pytest.mark.django_db
def test_no_admin_page_holds_inline_code(client, admin_user, demo, rf):
    """Every registered model: its list, add, change and history pages, and the import
    and export pages of django-import-export; the history list of simple-history."""
    from awards.models import Nomination

    client.force_login(admin_user)
    request = rf.get("/")
    request.user = admin_user
    checked = 0
    pages = [reverse("admin:index"), reverse("admin:password_change")]
    for model, model_admin in admin.site._registry.items():
        pages += admin_pages(model, model_admin, request)
    for url in pages:
        response = client.get(url)
        if response.status_code == 403:  # e.g. adding to a read-only log
            continue
        assert response.status_code == 200, url
        assert inline_code(response.content.decode()) == [], url
        checked += 1
    assert checked > 40
    assert any("/export/" in url for url in pages) and any("/history/" in url for url in pages)
    assert Nomination in admin.site._registry


@pytest.mark.django_db
def test_the_lockout_and_error_pages_hold_no_inline_code(client, db):
    from django.template import loader

    get_user_model().objects.create_user("cb.vanthu", password="matkhau-manh-123")
    for _ in range(5):
        response = client.post(reverse("login"), {"username": "cb.vanthu", "password": "sai"})
    assert response.status_code == 429
    assert policy(response) == EXPECTED
    assert inline_code(response.content.decode()) == []
    for name in ("500.html", "503.html"):
        assert inline_code(loader.get_template(name).render()) == []
