"""A nomination form sent with a mistake far down the page (the new person's unit, the
year) said so only beside the field: the page, reloaded at its top, looked as if nothing
had happened. It now says at the top that nothing was saved and where to look."""

from __future__ import annotations

import pytest
from django.urls import reverse

from awards.models import AwardType, Nomination

pytestmark = pytest.mark.django_db


def test_a_refused_nomination_says_so_at_the_top(client, cycle):
    client.force_login(cycle["staff"])
    response = client.post(
        reverse("awards:nomination_create"),
        {
            "nominating_unit": cycle["commune"].pk,
            "nominee_kind": "person",
            "new_person_name": "Vàng Văn Sử",
            "new_person_gender": "male",
            "award_type": AwardType.objects.get(code="lao-dong-tien-tien").pk,
            "commendation_kind": "annual",
            "year": "2025",
            "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ.",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Chọn đơn vị công tác của người mới." in html
    assert '<p class="form-errors" role="alert">Chưa lưu: xem lỗi ở từng ô bên dưới.</p>' in html
    assert html.index("Chưa lưu: xem lỗi") < html.index("Chọn đơn vị công tác của người mới.")
    assert not Nomination.objects.exists()
