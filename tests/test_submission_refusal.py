"""The Tờ trình (decision 0033, fixed in fix5): a body's list of forwarded dossiers.

Typed in by hand with nothing forwarded it printed "khen thưởng 0 tập thể, cá nhân" and
an empty table; with several bodies the button printed the first body's list only; and
the dossier just forwarded led nowhere near it."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from awards import services
from awards.models import Nomination, Submission
from tests.awards_stage import build_stage, person
from tests.factories import nominate
from units.models import Membership

pytestmark = pytest.mark.django_db

NOTHING = "Chưa có hồ sơ nào đã chuyển trình cấp trên"


@pytest.fixture
def stage(cycle):
    return build_stage(cycle)


def errors(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


def test_nothing_forwarded_is_refused_in_words_not_printed_empty(client, stage):
    client.force_login(stage["office"])
    response = client.get(reverse("awards:submission_pdf"))
    assert response.status_code == 302
    assert response["Location"] == reverse("awards:decision_list")
    (said,) = errors(response)
    assert said.startswith(NOTHING) and stage["district"].name in said, said
    page = client.get(reverse("awards:decision_list")).content.decode()
    assert "Tờ trình" not in page  # no link leads to an empty one


def test_a_forwarded_dossier_leads_to_its_bodys_submission(client, stage):
    client.force_login(stage["office"])
    services.nomination_forward(actor=stage["office"], nomination=stage["beyond"])
    # handed to the province, the dossier is the district's to read (decision 0077): its
    # page still leads to the district's tờ trình, the numbered one it went with (0083)
    review = client.get(reverse("awards:nomination_review", args=[stage["beyond"].pk]), follow=True)
    submission = Submission.objects.get(nominations=stage["beyond"])
    link = reverse("awards:submission_document", args=[submission.pk])
    assert f'href="{link}"' in review.content.decode()
    response = client.get(link)
    assert response["Content-Type"] == "application/pdf"


@pytest.fixture
def two_bodies(stage, demo_units):
    """The office's staff also keeps the city's office, which forwarded a dossier too."""
    city = demo_units["ubnd-tp-lai-chau"]
    assert city.is_issuing_body
    Membership.objects.create(user=stage["office"], unit=city, role=Membership.Role.OFFICE_STAFF)
    services.nomination_forward(actor=stage["office"], nomination=stage["beyond"])
    own = nominate(stage, person=person(stage, "Lò Thị Xã Trình"))
    Nomination.objects.filter(pk=own.pk).update(status=Nomination.Status.FORWARDED, issuer=city)
    return {**stage, "city": city}


def test_with_several_bodies_each_body_prints_its_own_list(client, two_bodies):
    from tests.test_awards_pdf import text

    stage = two_bodies
    client.force_login(stage["office"])
    page = client.get(reverse("awards:decision_list")).content.decode()
    url = reverse("awards:submission_pdf")
    for body in (stage["district"], stage["city"]):
        assert f'href="{url}?co_quan={body.pk}"' in page
        assert f"Danh sách mọi hồ sơ {body.name} đã trình (PDF)" in page
    district_pdf, _ = text(client.get(url, {"co_quan": stage["district"].pk}).content)
    city_pdf, _ = text(client.get(url, {"co_quan": stage["city"].pk}).content)
    assert "Lò Văn Trình Tỉnh" in district_pdf and "Lò Thị Xã Trình" not in district_pdf
    assert "Lò Thị Xã Trình" in city_pdf and "Lò Văn Trình Tỉnh" not in city_pdf
    # no body named, two with dossiers: not the first one's list in silence
    response = client.get(url)
    assert response.status_code == 302
    (said,) = errors(response)
    assert "chọn tờ trình của từng cơ quan" in said, said
