"""“Văn bản bạn đã nhập, chưa tạo dự thảo” (decision 0061) had no way to discard an entry:
refusals and abandoned reviews stayed until ten newer pushed them out. “Bỏ” archives one
(who, when; the record and its file are kept) and it leaves the list. Decision 0063."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from campaigns.models import Campaign, ImportedDocument
from units.models import Membership

from .test_import_views import seed_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(client, make_member, demo):
    user = make_member("nv.tp", demo["002"].issuer, Membership.Role.OFFICE_STAFF)
    client.force_login(user)
    client.user = user
    return client


def pasted(client, code="002") -> ImportedDocument:
    client.post(reverse("staff:import_start"), {"text": seed_text(code)})
    return ImportedDocument.objects.filter(uploaded_by=client.user).latest("pk")


def state(imported: ImportedDocument) -> tuple:
    imported = ImportedDocument.objects.get(pk=imported.pk)
    return (imported.archived, imported.archived_on, imported.archived_by_id, imported.text)


def test_bo_archives_the_import_and_it_leaves_the_list(city):
    kept = pasted(city, "000")
    gone = pasted(city)
    url = reverse("staff:import_discard", args=[gone.pk])
    html = city.get(reverse("staff:import_start")).content.decode()
    assert f'action="{url}"' in html  # a form, posted with its CSRF token
    assert "csrfmiddlewaretoken" in html[html.index(f'action="{url}"') :]
    assert 'Bỏ<span class="visually-hidden"> Văn bản dán' in html  # named for a reader

    response = city.post(url, follow=True)
    assert response.redirect_chain == [(reverse("staff:import_start"), 302)]
    html = response.content.decode()
    assert f"Đã bỏ “Văn bản dán #{gone.pk}” khỏi danh sách" in html
    assert reverse("staff:import_review", args=[gone.pk]) not in html
    assert reverse("staff:import_review", args=[kept.pk]) in html

    # never deleted: marked archived, with who and when, its text kept
    gone.refresh_from_db()
    assert gone.archived and gone.archived_by == city.user and gone.archived_on is not None
    assert gone.text == seed_text("002").strip() and gone.campaign_id is None
    # Back, or a link kept: the review still opens, and says it was discarded
    html = city.get(reverse("staff:import_review", args=[gone.pk])).content.decode()
    assert "Bạn đã bỏ văn bản này khỏi danh sách lúc" in html
    # a second click is no error and changes nothing
    before = state(gone)
    city.post(url)
    assert state(gone) == before


def test_bo_is_a_post_with_its_csrf_token(city):
    imported = pasted(city)
    url = reverse("staff:import_discard", args=[imported.pk])
    assert city.get(url).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(city.user)
    assert strict.post(url).status_code == 403
    assert state(imported)[0] is False


def test_only_the_clerk_who_imported_it_can_discard_it(city, make_member, demo):
    imported = pasted(city)
    before = state(imported)
    url = reverse("staff:import_discard", args=[imported.pk])
    another_unit = make_member("nv.td", demo["000"].issuer, Membership.Role.OFFICE_STAFF)
    colleague = make_member("nv.tp2", demo["002"].issuer, Membership.Role.OFFICE_STAFF)
    for user in (another_unit, colleague):
        other = Client()
        other.force_login(user)
        assert other.post(url).status_code == 404
        assert state(imported) == before
    city.logout()
    assert city.post(url).status_code == 302  # to the login page
    assert state(imported) == before


def test_an_import_made_into_a_draft_is_not_discarded(city, demo):
    imported = pasted(city)
    imported.campaign = Campaign.objects.first()
    imported.save()
    response = city.post(reverse("staff:import_discard", args=[imported.pk]), follow=True)
    assert "đã tạo dự thảo" in response.content.decode()
    assert state(imported)[0] is False
