"""No 500 on bad input, anywhere in the staff workspace.

Each demo role logs in and walks every page it can reach by links under /quan-ly/
(the awards cycle of the demo gives nominations, sessions and decisions to open).
Every page is asked again with malformed query values, and every form on it is
posted with one field at a time replaced by a malformed value: non-numeric, huge,
negative, superscript digits, impossible dates. A user may get a message or a 403 or
404, never a server error. Pages must not 500 as they are, either.
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=False)

BAD_VALUES = ["abc", "²", "1e999999", "-5", "9" * 30, "01/01/0001", "31/02/2026"]
BAD_QUERIES = [
    "?trang=²&q=%00&nam=²&xuat=abc&don_vi=²&loai=²&trang_thai=²&co_quan=²",
    "?trang=-1&nam=99999999999999999999&don_vi=abc",
]
# Office, unit staff, council member, leader (a superuser sees the office's forms).
ROLES = ["vanphong", "donvi", "hoidong", "lanhdao"]
# Downloads and the admin are not forms of the staff workspace; logout ends the walk.
SKIP = (".pdf", ".xlsx", ".csv", "/tai-ve", "/tai/", "/download", "dang-xuat", "/admin/")
MAX_PAGES = 120


class Forms(HTMLParser):
    """Links and POST forms (action, field names with their first value) of a page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._form: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form" and (a.get("method") or "get").lower() == "post":
            self._form = {"action": a.get("action") or "", "fields": {}}
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "select", "textarea", "button"):
            name = a.get("name")
            kind = (a.get("type") or tag).lower()
            # rows of a <template> ("items-__prefix__-text") are not posted by a browser
            if (
                name
                and name != "csrfmiddlewaretoken"
                and kind != "file"
                and "__prefix__" not in name
            ):
                self._form["fields"].setdefault(name, a.get("value") or "")
                if kind in ("hidden", "submit", "button"):
                    self._form.setdefault("keys", set()).add(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def _staff(url: str) -> bool:
    path = urlsplit(url).path
    return path.startswith("/quan-ly/") and not any(s in path for s in SKIP)


def _shape(url: str) -> str:
    """/quan-ly/de-nghi/12/ and /quan-ly/de-nghi/13/ are the same page to test."""
    return re.sub(r"\d+", "N", url)


def _walk(client, start: str = "/quan-ly/"):
    seen, queue = set(), deque([start])
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if _shape(url) in seen:
            continue
        seen.add(_shape(url))
        response = client.get(url)
        assert response.status_code < 500, f"GET {url}: {response.status_code}"
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page = Forms()
        page.feed(response.content.decode())
        yield url, page
        for href in page.links:
            link = urldefrag(urljoin(url, href))[0]
            if _staff(link) and _shape(link) not in seen:
                queue.append(link)


@pytest.fixture
def demo_site(settings):
    settings.THIDUA_DEMO = True
    call_command("load_demo", verbosity=0)


@pytest.mark.parametrize("role", ROLES)
def test_no_server_error_on_bad_input(client, demo_site, role):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=role))
    posted = pages = 0
    forms_seen = set()
    for url, page in list(_walk(client)):
        pages += 1
        base = url.split("?")[0]
        for query in BAD_QUERIES:
            response = client.get(base + query)
            assert response.status_code < 500, f"GET {base + query}: {response.status_code}"
        for form in page.forms:
            action = urljoin(url, form["action"]) if form["action"] else url
            key = (_shape(action), tuple(sorted(_shape(n) for n in form["fields"])))
            if not _staff(action) or key in forms_seen:
                continue
            forms_seen.add(key)
            names = list(form["fields"])
            # Hidden inputs and buttons say which action a post is; the rest is typed.
            keys = {n: form["fields"][n] for n in form.get("keys", ())}
            # every bad value in every field at once, then each field alone with one of
            # them (the other typed fields blank, so that no valid action runs)
            attempts = [dict.fromkeys(names, bad) for bad in BAD_VALUES]
            # Then the typed fields one at a time, one field of each shape (the rows of
            # a formset, "items-3-text", are alike); the long editor in groups of 8.
            typed = list({_shape(n): n for n in reversed(names) if n not in keys}.values())
            size = 1 if len(typed) <= 30 else 8
            for i in range(0, len(typed), size):
                group = typed[i : i + size]
                attempts.append(
                    {
                        **keys,
                        **{n: BAD_VALUES[(i + j) % len(BAD_VALUES)] for j, n in enumerate(group)},
                    }
                )
            for data in attempts:
                response = client.post(action, data)
                assert response.status_code < 500, f"POST {action} {data}: {response.status_code}"
                posted += 1
    # the walk really walked: the office and unit staff have many pages and forms
    assert pages >= (10 if role == "vanphong" else 2), f"{role}: {pages} pages"
    assert posted or role in ("hoidong", "lanhdao"), f"{role} found no form to post"
