"""An award type with no reward multiple under the decree in force (a Giấy khen, a Bằng
khen until an administrator adds one) has no amount: the decision page and its annex
must not add it up as 0 đồng, nor the fund preview say the decision pays 0, nor Điều 2
point at multiples the annex does not print."""

from __future__ import annotations

import pytest
from django.urls import reverse

from awards import money
from awards.pdf import decision_html
from tests.awards_stage import build_stage

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(cycle):
    stage = build_stage(cycle)
    decision = stage["decision"]  # one Giấy khen of the district: no multiple loaded
    assert money.decision_amounts(decision)["total"] == 0
    return stage


def test_the_draft_page_says_what_is_not_priced(client, draft):
    client.force_login(draft["office"])
    html = client.get(
        reverse("awards:decision_detail", args=[draft["decision"].pk])
    ).content.decode()
    assert "chưa tính 1 khen thưởng chưa xác định mức tiền" in html
    assert "Quyết định này chi: <strong>0 đồng</strong>." not in html
    # and the question before issuing says it too
    assert "ghi chi 0 đồng từ quỹ (chưa tính 1 khen thưởng chưa xác định mức tiền)." in html


def test_the_annex_has_no_total_of_zero_and_article_2_no_multiples(draft):
    html = decision_html(draft["decision"])
    assert "số lần mức lương cơ sở ghi tại danh sách kèm theo" not in html
    assert '<strong>Tổng cộng</strong></td><td class="num"><strong>0</strong>' not in html
    assert "Tổng cộng" not in html


def test_the_draft_form_says_the_number_is_entered_at_issue(client, draft):
    """The văn thư enters the number from the register when issuing: the draft form no
    longer says the system gives it."""
    client.force_login(draft["office"])
    html = client.get(reverse("awards:decision_create")).content.decode()
    assert "Số do hệ thống cấp" not in html
    assert "Số ghi khi ban hành, theo sổ đăng ký văn bản đi." in html
