"""A create form sent twice (Back, then save again; a double click) is saved once: the
second POST with the form's one-time token is sent to what the first one created
(units/once.py)."""

import re
import uuid

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from awards.models import CouncilSession, Decision, Nomination
from campaigns.results.models import Bloc, Criterion, ReportPeriod
from tests.awards_stage import build_stage
from tests.test_awards_bad_input import decision_data, nomination_data, session_data
from units.models import FormSubmission, Membership
from units.once import ALREADY_SAVED

pytestmark = pytest.mark.django_db


@pytest.fixture
def stage(cycle):
    return build_stage(cycle)


def token_of(html: str) -> str:
    found = re.search(r'name="_once" value="([0-9a-f-]{36})"', html)
    assert found, "the form carries no one-time token"
    return found.group(1)


def twice(client, url: str, data: dict, model) -> None:
    """GET the form, POST it twice with its token: one new row, both times the same page."""
    token = token_of(client.get(url).content.decode())
    before = model.objects.count()
    first = client.post(url, {**data, "_once": token})
    assert first.status_code == 302, first.content.decode()[-2000:]
    second = client.post(url, {**data, "_once": token})
    assert model.objects.count() == before + 1
    assert second.status_code == 302 and second["Location"] == first["Location"]
    assert ALREADY_SAVED in [str(m) for m in get_messages(second.wsgi_request)]


def test_nomination_saved_once(client, stage):
    client.force_login(stage["staff"])
    twice(client, reverse("awards:nomination_create"), nomination_data(stage), Nomination)


def test_session_saved_once(client, stage):
    client.force_login(stage["office"])
    twice(client, reverse("awards:session_create"), session_data(stage), CouncilSession)


def test_decision_saved_once(client, stage):
    client.force_login(stage["office"])
    twice(client, reverse("awards:decision_create"), decision_data(stage), Decision)


@pytest.fixture
def office(demo, make_member):
    campaign = demo["000"]
    return campaign, make_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF)


def test_criterion_period_and_bloc_saved_once(client, office, demo_units):
    campaign, user = office
    client.force_login(user)
    url = reverse("tracking:criteria", args=[campaign.pk])
    criterion = {"criterion": "1", "c-name": "Thu ngân sách", "c-kind": "numeric", "c-weight": "1"}
    twice(client, url, criterion, Criterion)
    twice(client, url, {"period": "1", "p-kind": "final", "p-due_on": "15/12/2026"}, ReportPeriod)
    a, b = demo_units["ubnd-x-binh-lu"], demo_units["ubnd-x-son-binh"]
    bloc = {"issuer": campaign.issuer.pk, "year": 2026, "name": "Khối xã", "head": a.pk}
    twice(client, reverse("tracking:blocs"), {**bloc, "members": [a.pk, b.pk]}, Bloc)


def test_a_form_with_errors_gives_its_token_back(client, stage):
    """The corrected form, sent with the same token, is saved."""
    client.force_login(stage["staff"])
    url = reverse("awards:nomination_create")
    token = token_of(client.get(url).content.decode())
    wrong = client.post(url, nomination_data(stage, year="", _once=token))
    assert wrong.status_code == 200
    assert token_of(wrong.content.decode()) == token  # the form keeps its token
    assert client.post(url, nomination_data(stage, _once=token)).status_code == 302
    assert Nomination.objects.filter(nominee_person=stage["people"][0], year=2025).exists()
    assert FormSubmission.objects.get(token=token).result_url.startswith("/quan-ly/")


def test_another_users_token_is_not_theirs(client, stage):
    """A token claimed by one user does not send another to the first one's page."""
    token = str(uuid.uuid4())
    client.force_login(stage["staff"])
    client.post(reverse("awards:nomination_create"), nomination_data(stage, _once=token))
    client.force_login(stage["office"])
    response = client.post(
        reverse("awards:session_create"), session_data(stage, _once=token), follow=True
    )
    assert not CouncilSession.objects.filter(title="Họp xét khen thưởng").exists()
    assert "đang được lưu" in response.content.decode()


CREATE_PAGES = [
    ("awards:nomination_create", "staff", []),
    ("awards:session_create", "office", []),
    ("awards:decision_create", "office", []),
    ("staff:campaign_create", "office", []),
    ("staff:import_start", "office", []),
    ("sheets:index", "office", []),
]


@pytest.mark.parametrize("name,who,args", CREATE_PAGES, ids=[n for n, _, _ in CREATE_PAGES])
def test_every_create_page_carries_a_token(client, stage, name, who, args):
    client.force_login(stage[who])
    token_of(client.get(reverse(name, args=args)).content.decode())


def test_a_refused_upload_gives_its_token_back(client, stage):
    """A view that refuses with a message and a redirect saved nothing: the same form,
    corrected, is then saved (not turned away as 'already saved')."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(stage["staff"])
    nomination = stage["draft"]
    html = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    token = token_of(html)
    url = reverse("awards:nomination_file", args=[nomination.pk])
    before = nomination.files.count()
    refused = client.post(
        url, {"kind": "zzz", "_once": token, "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")}
    )
    assert refused.status_code == 302 and nomination.files.count() == before
    kind = nomination.files.model.Kind.choices[0][0]
    saved = client.post(
        url, {"kind": kind, "_once": token, "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")}
    )
    shown = [str(m) for m in get_messages(saved.wsgi_request)]
    assert ALREADY_SAVED not in shown
    assert nomination.files.count() == before + 1
